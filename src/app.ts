// Builds the web app (no listen): tests call app.handle(new Request(...)).
import { Elysia } from "elysia";
import { errorPage } from "../views/pages";
import { assignmentApi } from "./assignments/routes";
import { authRoutes, claimRoutes } from "./auth/routes";
import type { Context } from "./context";
import { healthRoutes } from "./health";
import { VerifiedCookies } from "./identity/cookie";
import { DATABASE_UNAVAILABLE, HttpError, isDatabaseUnavailable } from "./lib/errors";
import { deepLinkRoutes } from "./lti/deep-link-routes";
import { ltiRoutes } from "./lti/routes";
import { meRoutes } from "./me/routes";
import { HttpMetrics } from "./observe/metrics";
import { metricsRoutes } from "./observe/routes";
import { Assets, PUBLIC_DIR } from "./pages/assets";
import { publicFiles } from "./pages/public-files";
import { PublicSnapshot } from "./pages/public-snapshot";
import { pageRoutes } from "./pages/routes";
import { WarmPages } from "./pages/warm";
import { requestGuard } from "./security/guard";
import { methodTable, wrongMethod } from "./security/methods";
import { staffRoutes } from "./staff/routes";
import type { EventHub } from "./submissions/hub";
import { submissionApi } from "./submissions/routes";

/** Errors as JSON for the API, else as a page linking the app's assets. */
const errorResponder =
  (assets: Assets) =>
  (request: Request, status: number, message: string, headers: Record<string, string> = {}) => {
    const path = new URL(request.url).pathname;
    if (path.startsWith("/api/") || path === "/health") {
      return Response.json({ error: message }, { status, headers });
    }
    return new Response(errorPage(status, message, 0, assets.page()), {
      status,
      headers: { "content-type": "text/html; charset=utf-8", ...headers },
    });
  };

const warmPages = (ctx: Context) => new WarmPages(ctx, new VerifiedCookies(ctx.config.sessionSecrets), new Assets(ctx.config.production));
/** In production: public/ read at start, answered from memory (development reads the disk each time). */
const publicSnapshot = (ctx: Context) =>
  ctx.config.production ? new PublicSnapshot(PUBLIC_DIR, () => ctx.cache.framing.current()) : undefined;

export function createApp(ctx: Context, hub: EventHub, http = new HttpMetrics(), warm = warmPages(ctx), files = publicSnapshot(ctx)) {
  const allowed = methodTable(() => app.routes);
  const errorResponse = errorResponder(warm.assets);
  const app = new Elysia()
    // First of all: a returning user's warm assignment page, complete with the guard's headers.
    .onRequest(({ request }) => warm.answer(request))
    .onError(({ error, code, request }) => {
      const known = error instanceof HttpError ? error : isDatabaseUnavailable(error) ? DATABASE_UNAVAILABLE : undefined;
      if (known) return errorResponse(request, known.status, known.message, known.headers);
      if (code === "NOT_FOUND") {
        const e = wrongMethod(allowed(new URL(request.url).pathname), request.method);
        return errorResponse(request, e.status, e.message, e.headers);
      }
      if (code === "PARSE") return errorResponse(request, 400, "The request body could not be read.");
      // Route params are checked by schema (idParams): a malformed id names nothing.
      if (code === "VALIDATION" && error.type === "params")
        return errorResponse(request, 404, "There is nothing at this address: it was not found.");
      if (code === "VALIDATION") return errorResponse(request, 422, "The request is not valid.");
      ctx.log.error("unhandled error", { path: new URL(request.url).pathname, error: String(error), stack: (error as Error)?.stack });
      return errorResponse(request, 500, "Something went wrong on our side. Please try again.");
    })
    .use(
      requestGuard(
        ctx.config,
        (path) => allowed(path),
        () => ctx.cache.framing.current(),
      ),
    )
    .use(publicFiles({ alwaysStatic: ctx.config.production, snapshot: files }))
    .use(healthRoutes(ctx))
    .use(metricsRoutes(ctx, hub, http))
    .use(assignmentApi(ctx))
    .use(submissionApi(ctx, hub))
    .use(pageRoutes(ctx, hub, warm))
    .use(meRoutes(ctx, warm))
    .use(authRoutes(ctx))
    .use(claimRoutes(ctx, warm.assets))
    .use(ltiRoutes(ctx, warm.assets))
    .use(deepLinkRoutes(ctx, warm.assets))
    .use(staffRoutes(ctx, hub, warm));
  return app;
}

/**
 * The web process's handler: a warm page or (in production) a public file straight from
 * memory (the same answers the app's hooks give, without the app's own per-request work),
 * anything else through the app.
 */
export function createHandler(ctx: Context, hub: EventHub, http: HttpMetrics) {
  const warm = warmPages(ctx);
  const files = publicSnapshot(ctx);
  const app = createApp(ctx, hub, http, warm, files);
  const fetch = files
    ? (request: Request) => warm.answer(request) ?? files.answer(request) ?? app.fetch(request)
    : (request: Request) => warm.answer(request) ?? app.fetch(request);
  return { app, warm, fetch };
}
