import { createApiClient } from './api-client';
import { createHttpTransport } from './http-transport';
import { trackUserActivity } from './user-activity';

export { ApiCallError } from './api-client';
export type { ApiClient } from './api-client';

trackUserActivity();

/** IPC when the Electron preload is there, HTTP otherwise. */
export const api = createApiClient(window.dealerCrm ?? createHttpTransport());
