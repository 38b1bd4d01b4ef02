/**
 * copyImage against real registries: an image built by buildah and an OCI index over it, copied by digest
 * to another repository on the same registry (blobs mounted) and to a second registry (blobs uploaded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingOciTools, skopeoDigest, startRegistry, type LocalRegistry } from '../testing/oci';
import { buildTinyImage, scratchDir } from './chain-fixture';
import { copyImage, mountBlob } from './copy';
import { RegistryClient } from './registry/client';

const missing = missingOciTools();
if (missing.length) console.warn(`copy.e2e: ${missing.join(', ')} missing: the image copy cases are skipped (CI installs them)`);

const INDEX = 'application/vnd.oci.image.index.v1+json';

describe.skipIf(missing.length > 0)('copyImage', () => {
  let a: LocalRegistry;
  let b: LocalRegistry;
  let scratch: ReturnType<typeof scratchDir>;
  let image: string;
  let index: string;
  beforeAll(async () => {
    [a, b] = [await startRegistry(), await startRegistry()];
    scratch = scratchDir();
    image = buildTinyImage(scratch.dir, `${a.host}/src/app:v1`, 'hello\n');
    const client = new RegistryClient(a.host);
    const m = (await client.getManifest('src/app', image))!;
    const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [{ mediaType: m.mediaType, digest: image, size: m.body.length, platform: { architecture: 'amd64', os: 'linux' } }] }));
    index = await client.putManifest('src/app', 'multi', INDEX, body);
  }, 120_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    scratch?.cleanup();
  });

  it('copies an index and the image under it to another repository of the same registry, by digest', async () => {
    const client = new RegistryClient(a.host);
    await copyImage({ client, repository: 'src/app' }, { client, repository: 'dst/app' }, index, 'multi');
    expect(await client.manifestDigest('dst/app', 'multi')).toBe(index);
    expect(await client.manifestDigest('dst/app', image)).toBe(image);
    const layers = JSON.parse((await client.getManifest('dst/app', image))!.body.toString()).layers as Array<{ digest: string }>;
    for (const l of layers) expect(await client.blobExists('dst/app', l.digest)).toBe(true);
    // Blobs move by cross-repository mount on one registry: no download, no upload.
    expect(await mountBlob({ client, repository: 'src/app' }, { client, repository: 'other/app' }, layers[0]!.digest)).toBe(true);
    expect(await client.blobExists('other/app', layers[0]!.digest)).toBe(true);
  });

  it('copies an image to a second registry (uploading its blobs), tagged, with skopeo seeing the same digest; again is a no-op', async () => {
    const from = { client: new RegistryClient(a.host), repository: 'src/app' };
    const to = { client: new RegistryClient(b.host), repository: 'acme/app' };
    await copyImage(from, to, image, 'pin');
    expect(skopeoDigest(`${b.host}/acme/app:pin`)).toBe(image);
    await copyImage(from, to, image, 'pin');
    expect(await to.client.manifestDigest('acme/app', 'pin')).toBe(image);
  });

  it('refuses a digest the source does not have, naming it', async () => {
    const digest = `sha256:${'0'.repeat(64)}`;
    await expect(copyImage({ client: new RegistryClient(a.host), repository: 'src/app' }, { client: new RegistryClient(b.host), repository: 'acme/app' }, digest, 'x')).rejects.toThrow(
      `${a.host}/src/app@${digest}: no such manifest in the source registry (expected the image there to copy it by digest)`,
    );
  });
});
