/**
 * The one set of name rules: DNS-1123 labels and the names nobody may take (Kubernetes' own namespaces,
 * the GitOps controllers', the platform's, generated `_` layers, the repository layout's). The kit's
 * construction checks, the engine (environment, namespace and service folders) and the generators (every
 * name they are given) all ask here. tools/ reaches it through the installed package, like suggest.ts.
 * No imports: a leaf module (the add-on namespaces are listed here; a spec keeps them equal to the catalog).
 */

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** What a DNS-1123 label looks like, for `expected` in messages. */
export const DNS_LABEL_EXPECTED =
  "a DNS-1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit";

/** True for a DNS-1123 label (namespaces, services, environments, profiles). */
export function isDnsLabel(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && LABEL.test(value);
}

export type NameKind = 'service' | 'namespace' | 'environment' | 'profile';

/** Namespaces Kubernetes itself uses: `default` and every `kube-*`. */
export const KUBERNETES_NAMESPACES: readonly string[] = ['default', 'kube-*'];

/** Namespaces of the GitOps controllers the environments are bootstrapped for (Flux, Argo CD). */
export const GITOPS_NAMESPACES: readonly string[] = ['flux-system', 'argocd'];

/** The platform's own namespaces: its system namespace and those of the base add-ons. */
export const PLATFORM_NAMESPACES: readonly string[] = ['eleventh-system', 'cert-manager', 'external-secrets', 'kyverno', 'monitoring', 'sealed-secrets', 'traefik'];

/** Names each kind may not take besides `_*` (generated layers); `kube-*` matches by prefix. */
export const RESERVED_NAMES: Readonly<Record<NameKind, readonly string[]>> = {
  service: ['shared'],
  namespace: ['shared', ...KUBERNETES_NAMESPACES, ...GITOPS_NAMESPACES, ...PLATFORM_NAMESPACES],
  environment: ['shared'],
  profile: ['shared', 'index', 'profile', 'base', 'secrets'],
};

/** What is wrong with a name, and what would be accepted. */
export interface NameProblem {
  readonly problem: string;
  readonly expected: string;
}

function reserved(kind: NameKind, name: string): string | undefined {
  const hit = RESERVED_NAMES[kind].find((r) => (r.endsWith('*') ? name.startsWith(r.slice(0, -1)) : r === name));
  if (hit === undefined) return undefined;
  if (KUBERNETES_NAMESPACES.includes(hit)) return "Kubernetes' own namespace";
  if (GITOPS_NAMESPACES.includes(hit)) return "the GitOps controller's namespace";
  if (PLATFORM_NAMESPACES.includes(hit)) return "the platform's own namespace";
  return 'the repository layout uses it';
}

/** Why `name` cannot be used for `kind`, or undefined when it can. */
export function nameProblem(kind: NameKind, name: unknown): NameProblem | undefined {
  if (typeof name === 'string' && name.startsWith('_')) {
    return { problem: `${kind} name '${name}' is reserved: names starting with '_' belong to generated layers`, expected: DNS_LABEL_EXPECTED };
  }
  if (!isDnsLabel(name)) return { problem: `${kind} name ${JSON.stringify(name)} is not valid`, expected: DNS_LABEL_EXPECTED };
  const why = reserved(kind, name);
  if (why !== undefined) return { problem: `${kind} name '${name}' is reserved: ${why}`, expected: `a name other than ${[...RESERVED_NAMES[kind], '_*'].join(', ')}` };
  return undefined;
}

/** What a team (an identity-provider group bound to the tenant role) looks like. */
export const GROUP_EXPECTED = "an identity-provider group, e.g. 'payments-team' or 'acme/payments-team'";

/** Why `team` is not a group name the tenant's RoleBinding can name, or undefined. */
export function groupProblem(team: string): string | undefined {
  if (team === '') return 'is empty';
  if (team.length > 253) return 'is longer than 253 characters';
  if (!/^[A-Za-z0-9]/.test(team)) return 'does not start with a letter or digit';
  const bad = /[^A-Za-z0-9._:@/-]/.exec(team);
  return bad ? `has ${bad[0] === ' ' ? 'a space' : `'${bad[0]}'`}` : undefined;
}
