/**
 * Where in a deploy.ts an error happened: the first stack frame in that file, in the source's lines (a file
 * run from the code cache is mapped here with the map the TypeScript hook kept, load/ts-hook.js; any other
 * file's stack lines are mapped by Node, since the hook emits inline source maps and enables them), or the
 * line SWC points at for a syntax error.
 */
import Module from 'node:module';

const { sourcePosition } = Module.createRequire(__filename)('./ts-hook.js') as {
  sourcePosition: (filename: string, line: number, column: number) => { line: number; column: number } | undefined;
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The 1-based line of the first frame of `err`'s stack inside `absFile`, if any. */
export function lineOf(err: unknown, absFile: string): number | undefined {
  const stack = err instanceof Error ? err.stack : undefined;
  if (!stack) return undefined;
  const match = new RegExp(`${escape(absFile)}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return undefined;
  const line = Number(match[1]);
  return sourcePosition(absFile, line, Number(match[2]))?.line ?? line;
}

/**
 * SWC's parse error for `absFile`: its first line (`x Expression expected`) and the line its `^` marker
 * sits under (the snippet's numbered line just before the marker).
 */
export function swcSyntaxError(err: unknown, absFile: string): { message: string; line?: number } | undefined {
  const text = err instanceof Error ? err.message : typeof err === 'string' ? err : undefined;
  if (!text || !text.includes('Syntax Error') || !text.includes(absFile)) return undefined;
  const lines = text.split('\n');
  const message = lines[0].replace(/^\s*[x×]\s*/, '').trim();
  let line: number | undefined;
  for (const l of lines) {
    const numbered = /^\s*(\d+) \|/.exec(l);
    if (numbered) line = Number(numbered[1]);
    else if (/^\s*[:·]\s*\^/.test(l)) break;
  }
  return { message, line };
}

/** The 1-based line of `source` that imports `specifier` (`from 'x'`, `import 'x'`, `require('x')`), if any. */
export function importLine(source: string, specifier: string): number | undefined {
  const quoted = `['"]${escape(specifier)}['"]`;
  const pattern = new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*|\\brequire\\s*\\(\\s*)${quoted}`);
  const index = source.split('\n').findIndex((l) => pattern.test(l));
  return index < 0 ? undefined : index + 1;
}
