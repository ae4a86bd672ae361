import type { hostContract } from '../../contract/host';
import { AppError } from '../../contract/errors';
import type { AuthedContext } from '../../domain/context';
import { fieldChanges, recordAudit } from '../../domain/audit/audit-log';
import type { Handlers } from '../handler-types';
import { hostControl } from './host-control';
import type { LanHost, LanHostState } from './lan-host';
import { currentHostInfo } from './host-runtime';

function control(): LanHost {
  const c = hostControl();
  // Scripts and tests drive the router without a LAN service to switch.
  if (!c)
    throw new AppError(
      'validation',
      '本机以脚本方式运行，不能在这里切换门店主机；请用 npm run serve -- --lan',
    );
  return c;
}

/** Who switched the LAN service, and to what: workstations losing their host is worth a line in the log. */
function audit(ctx: AuthedContext, before: LanHostState, after: LanHostState): void {
  const changes = fieldChanges(
    { enabled: before.enabled, port: before.port },
    { enabled: after.enabled, port: after.port },
  );
  if (Object.keys(changes).length === 0) return;
  recordAudit(ctx, {
    action: 'settings.updated',
    entity: 'setting',
    entityId: 'host',
    detail: { section: 'host', changes },
  });
}

/** Transport facts (ports, certificate) belong to the server, not the domain: answered here. */
export const hostHandlers: Handlers<keyof typeof hostContract> = {
  'host.info': () => currentHostInfo(),
  'host.start': async (ctx, input) => {
    const c = control();
    const before = c.state();
    const after = await c.start(input.port, { persist: true });
    // Refused with the reason (the port is taken…), so the screen shows it beside the switch.
    if (after.status === 'failed') throw new AppError('validation', after.error ?? '局域网服务未能启动');
    audit(ctx, before, after);
    return currentHostInfo();
  },
  'host.stop': async (ctx) => {
    const c = control();
    const before = c.state();
    audit(ctx, before, await c.stop());
    return currentHostInfo();
  },
};
