import { inflateRawSync } from 'node:zlib';

/** Raised for anything that is not a readable ZIP: the caller turns it into a message for staff. */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/**
 * The files inside a ZIP (an XLSX is one), read through the central directory: stored and deflated entries,
 * which is all Excel, WPS and LibreOffice write. ZIP64 is refused; an upload is capped far below 4 GB anyway.
 */
export function readZipEntries(buf: Buffer): Map<string, () => Buffer> {
  const eocd = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw new ZipFormatError('central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new ZipFormatError('zip64');
    entries.set(name.replace(/^\/+/, ''), () => {
      if (buf.readUInt32LE(localOffset) !== 0x04034b50) throw new ZipFormatError('local header');
      const start =
        localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
      const data = buf.subarray(start, start + compressedSize);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new ZipFormatError(`compression method ${method}`);
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let p = buf.length - 22; p >= stop; p--) {
    if (buf.readUInt32LE(p) === 0x06054b50) return p;
  }
  throw new ZipFormatError('no end of central directory');
}
