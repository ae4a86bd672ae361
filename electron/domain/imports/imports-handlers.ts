import type { importsContract } from '../../contract/imports';
import type { Handlers } from '../../server/handler-types';
import { exportCustomers } from '../exports/customer-export';
import { listImports } from './import-history';
import { assertNoImportRunning, importProgress, previewImport, startImport } from './import-jobs';
import { revertImport } from './revert-import';

export const importsHandlers: Handlers<keyof typeof importsContract> = {
  'imports.preview': (ctx, input) => previewImport(ctx, input),
  'imports.apply': (ctx, input) => startImport(ctx, input),
  'imports.progress': (_ctx, input) => importProgress(input.jobId),
  'imports.list': (ctx, input) => listImports(ctx, input.limit),
  'imports.revert': (ctx, input) => {
    assertNoImportRunning(ctx, '有导入正在进行，请等它完成后再撤销');
    return revertImport(ctx, input.batchId);
  },
  'customers.export': (ctx, input) => exportCustomers(ctx, input),
};
