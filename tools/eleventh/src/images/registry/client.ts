/**
 * A small Registry HTTP API v2 client: manifest HEAD/GET/PUT, blob HEAD/upload and referrers, with the
 * Docker credential file and token auth. Plain HTTP is used only for loopback registries and for hosts
 * passed as insecure (`--insecure-registry`); everything else is HTTPS.
 */
import { createHash } from 'node:crypto';
import { basicHeader, causeOf, fetchToken, parseChallenge } from './auth';
import { credentialsFor, type Credentials } from './credentials';
import { RegistryError } from './errors';
import { isLoopback } from './reference';

/** The manifest media types eleventh accepts when it asks for one (image, index, Docker v2 and list). */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

export interface Manifest {
  readonly digest: string;
  readonly mediaType: string;
  readonly body: Buffer;
}

export interface RegistryOptions {
  /** Hosts (`host[:port]`) spoken to over plain HTTP although not on loopback. */
  readonly insecure?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

export function sha256(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export class RegistryClient {
  private readonly base: string;
  private readonly tokens = new Map<string, string>();
  private creds: Credentials | undefined | null = null;

  constructor(readonly host: string, private readonly options: RegistryOptions = {}) {
    const plain = isLoopback(host) || (options.insecure ?? []).includes(host);
    this.base = `${plain ? 'http' : 'https'}://${host}`;
  }

  private credentials(): Credentials | undefined {
    if (this.creds === null) this.creds = credentialsFor(this.host, this.options.env);
    return this.creds;
  }

  /** One request, answering the registry's 401 challenge once (Basic or bearer token for `scope`). */
  async request(method: string, path: string, scope: string, init: { headers?: Record<string, string>; body?: Buffer } = {}): Promise<Response> {
    const send = async (auth?: string): Promise<Response> => {
      try {
        return await fetch(`${this.base}${path}`, { method, headers: { ...init.headers, ...(auth ? { authorization: auth } : {}) }, body: init.body ? new Uint8Array(init.body) : undefined, redirect: 'follow' });
      } catch (e) {
        const hint = this.base.startsWith('https') ? `; a plain-HTTP registry off loopback needs --insecure-registry ${this.host}` : '';
        throw new RegistryError(`${this.host}: cannot reach the registry at ${this.base}/v2/ (${causeOf(e)}) (expected a reachable registry${hint})`, { cause: e });
      }
    };
    const cached = this.tokens.get(scope);
    let response = await send(cached);
    if (response.status !== 401) return response;
    const challenge = parseChallenge(response.headers.get('www-authenticate'));
    const creds = this.credentials();
    if (!challenge) throw new RegistryError(`${this.host}: HTTP 401 without a usable WWW-Authenticate challenge`);
    const auth = challenge.scheme === 'basic' ? (creds ? basicHeader(creds) : undefined) : `Bearer ${await fetchToken(this.host, challenge, scope, creds)}`;
    if (!auth) throw new RegistryError(`${this.host}: the registry requires a login (expected credentials for ${this.host} in the Docker credential file: docker login ${this.host})`);
    this.tokens.set(scope, auth);
    response = await send(auth);
    if (response.status === 401 || response.status === 403) {
      throw new RegistryError(`${this.host}: access denied to ${path} (HTTP ${response.status}) (expected credentials with ${scope.split(':').pop()} rights in the Docker credential file)`);
    }
    return response;
  }

  /** The digest of `repository:reference` (a tag or digest), from a manifest HEAD; undefined when absent. */
  async manifestDigest(repository: string, reference: string): Promise<string | undefined> {
    const res = await this.request('HEAD', `/v2/${repository}/manifests/${reference}`, pull(repository), { headers: { accept: MANIFEST_ACCEPT } });
    if (res.status === 404) return undefined;
    this.expectOk(res, `HEAD ${repository}:${reference}`);
    const digest = res.headers.get('docker-content-digest');
    return digest ?? (await this.getManifest(repository, reference))?.digest;
  }

  async getManifest(repository: string, reference: string): Promise<Manifest | undefined> {
    const res = await this.request('GET', `/v2/${repository}/manifests/${reference}`, pull(repository), { headers: { accept: MANIFEST_ACCEPT } });
    if (res.status === 404) return undefined;
    this.expectOk(res, `GET ${repository}:${reference}`);
    const body = Buffer.from(await res.arrayBuffer());
    return { digest: sha256(body), mediaType: (res.headers.get('content-type') ?? '').split(';')[0]!, body };
  }

  async putManifest(repository: string, reference: string, mediaType: string, body: Buffer): Promise<string> {
    const res = await this.request('PUT', `/v2/${repository}/manifests/${reference}`, push(repository), { headers: { 'content-type': mediaType }, body });
    this.expectOk(res, `PUT manifest ${repository}:${reference}`);
    return res.headers.get('docker-content-digest') ?? sha256(body);
  }

  async blobExists(repository: string, digest: string): Promise<boolean> {
    const res = await this.request('HEAD', `/v2/${repository}/blobs/${digest}`, pull(repository));
    if (res.status === 404) return false;
    this.expectOk(res, `HEAD blob ${repository}@${digest}`);
    return true;
  }

  async getBlob(repository: string, digest: string): Promise<Buffer> {
    const res = await this.request('GET', `/v2/${repository}/blobs/${digest}`, pull(repository));
    this.expectOk(res, `GET blob ${repository}@${digest}`);
    return Buffer.from(await res.arrayBuffer());
  }

  /** Upload a blob in one monolithic PUT (unless the registry has it already); returns its digest. */
  async pushBlob(repository: string, data: Buffer): Promise<string> {
    const digest = sha256(data);
    if (await this.blobExists(repository, digest)) return digest;
    const start = await this.request('POST', `/v2/${repository}/blobs/uploads/`, push(repository));
    this.expectOk(start, `start upload to ${repository}`);
    const location = start.headers.get('location');
    if (!location) throw new RegistryError(`${this.host}: upload to ${repository} returned no Location`);
    const url = new URL(location, this.base);
    url.searchParams.set('digest', digest);
    const put = await this.request('PUT', `${url.pathname}${url.search}`, push(repository), { headers: { 'content-type': 'application/octet-stream' }, body: data });
    this.expectOk(put, `upload blob to ${repository}`);
    return digest;
  }

  /** Manifests that refer to `digest` (OCI 1.1 referrers API); undefined when the registry lacks the API. */
  async referrers(repository: string, digest: string): Promise<{ digest: string; artifactType?: string }[] | undefined> {
    const res = await this.request('GET', `/v2/${repository}/referrers/${digest}`, pull(repository), { headers: { accept: 'application/vnd.oci.image.index.v1+json' } });
    if (res.status === 404 || res.status === 405) return undefined;
    this.expectOk(res, `GET referrers of ${repository}@${digest}`);
    const index = (await res.json()) as { manifests?: { digest: string; artifactType?: string }[] };
    return index.manifests ?? [];
  }

  private expectOk(res: Response, what: string): void {
    if (res.ok) return;
    throw new RegistryError(`${this.host}: ${what}: HTTP ${res.status} ${res.statusText}`.trimEnd());
  }
}

const pull = (repository: string): string => `repository:${repository}:pull`;
const push = (repository: string): string => `repository:${repository}:pull,push`;
