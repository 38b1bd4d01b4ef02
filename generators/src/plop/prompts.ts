/**
 * The prompts of each generator plop offers. Each answer is a generator option under the same name, so
 * `npx plop service foo risk java` (positional) and `npx plop service -- --name foo --namespace risk
 * --template java` (named) bypass the prompts they give and `nx g` takes the same values. Prompts that
 * only apply after some answers are `askIf` prompts (conditional.ts), which plop can bypass too.
 */
import { nameProblem, type NameKind } from '../utils';
import { environmentNames, namespaceNames, releaseModeOf } from '../utils/run-on-disk';
import { askIf } from './conditional';
import type { Answers, Question } from './types';

const nameQuestion = (kind: NameKind, example: string): Question => ({
  type: 'input',
  name: 'name',
  message: `${kind} name (DNS-1123, e.g. ${example})`,
  validate: (value) => nameProblem(kind, value) ?? true,
});

/**
 * A list of what is on disk. Bypassed, the value is kept as typed (not matched against the list), so a
 * namespace or environment that does not exist is refused by the generator with its own message.
 */
const diskList = (name: string, message: string, names: () => readonly string[], extra: Partial<Question> = {}): Question => ({
  type: 'list',
  name,
  message,
  choices: () => names(),
  bypass: (value) => value,
  ...extra,
});

/** The service template classes (generators/src/generators/service/lib/classes.ts checks the answer). */
const TEMPLATE_CHOICES = [
  { value: 'node', name: 'node: TypeScript on Node (http, worker or cron)' },
  { value: 'java', name: 'java: Maven, the JDK HTTP server' },
  { value: 'python', name: 'python: the standard library, requirements.lock' },
  { value: 'go', name: 'go: net/http' },
  { value: 'web', name: 'web: static files on unprivileged nginx' },
];
const isNode = (a: Answers): boolean => (a.template ?? 'node') === 'node';

const MODES = [
  { value: 'follows-main', name: 'follows main: `eleventh recipe` updates it on every commit to main' },
  { value: 'promoted', name: 'promoted: only by `eleventh promote` of a tag' },
  { value: 'mirror', name: 'mirror: every promotion and rollback of the promoted environment it extends (DR)' },
];

/** Bypassed list values are kept as typed, so the generator (like `nx g`'s schema) decides. */
const asTyped = { bypass: (value: string) => value };

export interface PlopGenerator {
  readonly description: string;
  readonly prompts: readonly Question[];
}

/** Every generator plop offers; `workspace` is not one (it makes a new repository: `eleventh new DIR`). */
export function plopGenerators(dest: string): Record<string, PlopGenerator> {
  return {
    service: {
      description: 'A service under services/<name>/ (nx g @eleventh/nx:service)',
      prompts: [
        nameQuestion('service', 'payments-api'),
        diskList('namespace', 'Namespace', () => namespaceNames(dest)),
        { type: 'list', name: 'template', message: 'Template class', choices: TEMPLATE_CHOICES, default: 'node', ...asTyped },
        // only node has workers and cron jobs; every other class is an http service
        askIf({ type: 'list', name: 'type', message: 'Type', choices: ['http', 'worker', 'cron'], default: 'http' }, isNode),
        askIf({ type: 'input', name: 'port', message: 'Port', default: '8080' }, (a) => !isNode(a) || (a.type ?? 'http') === 'http'),
        askIf({ type: 'input', name: 'schedule', message: 'Cron schedule', default: '0 * * * *' }, (a) => a.type === 'cron'),
      ],
    },
    namespace: {
      description: 'A namespace (tenant) in every environment (nx g @eleventh/nx:namespace)',
      prompts: [
        nameQuestion('namespace', 'payments'),
        { type: 'input', name: 'team', message: 'Owning team (e.g. acme/payments-team)' },
        { type: 'input', name: 'quota', message: 'Quota, e.g. cpu=8,memory=16Gi,pods=50 (empty: platform defaults)' },
      ],
    },
    environment: {
      description: 'An environment extending another: follows main, promoted, or a mirror (nx g @eleventh/nx:environment)',
      prompts: [
        nameQuestion('environment', 'qa'),
        diskList('extends', 'Extends', () => environmentNames(dest)),
        // extending a promoted environment defaults to mirroring it, as `nx g` does without --mode
        {
          type: 'list',
          name: 'mode',
          message: 'How does it get its releases?',
          choices: MODES,
          default: (a: Answers) => (releaseModeOf(dest, String(a.extends)) === 'follows-main' ? 'follows-main' : 'mirror'),
          ...asTyped,
        },
        askIf(diskList('promoteFrom', 'Promoted from', () => environmentNames(dest), { default: (a: Answers) => a.extends }), (a) => a.mode === 'promoted'),
        askIf({ type: 'input', name: 'tagPattern', message: 'Tags that promote it', default: (a: Answers) => `${a.name}-v*` }, (a) => a.mode === 'promoted'),
        { type: 'input', name: 'clusterName', message: 'Cluster name', default: (a: Answers) => a.name },
      ],
    },
    profile: {
      description: "A platform profile: a business unit's add-ons (nx g @eleventh/nx:profile)",
      prompts: [nameQuestion('profile', 'trading-risk'), { type: 'input', name: 'description', message: 'One-line description (empty: "Add-ons of the <name> business unit")' }],
    },
    'migrate-bootstrap': {
      description: 'Remove the clusters/<env>/flux-system/ bootstrap older versions wrote (nx g @eleventh/nx:migrate-bootstrap)',
      prompts: [],
    },
    infra: {
      description: 'The separate infrastructure repository: ops/apps clusters and their pipeline (nx g @eleventh/nx:infra)',
      prompts: [
        { type: 'input', name: 'directory', message: 'Where it goes, relative to this repository (e.g. ../acme-infra)' },
        { type: 'input', name: 'name', message: "Name prefix of the clusters and the state bucket (empty: the directory's name)" },
        { type: 'input', name: 'region', message: 'Cloud region of the apps clusters', default: 'europe-west1' },
      ],
    },
  };
}
