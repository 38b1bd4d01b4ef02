/**
 * Registry HTTP API v2 authentication: the `WWW-Authenticate` challenge of a 401, answered with Basic
 * credentials or with a bearer token from the challenge's token endpoint (Docker's token auth,
 * `realm`/`service`/`scope`; an `identitytoken` is exchanged as an OAuth2 refresh token).
 */
import type { Credentials } from './credentials';
import { RegistryError } from './errors';

export interface Challenge {
  readonly scheme: 'basic' | 'bearer';
  readonly params: Readonly<Record<string, string>>;
}

/** `Bearer realm="https://auth/token",service="registry",scope="repository:x:pull"` → its parts. */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'basic' && scheme !== 'bearer') return undefined;
  const params: Record<string, string> = {};
  for (const p of m[2]!.matchAll(/(\w+)="([^"]*)"|(\w+)=([^,\s]*)/g)) params[(p[1] ?? p[3])!.toLowerCase()] = p[2] ?? p[4] ?? '';
  return { scheme, params };
}

export function basicHeader(creds: Credentials): string {
  return `Basic ${Buffer.from(`${creds.username ?? ''}:${creds.password ?? ''}`).toString('base64')}`;
}

/** Ask the challenge's token endpoint for a token covering `scope`. */
export async function fetchToken(host: string, challenge: Challenge, scope: string, creds: Credentials | undefined): Promise<string> {
  const realm = challenge.params.realm;
  if (!realm) throw new RegistryError(`${host}: the registry asked for a bearer token but named no realm`);
  const service = challenge.params.service;
  let response: Response;
  try {
    if (creds?.identityToken) {
      const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.identityToken, scope, ...(service ? { service } : {}), client_id: 'eleventh' });
      response = await fetch(realm, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    } else {
      const url = new URL(realm);
      if (service) url.searchParams.set('service', service);
      url.searchParams.set('scope', scope);
      const headers: Record<string, string> = creds?.username !== undefined ? { authorization: basicHeader(creds) } : {};
      response = await fetch(url, { headers });
    }
  } catch (e) {
    throw new RegistryError(`${host}: cannot reach its token endpoint ${realm} (${causeOf(e)})`, { cause: e });
  }
  if (response.status === 401 || response.status === 403) {
    throw new RegistryError(`${host}: authentication failed at ${realm} (HTTP ${response.status}) (expected valid credentials for ${host} in the Docker credential file: docker login ${host})`);
  }
  if (!response.ok) throw new RegistryError(`${host}: token endpoint ${realm} answered HTTP ${response.status}`);
  const json = (await response.json()) as { token?: string; access_token?: string };
  const token = json.token ?? json.access_token;
  if (!token) throw new RegistryError(`${host}: token endpoint ${realm} returned no token`);
  return token;
}

/** The network error's code (ECONNREFUSED, ENOTFOUND, …) or its message. */
export function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
}
