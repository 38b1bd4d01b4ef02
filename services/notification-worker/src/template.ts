/** Notification templates: `{{name}}` placeholders filled from variables; a missing one is an error. */

export type Variables = Readonly<Record<string, string | number>>;

/** The template uses variables the caller did not give; lists all of them. */
export class MissingVariableError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(`template: missing variable${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')}`);
    this.name = 'MissingVariableError';
  }
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The distinct placeholder names of `template`, in order of first use. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** Fills every placeholder; throws MissingVariableError naming every absent variable. */
export function render(template: string, variables: Variables): string {
  const missing = placeholders(template).filter((name) => !(name in variables));
  if (missing.length > 0) throw new MissingVariableError(missing);
  return template.replace(PLACEHOLDER, (_, name: string) => String(variables[name]));
}
