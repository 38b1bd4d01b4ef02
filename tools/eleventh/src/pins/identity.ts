/**
 * The identity of a service's image inputs: sha256 over its sorted (path, blob) list at the head commit,
 * its locked external packages and its class's base image (platform/images.yaml; nothing when the
 * repository configures none, so older identities stay valid). Equal identity ⇒ the same image, so the
 * previous pin still holds.
 */
import { createHash } from 'node:crypto';
import { git } from '../git/run';
import { gitAsync } from '../git/run-async';
import type { ServiceInputs } from './inputs';

const VERSION = 'eleventh-inputs-v1';
/** Blob id recorded for an input file that is not in the head commit (untracked). */
export const NOT_COMMITTED = 'uncommitted';

/** path → blob SHA of every file under `specs` at `rev`, in one `git ls-tree`. */
export function listBlobs(root: string, rev: string, specs: readonly string[]): Map<string, string> {
  return parseLsTree(git(lsTreeArgs(rev, specs), { cwd: root }).stdout);
}

/** listBlobs without blocking the main thread (the run asks while other work goes on). */
export async function listBlobsAsync(root: string, rev: string, specs: readonly string[]): Promise<Map<string, string>> {
  return parseLsTree(await gitAsync(lsTreeArgs(rev, specs), root));
}

const lsTreeArgs = (rev: string, specs: readonly string[]): string[] => ['ls-tree', '-r', '-z', '--full-tree', rev, '--', ...specs];

function parseLsTree(out: string): Map<string, string> {
  const blobs = new Map<string, string>();
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const meta = entry.slice(0, tab).split(' ');
    if (meta[1] === 'blob') blobs.set(entry.slice(tab + 1), meta[2]);
  }
  return blobs;
}

export function inputsIdentity(service: ServiceInputs, blobs: ReadonlyMap<string, string>, base?: string): string {
  const hash = createHash('sha256').update(`${VERSION}\n`);
  for (const file of service.files) hash.update(`${file}\0${blobs.get(file) ?? NOT_COMMITTED}\n`);
  for (const ext of service.externals) hash.update(`npm:${ext.name}@${ext.version}\n`);
  if (base !== undefined) hash.update(`base:${base}\n`);
  return hash.digest('hex');
}
