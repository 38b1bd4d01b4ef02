/** Package URLs (github.com/package-url/purl-spec) for the SBOM's components. */
import { parseImageRef } from '../registry/reference';

const encode = (s: string): string => encodeURIComponent(s).replace(/%2F/gi, '/').replace(/%3A/gi, ':');

/** `pkg:npm/yaml@2.9.1`, `pkg:npm/%40scope/name@1.0.0`. */
export function npmPurl(name: string, version: string): string {
  const [scope, bare] = name.startsWith('@') ? [name.slice(0, name.indexOf('/')), name.slice(name.indexOf('/') + 1)] : [undefined, name];
  return `pkg:npm/${scope ? `${encodeURIComponent(scope)}/` : ''}${encodeURIComponent(bare)}@${encodeURIComponent(version)}`;
}

/** `pkg:oci/node@sha256%3A…?repository_url=host/path/node&tag=22` for `host/path/node:22@sha256:…`. */
export function ociPurl(ref: string): { purl: string; name: string; digest: string; tag?: string } {
  const r = parseImageRef(ref);
  if (!r.digest) throw new Error(`base image '${ref}' has no digest (expected name:tag@sha256:…)`);
  const name = r.repository.slice(r.repository.lastIndexOf('/') + 1);
  const qualifiers = [`repository_url=${encode(`${r.host}/${r.repository}`)}`, ...(r.tag ? [`tag=${encode(r.tag)}`] : [])];
  return { purl: `pkg:oci/${name}@${encodeURIComponent(r.digest)}?${qualifiers.join('&')}`, name, digest: r.digest, ...(r.tag ? { tag: r.tag } : {}) };
}
