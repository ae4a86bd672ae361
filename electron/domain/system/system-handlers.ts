import type { systemContract } from '../../contract/system';
import type { Handlers } from '../../server/handler-types';
import { generateDemoOnEmpty, systemInfo } from './system-service';

export const systemHandlers: Handlers<keyof typeof systemContract> = {
  'system.info': (ctx) => systemInfo(ctx),
  'demo.generate': (ctx, input) => generateDemoOnEmpty(ctx, input),
};
