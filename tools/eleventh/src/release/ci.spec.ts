/** This repository's CI definitions parse and run the release workflow's commands. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/fixture';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const load = (rel: string): Json => parse(readFileSync(join(REPO_ROOT, rel), 'utf8'), { strict: true, uniqueKeys: true });
const scripts = (steps: Json[]): string => steps.map((s) => s.run ?? '').join('\n');

describe('GitHub workflows', () => {
  it('main: full history, nx affected test/build, the images, then recipe; render --check and verify; recipe --commit --push on push only', () => {
    const wf = load('.github/workflows/main.yml');
    expect(wf.on.push.branches).toEqual(['main']);
    const steps = wf.jobs.affected.steps;
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    const order = ['npx nx affected -t test build', 'npx nx affected -t image', 'npx eleventh images --push', 'npx nx affected -t recipe', 'npx eleventh render --check', 'npx eleventh verify'].map((cmd) => steps.findIndex((s: Json) => s.run === cmd));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const pushes = steps.filter((s: Json) => String(s.run ?? '').includes('recipe --') && String(s.run).includes('--commit --push'));
    expect(pushes).toHaveLength(2);
    for (const push of pushes) expect(push.if).toMatch(/^github\.event_name == 'push' && /);
    expect(wf.permissions.contents).toBe('write');
  });

  it('promote: preprod-v* → preprod, prod-v* → prod behind the protected prod environment', () => {
    const wf = load('.github/workflows/promote.yml');
    expect(wf.on.push.tags).toEqual(['preprod-v*', 'prod-v*']);
    expect(wf.jobs.preprod.if).toBe("startsWith(github.ref_name, 'preprod-v')");
    expect(scripts(wf.jobs.preprod.steps)).toContain('npx eleventh promote --to preprod --tag "${{ github.ref_name }}" --commit --push origin');
    expect(wf.jobs.prod.environment).toEqual({ name: 'prod' });
    expect(scripts(wf.jobs.prod.steps)).toContain('npx eleventh promote --to prod --tag "${{ github.ref_name }}" --commit --push origin');
    for (const job of [wf.jobs.preprod, wf.jobs.prod]) expect(job.steps[0].with['fetch-depth']).toBe(0);
  });
});

describe('GitHub workflows: the toolkit is tested on pull requests and on main', () => {
  const wf = load('.github/workflows/main.yml');
  const TOOLKIT = ['tools/eleventh', 'platform', 'generators'];

  it('runs on every pull request and on pushes to main', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.on.push.branches).toEqual(['main']);
  });

  it('toolkit: typecheck and unit specs of the three packages through their Nx targets, and the dependency rules', () => {
    const run = scripts(wf.jobs.toolkit.steps);
    const names = TOOLKIT.map((dir) => JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8')).nx);
    expect(run).toContain(`npx nx run-many -t typecheck test -p ${names.map((nx) => nx.name).join(' ')}`);
    for (const nx of names) {
      expect(Object.keys(nx.targets).sort(), nx.name).toEqual(['test', 'typecheck']);
      expect(nx.targets.test.command, nx.name).toMatch(/^vitest run --project unit /);
      expect(nx.targets.typecheck.command, nx.name).toMatch(/^tsc --noEmit -p \S+\/tsconfig\.json$/);
      for (const target of ['test', 'typecheck']) expect(nx.targets[target].cache, `${nx.name}:${target}`).toBe(true);
    }
    expect(run).toContain('npm run lint:deps');
  });

  it('integration: npm run test:int in Debian with every package .ci/run installs, kubectl checked by its sha256', () => {
    const job = wf.jobs.integration;
    expect(job.container.image).toMatch(/^node:20-bookworm/);
    expect(job.container.options).toContain('--privileged'); // buildah/podman make mount namespaces
    const run = scripts(job.steps);
    const ciRun = readFileSync(join(REPO_ROOT, '.ci', 'run'), 'utf8');
    const packages = [...ciRun.matchAll(/missing="\$missing ([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(packages).toEqual(expect.arrayContaining(['openssh-client', 'gnupg', 'golang-go']));
    const installed = /apt-get install(\\\n|[^\n])*/.exec(run)![0].replace(/\\\n/g, ' ').split(/\s+/);
    for (const pkg of [...packages, 'chromium', 'git', 'maven']) expect(installed, pkg).toContain(pkg);
    expect(run).toContain('sha256sum -c');
    // the checkout needs git first, or it downloads a tarball without history
    const checkout = job.steps.findIndex((s: Json) => String(s.uses ?? '').startsWith('actions/checkout'));
    expect(checkout).toBeGreaterThan(job.steps.findIndex((s: Json) => String(s.run ?? '').includes('apt-get install')));
    expect(job.steps[checkout].with['fetch-depth']).toBe(0);
    expect(run).toContain('npm run test:int');
  });

  it('npm test runs every spec (what .ci/run runs); test:fast the unit project, test:int the integration project', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.test).toBe('vitest run');
    expect(pkg.scripts['test:fast']).toBe('vitest run --project unit');
    expect(pkg.scripts['test:int']).toBe('vitest run --project integration');
    expect(readFileSync(join(REPO_ROOT, '.ci', 'run'), 'utf8')).toMatch(/\nnpm test\n/);
    const config = readFileSync(join(REPO_ROOT, 'vitest.config.mts'), 'utf8');
    for (const name of ['unit', 'integration']) expect(config).toContain(`name: '${name}'`);
  });

  it('affected: after the toolkit job, render --check and verify on every run; recipes committed and the report kept on main only', () => {
    const job = wf.jobs.affected;
    expect(job.needs).toBe('toolkit');
    for (const cmd of ['npx eleventh render --check', 'npx eleventh verify']) expect(job.steps.find((s: Json) => s.run === cmd).if, cmd).toBeUndefined();
    for (const step of job.steps.filter((s: Json) => /recipe (--require-images )?--commit|eleventh report/.test(String(s.run ?? '')) || s.uses === 'actions/upload-artifact@v4')) {
      expect(step.if).toMatch(/^github\.event_name == 'push'/);
    }
  });
});

