import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import Database from 'better-sqlite3';
import type { CallPanel } from '../../electron/contract/callbacks';
import type { CustomerCard, CustomerDetail } from '../../electron/contract/customers';
import type { LiveChange } from '../../electron/contract/live-topics';
import { databaseFileName } from '../../electron/server/data-dir';
import { hostTlsDir } from '../../electron/server/host/host-certificate';
import { refetchesOn } from '../../renderer/src/live/live-match';
import type { LiveThrottle } from '../../renderer/src/live/live-throttle';
import { createLiveThrottle } from '../../renderer/src/live/live-throttle';
import { callbackKeys } from '../../renderer/src/pages/callbacks/callback-keys';
import { cardKeys } from '../../renderer/src/pages/customer-card/card-keys';
import { customerToForm } from '../../renderer/src/pages/customers/customer-form-values';
import { startBenchServer } from './api-server';
import { benchDataDir } from './bench-db';
import type { Row } from './stats';
import { percentiles, printTable } from './stats';

/**
 * 门店主机 under a store's day, compressed: thirty workstations over HTTPS on loopback against a server on a copy
 * of the scale's database — twenty call-back operators claiming the next call and recording it, ten front-desk
 * users searching, opening cards and editing a field with the version they loaded, as the edit drawer does.
 * Every workstation keeps the live-change stream open and refetches what its screen shows when told, by the
 * renderer's own rule and pace (renderer/src/live: a card only for its customers, each query at most once a
 * second): operators their pool and queue, the front desk the open card and its timeline. Afterwards the database file itself is read: every acknowledged write must be there, and no
 * task may have been handed to two operators.
 */

const operators = 20;
const frontDesks = 10;
const password = 'Bench-Lan-2026';
const target = '< 50 ms';
/** Free-text fields the front desk edits in turn: no two desks' values can be mistaken for one another. */
const editedFields = ['occupation', 'employer', 'notes'] as const;
type EditedField = (typeof editedFields)[number];

export interface LanLoadOptions {
  durationMs: number;
  /** Multiplies every pause a person takes (1: the pacing below; 0: none, a capacity run). */
  think: number;
  /** The HTTPS listener's port (default: the HTTP port + 1). */
  lanPort?: number;
  /**
   * How the workstations refetch on a live change: `renderer` (renderer/src/live, what the app does), or
   * `every-message`, the rule before changes named their customers — every open card on each message of
   * `customers`, the call screen on each of `callbacks`, unpaced — to compare the two on one machine state.
   */
  liveRule?: 'renderer' | 'every-message';
}

/** A workstation as the host sees it: its own address on the loopback network, its name, its session. */
interface Workstation {
  name: string;
  address: string;
  agent: https.Agent;
  token: string | null;
}

interface Reply {
  status: number;
  ok: boolean;
  data?: unknown;
  error?: { kind: string; message: string };
}

/**
 * Trusts the host's certificate and nothing else, as a paired workstation does: the chain must end at the
 * pinned certificate, the name must match it, and its SHA-256 must be the fingerprint read at pairing.
 * TLS verification stays on for every other connection of this process.
 */
function pinnedAgent(localAddress: string, certPem: string, fingerprint256: string): https.Agent {
  return new https.Agent({
    keepAlive: true,
    // A browser's connections per host.
    maxSockets: 6,
    localAddress,
    ca: certPem,
    checkServerIdentity: (host, cert) => {
      const wrongName = tls.checkServerIdentity(host, cert);
      if (wrongName) return wrongName;
      if (cert.fingerprint256 !== fingerprint256)
        return new Error(`host certificate ${cert.fingerprint256} is not the pinned ${fingerprint256}`);
      return undefined;
    },
  });
}

