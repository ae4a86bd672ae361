import type Database from 'better-sqlite3';
import type { Role } from '../../contract/permissions';
import type { DemoScale } from './generate-demo';

interface StaffMember {
  username: string;
  displayName: string;
  role: Role;
  department: string;
}

/**
 * A store's people, so the demo's history has hands: who made the calls, who owns a complaint, who runs an
 * event. Fixed names rather than the customer generator's, so adding them changed no customer row.
 */
const core: StaffMember[] = [
  { username: 'zhouting', displayName: '周婷', role: 'manager', department: 'customer_care' },
  { username: 'lixiaomei', displayName: '李晓梅', role: 'front_desk', department: 'customer_care' },
  { username: 'chenjia', displayName: '陈佳', role: 'front_desk', department: 'customer_care' },
  { username: 'huangzhiqiang', displayName: '黄志强', role: 'complaint_handler', department: 'service' },
  { username: 'zengwei', displayName: '曾伟', role: 'complaint_handler', department: 'service' },
  { username: 'luoyan', displayName: '罗燕', role: 'complaint_handler', department: 'sales' },
  { username: 'yeqing', displayName: '叶青', role: 'complaint_handler', department: 'customer_care' },
  { username: 'zhongjian', displayName: '钟健', role: 'sales', department: 'sales' },
  { username: 'qiuhui', displayName: '邱慧', role: 'sales', department: 'sales' },
];

const operators: StaffMember[] = [
  ['hf.wangli', '王丽'],
  ['hf.zhangmin', '张敏'],
  ['hf.liufang', '刘芳'],
  ['hf.wenjing', '温静'],
  ['hf.laixue', '赖雪'],
  ['hf.liaoting', '廖婷'],
  ['hf.guyu', '古雨'],
  ['hf.xieyun', '谢云'],
].map(([username, displayName]) => ({
  username: username!,
  displayName: displayName!,
  role: 'callback_operator' as const,
  department: 'customer_care',
}));

/** More customers, more call-back seats. */
const operatorSeats: Record<DemoScale, number> = { S: 3, M: 5, L: 8 };

/** Not a scrypt hash, so no password opens it: an administrator sets one (用户管理 → 重置密码) to try a role. */
export const unusablePasswordHash = 'unset';

export interface DemoStaffOptions {
  scale: DemoScale;
  nowIso: string;
  /** Hash every staff account gets; without one, the accounts wait for an administrator to set passwords. */
  passwordHash?: string;
}

/**
 * Writes the staff and gives the generated history its people: finished calls to the operators (in turn, by
 * task), handled complaints to a handler of the ticket's department, events to the manager. Unassigned open
 * call-back tasks stay in the team's pool, as a store starts its day.
 */
export function writeDemoStaff(sqlite: Database.Database, opts: DemoStaffOptions): number {
  const departments = new Map(
    (sqlite.prepare('select id, code from departments').all() as { id: number; code: string }[]).map((d) => [
      d.code,
      d.id,
    ]),
  );
  const staff = [...core, ...operators.slice(0, operatorSeats[opts.scale])];
  const insert = sqlite.prepare(
    `insert into users (username, display_name, password_hash, role, department_id, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids = staff.map((s) => ({
    ...s,
    id: Number(
      insert.run(
        s.username,
        s.displayName,
        opts.passwordHash ?? unusablePasswordHash,
        s.role,
        departments.get(s.department) ?? null,
        opts.nowIso,
        opts.nowIso,
      ).lastInsertRowid,
    ),
  }));

  sqlite.exec(
    'create temp table demo_staff_pick (role text, department_id integer, k integer, user_id integer)',
  );
  const pick = sqlite.prepare('insert into demo_staff_pick values (?, ?, ?, ?)');
  const seen = new Map<string, number>();
  for (const s of ids) {
    const key = `${s.role}:${departments.get(s.department) ?? ''}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    pick.run(s.role, departments.get(s.department) ?? null, k, s.id);
  }
  const seats = operatorSeats[opts.scale];
  sqlite
    .prepare(
      `update callback_tasks set completed_by = (select user_id from demo_staff_pick
         where role = 'callback_operator' and k = callback_tasks.id % ?)
       where status = 'done' and completed_by is null`,
    )
    .run(seats);
  // A ticket still at intake has no owner yet; later ones belong to a handler of their department.
  sqlite.exec(`update complaint_tickets set owner_user_id = (
      select p.user_id from demo_staff_pick p
      where p.role = 'complaint_handler' and p.department_id = complaint_tickets.department_id
        and p.k = complaint_tickets.id % (select count(*) from demo_staff_pick q
          where q.role = 'complaint_handler' and q.department_id = complaint_tickets.department_id))
    where state <> 'received' and owner_user_id is null`);
  const manager = ids.find((s) => s.role === 'manager')!.id;
  sqlite.prepare('update events set owner_user_id = ? where owner_user_id is null').run(manager);
  sqlite.exec('drop table demo_staff_pick');
  return ids.length;
}
