/**
 * pushSbom: the SBOM pushed beside its image as an OCI 1.1 artifact — a manifest with `artifactType`
 * application/vnd.cyclonedx+json, an empty config, the SBOM as its one layer and `subject` = the image
 * manifest, so registries with the referrers API list it under the image. Distribution 2.8 has no
 * referrers API: the artifact is also tagged `<pin>.sbom`, where findSbom looks when the API is absent.
 */
import type { RegistryClient } from '../registry/client';
import { RegistryError } from '../registry/errors';
import { CYCLONEDX_MEDIA_TYPE, sbomTag } from './model';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
const EMPTY = Buffer.from('{}');

/** The artifact manifest's bytes (fixed key order: the same SBOM and subject give the same digest). */
export function sbomManifest(sbom: { digest: string; size: number }, empty: string, subject: { mediaType: string; digest: string; size: number }, pin: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: CYCLONEDX_MEDIA_TYPE,
      config: { mediaType: OCI_EMPTY, digest: empty, size: EMPTY.length },
      layers: [{ mediaType: CYCLONEDX_MEDIA_TYPE, digest: sbom.digest, size: sbom.size, annotations: { 'org.opencontainers.image.title': 'sbom.cdx.json' } }],
      subject,
      annotations: { 'dev.eleventh.pin': pin },
    }),
  );
}

/**
 * Push `sbom` (buildSbom's bytes) for the image `repository@imageDigest` (tagged `pin`); returns the
 * artifact manifest's digest, what the recipe records as `sbomDigest`. Idempotent.
 */
export async function pushSbom(client: RegistryClient, repository: string, pin: string, imageDigest: string, sbom: Buffer): Promise<string> {
  const image = await client.getManifest(repository, imageDigest);
  if (!image) throw new RegistryError(`${client.host}/${repository}@${imageDigest}: no such image to attach an SBOM to (expected the image pushed first)`);
  const empty = await client.pushBlob(repository, EMPTY);
  const layer = await client.pushBlob(repository, sbom);
  const body = sbomManifest({ digest: layer, size: sbom.length }, empty, { mediaType: image.mediaType, digest: imageDigest, size: image.body.length }, pin);
  return client.putManifest(repository, sbomTag(pin), OCI_MANIFEST, body);
}
