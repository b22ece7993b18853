/**
 * HTML to PDF with the system's Chromium driven by playwright-core: the document is
 * set from memory (page.setContent) with scripts off and every request aborted, so
 * rendering touches no network. One render at a time per process (a browser is
 * heavy); each render launches and closes its own browser, so nothing lingers.
 */
import fs from 'node:fs';

/** Chromium is missing or would not start: the PDF route answers 503. */
export class PdfUnavailable extends Error {}

const ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export class PdfRenderer {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly executablePath: string) {}

  available(): boolean {
    return fs.existsSync(this.executablePath);
  }

  render(document: string): Promise<Buffer> {
    const run = this.queue.then(() => this.renderNow(document));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async renderNow(document: string): Promise<Buffer> {
    if (!this.available()) throw new PdfUnavailable(`Chromium not found at ${this.executablePath}`);
    let browser;
    try {
      // Loaded on first use: playwright-core costs ~80 MB of memory in every server otherwise.
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: this.executablePath, headless: true, args: [...ARGS, ...(isRoot() ? ['--no-sandbox'] : [])] });
    } catch (err) {
      throw new PdfUnavailable(`Chromium did not start: ${(err as Error).message.split('\n')[0]}`);
    }
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      await page.setContent(document, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
  }
}
