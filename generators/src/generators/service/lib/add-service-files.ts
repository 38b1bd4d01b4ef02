/**
 * The service's folder: the manifest every class shares (files/shared/deploy.ts), then the class's own files.
 * node renders its common files plus the ones for its type (http: a server and its pure router; worker and
 * cron: a pure job and the process around it); java, python, go and web render files/<class>/ whole.
 */
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import type { ServiceType } from '@eleventh/platform';
import { renderFiles, type TemplateData } from '../../../utils/templates';
import type { NormalizedServiceOptions } from './normalize-options';

const FILES = join(__dirname, '..', 'files');

/** The node template's folders under files/node/, in the order they are rendered. */
export const TYPE_FOLDERS: Readonly<Record<ServiceType, readonly string[]>> = {
  http: ['common', 'http'],
  worker: ['common', 'job', 'worker'],
  cron: ['common', 'job', 'cron'],
};

const WORDS: Readonly<Record<ServiceType, Readonly<Record<string, string>>>> = {
  http: {
    summary: 'An HTTP service.',
    mainSummary: 'HTTP server: `GET /healthz`, `GET /`',
    moduleSummary: 'the routes (pure)',
    envSummary: '`PORT`',
  },
  worker: {
    summary: 'A worker: runs until stopped.',
    mainSummary: 'the loop: a batch every `POLL_INTERVAL_MS`, until SIGTERM',
    moduleSummary: 'one batch of work (pure)',
    envSummary: '`POLL_INTERVAL_MS` (5000)',
  },
  cron: {
    summary: 'A scheduled job: runs once per schedule and exits.',
    mainSummary: 'one run',
    moduleSummary: 'the work of one run (pure)',
    envSummary: 'none of its own',
  },
};

export function templateData(o: NormalizedServiceOptions): TemplateData {
  const article = o.type === 'http' ? 'an' : 'a';
  const { name, namespace, team, type, port, schedule } = o;
  const { build, test } = o.templateClass;
  return { name, namespace, team, type, port, schedule, article, build, test, ...WORDS[o.type] };
}

/** The template folders of `o`'s class and type, in render order. */
export function templateFolders(o: Pick<NormalizedServiceOptions, 'template' | 'type'>): string[] {
  const own = o.template === 'node' ? TYPE_FOLDERS[o.type].map((f) => join('node', f)) : [o.template];
  return ['shared', ...own].map((f) => join(FILES, f));
}

export function addServiceFiles(tree: Tree, o: NormalizedServiceOptions): void {
  const data = templateData(o);
  for (const folder of templateFolders(o)) renderFiles(tree, folder, o.root, data);
}
