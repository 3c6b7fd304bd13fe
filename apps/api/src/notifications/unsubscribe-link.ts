import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NotificationChannel } from '@mot-cua/core';

const mac = (key: string, channel: NotificationChannel, address: string) =>
  createHmac('sha256', key).update(`unsubscribe\n${channel}\n${address}`).digest('base64url').slice(0, 22);

/**
 * The token of an unsubscribe link: channel letter, the (normalised) address in base64url and 128 bits of
 * HMAC-SHA256 over both with the application's key, so nobody can make a link for someone else's address.
 */
export function unsubscribeToken(key: string, channel: NotificationChannel, address: string): string {
  return `${channel === 'email' ? 'e' : 's'}.${Buffer.from(address).toString('base64url')}.${mac(key, channel, address)}`;
}

/** The channel and address of a token, or null when it was not made with the key (or is malformed). */
export function readUnsubscribeToken(
  key: string,
  token: string,
): { channel: NotificationChannel; address: string } | null {
  const m = /^([es])\.([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const channel: NotificationChannel = m[1] === 'e' ? 'email' : 'sms';
  const address = Buffer.from(m[2]!, 'base64url').toString('utf8');
  const expected = Buffer.from(mac(key, channel, address));
  const given = Buffer.from(m[3]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { channel, address } : null;
}

/** The public page where the applicant confirms (a mail scanner following the link changes nothing). */
export const unsubscribeLink = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/ngung-nhan-thong-bao?t=${token}`;

/** The address shown on the page: enough to recognise it, not to read it off a shared screen. */
export function maskAddress(channel: NotificationChannel, address: string): string {
  if (channel === 'sms') return address.length > 6 ? `${address.slice(0, 4)}***${address.slice(-3)}` : '***';
  const [user = '', domain = ''] = address.split('@');
  return `${user.slice(0, 1)}***@${domain}`;
}
