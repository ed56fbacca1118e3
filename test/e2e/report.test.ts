// farleft report from the built CLI, and the HTML page in a real browser (headless Chromium,
// Debian's package, driven by playwright-core): no request of any kind, no console error,
// the numbers shown equal the JSON, searching and sorting work, and it reads without JavaScript.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/html/model.js';
import { FORMATS } from '../../src/cli/report.js';
import { REPORT_FORMATS } from '../../src/report/html/index.js';
import { treeMaker, type Tree } from '../helpers.js';
import { licenseText } from '../lint/helpers.js';
import { runCli } from './run.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const tree = treeMaker();
const tag = (expr: string, holder = '2026 Example Collective'): string => `// SPDX-FileCopyrightText: ${holder}\n// SPDX-License-Identifier: ${expr}\nint x;\n`;

const PROJECT: Tree = {
  '.farleft.yml': '# SPDX-FileCopyrightText: 2026 C\n# SPDX-License-Identifier: PPL\nlicense: PPL\n',
  'LICENSES/PPL.txt': licenseText('PPL'),
  'LICENSES/MIT.txt': licenseText('MIT'),
  'LICENSES/GPL-3.0-only.txt': licenseText('GPL-3.0-only'),
  src: { 'a.c': tag('PPL'), 'b.c': tag('PPL'), 'c.c': tag('MIT'), 'gpl.c': tag('GPL-3.0-only', '2026 Someone Else'), 'none.c': 'int y;\n', '<img src=x onerror=alert(1)>.c': 'z\n' },
};

describe('farleft report', () => {
  let root: string;
  let data: ReportData;
  let html: string;
  beforeAll(() => {
    root = tree(PROJECT);
    const json = runCli(['report', root, '--format', 'json']);
    expect(json.code).toBe(0);
    data = JSON.parse(json.stdout) as ReportData;
    const page = runCli(['report', root]);
    expect(page.code).toBe(0);
    html = page.stdout;
  });

  it('lists the formats --help shows', () => {
    expect(Object.keys(REPORT_FORMATS)).toEqual([...FORMATS]);
  });

  it('reports the license, the licenses by count, the problems, the verdicts and every file', () => {
    expect(data.project.license).toBe('PPL');
    expect(data.summary.licenses).toEqual([
      { license: 'PPL', files: 3 },
      { license: 'GPL-3.0-only', files: 1 },
      { license: 'MIT', files: 1 },
    ]);
    expect(data.lint.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['incompatible', 'missing-license']));
    expect(data.compat!.groups.find((g) => g.license === 'GPL-3.0-only')).toMatchObject({ verdict: 'incompatible', files: 1, reasons: expect.arrayContaining([expect.objectContaining({ license: 'GPL-3.0-only', clause: expect.stringMatching(/§/) })]) });
    expect(data.files.map((f) => f.path)).toContain('src/<img src=x onerror=alert(1)>.c');
  });

  it('is one self-contained page: no external resource, a strict Content-Security-Policy, escaped names', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
    // No element that loads anything (names and texts in the page are escaped, so a tag here is ours).
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed|audio|video|source|track|frame|base)\b|<script[^>]*\ssrc=|url\(|@import/i);
    expect(html.match(/<[a-z][^>]*\shref="[^"#][^"]*"/gi) ?? []).toEqual([]);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;.c');
  });

  it('says so for an empty folder, in a valid report', () => {
    const empty = tree({});
    const json = JSON.parse(runCli(['report', empty, '--json']).stdout) as ReportData;
    expect(json.summary.files).toBe(0);
    const page = runCli(['report', empty]).stdout;
    expect(page).toContain('The folder holds no files to report on');
    expect(page.trimEnd()).toMatch(/<\/html>$/);
  });

  describe.skipIf(!HAS_CHROMIUM)(`in headless Chromium (${CHROMIUM})`, () => {
    type Browser = import('playwright-core').Browser;
    let browser: Browser;
    let file: string;
    beforeAll(async () => {
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      mkdirSync(OUTPUT, { recursive: true });
      file = join(OUTPUT, 'report.html');
      writeFileSync(file, html);
    }, 60_000);
    afterAll(async () => browser?.close());

    it('loads with no request beyond itself and no console error; shows the numbers of the JSON; searches and sorts', async () => {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(file).href;
      await page.goto(url);
      await page.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });

      const stat = async (key: string): Promise<string> => (await page.locator(`[data-stat="${key}"]`).first().textContent())!.trim();
      expect(await stat('files')).toBe(String(data.summary.files));
      expect(await stat('covered')).toBe(String(data.summary.covered));
      expect(await stat('withLicense')).toBe(String(data.summary.withLicense));
      expect(await stat('withoutLicense')).toBe(String(data.summary.withoutLicense));
      expect(await stat('errors')).toBe(String(data.lint.errors));
      expect(await stat('warnings')).toBe(String(data.lint.warnings));
      expect(await stat('license')).toBe(data.project.license);
      expect(await stat('incompatible')).toBe(String(data.compat!.counts.incompatible));
      for (const l of data.summary.licenses) expect((await page.locator(`#license-table td[data-license="${l.license}"]`).textContent())!.trim()).toBe(String(l.files));
      for (const r of data.lint.rules) expect((await page.locator(`#rule-table td[data-rule="${r.id}"]`).textContent())!.trim()).toBe(String(r.findings.length));
      const rows = page.locator('#file-table tbody tr');
      expect(await rows.count()).toBe(data.files.length);
      expect(await page.locator('svg[role="img"] title').first().textContent()).toBe('Files per license');

      // Search: the form appears with JavaScript; typing filters the rows and says how many.
      await expect.poll(() => page.locator('#file-search').isVisible()).toBe(true);
      await page.getByLabel('Filter the files by path, license or copyright').fill('gpl');
      await expect.poll(() => page.locator('#file-table tbody tr:visible').count()).toBe(data.files.filter((f) => `${f.path}${f.license ?? ''}${f.copyright.join('')}`.toLowerCase().includes('gpl')).length);
      expect(await page.locator('#file-status').textContent()).toMatch(/^\d+ of \d+ files shown$/);
      await page.getByLabel('Filter the files by path, license or copyright').fill('');
      await expect.poll(() => page.locator('#file-table tbody tr:visible').count()).toBe(data.files.length);

      // Sort: by path descending, then by license.
      await page.getByRole('button', { name: 'Path' }).click();
      expect(await page.locator('#file-table th').first().getAttribute('aria-sort')).toBe('descending');
      const first = await rows.first().locator('td').first().textContent();
      expect(first).toBe([...data.files.map((f) => f.path)].sort().at(-1));
      await page.getByRole('button', { name: 'License' }).click();
      expect(await page.locator('#file-table th').nth(1).getAttribute('aria-sort')).toBe('ascending');

      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      await page.close();
    }, 60_000);

    it('reads without JavaScript: every section and file is there, and no dead search box', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href);
      const headings = await page.locator('h2').allTextContents();
      expect(headings).toEqual(['Summary', 'Licenses by file count', 'Problems', 'Compatibility', 'Dependencies', 'Files']);
      expect(await page.locator('#file-table tbody tr').count()).toBe(data.files.length);
      expect(await page.locator('#file-search').isVisible()).toBe(false);
      expect(await page.locator('#file-table th[scope="col"]').count()).toBe(4);
      await page.screenshot({ path: join(OUTPUT, 'report-no-js.png'), fullPage: true });
      await context.close();
    }, 60_000);
  });
  if (!HAS_CHROMIUM) it.skip(`Chromium not found at ${CHROMIUM} (apt-get install chromium): the browser test is skipped`, () => {});
});
