/**
 * `npx plop <service|namespace|environment|profile|migrate-bootstrap>`: the Nx generators of @eleventh/nx behind plop's
 * prompts. The answers go to the same generator code, which renders the same Handlebars templates
 * (generators/src/generators/<name>/files/*.hbs), so `npx plop service` and `nx g @eleventh/nx:service`
 * write byte-identical files and refuse the same things. plop 4 is ESM-only; the generators are
 * TypeScript (CommonJS), loaded through @swc-node/register as Nx loads them.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

function loadGenerators() {
  process.env.SWC_NODE_PROJECT ??= join(here, 'tsconfig.base.json');
  require('@swc-node/register');
  const src = join(here, 'generators', 'src');
  return {
    utils: require(join(src, 'utils')),
    disk: require(join(src, 'utils', 'run-on-disk')),
    service: require(join(src, 'generators', 'service', 'generator')).serviceGenerator,
    namespace: require(join(src, 'generators', 'namespace', 'generator')).namespaceGenerator,
    environment: require(join(src, 'generators', 'environment', 'generator')).environmentGenerator,
    'migrate-bootstrap': require(join(src, 'generators', 'migrate-bootstrap', 'generator')).migrateBootstrapGenerator,
    profile: require(join(src, 'generators', 'profile', 'generator')).profileGenerator,
  };
}

/** Answers as generator options: empty answers are left out, numbers become numbers. */
export function toOptions(answers) {
  const options = {};
  for (const [key, value] of Object.entries(answers)) {
    if (value === '' || value === undefined || value === null) continue;
    options[key] = key === 'port' || key === 'quotaPods' ? Number(value) : value;
  }
  return options;
}

const nameQuestion = (g, kind, example) => ({
  type: 'input',
  name: 'name',
  message: `${kind} name (DNS-1123, e.g. ${example})`,
  validate: (value) => g.utils.nameProblem(kind, value) ?? true,
});

/** The service template classes (generators/src/generators/service/lib/classes.ts checks the answer). */
const TEMPLATE_CHOICES = [
  { value: 'node', name: 'node: TypeScript on Node (http, worker or cron)' },
  { value: 'java', name: 'java: Maven, the JDK HTTP server' },
  { value: 'python', name: 'python: the standard library, requirements.lock' },
  { value: 'go', name: 'go: net/http' },
  { value: 'web', name: 'web: static files on unprivileged nginx' },
];
const isNode = (answers) => (answers.template ?? 'node') === 'node';

function serviceGenerator(g, dest) {
  return {
    description: 'A service under services/<name>/ (nx g @eleventh/nx:service)',
    prompts: [
      nameQuestion(g, 'service', 'payments-api'),
      { type: 'list', name: 'namespace', message: 'Namespace', choices: () => g.disk.namespaceNames(dest) },
      { type: 'list', name: 'template', message: 'Template class', choices: TEMPLATE_CHOICES, default: 'node' },
      // only node has workers and cron jobs; every other class is an http service
      { type: 'list', name: 'type', message: 'Type', choices: ['http', 'worker', 'cron'], default: 'http', when: (a) => isNode(a) },
      { type: 'input', name: 'port', message: 'Port', default: '8080', when: (a) => !isNode(a) || a.type === 'http' },
      { type: 'input', name: 'schedule', message: 'Cron schedule', default: '0 * * * *', when: (a) => a.type === 'cron' },
    ],
    actions: [{ type: 'eleventh', generator: 'service' }],
  };
}

function namespaceGenerator(g) {
  return {
    description: 'A namespace (tenant) in every environment (nx g @eleventh/nx:namespace)',
    prompts: [
      nameQuestion(g, 'namespace', 'payments'),
      { type: 'input', name: 'team', message: 'Owning team (e.g. acme/payments-team)' },
      { type: 'input', name: 'quota', message: 'Quota, e.g. cpu=8,memory=16Gi,pods=50 (empty: platform defaults)' },
    ],
    actions: [{ type: 'eleventh', generator: 'namespace' }],
  };
}

const MODES = [
  { value: 'follows-main', name: 'follows main: `eleventh recipe` updates it on every commit to main' },
  { value: 'promoted', name: 'promoted: only by `eleventh promote` of a tag' },
  { value: 'mirror', name: 'mirror: every promotion and rollback of the promoted environment it extends (DR)' },
];

function environmentGenerator(g, dest) {
  return {
    description: 'An environment extending another: follows main, promoted, or a mirror (nx g @eleventh/nx:environment)',
    prompts: [
      nameQuestion(g, 'environment', 'qa'),
      { type: 'list', name: 'extends', message: 'Extends', choices: () => g.disk.environmentNames(dest) },
      // extending a promoted environment defaults to mirroring it, as `nx g` does without --mode
      { type: 'list', name: 'mode', message: 'How does it get its releases?', choices: MODES, default: (a) => (g.disk.releaseModeOf(dest, a.extends) === 'follows-main' ? 'follows-main' : 'mirror') },
      { type: 'list', name: 'promoteFrom', message: 'Promoted from', when: (a) => a.mode === 'promoted', choices: () => g.disk.environmentNames(dest), default: (a) => a.extends },
      { type: 'input', name: 'tagPattern', message: 'Tags that promote it', when: (a) => a.mode === 'promoted', default: (a) => `${a.name}-v*` },
      { type: 'input', name: 'clusterName', message: 'Cluster name', default: (a) => a.name },
    ],
    actions: [{ type: 'eleventh', generator: 'environment' }],
  };
}

function migrateBootstrapGenerator() {
  return {
    description: 'Remove the clusters/<env>/flux-system/ bootstrap older versions wrote (nx g @eleventh/nx:migrate-bootstrap)',
    prompts: [],
    actions: [{ type: 'eleventh', generator: 'migrate-bootstrap' }],
  };
}

function profileGenerator(g) {
  return {
    description: "A platform profile: a business unit's add-ons (nx g @eleventh/nx:profile)",
    prompts: [nameQuestion(g, 'profile', 'trading-risk'), { type: 'input', name: 'description', message: 'One-line description' }],
    actions: [{ type: 'eleventh', generator: 'profile' }],
  };
}

export default function (plop) {
  const g = loadGenerators();
  const dest = plop.getDestBasePath();
  plop.setActionType('eleventh', async (answers, config) => {
    const changes = await g.disk.runOnDisk(g[config.generator], dest, toOptions(answers));
    return changes.map((c) => `${c.type.toLowerCase()} ${c.path}`).join(', ');
  });
  plop.setGenerator('service', serviceGenerator(g, dest));
  plop.setGenerator('namespace', namespaceGenerator(g));
  plop.setGenerator('environment', environmentGenerator(g, dest));
  plop.setGenerator('profile', profileGenerator(g));
  plop.setGenerator('migrate-bootstrap', migrateBootstrapGenerator());
}
