/**
 * The images specs' world: a real registry on 127.0.0.1, the local Node base pushed to it (no image can be
 * pulled here), and a copy of the example organisation whose staging registry is that registry and whose
 * platform/images.yaml names that base — committed, so `eleventh images` builds from git.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { git } from '../git/run';
import { createExampleRepo, runEleventh, type CliResult, type ExampleRepo } from '../testing/example-repo';
import { pushLocalNodeBase, startRegistry, type LocalRegistry } from '../testing/oci';

export interface ImagesWorld {
  readonly registry: LocalRegistry;
  /** `127.0.0.1:P/eleventh-test/node:<ver>@sha256:…` */
  readonly base: string;
  readonly repo: ExampleRepo;
  /** Scratch for OCI storage and the Docker credential file; removed by stop(). */
  readonly scratch: string;
  /** Environment for the CLI: its own OCI storage, a Docker credential file. */
  env(extra?: Record<string, string>): Record<string, string>;
  images(args: readonly string[], extra?: Record<string, string>): CliResult;
  commit(files: Record<string, string>, message: string): string;
  stop(): Promise<void>;
}

/** Set `path` of a YAML file in the repository, keeping its comments. */
export function setYaml(root: string, file: string, path: readonly string[], value: unknown): void {
  const doc = parseDocument(readFileSync(join(root, file), 'utf8'));
  doc.setIn(path, value);
  writeFileSync(join(root, file), doc.toString());
}

export async function createImagesWorld(prefix = 'eleventh-images-'): Promise<ImagesWorld> {
  const registry = await startRegistry();
  const scratch = mkdtempSync(join(tmpdir(), `${prefix}scratch-`));
  const base = pushLocalNodeBase(registry.host, join(scratch, 'base'));
  const repo = createExampleRepo(prefix);
  setYaml(repo.root, 'environments/staging/environment.yaml', ['registry'], `${registry.host}/acme`);
  setYaml(repo.root, 'platform/images.yaml', ['bases', 'node'], base);
  writeFileSync(join(scratch, 'config.json'), '{"auths": {}}\n');
  const commit = (files: Record<string, string>, message: string): string => {
    for (const [path, text] of Object.entries(files)) writeFileSync(join(repo.root, path), text);
    git(['add', '--all'], { cwd: repo.root });
    git(['commit', '--quiet', '-m', message], { cwd: repo.root });
    return git(['rev-parse', 'HEAD'], { cwd: repo.root }).stdout.trim();
  };
  commit({}, 'images: the local registry and base');
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({ ELEVENTH_OCI_ROOT: join(scratch, 'oci'), DOCKER_CONFIG: scratch, ...extra });
  return {
    registry,
    base,
    repo,
    scratch,
    env,
    images: (args, extra) => runEleventh(repo.root, ['images', ...args], env(extra)),
    commit,
    stop: async () => {
      await registry.stop();
      repo.cleanup();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Delete a tag's manifest from the registry (the distribution registry deletes by digest), so the next run rebuilds it. */
export async function deleteImage(host: string, repository: string, digest: string): Promise<void> {
  const res = await fetch(`http://${host}/v2/${repository}/manifests/${digest}`, { method: 'DELETE' });
  if (res.status !== 202) throw new Error(`DELETE ${repository}@${digest}: HTTP ${res.status}`);
}
