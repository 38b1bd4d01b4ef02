/**
 * Where each service's entry starts in a recipe.yaml (1-based lines), so a finding about one entry can name
 * its line. Reads the layout the engine writes and a hand edit alike: `services:` at the top level, one
 * two-space-indented key per service (plain or quoted).
 */
const ENTRY = /^ {2}("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"][^:#]*):\s*(?:#.*)?$/;

function keyOf(raw: string): string {
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw.trimEnd();
}

/** service name → the line of its `  <name>:` key under `services:`. */
export function serviceLines(text: string): Map<string, number> {
  const lines = text.split('\n');
  const out = new Map<string, number>();
  let inServices = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\S/.test(line)) {
      inServices = /^services:\s*(?:#.*)?$/.test(line);
      continue;
    }
    if (!inServices) continue;
    const m = ENTRY.exec(line);
    if (m && !out.has(keyOf(m[1]!))) out.set(keyOf(m[1]!), i + 1);
  }
  return out;
}
