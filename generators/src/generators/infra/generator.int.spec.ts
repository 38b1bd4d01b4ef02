import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Tree } from '@nx/devkit';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse as parseYaml } from 'yaml';
import { infraGenerator } from './generator';
import type { InfraGeneratorSchema } from './schema';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A workspace folder in a fresh temporary directory; the infra repository goes next to it. */
function workspace(): { root: string; tree: Tree } {
  const base = mkdtempSync(join(tmpdir(), 'eleventh-infra-'));
  dirs.push(base);
  const root = join(base, 'acme');
  mkdirSync(root);
  return { root, tree: new FsTree(root, false) };
}

async function generate(options: Partial<InfraGeneratorSchema> = {}) {
  const ws = workspace();
  const task = await infraGenerator(ws.tree, { directory: '../acme-infra', ...options });
  const read = (path: string) => ws.tree.read(`../acme-infra/${path}`, 'utf8') ?? '';
  return { ...ws, task, read, dir: join(ws.root, '..', 'acme-infra') };
}

/** An independent statement of the inheritance rule: maps merge key by key, anything else replaces. */
function inherit(base: Record<string, unknown>, diff: Record<string, unknown>): Record<string, unknown> {
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return Object.fromEntries(
    [...new Set([...Object.keys(base), ...Object.keys(diff)])].map((key) => {
      if (!(key in diff)) return [key, base[key]];
      const [b, d] = [base[key], diff[key]];
      return [key, isMap(b) && isMap(d) ? inherit(b, d) : d];
    }),
  );
}

const TF_FILES = ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf'];