describe('GitLab CI', () => {
  it('has the same three paths, prod in a protected environment', () => {
    const ci = load('.gitlab-ci.yml');
    expect(ci.variables.GIT_DEPTH).toBe('0');
    expect(ci.affected.script.join('\n')).toContain('npx nx affected -t test build --base=');
    expect(ci.affected.script.join('\n')).toContain('npx eleventh render --check');
    expect(ci.recipe.script.join('\n')).toContain('npx eleventh recipe --commit --push origin');
    expect(ci['promote-preprod'].rules[0].if).toBe('$CI_COMMIT_TAG =~ /^preprod-v/');
    expect(ci['promote-prod'].environment.name).toBe('prod');
    expect(ci['promote-prod'].script.join('\n')).toContain('npx eleventh promote --to prod --tag "$CI_COMMIT_TAG" --commit --push origin');
  });

  it('tests the toolkit like the GitHub workflow: its Nx targets and lint:deps, and test:int in Debian with the same packages', () => {
    const ci = load('.gitlab-ci.yml');
    const github = load('.github/workflows/main.yml');
    expect(ci.toolkit.script).toEqual(github.jobs.toolkit.steps.filter((s: Json) => s.run && s.name).map((s: Json) => s.run));
    expect(ci.integration.image).toBe(github.jobs.integration.container.image);
    const apt = (lines: string): string[] => /apt-get install(\\\n|[^\n])*/.exec(lines)![0].replace(/\\\n/g, ' ').split(/\s+/).sort();
    expect(apt(ci.integration.before_script.join('\n'))).toEqual(apt(scripts(github.jobs.integration.steps)));
    expect(ci.integration.script).toEqual(['npm run test:int']);
    for (const job of [ci.toolkit, ci.integration]) expect(job.rules).toEqual(ci.affected.rules);
  });
});

