/**
 * Before promoting, the source environment's recipe at the tag must be a release that can be trusted:
 * every pin a full SHA in the tag's history, every digest matching the files committed at the tag.
 */
import type { Recipe } from '../model';
import { serviceDir } from '../render/service';
import { commitExists, filesAt, isAncestor } from './git-read';
import { digestOf } from './digest';

const HEX40 = /^[0-9a-f]{40}$/;

/** Every reason `recipe` (the source's, as committed at `commit`) cannot be promoted; empty when sound. */
export function checkSourceRecipe(root: string, commit: string, recipe: Recipe, where: string): string[] {
  const findings: string[] = [];
  const files = filesAt(root, commit, `environments/${recipe.environment}`);
  for (const [name, e] of Object.entries(recipe.services)) {
    if (!HEX40.test(e.commit)) findings.push(`${where}: ${name}: pin '${e.commit}' is not a full SHA (expected 40 hex characters)`);
    else if (!commitExists(root, e.commit)) findings.push(`${where}: ${name}: pin ${e.commit} does not exist in this repository`);
    else if (!isAncestor(root, e.commit, commit)) findings.push(`${where}: ${name}: pin ${e.commit} is not an ancestor of ${commit.slice(0, 12)}`);
    const dir = serviceDir(recipe.environment, e.namespace, name);
    const actual = digestOf(files, dir);
    if (![...files.keys()].some((p) => p.startsWith(`${dir}/`))) findings.push(`${where}: ${name}: no rendered files under ${dir}`);
    else if (actual !== e.digest) findings.push(`${where}: ${name}: digest ${e.digest} does not match the committed files (${actual})`);
  }
  return findings;
}
