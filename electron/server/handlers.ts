import type { ChannelName } from '../contract';
import { auditHandlers } from '../domain/audit/audit-handlers';
import { authHandlers } from '../domain/auth/auth-handlers';
import { backupsHandlers } from '../domain/backups/backups-handlers';
import { callbacksHandlers } from '../domain/callbacks/callbacks-handlers';
import { complaintsHandlers } from '../domain/complaints/complaints-handlers';
import { eventsHandlers } from '../domain/events/events-handlers';
import { customersHandlers } from '../domain/customers/customers-handlers';
import { duplicatesHandlers } from '../domain/duplicates/duplicates-handlers';
import { importsHandlers } from '../domain/imports/imports-handlers';
import { loyaltyHandlers } from '../domain/loyalty/loyalty-handlers';
import { notificationsHandlers } from '../domain/notifications/notifications-handlers';
import { personalDataHandlers } from '../domain/privacy/personal-data-handlers';
import { reportsHandlers } from '../domain/reports/reports-handlers';
import { searchHandlers } from '../domain/search/search-handlers';
import { settingsHandlers } from '../domain/settings/settings-handlers';
import { subjectRequestsHandlers } from '../domain/subject-requests/subject-requests-handlers';
import { systemHandlers } from '../domain/system/system-handlers';
import { usersHandlers } from '../domain/users/users-handlers';
import { vehiclesHandlers } from '../domain/vehicles/vehicles-handlers';
import type { Handlers } from './handler-types';
import { hostHandlers } from './host/host-handlers';

/** Channel → service, one object per domain. Handlers only adapt; the rules live in the services. */
export const handlers: Handlers<ChannelName> = {
  ...authHandlers,
  ...usersHandlers,
  ...customersHandlers,
  ...duplicatesHandlers,
  ...importsHandlers,
  ...searchHandlers,
  ...personalDataHandlers,
  ...vehiclesHandlers,
  ...callbacksHandlers,
  ...systemHandlers,
  ...hostHandlers,
  ...settingsHandlers,
  ...subjectRequestsHandlers,
  ...complaintsHandlers,
  ...eventsHandlers,
  ...loyaltyHandlers,
  ...notificationsHandlers,
  ...backupsHandlers,
  ...auditHandlers,
  ...reportsHandlers,
};
