/**
 * Finding and reading the SBOM of a pushed image: the referrers API first (OCI 1.1), then the `<pin>.sbom`
 * tag (distribution 2.8 and other registries without the API). A tagged artifact counts only when its
 * subject is the image asked about.
 */
import type { RegistryReads } from '../registry/cached-reads';
import { CYCLONEDX_MEDIA_TYPE, sbomTag } from './model';

interface ArtifactManifest {
  readonly artifactType?: string;
  readonly subject?: { readonly digest?: string };
  readonly layers?: ReadonlyArray<{ readonly mediaType?: string; readonly digest?: string }>;
}

export interface StoredSbom {
  readonly digest: string;
  /** The image the artifact says it describes. */
  readonly subject?: string;
  /** The SBOM document, undefined when its layer is absent or not JSON. */
  readonly bom?: Record<string, unknown>;
}

function parseManifest(body: Buffer): ArtifactManifest | undefined {
  try {
    return JSON.parse(body.toString('utf8')) as ArtifactManifest;
  } catch {
    return undefined;
  }
}

/** The digest of the SBOM of `repository:pin` = `imageDigest`, or undefined when none was pushed. */
export async function findSbom(client: RegistryReads, repository: string, pin: string, imageDigest: string): Promise<string | undefined> {
  const referrers = await client.referrers(repository, imageDigest);
  const listed = (referrers ?? []).filter((r) => r.artifactType === CYCLONEDX_MEDIA_TYPE).map((r) => r.digest).sort();
  const tagged = await client.manifestDigest(repository, sbomTag(pin));
  if (listed.length > 0) return tagged && listed.includes(tagged) ? tagged : listed[0];
  if (!tagged) return undefined;
  const stored = await readSbom(client, repository, tagged);
  return stored?.subject === imageDigest ? tagged : undefined;
}

/** The SBOM artifact `repository@digest`: its subject and document; undefined when the manifest is absent. */
export async function readSbom(client: RegistryReads, repository: string, digest: string): Promise<StoredSbom | undefined> {
  const manifest = await client.getManifest(repository, digest);
  if (!manifest) return undefined;
  const m = parseManifest(manifest.body);
  const layer = m?.layers?.find((l) => l.mediaType === CYCLONEDX_MEDIA_TYPE && l.digest);
  let bom: Record<string, unknown> | undefined;
  if (layer?.digest && (await client.blobExists(repository, layer.digest))) {
    try {
      bom = JSON.parse((await client.getBlob(repository, layer.digest)).toString('utf8')) as Record<string, unknown>;
    } catch {
      bom = undefined;
    }
  }
  return { digest: manifest.digest, ...(m?.subject?.digest ? { subject: m.subject.digest } : {}), ...(bom ? { bom } : {}) };
}
