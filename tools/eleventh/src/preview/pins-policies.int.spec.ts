/**
 * `eleventh preview` on a real repository: which pins a library change would move (and why), and the
 * policies a deploy.ts edit would break (exit 1).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { commitAll } from '../release/release-fixture';
import { createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';
import { preview } from './preview';
import { edit, env, resetRepo } from './preview-fixture';
import { writeFiles } from '../testing/fixture';

let repo: ExampleRepo & { recipeCommit: string };
let root: string;
/** The commit on main that added `money` (imported by payments-api and ledger-worker) and re-rendered. */
let withMoney: string;

const MONEY = 'services/shared/money/src/index.ts';

/** A shared library `@acme/money`, imported by payments-api and ledger-worker only. */
function addMoneyLibrary(): void {
  writeFiles(root, {
    'services/shared/money/project.json': `${JSON.stringify({ name: 'money', root: 'services/shared/money', sourceRoot: 'services/shared/money/src', projectType: 'library' }, null, 2)}\n`,
    [MONEY]: 'export const cents = (amount: number): number => Math.round(amount * 100);\n',
  });
  edit(root, 'tsconfig.base.json', '"@acme/runtime": [', '"@acme/money": ["services/shared/money/src/index.ts"],\n      "@acme/runtime": [');
  for (const svc of ['payments-api', 'ledger-worker']) edit(root, `services/${svc}/src/main.ts`, /^/, "import { cents } from '@acme/money';\nexport const unit = cents(1);\n");
  commitAll(root, 'money: a shared library for payments-api and ledger-worker');
  const res = runEleventh(root, ['recipe']);
  if (res.status !== 0) throw new Error(res.stderr);
  withMoney = commitAll(root, 'eleventh recipe');
}

beforeAll(() => {
  repo = createRecipedRepo('eleventh-preview-pins-');
  root = repo.root;
  addMoneyLibrary();
});
afterAll(() => repo.cleanup());
afterEach(() => resetRepo(root, withMoney));

describe('a library change', () => {
  it("moves the pins of both services that import it to (this change), naming the library file; the others stay", async () => {
    edit(root, MONEY, '* 100', '* 100 + 0');
    const p = await preview({ root });
    for (const name of ['staging', 'ops-staging']) {
      const e = env(p, name);
      expect(e.pins.map((m) => m.service)).toEqual(['ledger-worker', 'payments-api']);
      for (const m of e.pins) {
        expect(m.to).toBe('(this change)');
        expect(m.from).toMatch(/^[0-9a-f]{40}$/);
        expect(m.why).toEqual([{ kind: 'this-change', files: [MONEY], packages: [] }]);
      }
      // The image tag moves with the pin: the manifests of exactly those two services change.
      expect(e.changes.map((u) => u.name)).toEqual(['ledger-worker', 'payments-api']);
      expect(e.changes[1].diff).toContain('+        image: registry.example.com/acme/payments-api:(this change)');
    }
    expect(env(p, 'prod').pins).toEqual([]);
  });

  it('names the commit behind a move already committed on a branch', async () => {
    git(['checkout', '--quiet', '-b', 'feature'], { cwd: root });
    edit(root, MONEY, '* 100', '* 100 + 0');
    const sha = commitAll(root, 'money: round half up');
    const p = await preview({ root });
    expect(p.base.commit).toBe(withMoney);
    expect(p.uncommitted).toEqual([]);
    const moves = env(p, 'staging').pins;
    expect(moves.map((m) => [m.service, m.to])).toEqual([['ledger-worker', sha], ['payments-api', sha]]);
    expect(moves[0].why).toEqual([{ kind: 'commit', sha, subject: 'money: round half up', inputs: ['lib money'] }]);
    const md = runEleventh(root, ['preview']).stdout;
    expect(md).toContain(`| \`payments-api\` | \`${moves[1].from!.slice(0, 12)}\` | \`${sha.slice(0, 12)}\` | \`${sha.slice(0, 12)}\` money: round half up (lib money) |`);
  });
});

describe('a policy failure', () => {
  it('reports every failing finding per environment and exits 1; the promoted environments still preview', () => {
    edit(root, 'services/payments-api/deploy.ts', 'if (pod) pod.terminationGracePeriodSeconds = DRAIN_SECONDS;', "if (pod) (pod.terminationGracePeriodSeconds = DRAIN_SECONDS), (pod.containers[0].image = 'nginx:latest');");
    // A second failing service in the same environments: each one's findings are reported, not the first only.
    edit(root, 'services/ledger-worker/deploy.ts', "type: 'worker',", "type: 'worker',\n  customize: (objects) => { for (const o of objects as any[]) { const c = o.spec?.template?.spec?.containers; if (c) c[0].image = 'busybox'; } return objects; },");
    const res = runEleventh(root, ['preview', '--format', 'json']);
    expect(res.status, res.stderr).toBe(1);
    const p = JSON.parse(res.stdout);
    for (const name of ['staging', 'ops-staging']) {
      expect(env(p, name).policies).toEqual([
        `services/ledger-worker/deploy.ts: ${name}: policy no-mutable-image-tag: container 'ledger-worker' image 'busybox' is mutable (expected ':<40-hex commit>' or '@sha256:<digest>')`,
        `services/payments-api/deploy.ts: ${name}: policy no-mutable-image-tag: container 'payments-api' image 'nginx:latest' is mutable (expected ':<40-hex commit>' or '@sha256:<digest>')`,
      ]);
    }
    expect(env(p, 'prod')).toMatchObject({ policies: [], changes: [] });
    const md = runEleventh(root, ['preview', '--format', 'md']);
    expect(md.status).toBe(1);
    expect(md.stdout).toContain('**Policies would fail.**');
    expect(md.stdout).toContain('| staging | no manifest changes | 0 | ❌ 2 |');
    expect(md.stdout).toContain("- `services/payments-api/deploy.ts: staging: policy no-mutable-image-tag:");
  });
});
