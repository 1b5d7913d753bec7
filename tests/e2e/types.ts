import type { BrowserContextOptions, Page } from 'playwright-core';

/** What each browser test gets. */
export interface E2EContext {
  /** A fresh page in its own context, 1280×800. */
  readonly page: Page;
  /** The preview server's origin, e.g. http://127.0.0.1:43123 */
  readonly baseUrl: string;
  /** A page in another fresh context (other viewport, touch, init scripts); closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Saves a screenshot of `page` (default: ctx.page) to screenshots/<name>. */
  screenshot(name: string, page?: Page): Promise<void>;
}

/** One browser test: files tests/e2e/*.e2e.ts export `tests: E2ETest[]`. */
export interface E2ETest {
  readonly name: string;
  run(ctx: E2EContext): Promise<void>;
}
