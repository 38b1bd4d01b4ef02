/**
 * The registry reads of one `verify --images` run, each asked once. Promoted environments pin the same
 * images as their source, so without this every manifest, referrer list and SBOM of a three-environment
 * repository was fetched three times (4–6 requests per recipe entry). A run sees one answer per question,
 * the same for every environment; requests in flight are shared. Blobs (SBOM documents, the large part)
 * are fetched each time they are read, so the cache holds only digests and small manifests.
 */
import type { Manifest, RegistryClient } from './client';

/** What checking a pushed image reads from its registry. */
export interface RegistryReads {
  manifestDigest(repository: string, reference: string): Promise<string | undefined>;
  getManifest(repository: string, reference: string): Promise<Manifest | undefined>;
  blobExists(repository: string, digest: string): Promise<boolean>;
  getBlob(repository: string, digest: string): Promise<Buffer>;
  referrers(repository: string, digest: string): Promise<{ digest: string; artifactType?: string }[] | undefined>;
}

export class CachedReads implements RegistryReads {
  private readonly answers = new Map<string, Promise<unknown>>();

  constructor(private readonly client: RegistryClient) {}

  private once<T>(key: string, ask: () => Promise<T>): Promise<T> {
    let answer = this.answers.get(key) as Promise<T> | undefined;
    if (!answer) this.answers.set(key, (answer = ask()));
    return answer;
  }

  manifestDigest(repository: string, reference: string): Promise<string | undefined> {
    return this.once(`digest\0${repository}\0${reference}`, () => this.client.manifestDigest(repository, reference));
  }

  getManifest(repository: string, reference: string): Promise<Manifest | undefined> {
    return this.once(`manifest\0${repository}\0${reference}`, () => this.client.getManifest(repository, reference));
  }

  blobExists(repository: string, digest: string): Promise<boolean> {
    return this.once(`blob\0${repository}\0${digest}`, () => this.client.blobExists(repository, digest));
  }

  getBlob(repository: string, digest: string): Promise<Buffer> {
    return this.client.getBlob(repository, digest);
  }

  referrers(repository: string, digest: string): Promise<{ digest: string; artifactType?: string }[] | undefined> {
    return this.once(`referrers\0${repository}\0${digest}`, () => this.client.referrers(repository, digest));
  }
}
