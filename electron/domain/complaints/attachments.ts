import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { attachmentTypesLabel, maxAttachmentBytes, maxThumbnailBytes } from '../../contract/complaint-terms';
import type { TicketAttachment } from '../../contract/complaints';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { decodeBase64, sniffType } from './attachment-files';
import { addTicketEvent, touchTicket } from './ticket-events';
import { readTicket } from './ticket-store';

/** Evidence lives beside the database, in the data folder (backups of the folder take it along). */
export const attachmentFolder = 'complaint-files';

function dataDirOf(sqlite: Database.Database): string {
  if (!sqlite.name || sqlite.name === ':memory:')
    throw new AppError('internal', '数据库不在数据文件夹中，无法保存附件');
  return path.dirname(path.resolve(sqlite.name));
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Writes bytes under the data folder by their hash (atomically: a temp file renamed); false if already there. */
function writeByHash(dataDir: string, relative: string, bytes: Buffer): boolean {
  const full = path.join(dataDir, relative);
  if (fs.existsSync(full)) return false;
  fs.mkdirSync(path.dirname(full), { recursive: true });
  const temp = `${full}.${randomBytes(4).toString('hex')}.part`;
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, full);
  return true;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Attaches a file to a ticket. Checked before anything is written: a readable base64 upload, at most 10 MB, a
 * photo, PDF or recording by its first bytes. The file goes to complaint-files/<ticket>/<sha256>.<ext>; the row
 * and timeline entry follow in one transaction, and a failed transaction removes the file it wrote, so no
 * orphan file is left. A thumbnail (drawn by the renderer with a canvas: no image library runs in main) is kept
 * beside an image.
 */
export function addAttachment(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.addAttachment'>,
): TicketAttachment {
  const sqlite = ctx.db.$client;
  const t = readTicket(sqlite, input.ticketId);
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
  if (!type) {
    throw new AppError('validation', `不支持的文件类型：只能上传${attachmentTypesLabel}`, {
      fields: { dataBase64: '不支持的文件类型' },
    });
  }
  let thumb: { bytes: Buffer; mime: string; ext: string } | null = null;
  if (input.thumbnailBase64 && type.kind === 'image') {
    const tb = decodeBase64(input.thumbnailBase64);
    const tt = tb ? sniffType(tb) : null;
    if (!tb || !tt || tt.kind !== 'image' || tt.mime === 'image/gif' || tb.length > maxThumbnailBytes) {
      throw new AppError(
        'validation',
        `缩略图无效：应为不超过 ${Math.round(maxThumbnailBytes / 1024)} KB 的 JPG、PNG 或 WebP`,
        {
          fields: { thumbnailBase64: '缩略图无效' },
        },
      );
    }
    thumb = { bytes: tb, mime: tt.mime, ext: tt.ext };
  }
  const dataDir = dataDirOf(sqlite);
  const hash = sha256(bytes);
  const stored = path.posix.join(attachmentFolder, String(t.id), `${hash}.${type.ext}`);
  const thumbStored = thumb
    ? path.posix.join(attachmentFolder, String(t.id), `${hash}.thumb.${thumb.ext}`)
    : null;
  const written: string[] = [];
  try {
    if (writeByHash(dataDir, stored, bytes)) written.push(stored);
    if (thumb && thumbStored && writeByHash(dataDir, thumbStored, thumb.bytes)) written.push(thumbStored);
    const now = ctx.clock().toISOString();
    const id = sqlite
      .transaction(() => {
        readTicket(sqlite, t.id);
        const rowId = Number(
          prepared(
            sqlite,
            `insert into complaint_attachments (ticket_id, file_name, mime_type, kind, size_bytes, sha256, stored_path,
               thumb_path, thumb_mime, note, uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            t.id,
            input.fileName,
            type.mime,
            type.kind,
            bytes.length,
            hash,
            stored,
            thumbStored,
            thumb?.mime ?? null,
            input.note ?? null,
            now,
            ctx.user.id,
          ).lastInsertRowid,
        );
        addTicketEvent(sqlite, {
          ticketId: t.id,
          kind: 'attachment',
          at: now,
          userId: ctx.user.id,
          note: input.note ?? null,
          data: { attachmentId: rowId, fileName: input.fileName, kind: type.kind, sizeBytes: bytes.length },
        });
        touchTicket(sqlite, t.id, now);
        recordAudit(ctx, {
          action: 'complaint.updated',
          entity: 'complaint_ticket',
          entityId: t.id,
          customerId: t.customerId,
          detail: {
            ticketNo: t.ticketNo,
            step: 'attachment',
            fileName: input.fileName,
            sha256: hash,
            sizeBytes: bytes.length,
          },
        });
        return rowId;
      })
      .immediate();
    const row = prepared(
      sqlite,
      `select a.id, a.file_name as fileName, a.mime_type as mimeType, a.kind, a.size_bytes as sizeBytes, a.sha256,
         a.thumb_path is not null as hasThumbnail, a.note, a.uploaded_at as uploadedAt
       from complaint_attachments a where a.id = ?`,
    ).get(id) as Omit<TicketAttachment, 'hasThumbnail' | 'uploadedBy'> & { hasThumbnail: number };
    return {
      ...row,
      hasThumbnail: row.hasThumbnail === 1,
      uploadedBy: { id: ctx.user.id, name: ctx.user.displayName },
    };
  } catch (error) {
    for (const rel of written) fs.rmSync(path.join(dataDir, rel), { force: true });
    throw error;
  }
}

/** The file (or its thumbnail), read back and checked against its hash. */
export function readAttachment(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.attachment'>,
): ChannelOutput<'complaints.attachment'> {
  const sqlite = ctx.db.$client;
  const a = prepared(
    sqlite,
    `select id, file_name as fileName, mime_type as mimeType, size_bytes as sizeBytes, sha256, stored_path as storedPath,
       thumb_path as thumbPath, thumb_mime as thumbMime from complaint_attachments where id = ?`,
  ).get(input.id) as
    | {
        id: number;
        fileName: string;
        mimeType: string;
        sizeBytes: number;
        sha256: string;
        storedPath: string;
        thumbPath: string | null;
        thumbMime: string | null;
      }
    | undefined;
  if (!a) throw new AppError('not_found', `附件（编号 ${input.id}）不存在`);
  const dataDir = dataDirOf(sqlite);
  const rel = input.thumbnail ? a.thumbPath : a.storedPath;
  if (!rel) throw new AppError('not_found', '该附件没有缩略图');
  const full = path.join(dataDir, rel);
  if (!fs.existsSync(full)) {
    throw new AppError('not_found', `附件“${a.fileName}”的文件不在数据文件夹中（可能被移动或删除）`);
  }
  const bytes = fs.readFileSync(full);
  if (!input.thumbnail && (bytes.length !== a.sizeBytes || sha256(bytes) !== a.sha256)) {
    throw new AppError('conflict', `附件“${a.fileName}”的文件已损坏（与登记时的校验值不符）`);
  }
  return {
    id: a.id,
    fileName: a.fileName,
    mimeType: input.thumbnail ? (a.thumbMime ?? a.mimeType) : a.mimeType,
    sizeBytes: bytes.length,
    dataBase64: bytes.toString('base64'),
  };
}
