import { AppError } from '../../contract/errors';

/** Keyset cursor: the sort value and id of the last row seen, base64url JSON. */
export interface Cursor {
  v: string | null;
  id: number;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Cursor;
    if (typeof c.id !== 'number' || (c.v !== null && typeof c.v !== 'string')) throw new Error('shape');
    return c;
  } catch {
    throw new AppError('validation', '分页位置无效，请刷新列表');
  }
}
