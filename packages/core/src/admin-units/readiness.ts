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
