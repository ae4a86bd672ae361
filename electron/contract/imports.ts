import { z } from 'zod';
import { channel } from './channel';
import { customerListInput } from './customers';
import { errorKinds } from './errors';
import { id } from './fields';
import type { ImportKind } from './import-kinds';
import { importKinds } from './import-kinds';

export { importKindLabels, importKinds } from './import-kinds';
export type { ImportKind } from './import-kinds';

/** What a spreadsheet column can feed: customer card fields first, then the vehicle's. */
export const importFields = [
  'name',
  'gender',
  'birthday',
  'mobile',
  'mobile2',
  'wechat',
  'address',
  'district',
  'idNumber',
  'occupation',
  'industry',
  'employer',
  'contactPerson',
  'contactTitle',
  'sourceChannel',
  'notes',
  'vin',
  'plate',
  'brand',
  'series',
  'model',
  'color',
  'deliveryDate',
  'mileage',
  'price',
  'insuranceExpiry',
] as const;
export type ImportField = (typeof importFields)[number];

/** Shown in the column-mapping dropdown. */
export const importFieldLabels: Record<ImportField, string> = {
  name: '客户姓名',
  gender: '性别',
  birthday: '生日',
  mobile: '手机',
  mobile2: '备用手机',
  wechat: '微信',
  address: '地址',
  district: '区县',
  idNumber: '身份证号',
  occupation: '职业',
  industry: '行业',
  employer: '工作单位',
  contactPerson: '联系人（集团客户）',
  contactTitle: '联系人职务',
  sourceChannel: '来源渠道',
  notes: '备注',
  vin: '车架号（VIN）',
  plate: '车牌号',
  brand: '品牌',
  series: '车系',
  model: '车型',
  color: '颜色',
  deliveryDate: '交车日期',
  mileage: '行驶里程',
  price: '购车价格',
  insuranceExpiry: '保险到期日',
};

/**
 * What a repair-order file (维修工单, the DMS's service history) can feed: the order, the car it is for and the
 * visit's figures. `vin` and `plate` are the customer file's fields, read the same way.
 */
export const roImportFields = [
  'roNumber',
  'vin',
  'plate',
  'inDate',
  'outDate',
  'inMileage',
  'serviceType',
  'laborAmount',
  'partsAmount',
  'totalAmount',
  'advisor',
  'faultText',
  'repairItems',
  'repairSystem',
] as const;
export type RoImportField = (typeof roImportFields)[number];
export type AnyImportField = ImportField | RoImportField;

export const roImportFieldLabels: Record<RoImportField, string> = {
  roNumber: '工单号',
  vin: '车架号（VIN）',
  plate: '车牌号',
  inDate: '进厂日期',
  outDate: '出厂（结算）日期',
  inMileage: '进厂里程',
  serviceType: '维修类型',
  laborAmount: '工时费',
  partsAmount: '材料费',
  totalAmount: '结算金额',
  advisor: '服务顾问',
  faultText: '故障描述',
  repairItems: '维修项目',
  repairSystem: '涉及系统（三包）',
};

/** The fields a file of each kind can feed, in the mapping dropdown's order. */
export const importFieldsOf: Record<ImportKind, readonly AnyImportField[]> = {
  customers: importFields,
  repair_orders: roImportFields,
};
const anyImportField = z.enum([...new Set<AnyImportField>([...importFields, ...roImportFields])] as [
  AnyImportField,
  ...AnyImportField[],
]);

export const importActions = ['create', 'update', 'skip'] as const;

// 40 MB of file is about 53.4 million base64 characters.
export const maxImportFileBytes = 40 * 1024 * 1024;
const maxBase64Chars = Math.ceil(maxImportFileBytes / 3) * 4;

export const importFileInput = z.object({
  /** Absent: a customer file (clients from before repair orders could be imported). */
  kind: z.enum(importKinds).optional(),
  fileName: z.string().trim().min(1, '请选择文件').max(255, '文件名过长'),
  contentBase64: z.string().min(1, '文件为空').max(maxBase64Chars, '文件不能超过 40 MB'),
  /** Header text as it appears in the file → the field it feeds, or `ignore`; overrides the built-in dictionary. */
  mapping: z.record(z.string().max(100), z.union([anyImportField, z.literal('ignore')])).optional(),
});
export type ImportFileInput = z.output<typeof importFileInput>;

export const importColumn = z.object({
  /** Spreadsheet column letter (A, B, … AA). */
  column: z.string(),
  header: z.string(),
  field: anyImportField.nullable(),
  /** Where the field came from: the dictionary of usual dealer headers, the user's mapping, or nowhere. */
  source: z.enum(['dictionary', 'mapping', 'ignored', 'unknown', 'duplicate']),
});

export const importRowResult = z.object({
  /** The row number staff see in Excel (for CSV: the record number, header included). */
  rowNumber: z.number(),
  action: z.enum(importActions),
  matchedCustomerId: z.number().nullable(),
  /** Set when an earlier row of the same file already names this customer; this row adds to it. */
  sameAsRow: z.number().nullable(),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
  summary: z.string(),
});
export type ImportRowResult = z.infer<typeof importRowResult>;

