// The student's experience in a real browser (Debian Chromium): the editor, feedback cards,
// success, points, history, two tabs, and screenshots of the assignment page.
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import { unique } from "../helpers/app";
import { browserStack, STATUS, submitAndWait } from "../helpers/browser";

// Real processes and real sandboxes.
setDefaultTimeout(60_000);

const ARTIFACTS = join(import.meta.dir, "..", "artifacts");
const stack = browserStack();
const base = stack.base;
mkdirSync(ARTIFACTS, { recursive: true });

const GRADED = `${STATUS}[data-status="graded"]`;
const CORRECT = "def hello():\n    return 'Hello'\n";

/** A new visitor (own cookie, own localStorage) on the first assignment. */
async function student(options: BrowserContextOptions = {}) {
  const context = await stack.browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/`);
  await page.waitForSelector(".cm-content"); // the editor took over from the textarea
  return { context, page, errors };
}

/** The form field the editor keeps in sync: what a submission would send. */
const formCode = (page: Page) => page.inputValue("textarea[name=code]");
const points = async (page: Page) => (await page.textContent('[data-testid="points"]'))?.trim();

describe("feedback", () => {
  test("a failing submission shows one card per test, failures first, expected vs actual with the difference marked", async () => {
    const { context, page, errors } = await student();
    await submitAndWait(page, unique("def hello():\n    return 'hello '\n"), "failed");
    const feedback = (await page.textContent('[data-testid="feedback"]'))!;
    expect(feedback).toContain('should return "Hello"');
    expect(await page.locator(".feedback .test").count()).toBe(4);
    expect(await page.getAttribute(".feedback .test >> nth=0", "class")).toContain("fail");
    expect(await page.locator(".feedback .test.pass").count()).toBeGreaterThan(0);
    // The call, both reprs, and the differing part marked, its space made visible.
    const card = page.locator(".feedback .test.fail", { hasText: 'should return "Hello"' });
    expect(await card.locator("dl.compare").textContent()).toContain("hello()");
    expect(await card.locator("mark.diff-expected").textContent()).toBe("Hello");
    expect(await card.locator("mark.diff-actual").textContent()).toBe("hello·");
    expect(await card.locator("mark.diff-actual .ws").count()).toBe(1);
    expect(await points(page)).toBe("0");
    expect(errors).toEqual([]);
    await context.close();
  });

  test("an error shows its trimmed traceback; clicking 'line N' moves the editor's cursor to that line", async () => {
    const { context, page, errors } = await student();
    await submitAndWait(page, unique("def hello():\n    x = 1\n    return x / 0\n"), "runtime_error");
    expect(await page.textContent(".banner-runtime_error")).toContain("traceback");
    const trace = (await page.textContent(".feedback .trace"))!;
    expect(trace).toContain("return x / 0");
    expect(await page.textContent(".feedback .test.fail .hint")).toContain("ZeroDivisionError");
    expect(trace).not.toContain("student.py");
    await page.click('.feedback a.goto-line[data-line="3"] >> nth=0');
    await page.waitForFunction(() => document.activeElement?.id === "code");
    expect((await page.textContent(".cm-activeLine"))?.trim()).toBe("return x / 0");

    await submitAndWait(page, unique("def hello(:\n    return 'Hello'\n"), "syntax_error");
    const banner = (await page.textContent(".banner-syntax_error"))!;
    expect(banner).toContain("line 1");
    expect(banner).toContain("missing colon"); // says what to try
    expect(errors).toEqual([]);
    await context.close();
  });

  test("an endless loop gets a time-limit banner that says what to try", async () => {
    const { context, page } = await student();
    await submitAndWait(page, unique("def hello():\n    while True:\n        pass\n"), "time_limit");
    expect(await page.textContent(".banner-time_limit")).toContain("loop");
    await context.close();
  });
});

describe("success and points", () => {
  test("passing: the success message, +100 once, Next focused and opening the next assignment; points stay", async () => {
    const { context, page, errors } = await student();
    await submitAndWait(page, unique(CORRECT), "passed");
    const feedback = (await page.textContent('[data-testid="feedback"]'))!;
    expect(feedback).toContain("Correct!");
    expect(feedback).toContain("+100 points");
    // Screen readers hear the result and the award, in the page's own words.
    await page.waitForFunction(() => document.querySelector("#announcer")?.textContent?.endsWith("+100 points."));
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "next-assignment");
    await page.waitForFunction(() => document.querySelector('[data-testid="points"]')?.textContent?.trim() === "100");

    // Solved again: still correct, no new points.
    await submitAndWait(page, unique(CORRECT), "passed");
    expect(await page.textContent('[data-testid="feedback"]')).toContain("Already solved, no new points");
    expect(await points(page)).toBe("100");
    await page.reload();
    expect(await points(page)).toBe("100");

    // A new visit: the points are in the header, the list shows the solved mark and the
    // progress, and / resumes at the first unsolved assignment.
    const visit = await context.newPage();
    await visit.goto(`${base}/assignments`);
    expect(await points(visit)).toBe("100");
    expect(await visit.textContent(".progress-text")).toContain("1 of");
    expect(await visit.locator("ol.assignments li.solved").count()).toBe(1);
    await visit.goto(`${base}/`);
    expect(await visit.textContent("h1")).toContain("Hello world");
    await visit.close();

    await page.click('[data-testid="next-assignment"]');
    await page.waitForURL(/\/assignments\/\d+$/);
    expect(await page.textContent("h1")).toContain("Hello world");
    expect(await points(page)).toBe("100");
    expect(errors).toEqual([]);
    await context.close();
  });

  test("two tabs of the same user both see the result", async () => {
    const context = await stack.browser.newContext();
    const [a, b] = [await context.newPage(), await context.newPage()];
    await a.goto(`${base}/`);
    await b.goto(a.url());
    await Promise.all([a.waitForSelector(".cm-content"), b.waitForSelector(".cm-content")]);
    await a.fill("#code", unique("import time\ntime.sleep(1)\n" + CORRECT));
    await a.click("button[type=submit]");
    for (const page of [a, b]) {
      await page.waitForSelector(`${GRADED}[data-outcome="passed"]`, { timeout: 20_000 });
      await page.waitForFunction(() => document.querySelector('[data-testid="points"]')?.textContent?.trim() === "100");
    }
    expect(await b.getAttribute(STATUS, "data-submission")).toBe(await a.getAttribute(STATUS, "data-submission"));
    await context.close();
  });
});

describe("the editor", () => {
  test("Ctrl+Enter submits; Submit is off while the submission is pending, saying why", async () => {
    const { context, page } = await student();
    await page.fill("#code", unique("import time\ntime.sleep(1)\ndef hello():\n    return 'Hi'\n"));
    await page.focus("#code");
    await page.keyboard.press("Control+Enter");
    await page.waitForSelector(`${STATUS}[data-status="queued"], ${STATUS}[data-status="grading"]`);
    expect(await page.isDisabled("button[type=submit]")).toBe(true);
    expect(await page.textContent("#submit-note")).toContain("being graded");
    await page.waitForSelector(GRADED, { timeout: 20_000 });
    expect(await page.isDisabled("button[type=submit]")).toBe(false);
    expect((await page.textContent("#submit-note"))?.trim()).toBe("");
    await context.close();
  });

  test("the draft survives a reload; Reset to starter asks first, then brings the starter back", async () => {
    const { context, page } = await student();
    const starter = (await page.getAttribute("#editor-form", "data-starter"))!;
    const draft = "def hello():\n    # still thinking\n    return 'draft'\n";
    await page.fill("#code", draft);
    await page.reload();
    await page.waitForSelector(".cm-content");
    expect(await formCode(page)).toBe(draft);
    expect(await page.textContent(".cm-content")).toContain("still thinking");

    page.once("dialog", (d) => void d.dismiss());
    await page.click("#reset-starter");
    expect(await formCode(page)).toBe(draft);
    page.once("dialog", (d) => void d.accept());
    await page.click("#reset-starter");
    await page.waitForFunction((s) => (document.querySelector("textarea[name=code]") as HTMLTextAreaElement).value === s, starter);
    await page.reload();
    await page.waitForSelector(".cm-content");
    expect(await formCode(page)).toBe(starter);
    await context.close();
  });

  test("history: earlier submissions with code and feedback; 'load this code' puts it back, with or without JavaScript", async () => {
    const { context, page } = await student();
    const first = unique("def hello():\n    return 'first try'\n");
    await submitAndWait(page, first, "failed");
    await submitAndWait(page, unique("def hello():\n    return 'second try'\n"), "failed");
    const entry = page.locator("#history details.past-entry").first();
    expect(await page.locator("#history details.past-entry").count()).toBe(1);
    await entry.locator("summary").click();
    expect(await entry.locator(".past-code").textContent()).toBe(first);
    expect(await entry.locator(".past-feedback").textContent()).toContain('should return "Hello"');
    await entry.locator("a.load-code").click();
    expect(await formCode(page)).toBe(first);
    expect(page.url()).not.toContain("from="); // no page load with JavaScript

    // Without JavaScript the same link loads the page with that code in the textarea.
    const plain = await stack.browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
    const noJs = await plain.newPage();
    await noJs.goto(page.url());
    await noJs.click("#history details.past-entry summary");
    await noJs.click("#history a.load-code");
    await noJs.waitForURL(/from=\d+/);
    expect(await noJs.inputValue("#code")).toBe(first);
    await plain.close();
    await context.close();
  });
});

describe("screenshots (tests/artifacts/)", () => {
  test("the assignment page and the list: light and dark, phone and desktop", async () => {
    const { context, page, errors } = await student({ viewport: { width: 1280, height: 900 } });
    await submitAndWait(page, unique("def hello():\n    print('checking', 42)\n    return 'hello '\n"), "failed");
    await submitAndWait(page, unique("def hello():\n    print('checking', 42)\n    return 'Hello'.lower()\n"), "failed");
    await page.click(".feedback details.output summary");
    const shots: [string, { width: number; height: number }][] = [
      ["desktop", { width: 1280, height: 900 }],
      ["phone", { width: 390, height: 844 }],
    ];
    for (const [name, viewport] of shots) {
      await page.setViewportSize(viewport);
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: join(ARTIFACTS, `assignment-${name}-${scheme}.png`), fullPage: true });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: "light" });
    await submitAndWait(page, unique(CORRECT), "passed");
    await page.screenshot({ path: join(ARTIFACTS, "assignment-desktop-passed.png") });
    await page.goto(`${base}/assignments`);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(ARTIFACTS, `list-desktop-${scheme}.png`), fullPage: true });
    }
    expect(await page.locator(STATUS).count()).toBe(0); // the list has no widget
    expect(errors).toEqual([]);
    await context.close();
  });
});
