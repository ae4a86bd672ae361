import type { CustomerCard } from '../../../../electron/contract/customers';
import type { ConsentPurpose } from '../../../../electron/contract/consent';
import type { VehicleDetail } from '../../../../electron/contract/vehicles';
import { ConsentModal } from './consent-modal';
import { InteractionModal } from './interaction-modal';
import { TransferModal } from './transfer-modal';
import { VehicleDrawer } from './vehicle-drawer';
import { VehicleHistoryModal } from './vehicle-history-modal';
import { VisitModal } from './visit-modal';

/** What the user asked to do from the card; one dialog at a time. */
export type CardAction =
  | { kind: 'interaction' }
  | { kind: 'visit'; vehicleId: number | null }
  | { kind: 'addVehicle' }
  | { kind: 'editVehicle'; vehicle: VehicleDetail }
  | { kind: 'transfer'; vehicle: VehicleDetail }
  | { kind: 'history'; vehicle: VehicleDetail }
  | { kind: 'consent'; purpose: ConsentPurpose };

interface CardModalsProps {
  card: CustomerCard;
  action: CardAction | null;
  onClose: () => void;
  /** Something was saved; `otherCustomerId` is a second card that changed too (a transfer's buyer). */
  onChanged: (otherCustomerId?: number) => void;
}

/** Each dialog mounts only while open, so it always starts from the card as it is now. */
export function CardModals({ card, action, onClose, onChanged }: CardModalsProps) {
  if (!action) return null;
  const customer = card.customer;
  switch (action.kind) {
    case 'interaction':
      return <InteractionModal customer={customer} onClose={onClose} onSaved={() => onChanged()} />;
    case 'visit':
      return (
        <VisitModal
          vehicles={card.vehicles}
          initialVehicleId={action.vehicleId}
          today={card.derived.asOf}
          onClose={onClose}
          onSaved={() => onChanged()}
        />
      );
    case 'addVehicle':
      return (
        <VehicleDrawer
          customerId={customer.id}
          customerName={customer.name}
          today={card.derived.asOf}
          vehicle={null}
          onClose={onClose}
          onSaved={() => onChanged()}
        />
      );
    case 'editVehicle':
      return (
        <VehicleDrawer
          customerId={customer.id}
          customerName={customer.name}
          today={card.derived.asOf}
          vehicle={action.vehicle}
          onClose={onClose}
          onSaved={() => onChanged()}
        />
      );
    case 'transfer':
      return (
        <TransferModal
          vehicle={action.vehicle}
          fromName={customer.name}
          fromCustomerId={customer.id}
          today={card.derived.asOf}
          onClose={onClose}
          onSaved={(toId) => onChanged(toId)}
        />
      );
    case 'history':
      return <VehicleHistoryModal vehicle={action.vehicle} onClose={onClose} />;
    case 'consent':
      return (
        <ConsentModal
          customer={customer}
          purpose={action.purpose}
          onClose={onClose}
          onSaved={() => onChanged()}
        />
      );
  }
}
