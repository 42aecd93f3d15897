// Warm assignment pages. A page is rendered once per user and state and kept in the user
// cache, so every change of the user (heard by every web process) drops it; it is rendered
// again when the catalog is reloaded or the editor bundle rebuilt, and never kept while a
// submission is pending (its queue position moves by itself). A returning user's request
// is then answered before routing: a cookie lookup, a map lookup and an ETag compare, with
// the response's headers built once per render.

import type { Catalog } from "../cache/catalog";
import type { Context } from "../context";
import type { AssignmentRow } from "../db/schema";
import { COOKIE_NAME, readCookie, type VerifiedCookies } from "../identity/cookie";
import { pathOf } from "../observe/http";
import { sizeRefusal } from "../security/guard";
import type { Assets } from "./assets";
import { etagged, known, type Page, pageHeaders } from "./etag";

/** A page and what else it was rendered from. */
interface RenderedFrom extends Page {
  catalog: Catalog;
  bundle: string | undefined;
}

/** An assignment page as rendered for one user. */
interface CachedPage extends RenderedFrom {
  headers: Headers;
  /** the body as UTF-8, encoded once rather than on every response */
  bytes: Uint8Array<ArrayBuffer>;
  /** the security headers `headers` were built with (they change when an LMS is registered) */
  security: Record<string, string>;
  pending: boolean;
}

const PAGE_PATH = /^\/assignments\/([1-9][0-9]{0,9})$/;
/** Larger pages (long code in the history) are rendered each time rather than held per user. */
const MAX_KEPT_CHARS = 256 * 1024;
const keyOf = (assignmentId: number) => `page:${assignmentId}`;

export class WarmPages {
  /** per assignment: the page of every new visitor, who has nothing of their own to show */
  private firstVisits = new Map<number, RenderedFrom>();

  /** `assets` are the URLs the pages link (the routes render with them too). */
  constructor(
    private ctx: Context,
    readonly verified: VerifiedCookies,
    readonly assets: Assets,
  ) {}

  /** A new visitor's page of `a`: one for all of them, rendered again when the catalog or the bundle changes. */
  async firstVisit(a: AssignmentRow, render: () => Promise<{ body: string }>): Promise<Page> {
    const catalog = await this.ctx.cache.catalog.get();
    const bundle = this.assets.assetUrl("editor.js");
    const kept = this.firstVisits.get(a.id);
    if (kept && kept.catalog === catalog && kept.bundle === bundle) return kept;
    const page = { ...etagged((await render()).body), catalog, bundle };
    if (catalog.byId.get(a.id) === a) this.firstVisits.set(a.id, page); // else `a` is from the catalog before
    return page;
  }

  /** The user's page of `a`, from memory when it is still current, else rendered by `render`. */
  async get(userId: string, a: AssignmentRow, render: () => Promise<{ body: string; pending: boolean }>): Promise<Page> {
    const catalog = await this.ctx.cache.catalog.get();
    const bundle = this.assets.assetUrl("editor.js");
    return this.ctx.cache.users.get<CachedPage>(
      userId,
      keyOf(a.id),
      async () => {
        const { body, pending } = await render();
        const page = etagged(body);
        const security = this.ctx.cache.framing.current();
        const bytes = new TextEncoder().encode(body) as Uint8Array<ArrayBuffer>;
        return { ...page, headers: pageHeaders(page, security), bytes, security, catalog, bundle, pending };
      },
      {
        fresh: (p) => p.catalog === catalog && p.bundle === bundle && p.security === this.ctx.cache.framing.current(),
        keep: (p) => !p.pending && p.body.length <= MAX_KEPT_CHARS && p.catalog.byId.get(a.id) === a,
      },
    );
  }

  /**
   * The response to `GET /assignments/:id` (no query) from a known cookie when the page is in
   * memory and current, exactly as the route and the request guard would give it; undefined
   * for anything else, which then takes the ordinary way. It runs first for every request
   * (an Elysia onRequest hook registered before the guard), so it gives up early.
   */
  answer(request: Request): Response | undefined {
    if (request.method !== "GET") return undefined;
    const url = request.url;
    if (url.indexOf("?") >= 0) return undefined;
    const id = PAGE_PATH.exec(pathOf(url))?.[1];
    if (!id || sizeRefusal(request)) return undefined;
    const cookie = readCookie(request.headers.get("cookie"), COOKIE_NAME);
    const userId = cookie && this.verified.current(cookie);
    const catalog = this.ctx.cache.catalog.peek();
    if (!userId || !catalog) return undefined;
    const page = this.ctx.cache.users.peek<CachedPage>(userId, keyOf(Number(id)));
    if (!page || page.catalog !== catalog || page.bundle !== this.assets.assetUrl("editor.js")) return undefined;
    if (page.security !== this.ctx.cache.framing.current()) return undefined;
    this.ctx.cache.users.hits++;
    if (known(request, page.etag)) return new Response(null, { status: 304, headers: page.headers });
    return new Response(page.bytes, { headers: page.headers });
  }
}
