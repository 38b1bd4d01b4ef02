/**
 * Signed promotions (`promotion.signed: true`): the tag must carry a signature that `git verify-tag`
 * accepts under git's own configuration — SSH (`gpg.format ssh`, `gpg.ssh.allowedSignersFile`) or OpenPGP
 * (the keyring of `GNUPGHOME`). The signer is recorded: `principal (KEYTYPE SHA256:…)` for SSH, `uid
 * (FINGERPRINT)` for OpenPGP.
 */
import { git, gitText } from '../git/run';

export type SignatureCheck = { readonly ok: true; readonly signer: string } | { readonly ok: false; readonly why: string };

function sshSigner(text: string): string | undefined {
  const m = /Good "git" signature for (.+?) with (\S+) key (SHA256:\S+)/.exec(text);
  return m ? `${m[1]} (${m[2]} ${m[3]})` : undefined;
}

function gpgSigner(text: string): string | undefined {
  const valid = /^\[GNUPG:\] VALIDSIG (\S+)/m.exec(text);
  if (!valid) return undefined;
  const good = /^\[GNUPG:\] GOODSIG \S+ (.+)$/m.exec(text);
  return good ? `${good[1].trim()} (${valid[1]})` : valid[1];
}

/** Check `tag`'s signature; never throws for a bad or missing one (the caller decides). */
export function checkTagSignature(root: string, tag: string): SignatureCheck {
  const type = git(['cat-file', '-t', `refs/tags/${tag}`], { cwd: root, okCodes: [0, 1, 128] });
  if (type.status !== 0) return { ok: false, why: `tag '${tag}' does not exist` };
  if (type.stdout.trim() !== 'tag') return { ok: false, why: `tag '${tag}' is a lightweight tag, which cannot be signed (expected \`git tag -s ${tag}\`)` };
  const body = gitText(['cat-file', 'tag', `refs/tags/${tag}`], { cwd: root });
  if (!/-----BEGIN (SSH|PGP) SIGNATURE-----/.test(body)) return { ok: false, why: `tag '${tag}' is not signed (expected \`git tag -s ${tag}\`)` };
  const res = git(['verify-tag', '--raw', tag], { cwd: root, okCodes: [0, 1, 128, 255] });
  const stderr = res.stderr;
  if (res.status !== 0) {
    const first = stderr.split('\n').find((l) => /error|fatal|bad|no principal|could not|not/i.test(l) && !l.startsWith('[GNUPG:] KEY_CONSIDERED')) ?? stderr.split('\n')[0] ?? '';
    return { ok: false, why: `tag '${tag}': git verify-tag rejects its signature${first ? `: ${first.trim()}` : ''} (expected a signature by a key in gpg.ssh.allowedSignersFile or the GnuPG keyring)` };
  }
  const signer = sshSigner(stderr) ?? gpgSigner(stderr);
  return signer ? { ok: true, signer } : { ok: false, why: `tag '${tag}': git verify-tag accepted it but named no signer` };
}
