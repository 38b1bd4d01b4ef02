/**
 * The image flow of the generated pipelines (GitHub and GitLab), read back from the YAML they are written as:
 * pull requests build what changed and push nothing; main logs in, pushes every missing image, then the recipe
 * records the digests and refuses a missing image, then verify checks them; the secret names; Debian's
 * buildah. The shell scripts run for real in `sh`, with stand-ins for apt-get and buildah.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FsTree } from 'nx/src/generators/tree';
import { parse } from 'yaml';
import { workspaceGenerator } from '../generator';
import { githubWorkflow as infraGithub } from '../../infra/lib/github-workflow';
import { gitlabPipeline as infraGitlab } from '../../infra/lib/gitlab-pipeline';
import { CI_FILES, toYaml } from './add-ci';
import { CI_IMAGE, IMAGE_COMMANDS, loginScript, registryHost, toolchainsScript } from './ci-images';
import { githubWorkflow } from './github-workflow';
import { gitlabPipeline } from './gitlab-pipeline';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const REPO_ROOT = join(__dirname, '..', '..', '..', '..', '..');
const REGISTRY = 'registry.acme.io/platform';
const github = (registry = REGISTRY): Json => parse(toYaml(githubWorkflow({ registry })), { strict: true });
const gitlab = (registry = REGISTRY): Json => parse(toYaml(gitlabPipeline({ registry })), { strict: true });
const runs = (steps: Json[]): string[] => steps.map((s) => s.run).filter(Boolean);

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-ci-'));
  dirs.push(dir);
  return dir;
}

/** Indexes of `commands` in `lines` (each must be there once), which must be increasing. */
function expectInOrder(lines: readonly string[], commands: readonly string[]): void {
  const at = commands.map((c) => lines.indexOf(c));
  for (const [i, c] of commands.entries()) expect(at[i], c).toBeGreaterThanOrEqual(0);
  expect(at).toEqual([...at].sort((a, b) => a - b));
}

const MAIN_ORDER = ['npx nx affected -t test build', loginScript(true), IMAGE_COMMANDS.push, IMAGE_COMMANDS.recipe, IMAGE_COMMANDS.verify, 'npx eleventh report && npx eleventh report --format md'];

describe('GitHub: images in the generated workflow', () => {
  it('main: test and build, log in, push the missing images, then the recipe records their digests, then verify --images', () => {
    const job = github().jobs.recipe;
    expect(job.if).toBe("github.ref == 'refs/heads/main'");
    expectInOrder(runs(job.steps), MAIN_ORDER);
    expect(IMAGE_COMMANDS).toEqual({
      build: 'npx nx affected -t image',
      push: 'npx eleventh images --push',
      recipe: 'npx eleventh recipe --require-images --commit --push',
      verify: 'npx eleventh verify --images',
    });
    expect(runs(job.steps).some((r) => /nx affected -t [^\n]*\brecipe\b/.test(r))).toBe(false); // the one recipe is the committed one
  });

  it('logs in with the secrets REGISTRY_USERNAME and REGISTRY_PASSWORD, given to the login step alone', () => {
    const job = github().jobs.recipe;
    expect(job.env.REGISTRY_HOST).toBe('registry.acme.io');
    const withSecrets = job.steps.filter((s: Json) => JSON.stringify(s).includes('secrets.'));
    expect(withSecrets).toEqual([{ name: 'log in to registry.acme.io', env: { REGISTRY_USERNAME: '${{ secrets.REGISTRY_USERNAME }}', REGISTRY_PASSWORD: '${{ secrets.REGISTRY_PASSWORD }}' }, run: loginScript(true) }]);
    expect(job.permissions).toBeUndefined(); // the workflow's contents: write
  });

  it('ghcr.io: logs in with the workflow token as github.actor, with permission packages (write on main, read on pull requests)', () => {
    const wf = github('ghcr.io/acme/platform');
    const login = wf.jobs.recipe.steps.find((s: Json) => s.run === loginScript(true));
    expect(login.env).toEqual({ REGISTRY_USERNAME: '${{ github.actor }}', REGISTRY_PASSWORD: '${{ secrets.GITHUB_TOKEN }}' });
    expect(wf.jobs.recipe.permissions).toEqual({ contents: 'write', packages: 'write' });
    expect(wf.jobs.images.permissions).toEqual({ contents: 'read', packages: 'read' });
  });

  it('pull request: the images of what changed, from the branch head, built and never pushed; nothing is committed', () => {
    const wf = github();
    const job = wf.jobs.images;
    expect(job.if).toBe("github.event_name == 'pull_request'");
    expect(job.steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0, ref: '${{ github.event.pull_request.head.sha }}' } });
    expect(runs(job.steps).at(-1)).toBe(IMAGE_COMMANDS.build);
    expect(runs(job.steps)).toContain(loginScript(false)); // a fork's pull request has no secrets: built without the registry
    for (const [name, j] of Object.entries<Json>(wf.jobs)) {
      if (String(j.if).includes('pull_request')) expect(JSON.stringify(j), name).not.toMatch(/--push|--commit|recipe/);
    }
  });

  it('the image jobs run in Debian 12 as root, privileged, and install buildah from Debian before building', () => {
    const wf = github();
    for (const name of ['images', 'recipe']) {
      const job = wf.jobs[name];
      expect(job.container, name).toEqual({ image: CI_IMAGE, options: '--privileged' });
      const steps = runs(job.steps);
      expect(steps.indexOf(toolchainsScript()), name).toBeGreaterThan(-1);
      expect(steps.indexOf(toolchainsScript()), name).toBeLessThan(steps.findIndex((r) => r.includes(' image')));
    }
    expect(CI_IMAGE).toBe('node:20-bookworm');
  });
});

