import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { describe, expect, it } from 'vitest';
import { buildSbom, integrityHashes, uuidV5 } from './build';
import type { SbomInput } from './model';
import { npmPurl, ociPurl } from './purl';

const PIN = 'a'.repeat(40);
const BASE = `127.0.0.1:5000/eleventh-test/node:20.20.2@sha256:${'b'.repeat(64)}`;
const input: SbomInput = {
  service: 'payments-api',
  pin: PIN,
  time: '2026-01-01T10:20:30+02:00',
  inputs: 'c'.repeat(64),
  packages: [
    { name: 'yaml', version: '2.9.1', integrity: 'sha512-RIT28sp1U0PCHaaeF3yNRwk6Jig/XJ8UsYAVOMYaHQ+0VVOvsjcp0PTWQFLUqJFF8XMud+Kdq6G+wtDAh+QJFA==', resolved: 'https://registry.npmjs.org/yaml/-/yaml-2.9.1.tgz' },
    { name: '@scope/lib', version: '1.0.0-rc.1' },
  ],
  libraries: [{ name: 'shared-runtime', root: 'services/shared/runtime' }],
  base: BASE,
  toolVersion: '0.2.0',
};

const official = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

describe('buildSbom', () => {
  it('is valid against the official CycloneDX 1.6 JSON schema (strict)', async () => {
    const errors = await official.validate(buildSbom(input).toString('utf8'));
    expect(errors).toBeNull();
    expect(await official.validate(buildSbom({ ...input, packages: [], libraries: [], base: undefined, inputs: undefined }).toString('utf8'))).toBeNull();
  });

  it('gives byte-identical output for the same input, whatever the order of its lists', () => {
    const again = buildSbom({ ...input, packages: [...input.packages].reverse(), libraries: [...input.libraries] });
    expect(again.equals(buildSbom(input))).toBe(true);
  });

  it('has no wall-clock time: the timestamp is the pin time in UTC, the serial number a v5 UUID of the content', () => {
    const doc = JSON.parse(buildSbom(input).toString('utf8'));
    expect(doc.metadata.timestamp).toBe('2026-01-01T08:20:30Z');
    expect(doc.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const other = JSON.parse(buildSbom({ ...input, packages: input.packages.slice(0, 1) }).toString('utf8'));
    expect(other.serialNumber).not.toBe(doc.serialNumber);
  });

  it('describes the service at its pin and lists packages, libraries and the base image', () => {
    const doc = JSON.parse(buildSbom(input).toString('utf8'));
    expect(doc.metadata.component).toEqual({ type: 'application', 'bom-ref': `service:payments-api@${PIN}`, name: 'payments-api', version: PIN, properties: [{ name: 'eleventh:inputs', value: 'c'.repeat(64) }] });
    expect(doc.components.map((c: { 'bom-ref': string }) => c['bom-ref'])).toEqual([`pkg:npm/%40scope/lib@1.0.0-rc.1`, 'pkg:npm/yaml@2.9.1', `pkg:oci/node@sha256%3A${'b'.repeat(64)}?repository_url=127.0.0.1:5000/eleventh-test/node&tag=20.20.2`, 'project:shared-runtime']);
    const yaml = doc.components.find((c: { name: string }) => c.name === 'yaml');
    expect(yaml.hashes).toEqual([{ alg: 'SHA-512', content: Buffer.from('RIT28sp1U0PCHaaeF3yNRwk6Jig/XJ8UsYAVOMYaHQ+0VVOvsjcp0PTWQFLUqJFF8XMud+Kdq6G+wtDAh+QJFA==', 'base64').toString('hex') }]);
    expect(doc.components.find((c: { name: string }) => c.name === 'lib').group).toBe('@scope');
    expect(doc.dependencies[0]).toEqual({ ref: `service:payments-api@${PIN}`, dependsOn: doc.components.map((c: { 'bom-ref': string }) => c['bom-ref']) });
  });

  it('refuses a pin that is not a full SHA and a time that is not one', () => {
    expect(() => buildSbom({ ...input, pin: 'main' })).toThrow("buildSbom: pin 'main' is not a 40-hex commit");
    expect(() => buildSbom({ ...input, time: 'yesterday' })).toThrow("buildSbom: time 'yesterday' is not an ISO 8601 time");
  });
});

describe('purls, hashes, UUIDs', () => {
  it.each([
    ['yaml', '2.9.1', 'pkg:npm/yaml@2.9.1'],
    ['@nx/devkit', '24.0.0', 'pkg:npm/%40nx/devkit@24.0.0'],
  ])('npm %s@%s → %s', (name, version, purl) => expect(npmPurl(name, version)).toBe(purl));

  it('oci purl of a base with a digest; a floating one is refused', () => {
    expect(ociPurl(BASE).digest).toBe(`sha256:${'b'.repeat(64)}`);
    expect(() => ociPurl('registry.example.com/node:20')).toThrow("base image 'registry.example.com/node:20' has no digest");
  });

  it('turns SRI strings into hex hashes and skips unknown algorithms', () => {
    expect(integrityHashes('sha1-AAAA md5-xx')).toEqual([{ alg: 'SHA-1', content: '000000' }]);
    expect(integrityHashes(undefined)).toEqual([]);
  });

  it('makes the RFC 4122 v5 UUID of a name in the URL namespace (as Python uuid.uuid5 does)', () => {
    expect(uuidV5('https://eleventh.dev/')).toBe('aa8009f9-2bfd-5e67-a265-c168dcdeb494');
  });
});
