/**
 * Each template class's base image (platform/images.yaml `bases`) at any commit, read through one
 * `git cat-file --batch` and parsed once per distinct blob — the lockfile reader's twin for the bases.
 * An unreadable file at an old commit counts as having no bases (history is read, not judged).
 */
import { parse } from 'yaml';
import { basesOf, IMAGES_FILE } from '../images/bases';
import { CatFile } from './cat-file';
import type { TemplateClass } from './template-class';

function lenient(text: string): Map<TemplateClass, string> {
  try {
    return basesOf(parse(text));
  } catch {
    return new Map();
  }
}

export class BasesReader {
  private readonly cat: CatFile;
  private readonly parsed = new Map<string, Map<TemplateClass, string>>();

  constructor(root: string) {
    this.cat = new CatFile(root);
  }

  async at(rev: string): Promise<ReadonlyMap<TemplateClass, string>> {
    const blob = await this.cat.read(`${rev}:${IMAGES_FILE}`);
    if (!blob) return new Map();
    let bases = this.parsed.get(blob.oid);
    if (!bases) {
      bases = lenient(blob.content.toString('utf8'));
      this.parsed.set(blob.oid, bases);
    }
    return bases;
  }

  /** Classes among `classes` whose base differs between `commit`'s first parent and `commit`. */
  async changedIn(commit: string, classes: Iterable<TemplateClass>): Promise<Set<TemplateClass>> {
    const [after, before] = await Promise.all([this.at(commit), this.at(`${commit}^1`)]);
    const changed = new Set<TemplateClass>();
    for (const cls of classes) if (after.get(cls) !== before.get(cls)) changed.add(cls);
    return changed;
  }

  close(): void {
    this.cat.close();
  }
}
