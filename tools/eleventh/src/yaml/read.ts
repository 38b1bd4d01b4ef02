/**
 * Read one hand-written YAML file and keep the line of every key, so a config error or a resolved value
 * can name `file:line`. Parsing only; what the value must look like is config/'s job.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ConfigError } from '../errors';
import { readHandWrittenIfPresent } from '../hand-written/read';

/** More aliases than this in one file is refused (a "billion laughs" file expands exponentially). */
export const MAX_ALIASES = 100;

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
  const text = readHandWrittenIfPresent(root, relPath);
  if (text === undefined) throw new ConfigError({ file: relPath }, 'cannot read file (ENOENT)', 'a readable YAML file');
  return parseYaml(text, relPath);
}

/** Parse YAML text that came from `relPath`. */
export function parseYaml(text: string, relPath: string): YamlDoc {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, merge: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    throw new ConfigError({ file: relPath, line }, `malformed YAML: ${describeParseError(first.message)}`, undefined, { cause: first });
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new ConfigError({ file: relPath, line: lineCounter.linePos(nul).line }, 'contains a NUL byte: binary data, not YAML text', 'a UTF-8 text file');
  const contents = doc.contents as Node | null;
  const lineAt = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;
  const value = toValue(doc, relPath, () => lineAt(firstAlias(contents)?.range?.[0]));
  return {
    file: relPath,
    value,
    lineOf: (path) => lineOfPath(contents, path, lineAt),
  };
}

function describeParseError(message: string): string {
  const what = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (/Maximum call stack/.test(what)) return 'nested too deeply';
  if (/multiple documents/.test(what)) return "a second document ('---'); one file holds one YAML document";
  return what;
}

function toValue(doc: ReturnType<typeof parseDocument>, relPath: string, aliasLine: () => number | undefined): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? null;
  } catch (err) {
    // yaml throws a ReferenceError for too many aliases; deep nesting can overflow the stack (RangeError).
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      throw new ConfigError({ file: relPath, line: aliasLine() }, `too many YAML aliases (over ${MAX_ALIASES} expansions)`, 'plain values; anchors and aliases only for a few repeated blocks', { cause: err });
    }
    if (err instanceof RangeError) throw new ConfigError({ file: relPath }, 'YAML nested too deeply', 'a configuration file a few levels deep', { cause: err });
    throw err;
  }
}

/** The first alias (`*name`) in the document, depth first. */
function firstAlias(node: unknown): Node | undefined {
  if (isAlias(node)) return node;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      const found = isPair(item) ? (firstAlias(item.key) ?? firstAlias(item.value)) : firstAlias(item);
      if (found) return found;
    }
  }
  return undefined;
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
