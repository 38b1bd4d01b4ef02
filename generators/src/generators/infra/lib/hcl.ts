/** HCL values for a .tfvars file: built from data, never from string templates of the values. */
import type { ConfigMap, ConfigValue } from './merge';

export function hclValue(value: ConfigValue): string {
  if (Array.isArray(value)) return `[${value.map(hclValue).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as ConfigMap).map(([k, v]) => `${k} = ${hclValue(v)}`);
    return `{ ${entries.join(', ')} }`;
  }
  // JSON string escapes are valid HCL; `${` would start an interpolation, so escape it.
  return typeof value === 'string' ? JSON.stringify(value).replace(/\$\{/g, '$${') : String(value);
}

/** `key = value` lines, aligned like `terraform fmt` does. */
export function tfvars(header: string, config: ConfigMap): string {
  const width = Math.max(...Object.keys(config).map((k) => k.length));
  const lines = Object.entries(config).map(([k, v]) => `${k.padEnd(width)} = ${hclValue(v)}`);
  return `${header}\n${lines.join('\n')}\n`;
}
