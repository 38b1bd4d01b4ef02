/**
 * Copy an image by digest from one repository to another (promotion into an environment whose registry
 * differs from its source's): the manifest and every blob it names, an index's manifests recursively,
 * blobs the target lacks only — mounted across repositories when both are on the same registry host,
 * downloaded and uploaded otherwise (one blob in memory at a time). The copy is verified: a manifest whose
 * bytes do not hash to the digest asked for is refused. Idempotent.
 */
import type { Manifest, RegistryClient } from './registry/client';
import { RegistryError } from './registry/errors';

export interface RepoRef {
  readonly client: RegistryClient;
  readonly repository: string;
}

interface Descriptor {
  readonly mediaType?: string;
  readonly digest: string;
  readonly urls?: readonly string[];
}

interface ManifestJson {
  readonly manifests?: readonly Descriptor[];
  readonly config?: Descriptor;
  readonly layers?: readonly Descriptor[];
}

const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];

const where = (r: RepoRef, ref: string): string => `${r.client.host}/${r.repository}${ref.startsWith('sha256:') ? '@' : ':'}${ref}`;

/** Blobs that must travel: not foreign (`urls`) or non-distributable layers, which registries do not hold. */
function blobsOf(m: ManifestJson): Descriptor[] {
  return [...(m.config ? [m.config] : []), ...(m.layers ?? [])].filter((d) => !d.urls?.length && !/nondistributable|foreign/.test(d.mediaType ?? ''));
}

async function sourceManifest(from: RepoRef, digest: string): Promise<Manifest> {
  const m = await from.client.getManifest(from.repository, digest);
  if (!m) throw new RegistryError(`${where(from, digest)}: no such manifest in the source registry (expected the image there to copy it by digest)`);
  if (m.digest !== digest) throw new RegistryError(`${where(from, digest)}: the registry returned a manifest whose digest is ${m.digest} (expected ${digest})`);
  return m;
}

/** Mount `digest` from `from` into `to` (same host); true when the registry mounted it. */
export async function mountBlob(from: RepoRef, to: RepoRef, digest: string): Promise<boolean> {
  const path = `/v2/${to.repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from.repository)}`;
  const res = await to.client.request('POST', path, `repository:${to.repository}:pull,push repository:${from.repository}:pull`);
  if (res.status === 202) {
    // The registry started an upload instead: cancel it; the blob is uploaded below.
    const location = res.headers.get('location');
    const upload = location ? new URL(location, 'http://registry') : undefined;
    if (upload) await to.client.request('DELETE', `${upload.pathname}${upload.search}`, `repository:${to.repository}:pull,push`).catch(() => undefined);
  }
  return res.status === 201;
}

async function copyBlob(from: RepoRef, to: RepoRef, digest: string): Promise<void> {
  if (await to.client.blobExists(to.repository, digest)) return;
  if (from.client.host === to.client.host && (await mountBlob(from, to, digest))) return;
  const data = await from.client.getBlob(from.repository, digest);
  const pushed = await to.client.pushBlob(to.repository, data);
  if (pushed !== digest) throw new RegistryError(`${where(from, digest)}: the blob's content hashes to ${pushed} (expected ${digest})`);
}

async function copyManifest(from: RepoRef, to: RepoRef, digest: string, tag: string | undefined, depth: number): Promise<void> {
  if (depth > 4) throw new RegistryError(`${where(from, digest)}: indexes nested more than 4 deep`);
  const m = await sourceManifest(from, digest);
  if (!tag && (await to.client.manifestDigest(to.repository, digest)) === digest) return;
  let json: ManifestJson;
  try {
    json = JSON.parse(m.body.toString('utf8')) as ManifestJson;
  } catch (e) {
    throw new RegistryError(`${where(from, digest)}: the manifest is not JSON`, { cause: e });
  }
  if (INDEX_TYPES.includes(m.mediaType) || json.manifests) {
    for (const child of json.manifests ?? []) await copyManifest(from, to, child.digest, undefined, depth + 1);
  } else {
    for (const blob of blobsOf(json)) await copyBlob(from, to, blob.digest);
  }
  const put = await to.client.putManifest(to.repository, tag ?? digest, m.mediaType, m.body);
  if (put !== digest) throw new RegistryError(`${where(to, tag ?? digest)}: the registry stored the manifest as ${put} (expected ${digest})`);
}

/** Copy `from@digest` to `to`, tagged `tag` there (the pin); the digest is unchanged by construction. */
export async function copyImage(from: RepoRef, to: RepoRef, digest: string, tag: string): Promise<void> {
  await copyManifest(from, to, digest, tag, 0);
}
