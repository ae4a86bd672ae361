import type { settingsContract } from '../../contract/settings';
import type { Handlers } from '../../server/handler-types';
import { getStoreSettings, updateStoreSettings } from './settings-service';

export const settingsHandlers: Handlers<keyof typeof settingsContract> = {
  'settings.get': (ctx) => getStoreSettings(ctx),
  'settings.update': (ctx, input) => updateStoreSettings(ctx, input),
};
