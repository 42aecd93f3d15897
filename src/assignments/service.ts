import { asc, eq, gt } from "drizzle-orm";
import type { Context } from "../context";
import { assignments, completions, type AssignmentRow } from "../db/schema";
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

export async function progressOf(ctx: Context, userId: string): Promise<Progress> {
  const rows = await ctx.db.select({ id: completions.assignmentId }).from(completions)
    .where(eq(completions.userId, userId)).orderBy(asc(completions.assignmentId));
  const solved = rows.map((r) => r.id);
  return { userId, points: solved.length * POINTS_PER_ASSIGNMENT, solved };
}

export async function listAssignments(ctx: Context, solved: number[]): Promise<AssignmentSummary[]> {
  const rows = await ctx.db.select({
    id: assignments.id, slug: assignments.slug, title: assignments.title, order: assignments.position,
  }).from(assignments).orderBy(asc(assignments.position), asc(assignments.id));
  const done = new Set(solved);
  return rows.map((r) => ({ ...r, solved: done.has(r.id) }));
}

export async function getAssignment(ctx: Context, id: number): Promise<AssignmentRow> {
  const [row] = await ctx.db.select().from(assignments).where(eq(assignments.id, id)).limit(1);
  if (!row) throw notFound("This assignment");
  return row;
}

export async function nextAssignment(ctx: Context, current: AssignmentRow): Promise<number | undefined> {
  const [row] = await ctx.db.select({ id: assignments.id }).from(assignments)
    .where(gt(assignments.position, current.position)).orderBy(asc(assignments.position)).limit(1);
  return row?.id;
}
