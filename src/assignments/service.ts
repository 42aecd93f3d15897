import { asc, eq } from "drizzle-orm";
import { type Catalog, derived } from "../cache/catalog";
import type { Context } from "../context";
import { type AssignmentRow, completions, type ModuleRow } from "../db/schema";
import { HttpError, notFound } from "../lib/errors";
import { POINTS_PER_ASSIGNMENT } from "../submissions/status";

export interface AssignmentSummary {
  id: number;
  slug: string;
  title: string;
  order: number;
  /** the module's title; null for an assignment outside any module */
  module: string | null;
  solved: boolean;
}

/** Where an assignment sits: its module (null outside any), and its place among the module's. */
export interface Place {
  module: ModuleRow | null;
  /** 1-based, within the module */
  index: number;
  count: number;
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
  const catalog = await ctx.cache.catalog.get();
  const done = new Set(solved);
  return catalog.rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    order: r.position,
    module: moduleOf(catalog, r)?.title ?? null,
    solved: done.has(r.id),
  }));
}

export const RETIRED = "This assignment was retired: it is no longer part of the course. Points you earned for it are kept.";

/** A visible assignment; 404 for an unknown one, and for a retired one with a sentence saying so. */
export async function getAssignment(ctx: Context, id: number): Promise<AssignmentRow> {
  const catalog = await ctx.cache.catalog.get();
  const row = catalog.byId.get(id);
  if (row) return row;
  throw catalog.retired.has(id) ? new HttpError(404, RETIRED) : notFound("This assignment");
}

export const moduleOf = (catalog: Catalog, a: AssignmentRow): ModuleRow | null =>
  (a.moduleId !== null && catalog.modules.get(a.moduleId)) || null;

/** Every visible assignment's place in its module, computed once per catalog load. */
export function placeOf(catalog: Catalog, a: AssignmentRow): Place {
  const places = derived(catalog, "places", () => {
    const byModule = new Map<number | null, AssignmentRow[]>();
    for (const r of catalog.rows) byModule.set(r.moduleId, [...(byModule.get(r.moduleId) ?? []), r]);
    return new Map(
      catalog.rows.map((r) => {
        const mates = byModule.get(r.moduleId)!;
        return [r.id, { module: moduleOf(catalog, r), index: mates.indexOf(r) + 1, count: mates.length }];
      }),
    );
  });
  return places.get(a.id) ?? { module: moduleOf(catalog, a), index: 1, count: 1 };
}

/** The next visible assignment in course order, across module boundaries. */
export async function nextAssignment(ctx: Context, current: AssignmentRow): Promise<AssignmentRow | undefined> {
  const { rows } = await ctx.cache.catalog.get();
  return rows.find((r) => r.position > current.position || (r.position === current.position && r.id > current.id));
}
