import { z } from 'zod';
import { auditContract } from './audit';
import { authContract } from './auth';
import { backupsContract } from './backups';
import { callbacksContract } from './callbacks';
import { complaintsContract } from './complaints';
import { customersContract } from './customers';
import { duplicatesContract } from './duplicates';
import { eventsContract } from './events';
import { hostContract } from './host';
import { importsContract } from './imports';
import { loyaltyContract } from './loyalty';
import { notificationsContract } from './notifications';
import { personalDataContract } from './personal-data';
import { reportsContract } from './reports';
import { searchContract } from './search';
import { settingsContract } from './settings';
import { subjectRequestsContract } from './subject-requests';
import { systemContract } from './system';
import { usersContract } from './users';
import { vehiclesContract } from './vehicles';

// Validation messages reach staff, so zod speaks Chinese in main and in the renderer alike.
z.config(z.locales.zhCN());

/** Every channel of the app. The TS types, main's validation and the preload allowlist all come from here. */
export const contract = {
  ...authContract,
  ...usersContract,
  ...customersContract,
  ...duplicatesContract,
  ...importsContract,
  ...searchContract,
  ...personalDataContract,
  ...vehiclesContract,
  ...callbacksContract,
  ...systemContract,
  ...hostContract,
  ...settingsContract,
  ...subjectRequestsContract,
  ...complaintsContract,
  ...eventsContract,
  ...loyaltyContract,
  ...notificationsContract,
  ...backupsContract,
  ...auditContract,
  ...reportsContract,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export const channelNames = Object.keys(contract) as ChannelName[];
