/**
 * How far V8 lets a heap grow past what survived its last full collection before it collects again:
 * ELEVENTH_HEAP_GROWING_PERCENT (a whole number from 0 to 1000; default 100, a heap twice its live size;
 * 0 leaves V8's own choice). V8 otherwise lets a heap grow up to four times its live size, and a render
 * worker's chunks leave most of what they made behind: at 5,000 services each worker held ~200 MiB, of
 * which ~60 MiB was live, and the CLI's process peaked at ~1,000 MiB (tools/bench/README.md, the twelfth
 * session). One setting for the whole process tree: the CLI applies it to its own process, and so to its
 * render workers (V8's flags are the process's), and passes it to the Nx graph process it starts.
 *
 * Only the `eleventh` command sets it: a program that imports the engine keeps its own V8 settings.
 */
import { setFlagsFromString } from 'node:v8';
import { UsageError } from './errors';

export const HEAP_GROWING_VARIABLE = 'ELEVENTH_HEAP_GROWING_PERCENT';
export const DEFAULT_HEAP_GROWING_PERCENT = 100;
const MAX_PERCENT = 1000;

/** The setting, checked: a malformed value is a usage error (exit 2). */
export function heapGrowingPercent(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[HEAP_GROWING_VARIABLE];
  const text = raw?.trim() ?? '';
  if (text === '') return DEFAULT_HEAP_GROWING_PERCENT;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > MAX_PERCENT) {
    throw new UsageError(`${HEAP_GROWING_VARIABLE}='${raw}' is not a percentage (expected a whole number from 0 to ${MAX_PERCENT}, e.g. 100; 0 leaves V8's own choice; default ${DEFAULT_HEAP_GROWING_PERCENT})`);
  }
  return value;
}

/** The V8 option for a Node child process (the Nx graph process); none when the setting is 0 or malformed. */
export function heapGrowingArgs(env: NodeJS.ProcessEnv = process.env): string[] {
  let percent: number;
  try {
    percent = heapGrowingPercent(env);
  } catch {
    return []; // the command's own check (applyHeapGrowing) reports it
  }
  return percent > 0 ? [`--heap-growing-percent=${percent}`] : [];
}

/**
 * Set the option for this process, before any render worker starts. V8 reads it each time it sizes a heap
 * after a full collection, so setting it while the process runs takes effect from the next one.
 */
export function applyHeapGrowing(env: NodeJS.ProcessEnv = process.env): void {
  const percent = heapGrowingPercent(env);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
