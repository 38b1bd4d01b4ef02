/**
 * The registry client against a real CNCF distribution registry on 127.0.0.1 and a real image pushed by
 * buildah; the token-auth flow against a real HTTP server that answers with Docker's bearer challenge.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, missingOciTools, pushLocalNodeBase, skopeoDigest, startRegistry, type LocalRegistry } from '../../testing/oci';
import { RegistryClient, sha256 } from './client';
import { parseImageRef } from './reference';

const missing = missingOciTools();
if (missing.length) console.warn(`registry.e2e: ${missing.join(', ')} missing: the real-registry cases are skipped (CI installs them)`);

describe.skipIf(missing.length > 0)('a real registry', () => {
  let registry: LocalRegistry;
  let base: string;
  let scratch: string;
  beforeAll(async () => {
    registry = await startRegistry();
    scratch = mkdtempSync(join(tmpdir(), 'eleventh-base-'));
    base = pushLocalNodeBase(registry.host, scratch);
  }, 120_000);
  afterAll(async () => {
    await registry?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("gives the same digest from a manifest HEAD as skopeo and buildah's digest file", async () => {
    const ref = parseImageRef(base);
    const client = new RegistryClient(ref.host);
    const digest = await client.manifestDigest(ref.repository, ref.tag!);
    expect(digest).toBe(ref.digest);
    expect(skopeoDigest(`${ref.host}/${ref.repository}:${ref.tag}`)).toBe(digest);
    const manifest = await client.getManifest(ref.repository, ref.tag!);
    expect(manifest?.digest).toBe(digest);
    expect(sha256(manifest!.body)).toBe(digest);
  });

  it('says a tag is absent (undefined), not an error', async () => {
    const ref = parseImageRef(base);
    expect(await new RegistryClient(ref.host).manifestDigest(ref.repository, 'no-such-tag')).toBeUndefined();
  });

  it('pushes a blob and an artifact manifest and reads them back', async () => {
    const client = new RegistryClient(registry.host);
    const data = Buffer.from('{"bomFormat":"CycloneDX"}');
    const blob = await client.pushBlob('eleventh-test/artifact', data);
    expect(blob).toBe(sha256(data));
    expect(await client.blobExists('eleventh-test/artifact', blob)).toBe(true);
    expect((await client.getBlob('eleventh-test/artifact', blob)).equals(data)).toBe(true);
    const empty = await client.pushBlob('eleventh-test/artifact', Buffer.from('{}'));
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: empty, size: 2 }, layers: [{ mediaType: 'application/vnd.cyclonedx+json', digest: blob, size: data.length }] }));
    const digest = await client.putManifest('eleventh-test/artifact', 'v1', 'application/vnd.oci.image.manifest.v1+json', manifest);
    expect(digest).toBe(sha256(manifest));
    expect(await client.manifestDigest('eleventh-test/artifact', 'v1')).toBe(digest);
  });

  it('names the registry when it cannot be reached', async () => {
    const closed = `127.0.0.1:${await freePort()}`;
    await expect(new RegistryClient(closed).manifestDigest('x/y', 'z')).rejects.toThrow(`${closed}: cannot reach the registry at http://${closed}/v2/ (ECONNREFUSED) (expected a reachable registry)`);
  });
});

describe('token auth (Docker bearer challenge)', () => {
  let server: Server;
  let host: string;
  let dockerConfig: string;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
      if (req.url?.startsWith('/token')) {
        const ok = req.headers.authorization === `Basic ${Buffer.from('ci:s3cret').toString('base64')}`;
        res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(ok ? '{"token":"t0ken"}' : '{}');
        return;
      }
      if (req.headers.authorization !== 'Bearer t0ken') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${host}/token",service="test",scope="repository:acme/app:pull"` }).end();
        return;
      }
      res.writeHead(200, { 'docker-content-digest': `sha256:${'a'.repeat(64)}` }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    dockerConfig = mkdtempSync(join(tmpdir(), 'eleventh-docker-'));
  });
  afterAll(() => {
    server.close();
    rmSync(dockerConfig, { recursive: true, force: true });
  });

  it('logs in with the Docker credential file and retries with the token', async () => {
    writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [host]: { auth: Buffer.from('ci:s3cret').toString('base64') } } }));
    const client = new RegistryClient(host, { env: { DOCKER_CONFIG: dockerConfig } });
    expect(await client.manifestDigest('acme/app', 'v1')).toBe(`sha256:${'a'.repeat(64)}`);
    expect(seen.some((s) => s.startsWith('GET /token?service=test&scope=repository%3Aacme%2Fapp%3Apull Basic'))).toBe(true);
  });

  it('says authentication failed with wrong credentials, naming docker login', async () => {
    writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [`https://${host}`]: { username: 'ci', password: 'wrong' } } }));
    const client = new RegistryClient(host, { env: { DOCKER_CONFIG: dockerConfig } });
    await expect(client.manifestDigest('acme/app', 'v1')).rejects.toThrow(`authentication failed at http://${host}/token (HTTP 401) (expected valid credentials for ${host} in the Docker credential file: docker login ${host})`);
  });

  it('refuses a credential file that is not JSON, naming it', async () => {
    writeFileSync(join(dockerConfig, 'config.json'), '{not json');
    await expect(new RegistryClient(host, { env: { DOCKER_CONFIG: dockerConfig } }).manifestDigest('acme/app', 'v1')).rejects.toThrow(`${join(dockerConfig, 'config.json')}: is not a Docker credential file`);
  });
});
