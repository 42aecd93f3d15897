import { asc, eq } from "drizzle-orm";
import type { Context } from "../context";
import { type AssignmentRow, completions } from "../db/schema";
import { notFound } from "../lib/errors";
import { POINTS_PER_ASSIGNMENT } from "../submissions/status";

export interface AssignmentSummary {
  id: number;
  slug: string;
  title: string;
  order: number;
  solved: boolean;
}

export interface Progress {
  userId: string;
  points: number;
  solved: number[];
}

/**
 * Points and solved set: derived from completions, cached per user until it changes. A new
 * visitor (an id made for this request) has none: no query and nothing cached, so a flood of
 * requests without a cookie costs Postgres nothing.
 */
export function progressOf(ctx: Context, userId: string, newVisitor = false): Promise<Progress> {
  if (newVisitor) return Promise.resolve({ userId, points: 0, solved: [] });
  return ctx.cache.users.get(userId, "progress", async () => {
    const rows = await ctx.db
      .select({ id: completions.assignmentId })
      .from(completions)
      .where(eq(completions.userId, userId))
      .orderBy(asc(completions.assignmentId));
    const solved = rows.map((r) => r.id);
    return { userId, points: solved.length * POINTS_PER_ASSIGNMENT, solved };
  });
}

export async function listAssignments(ctx: Context, solved: number[]): Promise<AssignmentSummary[]> {
  const { rows } = await ctx.cache.catalog.get();
  const done = new Set(solved);
  return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, order: r.position, solved: done.has(r.id) }));
}

export async function getAssignment(ctx: Context, id: number): Promise<AssignmentRow> {
  const row = (await ctx.cache.catalog.get()).byId.get(id);
  if (!row) throw notFound("This assignment");
  return row;
}

export async function nextAssignment(ctx: Context, current: AssignmentRow): Promise<number | undefined> {
  const { rows } = await ctx.cache.catalog.get();
  return rows.find((r) => r.position > current.position)?.id;
}
