// A student in a real browser: headless Chromium against a real web process and grader.
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { browserStack } from "../helpers/browser";

// Real processes and real sandboxes: a time limit alone takes 5 s.
setDefaultTimeout(60_000);

const ARTIFACTS = join(import.meta.dir, "..", "artifacts");
const stack = browserStack();
const base = stack.base;
mkdirSync(ARTIFACTS, { recursive: true });

const graded = '[data-testid="submission-status"][data-status="graded"]';

describe("in the browser", () => {
  test("solve Hello: live status, feedback, +100 once, next assignment", async () => {
    const page = await stack.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    expect(page.url()).toMatch(/\/assignments\/\d+$/);
    expect(await page.textContent("h1")).toContain("Hello");
    expect((await page.textContent('[data-testid="points"]'))?.trim()).toBe("0");

    // A wrong answer first: feedback per test, no points.
    await page.fill("#code", "def hello():\n    return 'hello'\n");
    await page.click("button[type=submit]");
    await page.waitForSelector(graded, { timeout: 15_000 });
    expect(await page.textContent('[data-testid="feedback"]')).toContain('should return "Hello"');
    expect((await page.textContent('[data-testid="points"]'))?.trim()).toBe("0");

    await page.fill("#code", "def hello():\n    return 'Hello'\n");
    await page.click("button[type=submit]");
    await page.waitForSelector(`${graded}[data-outcome="passed"]`, { timeout: 15_000 });
    expect(await page.textContent('[data-testid="feedback"]')).toContain("+100 points");
    await page.waitForFunction(() => document.querySelector('[data-testid="points"]')?.textContent?.trim() === "100");
    await page.screenshot({ path: join(ARTIFACTS, "solved-hello.png"), fullPage: true });

    // Solving it again: still correct, no new points, and the counter stays after a reload.
    await page.fill("#code", "def hello():\n    return 'Hel' + 'lo'\n");
    await page.click("button[type=submit]");
    await page.waitForSelector(`${graded}[data-outcome="passed"]`, { timeout: 15_000 });
    await page.waitForSelector("text=no new points");
    await page.reload();
    expect((await page.textContent('[data-testid="points"]'))?.trim()).toBe("100");

    await page.click('[data-testid="next-assignment"]');
    await page.waitForURL(/\/assignments\/\d+$/);
    expect(await page.textContent("h1")).toContain("Hello world");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a reload during grading resumes and shows the result", async () => {
    const page = await stack.browser.newPage();
    await page.goto(`${base}/`);
    await page.fill("#code", "import time\ntime.sleep(1.5)\ndef hello():\n    return 'Hello'\n");
    await page.click("button[type=submit]");
    await page.waitForSelector('[data-testid="submission-status"][data-status="grading"]', { timeout: 15_000 });
    await page.reload();
    await page.waitForSelector(`${graded}[data-outcome="passed"]`, { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="points"]')?.textContent?.trim() === "100");
    await page.close();
  });

  test("with JavaScript disabled the form submits and the page refreshes itself to the result", async () => {
    const context = await stack.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.fill("#code", "def hello():\n    return 'Hello'\n");
    await page.click("button[type=submit]");
    await page.waitForSelector(`${graded}[data-outcome="passed"]`, { timeout: 20_000 });
    expect((await page.textContent('[data-testid="points"]'))?.trim()).toBe("100");
    await context.close();
  });
});
