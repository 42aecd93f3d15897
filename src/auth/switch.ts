// A sign-in (OIDC or LTI) as another account than the one this browser is signed in to is
// never applied silently: the browser may be carrying someone else's login (login CSRF, or a
// transplanted LMS launch), and its solves would then score for them. The switch waits in
// Redis, bound to the browser's current user, until that user confirms with a same-site POST
// (cross-site POSTs are refused by the request guard).
import { Elysia } from "elysia";
import { switchPage } from "../../views/auth";
import { progressOf } from "../assignments/service";
import type { Context } from "../context";
import { identityCookie, userPlugin } from "../identity/plugin";
import { HttpError } from "../lib/errors";
import { getJson, putJson, takeJson } from "../lib/redis-json";
import type { Assets } from "../pages/assets";
import { HTML } from "../pages/etag";
import { accountOf } from "./accounts";

const SWITCH_TTL_SECONDS = 900;
const UUID = /^[0-9a-f-]{36}$/;
const NOTHING = "Nothing is waiting to switch accounts in this browser (a switch waits 15 minutes for your choice). Please sign in again.";

export interface PendingSwitch {
  /** the browser's user (an account) when the sign-in finished */
  from: string;
  into: string;
  next: string;
}

/** Keeps the switch and answers with its confirmation page's address. */
export async function askToSwitch(ctx: Context, pending: PendingSwitch): Promise<string> {
  const id = crypto.randomUUID();
  await putJson(ctx, ctx.keys.authSwitch(id), pending, SWITCH_TTL_SECONDS);
  return `/auth/switch?id=${id}`;
}

const idOf = (v: unknown) => (typeof v === "string" && UUID.test(v) ? v : undefined);

export const switchRoutes = (ctx: Context, assets: Assets) =>
  new Elysia()
    .use(userPlugin(ctx.config))
    .get("/auth/switch", async ({ query, userId, newVisitor }) => {
      const id = idOf(query.id);
      const pending = id && !newVisitor ? await getJson<PendingSwitch>(ctx, ctx.keys.authSwitch(id)) : undefined;
      if (!pending || pending.from !== userId) throw new HttpError(404, NOTHING);
      const [current, into, progress] = await Promise.all([accountOf(ctx, userId), accountOf(ctx, pending.into), progressOf(ctx, userId)]);
      const page = switchPage(
        { current: current?.name ?? "another account", into: into?.name ?? "another account", id: id!, points: progress.points },
        assets.page(),
      );
      return new Response(page, { headers: { ...HTML, "cache-control": "no-store" } });
    })
    .post("/auth/switch", async ({ body, userId, newVisitor, request }) => {
      const fields = (body ?? {}) as Record<string, unknown>;
      if (fields.decision !== "switch" && fields.decision !== "stay")
        throw new HttpError(422, 'Choose "switch" or "stay" (the field decision).');
      const id = idOf(fields.id);
      // Read first: only the browser's own user may use (and so end) the waiting switch.
      const key = id ? ctx.keys.authSwitch(id) : undefined;
      const pending = key && !newVisitor ? await getJson<PendingSwitch>(ctx, key) : undefined;
      if (!pending || pending.from !== userId || !(await takeJson<PendingSwitch>(ctx, key!))) throw new HttpError(404, NOTHING);
      const headers: Record<string, string> = { location: pending.next };
      if (fields.decision === "switch") headers["set-cookie"] = identityCookie(ctx.config, request, pending.into);
      return new Response(null, { status: 303, headers });
    });
