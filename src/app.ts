// Builds the web app (no listen): tests call app.handle(new Request(...)).
import { Elysia } from "elysia";
import { staticPlugin } from "@elysiajs/static";
import { join } from "node:path";
import type { Context } from "./context";
import { assignmentApi } from "./assignments/routes";
import { healthRoutes } from "./health";
import { HttpError } from "./lib/errors";
import { pageRoutes } from "./pages/routes";
import type { EventHub } from "./submissions/hub";
import { submissionApi } from "./submissions/routes";
import { errorPage } from "../views/pages";

const PUBLIC_DIR = join(import.meta.dir, "..", "public");

function errorResponse(request: Request, status: number, message: string, headers: Record<string, string> = {}) {
  const path = new URL(request.url).pathname;
  if (path.startsWith("/api/") || path === "/health") {
    return Response.json({ error: message }, { status, headers });
  }
  return new Response(errorPage(status, message, 0), {
    status,
    headers: { "content-type": "text/html; charset=utf-8", ...headers },
  });
}

export function createApp(ctx: Context, hub: EventHub) {
  return new Elysia()
    .onError(({ error, code, request }) => {
      if (error instanceof HttpError) return errorResponse(request, error.status, error.message, error.headers);
      if (code === "NOT_FOUND") return errorResponse(request, 404, "There is no page at this address.");
      if (code === "PARSE") return errorResponse(request, 400, "The request body could not be read.");
      if (code === "VALIDATION") return errorResponse(request, 422, "The request is not valid.");
      ctx.log.error("unhandled error", { path: new URL(request.url).pathname, error: String(error), stack: (error as Error)?.stack });
      return errorResponse(request, 500, "Something went wrong on our side. Please try again.");
    })
    .use(staticPlugin({ assets: PUBLIC_DIR, prefix: "/public" }))
    .use(healthRoutes(ctx))
    .use(assignmentApi(ctx))
    .use(submissionApi(ctx, hub))
    .use(pageRoutes(ctx, hub));
}
