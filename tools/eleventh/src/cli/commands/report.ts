import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../../errors';
import { topLevel } from '../../git/run';
import { gatherReport } from '../../report/data';
import { renderHtml } from '../../report/html';
import { renderMarkdown } from '../../report/md';
import { checkCommitUrl, parseNow } from '../../report/options';
import { checkOutDir, DEFAULT_OUT, FILE_NAME, FORMATS, writeReport, type Format } from '../../report/output';
import type { ReportData } from '../../report/model';
import { defineCommand } from '../declare';
import { JSON_OPTION } from '../options';
import { printJson } from '../output';

const RENDER: Record<Format, (d: ReportData) => string> = {
  html: renderHtml,
  md: renderMarkdown,
  json: (d) => `${JSON.stringify(d, null, 2)}\n`,
};

export const reportCommand = defineCommand({
  name: 'report',
  summary: `The release matrix: a static page (default ${DEFAULT_OUT}/${FILE_NAME.html}), its Markdown twin or the data — environment × service pins, differences, releases, timelines, DORA figures`,
  description: `From git alone: each environment's recipe at HEAD, its history (as \`eleventh history\`), the pins'
committer times and tenant.yaml's teams. One file in DIR: index.html (CSS and script inline, no
network), report.md (the twin for pull requests) or report.json (the data).`,
  options: {
    out: { type: 'string', value: 'DIR|-', description: `where to write (default ${DEFAULT_OUT} under the repository root; \`-\` prints the report to stdout)` },
    format: { type: 'string', choices: FORMATS, default: 'html', description: 'the page, its Markdown twin or the data' },
    'commit-url': { type: 'string', value: 'URL', description: "commit link template with {sha}, e.g. https://git.example.com/acme/platform/-/commit/{sha} (default: each environment's report.commitUrl; none: pins are not linked)" },
    now: { type: 'string', value: 'DATE', description: "measure ages and windows to DATE (default HEAD's committer time, so the same repository gives the same bytes)" },
    json: { ...JSON_OPTION, description: 'print what was written as one JSON document ({file, format, services, environments, bytes}); for the data itself: --format json' },
  },
  examples: ['eleventh report', 'eleventh report --format md --out -'],
  async run({ options }, io) {
    const format = options.format;
    const commitUrl = checkCommitUrl('report', options['commit-url']);
    const now = parseNow('report', options.now);
    const outArg = options.out;
    if (outArg === '-' && options.json) throw new UsageError('report: --json describes a written file; with --out - use --format json (expected one of them)');
    const root = topLevel(io.cwd);
    const out = outArg === '-' ? undefined : outArg === undefined ? join(root, DEFAULT_OUT) : resolve(io.cwd, outArg);
    if (out) checkOutDir('report', outArg ?? DEFAULT_OUT);
    const data = await gatherReport(root, { ...(now !== undefined ? { now } : {}), ...(commitUrl ? { commitUrl } : {}) });
    const text = RENDER[format](data);
    if (!out) return io.out(text.replace(/\n$/, '')), 0;
    const file = writeReport(out, FILE_NAME[format], text);
    const shown = relative(io.cwd, file);
    const counts = { services: data.services.length, environments: data.environments.length, bytes: Buffer.byteLength(text) };
    if (options.json) return printJson(io, { file, format, ...counts }), 0;
    io.out(`report: ${shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : file} (${counts.services} services, ${counts.environments} environments, ${counts.bytes} bytes)`);
    return 0;
  },
});
