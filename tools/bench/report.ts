/**
 * The report benchmark, run by hand:  node -r @swc-node/register tools/bench/report.ts [N …]  (default 1000 5000)
 * For each N: the report data synthesised in memory (report/synth-data.ts; gathering from git is not
 * timed here), then 3 runs each of rendering the HTML page and the Markdown twin, the page weight (bytes,
 * gzip), and — when /usr/bin/chromium exists — chromium's time from navigation until the matrix is
 * drawn, and until a search keystroke has re-filtered it. Prints min / median / max of the 3 runs.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { hasChromium, launchChromium } from '../eleventh/src/report/browser';
import { renderHtml } from '../eleventh/src/report/html';
import { renderMarkdown } from '../eleventh/src/report/md';
import { synthReportData } from './report/synth-data';

const RUNS = 3;
const stats = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0].toFixed(0)} / ${s[1].toFixed(0)} / ${s[2].toFixed(0)}`;
};
const time = (f: () => void): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const kb = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;

async function browserTimes(file: string): Promise<{ load: number[]; search: number[] }> {
  const browser = await launchChromium();
  const load: number[] = [];
  const search: number[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const page = await browser.context.newPage();
      const t = performance.now();
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('body[data-ready="true"]');
      load.push(performance.now() - t);
      search.push(await page.evaluate(() => {
        const input = document.getElementById('search') as HTMLInputElement;
        const t0 = performance.now();
        input.value = 'svc-12';
        input.dispatchEvent(new Event('input'));
        return performance.now() - t0;
      }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { load, search };
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-report-bench-'));
  const rows = ['| N | render html ms | render md ms | page | page gzip | md | chromium load ms | search ms |', '|---|---|---|---|---|---|---|---|'];
  for (const n of sizes.length ? sizes : [1000, 5000]) {
    process.stderr.write(`report bench: N=${n}\n`);
    const data = synthReportData(n);
    let html = '';
    let md = '';
    const h = Array.from({ length: RUNS }, () => time(() => (html = renderHtml(data))));
    const m = Array.from({ length: RUNS }, () => time(() => (md = renderMarkdown(data))));
    const file = join(dir, `n-${n}`, 'index.html');
    mkdirSync(join(dir, `n-${n}`), { recursive: true });
    writeFileSync(file, html);
    const b = hasChromium() ? await browserTimes(file) : undefined;
    rows.push(`| ${n} | ${stats(h)} | ${stats(m)} | ${kb(Buffer.byteLength(html))} | ${kb(gzipSync(html).length)} | ${kb(Buffer.byteLength(md))} | ${b ? stats(b.load) : 'no chromium'} | ${b ? stats(b.search) : '—'} |`);
  }
  process.stdout.write(`${rows.join('\n')}\n\nmin / median / max of ${RUNS} runs; data synthesised in memory (gathering from git not timed)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error).stack ?? err)}\n`);
  process.exitCode = 1;
});