describe('GitLab: images in the generated pipeline', () => {
  it('main: the same commands as GitHub in the same order, in one serialized job', () => {
    const job = gitlab().recipe;
    expect(job.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == "main" && $CI_PIPELINE_SOURCE == "push"' }]);
    expect(job.resource_group).toBe('eleventh-main');
    expectInOrder(job.script, MAIN_ORDER);
    const fromLogin = (lines: string[]) => lines.slice(lines.indexOf(loginScript(true)));
    expect(fromLogin(job.script)).toEqual(fromLogin(runs(github().jobs.recipe.steps)));
  });

  it("logs in with GitLab's own registry credentials unless CI/CD variables REGISTRY_USERNAME/REGISTRY_PASSWORD say otherwise", () => {
    const ci = gitlab();
    for (const name of ['images', 'recipe']) {
      expect(ci[name].variables, name).toEqual({ REGISTRY_HOST: 'registry.acme.io', REGISTRY_USERNAME: '$CI_REGISTRY_USER', REGISTRY_PASSWORD: '$CI_REGISTRY_PASSWORD' });
      expect(ci[name].image, name).toBe(CI_IMAGE);
      expect(ci[name].before_script.at(-1), name).toBe(toolchainsScript());
    }
  });

  it('merge request: the images of what changed against its diff base, built and never pushed', () => {
    const ci = gitlab();
    expect(ci.images.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(ci.images.script).toEqual([loginScript(false), 'npx nx affected -t image --base="$CI_MERGE_REQUEST_DIFF_BASE_SHA" --head=HEAD']);
    expect(ci.images.before_script).not.toContain(ci.default.before_script.find((l: string) => l.includes('ELEVENTH_PUSH_TOKEN')));
    for (const [name, job] of Object.entries<Json>(ci)) {
      if (JSON.stringify(job.rules ?? []).includes('merge_request_event')) expect(JSON.stringify(job), name).not.toMatch(/--push|--commit/);
    }
  });
});

describe('a repository made by eleventh new', () => {
  it('logs in to the host of the registry its environments name', async () => {
    const dir = scratch();
    const tree = new FsTree(dir, false);
    await workspaceGenerator(tree, { name: 'acme', registry: 'ghcr.io/acme/platform' });
    const read = (path: string): Json => parse(tree.read(path, 'utf8') ?? '');
    const host = registryHost(read('environments/staging/environment.yaml').registry);
    expect(host).toBe('ghcr.io');
    expect(read(CI_FILES.github).jobs.recipe.env.REGISTRY_HOST).toBe(host);
    expect(read(CI_FILES.gitlab).recipe.variables.REGISTRY_HOST).toBe(host);
  });

  it("this repository's own pipelines run the same toolchain and login scripts", () => {
    const own = parse(readFileSync(join(REPO_ROOT, '.github/workflows/main.yml'), 'utf8'));
    const steps = runs(own.jobs.affected.steps);
    expect(steps).toContain(toolchainsScript());
    expect(steps).toContain(loginScript(true));
    const ownGitlab = parse(readFileSync(join(REPO_ROOT, '.gitlab-ci.yml'), 'utf8'));
    for (const job of ['affected', 'recipe']) expect(ownGitlab[job].before_script, job).toContain(toolchainsScript());
    const block = ownGitlab.recipe.script.join('\n');
    for (const line of loginScript(true).split('\n').filter(Boolean)) expect(block).toContain(line);
  });

  it('the infrastructure repository builds no images and logs in to no registry', () => {
    const text = toYaml(infraGithub()) + toYaml(infraGitlab());
    expect(text).not.toMatch(/eleventh images|nx affected|buildah|REGISTRY_/);
  });
});

/** A folder of stand-in commands: each records its arguments (and stdin) and exits with `status`. */
function fakeBin(tools: Record<string, number>): { bin: string; calls: (tool: string) => string } {
  const dir = scratch();
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const [tool, status] of Object.entries(tools)) {
    writeFileSync(join(bin, tool), `#!/bin/sh\necho "$*" >> "${dir}/${tool}.calls"\n[ -t 0 ] || cat >> "${dir}/${tool}.stdin"\nexit ${status}\n`);
    chmodSync(join(bin, tool), 0o755);
  }
  const calls = (tool: string): string => {
    try {
      return readFileSync(join(dir, `${tool}.calls`), 'utf8');
    } catch {
      return '';
    }
  };
  return { bin, calls };
}

/** `script` in `sh -e` (what a GitHub container step runs) with PATH = the stand-ins, the system's tools after them. */
function sh(script: string, cwd: string, bin: string, env: Record<string, string> = {}) {
  const res = spawnSync('/bin/sh', ['-e', '-c', script], { cwd, encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin`, HOME: cwd, ...env } });
  return { status: res.status, out: `${res.stdout}${res.stderr}` };
}

describe('the toolchain script', () => {
  it.each([
    [{ 'services/a/deploy.ts': '' }, 'buildah'],
    [{ 'services/g/go.mod': '', 'services/j/pom.xml': '', 'services/p/requirements.lock': '' }, 'buildah golang-go maven default-jdk-headless python3'],
  ])('installs from Debian what the services need: %j → %s', (files, packages) => {
    const repo = scratch();
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(repo, path, '..'), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
    // PATH has the stand-ins and only the tools sh needs: no buildah, go, mvn or python3 of the machine's.
    const { bin, calls } = fakeBin({ 'apt-get': 0 });
    for (const tool of ['ls']) writeFileSync(join(bin, tool), `#!/bin/sh\nexec /bin/${tool} "$@"\n`, { mode: 0o755 });
    const res = spawnSync('/bin/sh', ['-e', '-c', toolchainsScript()], { cwd: repo, encoding: 'utf8', env: { PATH: bin } });
    expect(res.status, res.stderr).toBe(0);
    expect(calls('apt-get')).toBe(`update -qq\ninstall -y -qq --no-install-recommends ${packages}\n`);
  });

  it('installs nothing where buildah is there and the services need no other toolchain', () => {
    const repo = scratch();
    const { bin, calls } = fakeBin({ 'apt-get': 0, buildah: 0 });
    for (const tool of ['ls']) writeFileSync(join(bin, tool), `#!/bin/sh\nexec /bin/${tool} "$@"\n`, { mode: 0o755 });
    const res = spawnSync('/bin/sh', ['-e', '-c', toolchainsScript()], { cwd: repo, encoding: 'utf8', env: { PATH: bin } });
    expect(res.status, res.stderr).toBe(0);
    expect(calls('apt-get')).toBe('');
  });
});

