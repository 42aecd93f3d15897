// Sync from disk to the database: modules and positions, assignments removed from the files
// hidden (never deleted, points kept everywhere), brought back, and changed tests giving a
// new test version. On a course and a database of this file's own.
import { afterAll, describe, expect, test } from "bun:test";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCourse } from "../../src/assignments/files";
import { syncAssignments, syncSummary } from "../../src/assignments/sync";
import { createDb } from "../../src/db/client";
import { appsForThisFile, Client } from "../helpers/app";
import { copyCourse, courseDatabase, folderOf } from "../helpers/course";
import { addAccount, addCompletion, addSubmission, clientFor, STAFF_EMAIL, staffClient } from "../staff/fixtures";

const dir = copyCourse();
const scratch = await courseDatabase(dir);
const t = appsForThisFile()({ DATABASE_URL: scratch.databaseUrl, STAFF_EMAILS: STAFF_EMAIL });
const { db, sql } = createDb(scratch.databaseUrl, 1);
afterAll(() => sql.end());
const sync = () => syncAssignments(db, dir);

/** After a sync: this process reloads its catalog (web processes hear the sync's message). */
async function syncAndReload() {
  const result = await sync();
  t.ctx.cache.catalog.invalidate();
  return result;
}

const rowsBySlug = async () => {
  const rows = await t.ctx.sql`select a.id, a.slug, a.position, a.hidden, a.test_version, a.hint, m.slug as module
    from assignments a left join modules m on m.id = a.module_id`;
  return new Map(rows.map((r) => [r.slug as string, r]));
};

