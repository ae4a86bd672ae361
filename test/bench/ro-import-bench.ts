import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { vinCheckDigit } from '../../electron/common/vin';
import type { ImportApplyResult, ImportPreview, ImportProgress } from '../../electron/contract/imports';
import { databaseFileName } from '../../electron/server/data-dir';
import type { BenchServer } from './api-server';
import { startBenchServer } from './api-server';
import { benchDataDir, benchDataDirIfReady } from './bench-db';
import type { Figures, Row } from './stats';
import { printTable } from './stats';

const rowCount = 50_000;
const target = '< 20 s';
const types = ['定期保养', '一般维修', '首保', '钣喷', '美容', '索赔'];
const advisors = ['王顾问', '李顾问', '张顾问', '陈顾问', '刘顾问'];

interface Car {
  vin: string;
  plate: string | null;
  km: number;
}

/**
 * A DMS export of 50,000 repair orders for cars of the scale's database: two orders per car over the half
 * year before the data's day, mileage going up. Every hundredth row is wrong in one way (negative amount, out
 * before in, an unknown VIN, the order number of the row before), so the error paths are timed too.
 */
export function roRows(cars: Car[]): (string | number | Date)[][] {
  const rows: (string | number | Date)[][] = [];
  for (let i = 0; i < rowCount; i++) {
    const car = cars[Math.floor(i / 2) % cars.length]!;
    const second = i % 2 === 1;
    const inDay = new Date(Date.UTC(2026, 5 + (second ? 3 : 0), 1 + (i % 28)));
    const outDay = new Date(inDay.getTime() + (i % 3) * 86_400_000);
    const labor = 100 + (i % 7) * 50;
    const parts = (i % 11) * 123.5;
    const row: (string | number | Date)[] = [
      `RO2026${String(i).padStart(7, '0')}`,
      car.vin,
      car.plate ?? '',
      inDay,
      outDay,
      car.km + (second ? 5_000 : 2_000),
      types[i % types.length]!,
      labor,
      parts,
      labor + parts,
      advisors[i % advisors.length]!,
      i % 13 === 0 ? '仪表报警' : '',
      `项目${i % 40}`,
    ];
    if (i % 100 === 17) row[9] = -50;
    if (i % 100 === 37) row[4] = new Date(inDay.getTime() - 86_400_000);
    if (i % 100 === 57) {
      const draft = `LBENCH0K0M${String(900_000 + i).padStart(7, '0')}`.slice(0, 17);
      row[1] = draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
    }
    if (i % 100 === 77) row[0] = rows[i - 1]![0]!;
    rows.push(row);
  }
  return rows;
}

