/**
 * YAML the generators write (hand-written files they start, CI pipelines) comes out of the engine's one
 * emitter (@eleventh/cli `emitYaml`: tools/eleventh/src/yaml/emit.ts), so a file a generator wrote and one
 * the engine renders read the same: block style, lists at their key's indentation, the same quoting.
 */
import { emitYaml } from '@eleventh/cli';

/** The YAML document for `value`; `comment` (lines without `#`) goes first, one `#` line each. */
export function toYaml(value: unknown, comment?: string): string {
  const header = comment === undefined ? undefined : comment.split('\n').map((line) => `#${line}`).join('\n');
  return emitYaml(value, { header });
}
