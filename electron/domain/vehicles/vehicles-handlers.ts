import type { vehiclesContract } from '../../contract/vehicles';
import type { Handlers } from '../../server/handler-types';
import { localDate } from '../clock';
import { createVisit } from './service-visit';
import { getVisit, updateVisit } from './service-visit-edit';
import { loadThreeGuaranteeSettings, updateThreeGuaranteeSettings } from './three-guarantee-settings';
import { vehicleHistory } from './vehicle-history';
import { readVehicle } from './vehicle-read';
import { transferVehicle } from './vehicle-transfer';
import { createVehicle, updateVehicle } from './vehicle-write';

export const vehiclesHandlers: Handlers<keyof typeof vehiclesContract> = {
  'vehicles.get': (ctx, input) => readVehicle(ctx.db.$client, input.id, localDate(ctx.clock())),
  'vehicles.create': (ctx, input) => createVehicle(ctx, input),
  'vehicles.update': (ctx, input) => updateVehicle(ctx, input),
  'vehicles.transfer': (ctx, input) => transferVehicle(ctx, input),
  'vehicles.history': (ctx, input) => vehicleHistory(ctx, input.id),
  'visits.create': (ctx, input) => createVisit(ctx, input),
  'visits.get': (ctx, input) => getVisit(ctx, input.id),
  'visits.update': (ctx, input) => updateVisit(ctx, input),
  'threeGuarantee.settings': (ctx) => loadThreeGuaranteeSettings(ctx.db.$client),
  'threeGuarantee.updateSettings': (ctx, input) => updateThreeGuaranteeSettings(ctx, input),
};
