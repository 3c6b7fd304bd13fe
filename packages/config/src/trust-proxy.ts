import { isIP } from 'node:net';

/** TRUST_PROXY → Fastify's trustProxy, or the reason it is refused. */
export function parseTrustProxy(raw: string | undefined): { value: false | number | string[] } | string {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === 'off' || v === '0') return { value: false };
  if (v === 'true') return 'true would trust X-Forwarded-For from anyone; give a hop count or proxy addresses';
  if (/^\d+$/.test(v)) return { value: Math.min(Number(v), 10) };
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const item of list) {
    const [addr = '', bits, extra] = item.split('/');
    const family = isIP(addr);
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
      return `"${item}" is neither an IP address nor a CIDR`;
    }
  }
  return { value: list };
}
