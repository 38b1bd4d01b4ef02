/**
 * A service's image inputs as committed at its pin, written into a temporary folder (repository layout):
 * read from git objects, never from the work tree, so an uncommitted edit cannot leak into an image. The
 * blobs read are checked against the pin's inputs identity first — the files an image is built from are
 * exactly the ones its pin names, by construction.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gitText } from '../git/run';
import { inputsIdentity, listBlobs } from '../pins/identity';
import type { ServiceInputs } from '../pins/inputs';
import { CatFile } from '../pins/cat-file';
import { ImageBuildError } from './errors';
import { undoOnSignal } from '../signal-cleanup';

export interface PinSource {
  /** Temporary folder holding the input files at their repository paths. */
  readonly dir: string;
  /** The pin's committer time (seconds since the epoch): SOURCE_DATE_EPOCH of the image. */
  readonly epoch: number;
  /** Read another file of the pin commit (e.g. package-lock.json, tsconfig.base.json); undefined when absent. */
  read(path: string): Promise<Buffer | undefined>;
  close(): void;
}

export interface SourceOptions {
  readonly root: string;
  readonly service: ServiceInputs;
  readonly pin: string;
  /** The pin's recorded inputs identity: the blobs at the pin must give it. */
  readonly inputs: string;
  /** The service's base image (part of the identity). */
  readonly base?: string;
}

/** The pin commit's committer time. */
export function commitEpoch(root: string, commit: string): number {
  return Number(gitText(['show', '-s', '--format=%ct', commit], { cwd: root }).trim());
}

export async function checkoutInputs(o: SourceOptions): Promise<PinSource> {
  const blobs = listBlobs(o.root, o.pin, o.service.files);
  const identity = inputsIdentity(o.service, blobs, o.base);
  if (identity !== o.inputs) {
    throw new ImageBuildError(o.service.name, `the image inputs at its pin ${o.pin} are not the ones the pin was computed from (inputs ${identity.slice(0, 12)} ≠ ${o.inputs.slice(0, 12)})`, 'a pin computed at this HEAD: run eleventh images from a clean, up-to-date checkout');
  }
  const dir = mkdtempSync(join(tmpdir(), `eleventh-src-${o.service.name}-`));
  const done = undoOnSignal(() => rmSync(dir, { recursive: true, force: true })); // signal-cleanup.ts
  const cat = new CatFile(o.root);
  try {
    for (const file of o.service.files) {
      const blob = await cat.read(blobs.get(file) as string);
      if (!blob) throw new ImageBuildError(o.service.name, `${file} is not in the repository at ${o.pin}`);
      const path = join(dir, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, blob.content);
      chmodSync(path, 0o644);
    }
  } catch (err) {
    cat.close();
    rmSync(dir, { recursive: true, force: true });
    done();
    throw err;
  }
  return {
    dir,
    epoch: commitEpoch(o.root, o.pin),
    read: async (path) => (await cat.read(`${o.pin}:${path}`))?.content,
    close: () => {
      cat.close();
      rmSync(dir, { recursive: true, force: true });
      done();
    },
  };
}
