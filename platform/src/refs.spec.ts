import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { branchProblem, gitUrlProblem, registryProblem, tagPatternProblem } from './refs';

/** What `git check-ref-format --branch` says (the rule branchProblem implements without running git). */
function gitAccepts(branch: string): boolean {
  try {
    execFileSync('git', ['check-ref-format', '--branch', branch], { stdio: 'ignore', cwd: '/' });
    return true;
  } catch {
    return false;
  }
}

const BRANCHES = ['main', 'release/2026', 'feature/x-y_z', 'ä', 'a@b', 'v1.2', 'HEAD', '-x', '.x', 'x.', 'x.lock', 'x/.y', 'x.lock/y', 'a/b.lock', 'a..b', 'a b', 'a~', 'a^', 'a:b', 'a?', 'a*', 'a[', 'a\\b', 'a@{b', 'a//b', '/a', 'a/', 'tab\there', ''];

describe('branch names', () => {
  it.each(BRANCHES)('%j: as git check-ref-format --branch decides', (branch) => {
    expect(branchProblem(branch) === undefined, String(branchProblem(branch))).toBe(branch !== '' && gitAccepts(branch));
  });

  it("refuses '@' alone (git reads it as HEAD)", () => expect(branchProblem('@')).toBe("'@' is not a branch"));
});

describe('registry references', () => {
  it.each(['registry.example.com/acme', 'registry.example.com', 'localhost:5000/acme', 'ghcr.io/acme/team-a', 'r', 'eu.gcr.io/p/a_b/c.d'])('accepts %s', (value) => {
    expect(registryProblem(value)).toBeUndefined();
  });

  it.each([
    ['Registry.example.com/acme', 'has upper-case letters'],
    ['registry.example.com/acme:v1', 'has a tag (the engine adds the tag: the pin)'],
    ['https://registry.example.com/acme', 'has a scheme (a registry reference has none)'],
    ['registry.example.com/acme@sha256:00', 'has a digest'],
    ['registry.example.com/acme/', "ends with '/'"],
    ['registry.example.com/-acme', "has an invalid path part '-acme'"],
    ['reg istry/acme', "has an invalid host 'reg istry'"],
    ['', 'is empty'],
  ])('refuses %s: it %s', (value, why) => expect(registryProblem(value)).toBe(why));
});

describe('git URLs', () => {
  it.each(['https://git.example.com/acme/platform.git', 'ssh://git@git.example.com/acme/platform.git', 'ssh://git@git.example.com:2222/acme/p.git', 'git@github.com:acme/platform.git'])('accepts %s', (url) => {
    expect(gitUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['http://git.example.com/acme.git', 'is plain http (credentials and contents would travel unencrypted)'],
    ['git.example.com/acme.git', 'is not a URL or git@host:path'],
    ['https://ci:token@git.example.com/acme.git', 'has credentials in the URL (use a Secret)'],
    ['ftp://git.example.com/acme.git', "has the scheme 'ftp'"],
    ['https://git.example.com', 'has no repository path'],
    ['https://git.example.com/a b.git', 'contains white space'],
  ])('refuses %s: it %s', (url, why) => expect(gitUrlProblem(url)).toBe(why));
});

describe('promotion tag patterns', () => {
  it.each(['prod-v*', 'preprod-v?', '/^prod-v[0-9]+$/', 'release-2026.*'])('accepts %s', (p) => expect(tagPatternProblem(p)).toBeUndefined());

  it.each([
    ['/prod-(v[/', /^is not a valid regular expression: /],
    ['//', /^is an empty regular expression/],
    ['/prod-v*', /does not end with it/],
    ['prod v*', /space/],
    ['prod:v*', /has ':'/],
    ['', /^is empty$/],
  ])('refuses %s', (p, why) => expect(tagPatternProblem(p)).toMatch(why));
});
