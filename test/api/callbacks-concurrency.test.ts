import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../electron/domain/auth/password';
import { localDate } from '../../electron/domain/clock';
import { addDays } from '../../electron/domain/callbacks/dates';
import { createHttpApp } from '../../electron/server/http-app';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

const customers = 1000;
const operators = 20;

/**
 * Twenty workstations hammer the real HTTP server at once: next → record(reached) until the queue is empty.
 * Every task must be handed out exactly once and worked exactly once.
 */
describe('call-back claims under 20 parallel HTTP clients', () => {
  let app: TestApp;
  let server: ServerType;
  let url: string;

  async function post<T>(channel: string, input: unknown, token: string): Promise<T> {
    const res = await fetch(`${url}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; data?: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
    return body.data as T;
  }

  beforeAll(async () => {
    app = await createTestApp();
    const sqlite = app.core.db.$client;
    const today = localDate(new Date());
    const hash = await hashPassword('Staff-Pass-1');
    sqlite.transaction(() => {
      const person = sqlite.prepare("insert into customers (name, mobile, stage) values (?, ?, 'owner')");
      const task = sqlite.prepare(
        `insert into callback_tasks (customer_id, rule_code, anchor_date, due_date, expires_on, priority, created_at, updated_at)
         values (?, 'quarterly_care', ?, ?, ?, ?, ?, ?)`,
      );
      const stamp = new Date().toISOString();
      for (let i = 1; i <= customers; i++) {
        const id = Number(person.run(`并发客户${i}`, `137${String(i).padStart(8, '0')}`).lastInsertRowid);
        task.run(id, today, today, addDays(today, 30), 1 + (i % 5), stamp, stamp);
      }
      const user = sqlite.prepare(
        "insert into users (username, display_name, password_hash, role) values (?, ?, ?, 'callback_operator')",
      );
      for (let i = 1; i <= operators; i++) user.run(`op${i}`, `回访专员${i}`, hash);
    })();
    const http = createHttpApp({ router: app.core.router });
    const info = await new Promise<AddressInfo>((resolve) => {
      server = serve({ fetch: http.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
    });
    url = `http://127.0.0.1:${info.port}`;
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    app.close();
  });

  it('hands every task to exactly one operator and records it exactly once', async () => {
    const tokens = await Promise.all(
      Array.from({ length: operators }, (_, i) => app.login(`op${i + 1}`, 'Staff-Pass-1')),
    );
    const claimsPerClient = await Promise.all(
      tokens.map(async (token) => {
        const claimed: number[] = [];
        for (;;) {
          const panel = await post<{ reasons: { taskId: number }[] } | null>('callbacks.next', {}, token);
          if (!panel) return claimed;
          const taskIds = panel.reasons.map((r) => r.taskId);
          claimed.push(...taskIds);
          await post('callbacks.record', { taskIds, outcome: 'reached' }, token);
        }
      }),
    );
    const all = claimsPerClient.flat();
    expect(all).toHaveLength(customers);
    expect(new Set(all).size).toBe(customers);
    // Real concurrency: the work was shared out, not done by one client while the others waited.
    expect(claimsPerClient.filter((c) => c.length > 0).length).toBeGreaterThanOrEqual(operators / 2);

    const sqlite = app.core.db.$client;
    const perTask = sqlite
      .prepare(
        `select j.value as taskId, count(*) as n from callback_attempts a, json_each(a.task_ids) j group by j.value`,
      )
      .all() as { taskId: number; n: number }[];
    expect(perTask).toHaveLength(customers);
    expect(perTask.every((r) => r.n === 1)).toBe(true);
    expect(
      sqlite
        .prepare("select count(*) from callback_tasks where status = 'done' and attempts = 1")
        .pluck()
        .get(),
    ).toBe(customers);
    expect(sqlite.prepare("select count(*) from interactions where kind = 'callback'").pluck().get()).toBe(
      customers,
    );
    // Whoever recorded the attempt is whoever was handed the task.
    const recorder = new Map(
      (
        sqlite
          .prepare(
            'select j.value as taskId, a.user_id as userId from callback_attempts a, json_each(a.task_ids) j',
          )
          .all() as {
          taskId: number;
          userId: number;
        }[]
      ).map((r) => [r.taskId, r.userId]),
    );
    const userIds = sqlite
      .prepare("select id from users where username like 'op%' order by id")
      .pluck()
      .all() as number[];
    const userOfClient = new Map(tokens.map((_, i) => [i, userIds[i]]));
    claimsPerClient.forEach((ids, client) =>
      ids.forEach((id) => expect(recorder.get(id)).toBe(userOfClient.get(client))),
    );
  }, 300_000);
});
