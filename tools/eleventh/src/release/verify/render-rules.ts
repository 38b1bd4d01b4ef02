/**
 * Rules that need a fresh render: every file on disk is one the renderer would write (a hand edit is a finding
 * naming the file), pins of environments that follow main equal the freshly computed ones, and no rendered
 * object uses a mutable image tag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '@eleventh/platform';
import type { Plan } from '../../engine/plan';
import type { Kit } from '../../load/kit';
import type { Recipe } from '../../model';
import { parseRecipe, recipePath, serializeRecipe } from '../../recipe/recipe';
import { planWrites, WriteRefusedError } from '../../write';
import { walkScope } from '../../write/walk';
import { isHandWrittenName } from '../../write/paths';

/** recipe.yaml's `manifest` is a cache key (it names the engine's own code): it is not compared. */
function sameRecipe(root: string, file: string, desired: string): boolean {
  if (!file.endsWith('/recipe.yaml')) return false;
  const strip = (r: Recipe): string => serializeRecipe({ ...r, services: Object.fromEntries(Object.entries(r.services).map(([n, e]) => [n, { ...e, manifest: undefined }])) });
  try {
    return strip(parseRecipe(readFileSync(join(root, file), 'utf8'), file)) === strip(parseRecipe(desired, file));
  } catch {
    return false;
  }
}

/** Files on disk that differ from, are missing from, or are extra to what the renderer writes. */
export function renderedFilesMatch(root: string, plan: Plan): string[] {
  try {
    const wp = planWrites(root, plan.files, { dirs: plan.scopeDirs });
    return [
      ...wp.update.filter((f) => !sameRecipe(root, f, wp.contents.get(f)!)).map((f) => `${f}: differs from what eleventh renders (hand edit? expected \`eleventh render\` output)`),
      ...wp.create.map((f) => `${f}: missing (expected \`eleventh render\` output)`),
      ...wp.remove.map((f) => `${f}: generated file that eleventh no longer renders (expected it pruned)`),
    ].sort();
  } catch (err) {
    if (err instanceof WriteRefusedError) return err.findings.map((f) => `${f.file}: ${f.problem}`);
    throw err;
  }
}

/** For environments that follow main: each recipe pin equals the freshly computed one. */
export function pinsAreCurrent(onDisk: Recipe, fresh: Recipe): string[] {
  const file = recipePath(onDisk.environment);
  const names = [...new Set([...Object.keys(onDisk.services), ...Object.keys(fresh.services)])].sort();
  return names.flatMap((n) => {
    const a = onDisk.services[n];
    const b = fresh.services[n];
    if (!b) return [`${file}: ${n}: no such service any more (expected \`eleventh recipe\` to remove it)`];
    if (!a) return [`${file}: ${n}: missing (expected pin ${b.commit})`];
    return a.commit === b.commit ? [] : [`${file}: ${n}: pin ${a.commit} is not the current pin (expected ${b.commit})`];
  });
}

/** Every object in the environment's generated YAML files on disk uses a pinned image. */
export function noMutableImages(root: string, env: string, kit: Kit): string[] {
  const rule = kit.POLICY_RULES.filter((r) => r.name === 'no-mutable-image-tag');
  const tree = walkScope(root, [`environments/${env}`]);
  const findings: string[] = [];
  for (const file of [...tree.files].sort()) {
    if (!file.endsWith('.yaml') || isHandWrittenName(file)) continue;
    const docs = parseAllDocuments(readFileSync(join(root, file), 'utf8'));
    const objects = (Array.isArray(docs) ? docs : [docs]).map((d) => d.toJS() as unknown).filter((o): o is KubeObject => !!o && typeof o === 'object');
    for (const f of kit.runPolicies(objects, rule)) findings.push(`${file}: ${f.object}: ${f.message}`);
  }
  return findings;
}
