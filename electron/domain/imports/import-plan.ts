import type { ImportRowResult } from '../../contract/imports';
import { formatPlate } from '../../common/plate';
import type { CustomerSnapshot, PlanLookup, VehicleSnapshot } from './plan-lookup';
import type { CustomerValues, RowRecord, VehicleValues } from './row-record';
import { describeMobile } from './row-record';
import { customerValuesOf, customerFieldLabels, vehicleFieldLabels, vehicleValuesOf } from './target-values';

/** A customer the import creates or changes. Rows naming the same person share one target. */
export interface CustomerTarget {
  existing: CustomerSnapshot | null;
  /** New: the values to insert. Existing: the stored values with this import's changes applied. */
  values: CustomerValues;
  changed: Set<keyof CustomerValues>;
  /** Stage to write; set only when it differs from what is stored. */
  stage: string | null;
  vehicles: VehicleTarget[];
  /** The first row that names this customer; 0 until a row without errors does. */
  firstRow: number;
  /** Filled in when the import is written. */
  id: number | null;
}

export interface VehicleTarget {
  existing: VehicleSnapshot | null;
  values: VehicleValues;
  changed: Set<keyof VehicleValues>;
  owner: CustomerTarget | null;
  /** The vehicle had no owner on record and gets this row's customer. */
  setsOwner: boolean;
  id: number | null;
}

export interface PlannedRow {
  result: ImportRowResult;
  customer: CustomerTarget | null;
  vehicle: VehicleTarget | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  customers: CustomerTarget[];
  vehicles: VehicleTarget[];
}

const squash = (s: string) => s.replace(/\s+/g, '');
// Stages an owner has outgrown once a delivered car is on the card; owners, VIPs and churned owners stay put.
const prospectStages = new Set(['lead', 'intent', 'lost']);
const newOwnerDays = 183;

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/**
 * Decides, row by row and in file order, what the import does. Matching: the row's mobile against customers'
 * mobile and mobile2, and its VIN against vehicles (→ the owner). A mobile or VIN already seen earlier in the
 * file refers to that earlier row's customer (a second car of the same person is added to them); a VIN seen
 * twice skips the later row. Rows with errors are skipped. Values are merged into one target per customer and
 * vehicle so each is written once.
 */
