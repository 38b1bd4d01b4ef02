/**
 * buildSbom: a CycloneDX 1.6 JSON bill of materials for one service's image, made of plain objects in a
 * fixed key order from the pin's locked inputs alone — the npm packages its code imports (purl, SRI hashes
 * as hex), its libraries, the base image (`pkg:oci/…@sha256:…`) — so the same pin gives the same bytes:
 * the timestamp is the pin commit's time and the serial number a name-based UUID of the content.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYCLONEDX_SPEC, type LockedPackage, type SbomInput, type SbomLibrary } from './model';
import { npmPurl, ociPurl } from './purl';

type Json = Record<string, unknown>;

const ALGORITHMS: Readonly<Record<string, string>> = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

/** `sha512-<base64> sha1-<base64>` → CycloneDX hashes (hex), strongest first as written. */
export function integrityHashes(integrity: string | undefined): Array<{ alg: string; content: string }> {
  return (integrity ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((sri) => {
      const dash = sri.indexOf('-');
      const alg = ALGORITHMS[sri.slice(0, dash)];
      return alg ? [{ alg, content: Buffer.from(sri.slice(dash + 1).split('?')[0]!, 'base64').toString('hex') }] : [];
    });
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function npmComponent(p: LockedPackage): Json {
  const purl = npmPurl(p.name, p.version);
  const scoped = p.name.startsWith('@');
  const hashes = integrityHashes(p.integrity);
  return {
    type: 'library',
    'bom-ref': purl,
    ...(scoped ? { group: p.name.slice(0, p.name.indexOf('/')) } : {}),
    name: scoped ? p.name.slice(p.name.indexOf('/') + 1) : p.name,
    version: p.version,
    ...(hashes.length > 0 ? { hashes } : {}),
    purl,
    ...(p.resolved ? { externalReferences: [{ type: 'distribution', url: p.resolved }] } : {}),
  };
}

export const libraryRef = (name: string): string => `project:${name}`;

export function libraryComponent(l: SbomLibrary, pin: string): Json {
  return { type: 'library', 'bom-ref': libraryRef(l.name), name: l.name, version: pin, properties: [{ name: 'eleventh:root', value: l.root }] };
}

function baseComponent(ref: string): Json {
  const oci = ociPurl(ref);
  return { type: 'container', 'bom-ref': oci.purl, name: oci.name, version: oci.digest, hashes: [{ alg: 'SHA-256', content: oci.digest.slice('sha256:'.length) }], purl: oci.purl };
}

/** The components of an input, sorted by bom-ref (what verify compares a pushed SBOM with). */
export function sbomComponents(input: SbomInput): Json[] {
  const packages = [...new Map(input.packages.map((p) => [`${p.name}@${p.version}`, p])).values()];
  return [...packages.map(npmComponent), ...input.libraries.map((l) => libraryComponent(l, input.pin)), ...(input.base ? [baseComponent(input.base)] : [])].sort((a, b) => cmp(String(a['bom-ref']), String(b['bom-ref'])));
}

export const serviceRef = (service: string, pin: string): string => `service:${service}@${pin}`;

let cliVersion: string | undefined;
function toolVersion(): string {
  cliVersion ??= (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  return cliVersion;
}

/** RFC 4122 version-5 UUID (SHA-1, URL namespace) of `name`. */
export function uuidV5(name: string): string {
  const ns = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const h = createHash('sha1').update(ns).update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The SBOM as a document (before serialisation). */
export function sbomDocument(input: SbomInput): Json {
  if (!/^[0-9a-f]{40}$/.test(input.pin)) throw new Error(`buildSbom: pin '${input.pin}' is not a 40-hex commit`);
  if (Number.isNaN(Date.parse(input.time))) throw new Error(`buildSbom: time '${input.time}' is not an ISO 8601 time`);
  const components = sbomComponents(input);
  const self = serviceRef(input.service, input.pin);
  const metadata = {
    timestamp: new Date(input.time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    tools: { components: [{ type: 'application', group: '@eleventh', name: 'cli', version: input.toolVersion ?? toolVersion() }] },
    component: { type: 'application', 'bom-ref': self, name: input.service, version: input.pin, ...(input.inputs ? { properties: [{ name: 'eleventh:inputs', value: input.inputs }] } : {}) },
  };
  const dependencies = [{ ref: self, dependsOn: components.map((c) => c['bom-ref']) }, ...components.map((c) => ({ ref: c['bom-ref'], dependsOn: [] }))];
  const body = { metadata, components, dependencies };
  const serial = `urn:uuid:${uuidV5(`eleventh:sbom:${input.service}:${input.pin}:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`)}`;
  return { $schema: `http://cyclonedx.org/schema/bom-${CYCLONEDX_SPEC}.schema.json`, bomFormat: 'CycloneDX', specVersion: CYCLONEDX_SPEC, serialNumber: serial, version: 1, ...body };
}

/** The SBOM's bytes: CycloneDX 1.6 JSON, two-space indented, newline-terminated; byte-identical for the same input. */
export function buildSbom(input: SbomInput): Buffer {
  return Buffer.from(`${JSON.stringify(sbomDocument(input), null, 2)}\n`);
}
