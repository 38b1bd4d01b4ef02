/**
 * The dispatcher loads only the command that runs (commands/lazy.ts); the help listing and the docs take the
 * whole list (commands/index.ts). Both must name the same commands, in the same order, as the same objects.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from './commands';
import { COMMAND_NAMES, loadCommand } from './commands/lazy';

const SRC = join(__dirname, '..');

describe('commands loaded on demand', () => {
  it('names every command of the help listing, in its order, and loads the same object', async () => {
    expect(COMMAND_NAMES).toEqual(commands.map((c) => c.name));
    for (const c of commands) expect(await loadCommand(c.name)).toBe(c);
  });

  it('has no command for an unknown name, nor for a name every object has', async () => {
    for (const name of ['nope', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(await loadCommand(name)).toBeUndefined();
  });

  it('a run of one command loads that command module and no other', () => {
    const script = `
      require(${JSON.stringify(join(SRC, 'register.js'))});
      require(${JSON.stringify(join(SRC, 'cli/main.ts'))}).runCli(['pins', '--help'], { cwd: process.cwd(), out: () => {}, err: () => {}, progress: process.stderr }).then((code) => {
        const loaded = Object.keys(require.cache).filter((f) => f.includes('/cli/commands/') && !f.endsWith('/lazy.ts')).map((f) => f.split('/').pop()).sort();
        console.log(JSON.stringify({ code, loaded }));
      });
    `;
    const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    const { code, loaded } = JSON.parse(res.stdout) as { code: number; loaded: string[] };
    expect(code).toBe(0);
    expect(loaded).toContain('pins.ts');
    expect(loaded.filter((f) => commands.some((c) => `${c.name}.ts` === f && c.name !== 'pins'))).toEqual([]);
  });
});