describe("sync", () => {
  test("modules and assignments in course order, each assignment in its module, hints apart", async () => {
    const course = readCourse(dir);
    const rows = await rowsBySlug();
    for (const a of course.assignments) {
      expect(rows.get(a.slug)).toMatchObject({ position: a.position, hidden: false, module: a.module!.slug, hint: a.hint });
    }
    const modules = await t.ctx.sql`select slug, title, position, hidden from modules order by position`;
    expect(modules.map((m) => m.slug)).toEqual(course.modules.map((m) => m.slug));
    expect(modules.every((m) => !m.hidden)).toBe(true);
    expect(await sync()).toEqual({ assignments: course.assignments.length, modules: course.modules.length, hidden: 0 });
  });

  test("a removed folder hides its assignment: not listed, 404 saying it was retired, submissions refused, points kept", async () => {
    const course = readCourse(dir);
    const gone = course.assignments.at(-1)!;
    const id = (await rowsBySlug()).get(gone.slug)!.id as number;
    const user = crypto.randomUUID();
    await addAccount(t, user, "Ada", "ada@example.edu");
    await addCompletion(t, user, id, await addSubmission(t, user, id, "passed"));
    const me = clientFor(t, user);
    expect(((await (await me.json("/api/me")).json()) as { points: number }).points).toBe(100);

    const away = mkdtempSync(join(tmpdir(), "pp-away-"));
    renameSync(gone.folder, join(away, "x"));
    const result = await syncAndReload();
    expect(syncSummary(result)).toContain("1 hidden");
    expect((await rowsBySlug()).get(gone.slug)).toMatchObject({ id, hidden: true });
    expect(await sync()).toMatchObject({ hidden: 0 }); // already hidden

    const list = (await (await me.json("/api/assignments")).json()) as { id: number }[];
    expect(list.map((a) => a.id)).not.toContain(id);
    expect(list).toHaveLength(course.assignments.length - 1);
    for (const path of [`/api/assignments/${id}`, `/assignments/${id}`]) {
      const res = await me.request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain("was retired");
    }
    const refused = await me.submit(id, "def f(): pass");
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: string }).error).toContain("was retired");
    const page = await me.request("/assignments");
    expect(await page.text()).not.toContain(`href="/assignments/${id}"`);

    // Points stay wherever they are counted: /api/me, the export, the staff's table.
    t.ctx.cache.users.invalidate(user);
    expect(await (await me.json("/api/me")).json()).toMatchObject({ points: 100, solved: [id] });
    const exported = (await (await me.json("/api/me/export")).json()) as { points: number; completions: unknown[] };
    expect(exported).toMatchObject({ points: 100, completions: [{ assignment: { id, slug: gone.slug } }] });
    const staff = (await staffClient(t)).client;
    const students = (await (await staff.json("/api/staff/students")).json()) as { userId: string; points: number }[];
    expect(students.find((s) => s.userId === user)?.points).toBe(100);
    const stats = (await (await staff.json("/api/staff/assignments")).json()) as { id: number }[];
    expect(stats.map((s) => s.id)).not.toContain(id);
    expect(await (await staff.request(`/staff/students/${user}`)).text()).toContain(`${gone.title} (retired)`);
    expect((await staff.request(`/staff/assignments/${id}`)).status).toBe(200);

    // Back on disk: shown again, the same id, the points still there.
    renameSync(join(away, "x"), gone.folder);
    rmSync(away, { recursive: true });
    await syncAndReload();
    expect((await rowsBySlug()).get(gone.slug)).toMatchObject({ id, hidden: false, position: gone.position });
    expect((await me.request(`/api/assignments/${id}`)).status).toBe(200);
    const again = (await (await me.json("/api/assignments")).json()) as { id: number; solved: boolean }[];
    expect(again.find((a) => a.id === id)?.solved).toBe(true);
  });

  test("a removed module is hidden with its assignments, and comes back", async () => {
    const course = readCourse(dir);
    const m = course.modules.at(-1)!;
    const folder = join(folderOf(dir, course.assignments.at(-1)!.slug), "..");
    const away = mkdtempSync(join(tmpdir(), "pp-away-"));
    cpSync(folder, join(away, "m"), { recursive: true });
    rmSync(folder, { recursive: true });
    const result = await syncAndReload();
    expect(result.modules).toBe(course.modules.length - 1);
    const [row] = await t.ctx.sql`select hidden from modules where slug = ${m.slug}`;
    expect(row!.hidden).toBe(true);
    const list = (await (await Client.forApp(t.app).json("/api/assignments")).json()) as { module: string }[];
    expect(list.map((a) => a.module)).not.toContain(m.title);

    cpSync(join(away, "m"), folder, { recursive: true });
    rmSync(away, { recursive: true });
    await syncAndReload();
    const [back] = await t.ctx.sql`select hidden from modules where slug = ${m.slug}`;
    expect(back!.hidden).toBe(false);
  });

  test("a changed test file gives a new test version, so no old result is reused", async () => {
    const a = readCourse(dir).assignments[0]!;
    const before = (await rowsBySlug()).get(a.slug)!.test_version;
    const file = join(a.folder, "test_solution.py");
    const original = readFileSync(file, "utf8");
    appendFileSync(file, "\n# one more line\n");
    await syncAndReload();
    const after = (await rowsBySlug()).get(a.slug)!.test_version;
    expect(after).not.toBe(before);
    expect(after).toBe(readCourse(dir).assignments[0]!.testVersion);

    // An identical submission graded under the old tests is not reused.
    const user = crypto.randomUUID();
    const id = (await rowsBySlug()).get(a.slug)!.id as number;
    const code = `def hello():\n    return 'Hello'  # ${crypto.randomUUID()}\n`;
    await t.ctx.sql`insert into submissions (user_id, assignment_id, code, code_hash, test_version, status, outcome)
      values (${user}, ${id}, ${code}, encode(sha256(convert_to(${code}, 'UTF8')), 'hex'), ${before}, 'graded', 'passed')`;
    const res = await clientFor(t, crypto.randomUUID()).submit(id, code);
    expect(((await res.json()) as { reused: boolean; status: string }).reused).toBe(false);
    writeFileSync(file, original);
  });

  test("an empty folder is refused instead of hiding the whole course", async () => {
    const empty = mkdtempSync(join(tmpdir(), "pp-empty-"));
    await expect(syncAssignments(db, empty)).rejects.toThrow(/no assignments/);
    rmSync(empty, { recursive: true });
    expect([...(await rowsBySlug()).values()].every((r) => !r.hidden)).toBe(true);
  });
});
