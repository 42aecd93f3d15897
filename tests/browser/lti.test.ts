// An LTI launch in Chromium from the test platform (tests/helpers/lti-platform.ts): top-level,
// and inside an iframe of the LMS's page on another site with third-party cookies blocked
// (CDP Network.setCookieControls, as Chrome's own setting): the student lands on the assignment
// signed in, solves it there, and "Open in a new window" signs a new top-level window in.
// Debian's Chromium 156 here blocks unpartitioned third-party cookies even without it; with
// the launch cookie's `Partitioned` removed this test fails (tried by hand), so it proves
// the cookie that makes the iframe work.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import type { Browser, Frame } from "playwright-core";
import { launchChromium, pageWithoutThirdPartyCookies } from "../helpers/browser";
import { ROLE, startPlatform, type TestPlatform } from "../helpers/lti-platform";
import { freePort, type Proc, startGrader, startWeb } from "../helpers/processes";
import { ltiDatabase } from "../lti/helpers";

setDefaultTimeout(60_000);

// The tool on localhost, the LMS on 127.0.0.1: two sites, so the iframe is third-party.
const port = freePort();
const tool = `http://localhost:${port}`;
let platform: TestPlatform;
let browser: Browser;
let procs: Proc[] = [];
const db = await ltiDatabase();
beforeAll(async () => {
  platform = await startPlatform(tool);
  const added = Bun.spawnSync(["bun", "run", "lti:platform", ...platform.addArgs()], { env: { ...process.env, ...db }, stderr: "pipe" });
  expect(added.exitCode).toBe(0);
  const [web, grader, b] = await Promise.all([startWeb(port, { PUBLIC_URL: tool, ...db }), startGrader(db), launchChromium()]);
  procs = [web, grader];
  browser = b;
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(procs.map((p) => p.stop()));
  platform?.close();
});

const shot = (name: string) => join(import.meta.dir, "..", "artifacts", name);
const student = (name: string) => ({ sub: `s-${crypto.randomUUID()}`, name, roles: [ROLE.learner] });
const points = '[data-testid="points"]';
const hasPoints = (frame: Frame, n: string) =>
  frame.waitForFunction(([sel, want]) => document.querySelector(sel!)?.textContent?.trim() === want, [points, n], { timeout: 20_000 });

describe("LTI launch in Chromium", () => {
  test("top-level: the LMS's link opens the assignment signed in", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const hint = platform.prepare({ user: student("Top Level"), slug: "hello" });
    await page.goto(`${platform.issuer}/course?top=1&hint=${hint}`);
    await page.click("#open");
    await page.waitForSelector('[data-testid="account-name"]');
    expect(new URL(page.url()).pathname).toMatch(/^\/assignments\/\d+$/);
    expect(await page.textContent('[data-testid="account-name"]')).toBe("Top Level");
    await context.close();
  });

  test("in a cross-site iframe with third-party cookies blocked: signed in, solves, opens a new window", async () => {
    const { context, page, errors } = await pageWithoutThirdPartyCookies(browser);
    const hint = platform.prepare({ user: student("Ada In Frame"), slug: "hello" });
    await page.goto(`${platform.issuer}/course?hint=${hint}`);
    const frame = await (await page.waitForSelector("#tool")).contentFrame();
    await frame!.waitForSelector('[data-testid="account-name"]');
    expect(await frame!.textContent('[data-testid="account-name"]')).toBe("Ada In Frame");

    // Third-party cookies are blocked here: an unpartitioned cookie the tool sets in the frame is not kept.
    const cookies = await context.cookies(tool);
    expect(cookies.filter((c) => c.name === "uid").every((c) => c.partitionKey !== undefined)).toBe(true);
    expect(cookies.some((c) => c.name === "uid" && c.partitionKey)).toBe(true);

    await frame!.fill("#code", "def hello():\n    return 'Hello'\n");
    await frame!.click("#submit-button");
    await hasPoints(frame!, "100");
    await page.screenshot({ path: shot("lti-iframe.png"), fullPage: true });

    await frame!.click('[data-testid="lti-new-window"]');
    const link = await frame!.waitForSelector('[data-testid="lti-open-window"]');
    const [popup] = await Promise.all([context.waitForEvent("page"), link.click()]);
    await popup.waitForSelector('[data-testid="account-name"]');
    expect(new URL(popup.url()).origin).toBe(tool);
    expect(await popup.textContent('[data-testid="account-name"]')).toBe("Ada In Frame");
    expect((await popup.textContent(points))?.trim()).toBe("100");
    await popup.screenshot({ path: shot("lti-new-window.png") });
    expect(errors).toEqual([]);
    await context.close();
  });
});
