import type { ChannelName } from '../contract';
import { maxAttachmentBytes, maxThumbnailBytes } from '../contract/complaint-terms';
import { maxImportFileBytes } from '../contract/imports';

/** Every JSON post but the file uploads: a customer card with notes is a few kilobytes. */
export const maxJsonBodyBytes = 1024 * 1024;

// The spreadsheet travels base64-encoded inside the JSON (4 characters per 3 bytes), plus the column mapping.
const importBodyBytes = Math.ceil(maxImportFileBytes / 3) * 4 + maxJsonBodyBytes;

// A complaint's evidence file (and the thumbnail the renderer drew), base64 too.
const attachmentBodyBytes = Math.ceil((maxAttachmentBytes + maxThumbnailBytes) / 3) * 4 + maxJsonBodyBytes;

const uploadChannels: Partial<Record<ChannelName, number>> = {
  'imports.preview': importBodyBytes,
  'imports.apply': importBodyBytes,
  'complaints.addAttachment': attachmentBodyBytes,
};

/** The largest request body a channel accepts, in bytes. */
export function maxBodyBytesOf(channel: string): number {
  return Object.hasOwn(uploadChannels, channel)
    ? (uploadChannels[channel as ChannelName] ?? maxJsonBodyBytes)
    : maxJsonBodyBytes;
}

/** 413 text in staff words, naming the limit of this channel. */
export function bodyTooLargeMessage(channel: string): string {
  const mb = Math.round(maxBodyBytesOf(channel) / (1024 * 1024));
  if (channel === 'complaints.addAttachment') {
    return `上传的文件太大：每个附件不能超过 ${Math.round(maxAttachmentBytes / (1024 * 1024))} MB`;
  }
  return Object.hasOwn(uploadChannels, channel)
    ? `上传的文件太大：文件不能超过 ${Math.round(maxImportFileBytes / (1024 * 1024))} MB`
    : `请求内容太大（超过 ${mb} MB），已拒绝`;
}
