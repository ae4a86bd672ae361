import type Database from 'better-sqlite3';
import type { ChannelOutput } from '../../contract';
import { prepared } from '../customers/sql-cache';
import { requireTicketCustomer } from './intake';

/**
 * The cars the new-ticket form offers: those the customer owns now, then those they owned before (a complaint
 * may concern a car since sold), newest delivery first. Read here rather than from customers.card, whose
 * opening is a logged card view: picking a customer for a ticket is not looking at their card.
 */
export function customerVehicles(
  sqlite: Database.Database,
  customerId: number,
): ChannelOutput<'complaints.customerVehicles'> {
  requireTicketCustomer(sqlite, customerId);
  const rows = prepared(
    sqlite,
    `select v.id, v.vin, v.plate, v.brand, v.series, v.owner_id = @c as current from vehicles v
       where v.owner_id = @c
     union
     select v.id, v.vin, v.plate, v.brand, v.series, 0 as current from vehicle_ownerships o
       join vehicles v on v.id = o.vehicle_id
       where o.customer_id = @c and v.owner_id is not @c
     order by current desc, id desc`,
  ).all({ c: customerId }) as {
    id: number;
    vin: string;
    plate: string | null;
    brand: string;
    series: string;
    current: number;
  }[];
  return rows.map((r) => ({ ...r, current: r.current === 1 }));
}
