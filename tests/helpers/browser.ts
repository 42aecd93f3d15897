// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { afterAll, beforeAll, expect } from "bun:test";
import { type Browser, chromium, type Page } from "playwright-core";
import { freePort, type Proc, startGrader, startWeb } from "./processes";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync",
    ],
  });
}

/**
 * A web process, a grader and Chromium for one test file: started before its tests,
 * stopped after them. `browser` is set once the tests run. `env`: for both processes (e.g.
 * a DATABASE_URL of the file's own course).
 */
export function browserStack(env: Record<string, string> = {}) {
  const port = freePort();
  const stack = { base: `http://127.0.0.1:${port}`, browser: undefined as unknown as Browser, procs: [] as Proc[] };
  beforeAll(async () => {
    const [web, grader, browser] = await Promise.all([startWeb(port, env), startGrader(env), launchChromium()]);
    stack.procs = [web, grader];
    stack.browser = browser;
  });
  afterAll(async () => {
    await stack.browser?.close();
    await Promise.all(stack.procs.map((p) => p.stop()));
  });
  return stack;
}

/** The page's live submission widget. */
export const STATUS = '[data-testid="submission-status"]';

/** Types `code` into the editor, submits, and waits for a new graded result (of `outcome`, when given). */
export async function submitAndWait(page: Page, code: string, outcome?: string) {
  const before = await page.getAttribute(STATUS, "data-submission");
  await page.fill("#code", code);
  await page.click("button[type=submit]");
  await page.waitForFunction(
    (b) => {
      const s = document.querySelector('[data-testid="submission-status"]');
      return s?.getAttribute("data-submission") !== b && s?.getAttribute("data-status") === "graded";
    },
    before,
    { timeout: 20_000 },
  );
  if (outcome) expect(await page.getAttribute(STATUS, "data-outcome")).toBe(outcome);
}

/**
 * A page in a new context with third-party cookies blocked, as Chrome's own setting does it
 * (CDP Network.setCookieControls), and the page's script errors collected.
 */
export async function pageWithoutThirdPartyCookies(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCookieControls", { enableThirdPartyCookieRestriction: true });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}
