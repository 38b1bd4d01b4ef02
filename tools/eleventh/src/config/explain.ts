/**
 * `eleventh explain ENV/NS/SVC [key]`: every resolved leaf with the file:line that set it and the values
 * it overrode, nearest first.
 */
import { ConfigError } from '../errors';
import type { Provenance } from '../model';
import type { ConfigSet } from './load';
import { didYouMean } from './suggest';

/** The leaves to show: all, or `key` itself, or the subtree under it. Unknown key → ConfigError. */
function selected(config: ConfigSet, env: string, ns: string, svc: string, key?: string): Array<[string, Provenance]> {
  const all = [...config.service(env, ns, svc).provenance.entries()];
  if (key === undefined) return all;
  const chosen = all.filter(([k]) => k === key || k.startsWith(`${key}.`));
  if (chosen.length > 0) return chosen;
  const keys = new Set<string>();
  for (const [k] of all) k.split('.').forEach((_, i, parts) => keys.add(parts.slice(0, i + 1).join('.')));
  throw new ConfigError({ file: `${env}/${ns}/${svc}` }, `unknown key '${key}'${didYouMean(key, keys)}`, `one of: ${[...keys].sort().join(', ')}`);
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function origin(o: { file: string; line?: number }): string {
  return o.line ? `${o.file}:${o.line}` : o.file;
}

export function explain(config: ConfigSet, env: string, ns: string, svc: string, key?: string): string {
  const rows: Array<[string, string]> = [];
  for (const [k, p] of selected(config, env, ns, svc, key)) {
    rows.push([`${k}: ${show(p.value)}`, origin(p)]);
    for (const o of p.overrode) rows.push([`  overrode ${show(o.value)}`, origin(o)]);
  }
  const width = Math.max(0, ...rows.map(([left]) => left.length)) + 3;
  return [`${env}/${ns}/${svc}`, ...rows.map(([left, right]) => left.padEnd(width) + right)].join('\n') + '\n';
}

export function explainJson(config: ConfigSet, env: string, ns: string, svc: string, key?: string): object {
  const values: Record<string, unknown> = {};
  for (const [k, p] of selected(config, env, ns, svc, key)) {
    values[k] = {
      value: p.value,
      file: p.file,
      ...(p.line ? { line: p.line } : {}),
      overrode: p.overrode.map((o) => ({ value: o.value, file: o.file, ...(o.line ? { line: o.line } : {}) })),
    };
  }
  return { environment: env, namespace: ns, service: svc, ...(key === undefined ? {} : { key }), values };
}
