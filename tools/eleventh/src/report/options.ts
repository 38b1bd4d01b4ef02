/** Checks of the report commands' option values: `--now DATE` and `--commit-url`. */
import { UsageError } from '../errors';

export function parseNow(command: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new UsageError(`${command}: --now '${text}' is not a date (expected ISO 8601, e.g. 2026-03-01T12:00:00Z)`);
  return Math.floor(t / 1000);
}

/** `--commit-url` must be an http(s) URL with `{sha}` (as the schema requires of report.commitUrl). */
export function checkCommitUrl(command: string, url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (!/^https?:\/\/[^\s"'<>]*\{sha\}[^\s"'<>]*$/.test(url)) throw new UsageError(`${command}: --commit-url '${url}' is not a URL template (expected http(s)://… containing {sha})`);
  return url;
}
