/**
 * Inheritance with provenance. A layer is one file's contribution (e.g. the `defaults` of one
 * environment.yaml); folding layers in order (later wins) gives leaves keyed by path, each knowing the
 * file and line that set it and the values it overrode, nearest first. Maps merge; anything else
 * (scalars, lists, `false`) is a leaf that replaces whatever was there, map included; a map replaces a leaf.
 */
import type { Origin, Provenance } from '../model';
import type { YamlDoc } from '../yaml/read';
import { isPlainObject } from './schema-validate';

type Step = { readonly kind: 'map'; readonly key: string } | { readonly kind: 'leaf'; readonly leaf: Leaf };

/** One file's contribution, flattened once. */
export interface Layer {
  readonly file: string;
  readonly steps: readonly Step[];
}

export interface Leaf extends Provenance {
  readonly path: readonly string[];
  /** Position of the layer that set it (higher = later = wins). */
  readonly rank: number;
}

/** Folded layers: key (path joined by NUL) → leaf, in first-set order. */
export type Leaves = ReadonlyMap<string, Leaf>;

const SEP = '\u0000';
const keyOf = (path: readonly string[]): string => path.join(SEP);

/**
 * Flatten the map at `docPath` inside `doc` (skipping top-level keys in `skip`) into a layer.
 * A missing or non-map value gives an empty layer (the schema reports wrong types).
 */
export function layerOf(doc: YamlDoc, docPath: readonly string[] = [], skip: readonly string[] = []): Layer {
  let value: unknown = doc.value;
  for (const segment of docPath) value = isPlainObject(value) ? value[segment] : undefined;
  const steps: Step[] = [];
  if (isPlainObject(value)) {
    const top = Object.fromEntries(Object.entries(value).filter(([k]) => !skip.includes(k)));
    flatten(doc, top, [], docPath, steps);
  }
  return { file: doc.file, steps };
}

function flatten(doc: YamlDoc, value: Record<string, unknown>, path: string[], docPath: readonly string[], out: Step[]): void {
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, key];
    if (isPlainObject(child)) {
      out.push({ kind: 'map', key: keyOf(childPath) });
      flatten(doc, child, childPath, docPath, out);
    } else {
      const line = doc.lineOf([...docPath, ...childPath]);
      out.push({ kind: 'leaf', leaf: { path: childPath, value: child, file: doc.file, line, overrode: [], rank: 0 } });
    }
  }
}

/** Fold `layers` in order onto `base` (not modified). */
export function fold(layers: readonly Layer[], base: Leaves = new Map(), firstRank = 0): Leaves {
  const state = new Map(base);
  layers.forEach((layer, i) => {
    /** Leaves a map of this layer replaced (e.g. `autoscaling: false`): its children overrode them. */
    const replaced = new Map<string, Leaf>();
    for (const step of layer.steps) {
      if (step.kind === 'leaf') {
        setLeaf(state, step.leaf, firstRank + i, replaced);
        continue;
      }
      const previous = state.get(step.key);
      if (previous) replaced.set(step.key, previous);
      state.delete(step.key);
    }
  });
  return state;
}

type Overrode = Array<Origin & { readonly value: unknown }>;

function setLeaf(state: Map<string, Leaf>, leaf: Leaf, rank: number, replaced: ReadonlyMap<string, Leaf>): void {
  const key = keyOf(leaf.path);
  const previous = state.get(key) ?? ancestorIn(replaced, leaf.path);
  const prefix = key + SEP;
  const children = [...state.values()].filter((l) => keyOf(l.path).startsWith(prefix));
  for (const child of children) state.delete(keyOf(child.path));
  const overrode: Overrode = previous
    ? [{ file: previous.file, line: previous.line, value: previous.value }, ...previous.overrode]
    : children.length > 0
      ? [replacedMap(leaf.path, children)]
      : [];
  state.set(key, { ...leaf, overrode, rank });
}

function ancestorIn(replaced: ReadonlyMap<string, Leaf>, path: readonly string[]): Leaf | undefined {
  for (let n = path.length - 1; n > 0; n--) {
    const found = replaced.get(keyOf(path.slice(0, n)));
    if (found) return found;
  }
  return undefined;
}

/** A map a leaf replaced, as one overridden value, attributed to its most recently set key. */
function replacedMap(path: readonly string[], children: Leaf[]): Origin & { readonly value: unknown } {
  const newest = children.reduce((a, b) => (b.rank > a.rank ? b : a));
  return { file: newest.file, line: newest.line, value: valueAt(new Map(children.map((c) => [keyOf(c.path), c])), path) };
}

/** The leaf at `path`, if set. */
export function leafAt(leaves: Leaves, path: readonly string[]): Leaf | undefined {
  return leaves.get(keyOf(path));
}

/** Leaves under `path` (and at it). */
export function leavesUnder(leaves: Leaves, path: readonly string[]): Leaf[] {
  const key = keyOf(path);
  return [...leaves.values()].filter((l) => {
    const k = keyOf(l.path);
    return k === key || k.startsWith(key + SEP);
  });
}

/** Rebuild the nested value under `path` (an empty map when nothing is set there). */
export function valueAt(leaves: Leaves, path: readonly string[] = []): unknown {
  const own = leafAt(leaves, path);
  if (own && path.length > 0) return own.value;
  const result: Record<string, unknown> = {};
  for (const leaf of leavesUnder(leaves, path)) {
    let target = result;
    const rest = leaf.path.slice(path.length);
    rest.slice(0, -1).forEach((segment) => {
      if (!isPlainObject(target[segment])) target[segment] = {};
      target = target[segment] as Record<string, unknown>;
    });
    target[rest[rest.length - 1]] = leaf.value;
  }
  return result;
}

/** Public provenance: dotted key → where its value came from. */
export function provenanceOf(leaves: Leaves): ReadonlyMap<string, Provenance> {
  const out = new Map<string, Provenance>();
  for (const leaf of leaves.values()) {
    out.set(leaf.path.join('.'), { value: leaf.value, file: leaf.file, line: leaf.line, overrode: leaf.overrode, rank: leaf.rank });
  }
  return out;
}