const importCounts = z.object({
  rows: z.number(),
  create: z.number(),
  update: z.number(),
  skip: z.number(),
  withErrors: z.number(),
  withWarnings: z.number(),
  blankRows: z.number(),
});

/** In a validation error's details when no header row was recognised: the likeliest row, to be mapped by hand. */
export const importHeaderGuess = z.object({
  sheetName: z.string().nullable(),
  rowNumber: z.number(),
  columns: z.array(z.object({ column: z.string(), header: z.string() })),
});
export type ImportHeaderGuess = z.infer<typeof importHeaderGuess>;

export const importPreview = z.object({
  kind: z.enum(importKinds),
  fileName: z.string(),
  format: z.enum(['xlsx', 'xls', 'ods', 'csv']),
  /** CSV only: the encoding the file was read with. */
  encoding: z.string().nullable(),
  sheetName: z.string().nullable(),
  headerRow: z.number(),
  columns: z.array(importColumn),
  unknownHeaders: z.array(z.string()),
  rows: z.array(importRowResult),
  counts: importCounts,
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importApplyResult = z.object({
  batchId: z.number(),
  counts: importCounts,
  created: z.object({
    customers: z.number(),
    vehicles: z.number(),
    /** Repair-order files: the service visits written. */
    visits: z.number().optional(),
  }),
  updated: z.object({ customers: z.number(), vehicles: z.number() }),
  /** Rows left out, with why: staff fix them in the file and import again. */
  skippedRows: z.array(z.object({ rowNumber: z.number(), reasons: z.array(z.string()) })),
});
export type ImportApplyResult = z.infer<typeof importApplyResult>;

export const importPhases = [
  'queued',
  'reading',
  'checking',
  'writing',
  'callbacks',
  'done',
  'failed',
] as const;
export type ImportPhase = (typeof importPhases)[number];

export const importProgress = z.object({
  jobId: z.string(),
  phase: z.enum(importPhases),
  done: z.number(),
  total: z.number(),
  result: importApplyResult.nullable(),
  error: z
    .object({ kind: z.enum(errorKinds), message: z.string(), details: z.unknown().optional() })
    .nullable(),
});
export type ImportProgress = z.infer<typeof importProgress>;

export const importBatchRow = z.object({
  id: z.number(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  status: z.enum(['applied', 'reverted']),
  rowCount: z.number(),
  createdCount: z.number(),
  updatedCount: z.number(),
  skippedCount: z.number(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  revertedAt: z.string().nullable(),
  revertedBy: z.string().nullable(),
});

export const customerExportInput = customerListInput
  .pick({ sort: true, direction: true, filters: true })
  .extend({
    /** Full mobiles, WeChat and addresses: only with customers.export_unmasked, and with a reason. */
    unmasked: z.boolean().default(false),
    reason: z.string().trim().max(200, '原因不能超过 200 个字').optional(),
  })
  .refine((e) => !e.unmasked || (e.reason ?? '').length >= 2, {
    message: '导出未脱敏的个人信息须填写原因（至少 2 个字）',
    path: ['reason'],
  });

export const importsContract = {
  'imports.preview': channel({
    summary:
      'Dry run of a customer/vehicle or repair-order XLSX or CSV: header mapping and what each row would do; writes nothing',
    access: 'customers.import',
    input: importFileInput,
    output: importPreview,
  }),
  'imports.apply': channel({
    touches: ['customers', 'vehicles', 'callbacks', 'imports', 'loyalty'],
    summary:
      'Import the valid rows in one transaction (in the background); poll imports.progress with the job id',
    access: 'customers.import',
    input: importFileInput,
    output: z.object({ jobId: z.string() }),
  }),
  'imports.progress': channel({
    summary: 'Progress of a running import, and its result or error when finished',
    access: 'customers.import',
    input: z.object({ jobId: z.string().min(1).max(100) }),
    output: importProgress,
  }),
  'imports.list': channel({
    summary: 'Import history, newest first',
    access: 'customers.import',
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }),
    output: z.object({ rows: z.array(importBatchRow) }),
  }),
  'imports.revert': channel({
    touches: ['customers', 'vehicles', 'callbacks', 'imports', 'loyalty'],
    summary: 'Undo an import: remove what it created and restore what it updated; conflict if edited since',
    access: 'customers.import',
    input: z.object({ batchId: id }),
    output: z.object({
      batchId: z.number(),
      removed: z.object({
        customers: z.number(),
        vehicles: z.number(),
        callbackTasks: z.number(),
        visits: z.number().optional(),
      }),
      restored: z.object({ customers: z.number(), vehicles: z.number() }),
    }),
  }),
  'customers.export': channel({
    summary: 'The filtered customer list as an XLSX file with Chinese headers',
    access: 'customers.export',
    input: customerExportInput,
    output: z.object({
      fileName: z.string(),
      contentBase64: z.string(),
      rowCount: z.number(),
      /** More customers matched than one file holds; the file has the first ones in the list's order. */
      truncated: z.boolean(),
      /** Personal fields in the file are masked (the default; see electron/domain/privacy/export-access.ts). */
      masked: z.boolean(),
    }),
  }),
};
