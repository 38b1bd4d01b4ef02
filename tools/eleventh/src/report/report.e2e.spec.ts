/**
 * The report page in a real browser: Debian's chromium through playwright-core opens the generated
 * index.html (file://), checks cells, links, difference highlighting, the filters and the search box,
 * and saves a screenshot under tmp/. Without /usr/bin/chromium the suite fails with a note (.ci/run
 * installs it), it does not pass silently.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../testing/fixture';
import { runEleventh } from '../testing/example-repo';
import { CHROMIUM, hasChromium, launchChromium, type Browser } from './browser';
import { createReportRepo, type ReportRepo } from './report-fixture';

const URL_TEMPLATE = 'https://git.example.com/acme/platform/-/commit/{sha}';
let repo: ReportRepo;
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  if (!hasChromium()) throw new Error(`report.e2e: no chromium at ${CHROMIUM} — install it with \`apt-get install chromium\` (.ci/run does) or set CHROMIUM_PATH`);
  repo = createReportRepo();
  const res = runEleventh(repo.root, ['report', '--commit-url', URL_TEMPLATE]);
  if (res.status !== 0) throw new Error(res.stderr);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(join(repo.root, 'tmp/report/index.html')).href);
  await page.waitForSelector('body[data-ready="true"]');
});
afterAll(async () => {
  await browser?.close();
  repo?.cleanup();
});

const row = (service: string) => page.locator(`#matrix-body tr[data-service="${service}"]`);
const cell = (service: string, env: string) => row(service).locator(`td[data-env="${env}"]`);
const shown = async (): Promise<string[]> => page.locator('#matrix-body tr[data-service]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-service') ?? ''));

describe('report page in chromium', () => {
  it('shows every service with a short pin linking to its commit, its age and the change that moved it', async () => {
    expect(await shown()).toEqual(['customer-api', 'fraud-scorer', 'ledger-worker', 'notification-worker', 'payments-api', 'risk-digest', 'risk-report']);
    const pin = cell('payments-api', 'staging').locator('a.pin');
    expect(await pin.textContent()).toBe(repo.c4.slice(0, 12));
    expect(await pin.getAttribute('href')).toBe(`https://git.example.com/acme/platform/-/commit/${repo.c4}`);
    expect(await cell('payments-api', 'staging').locator('.age').textContent()).toBe('1h');
    expect(await cell('payments-api', 'prod').locator('.last').textContent()).toBe('promotion prod-v1');
    expect(await page.locator('#matrix-status').textContent()).toBe('1–7 of 7 services');
  });

  it('highlights where an environment differs from its base, cell by cell', async () => {
    expect(await cell('payments-api', 'preprod').getAttribute('data-state')).toBe('differs');
    expect(await cell('payments-api', 'prod').getAttribute('data-state')).toBe('same');
    expect(await cell('risk-digest', 'preprod').getAttribute('data-state')).toBe('missing');
    expect(await cell('risk-digest', 'preprod').textContent()).toBe('missing');
    const colour = (s: string, e: string) => cell(s, e).evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(await colour('payments-api', 'preprod')).toBe('rgb(255, 241, 194)');
    expect(await colour('risk-digest', 'preprod')).toBe('rgb(251, 213, 213)');
    expect(await colour('customer-api', 'preprod')).toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('.diffs ul[data-env="preprod"] li.missing').textContent()).toBe('staging has, preprod lacks (1): risk-digest');
  });

  it('shows the last release per environment and the timeline with the rollback', async () => {
    expect(await page.locator('.card[data-env="prod"] dd[data-key="last release"]').textContent()).toBe('promotion prod-v3 by Bob <bob@example.com>, 2026-01-08T06:00:00+00:00 ' + (await page.locator('.card[data-env="prod"] dd[data-key="last release"] code').textContent()));
    expect(await page.locator('.card[data-env="prod"] dd[data-key="change failure rate"]').textContent()).toBe('33.3% (1 rollbacks / 3 promotions)');
    expect(await page.locator('ol.timeline[data-env="prod"] .kind').allTextContents()).toEqual(['promotion', 'rollback', 'promotion', 'promotion', 'recipe']);
  });

  it('filters by namespace and by team, and narrows by the search box', async () => {
    await page.selectOption('#filter-namespace', 'risk');
    expect(await shown()).toEqual(['fraud-scorer', 'risk-digest', 'risk-report']);
    await page.fill('#search', 'digest');
    expect(await shown()).toEqual(['risk-digest']);
    expect(await page.locator('#matrix-status').textContent()).toBe('1–1 of 1 services (filtered from 7)');
    await page.fill('#search', '');
    await page.selectOption('#filter-namespace', '');
    await page.selectOption('#filter-team', 'acme/payments-team');
    expect(await shown()).toEqual(['ledger-worker', 'payments-api']);
    await page.selectOption('#filter-team', '');
    await page.fill('#search', repo.c3.slice(0, 8));
    expect(await shown()).toEqual(['fraud-scorer']);
    await page.fill('#search', 'no-such-service');
    expect(await page.locator('#matrix-body').textContent()).toBe('no service matches');
    await page.fill('#search', '');
  });

  it('"differences only" keeps the services whose environments differ; a screenshot goes to tmp/', async () => {
    await page.check('#filter-diff');
    expect(await shown()).toEqual(['payments-api', 'risk-digest']);
    await page.uncheck('#filter-diff');
    const dir = join(REPO_ROOT, 'tmp');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });
});
