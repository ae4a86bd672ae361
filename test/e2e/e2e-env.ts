import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const e2ePort = Number(process.env.E2E_PORT ?? 5188);
export const adminPassword = 'e2e-Admin-Pass1';
/** Kept outside Playwright's outputDir, which it empties on every run. */
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');
