/**
 * The matrix as the page's script reads it: compact, because at 5,000 services × 4 environments the
 * page carries every cell. Pins are listed once and cells refer to them by index.
 */
import type { ReportData } from './model';

export interface PageData {
  /** Environment names, bases ('' for none) and commit URL templates ('' for none), column order. */
  readonly envs: readonly string[];
  readonly bases: readonly string[];
  readonly urls: readonly string[];
  readonly namespaces: readonly string[];
  readonly teams: readonly string[];
  readonly pins: readonly string[];
  /** Per environment, per timeline index: `kind tag|short-sha time`. */
  readonly changes: ReadonlyArray<readonly string[]>;
  /** `[name, namespace index, cells…]`; a cell is 0 (absent) or `[pin index, age s, state, image digest, last change index]`. */
  readonly rows: ReadonlyArray<readonly unknown[]>;
}

const STATE = { base: 'b', same: 's', differs: 'd', extra: 'e' } as const;

export function pageData(data: ReportData): PageData {
  const pinIndex = new Map<string, number>();
  const pins: string[] = [];
  const pin = (sha: string): number => {
    let i = pinIndex.get(sha);
    if (i === undefined) pinIndex.set(sha, (i = pins.push(sha) - 1));
    return i;
  };
  const envs = data.environments.map((e) => e.name);
  const nsIndex = new Map(data.namespaces.map((n, i) => [n.name, i]));
  const rows = data.services.map((s) => [
    s.name,
    nsIndex.get(s.namespace) ?? -1,
    ...envs.map((env) => {
      const c = s.cells[env];
      return c ? [pin(c.pin), c.age, STATE[c.state], c.imageDigest ?? '', c.last ?? -1] : 0;
    }),
  ]);
  return {
    envs,
    bases: data.environments.map((e) => e.base ?? ''),
    urls: data.environments.map((e) => e.commitUrl ?? ''),
    namespaces: data.namespaces.map((n) => n.name),
    teams: data.namespaces.map((n) => n.team),
    pins,
    changes: data.environments.map((e) => e.timeline.map((c) => `${c.kind} ${c.tag ?? c.commit.slice(0, 12)} ${c.time}`)),
    rows,
  };
}

/** JSON safe inside `<script type="application/json">`. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
