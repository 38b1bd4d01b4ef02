/**
 * Reads back a file the engine itself emitted (yaml/emit.ts), about ten times faster than a general YAML
 * parser: the environment policies read the kept services of the namespaces they re-check from disk
 * (policy/view.ts). It knows only the emitter's own shapes — block maps and lists at its indentation, plain,
 * JSON-quoted and literal scalars, `{}` and `[]` — and it proves each answer: the value it read is emitted
 * again and must give the file byte for byte. Since the emitter writes one text per value, that value is the
 * one a YAML parser would read. Anything else (a file edited by hand, a shape it does not know) returns
 * undefined, and generatedValues (below) parses the file with the `yaml` package instead.
 */
import { parseAllDocuments } from 'yaml';
import { emitYaml } from '../yaml/emit';

const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;

class Unknown extends Error {}

class Reader {
  i = 0;
  constructor(readonly lines: readonly string[]) {}

  /** The node whose text starts at column `col` of the current line; its other lines are indented by `pad`. */
  node(col: number, pad: number): unknown {
    const text = this.lines[this.i].slice(col);
    if (text.startsWith('- ')) return this.seq(col, pad);
    if (keyEnd(text) !== undefined) return this.map(col, pad);
    this.i++;
    return scalar(text);
  }

  private seq(col: number, pad: number): unknown[] {
    const out: unknown[] = [];
    const prefix = ' '.repeat(pad) + '- ';
    for (let first = true; ; first = false) {
      if (!first) {
        if (this.i >= this.lines.length || !this.lines[this.i].startsWith(prefix)) return out;
        col = pad;
      }
      out.push(this.value(col + 2, pad + 2));
    }
  }

  private map(col: number, pad: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const prefix = ' '.repeat(pad);
    for (let first = true; ; first = false) {
      if (!first) {
        const line = this.lines[this.i];
        if (line === undefined || !line.startsWith(prefix) || line.charCodeAt(pad) === 0x20 || line.startsWith('- ', pad)) return out;
        col = pad;
      }
      const text = this.lines[this.i].slice(col);
      const end = keyEnd(text);
      if (end === undefined) throw new Unknown();
      const key = text[0] === '"' ? (JSON.parse(text.slice(0, end)) as string) : text.slice(0, end);
      const rest = text.slice(end + 1);
      if (rest === '') {
        this.i++;
        const next = this.lines[this.i] ?? '';
        if (next.startsWith(`${prefix}- `)) out[key] = this.seq(pad, pad);
        else if (next.startsWith(`${prefix}  `) && next.charCodeAt(pad + 2) !== 0x20) out[key] = this.node(pad + 2, pad + 2);
        else throw new Unknown();
      } else if (rest.startsWith(' |')) out[key] = this.literal(rest.slice(1), pad + 2);
      else {
        this.i++;
        out[key] = scalar(rest.slice(1));
      }
    }
  }

  /** The value after `- `: a literal, or a node. */
  private value(col: number, pad: number): unknown {
    const text = this.lines[this.i].slice(col);
    if (text.startsWith('|')) return this.literal(text, pad);
    return this.node(col, pad);
  }

  /** `|`, `|-` or `|+`, then lines indented by `pad` (empty lines are empty). */
  private literal(head: string, pad: number): string {
    const chomp = head.slice(1);
    if (chomp !== '' && chomp !== '-' && chomp !== '+') throw new Unknown();
    const prefix = ' '.repeat(pad);
    const body: string[] = [];
    for (this.i++; this.i < this.lines.length; this.i++) {
      const line = this.lines[this.i];
      if (line === '') body.push('');
      else if (line.startsWith(prefix)) body.push(line.slice(pad));
      else break;
    }
    return body.join('\n') + (chomp === '-' ? '' : '\n');
  }
}

/** Where a key ends (its `:`), when `text` starts with a key. */
function keyEnd(text: string): number | undefined {
  if (text[0] === '"') {
    for (let i = 1; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return text[i + 1] === ':' && (i + 2 === text.length || text[i + 2] === ' ') ? i + 1 : undefined;
    }
    return undefined;
  }
  if (text[0] === '?' || text[0] === '{' || text[0] === '[') return undefined;
  const sep = text.indexOf(': ');
  if (sep > 0) return sep;
  return text.endsWith(':') && text.length > 1 ? text.length - 1 : undefined;
}

function scalar(text: string): unknown {
  if (text === 'null') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === '{}') return {};
  if (text === '[]') return [];
  if (text[0] === '"') return JSON.parse(text) as string;
  if (NUMBER.test(text)) return Number(text);
  return text;
}

/** The value of an engine-emitted file with comment header `header`, or undefined when it is not one (see above). */
export function readOwnYaml(text: string, header: string): unknown {
  if (!text.startsWith(`${header}\n`) || !text.endsWith('\n')) return undefined;
  const lines = text.slice(header.length + 1, -1).split('\n');
  let value: unknown;
  try {
    const reader = new Reader(lines);
    value = reader.node(0, 0);
    if (reader.i !== lines.length) return undefined;
  } catch {
    return undefined;
  }
  return emitYaml(value, { header }) === text ? value : undefined;
}

/**
 * Every document's value in a generated file: read by readOwnYaml when the file is exactly as the engine
 * emits it, by the `yaml` package otherwise (a hand edit, several documents, a shape the reader does not know).
 */
export function generatedValues(text: string, header: string): unknown[] {
  const own = readOwnYaml(text, header);
  if (own !== undefined) return [own];
  return parseAllDocuments(text).flatMap((d) => ('toJS' in d ? [d.toJS() as unknown] : []));
}