export function planImport(records: RowRecord[], lookup: PlanLookup, today: string): ImportPlan {
  const plan: ImportPlan = { rows: [], customers: [], vehicles: [] };
  const byMobile = new Map<string, CustomerTarget>();
  const byCustomerId = new Map<number, CustomerTarget>();
  const vinRows = new Map<string, number>();

  const existingTarget = (snapshot: CustomerSnapshot): CustomerTarget => {
    let target = byCustomerId.get(snapshot.id);
    if (!target) {
      target = {
        existing: snapshot,
        values: customerValuesOf(snapshot),
        changed: new Set(),
        stage: null,
        vehicles: [],
        firstRow: 0,
        id: snapshot.id,
      };
      byCustomerId.set(snapshot.id, target);
      plan.customers.push(target);
    }
    return target;
  };
  const survivor = (id: number | null): CustomerSnapshot | undefined => {
    let c = id === null ? undefined : lookup.customerById(id);
    for (let hops = 0; c?.merged_into_id && hops < 10; hops++) c = lookup.customerById(c.merged_into_id);
    return c;
  };

  for (const record of records) {
    const result: ImportRowResult = {
      rowNumber: record.rowNumber,
      action: 'skip',
      matchedCustomerId: null,
      sameAsRow: null,
      errors: [...record.errors],
      warnings: [...record.warnings],
      summary: '',
    };
    const planned: PlannedRow = { result, customer: null, vehicle: null };
    plan.rows.push(planned);
    const { customer: c, vehicle: v } = record;
    const skip = (summary: string) => {
      result.action = 'skip';
      result.summary = summary;
    };
    if (result.errors.length) {
      skip('有错误，跳过');
      continue;
    }
    const vin = v.vin;
    if (vin && vinRows.has(vin)) {
      result.warnings.push(`车架号与第 ${vinRows.get(vin)} 行重复，本行已跳过`);
      skip('重复行，跳过');
      continue;
    }

    // Who is this row about?
    const existingFor = (s: CustomerSnapshot | undefined) => (s ? existingTarget(s) : undefined);
    const mobileTarget = c.mobile
      ? (byMobile.get(c.mobile) ?? existingFor(lookup.customerByMobile(c.mobile)))
      : undefined;
    const existingVehicle = vin ? lookup.vehicleByVin(vin) : undefined;
    const vinTarget = existingVehicle ? existingFor(survivor(existingVehicle.owner_id)) : undefined;

    if (mobileTarget && vinTarget && mobileTarget !== vinTarget) {
      result.errors.push(
        `手机号属于${describeTarget(mobileTarget)}，车架号却登记在${describeTarget(vinTarget)}名下，请核对后再导入`,
      );
      skip('有错误，跳过');
      continue;
    }
    let target = mobileTarget ?? vinTarget;
    const rowChanges: string[] = [];

    if (!mobileTarget && vinTarget && c.name && squash(c.name) !== squash(vinTarget.values.name ?? '')) {
      result.errors.push(
        `车架号已登记在${describeTarget(vinTarget)}名下，但姓名${c.mobile ? '和手机号' : ''}不同（可能已过户），请先在系统中办理过户`,
      );
      skip('有错误，跳过');
      continue;
    }
    if (!mobileTarget && vinTarget && c.mobile && c.mobile !== vinTarget.values.mobile) {
      const old = vinTarget.values.mobile;
      if (old && !vinTarget.values.mobile2) {
        vinTarget.values.mobile2 = old;
        vinTarget.changed.add('mobile2');
        result.warnings.push(
          `手机号与系统中不同：改为 ${describeMobile(c.mobile)}，原号码 ${describeMobile(old)} 保留为备用手机`,
        );
      } else if (old) {
        result.warnings.push(`手机号与系统中不同：${describeMobile(old)} 将改为 ${describeMobile(c.mobile)}`);
      }
      vinTarget.values.mobile = c.mobile;
      vinTarget.changed.add('mobile');
      rowChanges.push(customerFieldLabels.mobile);
    }

    let created = false;
    if (!target) {
      if (!c.name) result.errors.push('缺少客户姓名，无法新建客户');
      if (!c.mobile && !c.mobile2 && !c.wechat) result.errors.push('手机号码和微信至少填写一项');
      if (result.errors.length) {
        skip('有错误，跳过');
        continue;
      }
      target = {
        existing: null,
        values: { sourceChannel: 'other', ...c },
        changed: new Set(),
        stage: null,
        vehicles: [],
        firstRow: record.rowNumber,
        id: null,
      };
      plan.customers.push(target);
      created = true;
    } else {
      rowChanges.push(...mergeCustomer(target, c, result.warnings));
    }
    planned.customer = target;
    result.matchedCustomerId = target.existing?.id ?? null;
    if (target.firstRow && target.firstRow < record.rowNumber) {
      result.sameAsRow = target.firstRow;
      if (!target.existing) result.warnings.push(`与第 ${target.firstRow} 行是同一客户，资料合并到该客户`);
    }
    target.firstRow ||= record.rowNumber;

    // The vehicle, if the row has one.
    let vehicleNote = '';
    if (vin) {
      vinRows.set(vin, record.rowNumber);
      if (existingVehicle) {
        const vt: VehicleTarget = {
          existing: existingVehicle,
          values: vehicleValuesOf(existingVehicle),
          changed: new Set(),
          owner: target,
          setsOwner: existingVehicle.owner_id === null,
          id: existingVehicle.id,
        };
        const changes = mergeVehicle(vt, v, result.warnings);
        if (vt.setsOwner) target.vehicles.push(vt);
        if (changes.length || vt.setsOwner) {
          plan.vehicles.push(vt);
          planned.vehicle = vt;
          vehicleNote = vt.setsOwner
            ? `；车辆 ${vehicleName(vt.values)} 归到该客户名下`
            : `；更新车辆 ${vehicleName(vt.values)}：${changes.join('、')}`;
        }
      } else {
        const values: VehicleValues = { brand: '', series: '', ...v };
        if (!values.brand) result.warnings.push('未填写品牌');
        if (!values.series) result.warnings.push('未填写车系/车型');
        const vt: VehicleTarget = {
          existing: null,
          values,
          changed: new Set(),
          owner: target,
          setsOwner: true,
          id: null,
        };
        plan.vehicles.push(vt);
        target.vehicles.push(vt);
        planned.vehicle = vt;
        vehicleNote = created ? `，车辆 ${vehicleName(values)}` : `；新增车辆 ${vehicleName(values)}`;
      }
    }
    if (c.mobile) byMobile.set(c.mobile, target);

    if (created) {
      result.action = 'create';
      result.summary = `新建客户「${target.values.name}」${describeMobile(target.values.mobile)}${vehicleNote}`;
    } else if (rowChanges.length || planned.vehicle) {
      result.action = 'update';
      const who = target.existing
        ? `客户 #${target.existing.id}「${target.values.name}」`
        : `第 ${target.firstRow} 行的新客户`;
      result.summary = `更新${who}${rowChanges.length ? `：${rowChanges.join('、')}` : ''}${vehicleNote}`;
    } else {
      skip(
        target.existing
          ? `与系统中的资料一致，无需更新（客户 #${target.existing.id}「${target.values.name}」）`
          : `与第 ${target.firstRow} 行重复，没有新内容`,
      );
    }
  }

  for (const target of plan.customers) target.stage = stageFor(target, today);
  return plan;
}

