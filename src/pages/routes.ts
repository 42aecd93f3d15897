// Server-rendered pages (htmx-enhanced; every form also works without JavaScript).
import { Elysia } from "elysia";
import type { Context } from "../context";
import type { AssignmentRow } from "../db/schema";
import { derived } from "../cache/catalog";
import { renderHandout } from "../../views/markdown";
import { getAssignment, listAssignments, nextAssignment, progressOf } from "../assignments/service";
import { clientAddress, userPlugin } from "../identity/plugin";
import { HttpError } from "../lib/errors";
import type { EventHub } from "../submissions/hub";
import { idParams, parseId, readFormCode } from "../submissions/input";
import { earlierSubmissions } from "../submissions/history";
import { checkSubmissionRate, createSubmission, findOwnSubmission, latestSubmission, snapshot } from "../submissions/service";
import { dataLines, submissionStream, type StreamFormat } from "../submissions/stream";
import { toSubmission, type Submission } from "../submissions/view-model";
import { html } from "../../views/html";
import { pointsNumber } from "../../views/layout";
import { historySection } from "../../views/history";
import { assignmentPage, listPage } from "../../views/pages";
import { isPending, submissionBody, submissionWidget } from "../../views/submission";
import type { AssignmentView } from "../../views/types";
import { etagged, HTML, sendPage } from "./etag";
import { isHtmx } from "./htmx";
import type { WarmPages } from "./warm";

/** What the page shows of an assignment: never the row itself, which holds the test code. */
const assignmentView = ({ id, title, position, starterCode }: AssignmentRow): AssignmentView => ({ id, title, position, starterCode });

