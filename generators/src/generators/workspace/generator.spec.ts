import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readJson, type Tree } from '@nx/devkit';
import { FsTree } from 'nx/src/generators/tree';
import { parse } from 'yaml';
import { workspaceGenerator } from './generator';
import { DEV_DEPENDENCIES } from './lib/versions';
import { NXIGNORE, PLOPFILE } from './lib/add-root-files';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const ENVS = ['staging', 'ops-staging', 'preprod', 'prod'];
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function generate(options: Partial<Parameters<typeof workspaceGenerator>[1]> = {}): Promise<Tree> {
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-ws-'));
  dirs.push(dir);
  const tree = new FsTree(dir, false);
  await workspaceGenerator(tree, { name: 'acme', ...options });
  return tree;
}

function yamlOf(tree: Tree, path: string): Record<string, any> {
  return parse(tree.read(path, 'utf8') ?? 'missing: true');
}


/**
 * The Eleventh repository's own tools, not part of a new repository: its boundary lint (.dependency-cruiser.cjs),
 * and the official CycloneDX schema validator its SBOM specs check buildSbom's output with (and the ajv-formats
 * that validator loads).
 */
const REPOSITORY_ONLY = ['dependency-cruiser', '@cyclonedx/cyclonedx-library', 'ajv-formats'];

