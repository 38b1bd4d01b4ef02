import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..');

/** Run main() in a fresh Node with a command whose run never settles and holds no handle (pins, its run replaced). */
function runStalled(): { status: number | null; stderr: string } {
  const script = `
    require(${JSON.stringify(join(SRC, 'register.js'))});
    const { pinsCommand } = require(${JSON.stringify(join(SRC, 'cli/commands/pins.ts'))});
    pinsCommand.run = () => new Promise(() => {});
    require(${JSON.stringify(join(SRC, 'cli/main.ts'))}).main(['pins']);
  `;
  const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return { status: res.status, stderr: res.stderr };
}

describe('main', () => {
  it('turns a run that stops before it finishes into exit 70 with a message, not a silent exit 0', () => {
    const res = runStalled();
    expect(res.stderr).toContain('the run stopped before it finished');
    expect(res.status).toBe(70);
  });
});
