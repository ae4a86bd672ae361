export * from './users';
export * from './customers';
export * from './vehicles';
export * from './customer-history';
export * from './callbacks';
export * from './settings';
export * from './audit';
export * from './consent-history';
