// The assignments, which change only when assignments/ is synced: loaded once per process
// with one query each for assignments and modules, reloaded when a sync announces itself
// (and at least every minute). It holds the visible ones only; of retired (hidden)
// assignments it keeps the ids alone, to say "retired" rather than "not found".
import { asc } from "drizzle-orm";
import type { Db } from "../db/client";
import { type AssignmentRow, assignments, type ModuleRow, modules } from "../db/schema";

const MAX_AGE_MS = 60_000;

export interface Catalog {
  /** visible assignments, in course order */
  rows: AssignmentRow[];
  byId: Map<number, AssignmentRow>;
  /** visible modules by id */
  modules: Map<number, ModuleRow>;
  /** hidden (retired) assignments: their titles alone, by id */
  retired: Map<number, string>;
  /** derived views of a row (e.g. the rendered handout), built once per load */
  derived: Map<string, unknown>;
}

export class AssignmentCatalog {
  private current?: Promise<Catalog>;
  private loadedAt = 0;
  /** the catalog `current` resolved to, for callers that must not wait */
  private loaded?: Catalog;

  constructor(private db: Db) {}

  get(): Promise<Catalog> {
    if (!this.current || Date.now() - this.loadedAt > MAX_AGE_MS) {
      this.loadedAt = Date.now();
      const loading = this.load();
      this.current = loading;
      this.loaded = undefined;
      loading.then(
        (catalog) => {
          if (this.current === loading) this.loaded = catalog;
        },
        () => {
          if (this.current === loading) this.current = undefined; // retry on the next request
        },
      );
    }
    return this.current;
  }

  /** The current catalog if it is loaded and not due for a reload, else undefined (then use get). */
  peek(): Catalog | undefined {
    return this.loaded && Date.now() - this.loadedAt <= MAX_AGE_MS ? this.loaded : undefined;
  }

  invalidate(): void {
    this.current = undefined;
    this.loaded = undefined;
  }

  private async load(): Promise<Catalog> {
    const [all, mods] = await Promise.all([
      this.db.select().from(assignments).orderBy(asc(assignments.position), asc(assignments.id)),
      this.db.select().from(modules).orderBy(asc(modules.position), asc(modules.id)),
    ]);
    const rows = all.filter((r) => !r.hidden);
    return {
      rows,
      byId: new Map(rows.map((r) => [r.id, r])),
      modules: new Map(mods.filter((m) => !m.hidden).map((m) => [m.id, m])),
      retired: new Map(all.filter((r) => r.hidden).map((r) => [r.id, r.title])),
      derived: new Map(),
    };
  }
}

/** A value derived from an assignment, computed once per catalog load. */
export function derived<T>(catalog: Catalog, key: string, make: () => T): T {
  if (!catalog.derived.has(key)) catalog.derived.set(key, make());
  return catalog.derived.get(key) as T;
}