function describeTarget(t: CustomerTarget): string {
  return t.existing
    ? `客户 #${t.existing.id}「${t.values.name}」`
    : `第 ${t.firstRow} 行的客户「${t.values.name}」`;
}

function vehicleName(v: VehicleValues): string {
  return v.plate ? `${formatPlate(v.plate)}（${v.vin}）` : (v.vin ?? '');
}

/** Applies a row's values to a customer already targeted; returns the labels of what changed. */
function mergeCustomer(target: CustomerTarget, c: CustomerValues, warnings: string[]): string[] {
  const labels: string[] = [];
  for (const key of Object.keys(c) as (keyof CustomerValues)[]) {
    const next = c[key];
    if (next === undefined || key === 'mobile') continue;
    const current = target.values[key];
    if (key === 'name') {
      if (current && squash(current) !== squash(next as string)) {
        warnings.push(
          `姓名与${target.existing ? '系统中' : `第 ${target.firstRow} 行`}不一致（${current}），保留原姓名`,
        );
      }
      continue;
    }
    if (key === 'mobile2' && next === target.values.mobile) continue;
    let value = next;
    if (key === 'notes' && current) {
      if ((current as string).includes(next as string)) continue;
      value = `${current as string}\n${next as string}`.slice(0, 2000);
    }
    if (current === value) continue;
    (target.values as Record<string, unknown>)[key] = value;
    if (target.existing) target.changed.add(key);
    labels.push(customerFieldLabels[key]);
  }
  return labels;
}

function mergeVehicle(vt: VehicleTarget, v: VehicleValues, warnings: string[]): string[] {
  const labels: string[] = [];
  for (const key of Object.keys(v) as (keyof VehicleValues)[]) {
    const next = v[key];
    if (next === undefined || key === 'vin' || next === '') continue;
    const current = vt.values[key];
    if (current === next) continue;
    if (key === 'mileageKm' && typeof current === 'number' && (next as number) < current) {
      warnings.push(`里程 ${next as number} 公里低于系统记录（${current} 公里），未更新里程`);
      continue;
    }
    (vt.values as Record<string, unknown>)[key] = next;
    vt.changed.add(key);
    labels.push(vehicleFieldLabels[key]);
  }
  return labels;
}

/**
 * New customers: an owner (新车客户 within six months of their only car's delivery) when they have a car that is
 * delivered (a car in a dealer's customer file with no date is taken as delivered), else a lead. Existing
 * prospects move up the same way; everyone else keeps their stage.
 */
function stageFor(target: CustomerTarget, today: string): string | null {
  const delivered = target.vehicles.filter(
    (vt) => !vt.values.deliveryDate || vt.values.deliveryDate <= today,
  );
  const current = target.existing?.stage ?? null;
  if (current && !prospectStages.has(current)) return null;
  if (!delivered.length) return current ? null : 'lead';
  const only = delivered[0]!.values.deliveryDate;
  const recent = delivered.length === 1 && only !== undefined && daysBetween(only, today) <= newOwnerDays;
  return recent ? 'new_owner' : 'owner';
}
