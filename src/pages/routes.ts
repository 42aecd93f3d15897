// Server-rendered pages (htmx-enhanced; every form also works without JavaScript): each route
// reads the request, asks the services, and picks the representation (page, fragment, redirect).
import { Elysia } from "elysia";
import { getAssignment } from "../assignments/service";
import type { Context } from "../context";
import { clientAddress, userPlugin } from "../identity/plugin";
import { HttpError } from "../lib/errors";
import type { EventHub } from "../submissions/hub";
import { idParams, parseId, readFormCode } from "../submissions/input";
import { submit } from "../submissions/service";
import { submissionStream } from "../submissions/stream";
import { HTML, sendPage } from "./etag";
import { isHtmx } from "./htmx";
import { PageService } from "./service";
import type { WarmPages } from "./warm";

/** `warm` answers warm assignment pages before routing (see warm.ts); it renders through these routes. */
export const pageRoutes = (ctx: Context, hub: EventHub, warm: WarmPages) => {
  const pages = new PageService(ctx, warm);
  return new Elysia()
    .use(userPlugin(ctx.config, warm.verified))
    .get("/", async ({ userId, newVisitor, redirect }) => redirect(await pages.startAddress(userId, newVisitor), 302))
    .get("/assignments", async ({ userId, newVisitor, request, set }) => sendPage(request, set, await pages.list(userId, newVisitor)))
    .get(
      "/assignments/:id",
      async ({ userId, newVisitor, params, query, request, set }) => {
        const a = await getAssignment(ctx, parseId(params.id, "This assignment"));
        const from = typeof query.from === "string" && /^[0-9]{1,10}$/.test(query.from) ? Number(query.from) : undefined;
        return sendPage(request, set, await pages.assignment(userId, newVisitor, a, from));
      },
      { params: idParams },
    )
    .get(
      "/assignments/:id/live",
      async ({ userId, params }) => {
        const a = await getAssignment(ctx, parseId(params.id, "This assignment"));
        return new Response(await pages.live(userId, a), { headers: HTML });
      },
      { params: idParams },
    )
    .post(
      "/assignments/:id/submit",
      async ({ userId, params, request, redirect, set }) => {
        const assignmentId = parseId(params.id, "This assignment");
        try {
          const { assignment, submission, headers } = await submit(ctx, {
            userId,
            ip: clientAddress(ctx.config, request),
            assignmentId,
            readCode: () => readFormCode(request, ctx.config.limits.bodyBytes, ctx.config.limits.codeBytes),
          });
          Object.assign(set.headers, headers);
          if (!isHtmx(request)) return redirect(`/assignments/${assignment.id}`, 303);
          return new Response(await pages.accepted(userId, assignment, submission), { status: 202, headers: HTML });
        } catch (e) {
          if (!(e instanceof HttpError)) throw e;
          const a = await getAssignment(ctx, assignmentId); // none: its 404 page instead
          Object.assign(set.headers, e.headers);
          set.status = e.status;
          return new Response(await pages.refusal(userId, a, e.message, isHtmx(request)), { status: e.status, headers: HTML });
        }
      },
      { parse: "none", params: idParams },
    )
    .get(
      "/submissions/:id/stream",
      async ({ userId, params, request, set }) => {
        const id = parseId(params.id, "This submission");
        const ip = clientAddress(ctx.config, request);
        return submissionStream(
          ctx,
          hub,
          { id, userId, ip, lastEventId: request.headers.get("last-event-id") },
          pages.events,
          set.headers as Record<string, string>,
        );
      },
      { params: idParams },
    );
};
