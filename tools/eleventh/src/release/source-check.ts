/**
 * Before promoting, the source environment's recipe at the tag must be a release that can be trusted:
 * every pin a full SHA in the tag's history, every digest matching the files committed at the tag.
 */
import type { Recipe } from '../model';
import { serviceDir } from '../render/service';
import { pinStatuses } from '../git/ancestry';
import { filesAt } from './git-read';
import { byFolder, digestOf } from './digest';

const HEX40 = /^[0-9a-f]{40}$/;

/** Every reason `recipe` (the source's, as committed at `commit`) cannot be promoted; empty when sound. */
export function checkSourceRecipe(root: string, commit: string, recipe: Recipe, where: string): string[] {
  const findings: string[] = [];
  const folders = byFolder(filesAt(root, commit, `environments/${recipe.environment}`));
  const status = pinStatuses(root, Object.values(recipe.services).map((e) => e.commit).filter((c) => HEX40.test(c)), commit);
  for (const [name, e] of Object.entries(recipe.services)) {
    if (!HEX40.test(e.commit)) findings.push(`${where}: ${name}: pin '${e.commit}' is not a full SHA (expected 40 hex characters)`);
    else if (status.get(e.commit) === 'missing') findings.push(`${where}: ${name}: pin ${e.commit} does not exist in this repository`);
    else if (status.get(e.commit) === 'unrelated') findings.push(`${where}: ${name}: pin ${e.commit} is not an ancestor of ${commit.slice(0, 12)}`);
    const dir = serviceDir(recipe.environment, e.namespace, name);
    const files = folders.get(dir);
    const actual = files && digestOf(files, dir);
    if (actual === undefined) findings.push(`${where}: ${name}: no rendered files under ${dir}`);
    else if (actual !== e.digest) findings.push(`${where}: ${name}: digest ${e.digest} does not match the committed files (${actual})`);
  }
  return findings;
}
