// Deep Linking in Chromium: an instructor adds activities from the test LMS's course page,
// where PyPractice is in a cross-site iframe with third-party cookies blocked. They tick two
// assignments in our picker; the frame posts the signed response to the LMS by itself (the
// return page's own CSP lets that one form leave our origin and its one script run), and the
// LMS verifies it against our JWKS.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { appsForThisFile } from "../helpers/app";
import { launchChromium, pageWithoutThirdPartyCookies } from "../helpers/browser";
import { ROLE, startPlatform, type TestPlatform } from "../helpers/lti-platform";
import { freePort, type Proc, startWeb } from "../helpers/processes";
import { ltiDatabase, register } from "../lti/helpers";

setDefaultTimeout(60_000);

const port = freePort();
const tool = `http://localhost:${port}`;
const db = await ltiDatabase();
const local = appsForThisFile()(db);
let platform: TestPlatform;
let browser: Browser;
let web: Proc;
beforeAll(async () => {
  platform = await startPlatform(tool);
  await register(local.ctx, platform);
  [web, browser] = await Promise.all([startWeb(port, { PUBLIC_URL: tool, ...db }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
  platform?.close();
});

const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

describe("Deep Linking in Chromium", () => {
  test("an instructor picks two assignments in the LMS's iframe and the LMS receives them, signed", async () => {
    const { context, page, errors } = await pageWithoutThirdPartyCookies(browser);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const hint = platform.prepare({
      user: { sub: `i-${crypto.randomUUID()}`, name: "Iris Instructor", roles: [ROLE.instructor] },
      messageType: "LtiDeepLinkingRequest",
      claims: platform.deepLinkingClaims({ data: "dl-data-1" }),
    });
    await page.goto(`${platform.issuer}/course?hint=${hint}`);
    const frame = await (await page.waitForSelector("#tool")).contentFrame();
    await frame!.waitForSelector('[data-testid="lti-picker"]');
    await frame!.check('[data-testid="pick-hello"]');
    await frame!.check('[data-testid="pick-sum"]');
    await page.screenshot({ path: join(import.meta.dir, "..", "artifacts", "lti-deep-linking-picker.png"), fullPage: true });
    await frame!.click('[data-testid="pick-submit"]');
    await page.waitForFunction(() => {
      const f = document.querySelector<HTMLIFrameElement>("#tool");
      try {
        return f?.contentDocument?.body?.textContent?.includes("Activities added (LMS)") ?? false;
      } catch {
        return false; // still our origin
      }
    });
    await page.screenshot({ path: join(import.meta.dir, "..", "artifacts", "lti-deep-linking-returned.png"), fullPage: true });
    const payload = platform.deepLinks.at(-1)!;
    expect(payload[`${DL}data`]).toBe("dl-data-1");
    const items = payload[`${DL}content_items`] as { custom: { assignment: string }; lineItem: { scoreMaximum: number } }[];
    expect(items.map((i) => i.custom.assignment)).toEqual(["hello", "sum"]);
    expect(items.every((i) => i.lineItem.scoreMaximum === 100)).toBe(true);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
