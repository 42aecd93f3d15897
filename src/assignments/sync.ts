import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { assignments } from "../db/schema";
import { readAssignments } from "./files";

/** Loads assignments/ into the database by slug; idempotent. Returns how many were synced. */
export async function syncAssignments(db: Db, dir: string): Promise<number> {
  const files = readAssignments(dir);
  for (const a of files) {
    const values = {
      slug: a.slug,
      title: a.title,
      position: a.position,
      handout: a.handout,
      starterCode: a.starterCode,
      testCode: a.testCode,
      testVersion: a.testVersion,
    };
    await db
      .insert(assignments)
      .values(values)
      .onConflictDoUpdate({
        target: assignments.slug,
        set: { ...values, updatedAt: sql`now()` },
      });
  }
  return files.length;
}
