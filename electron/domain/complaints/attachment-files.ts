import type { AttachmentKind, AttachmentMimeType } from '../../contract/complaint-terms';

/**
 * What a file is, from its first bytes (the name and the browser's type can lie): the evidence types the store
 * keeps. Null for anything else.
 */
export function sniffType(
  bytes: Buffer,
): { mime: AttachmentMimeType; kind: AttachmentKind; ext: string } | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  const ascii = (at: number, s: string) => bytes.subarray(at, at + s.length).toString('latin1') === s;
  if (starts([0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', kind: 'image', ext: 'jpg' };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: 'image/png', kind: 'image', ext: 'png' };
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return { mime: 'image/webp', kind: 'image', ext: 'webp' };
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return { mime: 'image/gif', kind: 'image', ext: 'gif' };
  if (ascii(0, '%PDF-')) return { mime: 'application/pdf', kind: 'pdf', ext: 'pdf' };
  if (ascii(0, 'ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) {
    return { mime: 'audio/mpeg', kind: 'audio', ext: 'mp3' };
  }
  if (ascii(4, 'ftyp') && /^(M4A |M4B |mp42|isom|3gp)/.test(bytes.subarray(8, 12).toString('latin1'))) {
    return { mime: 'audio/mp4', kind: 'audio', ext: 'm4a' };
  }
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return { mime: 'audio/wav', kind: 'audio', ext: 'wav' };
  if (ascii(0, '#!AMR')) return { mime: 'audio/amr', kind: 'audio', ext: 'amr' };
  if (ascii(0, 'OggS')) return { mime: 'audio/ogg', kind: 'audio', ext: 'ogg' };
  return null;
}

/** Strict base64 (what the renderer's FileReader gives), or null: a damaged upload is refused, not stored. */
export function decodeBase64(text: string): Buffer | null {
  const s = text.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (s.length === 0 || s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  return Buffer.from(s, 'base64');
}
