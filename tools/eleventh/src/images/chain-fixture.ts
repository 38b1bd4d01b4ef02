/**
 * The chain e2e's ground: a copy of the example organisation whose registry is a real local one, reciped
 * and committed, and the image of every pin built by buildah (a tiny image from scratch holding the pin:
 * the chain does not care what is inside) and pushed with the pin as its tag, its SBOM beside it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '../git/run';
import { loadGraphInputs } from '../pins/graph';
import type { GraphInputs } from '../pins/inputs';
import { readRecipe } from '../recipe/recipe';
import { createExampleRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';
import { buildah } from '../testing/oci';
import { RegistryClient } from './registry/client';
import { buildSbom } from './sbom/build';
import { sbomInputFor } from './sbom/input';
import { pushSbom } from './sbom/push';

export function commitAll(root: string, message: string): string {
  git(['add', '--all'], { cwd: root });
  git(['commit', '--quiet', '--allow-empty', '-m', message], { cwd: root });
  return git(['rev-parse', 'HEAD'], { cwd: root }).stdout.trim();
}

export function setRegistry(root: string, env: string, registry: string): void {
  const file = join(root, 'environments', env, 'environment.yaml');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, /^registry: .*$/m.test(text) ? text.replace(/^registry: .*$/m, `registry: ${registry}`) : `${text.trimEnd()}\nregistry: ${registry}\n`);
}

/** The example organisation with `registry` for staging (and all that inherit it), reciped and committed. */
export function createRegistryRepo(registry: string): ExampleRepo {
  const repo = createExampleRepo('eleventh-chain-');
  setRegistry(repo.root, 'staging', registry);
  commitAll(repo.root, 'a real registry');
  const res = runEleventh(repo.root, ['recipe']);
  if (res.status !== 0) throw new Error(`eleventh recipe failed:\n${res.stderr}`);
  commitAll(repo.root, 'eleventh recipe');
  return repo;
}

/** buildah: a one-file image from scratch for `ref` (`host/repo:pin`), committed at time 0; returns its digest. */
export function buildTinyImage(scratch: string, ref: string, content: string): string {
  const ctr = buildah(scratch, ['from', '--quiet', 'scratch']);
  const file = join(scratch, 'pin.txt');
  writeFileSync(file, content);
  buildah(scratch, ['copy', '--quiet', ctr, file, '/pin.txt']);
  buildah(scratch, ['config', '--user', '10001:10001', ctr]);
  buildah(scratch, ['commit', '--quiet', '--timestamp', '0', ctr, ref]);
  buildah(scratch, ['rm', ctr]);
  const digestFile = join(scratch, 'digest');
  buildah(scratch, ['push', '--quiet', '--tls-verify=false', '--digestfile', digestFile, ref, `docker://${ref}`]);
  return readFileSync(digestFile, 'utf8').trim();
}

export interface Pushed {
  readonly image: string;
  readonly imageDigest: string;
  readonly sbomDigest?: string;
}

/** Build and push the image (and, unless skipped, the SBOM) of every service of `env`'s recipe. */
export async function pushImagesOf(root: string, env: string, scratch: string, opts: { base?: string; graph?: GraphInputs; skipSbom?: readonly string[] } = {}): Promise<Map<string, Pushed>> {
  const recipe = readRecipe(root, env)!;
  const graph = opts.graph ?? (await loadGraphInputs(root));
  const out = new Map<string, Pushed>();
  for (const [name, e] of Object.entries(recipe.services)) {
    const imageDigest = buildTinyImage(scratch, e.image, `${name} ${e.commit}\n`);
    const [host, ...path] = e.image.split('/');
    const repository = path.join('/').replace(/:[^:]+$/, '');
    let sbomDigest: string | undefined;
    if (!opts.skipSbom?.includes(name)) {
      const svc = graph.services.find((s) => s.name === name)!;
      const sbom = buildSbom(sbomInputFor(root, graph, svc, { commit: e.commit, inputs: e.inputs }, opts.base));
      sbomDigest = await pushSbom(new RegistryClient(host!), repository, e.commit, imageDigest, sbom);
    }
    out.set(name, { image: e.image, imageDigest, ...(sbomDigest ? { sbomDigest } : {}) });
  }
  return out;
}

export function scratchDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-buildah-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
