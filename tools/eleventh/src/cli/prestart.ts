/**
 * Before the CLI loads the engine (about a second of module loading), start what the command will wait
 * for longest: the Nx project graph, built in its own process. Only for the commands that always build it
 * first, and only when the repository root is plain to see; anything unusual (help, another root, not a git
 * repository) starts nothing, and the command then starts the graph itself as before.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { prestartGraph } from '../pins/graph';

const GRAPH_FIRST = new Set(['recipe', 'render', 'verify', 'policy']);

export function prestart(argv: readonly string[]): void {
  if (!GRAPH_FIRST.has(argv[0] ?? '') || argv.some((a) => a === '--help' || a === '-h')) return;
  const res = spawnSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const root = res.status === 0 ? res.stdout.trim() : '';
  if (!root || !existsSync(join(root, 'nx.json'))) return;
  prestartGraph(root);
}
