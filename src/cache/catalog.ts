// The assignments, which change only when assignments/ is synced: loaded once per process
// with one query, reloaded when a sync announces itself (and at least every minute).
import { asc } from "drizzle-orm";
import type { Db } from "../db/client";
import { type AssignmentRow, assignments } from "../db/schema";

const MAX_AGE_MS = 60_000;

export interface Catalog {
  rows: AssignmentRow[];
  byId: Map<number, AssignmentRow>;
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
    const rows = await this.db.select().from(assignments).orderBy(asc(assignments.position), asc(assignments.id));
    return { rows, byId: new Map(rows.map((r) => [r.id, r])), derived: new Map() };
  }
}

/** A value derived from an assignment, computed once per catalog load. */
export function derived<T>(catalog: Catalog, key: string, make: () => T): T {
  if (!catalog.derived.has(key)) catalog.derived.set(key, make());
  return catalog.derived.get(key) as T;
}
