import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';
import { vinCheckDigit } from '../../electron/common/vin';
import type { ImportApplyResult, ImportPreview, ImportProgress } from '../../electron/contract/imports';
import { nameSearchKeys } from '../../electron/domain/customers/name-keys';
import type { BenchServer } from './api-server';
import { startBenchServer } from './api-server';
import { readSheetJs } from '../../electron/domain/imports/read-sheetjs';
import { readXlsx } from '../../electron/domain/imports/read-xlsx';
import type { Figures, Row } from './stats';
import { percentiles, printTable } from './stats';

const rowCount = 50_000;
const target = '< 20 s';
// Pools large enough that nearly every name is different, as in a real customer file (pinyin keys are per name).
const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const given =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红俊鹏飞燕玲萍辉宇浩凯文博鑫雪梅琳晨阳欣怡子涵思雨佳琪梓轩宏';
const districts = ['惠城区', '惠阳区', '惠东县', '博罗县', '龙门县'];
const cars: [string, string][] = [
  ['丰田', '凯美瑞'],
  ['本田', '雅阁'],
  ['大众', '朗逸'],
  ['日产', '轩逸'],
  ['比亚迪', '汉'],
];

interface BenchRecord {
  name: string;
  gender: string;
  mobile: string;
  vin: string;
  plate: string;
  brand: string;
  series: string;
  delivery: Date;
  mileage: number;
  address: string;
  district: string;
}

/** Deterministic customer rows; one in a hundred has a broken mobile so the error path is exercised too. */
export function records(): BenchRecord[] {
  return Array.from({ length: rowCount }, (_, i) => {
    const draft = `LVGBE40K0M${String(100_000 + i).padStart(7, '0')}`;
    const vin = draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
    const [brand, series] = cars[i % cars.length]!;
    return {
      name:
        surnames.charAt(i % surnames.length) +
        given.charAt(Math.floor(i / surnames.length) % given.length) +
        given.charAt(Math.floor(i / surnames.length / given.length) % given.length),
      gender: i % 2 ? '男' : '女',
      mobile: i % 100 === 99 ? `1380013${i}`.slice(0, 10) : String(15_900_000_000 + i),
      vin,
      plate: `粤L${String(i).padStart(5, '0')}`,
      brand,
      series,
      delivery: new Date(Date.UTC(2019 + (i % 7), i % 12, 1 + (i % 28))),
      mileage: 3_000 + ((i * 37) % 90_000),
      address: `惠州市${districts[i % districts.length]}某某路${i}号`,
      district: districts[i % districts.length]!,
    };
  });
}

