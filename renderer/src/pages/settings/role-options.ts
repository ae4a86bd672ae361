import type { TFunction } from 'i18next';
import { roles } from '../../../../electron/contract/permissions';

export function roleOptions(t: TFunction) {
  return roles.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}
