import type { ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import { roleCan } from '../../contract/permissions';
import type { ServiceContext } from '../context';

export interface ExportMasking {
  masked: boolean;
  /** Why the file is unmasked (for the audit row); null for a masked file. */
  reason: string | null;
}

/**
 * Exports leave the system (PIPL art. 51): masked unless the exporter holds customers.export_unmasked and
 * asked for a file without masks, with a reason. personal.reveal alone is not enough: seeing a number on one
 * card is not taking every number home in a file.
 */
export function exportMasking(
  ctx: ServiceContext,
  input: Pick<ChannelParsedInput<'customers.export'>, 'unmasked' | 'reason'>,
): ExportMasking {
  if (!input.unmasked) return { masked: true, reason: null };
  if (!ctx.user || !roleCan(ctx.user.role, 'customers.export_unmasked'))
    throw new AppError('forbidden', '您没有导出未脱敏个人信息的权限，请导出脱敏文件或联系系统管理员');
  return { masked: false, reason: input.reason!.trim() };
}
