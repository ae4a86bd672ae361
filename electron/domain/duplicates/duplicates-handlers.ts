import type { duplicatesContract } from '../../contract/duplicates';
import type { Handlers } from '../../server/handler-types';
import { checkDuplicates } from './check-duplicates';
import { duplicateScan } from './duplicate-scan';
import { listMerges } from './merge-log';
import { mergeCustomers } from './merge-customers';
import { unmergeCustomers } from './unmerge-customers';

export const duplicatesHandlers: Handlers<keyof typeof duplicatesContract> = {
  'customers.checkDuplicates': (ctx, input) => checkDuplicates(ctx, input),
  'customers.duplicateScan': (ctx, input) => duplicateScan(ctx, input),
  'customers.merge': (ctx, input) => mergeCustomers(ctx, input),
  'customers.unmerge': (ctx, input) => unmergeCustomers(ctx, input),
  'customers.merges': (ctx, input) => listMerges(ctx, input),
};
