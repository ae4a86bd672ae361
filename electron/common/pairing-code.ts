/**
 * The pairing code a workstation's user types: the first 50 bits of the host certificate's SHA-256 fingerprint in
 * Crockford base32 (no I, L, O, U: nothing to misread), as two groups of five. The workstation computes the same
 * from the certificate the host presents and connects only when they match — before any password is sent — then
 * pins the whole fingerprint. Forging a certificate with the same 50 bits costs ~2^50 signatures.
 */

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * `AB:CD:…`, `abcd…` or Electron's `sha256/<base64>` → lower-case hex without separators; null unless it is
 * 32 bytes.
 */
export function normalizeFingerprint(fingerprint: string): string | null {
  const electron = /^sha256\/([A-Za-z0-9+/=]+)$/.exec(fingerprint);
  const hex = electron
    ? Array.from(atob(electron[1]!), (ch) => ch.charCodeAt(0).toString(16).padStart(2, '0')).join('')
    : fingerprint.replace(/[:\s]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

export function pairingCodeOf(fingerprint: string): string {
  const hex = normalizeFingerprint(fingerprint);
  if (!hex) throw new Error('certificate fingerprint must be SHA-256');
  let bits = BigInt(`0x${hex.slice(0, 13)}`) >> 2n; // 52 bits read, 50 kept
  let code = '';
  for (let i = 0; i < 10; i++) {
    code = alphabet[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a person typed, read as Crockford base32 does: case-free, O→0, I/L→1, dashes and spaces ignored. */
export function normalizePairingCode(typed: string): string {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === 10 ? `${s.slice(0, 5)}-${s.slice(5)}` : s;
}

/** Whether the certificate a host presented is the one whose code the person read off the host's screen. */
export function pairingMatches(presentedFingerprint: string, typedCode: string): boolean {
  const hex = normalizeFingerprint(presentedFingerprint);
  return hex !== null && pairingCodeOf(hex) === normalizePairingCode(typedCode);
}

/** A pinned host: the certificate presented later must be exactly the paired one. */
export function fingerprintMatchesPin(presentedFingerprint: string, pinned: string): boolean {
  const a = normalizeFingerprint(presentedFingerprint);
  return a !== null && a === normalizeFingerprint(pinned);
}
