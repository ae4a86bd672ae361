import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visitFactsMigrationSql } from '../../db/visit-facts-sql';
import { defaultWarrantyTerms } from '../../electron/domain/customers/customer-rules/warranty-state';

/** The migration that created the visit facts holds the very statements the demo generator re-runs. */
describe('visit facts SQL', () => {
  it('is the migration’s, statement for statement', () => {
    const dir = path.resolve(import.meta.dirname, '../../db/migrations');
    const migration = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .find((sql) => sql.includes('CREATE TABLE `customer_visit_months`'));
    expect(migration).toBeDefined();
    expect(migration).toContain(visitFactsMigrationSql);
  });

  // The triggers spell the maker's warranty terms out in SQL (a migration cannot import them): terms changed in
  // warranty-state.ts without a migration that rewrites the triggers would split the report from the card.
  it('spells the warranty terms of warranty-state.ts', () => {
    const months = defaultWarrantyTerms.warrantyYears * 12;
    expect(visitFactsMigrationSql).toContain(`'+${months} months'`);
    expect(visitFactsMigrationSql).toContain(
      `mileage_km >= ${defaultWarrantyTerms.warrantyKm} then 'expired'`,
    );
  });
});