describe("images in this repository's CI: built before the recipe, pushed from main only", () => {
  const wf = load('.github/workflows/main.yml');
  const ci = load('.gitlab-ci.yml');
  const steps: Json[] = wf.jobs.affected.steps;
  const step = (run: string | RegExp): Json => steps.find((s) => (typeof run === 'string' ? s.run === run : run.test(String(s.run ?? ''))));
  const index = (s: Json): number => steps.indexOf(s);
  const PUSHING = "github.event_name == 'push' && vars.ELEVENTH_PUSH_IMAGES == 'true'";
  const rootRegistryHost = String(load('environments/staging/environment.yaml').registry).split('/')[0];

  it('GitHub affected: Debian 12 as root, privileged, buildah installed from Debian before the first image step', () => {
    expect(wf.jobs.affected.container).toEqual({ image: 'node:20-bookworm', options: '--privileged' });
    const toolchains = step(/command -v buildah >\/dev\/null \|\| pkgs="buildah"/);
    expect(toolchains.run).toContain('apt-get install -y -qq --no-install-recommends $pkgs');
    expect(index(toolchains)).toBeLessThan(index(step('npx nx affected -t image')));
  });

  it('pull requests (and main without a registry) build the images of what changed and push nothing', () => {
    const build = step('npx nx affected -t image');
    expect(build.if).toBe("github.event_name == 'pull_request' || vars.ELEVENTH_PUSH_IMAGES != 'true'");
    const plain = step(/npx eleventh recipe --commit --push origin/);
    expect(plain.if).toBe("github.event_name == 'push' && vars.ELEVENTH_PUSH_IMAGES != 'true'");
    for (const s of steps.filter((x) => /--push\b|--require-images|verify --images|buildah login/.test(String(x.run ?? '')) && x !== plain)) {
      expect(s.if, s.name ?? s.run).toBe(PUSHING);
    }
  });

  it('main with a registry: log in, push every missing image, then the recipe records the digests (refusing a missing one), then verify --images', () => {
    const chain = [step(/buildah login/), step('npx eleventh images --push'), step(/npx eleventh recipe --require-images --commit --push origin/), step('npx eleventh verify --images')];
    for (const s of chain) expect(s?.if).toBe(PUSHING);
    expect(chain.map(index)).toEqual([...chain.map(index)].sort((a, b) => a - b));
    expect(index(chain[1])).toBeLessThan(index(step('npx nx affected -t recipe')));
  });

  it("logs in to the host of the environments' registry with the secrets REGISTRY_USERNAME/REGISTRY_PASSWORD, given to the login step alone", () => {
    expect(wf.jobs.affected.env.REGISTRY_HOST).toBe(rootRegistryHost);
    const withSecrets = steps.filter((s) => JSON.stringify(s).includes('secrets.'));
    expect(withSecrets.map((s) => s.env)).toEqual([{ REGISTRY_USERNAME: '${{ secrets.REGISTRY_USERNAME }}', REGISTRY_PASSWORD: '${{ secrets.REGISTRY_PASSWORD }}' }]);
    expect(withSecrets[0].run).toContain('buildah login --authfile "$authfile" --username "$REGISTRY_USERNAME" --password-stdin "$REGISTRY_HOST"');
    expect(withSecrets[0].run).toContain('authfile="${DOCKER_CONFIG:-$HOME/.docker}/config.json"');
  });

  it('GitLab affected: test and build, the images (not pushed), then the recipe, in Debian 12 with buildah', () => {
    const script: string[] = ci.affected.script;
    const at = ['npx nx affected -t test build', 'npx nx affected -t image', 'npx nx affected -t recipe', 'npx eleventh render --check'].map((c) => script.findIndex((l) => l.startsWith(c)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(script.join('\n')).not.toMatch(/--push|--require-images/);
    for (const job of ['affected', 'recipe']) {
      expect(ci[job].image, job).toBe('node:20-bookworm');
      expect(ci[job].before_script.join('\n'), job).toContain('command -v buildah >/dev/null || pkgs="buildah"');
    }
  });

  it("GitLab recipe: with ELEVENTH_PUSH_IMAGES, log in (GitLab's registry credentials by default), push, record digests, verify; else the plain recipe", () => {
    expect(ci.recipe.variables).toEqual({ REGISTRY_HOST: rootRegistryHost, REGISTRY_USERNAME: '$CI_REGISTRY_USER', REGISTRY_PASSWORD: '$CI_REGISTRY_PASSWORD' });
    const block: string = ci.recipe.script.find((l: string) => l.includes('ELEVENTH_PUSH_IMAGES'));
    const [pushing, plain] = block.split(/\n\s*else\n/);
    const at = ['buildah login', 'npx eleventh images --push', 'npx eleventh recipe --require-images --commit --push origin', 'npx eleventh verify --images'].map((c) => pushing!.indexOf(c));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(pushing).toMatch(/^if \[ "\$ELEVENTH_PUSH_IMAGES" = "true" \]; then\n/);
    expect(plain!.trim()).toBe('npx eleventh recipe --commit --push origin\nfi');
  });
});