async function workbook(rows: (string | number | Date)[][]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet('维修工单');
  ws.addRow(['2026年维修工单明细']).commit();
  ws.addRow([
    '工单号',
    '车架号',
    '车牌号',
    '进厂日期',
    '结算日期',
    '进厂里程',
    '维修类型',
    '工时费',
    '材料费',
    '结算金额',
    '服务顾问',
    '故障描述',
    '维修项目',
  ]).commit();
  for (const r of rows) {
    const row = ws.addRow(r);
    row.getCell(4).numFmt = 'yyyy-mm-dd';
    row.getCell(5).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.addRow(['合计', '', '', '', '', '', '', '', '', rows.reduce((s, r) => s + Number(r[9]), 0)]).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

const once = (ms: number): Figures => ({ p50: ms, p95: ms, n: 1 });

async function waitForJob(
  server: BenchServer,
  jobId: string,
  log: (l: string) => void,
): Promise<ImportApplyResult> {
  let lastPhase = '';
  for (;;) {
    // As the wizard polls: a background call, which does not write the session behind the import's transaction.
    const reply = (await (
      await fetch(`${server.url}/api/imports.progress`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${server.token}`,
          'x-dealer-background': '1',
        },
        body: JSON.stringify({ jobId }),
      })
    ).json()) as { ok: boolean; data?: ImportProgress; error?: { message: string } };
    if (!reply.ok || !reply.data) throw new Error(`imports.progress: ${reply.error?.message}`);
    const p = reply.data;
    if (p.phase !== lastPhase) {
      log(`    ${p.phase} ${p.done}/${p.total}`);
      lastPhase = p.phase;
    }
    if (p.phase === 'done' && p.result) return p.result;
    if (p.phase === 'failed') throw new Error(`import failed: ${p.error?.message}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * 50,000 repair orders through the real server against a copy of the scale's database (the cached one is never
 * written): preview, apply in the import worker until done, then revert. Beside it the same visits as raw
 * inserts in one transaction on the same copy.
 */
export async function benchRoImport(
  scale: 'S' | 'M' | 'L',
  port: number,
  log: (line: string) => void,
): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-ro-bench-'));
  const raw = new Database(path.join(sourceDir(scale, log), databaseFileName), { readonly: true });
  try {
    const t0 = performance.now();
    await raw.backup(path.join(dir, databaseFileName));
    log(`  ${scale}: copied the database in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const cars = raw
      .prepare(
        `select vin, plate, coalesce(mileage_km, 10000) as km from vehicles
         where owner_id is not null and delivery_date is not null and delivery_date < '2026-05-01'
         order by id limit ?`,
      )
      .all(rowCount / 2) as Car[];
    const file = await workbook(roRows(cars));
    log(
      `  ${rowCount.toLocaleString('en-US')} RO rows over ${cars.length} cars, ${(file.length / 1024 / 1024).toFixed(1)} MB`,
    );
    const input = {
      kind: 'repair_orders',
      fileName: 'ro-bench-50k.xlsx',
      contentBase64: file.toString('base64'),
    };
    const server = await startBenchServer(dir, port);
    let previewMs: number;
    let applyMs: number;
    let revertMs: number;
    try {
      let t = performance.now();
      const preview = (await server.call('imports.preview', input)) as ImportPreview;
      previewMs = performance.now() - t;
      log(`  preview ${(previewMs / 1000).toFixed(1)} s: ${JSON.stringify(preview.counts)}`);
      t = performance.now();
      const started = (await server.call('imports.apply', input)) as { jobId: string };
      const result = await waitForJob(server, started.jobId, log);
      applyMs = performance.now() - t;
      log(
        `  apply ${(applyMs / 1000).toFixed(1)} s: ${JSON.stringify({ created: result.created, updated: result.updated })}`,
      );
      t = performance.now();
      await server.call('imports.revert', { batchId: result.batchId });
      revertMs = performance.now() - t;
      log(`  revert ${(revertMs / 1000).toFixed(1)} s`);
    } finally {
      await server.stop();
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    log(
      `  ${scale} RO import 50k: preview ${s(previewMs)} + apply ${s(applyMs)} = ${s(previewMs + applyMs)} (target ${target})`,
    );
    return [
      { scale, operation: 'RO import 50k: imports.preview (dry run)', api: once(previewMs), raw: null },
      {
        scale,
        operation: 'RO import 50k: imports.apply (worker, until done)',
        api: once(applyMs),
        raw: null,
      },
      {
        scale,
        operation: 'RO import 50k: preview + apply',
        api: once(previewMs + applyMs),
        raw: null,
        target,
      },
      { scale, operation: 'RO import 50k: imports.revert', api: once(revertMs), raw: null },
    ];
  } finally {
    raw.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The cached database of the scale. The import works on a copy, which the server migrates forward at its start,
 * so when this checkout's schema has no cache yet (a new migration) the newest complete one of the scale serves
 * rather than an eight-minute rebuild at L.
 */
function sourceDir(scale: 'S' | 'M' | 'L', log: (line: string) => void): string {
  const root = process.env.DEALER_CRM_BENCH_DIR ?? path.join(os.tmpdir(), 'dealer-crm-bench');
  const complete = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((d) => d.startsWith(`scale-${scale}-`) && fs.existsSync(path.join(root, d, 'complete')))
        .map((d) => path.join(root, d))
        .sort(
          (a, b) =>
            fs.statSync(path.join(b, 'complete')).mtimeMs - fs.statSync(path.join(a, 'complete')).mtimeMs,
        )
    : [];
  const exact = benchDataDirIfReady(scale);
  if (exact) return exact;
  if (complete[0]) {
    log(
      `  ${scale}: no cache for this schema yet; copying ${path.basename(complete[0])} (migrated on the copy)`,
    );
    return complete[0];
  }
  return benchDataDir(scale, log);
}

// `npx tsx test/bench/ro-import-bench.ts L` runs this module alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const scale = (process.argv[2] ?? 'L') as 'S' | 'M' | 'L';
  benchRoImport(scale, 5395, (l) => console.log(l))
    .then((rows) => printTable(rows))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
