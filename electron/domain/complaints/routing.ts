import type Database from 'better-sqlite3';
import type { ChannelOutput } from '../../contract';
import type { ComplaintSettings } from '../../contract/complaint-settings';
import type { ComplaintCategory } from '../../contract/complaint-terms';
import { AppError } from '../../contract/errors';
import type { Role } from '../../contract/permissions';
import { roleCan, roles } from '../../contract/permissions';
import { prepared } from '../customers/sql-cache';

/** Roles whose members can be a ticket's owner: those who work tickets. */
export const handlerRoles: readonly Role[] = roles.filter((r) => roleCan(r, 'complaints.work'));
/** Roles who approve, reopen and watch: complaints.manage. */
export const managerRoles: readonly Role[] = roles.filter((r) => roleCan(r, 'complaints.manage'));

const inList = (rs: readonly Role[]) => rs.map((r) => `'${r}'`).join(', ');

export interface DepartmentRef {
  id: number;
  code: string;
  name: string;
}

export function departmentById(sqlite: Database.Database, id: number): DepartmentRef | null {
  return (
    (prepared(sqlite, 'select id, code, name from departments where id = ?').get(id) as
      DepartmentRef | undefined) ?? null
  );
}

/** The department a category goes to by default (Settings), if it still exists. */
export function defaultDepartment(
  sqlite: Database.Database,
  settings: ComplaintSettings,
  category: ComplaintCategory,
): DepartmentRef | null {
  return (
    (prepared(sqlite, 'select id, code, name from departments where code = ?').get(
      settings.categoryDepartments[category],
    ) as DepartmentRef | undefined) ?? null
  );
}

/** The managers a high-value customer's ticket, a breach or an approval goes to: role manager first, then admin. */
export function activeManagers(sqlite: Database.Database): { id: number; name: string; role: Role }[] {
  return prepared(
    sqlite,
    `select id, display_name as name, role from users where disabled = 0 and role in (${inList(managerRoles)})
     order by case role when 'manager' then 0 else 1 end, id`,
  ).all() as { id: number; name: string; role: Role }[];
}

/**
 * The manager of a ticket's owner: a manager in the owner's (else the ticket's) department; failing that, the
 * ticket's named manager; failing that, every active manager (the store has one 客服经理 in most cases).
 */
export function ownersManagers(
  sqlite: Database.Database,
  t: { ownerUserId: number | null; departmentId: number | null; managerUserId: number | null },
): number[] {
  const ownerDept = t.ownerUserId
    ? (prepared(sqlite, 'select department_id from users where id = ?').pluck().get(t.ownerUserId) as
        number | null)
    : null;
  const dept = ownerDept ?? t.departmentId;
  if (dept !== null) {
    const inDept = prepared(
      sqlite,
      `select id from users where disabled = 0 and role in (${inList(managerRoles)}) and department_id = ? and id != ?`,
    )
      .pluck()
      .all(dept, t.ownerUserId ?? 0) as number[];
    if (inDept.length) return inDept;
  }
  if (t.managerUserId !== null && t.managerUserId !== t.ownerUserId) return [t.managerUserId];
  return activeManagers(sqlite)
    .filter((m) => m.role === 'manager')
    .map((m) => m.id);
}

/**
 * The 总经理 an A-grade breach goes to. There is no general-manager role in this app: every active manager and
 * administrator is told instead.
 */
export function generalManagers(sqlite: Database.Database): number[] {
  return activeManagers(sqlite).map((m) => m.id);
}

/** Checks the department, owner and manager of a routing; the owner must be an active handler. */
export function checkRouting(
  sqlite: Database.Database,
  r: { departmentId: number | null; ownerUserId: number | null; managerUserId: number | null },
): void {
  if (r.departmentId !== null && !departmentById(sqlite, r.departmentId)) {
    throw new AppError('validation', '责任部门不存在', { fields: { departmentId: '请选择责任部门' } });
  }
  const user = prepared(
    sqlite,
    'select role, disabled, department_id as departmentId from users where id = ?',
  );
  if (r.ownerUserId !== null) {
    const u = user.get(r.ownerUserId) as
      { role: Role; disabled: number; departmentId: number | null } | undefined;
    if (!u || u.disabled || !handlerRoles.includes(u.role)) {
      throw new AppError('validation', '负责人须是可处理投诉的在职员工', {
        fields: { ownerUserId: '请选择可处理投诉的在职员工' },
      });
    }
  }
  if (r.managerUserId !== null) {
    const u = user.get(r.managerUserId) as { role: Role; disabled: number } | undefined;
    if (!u || u.disabled || !managerRoles.includes(u.role)) {
      throw new AppError('validation', '跟进经理须是在职的客服经理或系统管理员', {
        fields: { managerUserId: '请选择客服经理' },
      });
    }
  }
}

/** The routing pickers: departments with their handlers, the managers, and who can receive a complaint. */
export function listStaff(sqlite: Database.Database): ChannelOutput<'complaints.staff'> {
  const departments = prepared(
    sqlite,
    'select id, code, name from departments order by id',
  ).all() as DepartmentRef[];
  const members = prepared(
    sqlite,
    `select id, display_name as name, role, department_id as departmentId from users
     where disabled = 0 and role in (${inList(handlerRoles)}) order by display_name, id`,
  ).all() as { id: number; name: string; role: string; departmentId: number | null }[];
  const receivers = prepared(
    sqlite,
    `select id, display_name as name from users where disabled = 0 and role in (${inList(
      roles.filter((r) => roleCan(r, 'complaints.raise')),
    )}) order by display_name, id`,
  ).all() as { id: number; name: string }[];
  return {
    departments: departments.map((d) => ({
      ...d,
      members: members
        .filter((m) => m.departmentId === d.id)
        .map((m) => ({ id: m.id, name: m.name, role: m.role })),
    })),
    managers: activeManagers(sqlite).map((m) => ({ id: m.id, name: m.name })),
    receivers,
  };
}
