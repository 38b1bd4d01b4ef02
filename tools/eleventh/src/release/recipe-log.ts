/** The history of one environment's recipe: one `git log` for the commits, one `git cat-file --batch` for the contents. */
import { git } from '../git/run';
import type { Recipe } from '../model';
import { parseRecipe, recipePath } from '../recipe/recipe';

export interface RecipeChange {
  readonly commit: string;
  /** Committer time (when the change landed), ISO 8601. */
  readonly time: string;
  /** `Name <email>` of the author, and of the committer (who landed it: often the CI bot). */
  readonly author: string;
  readonly committer: string;
  readonly subject: string;
  /** The message's trailers (`Key: value` lines), unfolded. */
  readonly trailers: string;
  /** Undefined when the commit deleted the recipe or its text is not a recipe. */
  readonly recipe?: Recipe;
}

function parseBatch(raw: string, count: number): Array<string | undefined> {
  const buf = Buffer.from(raw, 'utf8');
  const out: Array<string | undefined> = [];
  let pos = 0;
  for (let i = 0; i < count; i++) {
    const nl = buf.indexOf(10, pos);
    const header = buf.subarray(pos, nl).toString('utf8');
    if (header.endsWith(' missing')) {
      out.push(undefined);
      pos = nl + 1;
      continue;
    }
    const size = Number(header.split(' ')[2]);
    out.push(buf.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    pos = nl + 1 + size + 1;
  }
  return out;
}

function tryParse(text: string | undefined, file: string): Recipe | undefined {
  if (text === undefined) return undefined;
  try {
    return parseRecipe(text, file);
  } catch {
    return undefined;
  }
}

/** Every commit that changed `environments/<env>/recipe.yaml` reachable from `rev`, newest first. */
export function recipeLog(root: string, env: string, rev = 'HEAD'): RecipeChange[] {
  const path = recipePath(env);
  const log = git(['log', '--format=%x1e%H%x1f%cI%x1f%an <%ae>%x1f%cn <%ce>%x1f%s%x1f%(trailers:only,unfold)', rev, '--', path], { cwd: root }).stdout;
  const rows = log.split('\x1e').filter((r) => r.trim()).map((r) => r.replace(/^\n+/, '').replace(/\n+$/, '')).map((r) => r.split('\x1f'));
  if (rows.length === 0) return [];
  const batch = git(['cat-file', '--batch'], { cwd: root, input: rows.map(([sha]) => `${sha}:${path}\n`).join('') }).stdout;
  const texts = parseBatch(batch, rows.length);
  return rows.map(([commit, time, author, committer, subject, trailers = ''], i) => {
    const recipe = tryParse(texts[i], `${commit.slice(0, 12)}:${path}`);
    return { commit, time, author, committer, subject, trailers: trailers.trim(), ...(recipe ? { recipe } : {}) };
  });
}
