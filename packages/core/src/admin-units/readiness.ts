/** What an official needs to approve online: an active account with a password and a certificate valid that day. */
export function readinessOf(
  o: {
    isActive: boolean;
    hasPassword: boolean;
    certificateSerial: string | null;
    certificateValidTo: string | null;
  },
  onDate: string,
  leads: boolean,
): { hasAccount: boolean; hasCertificate: boolean; canApproveOnline: boolean } {
  const hasAccount = o.isActive && o.hasPassword;
  const hasCertificate = Boolean(o.certificateSerial) && (!o.certificateValidTo || o.certificateValidTo >= onDate);
  return { hasAccount, hasCertificate, canApproveOnline: hasAccount && hasCertificate && leads };
}

/**
 * Why an official's signature certificate does not serve on a date: none recorded, or valid only until a day
 * before it; null when it serves (the same rule as `hasCertificate` above).
 */
export function certificateGap(
  o: { certificateSerial: string | null; certificateValidTo: string | null },
  onDate: string,
): 'missing' | 'expired' | null {
  if (!o.certificateSerial) return 'missing';
  return o.certificateValidTo && o.certificateValidTo < onDate ? 'expired' : null;
}
