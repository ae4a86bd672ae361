import type { ChannelParsedInput } from '../../contract';
import type { CallbackRuleSettings } from '../../contract/callbacks';
import { callbackRuleCodes } from '../../contract/callbacks';
import { AppError } from '../../contract/errors';
import { recordSettingsChange } from '../audit/settings-audit';
import type { AuthedContext } from '../context';
import type { RuleConfig } from './rule-config';
import { loadRules, ruleParamDefaults } from './rule-config';
import { stmt } from './statements';

const toSettings = (r: RuleConfig): CallbackRuleSettings => ({
  ...r,
  paramKeys: Object.keys(ruleParamDefaults[r.code]),
});

export function listRules(ctx: AuthedContext): CallbackRuleSettings[] {
  const rules = loadRules(ctx.db.$client);
  return callbackRuleCodes.flatMap((code) => {
    const r = rules.get(code);
    return r ? [toSettings(r)] : [];
  });
}

/** Month and interval counts are whole numbers of at least one; distances and km/day just positive. */
function checkParams(code: RuleConfig['code'], params: Record<string, number>): void {
  const known = Object.keys(ruleParamDefaults[code]);
  for (const [key, value] of Object.entries(params)) {
    if (!known.includes(key)) {
      throw new AppError('validation', `规则参数“${key}”不适用于此规则`, {
        fields: { [`params.${key}`]: '不适用的参数' },
      });
    }
    const whole = /months|Months|Intervals|Before/.test(key);
    if (whole ? !Number.isInteger(value) || value < 1 : value <= 0) {
      throw new AppError('validation', `规则参数“${key}”应为${whole ? '不小于 1 的整数' : '正数'}`, {
        fields: { [`params.${key}`]: whole ? '应为不小于 1 的整数' : '应为正数' },
      });
    }
  }
}

const ruleAuditFields = [
  'name',
  'enabled',
  'offsetDays',
  'windowDays',
  'priority',
  'script',
  'expiryDays',
  'maxAttempts',
  'consentPurpose',
  'params',
];

/**
 * Saves a rule edited in Settings, on the version the manager saw. Takes effect at the next generation (the
 * daily pass, an on-demand run, or the next change to a customer); tasks already created keep their dates.
 */
export function updateRule(
  ctx: AuthedContext,
  input: ChannelParsedInput<'callbacks.updateRule'>,
): CallbackRuleSettings {
  const sqlite = ctx.db.$client;
  return sqlite.transaction(() => {
    checkParams(input.code, input.fields.params);
    const before = loadRules(sqlite).get(input.code);
    const f = input.fields;
    const changes = stmt(
      sqlite,
      `update callback_rules set name = @name, enabled = @enabled, offset_days = @offsetDays, window_days = @windowDays,
         priority = @priority, script = @script, expiry_days = @expiryDays, max_attempts = @maxAttempts,
         consent_purpose = @consentPurpose, params = @params, updated_at = @now, version = version + 1
       where code = @code and version = @version`,
    ).run({
      ...f,
      enabled: f.enabled ? 1 : 0,
      params: JSON.stringify(f.params),
      now: ctx.clock().toISOString(),
      code: input.code,
      version: input.version,
    }).changes;
    const current = loadRules(sqlite).get(input.code);
    if (!current) throw new AppError('not_found', '该回访规则不存在');
    if (changes === 0) {
      throw new AppError(
        'conflict',
        `该规则已被他人修改（当前版本 ${current.version}），请查看最新设置后再保存`,
        {
          current: toSettings(current),
        },
      );
    }
    if (before) recordSettingsChange(ctx, 'callback_rule', input.code, before, current, ruleAuditFields);
    return toSettings(current);
  })();
}
