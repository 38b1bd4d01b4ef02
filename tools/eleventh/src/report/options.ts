/** Checks of the report commands' option values: `--now DATE` and `--commit-url`. */
import { UsageError } from '../errors';
import { INSTANT_EXPECTED, parseInstant } from '../instant';

export function parseNow(command: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = parseInstant(text);
  if (t === undefined) throw new UsageError(`${command}: --now '${text}' is not a date (expected ${INSTANT_EXPECTED})`);
  return Math.floor(t / 1000);
}

/** `--commit-url` must be an http(s) URL with `{sha}` (as the schema requires of report.commitUrl). */
export function checkCommitUrl(command: string, url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (!/^https?:\/\/[^\s"'<>]*\{sha\}[^\s"'<>]*$/.test(url)) throw new UsageError(`${command}: --commit-url '${url}' is not a URL template (expected http(s)://… containing {sha})`);
  return url;
}
