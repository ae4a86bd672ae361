import type { z } from 'zod';
import type { PreferencesDetail, customerPreferences } from '../../contract/customers';
import { contactChannels } from '../../contract/customers';

type PreferencesInput = z.output<typeof customerPreferences>;
type ContactChannel = (typeof contactChannels)[number];

// Cards imported or generated before the channel became a code carry the Chinese word.
const channelWords: Record<string, ContactChannel> = { 电话: 'phone', 微信: 'wechat', 短信: 'sms' };

const empty: PreferencesDetail = { contactChannel: null, contactTime: null, color: null, note: null };

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** The stored JSON (string from raw SQL, object from drizzle, or null) as the card shows it. */
export function readPreferences(raw: unknown): PreferencesDetail {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return empty;
    }
  }
  if (!value || typeof value !== 'object') return empty;
  const p = value as Record<string, unknown>;
  const channel = typeof p.contactChannel === 'string' ? p.contactChannel : null;
  return {
    contactChannel:
      channel && (contactChannels as readonly string[]).includes(channel)
        ? (channel as ContactChannel)
        : channel
          ? (channelWords[channel] ?? null)
          : null,
    contactTime: text(p.contactTime),
    color: text(p.color),
    note: text(p.note),
  };
}

/** What goes into the column: only the parts given, or null when nothing is. */
export function storedPreferences(p: PreferencesInput | null | undefined): Record<string, string> | null {
  if (!p) return null;
  const out: Record<string, string> = {};
  if (p.contactChannel) out.contactChannel = p.contactChannel;
  if (p.contactTime) out.contactTime = p.contactTime;
  if (p.color) out.color = p.color;
  if (p.note) out.note = p.note;
  return Object.keys(out).length ? out : null;
}
