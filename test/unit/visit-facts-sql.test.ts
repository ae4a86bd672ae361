import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  visitFactsBackfillSql,
  visitFactsTriggerNames,
  visitFactsTriggerSql,
} from '../../db/visit-facts-sql';
import { defaultWarrantyTerms } from '../../electron/domain/customers/customer-rules/warranty-state';

const dir = path.resolve(import.meta.dirname, '../../db/migrations');
const migrations = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));

/**
 * The migrations hold the very statements the demo generator and the bulk writers re-run: the backfill is the
 * one of the migration that created the visit facts, each trigger the one of the latest migration creating it.
 */
describe('visit facts SQL', () => {
  it('is the migrations’, statement for statement', () => {
    const created = migrations.find((sql) => sql.includes('CREATE TABLE `customer_visit_months`'));
    expect(created).toContain(visitFactsBackfillSql.join('\n--> statement-breakpoint\n'));
    visitFactsTriggerNames.forEach((name, i) => {
      const latest = migrations.findLast((sql) => sql.includes(`CREATE TRIGGER \`${name}\``));
      expect(latest, name).toContain(visitFactsTriggerSql[i]);
    });
  });

  // The triggers spell the maker's warranty terms out in SQL (a migration cannot import them): terms changed in
  // warranty-state.ts without a migration that rewrites the triggers would split the report from the card.
  it('spells the warranty terms of warranty-state.ts', () => {
    const all = [...visitFactsBackfillSql, ...visitFactsTriggerSql].join('\n');
    const months = defaultWarrantyTerms.warrantyYears * 12;
    expect(all).toContain(`'+${months} months'`);
    expect(all).toContain(`mileage_km >= ${defaultWarrantyTerms.warrantyKm} then 'expired'`);
  });
});
