import type { ChannelOutput } from '../../contract';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { readVehicle } from './vehicle-read';

/** Owners over time, oldest first, with the service visits each paid for on this car. */
export function vehicleHistory(ctx: ServiceContext, id: number): ChannelOutput<'vehicles.history'> {
  const sqlite = ctx.db.$client;
  const vehicle = readVehicle(sqlite, id, localDate(ctx.clock()));
  const rows = prepared(
    sqlite,
    `select o.customer_id as customerId, c.name, o.from_date as fromDate, o.to_date as toDate,
       (select count(*) from service_visits s where s.vehicle_id = o.vehicle_id and s.customer_id = o.customer_id
          and s.visit_date >= o.from_date and (o.to_date is null or s.visit_date < o.to_date)) as visits
     from vehicle_ownerships o join customers c on c.id = o.customer_id
     where o.vehicle_id = ? order by o.from_date, o.id`,
  ).all(id) as {
    customerId: number;
    name: string;
    fromDate: string;
    toDate: string | null;
    visits: number;
  }[];
  return {
    vehicle,
    owners: rows.map((r) => ({ ...r, current: r.toDate === null && r.customerId === vehicle.ownerId })),
  };
}
