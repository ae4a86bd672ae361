import type Database from 'better-sqlite3';
import type { DuplicateScanReason } from '../../contract/duplicates';

/** One piece of evidence that customers a < b are the same person; `key` is the shared value. */
export interface CandidatePair {
  a: number;
  b: number;
  reason: DuplicateScanReason;
  key: string;
  /** similar_name_phone only: both names and both phones, to confirm closeness in code. */
  nameA: string | null;
  nameB: string | null;
  phoneA: string | null;
  phoneB: string | null;
}

/**
 * The live cards are read once into a narrow materialised table (ids, names, phones, birthday, ID number);
 * each reason is then an equality self-join that SQLite answers through an automatic index, so the whole base
 * costs one table scan plus a few sorts, never a comparison of every card with every other.
 * Close phones are found through blocking keys (same pinyin and the same last 4 or first 6 digits, see
 * similarity.ts) and confirmed in code.
 */
const candidateSql = `
with c as materialized (
  select id, name, name_pinyin as py, birthday, id_number, mobile, mobile2
  from customers where merged_into_id is null
),
ph as materialized (
  select id, name, py, mobile as p, substr(mobile, 8) as tail4, substr(mobile, 1, 6) as head6 from c
  where mobile is not null
  union all
  select id, name, py, mobile2, substr(mobile2, 8), substr(mobile2, 1, 6) from c
  where mobile2 is not null and mobile2 is not mobile
)
select distinct x.id as a, y.id as b, 'same_mobile' as reason, x.p as key,
  null as nameA, null as nameB, null as phoneA, null as phoneB
from ph x join ph y on y.p = x.p and y.id > x.id
union all
select x.id, y.id, 'same_id_number', x.id_number, null, null, null, null
from c x join c y on y.id_number = x.id_number and y.id > x.id
where x.id_number is not null
union all
select x.id, y.id, 'same_name_birthday', x.birthday, null, null, null, null
from c x join c y on y.name = x.name and y.birthday = x.birthday and y.id > x.id
where x.birthday is not null
union all
select x.id, y.id, 'similar_name_phone', x.py, x.name, y.name, x.p, y.p
from ph x join ph y on y.py = x.py and y.tail4 = x.tail4 and y.id > x.id and y.p <> x.p
where x.py <> ''
union all
select x.id, y.id, 'similar_name_phone', x.py, x.name, y.name, x.p, y.p
from ph x join ph y on y.py = x.py and y.head6 = x.head6 and y.id > x.id and y.p <> x.p
where x.py <> ''
union all
select distinct min(v1.owner_id, v2.owner_id), max(v1.owner_id, v2.owner_id), 'same_plate', v1.plate,
  null, null, null, null
from vehicles v1
join vehicles v2 on v2.plate = v1.plate and v2.id > v1.id and v2.owner_id <> v1.owner_id
join customers o1 on o1.id = v1.owner_id and o1.merged_into_id is null
join customers o2 on o2.id = v2.owner_id and o2.merged_into_id is null
where v1.plate in (select plate from vehicles where plate is not null group by plate having count(*) > 1)
`;

export function findCandidatePairs(db: Database.Database): CandidatePair[] {
  return db.prepare(candidateSql).all() as CandidatePair[];
}
