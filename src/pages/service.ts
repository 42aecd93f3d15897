// What the pages show a user, rendered from the services' answers: the assignment page, the
// live widget and the fragments sent beside it, kept consistent with the user's cached answers.
import type { Context } from "../context";
import type { AssignmentRow } from "../db/schema";
import { derived } from "../cache/catalog";
import { getAssignment, listAssignments, nextAssignment, progressOf } from "../assignments/service";
import { earlierSubmissions } from "../submissions/history";
import { findOwnSubmission, latestSubmission, snapshot } from "../submissions/service";
import { dataLines, type StreamFormat } from "../submissions/stream";
import { isPending, POINTS_PER_ASSIGNMENT } from "../submissions/status";
import { toSubmission, type Submission } from "../submissions/view-model";
import { html } from "../../views/html";
import { pointsNumber } from "../../views/layout";
import { historySection } from "../../views/history";
import { renderHandout } from "../../views/markdown";
import { assignmentPage, listPage } from "../../views/pages";
import { submissionBody, submissionWidget, type WidgetProps } from "../../views/submission";
import { etagged, type Page } from "./etag";
import type { WarmPages } from "./warm";

export class PageService {
  constructor(private ctx: Context, private warm: WarmPages) {}

  /** Where `/` sends the user: the first assignment not solved yet, else the list. */
  async startAddress(userId: string): Promise<string> {
    const { solved } = await progressOf(this.ctx, userId);
    const first = (await listAssignments(this.ctx, solved)).find((a) => !a.solved);
    return first ? `/assignments/${first.id}` : "/assignments";
  }

  async list(userId: string): Promise<Page> {
    const { solved, points } = await progressOf(this.ctx, userId);
    return etagged(listPage(await listAssignments(this.ctx, solved), points));
  }

  /** The assignment page; `from`: "load this code into the editor" without JavaScript. */
  async assignment(userId: string, a: AssignmentRow, from?: number): Promise<Page> {
    if (from !== undefined) return etagged((await this.render(userId, a, undefined, from)).body);
    return this.warm.get(userId, a, () => this.render(userId, a));
  }

  /** A refused submission, in words: the whole page (a plain form post) or the widget alone (htmx). */
  async refusal(userId: string, a: AssignmentRow, error: string, htmx: boolean): Promise<string> {
    if (!htmx) return (await this.render(userId, a, error)).body;
    return this.widget(await this.current(userId, a), a, error);
  }

  /** An accepted submission (htmx): its widget, with what changed beside it. */
  async accepted(userId: string, a: AssignmentRow, submission: Submission): Promise<string> {
    // A reused result is final at once: the points badge is updated alongside.
    const points = submission.status === "graded" ? await this.pointsPartial(userId) : "";
    // The submission shown before moves into the history.
    return await this.widget(submission, a) + points + await this.historyPartial(userId, a.id, submission.id);
  }

  /**
   * The live widget alone (with the history and points): another tab of the same user
   * fetches it when this user submits elsewhere, and follows the new submission from there.
   */
  async live(userId: string, a: AssignmentRow): Promise<string> {
    const submission = await this.current(userId, a);
    return await this.widget(submission, a) + await this.historyPartial(userId, a.id, submission?.id) + await this.pointsPartial(userId);
  }

  // One for every stream (thousands are open): nothing per stream but the stream itself.
  readonly events: StreamFormat = {
    render: async (s, userId) => {
      const a = await getAssignment(this.ctx, s.assignmentId);
      let body = submissionBody(await this.widgetProps(s, a)).value;
      if (s.status === "graded") body += await this.pointsPartial(userId);
      return dataLines(body);
    },
    // htmx's SSE extension closes the connection on this event (hx-sse:close="done").
    closing: "event: done\ndata: end\n\n",
  };

  /** The page and whether a submission is pending on it (its queue position moves by itself). */
  private async render(userId: string, a: AssignmentRow, error?: string, from?: number) {
    const { ctx } = this;
    let [progress, latest] = await Promise.all([progressOf(ctx, userId), latestSubmission(ctx, userId, a.id)]);
    // A grader's commit can be read before its message arrives (which drops this user's cached
    // answers): a latest submission that earned the points beside cached points without them.
    if (latest?.pointsAwarded && !progress.solved.includes(a.id)) {
      ctx.cache.users.invalidate(userId);
      progress = await progressOf(ctx, userId);
    }
    const submission = latest ? await snapshot(ctx, latest) : undefined;
    const earlier = from ? await findOwnSubmission(ctx, from, userId).catch(() => undefined) : undefined;
    const loaded = earlier?.assignmentId === a.id ? earlier : undefined;
    const handout = derived(await ctx.cache.catalog.get(), `handout:${a.id}`, () => renderHandout(a.handout, a.title));
    const widget = await this.widgetProps(submission, a, error);
    const body = assignmentPage({
      assignment: a, handout, points: progress.points, code: loaded?.code ?? latest?.code ?? a.starterCode, codeFrom: loaded?.id,
      widget: submissionWidget(widget), history: await this.history(userId, a.id, latest?.id),
      pending: widget.pending, solved: progress.solved.includes(a.id),
    });
    return { body, pending: widget.pending };
  }

  private async current(userId: string, a: AssignmentRow): Promise<Submission | undefined> {
    const latest = await latestSubmission(this.ctx, userId, a.id);
    return latest ? snapshot(this.ctx, latest) : undefined;
  }

  private async widget(submission: Submission | undefined, a: AssignmentRow, error?: string): Promise<string> {
    return submissionWidget(await this.widgetProps(submission, a, error)).value;
  }

  private async widgetProps(submission: Submission | undefined, a: AssignmentRow, error?: string): Promise<WidgetProps> {
    return {
      submission, error, award: POINTS_PER_ASSIGNMENT,
      pending: submission ? isPending(submission.status) : false,
      nextId: submission?.correct ? await nextAssignment(this.ctx, a) : undefined,
    };
  }

  /** Every submission of the assignment but the latest, which the live widget shows. */
  private async history(userId: string, assignmentId: number, latestId: number | undefined) {
    const rows = latestId ? await earlierSubmissions(this.ctx, userId, assignmentId, latestId) : [];
    return historySection(assignmentId, rows.map((r) => ({ submission: toSubmission(r, null), code: r.code })), POINTS_PER_ASSIGNMENT);
  }

  private async historyPartial(userId: string, assignmentId: number, latestId: number | undefined) {
    return html`<hx-partial hx-target="#history" hx-swap="outerHTML">${await this.history(userId, assignmentId, latestId)}</hx-partial>`.value;
  }

  private async pointsPartial(userId: string) {
    const { points } = await progressOf(this.ctx, userId);
    return html`<hx-partial hx-target="#points" hx-swap="outerHTML">${pointsNumber(points)}</hx-partial>`.value;
  }
}
