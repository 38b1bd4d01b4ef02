/**
 * An image reference, `host[:port]/path[:tag][@sha256:<hex>]`, split the way the Registry HTTP API v2
 * addresses it: the registry host, the repository path under it, and a tag and/or digest.
 */
export interface ImageRef {
  /** `host[:port]`, lower case, e.g. `registry.example.com` or `127.0.0.1:5000`. */
  readonly host: string;
  /** The repository under the host, e.g. `acme/payments-api`. */
  readonly repository: string;
  readonly tag?: string;
  /** `sha256:<64 hex>`. */
  readonly digest?: string;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const PATH_PART = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export class ImageRefError extends Error {
  constructor(readonly ref: string, readonly problem: string) {
    super(`'${ref}' is not an image reference: ${problem} (expected host[:port]/path[:tag][@sha256:<64 hex>])`);
    this.name = 'ImageRefError';
  }
}

/** Parse a fully qualified reference (the host is required: eleventh never guesses Docker Hub). */
export function parseImageRef(ref: string): ImageRef {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new ImageRefError(ref, `the digest '${digest}' is not sha256:<64 lower-case hex>`);
  }
  const slash = rest.indexOf('/');
  if (slash <= 0) throw new ImageRefError(ref, 'it has no registry host');
  const host = rest.slice(0, slash);
  if (!/[.:]/.test(host) && host !== 'localhost') throw new ImageRefError(ref, `'${host}' is not a registry host (no '.' or ':')`);
  let path = rest.slice(slash + 1);
  let tag: string | undefined;
  const colon = path.lastIndexOf(':');
  if (colon >= 0) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
    if (!TAG.test(tag)) throw new ImageRefError(ref, `the tag '${tag}' is not valid`);
  }
  const bad = path.split('/').find((p) => !PATH_PART.test(p));
  if (bad !== undefined) throw new ImageRefError(ref, `the path part '${bad}' is not lower-case letters, digits and separators`);
  return { host: host.toLowerCase(), repository: path, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** `host/repository[:tag][@digest]`. */
export function formatImageRef(ref: ImageRef): string {
  return `${ref.host}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** Loopback registries may be spoken to over plain HTTP; anything else needs an explicit `--insecure-registry`. */
export function isLoopback(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

export function isDigest(value: string): boolean {
  return DIGEST.test(value);
}

/** Why `ref` is not a fully qualified image reference (undefined: it is); the JSON Schema format `image-ref`. */
export function imageRefProblem(ref: string): string | undefined {
  try {
    parseImageRef(ref);
    return undefined;
  } catch (err) {
    if (!(err instanceof ImageRefError)) throw err;
    return err.problem.replace(/^it /, '');
  }
}

export const IMAGE_REF_EXPECTED = 'host/path:tag@sha256:<64 hex>';