function request(base: string, ws: Workstation, channel: string, input: unknown): Promise<Reply> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${base}/api/${channel}`,
      {
        method: 'POST',
        agent: ws.agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          // What the workstation shell adds to every request: the audit log records it beside the address.
          'x-dealer-workstation': encodeURIComponent(ws.name),
          ...(ws.token ? { authorization: `Bearer ${ws.token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, ...(JSON.parse(text) as Omit<Reply, 'status'>) });
          } catch {
            resolve({
              status: res.statusCode ?? 0,
              ok: false,
              error: { kind: 'http', message: text.slice(0, 200) },
            });
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Figures and failures of the whole run, by operation. */
class Tally {
  readonly samples = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  readonly examples: string[] = [];
  rateLimited = 0;
  conflicts = 0;
  requests = 0;
  constructor(private readonly base: string) {}

  /** One request, timed from sending to the last byte; a failure is counted and returned as null. */
  async call<T>(ws: Workstation, op: string, channel: string, input: unknown): Promise<T | null> {
    const t0 = performance.now();
    let reply: Reply;
    try {
      reply = await request(this.base, ws, channel, input);
    } catch (error) {
      this.fail(op, `${ws.name} ${channel}: ${String(error)}`);
      return null;
    }
    const ms = performance.now() - t0;
    this.requests++;
    if (reply.ok) {
      (this.samples.get(op) ?? this.samples.set(op, []).get(op)!).push(ms);
      return reply.data as T;
    }
    // A stale edit is the conflict dialog doing its job, not a failure: counted apart.
    if (reply.error?.kind === 'conflict' && channel === 'customers.update') {
      this.conflicts++;
      return null;
    }
    if (reply.status === 429) this.rateLimited++;
    this.fail(op, `${ws.name} ${channel}: ${reply.status} ${reply.error?.kind} ${reply.error?.message}`);
    return null;
  }

  private fail(op: string, example: string): void {
    this.errors.set(op, (this.errors.get(op) ?? 0) + 1);
    if (this.examples.length < 10) this.examples.push(example);
  }

  get errorCount(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }
}

/**
 * GET /api/changes held open, as every signed-in screen holds it; `onChange` gets each batch.
 * Returns the stop.
 */
function listen(base: string, ws: Workstation, onChange: (change: LiveChange) => void): () => void {
  const req = https.get(`${base}/api/changes`, {
    agent: ws.agent,
    headers: {
      accept: 'text/event-stream',
      authorization: `Bearer ${ws.token}`,
      'x-dealer-workstation': encodeURIComponent(ws.name),
    },
  });
  req.on('response', (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!/^event: change$/m.test(message)) continue;
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (data) onChange(JSON.parse(data) as LiveChange);
      }
    });
  });
  // Ended by the stop below (or the server going away at the end): nothing to report.
  req.on('error', () => undefined);
  return () => req.destroy();
}

/**
 * What a screen does when the stream says its data changed: refetch, one at a time, once more if told again
 * meanwhile (React Query cancels a fetch under way and starts again). The throttle in front of it paces it.
 */
function refetcher(run: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const go = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void run().finally(() => {
      running = false;
      if (again) {
        again = false;
        go();
      }
    });
  };
  return go;
}

const pause = (think: number, minMs: number, maxMs: number) =>
  think > 0
    ? new Promise((r) => setTimeout(r, think * (minMs + Math.random() * (maxMs - minMs))))
    : Promise.resolve();

interface RecordAck {
  attemptId: number;
  userId: number;
  taskIds: number[];
  notes: string;
}

interface EditAck {
  customerId: number;
  field: EditedField;
  value: string;
  version: number;
}

interface Sampled {
  id: number;
  name: string;
  mobile: string | null;
  plate: string | null;
}

/** A workstation name and an address of its own: 127.0.0.11 …, as thirty PCs on the store's LAN would be. */
function workstationAt(i: number, name: string, certPem: string, fingerprint: string): Workstation {
  const address = `127.0.0.${11 + i}`;
  return { name, address, agent: pinnedAgent(address, certPem, fingerprint), token: null };
}

async function ensureUsers(
  server: Awaited<ReturnType<typeof startBenchServer>>,
  wanted: { username: string; role: string; displayName: string }[],
): Promise<void> {
  const existing = new Set(
    ((await server.call('users.list', {})) as { username: string }[]).map((u) => u.username),
  );
  for (const u of wanted)
    if (!existing.has(u.username)) await server.call('users.create', { ...u, password });
}

/** AB:CD:… as Node's TLS reports a peer's certificate: what the pin is compared with. */
const fingerprintOf = (certPem: string) => new X509Certificate(certPem).fingerprint256;

