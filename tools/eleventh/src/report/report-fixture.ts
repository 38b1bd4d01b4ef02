/**
 * A real release history with fixed committer times, for the report specs. On the example organisation:
 *   01-01 00:00  initial commit (every pin)           01-02 00:00  eleventh recipe (seeds preprod, prod)
 *   01-03 00:00  payments-api change c1, 06:00 c2      01-03 12:00  recipe: staging payments-api → c2
 *   01-04 00:00  preprod-v2 (Alice), promote preprod   01-05 00:00  prod-v1 (Bob), promote prod
 *   01-06 00:00  fraud-scorer change c3, 01:00 recipe  01-06 02:00  preprod-v3 (Alice), promote preprod
 *   01-07 00:00  prod-v2 (Bob), promote prod           01-07 06:00  rollback prod --to prod-v1
 *   01-08 06:00  prod-v3 (Bob), promote prod           01-08 12:00  payments-api c4 + new service risk-digest
 *   01-08 13:00  recipe: staging payments-api → c4, risk-digest added (preprod and prod lack it)
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, gitText } from '../git/run';
import { createExampleRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';

const at = (when: string, who = 'Example <example@example.com>'): Record<string, string> => {
  const [, name, email] = /^(.*) <(.*)>$/.exec(who)!;
  const date = `2026-${when}:00Z`;
  return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email };
};

export interface ReportRepo extends ExampleRepo {
  readonly c1: string;
  readonly c2: string;
  readonly c3: string;
  readonly c4: string;
}

export function createReportRepo(): ReportRepo {
  const repo = createExampleRepo('eleventh-report-');
  const root = repo.root;
  const run = (when: string, args: string[]): void => {
    const res = runEleventh(root, args, at(when));
    if (res.status !== 0) throw new Error(`eleventh ${args.join(' ')} exited ${res.status}\n${res.stderr}`);
  };
  const commit = (when: string, message: string): string => {
    git(['add', '--all', '--', '.'], { cwd: root });
    git(['commit', '--quiet', '-m', message], { cwd: root, env: at(when) });
    return gitText(['rev-parse', 'HEAD'], { cwd: root });
  };
  const touch = (when: string, service: string, message: string): string => {
    const file = join(root, 'services', service, 'src', 'main.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}// ${message}\n`);
    return commit(when, message);
  };
  const tag = (when: string, name: string, who: string): void => {
    git(['tag', '-a', name, '-m', name], { cwd: root, env: at(when, who) });
  };
  const alice = 'Alice <alice@example.com>';
  const bob = 'Bob <bob@example.com>';
  run('01-02T00:00', ['recipe']);
  commit('01-02T00:00', 'eleventh recipe');
  const c1 = touch('01-03T00:00', 'payments-api', 'payments-api: c1');
  const c2 = touch('01-03T06:00', 'payments-api', 'payments-api: c2');
  run('01-03T12:00', ['recipe', '--commit']);
  tag('01-04T00:00', 'preprod-v2', alice);
  run('01-04T00:00', ['promote', '--to', 'preprod', '--tag', 'preprod-v2', '--commit']);
  tag('01-05T00:00', 'prod-v1', bob);
  run('01-05T00:00', ['promote', '--to', 'prod', '--tag', 'prod-v1', '--commit']);
  const c3 = touch('01-06T00:00', 'fraud-scorer', 'fraud-scorer: c3');
  run('01-06T01:00', ['recipe', '--commit']);
  tag('01-06T02:00', 'preprod-v3', alice);
  run('01-06T02:00', ['promote', '--to', 'preprod', '--tag', 'preprod-v3', '--commit']);
  tag('01-07T00:00', 'prod-v2', bob);
  run('01-07T00:00', ['promote', '--to', 'prod', '--tag', 'prod-v2', '--commit']);
  run('01-07T06:00', ['rollback', 'prod', '--to', 'prod-v1', '--commit']);
  tag('01-08T06:00', 'prod-v3', bob);
  run('01-08T06:00', ['promote', '--to', 'prod', '--tag', 'prod-v3', '--commit']);
  cpSync(join(root, 'services/risk-report'), join(root, 'services/risk-digest'), { recursive: true });
  const deploy = join(root, 'services/risk-digest/deploy.ts');
  writeFileSync(deploy, readFileSync(deploy, 'utf8').replace(/risk-report/g, 'risk-digest'));
  const c4 = touch('01-08T12:00', 'payments-api', 'payments-api: c4, and risk-digest');
  run('01-08T13:00', ['recipe', '--commit']);
  return { ...repo, c1, c2, c3, c4 };
}
