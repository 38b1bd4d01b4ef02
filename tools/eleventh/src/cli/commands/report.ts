import { isAbsolute, join, relative, resolve } from 'node:path';
import { topLevel } from '../../git/run';
import { gatherReport } from '../../report/data';
import { renderHtml } from '../../report/html';
import { renderMarkdown } from '../../report/md';
import { checkCommitUrl, parseNow } from '../../report/options';
import { checkFormat, checkOutDir, DEFAULT_OUT, FILE_NAME, writeReport, type Format } from '../../report/output';
import type { ReportData } from '../../report/model';
import { flag, parse, str } from '../args';
import type { Command } from '../command';

const RENDER: Record<Format, (d: ReportData) => string> = {
  html: renderHtml,
  md: renderMarkdown,
  json: (d) => `${JSON.stringify(d, null, 2)}\n`,
};

export const reportCommand: Command = {
  name: 'report',
  summary: 'The release matrix: a static page (or Markdown, JSON) of every environment × service, differences, releases, timelines and DORA figures',
  usage: `eleventh report [--out DIR|-] [--format html|md|json] [--commit-url URL] [--now DATE]

  From git alone: each environment's recipe at HEAD, its history (as \`eleventh history\`), the pins'
  committer times and tenant.yaml's teams. One file in DIR: index.html (CSS and script inline, no
  network), report.md (the twin for pull requests) or report.json (the data).
  --out DIR         where to write (default ${DEFAULT_OUT} under the repository root; \`-\` prints to stdout)
  --format F        html (default), md or json
  --commit-url URL  commit link template with {sha}, e.g. https://git.example.com/acme/platform/-/commit/{sha}
                    (default: each environment's report.commitUrl; none: pins are not linked)
  --now DATE        measure ages and windows to DATE (default HEAD's committer time, so the same
                    repository gives the same bytes)`,
  async run(argv, io) {
    const p = parse('report', argv, { out: { type: 'string' }, format: { type: 'string' }, 'commit-url': { type: 'string' }, now: { type: 'string' } });
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const format = checkFormat('report', str(p, 'format'));
    const commitUrl = checkCommitUrl('report', str(p, 'commit-url'));
    const now = parseNow('report', str(p, 'now'));
    const root = topLevel(io.cwd);
    const outArg = str(p, 'out');
    const out = outArg === '-' ? undefined : outArg === undefined ? join(root, DEFAULT_OUT) : resolve(io.cwd, outArg);
    if (out) checkOutDir('report', outArg ?? DEFAULT_OUT);
    const data = await gatherReport(root, { ...(now !== undefined ? { now } : {}), ...(commitUrl ? { commitUrl } : {}) });
    const text = RENDER[format](data);
    if (!out) return io.out(text.replace(/\n$/, '')), 0;
    const file = writeReport(out, FILE_NAME[format], text);
    const shown = relative(io.cwd, file);
    io.out(`report: ${shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : file} (${data.services.length} services, ${data.environments.length} environments, ${Buffer.byteLength(text)} bytes)`);
    return 0;
  },
};
