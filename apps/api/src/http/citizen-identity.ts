import type { Config } from '@mot-cua/config';
import { AppError, type CitizenClaims } from '@mot-cua/core';
import * as oidc from 'openid-client';

/** The callback path registered at the provider (PUBLIC_URL + this). */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/** What a sign-in keeps server-side between the redirect and the callback. */
export type OidcChecks = { state: string; nonce: string; codeVerifier: string };

/**
 * Citizens' identity provider through openid-client: authorization code with PKCE (S256), state and nonce.
 * The provider's metadata is discovered on first use (and again after a failure), so the API starts even
 * while the provider is away.
 */
export type CitizenIdentity = {
  issuer: string;
  simulated: boolean;
  redirectUri: string;
  begin(): Promise<{ url: URL; checks: OidcChecks }>;
  finish(callbackUrl: URL, checks: OidcChecks): Promise<CitizenClaims>;
  close(): Promise<void>;
};

export function createCitizenIdentity(opts: {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  idNumberClaim: string;
  redirectUri: string;
  /** Allow http:// issuers (the local provider, tests). */
  allowHttp: boolean;
  simulated?: boolean;
  close?: () => Promise<void>;
}): CitizenIdentity {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(opts.issuer),
        opts.clientId,
        opts.clientSecret,
        opts.clientSecret ? oidc.ClientSecretBasic(opts.clientSecret) : oidc.None(),
        opts.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((e: unknown) => {
        discovered = undefined;
        throw new AppError('OIDC_PROVIDER_UNAVAILABLE', { cause: e });
      });
    return discovered;
  };

  return {
    issuer: opts.issuer,
    simulated: opts.simulated ?? false,
    redirectUri: opts.redirectUri,
    async begin() {
      const config = await configuration();
      const checks = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: opts.redirectUri,
        scope: opts.scopes,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, checks };
    },
    async finish(callbackUrl, checks) {
      const config = await configuration();
      let claims: Record<string, unknown>;
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new Error('no ID token');
        const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...info, ...idClaims };
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError('OIDC_LOGIN_FAILED', { cause: e });
      }
      return {
        issuer: String(claims.iss ?? opts.issuer),
        subject: String(claims.sub),
        idNumber: claims[opts.idNumberClaim],
        fullName: claims.name,
        phone: claims.phone_number,
      };
    },
    close: opts.close ?? (async () => {}),
  };
}

/**
 * The provider from the configuration: OIDC_ISSUER when set, otherwise the local provider (apps/id-sim, standing
 * in for VNeID) started in this process on OIDC_SIM_PORT with the callback at PUBLIC_URL.
 */
export async function openCitizenIdentity(config: Config): Promise<CitizenIdentity> {
  const redirectUri = new URL(OIDC_CALLBACK_PATH, config.publicUrl).toString();
  const base = {
    clientId: config.oidc.clientId,
    scopes: config.oidc.scopes,
    idNumberClaim: config.oidc.idNumberClaim,
    redirectUri,
  };
  if (config.oidc.issuer) {
    return createCitizenIdentity({
      ...base,
      issuer: config.oidc.issuer,
      clientSecret: config.oidc.clientSecret,
      allowHttp: config.env !== 'production',
    });
  }
  const { startIdSim } = await import('@mot-cua/id-sim');
  const sim = await startIdSim({
    port: config.oidc.simPort,
    redirectUris: [redirectUri],
    clientId: config.oidc.clientId,
    ...(config.oidc.clientSecret ? { clientSecret: config.oidc.clientSecret } : {}),
  });
  return createCitizenIdentity({
    ...base,
    issuer: sim.issuer,
    clientSecret: sim.client.clientSecret,
    allowHttp: true,
    simulated: true,
    close: sim.close,
  });
}
