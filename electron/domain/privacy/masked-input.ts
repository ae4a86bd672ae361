import type { ChannelParsedInput } from '../../contract';
import type { PersonalField } from '../../common/personal-mask';
import { maskPersonal, personalFieldLabels, personalFields } from '../../common/personal-mask';
import { AppError } from '../../contract/errors';
import { isMaskedValue } from '../../contract/personal-data';
import type { ServiceContext } from '../context';
import { prepared } from '../customers/sql-cache';

type Fields = ChannelParsedInput<'customers.create'>;
type UpdateInput = ChannelParsedInput<'customers.update'>;

const storedSql = `select version, mobile, mobile2, id_number as idNumber, address, wechat from customers where id = ?`;

function maskedError(field: PersonalField): AppError {
  const message = `请输入完整的${personalFieldLabels[field]}，或保留原来显示的内容不改`;
  return new AppError('validation', message, { fields: { [field]: message } });
}

/** A new card has nothing stored to keep: a masked value there is a copy-paste slip. */
export function refuseMaskedValues(fields: Fields): Fields {
  for (const f of personalFields) if (isMaskedValue(fields[f])) throw maskedError(f);
  return fields;
}

/**
 * An editor who was shown masked values sends them back untouched: each such field keeps its stored value.
 * The mask must be exactly the one of the stored value, so a half-edited mask is refused, never stored.
 * On a stale version nothing is resolved: the update is refused as a conflict before it writes anything.
 */
export function keepMaskedValues(ctx: ServiceContext, input: UpdateInput): UpdateInput {
  const masked = personalFields.filter((f) => isMaskedValue(input.fields[f]));
  if (masked.length === 0) return input;
  const stored = prepared(ctx.db.$client, storedSql).get(input.id) as
    (Record<PersonalField, string | null> & { version: number }) | undefined;
  if (!stored || stored.version !== input.version) return input;
  const fields = { ...input.fields };
  for (const f of masked) {
    if (fields[f] !== maskPersonal(f, stored[f])) throw maskedError(f);
    fields[f] = stored[f];
  }
  return { ...input, fields };
}
