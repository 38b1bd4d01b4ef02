import { describe, expect, it } from 'vitest';
import { buildSbom } from './build';
import { sbomProblems, type SbomExpectation } from './check';
import type { LockedPackage, SbomInput } from './model';

const PIN = '1'.repeat(40);
const yaml: LockedPackage = { name: 'yaml', version: '2.9.1', integrity: 'sha512-AAAA', resolved: 'https://registry.npmjs.org/yaml/-/yaml-2.9.1.tgz' };
const input: SbomInput = { service: 'api', pin: PIN, time: '2026-01-01T00:00:00Z', packages: [yaml], libraries: [{ name: 'shared-runtime', root: 'services/shared/runtime' }], base: `r.example.com/node:20@sha256:${'b'.repeat(64)}`, toolVersion: '0' };
const bom = (i: SbomInput = input) => JSON.parse(buildSbom(i).toString('utf8')) as Record<string, unknown>;
const locked = (name: string, version: string) => (name === 'yaml' && version === '2.9.1' ? yaml : undefined);
const exact: SbomExpectation = { service: 'api', pin: PIN, exact: { packages: [yaml], libraries: input.libraries }, locked };

describe('sbomProblems', () => {
  it('accepts the SBOM buildSbom made from the same inputs (exactly, and against the lockfile)', () => {
    expect(sbomProblems(bom(), exact)).toEqual([]);
    expect(sbomProblems(bom(), { ...exact, exact: undefined })).toEqual([]);
  });

  it('names a package the pin does not lock, and one it lacks', () => {
    const forged = bom({ ...input, packages: [{ ...yaml, version: '2.9.0' }] });
    expect(sbomProblems(forged, exact)).toEqual(['lacks pkg:npm/yaml@2.9.1 (the pin\'s locked inputs)', 'lists pkg:npm/yaml@2.9.0, which the pin\'s locked inputs do not have (or not so)']);
    expect(sbomProblems(forged, { ...exact, exact: undefined })).toEqual(['pkg:npm/yaml@2.9.0 is not locked in package-lock.json at the pin']);
  });

  it('names a changed hash', () => {
    const forged = bom({ ...input, packages: [{ ...yaml, integrity: 'sha512-BBBB' }] });
    expect(sbomProblems(forged, { ...exact, exact: undefined })).toEqual(['pkg:npm/yaml@2.9.1 differs from package-lock.json at the pin (hashes or source)']);
  });

  it('names an SBOM of another service or pin', () => {
    expect(sbomProblems(bom({ ...input, pin: '2'.repeat(40) }), exact)).toEqual([`describes api@${'2'.repeat(40)}, not api@${PIN}`]);
    expect(sbomProblems({ bomFormat: 'SPDX' }, exact)).toEqual(['is not a CycloneDX document']);
  });
});
