// Modules on the pages and in the API (the list with each module's progress, the breadcrumb,
// Next across a module boundary, the staff's module), and the hints that unfold: the first on
// request, the second once offered after three failed attempts, live in the stream too, at no
// query of its own. On a copy of the course whose first assignment has a second hint of the
// test's own and the first module's last none.
import { describe, expect, test } from "bun:test";
import { readCourse } from "../../src/assignments/files";
import { SECOND_HINT_AFTER } from "../../src/assignments/hints";
import { appsForThisFile, Client, unique } from "../helpers/app";
import { copyCourse, courseDatabase, setSecondHint } from "../helpers/course";
import { gradeByHand } from "../helpers/grading";
import { STAFF_EMAIL, staffClient } from "../staff/fixtures";

const SECOND = "Compare your text with `'Hello'` letter by letter: capital H, no space, no `!`.";
const dir = copyCourse();
const course = readCourse(dir);
const first = course.assignments[0]!;
setSecondHint(dir, first.slug, SECOND);
// The first module's last assignment has none (the no-second-hint case below).
setSecondHint(dir, course.assignments.filter((a) => a.module?.slug === first.module?.slug).at(-1)!.slug, null);
const scratch = await courseDatabase(dir);
const t = appsForThisFile()({ DATABASE_URL: scratch.databaseUrl, STAFF_EMAILS: STAFF_EMAIL });

const ids = async () => {
  const list = (await (await Client.forApp(t.app).json("/api/assignments")).json()) as { id: number; slug: string }[];
  return Object.fromEntries(list.map((a) => [a.slug, a.id]));
};
const idOf = async (slug: string) => (await ids())[slug]!;

/** Submits and grades by hand (no grader); returns the submission's id. */
async function attempt(c: Client, slug: string, outcome: "passed" | "failed") {
  const res = await c.submit(await idOf(slug), unique("def hello():\n    return 'hi'\n"));
  const { id } = (await res.json()) as { id: number };
  await gradeByHand(t.ctx.db, id, { outcome, message: outcome, tests: [{ name: "test_x", passed: outcome === "passed", message: "" }] });
  t.ctx.cache.users.clear(); // as the grader's change message would
  return id;
}

/** The first module followed by another, its last assignment and the next module's first. */
function boundary() {
  const [m1, m2] = course.modules;
  const last = course.assignments.filter((a) => a.module?.slug === m1!.slug).at(-1)!;
  const next = course.assignments.find((a) => a.module?.slug === m2!.slug)!;
  return { m1: m1!, m2: m2!, last, next };
}

