/**
 * The rules for the references an environment.yaml writes: the image registry, the git repository Flux
 * pulls, branch names and promotion tag patterns. Each `…Problem` returns why a value is refused (a short
 * clause) or undefined; the engine's config validator (as JSON Schema formats) and the generators use them.
 * No imports: a leaf module.
 */

/** What a registry reference looks like, for `expected` in messages. */
export const REGISTRY_EXPECTED = 'lower-case host[:port]/path with no scheme, tag or digest, e.g. registry.example.com/acme';
/** What a git URL looks like. */
export const GIT_URL_EXPECTED = "https://host/path, ssh://[user@]host/path or scp-like git@host:path";
/** What a branch name looks like. */
export const BRANCH_EXPECTED = 'a branch name `git check-ref-format --branch` accepts, e.g. main or release/2026';
/** What a tag pattern looks like. */
export const TAG_PATTERN_EXPECTED = "a tag glob such as 'prod-v*' or a /regular expression/";

const HOST = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(:[0-9]{1,5})?$/;
const PATH_PART = /^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*$/;

/** `registry.example.com/acme`, `localhost:5000`: an OCI repository prefix the engine appends `/<service>:<pin>` to. */
export function registryProblem(value: string): string | undefined {
  if (value === '') return 'is empty';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'has a scheme (a registry reference has none)';
  if (value !== value.toLowerCase()) return 'has upper-case letters';
  if (value.includes('@')) return 'has a digest';
  if (value.endsWith('/')) return "ends with '/'";
  const [host, ...path] = value.split('/');
  if (!HOST.test(host)) return `has an invalid host '${host}'`;
  if (path.some((p) => p.includes(':'))) return 'has a tag (the engine adds the tag: the pin)';
  const bad = path.find((p) => !PATH_PART.test(p));
  if (bad !== undefined) return `has an invalid path part '${bad}'`;
  return undefined;
}

/** What Flux (and Argo CD) can clone: https, ssh, or scp-like `git@host:path`; no http, no credentials in the URL. */
export function gitUrlProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'contains white space';
  const scp = /^[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):(?!\/\/)(.+)$/.exec(value);
  if (scp) return scp[2].length > 0 ? undefined : 'has no path';
  const url = /^([a-z][a-z0-9+.-]*):\/\/(?:([^@/]*)@)?([^/:]+)(:[0-9]+)?(\/.*)?$/i.exec(value);
  if (!url) return 'is not a URL or git@host:path';
  const [, scheme, user, host, , path] = url;
  if (scheme !== 'https' && scheme !== 'ssh') return scheme === 'http' ? 'is plain http (credentials and contents would travel unencrypted)' : `has the scheme '${scheme}'`;
  if (scheme === 'https' && user !== undefined) return 'has credentials in the URL (use a Secret)';
  if (!/^[A-Za-z0-9.-]+$/.test(host)) return `has an invalid host '${host}'`;
  if (path === undefined || path === '/') return 'has no repository path';
  return undefined;
}

/** `git check-ref-format --branch` rules, without running git. */
export function branchProblem(value: string): string | undefined {
  if (value === '') return 'is empty';
  if (value === 'HEAD' || value === '@') return `'${value}' is not a branch`;
  if (value.startsWith('-')) return "starts with '-'";
  if (value.startsWith('/') || value.endsWith('/')) return "starts or ends with '/'";
  if (value.includes('//')) return "has '//'";
  if (value.includes('..')) return "has '..'";
  if (value.includes('@{')) return "has '@{'";
  if (value.endsWith('.')) return "ends with '.'";
  const bad = /[\x00-\x20\x7f~^:?*[\\]/.exec(value);
  if (bad) return bad[0] <= ' ' || bad[0] === '\x7f' ? 'has a space or control character' : `has '${bad[0]}'`;
  for (const part of value.split('/')) {
    if (part.startsWith('.')) return `has a part starting with '.' ('${part}')`;
    if (part.endsWith('.lock')) return `has a part ending with '.lock' ('${part}')`;
  }
  return undefined;
}

/** `promotion.tags`: a glob of characters a tag can hold plus `*` and `?`, or `/regex/` that compiles. */
export function tagPatternProblem(value: string): string | undefined {
  const regex = /^\/(.*)\/$/s.exec(value);
  if (regex) {
    if (regex[1] === '') return 'is an empty regular expression (it would match every tag)';
    try {
      new RegExp(regex[1]);
      return undefined;
    } catch (err) {
      return `is not a valid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`;
    }
  }
  if (value === '') return 'is empty';
  if (value.startsWith('/')) return "starts with '/' but does not end with it (a /regular expression/ is written between slashes)";
  return branchProblem(value.replace(/[*?]/g, 'x'));
}
