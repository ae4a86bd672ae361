/**
 * The key expressions of a CREATE INDEX statement, e.g.
 * `CREATE UNIQUE INDEX x ON t (customer_id, coalesce(vehicle_id, 0)) WHERE y` → keys
 * [`customer_id`, `coalesce(vehicle_id, 0)`] and where `y`. SQLite's pragmas name plain columns but not
 * expressions, so expression indexes are read from their SQL.
 */
export function parseIndexSql(sql: string): { keys: string[]; where: string | null } {
  const on =
    /\bON\s+(?:"[^"]*"|`[^`]*`|\[[^\]]*\]|[\w$]+)(?:\s*\.\s*(?:"[^"]*"|`[^`]*`|\[[^\]]*\]|[\w$]+))?\s*\(/i.exec(
      sql,
    );
  if (!on) throw new Error(`cannot read index: ${sql}`);
  const open = on.index + on[0].length - 1;
  const keys: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = open + 1;
  let close = -1;
  for (let i = open; i < sql.length && close < 0; i++) {
    const ch = sql.charAt(i);
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '[') quote = ']';
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) close = i;
    else if (ch === ',' && depth === 1) {
      keys.push(sql.slice(start, i));
      start = i + 1;
    }
  }
  if (close < 0) throw new Error(`cannot read index: ${sql}`);
  keys.push(sql.slice(start, close));
  const where = /^\s*WHERE\s+([\s\S]*?)\s*;?\s*$/i.exec(sql.slice(close + 1));
  return {
    keys: keys.map((k) =>
      k
        .trim()
        .replace(/\s+(ASC|DESC)$/i, '')
        .trim(),
    ),
    where: where ? where[1]! : null,
  };
}

/** The bare column name a key expression is, or null when it is a real expression. */
export function plainColumn(key: string): string | null {
  const m = /^(?:"([^"]+)"|`([^`]+)`|\[([^\]]+)\]|([A-Za-z_][\w$]*))(?:\s+COLLATE\s+\w+)?$/i.exec(key.trim());
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4]!) : null;
}
