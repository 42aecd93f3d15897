import { Elysia } from "elysia";
import type { Context } from "../context";
import { identityPlugin } from "../identity/plugin";
import type { EventHub } from "./hub";
import { idParams, parseId, readJsonCode } from "./input";
import { findOwnSubmission, snapshot, submit } from "./service";
import { dataLines, type StreamFormat, submissionStream } from "./stream";

const JSON_EVENTS: StreamFormat = { render: (s) => `event: status\n${dataLines(JSON.stringify(s))}` };

export const submissionApi = (ctx: Context, hub: EventHub) =>
  new Elysia({ prefix: "/api" })
    .use(identityPlugin(ctx.config))
    .post(
      "/assignments/:id/submissions",
      async ({ userId, ip, params, request, set }) => {
        const { submission, headers } = await submit(ctx, {
          userId,
          ip,
          assignmentId: parseId(params.id, "This assignment"),
          readCode: () => readJsonCode(request, ctx.config.limits.bodyBytes, ctx.config.limits.codeBytes),
        });
        Object.assign(set.headers, headers);
        set.status = 202;
        return submission;
      },
      { parse: "none", params: idParams },
    )
    .get(
      "/submissions/:id",
      async ({ userId, params }) => {
        const row = await findOwnSubmission(ctx, parseId(params.id, "This submission"), userId);
        return snapshot(ctx, row);
      },
      { params: idParams },
    )
    .get(
      "/submissions/:id/events",
      ({ userId, ip, params, request, set }) =>
        submissionStream(
          ctx,
          hub,
          { id: parseId(params.id, "This submission"), userId, ip, lastEventId: request.headers.get("last-event-id") },
          JSON_EVENTS,
          set.headers as Record<string, string>,
        ),
      { params: idParams },
    );
