/**
 * Signed promotions with real keys: SSH (ssh-keygen, gpg.ssh.allowedSignersFile) and OpenPGP (gpg in a
 * temporary GNUPGHOME), and commits that --commit signs under git's own signing configuration.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../git/run';
import { cli, commitAll, createReleaseRepo, ok, readRecipeFile, snapshotTree } from './release-fixture';

const has = (cmd: string): boolean => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).error === undefined;
const HAS_SSH = has('ssh-keygen') || spawnSync('ssh-keygen', ['-?'], { encoding: 'utf8' }).error === undefined;
const HAS_GPG = has('gpg');
if (!HAS_SSH) console.warn('signed.spec: ssh-keygen is not installed: the SSH signing specs cannot run (.ci/run installs openssh-client)');
if (!HAS_GPG) console.warn('signed.spec: gpg is not installed: the OpenPGP signing spec cannot run (.ci/run installs gnupg)');

let repo: ReturnType<typeof createReleaseRepo>;
let root: string;
let keys: string;

function sshKey(name: string): string {
  const path = join(keys, name);
  const res = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', path], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stderr);
  return path;
}

function signedTag(tag: string, key: string): void {
  git(['-c', 'gpg.format=ssh', '-c', `user.signingkey=${key}`, 'tag', '-s', '-m', `release ${tag}`, tag], { cwd: root });
}

beforeAll(() => {
  repo = createReleaseRepo();
  root = repo.root;
  keys = mkdtempSync(join(tmpdir(), 'eleventh-keys-'));
  const path = join(root, 'environments/preprod/environment.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace("tags: 'preprod-v*'", "tags: 'preprod-v*'\n  signed: true"));
  commitAll(root, 'preprod: signed promotions');
});
afterAll(() => {
  repo.cleanup();
  rmSync(keys, { recursive: true, force: true });
});

describe.runIf(HAS_SSH)('promotion.signed with SSH signatures', () => {
  let alice: string;
  let mallory: string;
  beforeAll(() => {
    alice = sshKey('alice');
    mallory = sshKey('mallory');
    writeFileSync(join(keys, 'allowed_signers'), `alice@example.com ${readFileSync(`${alice}.pub`, 'utf8')}`);
    git(['config', 'gpg.ssh.allowedSignersFile', join(keys, 'allowed_signers')], { cwd: root });
  });

  function refused(tag: string, message: RegExp): void {
    const before = snapshotTree(root, 'environments');
    const res = cli(root, 'promote', '--to', 'preprod', '--tag', tag, '--commit');
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(root, 'environments')).toEqual(before);
  }

  it('refuses a lightweight tag, an unsigned annotated tag, and a tag signed by a key not allowed', () => {
    git(['tag', 'preprod-v1'], { cwd: root });
    refused('preprod-v1', /tag 'preprod-v1' is a lightweight tag, which cannot be signed/);
    git(['tag', '-a', '-m', 'unsigned', 'preprod-v2'], { cwd: root });
    refused('preprod-v2', /tag 'preprod-v2' is not signed/);
    signedTag('preprod-v3', mallory);
    refused('preprod-v3', /tag 'preprod-v3': git verify-tag rejects its signature/);
  });

  it('refuses --from: a signed environment is promoted only by a signed tag', () => {
    const res = cli(root, 'promote', '--to', 'preprod', '--from');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('promotion.signed is true: preprod is promoted only by a signed tag');
  });

  it('promotes a tag signed by an allowed key and records the signer in promotedFrom and a trailer', () => {
    signedTag('preprod-v4', alice);
    ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v4', '--commit']);
    const pf = readRecipeFile(root, 'preprod').promotedFrom!;
    expect(pf.signer).toMatch(/^alice@example\.com \(ED25519 SHA256:[A-Za-z0-9+/]+\)$/);
    expect(pf.tagger).toBe('Example <example@example.com>');
    expect(gitText(['log', '-1', '--format=%B'], { cwd: root })).toContain(`Eleventh-Signer: ${pf.signer}`);
  });

  it('verify re-checks the signature: clean, then a finding once the key is no longer allowed', () => {
    ok(root, ['verify', '--env', 'preprod']);
    writeFileSync(join(keys, 'allowed_signers'), `mallory@example.com ${readFileSync(`${mallory}.pub`, 'utf8')}`);
    const res = cli(root, 'verify', '--env', 'preprod');
    expect(res.status).toBe(1);
    expect(res.stdout + res.stderr).toContain("tag 'preprod-v4': git verify-tag rejects its signature");
    writeFileSync(join(keys, 'allowed_signers'), `alice@example.com ${readFileSync(`${alice}.pub`, 'utf8')}`);
  });

  it('--commit honours git’s own signing configuration: the promotion commit is SSH-signed', () => {
    git(['tag', '-d', 'preprod-v4'], { cwd: root });
    git(['reset', '--quiet', '--hard', 'HEAD~1'], { cwd: root });
    signedTag('preprod-v4', alice);
    for (const [k, v] of [['commit.gpgsign', 'true'], ['gpg.format', 'ssh'], ['user.signingkey', alice]]) git(['config', k, v], { cwd: root });
    try {
      ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v4', '--commit']);
      const raw = gitText(['cat-file', 'commit', 'HEAD'], { cwd: root });
      expect(raw).toContain('-----BEGIN SSH SIGNATURE-----');
      expect(git(['verify-commit', 'HEAD'], { cwd: root, okCodes: [0, 1] }).status).toBe(0);
    } finally {
      git(['config', 'commit.gpgsign', 'false'], { cwd: root });
    }
  });
});

describe.runIf(HAS_GPG)('promotion.signed with an OpenPGP signature', () => {
  it('promotes a gpg-signed tag and records the key fingerprint', () => {
    const home = mkdtempSync(join(tmpdir(), 'eleventh-gnupg-'));
    const env = { ...process.env, GNUPGHOME: home };
    try {
      const gen = spawnSync('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', 'Release Manager <rm@example.com>', 'ed25519', 'sign', 'never'], { env, encoding: 'utf8' });
      expect(gen.status, gen.stderr).toBe(0);
      const tagged = spawnSync('git', ['-c', 'gpg.format=openpgp', '-c', 'user.signingkey=rm@example.com', 'tag', '-s', '-m', 'release', 'preprod-v7'], { cwd: root, env, encoding: 'utf8' });
      expect(tagged.status, tagged.stderr).toBe(0);
      const res = spawnSync(process.execPath, [join(__dirname, '../../bin/eleventh.js'), 'promote', '--to', 'preprod', '--tag', 'preprod-v7'], { cwd: root, env: { ...env, NX_DAEMON: 'false' }, encoding: 'utf8' });
      expect(res.status, res.stderr).toBe(0);
      expect(readRecipeFile(root, 'preprod').promotedFrom!.signer).toMatch(/^Release Manager <rm@example\.com> \([0-9A-F]{40}\)$/);
    } finally {
      git(['checkout', '--quiet', '--', 'environments'], { cwd: root });
      git(['clean', '-fdq', '--', 'environments'], { cwd: root });
      rmSync(home, { recursive: true, force: true });
    }
  });
});