export async function benchLanLoad(
  scale: 'S' | 'M' | 'L',
  port: number,
  opts: LanLoadOptions,
  log: (line: string) => void,
): Promise<Row[]> {
  const say = (line: string) => log(`  [lan-load ${scale}] ${line}`);
  const source = benchDataDir(scale, log);
  // A copy: claims, outcomes and edits would otherwise change the file the other modules (and other runs) time.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-lan-bench-'));
  const file = path.join(dir, databaseFileName);
  try {
    let t = performance.now();
    const src = new Database(path.join(source, databaseFileName), { readonly: true });
    try {
      await src.backup(file, { progress: () => 1_000_000 });
    } finally {
      src.close();
    }
    say(`copied the database in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const prep = new Database(file);
    // Claims left in the cache by an earlier run would hide their calls for fifteen minutes.
    prep.exec(
      'update callback_tasks set claimed_by = null, claim_expires_at = null where claimed_by is not null',
    );
    const sample = prep
      .prepare(
        `select c.id, c.name, c.mobile,
           (select v.plate from vehicles v where v.owner_id = c.id and v.plate is not null limit 1) as plate
         from customers c where c.merged_into_id is null and c.id % 97 = 0 order by c.id limit 400`,
      )
      .all() as Sampled[];
    prep.close();

    const lanPort = opts.lanPort ?? port + 1;
    const everyMessage = opts.liveRule === 'every-message';
    const server = await startBenchServer(dir, port, { lanPort });
    const base = `https://127.0.0.1:${lanPort}`;
    const tally = new Tally(base);
    const stops: (() => void)[] = [];
    const throttles: LiveThrottle[] = [];
    let raw: Database.Database | null = null;
    let stopping = false;
    try {
      const certPem = fs.readFileSync(path.join(hostTlsDir(dir), 'host.crt'), 'utf8');
      const fingerprint = fingerprintOf(certPem);
      // The HTTP side answers first; the LAN listener opens right after.
      const probe = workstationAt(0, '探测', certPem, fingerprint);
      for (let tries = 0; ; tries++) {
        try {
          await request(base, probe, 'auth.me', {});
          break;
        } catch (error) {
          if (tries > 100) throw error;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      probe.agent.destroy();
      // Today's call-backs made before the clock starts: the day's first claim would otherwise pay for them.
      t = performance.now();
      const generated = (await server.call('callbacks.generate', {})) as { created: number };
      say(
        `call-back generation (untimed) ${((performance.now() - t) / 1000).toFixed(1)} s, ${generated.created} new tasks`,
      );

      const opUsers = Array.from({ length: operators }, (_, i) => ({
        username: `bench_lan_op${i + 1}`,
        role: 'callback_operator',
        displayName: `压测回访${i + 1}`,
      }));
      const deskUsers = Array.from({ length: frontDesks }, (_, i) => ({
        username: `bench_lan_desk${i + 1}`,
        role: 'front_desk',
        displayName: `压测前台${i + 1}`,
      }));
      await ensureUsers(server, [...opUsers, ...deskUsers]);
      const ids = new Map(
        ((await server.call('users.list', {})) as { id: number; username: string }[]).map((u) => [
          u.username,
          u.id,
        ]),
      );

      const ops = opUsers.map((u, i) => ({
        ws: workstationAt(i, `回访${i + 1}号机`, certPem, fingerprint),
        user: u,
      }));
      const desks = deskUsers.map((u, i) => ({
        ws: workstationAt(operators + i, `前台${i + 1}号机`, certPem, fingerprint),
        user: u,
      }));
      for (const w of [...ops, ...desks]) {
        const login = await tally.call<{ token: string }>(w.ws, 'auth.login', 'auth.login', {
          username: w.user.username,
          password,
        });
        if (!login)
          throw new Error(`${w.user.username} could not sign in over HTTPS: ${tally.examples.join('; ')}`);
        w.ws.token = login.token;
      }

      const claims = new Map<number, string>();
      let doubleClaims = 0;
      let resumed = 0;
      let emptyQueue = 0;
      const records: RecordAck[] = [];
      const edits: EditAck[] = [];
      let changes = 0;
      const deadline = Date.now() + opts.durationMs;
      const running = () => !stopping && Date.now() < deadline;

      const operator = async (o: (typeof ops)[number]) => {
        const userId = ids.get(o.user.username)!;
        const queueInput = { scope: 'mine', bucket: 'all', limit: 50 } as const;
        // The call screen's counters and list, refetched when any colleague's call changes them: two queries,
        // each on its own pace, as React Query keeps them.
        const screen = [
          {
            key: callbackKeys.pool({}),
            refresh: refetcher(() => tally.call(o.ws, 'callbacks.pool (live refresh)', 'callbacks.pool', {})),
          },
          {
            key: callbackKeys.queue(queueInput),
            refresh: refetcher(() =>
              tally.call(o.ws, 'callbacks.queue mine (live refresh)', 'callbacks.queue', queueInput),
            ),
          },
        ];
        const throttle = createLiveThrottle();
        throttles.push(throttle);
        stops.push(
          listen(base, o.ws, (change) => {
            changes++;
            if (!running()) return;
            for (const q of screen)
              if (everyMessage) {
                if (change.topics.includes('callbacks')) q.refresh();
              } else if (refetchesOn(change, q.key, undefined))
                throttle.request(JSON.stringify(q.key), q.refresh);
          }),
        );
        let n = 0;
        while (running()) {
          const panel = await tally.call<CallPanel | null>(o.ws, 'callbacks.next', 'callbacks.next', {});
          if (!panel) {
            if (panel === null) emptyQueue++;
            await pause(Math.max(opts.think, 0.2), 1000, 2000);
            continue;
          }
          const taskIds = [...new Set(panel.reasons.map((r) => r.taskId))];
          if (panel.resumed) resumed++;
          else
            for (const id of taskIds) {
              // 'reached' closes a task: the same task handed out twice in the run is two operators on one call.
              if (claims.has(id)) doubleClaims++;
              claims.set(id, o.user.username);
            }
          // On the call: dialling, talking, typing the notes.
          await pause(opts.think, 1000, 3000);
          const notes = `压测 ${o.ws.name} 第${++n}通`;
          const recorded = await tally.call<{ attemptId: number }>(
            o.ws,
            'callbacks.record',
            'callbacks.record',
            {
              taskIds,
              outcome: 'reached',
              notes,
            },
          );
          if (recorded) records.push({ attemptId: recorded.attemptId, userId, taskIds, notes });
          await pause(opts.think, 500, 1500);
        }
      };

      const desk = async (d: (typeof desks)[number], i: number) => {
        let open: number | null = null;
        let shown: CustomerCard | null = null;
        const refresh = refetcher(async () => {
          if (open === null) return;
          const id = open;
          const card = await tally.call<CustomerCard>(
            d.ws,
            'customers.card (live refresh)',
            'customers.card',
            {
              id,
            },
          );
          if (card && open === id) shown = card;
        });
        // The card page's other query: the timeline under the card.
        const refreshTimeline = refetcher(async () => {
          if (open === null) return;
          await tally.call(d.ws, 'customers.timeline (live refresh)', 'customers.timeline', {
            customerId: open,
            limit: 20,
          });
        });
        const throttle = createLiveThrottle();
        throttles.push(throttle);
        stops.push(
          listen(base, d.ws, (change) => {
            changes++;
            if (open === null || !running()) return;
            const card = cardKeys.card(open);
            const timeline = cardKeys.timelineAll(open);
            if (everyMessage) {
              if (change.topics.includes('customers')) {
                refresh();
                refreshTimeline();
              }
              return;
            }
            if (refetchesOn(change, card, shown)) throttle.request(JSON.stringify(card), refresh);
            if (refetchesOn(change, timeline, undefined))
              throttle.request(JSON.stringify(timeline), refreshTimeline);
          }),
        );
        let n = 0;
        while (running()) {
          const c = sample[Math.floor(Math.random() * sample.length)]!;
          // What the front desk types: the last four of the mobile, a plate, or the name.
          const kind = n % 3;
          const q = (kind === 0 && c.mobile?.slice(-4)) || (kind === 1 && c.plate) || c.name;
          const found = await tally.call<{ results: { id: number }[] }>(
            d.ws,
            'customers.search',
            'customers.search',
            {
              q,
              limit: 20,
            },
          );
          await pause(opts.think, 500, 1500);
          const id = found?.results.some((r) => r.id === c.id) ? c.id : (found?.results[0]?.id ?? c.id);
          const [card] = await Promise.all([
            tally.call<CustomerCard>(d.ws, 'customers.card', 'customers.card', { id }),
            tally.call(d.ws, 'customers.timeline', 'customers.timeline', { customerId: id, limit: 20 }),
          ]);
          if (!card) continue;
          open = id;
          shown = card;
          // Reading the card, opening the drawer, typing.
          await pause(opts.think, 1000, 3000);
          const loaded: CustomerDetail = card.customer;
          const field = editedFields[(i + n) % editedFields.length]!;
          const value = `${d.ws.name}改${++n}`;
          const base = customerToForm(loaded);
          const saved = await tally.call<CustomerDetail>(d.ws, 'customers.update', 'customers.update', {
            id,
            version: loaded.version,
            base,
            fields: { ...base, [field]: value },
          });
          if (saved) edits.push({ customerId: id, field, value, version: saved.version });
          await pause(opts.think, 1000, 2000);
          open = null;
          shown = null;
        }
      };

      say(
        `${operators} operators and ${frontDesks} front-desk workstations over HTTPS (127.0.0.11–.${10 + operators + frontDesks}) for ${(opts.durationMs / 1000).toFixed(0)} s, live refetch rule: ${opts.liveRule ?? 'renderer'}…`,
      );
      const t0 = performance.now();
      const serverCpu0 = cpuSecondsOf(server.pid);
      const benchCpu0 = process.cpuUsage();
      const load0 = os.loadavg()[0]!;
      await Promise.all([...ops.map(operator), ...desks.map(desk)]);
      const seconds = (performance.now() - t0) / 1000;
      const serverCpu1 = cpuSecondsOf(server.pid);
      const benchCpu = process.cpuUsage(benchCpu0);
      const load1 = os.loadavg()[0]!;
      stopping = true;
      for (const stop of stops) stop();
      for (const throttle of throttles) throttle.stop();
      const budget = await budgetCheck(base, ops[0]!.ws, ops[1]!.ws);
      for (const w of [...ops, ...desks]) w.ws.agent.destroy();
      await server.stop();

      // Read back from the file itself, with the server gone.
      raw = new Database(file, { readonly: true });
      const attempt = raw.prepare(
        'select user_id as userId, task_ids as taskIds, outcome, notes from callback_attempts where id = ?',
      );
      const taskState = raw.prepare(
        'select status, claimed_by as claimedBy from callback_tasks where id = ?',
      );
      let lostRecords = 0;
      for (const r of records) {
        const row = attempt.get(r.attemptId) as
          { userId: number; taskIds: string; outcome: string; notes: string } | undefined;
        const sameTasks =
          row &&
          JSON.stringify([...(JSON.parse(row.taskIds) as number[])].sort()) ===
            JSON.stringify([...r.taskIds].sort());
        const closed = r.taskIds.every(
          (id) => (taskState.get(id) as { status: string } | undefined)?.status !== 'open',
        );
        if (
          !row ||
          row.userId !== r.userId ||
          row.outcome !== 'reached' ||
          row.notes !== r.notes ||
          !sameTasks ||
          !closed
        )
          lostRecords++;
      }
      // An acknowledged edit may be followed by a colleague's later one of the same field (made on a copy that
      // already showed it); what must be in the file is the last acknowledged value of every field edited.
      const last = new Map<string, EditAck>();
      for (const e of edits) {
        const key = `${e.customerId}:${e.field}`;
        const seen = last.get(key);
        if (!seen || e.version > seen.version) last.set(key, e);
      }
      const customer = raw.prepare('select occupation, employer, notes, version from customers where id = ?');
      let lostEdits = 0;
      for (const e of last.values()) {
        const row = customer.get(e.customerId) as Record<EditedField, string | null> & { version: number };
        if (row[e.field] !== e.value || row.version < e.version) lostEdits++;
      }
      const auditedClients = raw
        .prepare(
          `select count(distinct client) from audit_log where client like '127.0.0.%（%号机）' and at >= ?`,
        )
        .pluck()
        .get(new Date(Date.now() - seconds * 1000 - 60_000).toISOString()) as number | undefined;

      const rows: Row[] = [];
      const order = [
        'callbacks.next',
        'callbacks.record',
        'callbacks.pool (live refresh)',
        'callbacks.queue mine (live refresh)',
        'customers.search',
        'customers.card',
        'customers.timeline',
        'customers.update',
        'customers.card (live refresh)',
        'customers.timeline (live refresh)',
      ];
      for (const op of order) {
        const s = tally.samples.get(op);
        if (!s?.length) continue;
        rows.push({ scale, operation: `lan-load ${op}`, api: percentiles(s), raw: null, target });
      }
      const all = [...tally.samples.entries()].filter(([op]) => op !== 'auth.login').flatMap(([, s]) => s);
      rows.push({ scale, operation: 'lan-load every request', api: percentiles(all), raw: null, target });
      say(
        `${seconds.toFixed(0)} s: ${tally.requests} requests (${(tally.requests / seconds).toFixed(0)}/s), ` +
          `${records.length} calls recorded, ${edits.length} edits saved, ${tally.conflicts} edits answered conflict ` +
          `(stale copy, shown as the conflict dialog), ${changes} live-change messages received`,
      );
      say(
        `errors ${tally.errorCount} (target 0; of them rate-limited ${tally.rateLimited})` +
          `${tally.errorCount ? `: ${JSON.stringify(Object.fromEntries(tally.errors))}` : ''}`,
      );
      for (const e of tally.examples) say(`  e.g. ${e}`);
      say(
        `double claims ${doubleClaims} (target 0) among ${claims.size} tasks claimed; resumed ${resumed}; empty queue ${emptyQueue}`,
      );
      say(
        `lost updates ${lostRecords + lostEdits} (target 0): recorded calls ${lostRecords} of ${records.length}, ` +
          `edited fields ${lostEdits} of ${last.size} (from ${edits.length} acknowledged edits)`,
      );
      const cores = (cpu: number) =>
        `${(cpu / seconds).toFixed(2)} of ${os.cpus().length} cores (${((60 * cpu) / seconds).toFixed(1)} CPU s/min)`;
      say(
        `CPU: the host process ${serverCpu0 !== null && serverCpu1 !== null ? cores(serverCpu1 - serverCpu0) : '—'}, ` +
          `the 30 simulated workstations (this process) ${cores((benchCpu.user + benchCpu.system) / 1e6)}; ` +
          `load average ${load0.toFixed(1)} → ${load1.toFixed(1)} (the machine is shared)`,
      );
      const liveShare = [...tally.samples.entries()]
        .filter(([op]) => op.includes('live refresh'))
        .reduce((n, [, s]) => n + s.length, 0);
      say(
        `${liveShare} of the ${tally.requests} requests (${((100 * liveShare) / tally.requests).toFixed(0)} %) were screens refetching after a live-change message`,
      );
      say(`workstations the audit log tells apart: ${auditedClients ?? 0} of ${operators + frontDesks}`);
      say(
        `request budget per workstation: ${ops[0]!.ws.name} bursting ${budget.burst} requests had ${budget.refused} ` +
          `refused (429); ${ops[1]!.ws.name}'s next request meanwhile: ${budget.neighbour}`,
      );
      const counted = (label: string, n: number, of: string) => ({
        scale,
        operation: `lan-load ${label}: ${n} ${of}`,
        api: { p50: NaN, p95: NaN, n },
        raw: null,
        target: '0',
      });
      rows.push(counted('errors', tally.errorCount, `of ${tally.requests} requests`));
      rows.push(counted('double claims', doubleClaims, `of ${claims.size} tasks`));
      rows.push(
        counted('lost updates', lostRecords + lostEdits, `of ${records.length + last.size} writes read back`),
      );
      return rows;
    } finally {
      stopping = true;
      raw?.close();
      for (const stop of stops) stop();
      for (const throttle of throttles) throttle.stop();
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * After the run: that the budget is kept per workstation. One workstation fires more requests at once than a
 * person could (over the burst of 240); some must be refused, and its neighbour must not notice.
 */
async function budgetCheck(
  base: string,
  greedy: Workstation,
  neighbour: Workstation,
): Promise<{ burst: number; refused: number; neighbour: string }> {
  const burst = 320;
  const replies = await Promise.all(
    Array.from({ length: burst }, () => request(base, greedy, 'auth.me', {}).catch(() => null)),
  );
  const next = await request(base, neighbour, 'auth.me', {}).catch(() => null);
  return {
    burst,
    refused: replies.filter((r) => r?.status === 429).length,
    neighbour: next?.ok ? 'answered' : `failed (${next?.status ?? 'no answer'})`,
  };
}

/** CPU seconds a process has used (Linux /proc; null elsewhere): whether the host or the machine was the limit. */
function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of stat (11 and 12 after the command), in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** `--lan-duration 3m` / `30s` / `90` (seconds). */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(text.trim());
  if (!m) throw new Error(`--lan-duration: expected e.g. 3m or 30s, got ${text}`);
  return Number(m[1]) * (m[2] === 'm' ? 60_000 : 1000);
}

// `npx tsx test/bench/lan-load-bench.ts L 30s` runs this module alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const scale = (process.argv[2] ?? 'L') as 'S' | 'M' | 'L';
  benchLanLoad(scale, 5396, { durationMs: parseDuration(process.argv[3] ?? '30s'), think: 1 }, (l) =>
    console.log(l),
  )
    .then((rows) => printTable(rows))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