export async function workbook(rows: BenchRecord[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet('客户');
  ws.addRow([
    '客户姓名',
    '性别',
    '手机号码',
    '车架号',
    '车牌号',
    '品牌',
    '车系',
    '购车日期',
    '行驶里程',
    '地址',
    '区县',
  ]).commit();
  for (const r of rows) {
    const row = ws.addRow([
      r.name,
      r.gender,
      r.mobile,
      r.vin,
      r.plate,
      r.brand,
      r.series,
      r.delivery,
      r.mileage,
      r.address,
      r.district,
    ]);
    row.getCell(8).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

const once = (ms: number): Figures => ({ p50: ms, p95: ms, n: 1 });

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/**
 * The two workbook readers on the same 50k-row .xlsx, in process: the hand-written one the import uses for
 * .xlsx, and SheetJS, which reads .xls and .ods. Why .xlsx keeps its own reader is this pair of figures.
 */
function benchReaders(file: Buffer, log: (line: string) => void): Row[] {
  const reps = 2;
  const time = (read: () => number) => {
    const samples: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      const rows = read();
      samples.push(performance.now() - t0);
      if (rows !== rowCount + 1) throw new Error(`reader returned ${rows} rows`);
    }
    return percentiles(samples);
  };
  const maxRows = rowCount + 100;
  const handWritten = time(() => readXlsx(file, { maxRows })[0]!.rows().length);
  const sheetJs = time(() => readSheetJs(file, { maxRows })[0]!.rows().length);
  const s = (f: Figures) => `${(f.p50 / 1000).toFixed(1)} s`;
  log(`  read 50k .xlsx: hand-written ${s(handWritten)}, SheetJS ${s(sheetJs)} (${reps} runs each)`);
  return [
    { scale: '50k rows', operation: 'read .xlsx: hand-written reader (used)', api: handWritten, raw: null },
    { scale: '50k rows', operation: 'read .xlsx: SheetJS (used for .xls/.ods)', api: sheetJs, raw: null },
  ];
}

async function waitForJob(
  server: BenchServer,
  jobId: string,
  log: (line: string) => void,
): Promise<ImportApplyResult> {
  let lastPhase = '';
  for (;;) {
    const p = (await server.call('imports.progress', { jobId })) as ImportProgress;
    if (p.phase !== lastPhase) {
      log(`    ${p.phase} ${p.done}/${p.total}`);
      lastPhase = p.phase;
    }
    if (p.phase === 'done' && p.result) return p.result;
    if (p.phase === 'failed') throw new Error(`import failed: ${p.error?.message}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The same rows written with plain prepared statements in one transaction, into a fresh migrated database. */
function rawInsert(dir: string, rows: BenchRecord[]): { insertMs: number; deleteMs: number } {
  const db = openDatabase(path.join(dir, 'raw.sqlite'));
  migrateDatabase(db, { dbFile: null });
  const sqlite = db.$client;
  const now = new Date().toISOString();
  const keys = rows.map((r) => nameSearchKeys(r.name));
  const customer = sqlite.prepare(
    `insert into customers (name, name_pinyin, name_initials, gender, mobile, mobile_tail, address, district, stage,
       source_channel, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'owner', 'other', ?, ?)`,
  );
  const vehicle = sqlite.prepare(
    `insert into vehicles (vin, vin_reversed, plate, brand, series, delivery_date, mileage_km, owner_id, created_at,
       updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ownership = sqlite.prepare(
    'insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)',
  );
  const ids: number[] = [];
  const t0 = performance.now();
  sqlite.transaction(() => {
    rows.forEach((r, i) => {
      if (!/^1\d{10}$/.test(r.mobile)) return;
      const k = keys[i]!;
      const gender = r.gender === '男' ? 'male' : 'female';
      const id = Number(
        customer.run(
          r.name,
          k.pinyin,
          k.initials,
          gender,
          r.mobile,
          r.mobile.slice(-4),
          r.address,
          r.district,
          now,
          now,
        ).lastInsertRowid,
      );
      const day = r.delivery.toISOString().slice(0, 10);
      const reversed = [...r.vin].reverse().join('');
      const vid = vehicle.run(
        r.vin,
        reversed,
        r.plate,
        r.brand,
        r.series,
        day,
        r.mileage,
        id,
        now,
        now,
      ).lastInsertRowid;
      ownership.run(vid, id, day);
      ids.push(id);
    });
  })();
  const insertMs = performance.now() - t0;

  const t1 = performance.now();
  sqlite.pragma('foreign_keys = OFF');
  sqlite.transaction(() => {
    sqlite.prepare('delete from vehicle_ownerships').run();
    sqlite.prepare('delete from vehicles').run();
    sqlite
      .prepare('delete from customers where id in (select value from json_each(?))')
      .run(JSON.stringify(ids));
  })();
  const deleteMs = performance.now() - t1;
  sqlite.close();
  return { insertMs, deleteMs };
}

/**
 * A 50,000-row customer workbook through the real server: preview, apply (in the import worker, polled until
 * done) and revert, against a fresh database; beside it the same rows as raw inserts. Runs once, not per scale.
 */
export async function benchImport(port: number, log: (line: string) => void): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-import-bench-'));
  try {
    log(`生成 ${rowCount.toLocaleString('en-US')} 行的导入文件…`);
    const rows = records();
    const file = await workbook(rows);
    log(`  ${(file.length / 1024 / 1024).toFixed(1)} MB`);
    const readers = benchReaders(file, log);
    const input = { fileName: 'bench-50k.xlsx', contentBase64: file.toString('base64') };
    const server = await startBenchServer(path.join(dir, 'api'), port);
    let preview: { ms: number; value: ImportPreview };
    let apply: { ms: number; value: ImportApplyResult };
    let revert: { ms: number };
    try {
      preview = await timed(() => server.call('imports.preview', input) as Promise<ImportPreview>);
      log(`  preview ${(preview.ms / 1000).toFixed(1)} s: ${JSON.stringify(preview.value.counts)}`);
      apply = await timed(async () =>
        waitForJob(server, ((await server.call('imports.apply', input)) as { jobId: string }).jobId, log),
      );
      log(`  apply ${(apply.ms / 1000).toFixed(1)} s: created ${JSON.stringify(apply.value.created)}`);
      revert = await timed(() => server.call('imports.revert', { batchId: apply.value.batchId }));
      log(`  revert ${(revert.ms / 1000).toFixed(1)} s`);
    } finally {
      await server.stop();
    }
    const raw = rawInsert(dir, rows);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    log(
      `  50k import: preview ${seconds(preview.ms)} + apply ${seconds(apply.ms)} = ${seconds(preview.ms + apply.ms)} (target ${target}); raw inserts ${seconds(raw.insertMs)}`,
    );
    return [
      { scale: '50k rows', operation: 'imports.preview (dry run)', api: once(preview.ms), raw: null, target },
      {
        scale: '50k rows',
        operation: 'imports.apply (worker, until done)',
        api: once(apply.ms),
        raw: once(raw.insertMs),
        target,
      },
      { scale: '50k rows', operation: 'imports.revert', api: once(revert.ms), raw: once(raw.deleteMs) },
      ...readers,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx test/bench/import-bench.ts` runs this module alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  benchImport(5390, (l) => console.log(l))
    .then((rows) => printTable(rows))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
