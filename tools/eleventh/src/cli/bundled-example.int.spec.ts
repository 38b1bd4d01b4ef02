/**
 * The example organisation this repository ships (its own environments/ tree, what the README's first
 * command renders) is what this engine renders. A change to the renderer, the kit or a service moves the
 * recipes' `manifest` identities or the files; without this spec the committed tree went stale unnoticed
 * (868ba15 changed render/ and left two recipes behind). `render --check` writes nothing; Nx keeps its
 * workspace data under tmp/ so it does not share `.nx/` with anything else running in this checkout.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isShallow } from '../git/run';
import { runEleventh } from '../testing/example-repo';
import { REPO_ROOT } from '../testing/fixture';

const env = { NX_WORKSPACE_DATA_DIRECTORY: join(REPO_ROOT, 'tmp', 'nx-bundled-example') };

describe('the bundled example organisation', () => {
  it('is committed exactly as this engine renders it (render --check finds nothing to rewrite)', () => {
    const res = runEleventh(REPO_ROOT, ['render', '--check', '--allow-dirty', '--quiet'], env);
    if (isShallow(REPO_ROOT)) {
      // Pins are re-derived from history, which a shallow clone lacks: the command must say so (exit 2).
      process.stderr.write('bundled-example.int.spec: this checkout is shallow; render --check cannot re-derive the pins here\n');
      expect(res.status).toBe(2);
      expect(res.stderr).toMatch(/shallow/);
      return;
    }
    expect(res.status, `${res.stdout}\n${res.stderr}\nrun \`npx eleventh render\` and commit environments/`).toBe(0);
    expect(res.stderr).toMatch(/render --check: clean/);
  });
});
