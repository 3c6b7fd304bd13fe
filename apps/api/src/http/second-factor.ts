import { randomInt } from 'node:crypto';
import type { TotpPort } from '@mot-cua/core';
import { generateSecret, generateURI, verify } from 'otplib';

/** Shown in the authenticator app beside the account name. */
export const TOTP_ISSUER = 'Một Cửa';

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s, the authenticator apps' defaults) through otplib. A code of the step
 * before or after the current one is accepted (clock drift); which step matched is returned so a code is used once.
 */
export const totp: TotpPort = {
  generateSecret: () => generateSecret(),
  keyUri: (accountName, secret) => generateURI({ issuer: TOTP_ISSUER, label: accountName, secret }),
  async matchStep(secret, code, at) {
    const r = await verify({ secret, token: code, epoch: Math.floor(at.getTime() / 1000), epochTolerance: 30 });
    return r.valid && 'timeStep' in r ? r.timeStep : null;
  },
};

// Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/o, 1/l/i).
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Four groups of four from a 31-character alphabet: 79 random bits, e.g. "k7mq-3hxz-9prt-wd2c". */
export function randomCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join('-');
}
