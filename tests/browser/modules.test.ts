// Modules and hints in a real browser (Debian Chromium): the list with each module's
// progress, solving a module's last assignment and following Next into the next module, the
// hint opened on request and the second hint appearing live after the third failure.
// The course is a copy of assignments/ (chosen by readCourse, so it grows with the content)
// whose first assignment has a second hint, in a database of this file's own.
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { readCourse } from "../../src/assignments/files";
import { assignmentIds, unique } from "../helpers/app";
import { browserStack, submitAndWait } from "../helpers/browser";
import { copyCourse, courseDatabase, setSecondHint } from "../helpers/course";

setDefaultTimeout(60_000);

const ARTIFACTS = join(import.meta.dir, "..", "artifacts");
mkdirSync(ARTIFACTS, { recursive: true });
const SECOND = "Check the capital H: the tests compare the exact text.";
const dir = copyCourse();
const course = readCourse(dir);
const first = course.assignments[0]!;
setSecondHint(dir, first.slug, SECOND);
const scratch = await courseDatabase(dir);
const stack = browserStack({ DATABASE_URL: scratch.databaseUrl });
const base = stack.base;

async function student() {
  const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

describe("modules", () => {
  test("the list shows every module with its progress (screenshots: desktop and phone, light and dark)", async () => {
    const { context, page, errors } = await student();
    await page.goto(`${base}/`);
    await page.waitForSelector(".cm-content");
    await submitAndWait(page, unique(first.referenceCode), "passed");
    await page.goto(`${base}/assignments`);
    const sections = page.locator('[data-testid="module"]');
    expect(await sections.count()).toBe(course.modules.length);
    const m1 = sections.first();
    expect(await m1.getAttribute("data-module")).toBe(course.modules[0]!.slug);
    const inM1 = course.assignments.filter((a) => a.module?.slug === course.modules[0]!.slug).length;
    expect(await m1.locator('[data-testid="module-progress"]').textContent()).toContain(`1 of ${inM1} solved`);
    expect(await m1.locator("progress").getAttribute("aria-label")).toBe(`${course.modules[0]!.title}: 1 of ${inM1} solved`);
    expect(await m1.locator("li.solved").count()).toBe(1);
    expect(await sections.nth(1).locator('[data-testid="module-progress"]').textContent()).toContain("0 of");
    for (const [name, viewport] of [
      ["desktop", { width: 1280, height: 900 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: join(ARTIFACTS, `modules-${name}-${scheme}.png`), fullPage: true });
      }
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test("solving a module's last assignment, Next names the next module and opens its first assignment", async () => {
    const [m1, m2] = course.modules;
    const last = course.assignments.filter((a) => a.module?.slug === m1!.slug).at(-1)!;
    const next = course.assignments.find((a) => a.module?.slug === m2!.slug)!;
    const ids = await assignmentIds(base);
    const { context, page, errors } = await student();
    await page.goto(`${base}/assignments/${ids[last.slug]}`);
    await page.waitForSelector(".cm-content");
    expect(await page.textContent(".crumbs")).toContain(`${m1!.title} ·`);
    await submitAndWait(page, unique(last.referenceCode), "passed");
    const link = page.locator('[data-testid="next-assignment"]');
    expect(await link.textContent()).toBe(`Next: ${next.title} — ${m2!.title} →`);
    await link.click();
    await page.waitForURL(`${base}/assignments/${ids[next.slug]}`);
    expect(await page.textContent("h1")).toContain(next.title);
    expect(await page.textContent(".crumbs")).toContain(`${m2!.title} · 1 of`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("hints", () => {
  test("the hint opens on request; after the third failure the second hint appears without a reload (screenshot)", async () => {
    const ids = await assignmentIds(base);
    const { context, page, errors } = await student();
    await page.goto(`${base}/assignments/${ids[first.slug]}`);
    await page.waitForSelector(".cm-content");
    const hint = page.locator('[data-testid="hint"]');
    expect(await hint.locator(".hint-body").isVisible()).toBe(false);
    await hint.locator("summary").click();
    expect(await hint.locator(".hint-body").isVisible()).toBe(true);
    expect(await hint.locator(".hint-body").textContent()).toContain(first.hint.replace(/[`*_]/g, "").split(/\s+/).slice(0, 3).join(" "));
    expect(await page.locator('[data-testid="hint2"]').count()).toBe(0);

    // Marks this document: a reload would lose the mark.
    await page.evaluate(() => document.body.setAttribute("data-loaded-once", "yes"));
    for (let i = 1; i <= 3; i++) {
      await submitAndWait(page, unique(`def ${first.slug.replace(/-/g, "_")}():\n    return ${i}\n`), "failed");
      if (i < 3) expect(await page.locator('[data-testid="hint2"]').count()).toBe(0);
    }
    const second = page.locator('[data-testid="hint2"]');
    await second.waitFor({ timeout: 5_000 });
    expect(await page.getAttribute("body", "data-loaded-once")).toBe("yes");
    await second.locator("summary").click();
    expect(await second.textContent()).toContain("Still stuck? Another hint");
    expect(await second.locator(".hint-body").textContent()).toContain(SECOND);
    await page.screenshot({ path: join(ARTIFACTS, "hints.png"), fullPage: true });

    // A later visit shows it too.
    await page.reload();
    expect(await page.locator('[data-testid="hint2"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
