import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { maxAttachmentBytes } from '../../contract/complaint-terms';
import { AppError } from '../../contract/errors';
import type { EventAttachment } from '../../contract/event-plan';
import { decodeBase64, sniffType } from '../complaints/attachment-files';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { readEvent, requireStatus, touchEvent } from './event-store';

/** Photos and files of events live beside the database, in the data folder (backups take the folder along). */
export const eventFileFolder = 'event-files';

const extOf: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
};

function dataDirOf(sqlite: Database.Database): string {
  if (!sqlite.name || sqlite.name === ':memory:')
    throw new AppError('internal', '数据库不在数据文件夹中，无法保存附件');
  return path.dirname(path.resolve(sqlite.name));
}

/** event-files/<event>/<sha256>.<ext>: the same bytes attached twice are stored once. */
const storedPath = (eventId: number, sha256: string, mime: string) =>
  path.posix.join(eventFileFolder, String(eventId), `${sha256}.${extOf[mime] ?? 'bin'}`);

const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Attaches a photo (JPG, PNG, WebP, GIF) or PDF, checked by its first bytes before anything is written. The
 * file is written first (atomically, by hash), then the row; a failed transaction removes the file it wrote.
 */
export function addEventAttachment(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.addAttachment'>,
): EventAttachment {
  const sqlite = ctx.db.$client;
  const e = readEvent(sqlite, input.eventId);
  requireStatus(e, ['draft', 'approved', 'inviting', 'running', 'done'], '添加附件');
  const bytes = decodeBase64(input.dataBase64);
  if (!bytes || bytes.length === 0) {
    throw new AppError('validation', '文件内容无法读取（上传不完整或已损坏），请重新选择文件', {
      fields: { dataBase64: '文件内容无法读取' },
    });
  }
  if (bytes.length > maxAttachmentBytes) {
    throw new AppError(
      'validation',
      `文件太大（${mb(bytes.length)}）：每个附件不能超过 ${mb(maxAttachmentBytes)}`,
      {
        fields: { dataBase64: `不能超过 ${mb(maxAttachmentBytes)}` },
      },
    );
  }
  const type = sniffType(bytes);
  if (!type || (type.kind !== 'image' && type.kind !== 'pdf')) {
    throw new AppError('validation', '不支持的文件类型：只能上传照片（JPG、PNG、WebP、GIF）或 PDF', {
      fields: { dataBase64: '不支持的文件类型' },
    });
  }
  const dataDir = dataDirOf(sqlite);
  const hash = sha256Of(bytes);
  const rel = storedPath(e.id, hash, type.mime);
  const full = path.join(dataDir, rel);
  let wrote = false;
  try {
    if (!fs.existsSync(full)) {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      const temp = `${full}.${randomBytes(4).toString('hex')}.part`;
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, full);
      wrote = true;
    }
    const now = ctx.clock().toISOString();
    const id = sqlite
      .transaction(() => {
        readEvent(sqlite, e.id);
        const rowId = Number(
          prepared(
            sqlite,
            `insert into event_attachments (event_id, file_name, mime_type, size_bytes, sha256, caption, uploaded_by,
               uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(e.id, input.fileName, type.mime, bytes.length, hash, input.caption ?? null, ctx.user.id, now)
            .lastInsertRowid,
        );
        touchEvent(sqlite, e.id, now);
        return rowId;
      })
      .immediate();
    return {
      id,
      fileName: input.fileName,
      mimeType: type.mime,
      sizeBytes: bytes.length,
      sha256: hash,
      caption: input.caption ?? null,
      uploadedAt: now,
      uploadedBy: { id: ctx.user.id, name: ctx.user.displayName },
    };
  } catch (error) {
    if (wrote) fs.rmSync(full, { force: true });
    throw error;
  }
}

/** The file, read back and checked against its hash. */
export function readEventAttachment(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.attachment'>,
): ChannelOutput<'events.attachment'> {
  const sqlite = ctx.db.$client;
  const a = prepared(
    sqlite,
    `select id, event_id as eventId, file_name as fileName, mime_type as mimeType, size_bytes as sizeBytes, sha256
     from event_attachments where id = ?`,
  ).get(input.id) as
    | { id: number; eventId: number; fileName: string; mimeType: string; sizeBytes: number; sha256: string }
    | undefined;
  if (!a) throw new AppError('not_found', `附件（编号 ${input.id}）不存在`);
  const full = path.join(dataDirOf(sqlite), storedPath(a.eventId, a.sha256, a.mimeType));
  if (!fs.existsSync(full)) {
    throw new AppError('not_found', `附件“${a.fileName}”的文件不在数据文件夹中（可能被移动或删除）`);
  }
  const bytes = fs.readFileSync(full);
  if (bytes.length !== a.sizeBytes || sha256Of(bytes) !== a.sha256) {
    throw new AppError('conflict', `附件“${a.fileName}”的文件已损坏（与登记时的校验值不符）`);
  }
  return {
    id: a.id,
    fileName: a.fileName,
    mimeType: a.mimeType,
    sizeBytes: bytes.length,
    dataBase64: bytes.toString('base64'),
  };
}

export function listEventAttachments(sqlite: Database.Database, eventId: number) {
  return prepared(
    sqlite,
    `select id, file_name as fileName, mime_type as mimeType, size_bytes as sizeBytes, sha256, caption,
       uploaded_at as uploadedAt, uploaded_by as uploadedBy
     from event_attachments where event_id = ? order by id`,
  ).all(eventId) as (Omit<EventAttachment, 'uploadedBy'> & { uploadedBy: number | null })[];
}
