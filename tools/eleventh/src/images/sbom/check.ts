/**
 * Does a pushed SBOM describe its pin? Its metadata names the service at the pin, and its npm and library
 * components are the pin's locked inputs: exactly those (as buildSbom lists them) when the inputs are known
 * (the pin is current), else each one as package-lock.json locks it at the pin. The base image component is
 * not re-derived here (platform/images.yaml names it; its digest is in the image itself).
 */
import { libraryComponent, npmComponent, serviceRef } from './build';
import type { LockedPackage, SbomLibrary } from './model';

type Component = Record<string, unknown>;

export interface SbomExpectation {
  readonly service: string;
  readonly pin: string;
  /** The exact packages and libraries of the pin, when known. */
  readonly exact?: { readonly packages: readonly LockedPackage[]; readonly libraries: readonly SbomLibrary[] };
  /** package-lock.json at the pin: name@version → the locked package (integrity, resolved). */
  readonly locked: (name: string, version: string) => LockedPackage | undefined;
}

/** JSON with keys sorted at every depth: two components are equal when their canonical texts are. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
const isInput = (c: Component): boolean => String(c.purl ?? '').startsWith('pkg:npm/') || String(c['bom-ref'] ?? '').startsWith('project:');
const fullName = (c: Component): string => (typeof c.group === 'string' && c.group ? `${c.group}/${String(c.name)}` : String(c.name));

function metadataProblems(bom: Record<string, unknown>, e: SbomExpectation): string[] {
  const meta = (bom.metadata ?? {}) as { component?: { name?: unknown; version?: unknown; 'bom-ref'?: unknown } };
  const c = meta.component;
  if (bom.bomFormat !== 'CycloneDX') return ['is not a CycloneDX document'];
  if (c?.name !== e.service || c?.version !== e.pin) return [`describes ${String(c?.name)}@${String(c?.version)}, not ${e.service}@${e.pin}`];
  return c['bom-ref'] === serviceRef(e.service, e.pin) ? [] : [`its metadata.component bom-ref is '${String(c['bom-ref'])}' (expected '${serviceRef(e.service, e.pin)}')`];
}

function exactProblems(have: Component[], e: SbomExpectation): string[] {
  const want = [...e.exact!.packages.map(npmComponent), ...e.exact!.libraries.map((l) => libraryComponent(l, e.pin))];
  const haveSet = new Map(have.map((c) => [canonical(c), c]));
  const wantSet = new Map(want.map((c) => [canonical(c), c]));
  const missing = [...wantSet].filter(([k]) => !haveSet.has(k)).map(([, c]) => String(c['bom-ref']));
  const extra = [...haveSet].filter(([k]) => !wantSet.has(k)).map(([, c]) => String(c['bom-ref']));
  return [...(missing.length ? [`lacks ${missing.sort().join(', ')} (the pin's locked inputs)`] : []), ...(extra.length ? [`lists ${extra.sort().join(', ')}, which the pin's locked inputs do not have (or not so)`] : [])];
}

function lockedProblems(have: Component[], e: SbomExpectation): string[] {
  return have.flatMap((c) => {
    if (String(c['bom-ref']).startsWith('project:')) return c.version === e.pin ? [] : [`library ${String(c.name)} is at ${String(c.version)} (expected the pin ${e.pin})`];
    const locked = e.locked(fullName(c), String(c.version));
    if (!locked?.integrity) return [`${String(c.purl)} is not locked in package-lock.json at the pin`];
    return canonical(npmComponent(locked)) === canonical(c) ? [] : [`${String(c.purl)} differs from package-lock.json at the pin (hashes or source)`];
  });
}

/** What is wrong with `bom` as the SBOM of `e.service` at `e.pin` (empty when nothing). */
export function sbomProblems(bom: Record<string, unknown>, e: SbomExpectation): string[] {
  const meta = metadataProblems(bom, e);
  if (meta.length > 0) return meta;
  const components = Array.isArray(bom.components) ? (bom.components as Component[]).filter((c) => c && typeof c === 'object' && isInput(c)) : [];
  return e.exact ? exactProblems(components, e) : lockedProblems(components, e);
}
