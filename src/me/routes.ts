// The user's own data: the export (JSON download) and deletion (a confirmation page, then
// the delete). Who the user is comes from the signed cookie only, as everywhere.
import { Elysia } from "elysia";
import { deletedPage, deletePage } from "../../views/me";
import { progressOf } from "../assignments/service";
import type { Context } from "../context";
import { freshIdentity, userPlugin } from "../identity/plugin";
import { HttpError } from "../lib/errors";
import { HTML } from "../pages/etag";
import type { WarmPages } from "../pages/warm";
import { POINTS_PER_ASSIGNMENT } from "../submissions/status";
import { requireConfirmation, wantsJson } from "./confirm";
import { exportUser, nothingStored } from "./data";
import { eraseUser, type StoredCounts, storedCounts } from "./erase";

/** Personal data: never kept by a browser's or a proxy's cache. */
const NO_STORE = { "cache-control": "no-store" };

const view = (c: StoredCounts) => ({ ...c, award: POINTS_PER_ASSIGNMENT });

export const meRoutes = (ctx: Context, warm: WarmPages) => {
  const assets = () => warm.assets.page();

  /** The confirmation page, with the refusal when there is one. */
  async function confirmPage(userId: string, newVisitor: boolean, error?: string) {
    const counts = newVisitor ? { submissions: 0, completions: 0, account: false } : await storedCounts(ctx, userId);
    const { points } = await progressOf(ctx, userId, newVisitor);
    return deletePage(view(counts), points, assets(), error);
  }

  return new Elysia()
    .use(userPlugin(ctx.config, warm.verified))
    .get("/api/me/export", async ({ userId, newVisitor, set }) => {
      const data = newVisitor ? nothingStored(userId) : await exportUser(ctx, userId);
      Object.assign(set.headers, NO_STORE, {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="pypractice-${data.exportedAt.slice(0, 10)}.json"`,
      });
      return JSON.stringify(data, null, 2);
    })
    .get("/me/delete", async ({ userId, newVisitor, set }) => {
      Object.assign(set.headers, NO_STORE);
      return new Response(await confirmPage(userId, newVisitor), { headers: HTML });
    })
    .post(
      "/me/delete",
      async ({ userId, newVisitor, request, set }) => {
        const json = wantsJson(request);
        Object.assign(set.headers, NO_STORE);
        try {
          await requireConfirmation(request);
          const deleted = newVisitor ? { submissions: 0, completions: 0, account: false } : await eraseUser(ctx, userId);
          // A fresh id, like a first visit: the old one is left with nothing.
          const fresh = freshIdentity(ctx.config, request);
          set.headers["set-cookie"] = fresh.setCookie;
          if (json) return Response.json({ deleted, userId: fresh.userId });
          return new Response(deletedPage(view(deleted), assets()), { headers: HTML });
        } catch (e) {
          if (!(e instanceof HttpError)) throw e;
          set.status = e.status;
          if (json) return Response.json({ error: e.message }, { status: e.status });
          return new Response(await confirmPage(userId, newVisitor, e.message), { status: e.status, headers: HTML });
        }
      },
      { parse: "none" },
    );
};
