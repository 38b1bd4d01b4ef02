/**
 * package-lock.json at many pins, for `verify --images`: which lockfile each pin has is asked of git once
 * for all of them (one `cat-file --batch-check` of `<pin>:package-lock.json`), and each distinct lockfile
 * is read and parsed once. Before, every pin was one `git show` and one parse of the whole lockfile, kept
 * per pin: 5,000 pins sharing three lockfiles meant 5,000 processes and 5,000 parsed copies.
 */
import { checkObjects } from '../../git/batch-check';
import { git } from '../../git/run';
import { LOCKFILE } from '../../pins/lockfile';
import { parseLockEntries, type LockEntry } from './input';

const NONE = '';

export class LocksAtPins {
  /** pin → the blob id of its lockfile, or NONE when it has none. */
  private readonly blobs = new Map<string, string>();
  /** blob id → its parsed entries. */
  private readonly parsed = new Map<string, Map<string, LockEntry>>();

  constructor(private readonly root: string) {}

  /** Resolve the lockfile of every pin in `pins` not yet known, in one git process. */
  prefetch(pins: Iterable<string>): void {
    const ask = [...new Set(pins)].filter((p) => !this.blobs.has(p) && /^[0-9a-f]{40}$/.test(p));
    if (ask.length === 0) return;
    const found = checkObjects(this.root, ask.map((p) => `${p}:${LOCKFILE}`));
    ask.forEach((pin, i) => this.blobs.set(pin, found[i]?.type === 'blob' ? found[i]!.oid : NONE));
  }

  /** package-lock.json's `packages` at `pin` (empty when the commit has no lockfile, or no readable one). */
  at(pin: string): Map<string, LockEntry> {
    this.prefetch([pin]);
    const oid = this.blobs.get(pin) ?? NONE;
    if (oid === NONE) return new Map();
    let entries = this.parsed.get(oid);
    if (!entries) this.parsed.set(oid, (entries = parseLockEntries(git(['cat-file', 'blob', oid], { cwd: this.root }).stdout)));
    return entries;
  }
}