/** `warm` answers warm assignment pages before routing (see warm.ts); it renders through these routes. */
export const pageRoutes = (ctx: Context, hub: EventHub, warm: WarmPages) => {
  const nextIdFor = async (s: Submission | undefined, a: AssignmentRow) =>
    s?.correct ? nextAssignment(ctx, a) : undefined;

  /** The page and whether a submission is pending on it (its queue position moves by itself). */
  async function renderAssignment(userId: string, a: AssignmentRow, error?: string, from?: number) {
    let [progress, latest] = await Promise.all([progressOf(ctx, userId), latestSubmission(ctx, userId, a.id)]);
    // A grader's commit can be read before its message arrives (which drops this user's cached
    // answers): a latest submission that earned the points beside cached points without them.
    if (latest?.pointsAwarded && !progress.solved.includes(a.id)) {
      ctx.cache.users.invalidate(userId);
      progress = await progressOf(ctx, userId);
    }
    const submission = latest ? await snapshot(ctx, latest) : undefined;
    const widget = submissionWidget({ submission, nextId: await nextIdFor(submission, a), error });
    // ?from=<id>: "load this code into the editor" without JavaScript.
    const earlier = from ? await findOwnSubmission(ctx, from, userId).catch(() => undefined) : undefined;
    const loaded = earlier?.assignmentId === a.id ? earlier : undefined;
    const handout = derived(await ctx.cache.catalog.get(), `handout:${a.id}`, () => renderHandout(a.handout, a.title));
    const pending = isPending(submission);
    const body = assignmentPage({
      assignment: assignmentView(a), handout, points: progress.points, code: loaded?.code ?? latest?.code ?? a.starterCode, codeFrom: loaded?.id,
      widget, history: await historyOf(userId, a.id, latest?.id), pending, solved: progress.solved.includes(a.id), assets: warm.assets.page(),
    });
    return { body, pending };
  }

  /** Every submission of the assignment but the latest, which the live widget shows. */
  async function historyOf(userId: string, assignmentId: number, latestId: number | undefined) {
    const rows = latestId ? await earlierSubmissions(ctx, userId, assignmentId, latestId) : [];
    return historySection(assignmentId, rows.map((r) => ({ submission: toSubmission(r, null), code: r.code })));
  }

  // One for every stream (thousands are open): nothing per stream but the stream itself.
  const widgetEvents: StreamFormat = {
    async render(s, userId) {
      const a = await getAssignment(ctx, s.assignmentId);
      let body = submissionBody({ submission: s, nextId: await nextIdFor(s, a) }).value;
      if (s.status === "graded") body += await pointsPartial(userId);
      return dataLines(body);
    },
    // htmx's SSE extension closes the connection on this event (hx-sse:close="done").
    closing: "event: done\ndata: end\n\n",
  };

  return new Elysia()
    .use(userPlugin(ctx.config, warm.verified))
    .get("/", async ({ userId, redirect }) => {
      const { solved } = await progressOf(ctx, userId);
      const first = (await listAssignments(ctx, solved)).find((a) => !a.solved);
      return redirect(first ? `/assignments/${first.id}` : "/assignments", 302);
    })
    .get("/assignments", async ({ userId, request, set }) => {
      const { solved, points } = await progressOf(ctx, userId);
      return sendPage(request, set, etagged(listPage(await listAssignments(ctx, solved), points, warm.assets.page())));
    })
    .get("/assignments/:id", async ({ userId, params, query, request, set }) => {
      const a = await getAssignment(ctx, parseId(params.id, "This assignment"));
      const from = typeof query.from === "string" && /^[0-9]{1,10}$/.test(query.from) ? Number(query.from) : undefined;
      const page = from === undefined
        ? await warm.get(userId, a, () => renderAssignment(userId, a))
        : etagged((await renderAssignment(userId, a, undefined, from)).body);
      return sendPage(request, set, page);
    }, { params: idParams })
    // The live widget alone (with the history and points): another tab of the same user
    // fetches it when this user submits elsewhere, and follows the new submission from there.
    .get("/assignments/:id/live", async ({ userId, params }) => {
      const a = await getAssignment(ctx, parseId(params.id, "This assignment"));
      const latest = await latestSubmission(ctx, userId, a.id);
      const submission = latest ? await snapshot(ctx, latest) : undefined;
      const widget = submissionWidget({ submission, nextId: await nextIdFor(submission, a) }).value;
      const history = html`<hx-partial hx-target="#history" hx-swap="outerHTML">${await historyOf(userId, a.id, latest?.id)}</hx-partial>`.value;
      return new Response(widget + history + await pointsPartial(userId), { headers: HTML });
    }, { params: idParams })
    .post("/assignments/:id/submit", async ({ userId, params, request, redirect, set }) => {
      const a = await getAssignment(ctx, parseId(params.id, "This assignment"));
      const ip = clientAddress(ctx.config, request);
      let submission: Submission;
      try {
        Object.assign(set.headers, await checkSubmissionRate(ctx, userId, ip));
        const code = await readFormCode(request, ctx.config.limits.bodyBytes, ctx.config.limits.codeBytes);
        submission = await createSubmission(ctx, userId, a, code);
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        Object.assign(set.headers, e.headers);
        set.status = e.status;
        if (!isHtmx(request)) return new Response((await renderAssignment(userId, a, e.message)).body, { status: e.status, headers: HTML });
        const latest = await latestSubmission(ctx, userId, a.id);
        const current = latest ? await snapshot(ctx, latest) : undefined;
        return new Response(submissionWidget({ submission: current, error: e.message, nextId: await nextIdFor(current, a) }).value,
          { status: e.status, headers: HTML });
      }
      if (!isHtmx(request)) return redirect(`/assignments/${a.id}`, 303);
      const widget = submissionWidget({ submission, nextId: await nextIdFor(submission, a) }).value;
      // A reused result is final at once: the points badge is updated alongside.
      const points = submission.status === "graded" ? await pointsPartial(userId) : "";
      // The submission shown before moves into the history.
      const history = html`<hx-partial hx-target="#history" hx-swap="outerHTML">${await historyOf(userId, a.id, submission.id)}</hx-partial>`.value;
      return new Response(widget + points + history, { status: 202, headers: HTML });
    }, { parse: "none", params: idParams })
    .get("/submissions/:id/stream", async ({ userId, params, request, set }) => {
      const id = parseId(params.id, "This submission");
      const ip = clientAddress(ctx.config, request);
      return submissionStream(ctx, hub, { id, userId, ip, lastEventId: request.headers.get("last-event-id") },
        widgetEvents, set.headers as Record<string, string>);
    }, { params: idParams });

  async function pointsPartial(userId: string) {
    const { points } = await progressOf(ctx, userId);
    return html`<hx-partial hx-target="#points" hx-swap="outerHTML">${pointsNumber(points)}</hx-partial>`.value;
  }
};
