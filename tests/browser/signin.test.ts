// Sign-in in a real browser: solve anonymously, sign in, add the progress, sign out; a second
// browser context (another device) signs in and sees the points. The provider is panva's
// oidc-provider on loopback (tests/helpers/oidc.ts).
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../helpers/browser";
import { newUser, startProvider } from "../helpers/oidc";
import { freePort, type Proc, startGrader, startWeb } from "../helpers/processes";

setDefaultTimeout(60_000);

const port = freePort();
const base = `http://127.0.0.1:${port}`;
const op = await startProvider(base);
let browser: Browser;
let procs: Proc[] = [];
beforeAll(async () => {
  const [web, grader, b] = await Promise.all([startWeb(port, { ...op.env, PUBLIC_URL: base }), startGrader(), launchChromium()]);
  procs = [web, grader];
  browser = b;
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(procs.map((p) => p.stop()));
  await op.close();
});

const points = '[data-testid="points"]';

describe("sign-in in the browser", () => {
  test("solve anonymously, sign in, add it, sign out; another device sees the points", async () => {
    const user = newUser("Ada Lovelace");
    op.as(user);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await page.fill("#code", "def hello():\n    return 'Hello'\n");
    await page.click("#submit-button");
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.trim() === "100", points, { timeout: 15_000 });

    await page.click('[data-testid="sign-in"]');
    await page.waitForURL(`${base}/auth/claim`);
    expect(await page.textContent('[data-testid="claim-summary"]')).toBe("1 solved assignment, 1 submission");
    expect((await page.textContent(points))?.trim()).toBe("100"); // still this browser's own, until the choice
    await page.screenshot({ path: join(import.meta.dir, "..", "artifacts", "claim.png"), fullPage: true });
    await page.click('[data-testid="claim-add"]');
    await page.waitForSelector('[data-testid="account-name"]');
    expect(await page.textContent('[data-testid="account-name"]')).toBe("Ada Lovelace");
    await page.goto(`${base}/assignments`);
    expect((await page.textContent(points))?.trim()).toBe("100");

    await page.click('[data-testid="sign-out"]');
    await page.waitForSelector('[data-testid="sign-in"]');
    await page.goto(`${base}/assignments`);
    expect((await page.textContent(points))?.trim()).toBe("0");
    expect(errors).toEqual([]);

    const device = await (await browser.newContext()).newPage();
    await device.goto(`${base}/assignments`);
    await device.click('[data-testid="sign-in"]');
    await device.waitForSelector('[data-testid="account-name"]');
    await device.goto(`${base}/assignments`);
    expect((await device.textContent(points))?.trim()).toBe("100");
    await context.close();
  });
});
