// The staff page in Chromium against a real web process: it renders under the CSP, the
// Staff link shows, and the table updates by itself when a student submits (pushed).
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import postgres from "postgres";
import { signUserId } from "../../src/identity/cookie";
import { launchChromium } from "../helpers/browser";
import { freePort, type Proc, startWeb } from "../helpers/processes";

setDefaultTimeout(60_000);

const ARTIFACTS = join(import.meta.dir, "..", "artifacts");
const SECRET = "browser-staff-secret-0123456789";
const EMAIL = "browser-teacher@example.edu";
const port = freePort();
const base = `http://127.0.0.1:${port}`;
let web: Proc;
let browser: Browser;
const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  [web, browser] = await Promise.all([startWeb(port, { SESSION_SECRET: SECRET, STAFF_EMAILS: EMAIL }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await sql.end();
});

describe("staff in the browser", () => {
  test("the course table renders, shows the Staff link, and updates live when a student submits", async () => {
    const staffId = crypto.randomUUID();
    await sql`insert into accounts (user_id, issuer, subject, name, email) values (${staffId}, 'https://idp.example', ${staffId}, 'Teacher', ${EMAIL})`;
    const context = await browser.newContext();
    await context.addCookies([{ name: "uid", value: signUserId(SECRET, staffId), url: base }]);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    // Newest activity first: the student below is the first row however many the suite made
    // before (the table shows 100 a page; sorted by name, a new anonymous one may be past it).
    await page.goto(`${base}/staff?sort=last&dir=desc`);
    expect(await page.textContent("h1")).toBe("Course");
    expect(await page.isVisible('[data-testid="staff-link"]')).toBe(true);
    await page.waitForTimeout(500); // the event stream connects

    // A new student submits: their row appears without a reload.
    const list = (await (await fetch(`${base}/api/assignments`)).json()) as { id: number }[];
    const res = await fetch(`${base}/api/assignments/${list[0]!.id}/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: `print('hi') # ${crypto.randomUUID()}` }),
    });
    expect(res.status).toBe(202);
    const studentId = res.headers.get("set-cookie")!.match(/uid=([0-9a-f-]{36})\./)![1]!;
    await page.waitForSelector(`tr[data-user="${studentId}"] td[data-state="attempted"]`, { timeout: 10_000 });
    await page.screenshot({ path: join(ARTIFACTS, "staff-course.png"), fullPage: true });
    expect(problems).toEqual([]);

    // A student sees no Staff link.
    const student = await browser.newPage();
    await student.goto(`${base}/assignments`);
    expect(await student.$('[data-testid="staff-link"]')).toBeNull();
    await context.close();
  });
});
