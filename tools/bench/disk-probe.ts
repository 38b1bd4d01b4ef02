/**
 * The disk's state before a phase that creates many files. On the 2-core machine (ext4 on a virtual disk),
 * creating a file costs anything from ~80 µs to ~700 µs, almost all of it system CPU, and the state holds for
 * minutes at a time whatever the benchmark does: 75,000 files of 1.5 KB took 6 s of wall (8 s system CPU)
 * once and 33–37 s (55–69 s system CPU, both cores) in the next runs, on tmpfs 3 s. `recipe from scratch`
 * writes 80,000 files, so its wall time moves by 30 s with the disk alone. The probe times a few files just
 * before the phase, so each row says which state it was measured in.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files the probe creates: enough to time, few enough to cost well under a second in the slow state. */
const PROBE_FILES = 1000;
const BODY = 'x'.repeat(1500);

/** Microseconds of wall time per file created (and written) in a fresh folder under `dir`'s .git. */
export function fileCreationProbe(dir: string): number {
  const probe = join(dir, '.git', 'bench-probe');
  rmSync(probe, { recursive: true, force: true });
  const started = performance.now();
  for (let i = 0; i < PROBE_FILES; i++) {
    const folder = join(probe, `d${i % 200}`);
    if (i < 200) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `f${i}.yaml`), BODY);
  }
  const micros = ((performance.now() - started) * 1000) / PROBE_FILES;
  rmSync(probe, { recursive: true, force: true });
  return micros;
}

/** The note for the row measured next: the disk's cost per file created, right now. */
export function diskNote(dir: string, progress: (text: string) => void): string {
  const micros = fileCreationProbe(dir);
  progress(`file-creation probe: ${micros.toFixed(0)} µs per file`);
  return `disk: ${micros.toFixed(0)} µs per file created (a ${PROBE_FILES}-file probe just before)`;
}
