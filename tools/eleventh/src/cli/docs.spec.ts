/** The READMEs' generated tables are what the declarations say: a stale README fails here (fix: npm run docs:cli). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/fixture';
import { commands } from './commands';
import { commandsTable, declared, README_BLOCKS, updateReadmes, withBlocks } from './docs';
import { EXIT_CODES } from './exit-codes';

describe('generated documentation', () => {
  it('every command is declared (defineCommand), so help and the README table cover it', () => {
    expect(declared(commands).map((s) => s.name)).toEqual(commands.map((c) => c.name));
  });

  it("README.md's Commands table, the exit codes and the --json table equal the declarations (npm run docs:cli)", () => {
    expect(updateReadmes(REPO_ROOT, commands, true)).toEqual([]);
  });

  it("README.md's table has one row per command, its synopsis naming every declared option", () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    for (const spec of declared(commands)) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`eleventh ${spec.name} `) || l.startsWith(`| \`eleventh ${spec.name}\``));
      expect(row, spec.name).toBeDefined();
      for (const option of Object.keys(spec.options).filter((o) => o !== 'help' && o !== 'quiet')) expect(row, `${spec.name} --${option}`).toContain(`--${option}`);
    }
    for (const e of EXIT_CODES) expect(readme).toContain(`| ${e.code} | `);
  });

  it('a table edited by hand is found, and regenerating restores it', () => {
    const [file, blocks] = README_BLOCKS[0];
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    const edited = text.replace('| `eleventh diff ', '| `eleventh difff ');
    expect(edited).not.toBe(text);
    expect(withBlocks(file, edited, blocks, declared(commands))).toBe(text);
    expect(() => withBlocks(file, 'no markers here', blocks, declared(commands))).toThrow(/README\.md: no <!-- eleventh:commands/);
  });

  it('escapes | inside the table cells', () => {
    expect(commandsTable(declared(commands))).toContain('[--format text\\|md\\|json]');
  });

  it('npm run docs:cli -- --check exits 0 on this repository', () => {
    const res = spawnSync(process.execPath, [join(REPO_ROOT, 'tools/eleventh/scripts/docs-cli.js'), '--check'], { encoding: 'utf8' });
    expect([res.status, res.stderr]).toEqual([0, '']);
  });
});
