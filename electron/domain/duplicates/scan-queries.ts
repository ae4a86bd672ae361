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
 * One set-based statement per reason, each in two steps: a GROUP BY over the whole table finds the shared
 * values (an index-only scan for phones and plates, one sequential scan plus a sort for the rest), then only
 * the few cards holding a shared value are read back through an index and paired. Nothing compares every card
 * with every other. Close phones are found through blocking keys (same pinyin and the same last 4 or first 6
 * digits, see similarity.ts) and confirmed in code. `not indexed` keeps SQLite on the sequential scan where
 * walking an index would mean a random read per card.
 */
const noNames = 'null as nameA, null as nameB, null as phoneA, null as phoneB';

/** Same pinyin and the same blocking key of the main mobile; `block` writes the key for a column prefix. */
function similarPhoneSql(block: (prefix: string) => string): string {
  return `
    select * from (
      with shared as (
        select name_pinyin as py, ${block('')} as k from customers not indexed
        where mobile is not null and name_pinyin <> '' and merged_into_id is null
        group by 1, 2 having count(*) > 1
      ),
      holders as materialized (
        select c.id, c.name, c.name_pinyin as py, c.mobile as p, ${block('c.')} as k
        from shared join customers c on c.name_pinyin = shared.py and ${block('c.')} = shared.k
        where c.merged_into_id is null and c.mobile is not null
      )
      select x.id as a, y.id as b, 'similar_name_phone' as reason, x.py as key,
        x.name as nameA, y.name as nameB, x.p as phoneA, y.p as phoneB
      from holders x join holders y on y.py = x.py and y.k = x.k and y.id > x.id and y.p <> x.p
    )`;
}

const candidateQueries: Record<DuplicateScanReason, string> = {
  same_mobile: `
    with shared(p) as (
      select mobile from customers where mobile is not null group by mobile having count(*) > 1
      union select mobile2 from customers where mobile2 is not null group by mobile2 having count(*) > 1
      union select a.mobile2 from customers a join customers b on b.mobile = a.mobile2
        where a.mobile2 is not null and b.id <> a.id
    ),
    holders(id, p) as (
      select c.id, shared.p from shared join customers c on c.mobile = shared.p where c.merged_into_id is null
      union select c.id, shared.p from shared join customers c on c.mobile2 = shared.p where c.merged_into_id is null
    )
    select distinct x.id as a, y.id as b, 'same_mobile' as reason, x.p as key, ${noNames}
    from holders x join holders y on y.p = x.p and y.id > x.id`,
  same_id_number: `
    with holders as (
      select id, id_number from (
        select id, id_number, count(*) over (partition by id_number) as n
        from customers not indexed where id_number is not null and merged_into_id is null
      ) where n > 1
    )
    select x.id as a, y.id as b, 'same_id_number' as reason, x.id_number as key, ${noNames}
    from holders x join holders y on y.id_number = x.id_number and y.id > x.id`,
  same_name_birthday: `
    with shared as (
      select name, birthday from customers not indexed where birthday is not null and merged_into_id is null
      group by name, birthday having count(*) > 1
    ),
    holders as materialized (
      select c.id, c.name, c.birthday from shared join customers c on c.name = shared.name and c.birthday = shared.birthday
      where c.merged_into_id is null
    )
    select x.id as a, y.id as b, 'same_name_birthday' as reason, x.birthday as key, ${noNames}
    from holders x join holders y on y.name = x.name and y.birthday = x.birthday and y.id > x.id`,
  similar_name_phone: `${similarPhoneSql((c) => `substr(${c}mobile, 8)`)} union all ${similarPhoneSql((c) => `substr(${c}mobile, 1, 6)`)}`,
  same_plate: `
    select distinct min(v1.owner_id, v2.owner_id) as a, max(v1.owner_id, v2.owner_id) as b, 'same_plate' as reason,
      v1.plate as key, ${noNames}
    from vehicles v1
    join vehicles v2 on v2.plate = v1.plate and v2.id > v1.id and v2.owner_id <> v1.owner_id
    join customers o1 on o1.id = v1.owner_id and o1.merged_into_id is null
    join customers o2 on o2.id = v2.owner_id and o2.merged_into_id is null
    where v1.plate in (select plate from vehicles where plate is not null group by plate having count(*) > 1)`,
};

/** Candidate pairs for the given reasons; a pair may come once per reason (and twice from the two phone keys). */
export function findCandidatePairs(
  db: Database.Database,
  reasons: readonly DuplicateScanReason[],
): CandidatePair[] {
  return reasons.flatMap((reason) => db.prepare(candidateQueries[reason]).all() as CandidatePair[]);
}
