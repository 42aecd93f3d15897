import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { assignments, modules } from "../db/schema";
import { readCourse } from "./files";

// Any fixed number (the migrations use 7_800_001): processes starting at once sync in turn.
const LOCK_KEY = 7_800_002;

export interface SyncResult {
  /** assignments on disk, now visible */
  assignments: number;
  modules: number;
  /** assignments this sync hid because their folder is gone (hidden, never deleted) */
  hidden: number;
}

/**
 * Loads assignments/ into the database by slug, in one transaction; idempotent. Modules and
 * assignments on disk are inserted or updated (position, module, texts, test version) and
 * shown; those no longer on disk are hidden, never deleted: completions and submissions keep
 * pointing at them (points stay), and a slug that comes back is shown again with its history.
 */
export async function syncAssignments(db: Db, dir: string): Promise<SyncResult> {
  const course = readCourse(dir); // read (and refused when broken) before anything is written
  // An empty or mistyped ASSIGNMENTS_DIR would otherwise hide the whole course.
  if (course.assignments.length === 0) throw new Error(`${dir} holds no assignments: nothing synced`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    const moduleIds = new Map<string, number>();
    for (const [i, m] of course.modules.entries()) {
      const values = { slug: m.slug, title: m.title, intro: m.intro, position: i + 1, hidden: false };
      const [row] = await tx
        .insert(modules)
        .values(values)
        .onConflictDoUpdate({ target: modules.slug, set: { ...values, updatedAt: sql`now()` } })
        .returning({ id: modules.id });
      moduleIds.set(m.slug, row!.id);
    }
    for (const a of course.assignments) {
      const values = {
        slug: a.slug,
        title: a.title,
        position: a.position,
        moduleId: a.module ? moduleIds.get(a.module.slug)! : null,
        handout: a.handout,
        hint: a.hint,
        hint2: a.hint2,
        starterCode: a.starterCode,
        testCode: a.testCode,
        testVersion: a.testVersion,
        hidden: false,
      };
      await tx
        .insert(assignments)
        .values(values)
        .onConflictDoUpdate({ target: assignments.slug, set: { ...values, updatedAt: sql`now()` } });
    }
    // Hidden, never deleted: whatever is no longer on disk.
    const hideMissing = (table: typeof modules | typeof assignments, slugs: string[]) =>
      tx
        .update(table)
        .set({ hidden: true, updatedAt: sql`now()` })
        .where(and(eq(table.hidden, false), notInArray(table.slug, slugs)))
        .returning({ id: table.id });
    await hideMissing(
      modules,
      course.modules.map((m) => m.slug),
    );
    const hidden = await hideMissing(
      assignments,
      course.assignments.map((a) => a.slug),
    );
    return { assignments: course.assignments.length, modules: course.modules.length, hidden: hidden.length };
  });
}

/** One line for the commands that sync: "62 assignments in 12 modules synced; 1 hidden (its folder is gone)". */
export function syncSummary(r: SyncResult): string {
  const hidden = r.hidden ? `; ${r.hidden} hidden (${r.hidden === 1 ? "its folder is" : "their folders are"} gone)` : "";
  return `${r.assignments} assignments in ${r.modules} modules synced${hidden}`;
}
