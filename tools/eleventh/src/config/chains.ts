/**
 * The `extends` chains (root first) and the `promotion.from` links between environments: unknown
 * parents, cycles and unknown promotion sources are reported, each once.
 */
import { ConfigError } from '../errors';
import type { YamlDoc } from '../yaml/read';
import { isPlainObject } from './schema-validate';
import { didYouMean } from './suggest';

export interface Chains {
  /** Environment → its chain, root first, itself last (only environments whose chain is sound). */
  readonly chains: ReadonlyMap<string, readonly string[]>;
  readonly errors: ConfigError[];
}

export function parentOf(doc: YamlDoc): string | undefined {
  const value = isPlainObject(doc.value) ? doc.value.extends : undefined;
  return typeof value === 'string' ? value : undefined;
}

export function promotionSourceOf(doc: YamlDoc): string | undefined {
  const promotion = isPlainObject(doc.value) ? doc.value.promotion : undefined;
  const from = isPlainObject(promotion) ? promotion.from : undefined;
  return typeof from === 'string' ? from : undefined;
}

/** Follow `extends` from every environment. */
export function resolveChains(docs: ReadonlyMap<string, YamlDoc>): Chains {
  const chains = new Map<string, readonly string[]>();
  const errors: ConfigError[] = [];
  const reportedCycles = new Set<string>();
  for (const [name, doc] of docs) {
    const parent = parentOf(doc);
    if (parent !== undefined && !docs.has(parent)) {
      const at = { file: doc.file, line: doc.lineOf(['extends']) };
      errors.push(new ConfigError(at, `extends unknown environment '${parent}'${didYouMean(parent, docs.keys())}`, `one of: ${[...docs.keys()].join(', ')}`));
    }
  }
  for (const name of docs.keys()) {
    const walk = walkLinks(name, (n) => parentOf(docs.get(n)!), docs);
    if (walk.cycle) reportCycle(walk.cycle, 'extends', docs, ['extends'], reportedCycles, errors);
    else if (walk.complete) chains.set(name, walk.visited.slice().reverse());
  }
  return { chains, errors };
}

/** Check every `promotion.from`: known, not itself, no promotion cycles. */
export function checkPromotions(docs: ReadonlyMap<string, YamlDoc>): ConfigError[] {
  const errors: ConfigError[] = [];
  const reported = new Set<string>();
  for (const [name, doc] of docs) {
    const from = promotionSourceOf(doc);
    if (from === undefined) continue;
    const at = { file: doc.file, line: doc.lineOf(['promotion', 'from']) };
    if (!docs.has(from)) {
      const others = [...docs.keys()].filter((n) => n !== name);
      errors.push(new ConfigError(at, `promotion.from names unknown environment '${from}'${didYouMean(from, others)}`, `one of: ${others.join(', ')}`));
    } else if (from === name) {
      errors.push(new ConfigError(at, `environment '${name}' cannot be promoted from itself`, 'another environment'));
    }
  }
  for (const name of docs.keys()) {
    const walk = walkLinks(name, (n) => promotionSourceOf(docs.get(n)!), docs);
    if (walk.cycle && walk.cycle.length > 2) reportCycle(walk.cycle, 'promotion', docs, ['promotion', 'from'], reported, errors);
  }
  return errors;
}

interface Walk {
  readonly visited: string[];
  readonly cycle?: string[];
  /** Ended at an environment without a link (not at an unknown one). */
  readonly complete: boolean;
}

function walkLinks(start: string, next: (n: string) => string | undefined, docs: ReadonlyMap<string, unknown>): Walk {
  const visited: string[] = [];
  let current: string | undefined = start;
  while (current !== undefined) {
    const seen = visited.indexOf(current);
    if (seen >= 0) return { visited, cycle: [...visited.slice(seen), current], complete: false };
    if (!docs.has(current)) return { visited, complete: false };
    visited.push(current);
    current = next(current);
  }
  return { visited, complete: true };
}

function reportCycle(
  cycle: string[],
  what: string,
  docs: ReadonlyMap<string, YamlDoc>,
  keyPath: string[],
  reported: Set<string>,
  errors: ConfigError[],
): void {
  const members = cycle.slice(0, -1);
  const id = [...members].sort().join(',');
  if (reported.has(id)) return;
  reported.add(id);
  const first = [...members].sort()[0];
  const i = members.indexOf(first);
  const rotated = [...members.slice(i), ...members.slice(0, i), first];
  const doc = docs.get(first)!;
  errors.push(new ConfigError({ file: doc.file, line: doc.lineOf(keyPath) }, `${what} cycle: ${rotated.join(' → ')}`, 'a chain that ends at an environment without one'));
}