describe('the login script', () => {
  const ENV = { REGISTRY_HOST: 'registry.acme.io', REGISTRY_USERNAME: 'ci-bot' };

  it('main: writes the Docker credential file under DOCKER_CONFIG through buildah login, the password on stdin', () => {
    const cwd = scratch();
    const { bin, calls } = fakeBin({ buildah: 0 });
    const res = sh(loginScript(true), cwd, bin, { ...ENV, REGISTRY_PASSWORD: 'p@ss word', DOCKER_CONFIG: join(cwd, 'docker') });
    expect(res.status, res.out).toBe(0);
    expect(calls('buildah')).toBe(`login --authfile ${join(cwd, 'docker', 'config.json')} --username ci-bot --password-stdin registry.acme.io\n`);
    expect(readFileSync(join(bin, '..', 'buildah.stdin'), 'utf8')).toBe('p@ss word');
  });

  it('main: defaults to ~/.docker/config.json', () => {
    const cwd = scratch();
    const { bin, calls } = fakeBin({ buildah: 0 });
    expect(sh(loginScript(true), cwd, bin, { ...ENV, REGISTRY_PASSWORD: 'x' }).status).toBe(0);
    expect(calls('buildah')).toContain(`--authfile ${join(cwd, '.docker', 'config.json')} `);
  });

  it('main: no password fails the job before buildah runs, naming the secrets', () => {
    const cwd = scratch();
    const { bin, calls } = fakeBin({ buildah: 0 });
    const res = sh(loginScript(true), cwd, bin, { ...ENV, REGISTRY_PASSWORD: '' });
    expect(res.status).not.toBe(0);
    expect(res.out).toMatch(/no credentials for the registry registry\.acme\.io \(expected REGISTRY_USERNAME and REGISTRY_PASSWORD\)/);
    expect(calls('buildah')).toBe('');
  });

  it('main: a refused login fails the job', () => {
    const cwd = scratch();
    const { bin, calls } = fakeBin({ buildah: 1 });
    expect(sh(loginScript(true), cwd, bin, { ...ENV, REGISTRY_PASSWORD: 'wrong' }).status).toBe(1);
    expect(calls('buildah')).toMatch(/^login /);
  });

  it.each([
    ['no password (a fork)', '', 0, 'no credentials for the registry registry.acme.io: the images are built without asking it'],
    ['a refused login', 'wrong', 1, 'warning: could not log in to registry.acme.io: the images are built without asking it'],
  ])('pull request: %s is said and the job goes on', (_what, password, buildahStatus, message) => {
    const cwd = scratch();
    const { bin, calls } = fakeBin({ buildah: buildahStatus });
    const res = sh(loginScript(false), cwd, bin, { ...ENV, REGISTRY_PASSWORD: password });
    expect(res.status, res.out).toBe(0);
    expect(res.out.trim()).toBe(message);
    expect(calls('buildah') === '').toBe(password === '');
  });
});
