// Hostile output in a real browser: code that prints <script> and <img onerror> is graded
// for real and shown; no dialog opens, no request leaves for another origin, and the
// Content-Security-Policy would stop injected script even if escaping ever failed.
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import Redis from "ioredis";
import type { Page } from "playwright-core";
import { testConfig } from "../helpers/app";
import { browserStack } from "../helpers/browser";
import { freePort, startWeb } from "../helpers/processes";

// Real processes and real sandboxes.
setDefaultTimeout(60_000);

const stack = browserStack();
const base = stack.base;

/** A page that records dialogs, requests to other origins, CSP violations and errors. */
async function watchedPage() {
  const page = await stack.browser.newPage();
  const seen = {
    dialogs: [] as string[],
    foreign: [] as string[],
    requests: [] as string[],
    errors: [] as string[],
    answered: [] as string[],
    failed: [] as string[],
  };
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("request", (r) => {
    seen.requests.push(r.url());
    if (!r.url().startsWith(`${base}/`) && !r.url().startsWith("data:")) seen.foreign.push(r.url());
  });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  // A request the browser started but CSP stopped shows up as failed, never answered.
  page.on("response", (r) => seen.answered.push(r.url()));
  page.on("requestfailed", (r) => seen.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  // Runs before the page's own scripts; CSP does not apply to it.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, seen, csp: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

const graded = '[data-testid="submission-status"][data-status="graded"]';

const HOSTILE = `print("<script>alert(1)</script>")
print("<img src=x onerror=alert(1)>")
print('<img src="https://evil.example/track.png">')
print('<div hx-get="/api/me" hx-trigger="load" hx-target="body">htmx</div>')
print('<hx-partial hx-target="#points">999</hx-partial>')

def hello():
    return "<img src=x onerror=alert(2)><script>alert(3)</script>"
`;

async function noMarkupIn(page: Page) {
  const inFeedback = await page.evaluate(() => {
    const f = document.querySelector('[data-testid="feedback"]')!;
    return {
      elements: f.querySelectorAll("script, img, [hx-get], [onerror], template").length,
      text: f.textContent ?? "",
      ignored: f.hasAttribute("hx-ignore"),
    };
  });
  expect(inFeedback.elements).toBe(0);
  expect(inFeedback.ignored).toBe(true);
  expect(inFeedback.text).toContain("<script>alert(1)</script>");
  expect(inFeedback.text).toContain("<img src=x onerror=alert(1)>");
  expect(inFeedback.text).toContain("alert(2)"); // the returned value, in the failed test's details
  expect((await page.textContent('[data-testid="points"]'))?.trim()).toBe("0");
}

describe("hostile output in the browser", () => {
  test("printed <script> and <img onerror> show as text: no dialog, no foreign request, no CSP violation", async () => {
    const { page, seen, csp } = await watchedPage();
    await page.goto(`${base}/`);
    await page.fill("#code", `${HOSTILE}# ${crypto.randomUUID()}\n`);
    await page.click("button[type=submit]");
    await page.waitForSelector(graded, { timeout: 20_000 }); // swapped in live, over SSE
    await page.click("details.output summary");
    await page.waitForTimeout(500); // time for anything injected to fire
    await noMarkupIn(page);
    const live = seen.requests.length;

    await page.reload(); // the same result rendered by the server
    await page.waitForSelector(graded);
    await page.click("details.output summary");
    await page.waitForTimeout(500);
    await noMarkupIn(page);

    expect(seen.dialogs).toEqual([]);
    expect(seen.foreign).toEqual([]);
    expect(seen.requests.some((u) => u.endsWith("/api/me"))).toBe(false); // the injected hx-get never ran
    expect(live).toBeGreaterThan(0);
    expect(await csp()).toEqual([]); // htmx itself needs nothing the policy forbids
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  test("even markup that got into the page could not run script or call out: the CSP blocks it", async () => {
    const { page, seen, csp } = await watchedPage();
    await page.goto(`${base}/assignments`);
    await page.evaluate(() => {
      // Simulates an escaping bug: raw markup inserted into the page.
      document.body.insertAdjacentHTML("beforeend", '<img src="/nothing.png" onerror="alert(1)"><img src="https://evil.example/x.png">');
      const s = document.createElement("script");
      s.textContent = "alert(2)";
      document.body.append(s);
    });
    await page.waitForTimeout(500);
    expect(seen.dialogs).toEqual([]);
    expect(seen.answered.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
    expect(seen.failed).toContain("https://evil.example/x.png csp");
    const violations = await csp();
    expect(violations.some((v) => v.startsWith("script-src"))).toBe(true);
    expect(violations.some((v) => v.startsWith("img-src") && v.includes("evil.example"))).toBe(true);
    await page.close();
  });
});

describe("the real server", () => {
  test("huge headers and addresses are refused by Bun before the app (4xx, never 5xx)", async () => {
    const big = await fetch(`${base}/api/me`, { headers: { "x-junk": "a".repeat(20_000) } });
    expect(big.status).toBe(431);
    const long = await fetch(`${base}/api/assignments?q=${"a".repeat(100_000)}`);
    expect(long.status).toBe(431);
  });

  test("per-IP limits count the socket's address (passed on by the request wrapper)", async () => {
    const p = freePort();
    // A prefix of its own: the run's other web processes also count 127.0.0.1.
    const prefix = `pp:test-ip-${crypto.randomUUID()}:`;
    const web = await startWeb(p, { SUBMISSIONS_PER_MINUTE_PER_IP: "2", REDIS_PREFIX: prefix });
    try {
      const send = () =>
        fetch(`http://127.0.0.1:${p}/api/assignments/999999/submissions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        });
      // Three new users (no cookie each time), one address.
      expect((await send()).status).toBe(404);
      expect((await send()).status).toBe(404);
      const limited = await send();
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).not.toBeNull();
    } finally {
      await web.stop();
      const redis = new Redis(testConfig().redisUrl);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });
});
