// A student's own data in a real browser: download it, then delete it through the page.
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { browserStack } from "../helpers/browser";

setDefaultTimeout(60_000);

const ARTIFACTS = join(import.meta.dir, "..", "artifacts");
const stack = browserStack();
const base = stack.base;
mkdirSync(ARTIFACTS, { recursive: true });

describe("my data in the browser", () => {
  test("solve Hello, download the data, delete it with the confirmation, start again with nothing", async () => {
    const context = await stack.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));

    await page.goto(`${base}/`);
    const code = "def hello():\n    return 'Hello'  # mine\n";
    await page.fill("#code", code);
    await page.click("button[type=submit]");
    await page.waitForSelector('[data-testid="submission-status"][data-status="graded"][data-outcome="passed"]', { timeout: 15_000 });
    const before = (await (await context.request.get(`${base}/api/me`)).json()) as { userId: string; points: number };
    expect(before.points).toBe(100);

    await page.goto(`${base}/assignments`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Download my data")]);
    expect(download.suggestedFilename()).toMatch(/^pypractice-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, "utf8")) as { userId: string; submissions: { code: string }[] };
    expect(data.userId).toBe(before.userId);
    expect(data.submissions.map((s) => s.code)).toContain(code);

    await page.click("text=Delete my data");
    await page.waitForURL(`${base}/me/delete`);
    expect(await page.textContent("main")).toContain("1 submission");
    await page.screenshot({ path: join(ARTIFACTS, "delete-my-data.png"), fullPage: true });
    // Unticked, the browser does not send it.
    await page.click("button.danger");
    expect(page.url()).toBe(`${base}/me/delete`);
    await page.check('input[name="confirm"]');
    await page.click("button.danger");
    await page.waitForSelector("text=Your data was deleted");
    expect((await page.textContent('[data-testid="points"]'))?.trim()).toBe("0");

    const after = (await (await context.request.get(`${base}/api/me`)).json()) as { userId: string; points: number };
    expect(after.userId).not.toBe(before.userId);
    expect(after.points).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
