/** Text shared by the page and the Markdown twin: durations, short SHAs, commit links. */

/** `3d 4h`, `5h 12m`, `42m`, `30s`: the largest unit and the next one when it is not zero. */
export function formatDuration(sec: number): string {
  const units: Array<[string, number]> = [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = Math.max(0, Math.floor(sec));
  for (const [u, n] of units) {
    if (parts.length === 2) break;
    const q = Math.floor(rest / n);
    rest -= q * n;
    if (q > 0) parts.push(`${q}${u}`);
    else if (parts.length > 0) break;
  }
  return parts.length > 0 ? parts.join(' ') : '0s';
}

export const short = (sha: string): string => sha.slice(0, 12);

/** The commit's URL from a `{sha}` template, or undefined without one. */
export function commitLink(template: string | undefined, sha: string): string | undefined {
  return template ? template.split('{sha}').join(sha) : undefined;
}

/** HTML text and attribute escaping. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
