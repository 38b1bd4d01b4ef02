/**
 * The command line's contract, from the declarations: --help everywhere (outside a repository too),
 * --version, help <cmd>, choices, unknown options and commands with "did you mean", one line and exit 2.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEleventh } from '../testing/example-repo';
import { notARepo, runInProcess } from './cli-fixture';
import { commands } from './commands';
import { declare } from './declare';
import { commandHelp } from './help';
import { parseCommandLine } from './parse';
import { EXIT_CODES } from './exit-codes';

const outside = notARepo();
afterAll(() => outside.cleanup());

const VERSION = (require('../../package.json') as { version: string }).version;

describe('--version and --help', () => {
  it.each([['--version'], ['-V']])('%s prints the @eleventh/cli version (the bin, outside a repository)', (flag) => {
    const res = runEleventh(outside.dir, [flag]);
    expect([res.status, res.stdout, res.stderr]).toEqual([0, `${VERSION}\n`, '']);
  });

  it('eleventh --help lists every command with its summary and every exit code', async () => {
    const res = await runInProcess(outside.dir, ['--help']);
    expect(res.status).toBe(0);
    for (const c of commands) expect(res.stdout).toMatch(new RegExp(`^  ${c.name} +${c.summary.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    for (const e of EXIT_CODES) expect(res.stdout).toMatch(new RegExp(`^  ${e.code} +\\S`, 'm'));
  });

  it('eleventh with no command prints the listing on stderr, exit 2', async () => {
    const res = await runInProcess(outside.dir, []);
    expect([res.status, res.stdout]).toEqual([2, '']);
    expect(res.stderr).toContain('usage: eleventh <command>');
  });

  it.each(commands.map((c) => [c.name]))('%s --help and -h work outside a git repository (exit 0, usage and options from the declaration)', async (name) => {
    const spec = commands.find((c) => c.name === name)!.spec!;
    for (const flag of ['--help', '-h']) {
      const res = await runInProcess(outside.dir, [name, flag]);
      expect([res.status, res.stderr]).toEqual([0, '']);
      expect(res.stdout.split('\n')[0]).toBe(`usage: ${spec.synopsis}`);
      for (const option of Object.keys(spec.options)) expect(res.stdout).toContain(`--${option}`);
      expect(res.stdout).toContain('exit codes: 0 ok, 1 findings, 2 bad input or refused, 70 internal error (a bug), 75 --push gave up');
    }
  });

  it('help <cmd> is <cmd> --help; the bin answers it outside a repository', async () => {
    const viaHelp = runEleventh(outside.dir, ['help', 'diff']);
    expect(viaHelp.status).toBe(0);
    expect(viaHelp.stdout).toBe((await runInProcess(outside.dir, ['diff', '--help'])).stdout);
    // --help wins over everything else on the line, even an unknown option or a missing value
    expect((await runInProcess(outside.dir, ['promote', '--bogus', '--push', '--help'])).status).toBe(0);
  });
});

describe('a command run outside a repository', () => {
  it.each([['verify'], ['render', '--check'], ['recipe'], ['policy', '--json']])('%s: exit 2 naming the folder, not git\'s own message', async (...argv) => {
    const res = await runInProcess(outside.dir, argv);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr.split('\n')[0]).toBe(`eleventh: ${outside.dir}: not inside a git repository (expected the root or a folder of an Eleventh monorepo)`);
    expect(res.stderr).not.toContain('rev-parse');
  });
});

describe('bad usage: one line on stderr, exit 2, nothing on stdout', () => {
  const choiceCases = commands.flatMap((c) =>
    Object.entries(c.spec!.options)
      .filter(([, o]) => o.choices)
      .map(([name, o]) => [c.name, name, `eleventh: ${c.name}: --${name}: unknown value 'toString' (expected one of: ${o.choices!.join(', ')})`] as const),
  );

  it('covers every option with choices (diff --format and report --format at least)', () => {
    expect(choiceCases.map(([c, o]) => `${c} --${o}`)).toEqual(expect.arrayContaining(['diff --format', 'report --format']));
  });

  it.each(choiceCases)('%s --%s toString', async (command, option, message) => {
    const res = await runInProcess(outside.dir, [command, `--${option}`, 'toString']);
    expect([res.status, res.stderr, res.stdout]).toEqual([2, `${message}\n`, '']);
  });

  it('diff staging prod --format toString: exit 2 before anything is read (the bin)', () => {
    const res = runEleventh(outside.dir, ['diff', 'staging', 'prod', '--format', 'toString']);
    expect([res.status, res.stderr, res.stdout]).toEqual([2, "eleventh: diff: --format: unknown value 'toString' (expected one of: text, md, json)\n", '']);
  });

  it.each([
    [['diff', 'staging', 'prod', '--jsn'], "eleventh: diff: unknown option '--jsn' (did you mean '--json'?)"],
    [['recipe', '--alow-dirty'], "eleventh: recipe: unknown option '--alow-dirty' (did you mean '--allow-dirty'?)"],
    [['explain', '--zzz'], "eleventh: explain: unknown option '--zzz' (expected one of: --json, --quiet, --help)"],
    [['rendr'], "eleventh: unknown command 'rendr' (did you mean 'render'?)"],
    [['--verison'], "eleventh: unknown option '--verison' before the command (did you mean '--version'?)"],
    [['help', 'verfiy'], "eleventh: unknown command 'verfiy' (did you mean 'verify'?)"],
    [['verify', '--env'], "eleventh: verify: --env needs a value (expected --env E; a value starting with '-' as --env=-…)"],
    [['verify', '--env', '--json'], "eleventh: verify: --env needs a value (expected --env E; a value starting with '-' as --env=-…)"],
    [['verify', '--json=yes'], "eleventh: verify: --json takes no value (expected --json alone, got '--json=yes')"],
    [['history'], 'eleventh: history: missing ENV (expected eleventh history ENV [--at DATE] [--json])'],
    [['history', 'prod', 'extra'], "eleventh: history: unexpected argument 'extra' (expected eleventh history ENV [--at DATE] [--json])"],
    [['promote', '--tag', 'v1'], 'eleventh: promote: --to ENV is required (expected eleventh promote --to ENV (--tag T | --from) [--break-glass reason] [--insecure-registry H] [--json] [--commit] [--push [remote]])'],
    [['promote', '--to', 'prod'], 'eleventh: promote: give exactly one of --tag T or --from (got none)'],
    [['promote', '--to', 'prod', '--tag', 'v1', '--from'], 'eleventh: promote: give exactly one of --tag T or --from (got --tag and --from)'],
  ])('%j', async (argv, message) => {
    const res = await runInProcess(outside.dir, argv);
    expect([res.status, res.stderr, res.stdout]).toEqual([2, `${message}\n`, '']);
  });

  it('an unknown command with no near name lists them all, on one line', async () => {
    const res = await runInProcess(outside.dir, ['zzzzzz']);
    expect(res.status).toBe(2);
    expect(res.stderr).toBe(`eleventh: unknown command 'zzzzzz' (expected one of: ${commands.map((c) => c.name).join(', ')})\n`);
  });

  it('a command that needs a repository says so outside one, exit 2 without a stack; nothing is written', async () => {
    const res = await runInProcess(outside.dir, ['report']);
    expect(res.status).toBe(2);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(outside.dir, 'tmp'))).toBe(false);
  });
});

describe('the grammar, on a declared command', () => {
  const remotes = new Set(['upstream']);
  const spec = declare({
    name: 'demo',
    summary: 'a command declared for this spec',
    positionals: [{ name: 'ENV', required: true, description: 'an environment' }],
    options: {
      push: { type: 'string', value: 'remote', bare: { value: 'origin', takes: (w: string) => remotes.has(w) }, description: 'push' },
      env: { type: 'string', multiple: true, value: 'E', description: 'envs' },
      format: { type: 'string', choices: ['text', 'md'], default: 'text', description: 'format' },
      out: { type: 'string', value: 'DIR', description: 'out' },
    },
    run: async () => 0,
  });
  const parse = (...argv: string[]) => parseCommandLine(spec, argv, outside.dir);

  it.each([
    [['prod', '--push'], 'origin', ['prod']],
    [['--push', 'prod'], 'origin', ['prod']],
    [['--push', 'upstream', 'prod'], 'upstream', ['prod']],
    [['prod', '--push=elsewhere'], 'elsewhere', ['prod']],
  ])('%j: --push is %s, positionals %j', (argv, push, positionals) => {
    const p = parse(...argv);
    expect([p.options.push, p.positionals]).toEqual([push, positionals]);
  });

  it('splits repeated, comma-separated values; defaults and booleans are filled in; -- ends options; - is a value', () => {
    const p = parse('--env', 'a,b', '--env=c', '--out', '-', '--', '--not-an-option');
    expect(p.options).toMatchObject({ env: ['a', 'b', 'c'], format: 'text', out: '-', quiet: false, help: false });
    expect(p.positionals).toEqual(['--not-an-option']);
  });

  it('synopsis and help come from the same declaration', () => {
    expect(spec.synopsis).toBe('eleventh demo ENV [--push [remote]] [--env E] [--format text|md] [--out DIR]');
    expect(commandHelp(spec)).toContain('--format text|md  format (default: text)');
  });
});
