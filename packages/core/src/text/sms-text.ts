/** SMS without diacritics (one message on every phone), at most `max` characters of the varying part. */
export function smsText(s: string, max: number): string {
  const plain = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 3)}...` : plain;
}
