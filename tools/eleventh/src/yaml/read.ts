/**
 * Read one hand-written YAML file and keep the line of every key, so a config error or a resolved value
 * can name `file:line`. Parsing only; what the value must look like is config/'s job.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ConfigError } from '../errors';

export interface YamlDoc {
  /** Repository-relative path (POSIX separators). */
  readonly file: string;
  /** The plain JavaScript value (`null` for an empty file). */
  readonly value: unknown;
  /** 1-based line of the key (or list item) at `path`; the document's first line for `[]`. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Read `root/relPath` and parse it. Unreadable or malformed files throw ConfigError. */
export function readYamlFile(root: string, relPath: string): YamlDoc {
  let text: string;
  try {
    text = readFileSync(join(root, relPath), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new ConfigError({ file: relPath }, `cannot read file (${code})`, 'a readable YAML file', { cause: err });
  }
  return parseYaml(text, relPath);
}

/** Parse YAML text that came from `relPath`. */
export function parseYaml(text: string, relPath: string): YamlDoc {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, merge: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    const what = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError({ file: relPath, line }, `malformed YAML: ${what}`, undefined, { cause: first });
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 }) ?? null;
  const contents = doc.contents as Node | null;
  const lineAt = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;
  return {
    file: relPath,
    value,
    lineOf: (path) => lineOfPath(contents, path, lineAt),
  };
}

function lineOfPath(
  root: Node | null,
  path: readonly (string | number)[],
  lineAt: (offset: number | undefined) => number | undefined,
): number | undefined {
  let node: unknown = root;
  let line = root ? lineAt(root.range?.[0]) : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) return undefined;
      line = lineAt((pair.key as Node | null)?.range?.[0]) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return undefined;
      line = lineAt(item.range?.[0]) ?? line;
      node = item;
    } else {
      return undefined;
    }
  }
  return line;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}
