import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';
import { DEMO_CITIZEN_PASSWORD, DEMO_CITIZENS, type DemoCitizen } from './demo-citizens.js';

/** Claim holding the 12-digit personal identification number (the API reads it through OIDC_ID_NUMBER_CLAIM). */
export const ID_NUMBER_CLAIM = 'id_number';

export type IdSimClient = { clientId: string; clientSecret: string; redirectUris: string[] };

export type IdSim = { issuer: string; client: IdSimClient; close(): Promise<void> };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function claimsOf(c: DemoCitizen) {
  return {
    sub: c.sub,
    name: c.name,
    birthdate: c.birthdate,
    phone_number: c.phone,
    address: { formatted: c.address },
    [ID_NUMBER_CLAIM]: c.idNumber,
  };
}

function loginPage(uid: string, error: string | null): string {
  const demo = DEMO_CITIZENS.map((c) => `<li><code>${c.idNumber}</code> — ${escapeHtml(c.name)}</li>`).join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Đăng nhập VNeID (mô phỏng)</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:.75rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;margin-top:.25rem}
button{margin-top:1rem;width:100%;padding:.7rem;font-size:1rem;background:#b3261e;color:#fff;border:0;border-radius:4px}
.err{color:#8c1d18;font-weight:600}.note{font-size:.85rem;color:#444}</style></head><body>
<h1>VNeID <small>(mô phỏng)</small></h1>
<p class="note">Nhà cung cấp định danh cục bộ thay cho VNeID, chỉ dùng để thử nghiệm.</p>
${error ? `<p class="err" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="id_number">Số định danh cá nhân</label><input id="id_number" name="id_number" inputmode="numeric" autocomplete="username" required>
<label for="password">Mật khẩu</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button></form>
<p class="note">Công dân mẫu (mật khẩu <code>${DEMO_CITIZEN_PASSWORD}</code>):</p><ul class="note">${demo}</ul>
</body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 10_000) break;
    chunks.push(c as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A local OpenID Connect provider (oidc-provider) standing in for VNeID: authorization code with PKCE (S256)
 * required, one confidential client, the demo citizens, a login page of its own (personal identification
 * number + password) and consent granted by itself (the client is first-party). In memory: restart forgets
 * codes and sessions, which is what a simulator wants.
 */
export async function startIdSim(opts: {
  port: number;
  host?: string;
  /** Redirect URIs of the client (the API's /api/auth/oidc/callback). */
  redirectUris: string[];
  clientId?: string;
  clientSecret?: string;
  /** Who may sign in (default: the demo citizens). Tests pass citizens of their own so files never share one. */
  citizens?: readonly DemoCitizen[];
}): Promise<IdSim> {
  const citizens = opts.citizens ?? DEMO_CITIZENS;
  const host = opts.host ?? '127.0.0.1';
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(opts.port, host, resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const issuer = `http://${host}:${port}`;
  const client: IdSimClient = {
    clientId: opts.clientId ?? 'mot-cua',
    clientSecret: opts.clientSecret ?? randomBytes(24).toString('base64url'),
    redirectUris: opts.redirectUris,
  };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'sim-1' };

  const configuration: Configuration = {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', 'phone', 'address', 'vneid'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'birthdate'],
      phone: ['phone_number'],
      address: ['address'],
      vneid: [ID_NUMBER_CLAIM],
    },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const c = citizens.find((x) => x.sub === sub);
      return c ? { accountId: c.sub, claims: () => claimsOf(c) } : undefined;
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><meta charset="utf-8"><h1>Lỗi đăng nhập</h1><pre>${escapeHtml(JSON.stringify(out))}</pre>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.on('server_error', () => {});
  const oidc = provider.callback();

  const interaction = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const details = await provider.interactionDetails(req, res);
    const send = (status: number, html: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    };
    if (details.prompt.name === 'login') {
      if (req.method === 'POST' && url.pathname.endsWith('/login')) {
        const form = await readForm(req);
        const c = citizens.find((x) => x.idNumber === (form.get('id_number') ?? '').trim());
        if (!c || form.get('password') !== DEMO_CITIZEN_PASSWORD) {
          return send(401, loginPage(details.uid, 'Số định danh hoặc mật khẩu không đúng.'));
        }
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: c.sub } },
          { mergeWithLastSubmission: false },
        );
      }
      return send(200, loginPage(details.uid, null));
    }
    // consent: the client is first-party, grant what it asked for.
    const accountId = details.session?.accountId;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: accountId!, clientId: String(details.params.client_id) });
    if (!grant) throw new Error('grant not found');
    const missing = (details.prompt.details as { missingOIDCScope?: string[] }).missingOIDCScope;
    if (missing) grant.addOIDCScope(missing.join(' '));
    const missingClaims = (details.prompt.details as { missingOIDCClaims?: string[] }).missingOIDCClaims;
    if (missingClaims) grant.addOIDCClaims(missingClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname.startsWith('/interaction/')) {
      interaction(req, res, url).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`interaction failed: ${e instanceof Error ? e.message : String(e)}`);
      });
      return;
    }
    oidc(req, res);
  });

  return {
    issuer,
    client,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
