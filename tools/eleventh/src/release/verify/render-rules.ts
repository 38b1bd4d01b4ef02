/**
 * Rules that need a fresh render: every file on disk is one the renderer would write (a hand edit is a finding
 * naming the file), pins of environments that follow main equal the freshly computed ones, and no rendered
 * object uses a mutable image tag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeObject } from '@eleventh/platform';
import { finding, type Finding } from '../../findings';
import type { Plan } from '../../engine/plan';
import type { Kit } from '../../load/kit';
import type { Recipe } from '../../model';
import { parseRecipe, recipePath, serializeRecipe } from '../../recipe/recipe';
import { planWrites, WriteRefusedError } from '../../write';
import { walkScope } from '../../write/walk';
import { isHandWrittenName } from '../../write/paths';
import { generatedValues } from '../../policy/own-yaml';
import { GENERATED_HEADER } from '../../model';

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

/** The rule of a generated file on disk that is not what eleventh renders (verify and render --check). */
export const STALE_RULE = 'render/stale';

/** Files on disk that differ from, are missing from, or are extra to what the renderer writes. */
export function renderedFilesMatch(root: string, plan: Plan): Finding[] {
  try {
    const wp = planWrites(root, plan.files, { dirs: plan.scopeDirs });
    return [
      ...wp.update.filter((f) => !sameRecipe(root, f, wp.contents.get(f)!)).map((f) => finding(f, STALE_RULE, 'differs from what eleventh renders (hand edit? expected `eleventh render` output)')),
      ...wp.create.map((f) => finding(f, STALE_RULE, 'missing (expected `eleventh render` output)')),
      ...wp.remove.map((f) => finding(f, STALE_RULE, 'generated file that eleventh no longer renders (expected it pruned)')),
    ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  } catch (err) {
    if (err instanceof WriteRefusedError) return err.findings.map((f) => finding(f.file, 'render/refused', f.problem));
    throw err;
  }
}

const PINS_RULE = 'recipe/pins-are-current';

/** For environments that follow main: each recipe pin equals the freshly computed one. */
export function pinsAreCurrent(onDisk: Recipe, fresh: Recipe): Finding[] {
  const file = recipePath(onDisk.environment);
  const names = [...new Set([...Object.keys(onDisk.services), ...Object.keys(fresh.services)])].sort();
  return names.flatMap((n) => {
    const a = onDisk.services[n];
    const b = fresh.services[n];
    if (!b) return [finding(file, PINS_RULE, `${n}: no such service any more (expected \`eleventh recipe\` to remove it)`)];
    if (!a) return [finding(file, PINS_RULE, `${n}: missing (expected pin ${b.commit})`)];
    return a.commit === b.commit ? [] : [finding(file, PINS_RULE, `${n}: pin ${a.commit} is not the current pin (expected ${b.commit})`)];
  });
}

/**
 * The platform policies verify (and `eleventh policy`) run on the generated files on disk. Every platform
 * policy already runs on every object at render time (a violation there is exit 2, nothing written); on
 * disk, a hand edit can still swap an image for a mutable tag, in any generated layer.
 */
export const DISK_POLICIES: readonly string[] = ['no-mutable-image-tag'];

/**
 * Text that may hold a pod spec's containers: the key `containers` / `initContainers`, literally or spelt with
 * a YAML escape (only double-quoted scalars have escapes, and they need a backslash). The DISK_POLICIES are
 * container rules, so a file with neither cannot give a finding and is not parsed (four files in five).
 */
export const mayHoldContainers = (text: string): boolean => text.includes('ontainers') || text.includes('\\');

/** Every object in the environment's generated YAML files on disk, checked by the DISK_POLICIES. */
export function diskPolicyFindings(root: string, env: string, kit: Kit): Finding[] {
  const rules = kit.POLICY_RULES.filter((r) => DISK_POLICIES.includes(r.name));
  const tree = walkScope(root, [`environments/${env}`]);
  const findings: Finding[] = [];
  for (const file of [...tree.files].sort()) {
    if (!file.endsWith('.yaml') || isHandWrittenName(file)) continue;
    // The engine's own reader for a file exactly as it emits it, the full YAML parser for anything else.
    const text = readFileSync(join(root, file), 'utf8');
    if (!mayHoldContainers(text)) continue;
    const objects = generatedValues(text, GENERATED_HEADER).filter((o): o is KubeObject => !!o && typeof o === 'object');
    for (const f of kit.runPolicies(objects, rules)) findings.push(finding(file, `policy/${f.rule}`, `${f.object}: ${f.message}`));
  }
  return findings;
}
