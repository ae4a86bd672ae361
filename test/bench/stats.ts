export interface Figures {
  p50: number;
  p95: number;
  n: number;
}

export function percentiles(samples: number[]): Figures {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), n: s.length };
}

export async function timeAsync(times: number, fn: (i: number) => Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < Math.min(5, times); i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return percentiles(samples);
}

/** The first `n` calls of a freshly started server, unwarmed (its own warm-up running in the background, as in the store). */
export async function firstCalls(n: number, call: (i: number) => Promise<unknown>): Promise<Figures> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call(i);
    samples.push(performance.now() - t0);
  }
  return percentiles(samples);
}

export function timeSync(times: number, fn: (i: number) => unknown): Figures {
  for (let i = 0; i < Math.min(5, times); i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
  }
  return percentiles(samples);
}

export interface Row {
  scale: string;
  operation: string;
  api: Figures;
  raw: Figures | null;
  target?: string;
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : v < 1 ? v.toFixed(3) : v.toFixed(2));

export function printTable(rows: Row[]): void {
  const header = [
    'scale',
    'operation',
    'API p50 ms',
    'API p95 ms',
    'raw p50 ms',
    'raw p95 ms',
    'ratio p50',
    'target',
  ];
  const lines = rows.map((r) => [
    r.scale,
    r.operation,
    ms(r.api.p50),
    ms(r.api.p95),
    r.raw ? ms(r.raw.p50) : '—',
    r.raw ? ms(r.raw.p95) : '—',
    r.raw ? `${(r.api.p50 / r.raw.p50).toFixed(1)}×` : '—',
    r.target ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}
