/**
 * Who a request came from, as the audit log and the sessions list record it: the peer's address and, from a
 * paired workstation, the name it was given (header X-Dealer-Workstation, e.g. 前台2号机). The name is only a
 * label a colleague recognises — the address stays beside it, since any client could send any name.
 */
export function workstationClient(address: string | null, name: string | undefined): string | null {
  const label = cleanWorkstationName(name);
  if (!label) return address;
  return address ? `${address}（${label}）` : label;
}

/** Header values arrive as Latin-1 bytes: a workstation sends its name percent-encoded (encodeURIComponent). */
export function cleanWorkstationName(raw: string | undefined): string | null {
  if (!raw) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const label = decoded
    .replace(/[\p{C}（）()]/gu, '')
    .trim()
    .slice(0, 30);
  return label || null;
}