describe("modules", () => {
  test("the list groups the assignments under their modules, each with its progress", async () => {
    const c = Client.forApp(t.app);
    const page = await (await c.request("/assignments")).text();
    const sections = [...page.matchAll(/data-testid="module" data-module="([^"]+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(course.modules.map((m) => m.slug));
    const m1 = course.modules[0]!;
    const count = course.assignments.filter((a) => a.module?.slug === m1.slug).length;
    expect(page).toContain(`data-testid="module-progress" data-solved="0" data-count="${count}"`);
    expect(page).toContain(`aria-label="${m1.title}: 0 of ${count} solved"`);
    expect(page).toContain(`>${m1.title}</h2>`);
    expect(page).toContain(m1.intro.split("\n")[0]!.slice(0, 30));

    await attempt(c, first.slug, "passed");
    const after = await (await c.request("/assignments")).text();
    expect(after).toContain(`data-testid="module-progress" data-solved="1" data-count="${count}"`);
    expect(after).toContain(`<span>1 of ${count} solved</span>`);
    // `/` goes on to the first unsolved assignment in course order.
    expect((await c.request("/")).headers.get("location")).toBe(`/assignments/${await idOf(course.assignments[1]!.slug)}`);
  });

  test("API: list items and one assignment carry their module's title", async () => {
    const list = (await (await Client.forApp(t.app).json("/api/assignments")).json()) as { slug: string; module: string }[];
    expect(list.map((a) => [a.slug, a.module])).toEqual(course.assignments.map((a) => [a.slug, a.module!.title]));
    const one = (await (await Client.forApp(t.app).json(`/api/assignments/${await idOf(first.slug)}`)).json()) as Record<string, unknown>;
    expect(one).toMatchObject({ module: first.module!.title, hint: first.hint, secondHint: null });
  });

  test("the page says where the assignment sits, and Next crosses into the next module naming it", async () => {
    const { m1, m2, last, next } = boundary();
    const c = Client.forApp(t.app);
    const inM1 = course.assignments.filter((a) => a.module?.slug === m1.slug);
    const page = await (await c.request(`/assignments/${await idOf(last.slug)}`)).text();
    expect(page).toContain(`${m1.title} · ${inM1.length} of ${inM1.length}`);

    const s = await attempt(c, last.slug, "passed");
    const stream = await (await c.request(`/submissions/${s}/stream`)).text();
    expect(stream).toContain(`href="/assignments/${await idOf(next.slug)}">Next: ${next.title} — ${m2.title} →</a>`);
    // Within a module the link names the assignment alone.
    const within = inM1[0]!;
    const s2 = await attempt(c, within.slug, "passed");
    const text = await (await c.request(`/submissions/${s2}/stream`)).text();
    expect(text).toContain(`>Next: ${inM1[1]!.title} →</a>`);
  });

  test("staff: the statistics and the course table name each assignment's module", async () => {
    const staff = (await staffClient(t)).client;
    const stats = (await (await staff.json("/api/staff/assignments")).json()) as { slug: string; module: string }[];
    expect(stats.map((a) => [a.slug, a.module])).toEqual(course.assignments.map((a) => [a.slug, a.module!.title]));
    const page = await (await staff.request("/staff")).text();
    const heads = [...page.matchAll(/scope="colgroup" colspan="(\d+)"[^>]*>([^<]*)<\/th>/g)];
    expect(heads.map((h) => h[2])).toEqual(course.modules.map((m) => m.title));
    expect(heads.reduce((n, h) => n + Number(h[1]), 0)).toBe(course.assignments.length);
  });
});

describe("hints", () => {
  test("the first hint opens on request; the second is offered after three failed attempts, in the page, the stream and the API", async () => {
    const c = Client.forApp(t.app);
    const id = await idOf(first.slug);
    const page = await (await c.request(`/assignments/${id}`)).text();
    expect(page).toContain('<details class="hint-box" data-testid="hint"><summary>Show a hint</summary>');
    expect(page).toContain('<div id="hint2"></div>');
    expect(page).not.toContain("Another hint");

    let last = 0;
    for (let i = 1; i <= SECOND_HINT_AFTER; i++) {
      last = await attempt(c, first.slug, "failed");
      const api = (await (await c.json(`/api/assignments/${id}`)).json()) as { secondHint: string | null };
      expect(api.secondHint).toBe(i < SECOND_HINT_AFTER ? null : SECOND);
    }
    const stream = await (await c.request(`/submissions/${last}/stream`)).text();
    expect(stream).toMatch(
      /<hx-partial hx-target="#hint2" hx-swap="outerHTML"><div id="hint2"><details class="hint-box hint2" data-testid="hint2">/,
    );
    const now = await (await c.request(`/assignments/${id}`)).text();
    expect(now).toContain("<summary>Still stuck? Another hint</summary>");
    expect(now).toContain("letter by letter");
    // Still offered after a pass, on later visits.
    await attempt(c, first.slug, "passed");
    expect(await (await c.request(`/assignments/${id}`)).text()).toContain('data-testid="hint2"');
  });

  test("deciding costs no query: a page with a second hint reads what one without reads, and a warm page none", async () => {
    const { last } = boundary(); // no second hint
    const cost = async (slug: string) => {
      const c = Client.forApp(t.app);
      await c.request("/assignments");
      for (let i = 0; i < SECOND_HINT_AFTER; i++) await attempt(c, slug, "failed");
      const path = `/assignments/${await idOf(slug)}`;
      const before = t.ctx.stats.queries;
      const page = await (await c.request(path)).text();
      const rendered = t.ctx.stats.queries - before;
      await c.request(path);
      return { rendered, warm: t.ctx.stats.queries - before - rendered, offered: page.includes('data-testid="hint2"') };
    };
    const withHint = await cost(first.slug);
    const without = await cost(last.slug);
    expect(withHint.offered).toBe(true);
    expect(without.offered).toBe(false);
    expect(withHint.rendered).toBeGreaterThan(0);
    expect(withHint.rendered).toBe(without.rendered);
    expect(withHint.warm).toBe(0);
  });
});
