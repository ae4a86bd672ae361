import type { TFunction } from 'i18next';
import {
  attachmentMimeTypes,
  attachmentTypesLabel,
  maxAttachmentBytes,
  maxThumbnailBytes,
} from '../../../../electron/contract/complaints';
import { formatBytes } from '../../format/bytes';
import { readFileAsBase64 } from '../data-care/read-file';

/** Longest side of the preview drawn at upload: sharp in the ticket's grid, small enough to list dozens. */
const thumbnailSide = 320;

export interface PreparedAttachment {
  fileName: string;
  dataBase64: string;
  thumbnailBase64: string | null;
}

/**
 * Why a file cannot go on a ticket, in staff words, before it is sent: too large, empty, or not a photo, PDF
 * or recording. Main checks again by the file's first bytes; this saves sending 10 MB to hear it.
 */
export function attachmentProblem(t: TFunction, file: File): string | null {
  if (file.size === 0) return t('complaints.attachments.empty', { name: file.name });
  if (file.size > maxAttachmentBytes) {
    return t('complaints.attachments.tooLarge', {
      name: file.name,
      size: formatBytes(file.size),
      max: formatBytes(maxAttachmentBytes),
    });
  }
  // Some systems give recordings no type (.amr); main decides those by their bytes.
  if (file.type && !(attachmentMimeTypes as readonly string[]).includes(file.type)) {
    return t('complaints.attachments.wrongType', { name: file.name, types: attachmentTypesLabel });
  }
  return null;
}

/** A JPEG preview of an image drawn on a canvas, or null when the browser cannot draw it (HEIC, broken). */
async function thumbnailOf(file: File): Promise<string | null> {
  if (!file.type.startsWith('image/')) return null;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, thumbnailSide / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    for (const quality of [0.82, 0.6, 0.4]) {
      const url = canvas.toDataURL('image/jpeg', quality);
      const base64 = url.slice(url.indexOf(',') + 1);
      if ((base64.length * 3) / 4 <= maxThumbnailBytes) return base64;
    }
    return null;
  } catch {
    return null;
  }
}

export async function prepareAttachment(file: File): Promise<PreparedAttachment> {
  const [dataBase64, thumbnailBase64] = await Promise.all([readFileAsBase64(file), thumbnailOf(file)]);
  return { fileName: file.name, dataBase64, thumbnailBase64 };
}

/** A blob URL for base64 bytes main sent (an image to show, a PDF or recording to open). */
export function blobUrlOf(base64: string, type: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type }));
}