describe('infra generator', () => {
  it.each([
    'README.md', 'config.yaml', '.gitignore', '.github/workflows/infra.yml', '.gitlab-ci.yml',
    ...['apps', 'ops'].flatMap((c) => [...TF_FILES, 'config.auto.tfvars'].map((f) => `clusters/${c}/${f}`)),
  ])('writes %s', async (path) => {
    const { tree } = await generate();
    expect(tree.exists(`../acme-infra/${path}`)).toBe(true);
  });

  it('every generated .tf file parses as HCL', async () => {
    const { read } = await generate();
    for (const cluster of ['apps', 'ops']) {
      for (const file of TF_FILES) {
        const json = await parseHcl(file, read(`clusters/${cluster}/${file}`));
        expect(Object.keys(json).length, `clusters/${cluster}/${file}`).toBeGreaterThan(0);
      }
    }
    await expect(parseHcl('broken.tf', 'variable "a" {\n')).rejects.toThrow();
  });

  it('the merged ops configuration is apps plus the differences ops states, nothing else', async () => {
    const { read } = await generate();
    const declared = parseYaml(read('config.yaml'));
    const ops = await parseHcl('config.auto.tfvars', read('clusters/ops/config.auto.tfvars'));
    const apps = await parseHcl('config.auto.tfvars', read('clusters/apps/config.auto.tfvars'));
    expect(ops).toEqual(inherit(declared.apps, declared.ops));
    expect(apps).toEqual(declared.apps);
    // ops inherits region and machine type from apps and overrides max_node_count and node_locations
    expect(ops.region).toBe(declared.apps.region);
    expect(ops.max_node_count).toBe(1);
    expect(ops.min_node_count).toBe(declared.apps.min_node_count);
  });

  it('ops states only explicit differences: every key it sets differs from apps', async () => {
    const declared = parseYaml((await generate()).read('config.yaml'));
    expect(Object.keys(declared.ops).length).toBeGreaterThan(0);
    for (const [key, value] of Object.entries(declared.ops)) expect(value, key).not.toEqual(declared.apps[key]);
  });

  it('each cluster module takes the merged configuration as its variables', async () => {
    const { read } = await generate();
    for (const cluster of ['apps', 'ops']) {
      const vars = await parseHcl('variables.tf', read(`clusters/${cluster}/variables.tf`));
      const values = await parseHcl('config.auto.tfvars', read(`clusters/${cluster}/config.auto.tfvars`));
      expect(Object.keys(vars.variable).sort()).toEqual(Object.keys(values).sort());
    }
  });

  it('pins Terraform and the google provider exactly, with one state per cluster', async () => {
    const { read } = await generate({ name: 'acme' });
    const versions = await parseHcl('versions.tf', read('clusters/ops/versions.tf'));
    const terraform = versions.terraform[0];
    expect(terraform.required_providers[0].google).toEqual({ source: 'hashicorp/google', version: '6.8.0' });
    expect(terraform.backend.gcs[0]).toEqual({ bucket: 'acme-tfstate', prefix: 'clusters/ops' });
  });

  it('GitHub: pull request plans ops, main applies ops, tag apps-v* plans and applies apps', async () => {
    const wf = parseYaml((await generate()).read('.github/workflows/infra.yml'));
    const runs = (job: string) => wf.jobs[job].steps.map((s: { run?: string }) => s.run).filter(Boolean).join('\n');
    expect(wf.on).toEqual({ pull_request: { branches: ['main'] }, push: { branches: ['main'], tags: ['apps-v*'] } });
    expect(wf.jobs['plan-ops'].if).toBe("github.event_name == 'pull_request'");
    expect(runs('plan-ops')).toContain('terraform -chdir=clusters/ops plan');
    expect(runs('plan-ops')).not.toContain('apply');
    expect(runs('apply-ops')).toContain('terraform -chdir=clusters/ops apply -input=false -auto-approve');
    expect(runs('apply-ops')).not.toContain('clusters/apps apply');
    expect(wf.jobs['apply-apps'].if).toBe("startsWith(github.ref, 'refs/tags/apps-v')");
    expect(wf.jobs['apply-apps'].environment).toBe('apps');
    expect(runs('apply-apps')).toMatch(/clusters\/apps plan[^\n]*-out=tfplan\n.*clusters\/apps apply -input=false tfplan/);
  });

  it('GitLab: merge requests plan ops, the default branch applies ops, apps-v* tags apply apps', async () => {
    const ci = parseYaml((await generate()).read('.gitlab-ci.yml'));
    expect(ci['plan-ops'].rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(ci['apply-ops'].script.join('\n')).toContain('clusters/ops apply');
    expect(ci['apply-apps'].rules).toEqual([{ if: '$CI_COMMIT_TAG =~ /^apps-v/' }]);
    expect(ci['apply-apps'].environment.name).toBe('apps');
  });

  it('writes nothing by itself (--dry-run); once flushed, the task makes a separate repository with one commit', async () => {
    const { root, tree, task, dir } = await generate();
    expect(existsSync(dir)).toBe(false);
    flushChanges(root, tree.listChanges());
    expect(existsSync(join(dir, '.git'))).toBe(false);
    await task();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
    expect(git('rev-parse', '--show-toplevel')).toBe(dir);
    expect(git('rev-list', '--count', 'main')).toBe('1');
    expect(git('status', '--porcelain')).toBe('');
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses a directory that is not empty (so it never runs twice)', async () => {
    const { tree } = workspace();
    tree.write('../acme-infra/README.md', 'mine');
    await expect(infraGenerator(tree, { directory: '../acme-infra' })).rejects.toThrow(
      '../acme-infra: is not empty (expected a new or empty directory for the infrastructure repository)',
    );
  });

  it.each([
    [{ directory: '' }, '--directory: is missing'],
    [{ directory: '../Acme_Infra' }, /^\.\.\/Acme_Infra\/config\.yaml: infrastructure name "Acme_Infra" is not valid/],
    [{ directory: '../infra', region: 'Europe West' }, '--region: "Europe West" is not a region (expected e.g. europe-west1)'],
  ])('refuses %j', async (options, message) => {
    await expect(infraGenerator(workspace().tree, options)).rejects.toThrow(message);
  });

  it.runIf(spawnSync('terraform', ['version']).status === 0)('writes files terraform fmt accepts', async () => {
    const { root, tree, dir } = await generate({ skipGit: true });
    flushChanges(root, tree.listChanges());
    const res = spawnSync('terraform', ['fmt', '-check', '-recursive'], { cwd: dir, encoding: 'utf8' });
    expect(res.stdout).toBe('');
    expect(res.status).toBe(0);
  });
});