describe('workspace generator', () => {
  it.each([
    'package.json', 'nx.json', 'tsconfig.base.json', '.nxignore', '.gitignore', 'CODEOWNERS', 'README.md',
    'platform/defaults.yaml', 'platform/images.yaml', 'platform/README.md', 'environments/project.json', 'environments/README.md',
    'services/hello-api/deploy.ts', 'services/hello-api/src/main.ts', 'services/hello-api/src/greeting.spec.ts',
    'services/hello-api/Dockerfile', 'services/hello-api/README.md', 'services/hello-api/tsconfig.json',
    '.github/workflows/eleventh.yml', '.gitlab-ci.yml', 'plopfile.mjs',
    ...ENVS.flatMap((env) => [`environments/${env}/environment.yaml`, `environments/${env}/apps/tenant.yaml`]),
  ])('writes %s', async (path) => {
    expect((await generate()).exists(path)).toBe(true);
  });

  it('pins devDependencies exactly like the Eleventh repository and depends on the three packages', async () => {
    const pkg = readJson((await generate()), 'package.json');
    const ours = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const shared = Object.fromEntries(Object.entries(ours.devDependencies as Record<string, string>).filter(([name]) => !REPOSITORY_ONLY.includes(name)));
    for (const name of REPOSITORY_ONLY) expect(ours.devDependencies[name]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies).toEqual(shared);
    expect(DEV_DEPENDENCIES).toEqual(shared);
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@eleventh/cli', '@eleventh/nx', '@eleventh/platform']);
    expect(pkg.workspaces).toBeUndefined();
  });

  it('with --vendor depends on the packed tarballs under vendor/', async () => {
    const pkg = readJson(await generate({ vendor: true }), 'package.json');
    expect(pkg.dependencies['@eleventh/cli']).toMatch(/^file:vendor\/eleventh-cli-\d+\.\d+\.\d+\.tgz$/);
    expect(pkg.dependencies['@eleventh/nx']).toMatch(/^file:vendor\/eleventh-nx-/);
  });

  it('configures Nx: no analytics, default/production inputs, source analysis, the @eleventh/nx plugin', async () => {
    const nx = readJson(await generate(), 'nx.json');
    expect(nx.analytics).toBe(false);
    expect(Object.keys(nx.namedInputs)).toEqual(expect.arrayContaining(['default', 'production']));
    expect(nx.pluginsConfig['@nx/js'].analyzeSourceFiles).toBe(true);
    expect(nx.plugins).toEqual(['@eleventh/nx/plugin']);
  });

  it('copies the Eleventh repository .nxignore', async () => {
    const tree = await generate();
    expect(tree.read('.nxignore', 'utf8')).toBe(NXIGNORE);
    expect(NXIGNORE.trim()).toBe(readFileSync(join(REPO_ROOT, '.nxignore'), 'utf8').trim());
  });

  it('writes the Eleventh repository plopfile.mjs, which loads the prompts from the installed @eleventh/nx, with plop and node-plop pinned', async () => {
    const tree = await generate();
    expect(tree.read('plopfile.mjs', 'utf8')).toBe(PLOPFILE);
    expect(PLOPFILE).toBe(readFileSync(join(REPO_ROOT, 'plopfile.mjs'), 'utf8'));
    expect(PLOPFILE).toContain("require.resolve('@eleventh/nx/plop')");
    expect(readJson(tree, 'package.json').devDependencies).toMatchObject({ plop: expect.any(String), 'node-plop': expect.any(String) });
  });

  it('copies the platform defaults and base images of the installed @eleventh/platform', async () => {
    const tree = await generate();
    expect(tree.read('platform/defaults.yaml', 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'platform/defaults.yaml'), 'utf8'));
    expect(tree.read('platform/images.yaml', 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'platform/images.yaml'), 'utf8'));
    expect(tree.exists('platform/src/index.ts')).toBe(false);
  });

  it('staging is the root; preprod and prod are promoted by tags; ops-staging shadows staging', async () => {
    const tree = await generate({ registry: 'reg.acme.io', gitUrl: 'https://git.acme.io/acme.git' });
    const env = (name: string) => yamlOf(tree, `environments/${name}/environment.yaml`);
    expect(env('staging')).toEqual({
      registry: 'reg.acme.io',
      cluster: { name: 'staging', git: { url: 'https://git.acme.io/acme.git', branch: 'main' } },
      profiles: [],
      defaults: {},
    });
    expect(env('ops-staging')).toEqual({ extends: 'staging', cluster: { name: 'ops-staging' } });
    expect(env('preprod').promotion).toEqual({ from: 'staging', tags: 'preprod-v*' });
    expect(env('prod')).toMatchObject({ extends: 'preprod', promotion: { from: 'preprod', tags: 'prod-v*' } });
  });

  it('declares namespace apps in every environment; only the root states its team', async () => {
    const tree = await generate({ appsTeam: 'acme/apps' });
    expect(yamlOf(tree, 'environments/staging/apps/tenant.yaml')).toEqual({ team: 'acme/apps' });
    for (const env of ['ops-staging', 'preprod', 'prod']) expect(yamlOf(tree, `environments/${env}/apps/tenant.yaml`)).toEqual({});
  });

  it('declares hello-api as an http service in namespace apps', async () => {
    const deploy = (await generate()).read('services/hello-api/deploy.ts', 'utf8');
    expect(deploy).toContain("name: 'hello-api'");
    expect(deploy).toContain("namespace: 'apps'");
    expect(deploy).toContain("type: 'http'");
  });

  it('gives the environments project a recipe target running eleventh recipe', async () => {
    const project = readJson(await generate(), 'environments/project.json');
    expect(project.name).toBe('environments');
    expect(project.targets.recipe.command).toBe('eleventh recipe');
    expect(project.targets.recipe.inputs).toContain('{projectRoot}/**/tenant.yaml');
  });

  it('writes CODEOWNERS for the platform team and the example team', async () => {
    const text = (await generate({ platformTeam: 'acme/platform' })).read('CODEOWNERS', 'utf8');
    expect(text).toContain('* @acme/platform\n');
    expect(text).toContain('/services/hello-api/ @app-developers\n');
  });

  it('GitHub: main runs affected test/build, the images and the recipe with full history and commits the recipe; tags promote', async () => {
    const wf = yamlOf(await generate(), '.github/workflows/eleventh.yml');
    expect(wf.on.push).toEqual({ branches: ['main'], tags: ['preprod-v*', 'prod-v*'] });
    const runs = (job: string) => wf.jobs[job].steps.map((s: { run?: string }) => s.run).filter(Boolean);
    expect(wf.jobs.recipe.steps[0].with['fetch-depth']).toBe(0);
    expect(runs('recipe')).toEqual(expect.arrayContaining(['npx nx affected -t test build', 'npx eleventh images --push', 'npx eleventh recipe --require-images --commit --push']));
    expect(runs('recipe').at(-1)).toBe('npx eleventh report && npx eleventh report --format md');
    expect(wf.jobs.recipe.steps.at(-1)).toEqual({ uses: 'actions/upload-artifact@v4', with: { name: 'release-matrix', path: 'tmp/report/' } });
    expect(runs('promote-preprod')).toContain('npx eleventh promote --to preprod --tag "$TAG" --commit --push');
    expect(wf.jobs['promote-prod'].environment).toBe('prod');
    expect(wf.jobs['promote-prod'].if).toBe("startsWith(github.ref, 'refs/tags/prod-v')");
  });

  it('GitLab: GIT_DEPTH 0, the same commands, prod manual in the protected environment prod', async () => {
    const ci = yamlOf(await generate(), '.gitlab-ci.yml');
    expect(ci.variables.GIT_DEPTH).toBe('0');
    expect(ci.recipe.script).toEqual(expect.arrayContaining(['npx nx affected -t test build', 'npx eleventh images --push', 'npx eleventh recipe --require-images --commit --push']));
    expect(ci.recipe.artifacts).toMatchObject({ name: 'release-matrix', paths: ['tmp/report/'] });
    expect(ci['promote-preprod'].script).toEqual(['npx eleventh promote --to preprod --tag "$CI_COMMIT_TAG" --commit --push']);
    expect(ci['promote-prod'].environment.name).toBe('prod');
    expect(ci['promote-prod'].rules).toEqual([{ if: '$CI_COMMIT_TAG =~ /^prod-v/', when: 'manual' }]);
    expect(ci['promote-prod'].script).toEqual(['npx eleventh promote --to prod --tag "$CI_COMMIT_TAG" --commit --push']);
  });

  it('GitHub: a pull request runs eleventh preview and keeps one comment, with pull-requests: write', async () => {
    const wf = yamlOf(await generate(), '.github/workflows/eleventh.yml');
    expect(wf.on.pull_request).toEqual({ branches: ['main'] });
    const job = wf.jobs.preview;
    expect(job.if).toBe("github.event_name == 'pull_request'");
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(job.steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0, ref: '${{ github.event.pull_request.head.sha }}' } });
    expect(job.steps[3].run).toBe('npx eleventh preview --format md > "$RUNNER_TEMP/preview.md"');
    expect(job.steps[4]).toMatchObject({ if: 'always()', uses: 'actions/github-script@v7', env: { PREVIEW_FILE: '${{ runner.temp }}/preview.md' } });
    // The other jobs still run only on main and on tags.
    expect(wf.jobs.recipe.if).toBe("github.ref == 'refs/heads/main'");
    // This repository's own pull requests get the very same job.
    const own = parse(readFileSync(join(__dirname, '../../../../.github/workflows/main.yml'), 'utf8'));
    expect(own.jobs.preview).toEqual(job);
  });

  it('GitLab: a merge request runs eleventh preview against its diff base and keeps one note', async () => {
    const ci = yamlOf(await generate(), '.gitlab-ci.yml');
    expect(ci.stages).toEqual(['preview', 'recipe', 'promote']);
    expect(ci.preview.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(ci.preview.script[0]).toBe('status=0; npx eleventh preview --base "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --format md > "$PREVIEW_FILE" || status=$?');
    expect(ci.preview.script.slice(1)).toEqual(['node -e "$PREVIEW_NOTE_JS"', 'exit "$status"']);
    expect(ci.preview.variables.PREVIEW_NOTE_JS.expand).toBe(false);
    // Its own before_script: no push token, no checkout of main.
    expect(ci.preview.before_script).toEqual(['npm install --no-audit --no-fund']);
  });

  it('refuses a directory that already holds a workspace', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await expect(workspaceGenerator(tree, { name: 'acme' })).rejects.toThrow(
      'nx.json: a workspace already exists here (expected an empty directory (`eleventh new DIR`))',
    );
  });

  it('refuses to run twice on the same tree', async () => {
    const tree = await generate();
    await expect(workspaceGenerator(tree, { name: 'acme' })).rejects.toThrow(/a workspace already exists here/);
  });

  it.each([['Acme'], ['_acme'], ['acme_platform'], ['']])('refuses the name %j', async (name) => {
    await expect(generate({ name })).rejects.toThrow(/^package\.json: repository name/);
  });

  it.each([
    [{ registry: 'Registry.example.com/acme' }, "--registry 'Registry.example.com/acme' is not a registry reference: it has upper-case letters"],
    [{ registry: 'registry.example.com/acme:v1' }, "--registry 'registry.example.com/acme:v1' is not a registry reference: it has a tag"],
    [{ gitUrl: 'http://git.example.com/acme.git' }, "--gitUrl 'http://git.example.com/acme.git' is not a git URL Flux can pull: it is plain http"],
  ])('refuses %j by the engine\'s rule', async (options, message) => {
    await expect(generate(options)).rejects.toThrow(`environments/staging/environment.yaml: ${message}`);
  });

  it('refuses a team that is not a group name', async () => {
    await expect(generate({ platformTeam: 'not a team' })).rejects.toThrow(
      'CODEOWNERS: --platformTeam "not a team" is not a team (expected a team or group, e.g. acme/platform-team)',
    );
  });

  it('writes nothing to disk by itself (what --dry-run relies on): files appear only when flushed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleventh-ws-dry-'));
    dirs.push(dir);
    const tree = new FsTree(dir, false);
    await workspaceGenerator(tree, { name: 'acme' });
    expect(readdirSync(dir)).toEqual([]);
    expect(tree.listChanges().length).toBeGreaterThan(20);
    expect(existsSync(join(dir, 'nx.json'))).toBe(false);
  });
});
