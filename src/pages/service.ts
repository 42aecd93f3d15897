// What the pages show a user, rendered from the services' answers: the assignment page, the
// live widget and the fragments sent beside it, kept consistent with the user's cached answers.

import { historySection } from "../../views/history";
import { html } from "../../views/html";
import { pointsNumber } from "../../views/layout";
import { renderHandout } from "../../views/markdown";
import { assignmentPage, listPage, secondHint } from "../../views/pages";
import { submissionBody, submissionWidget, type WidgetProps } from "../../views/submission";
import type { NextView, WhoView } from "../../views/types";
import { secondHintOffered } from "../assignments/hints";
import { getAssignment, listAssignments, moduleOf, nextAssignment, progressOf } from "../assignments/service";
import { accountOf } from "../auth/accounts";
import { derived } from "../cache/catalog";
import type { Context } from "../context";
import type { AssignmentRow, SubmissionRow } from "../db/schema";
import { showStaffLink } from "../staff/access";
import { earlierSubmissions } from "../submissions/history";
import { findOwnSubmission, latestSubmission, snapshot } from "../submissions/service";
import { isPending, POINTS_PER_ASSIGNMENT } from "../submissions/status";
import { dataLines, type StreamFormat } from "../submissions/stream";
import { type Submission, toSubmission } from "../submissions/view-model";
import { assignmentView, hintsView, moduleViews } from "./course";
import { etagged, type Page } from "./etag";
import type { WarmPages } from "./warm";

/** What an assignment page shows besides the assignment. */
interface PageState {
  points: number;
  solved: boolean;
  /** in the editor */
  code: string;
  /** the code came from this earlier submission (?from=) */
  codeFrom?: number;
  /** the latest submission, in the live widget */
  submission?: Submission;
  /** the ones before it, in the history */
  earlier?: SubmissionRow[];
  error?: string;
  who: WhoView;
  /** the header links the staff pages */
  staff?: boolean;
  /** the second hint is offered (src/assignments/hints.ts) */
  hint2Offered?: boolean;
}

export class PageService {
  constructor(
    private ctx: Context,
    private warm: WarmPages,
  ) {}

  /** Where `/` sends the user: the first assignment not solved yet, else the list. */
  async startAddress(userId: string, newVisitor: boolean): Promise<string> {
    const { solved } = await progressOf(this.ctx, userId, newVisitor);
    const first = (await listAssignments(this.ctx, solved)).find((a) => !a.solved);
    return first ? `/assignments/${first.id}` : "/assignments";
  }

  async list(userId: string, newVisitor: boolean): Promise<Page> {
    const [{ solved, points }, who, staff, catalog] = await Promise.all([
      progressOf(this.ctx, userId, newVisitor),
      this.who(userId, newVisitor),
      showStaffLink(this.ctx, userId, newVisitor),
      this.ctx.cache.catalog.get(),
    ]);
    return etagged(listPage(moduleViews(catalog, solved), points, this.warm.assets.page(), who, staff));
  }

  /**
   * The assignment page; `from`: "load this code into the editor" without JavaScript. A new
   * visitor has no submissions, points or history: the same page for all, no query.
   */
  async assignment(userId: string, newVisitor: boolean, a: AssignmentRow, from?: number): Promise<Page> {
    if (newVisitor)
      return this.warm.firstVisit(a, () =>
        this.compose(a, { points: 0, solved: false, code: a.starterCode, who: { signIn: this.ctx.config.oidc?.label } }),
      );
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
    const points =
      submission.status === "graded" ? (await this.pointsPartial(userId)) + (await this.hintPartial(userId, a, submission)) : "";
    // The submission shown before moves into the history.
    return (await this.widget(submission, a)) + points + (await this.historyPartial(userId, a.id, submission.id));
  }

  /**
   * The live widget alone (with the history and points): another tab of the same user
   * fetches it when this user submits elsewhere, and follows the new submission from there.
   */
  async live(userId: string, a: AssignmentRow): Promise<string> {
    const submission = await this.current(userId, a);
    return (
      (await this.widget(submission, a)) +
      (await this.historyPartial(userId, a.id, submission?.id)) +
      (await this.pointsPartial(userId)) +
      (await this.hintPartial(userId, a, submission))
    );
  }

  // One for every stream (thousands are open): nothing per stream but the stream itself.
  readonly events: StreamFormat = {
    render: async (s, userId) => {
      const a = await getAssignment(this.ctx, s.assignmentId);
      let body = submissionBody(await this.widgetProps(s, a)).value;
      // A result can offer the second hint: it appears without a reload.
      if (s.status === "graded") body += (await this.pointsPartial(userId)) + (await this.hintPartial(userId, a, s));
      return dataLines(body);
    },
    // htmx's SSE extension closes the connection on this event (hx-sse:close="done").
    closing: "event: done\ndata: end\n\n",
  };

  /** The page and whether a submission is pending on it (its queue position moves by itself). */
  private async render(userId: string, a: AssignmentRow, error?: string, from?: number) {
    const { ctx } = this;
    let [progress, latest, staff] = await Promise.all([
      progressOf(ctx, userId),
      latestSubmission(ctx, userId, a.id),
      showStaffLink(ctx, userId),
    ]);
    // A grader's commit can be read before its message arrives (which drops this user's cached
    // answers): a latest submission that earned the points beside cached points without them.
    if (latest?.pointsAwarded && !progress.solved.includes(a.id)) {
      ctx.cache.users.invalidate(userId);
      progress = await progressOf(ctx, userId);
    }
    const earlier = from ? await findOwnSubmission(ctx, from, userId).catch(() => undefined) : undefined;
    const loaded = earlier?.assignmentId === a.id ? earlier : undefined;
    // From the latest and earlier submissions just read (cached): no query of its own.
    const hint2Offered = await secondHintOffered(ctx, userId, a);
    return this.compose(a, {
      points: progress.points,
      solved: progress.solved.includes(a.id),
      code: loaded?.code ?? latest?.code ?? a.starterCode,
      codeFrom: loaded?.id,
      submission: latest ? await snapshot(ctx, latest) : undefined,
      earlier: await this.earlier(userId, a.id, latest?.id),
      error,
      who: await this.who(userId),
      staff,
      hint2Offered,
    });
  }

  private async compose(a: AssignmentRow, s: PageState) {
    const catalog = await this.ctx.cache.catalog.get();
    const handout = derived(catalog, `handout:${a.id}`, () => renderHandout(a.handout, a.title));
    const widget = await this.widgetProps(s.submission, a, s.error);
    const body = assignmentPage({
      assignment: assignmentView(catalog, a),
      handout,
      hints: hintsView(catalog, a, s.hint2Offered ?? false),
      points: s.points,
      solved: s.solved,
      code: s.code,
      codeFrom: s.codeFrom,
      widget: submissionWidget(widget),
      history: this.history(a.id, s.earlier ?? []),
      pending: widget.pending,
      assets: this.warm.assets.page(),
      who: s.who,
      staff: s.staff,
    });
    return { body, pending: widget.pending };
  }

  /** The header's sign-in or account: nothing when sign-in is not configured. */
  private async who(userId: string, newVisitor = false): Promise<WhoView> {
    const signIn = this.ctx.config.oidc?.label;
    const account = await accountOf(this.ctx, userId, newVisitor);
    // An LMS's user is shown signed in (with "Open in a new window") even without OIDC sign-in.
    if (account?.lti) return { signIn, account, newWindow: true };
    return signIn ? { signIn, account } : {};
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
      submission,
      error,
      award: POINTS_PER_ASSIGNMENT,
      pending: submission ? isPending(submission.status) : false,
      next: submission?.correct ? await this.next(a) : undefined,
    };
  }

  /** The next assignment for the "Next" link, naming its module when it is another one. */
  private async next(a: AssignmentRow): Promise<NextView | undefined> {
    const next = await nextAssignment(this.ctx, a);
    if (!next) return undefined;
    const catalog = await this.ctx.cache.catalog.get();
    const module = next.moduleId !== a.moduleId ? moduleOf(catalog, next)?.title : undefined;
    return { id: next.id, title: next.title, module };
  }

  /** The second hint, swapped into its place once offered; nothing while it is not. */
  private async hintPartial(userId: string, a: AssignmentRow, known: Submission | undefined): Promise<string> {
    if (!a.hint2 || !(await secondHintOffered(this.ctx, userId, a, { known }))) return "";
    const { hint2 } = hintsView(await this.ctx.cache.catalog.get(), a, true);
    return html`<hx-partial hx-target="#hint2" hx-swap="outerHTML">${secondHint(hint2!, true)}</hx-partial>`.value;
  }

  /** Every submission of the assignment but the latest, which the live widget shows. */
  private async earlier(userId: string, assignmentId: number, latestId: number | undefined): Promise<SubmissionRow[]> {
    return latestId ? earlierSubmissions(this.ctx, userId, assignmentId, latestId) : [];
  }

  private history(assignmentId: number, rows: SubmissionRow[]) {
    return historySection(
      assignmentId,
      rows.map((r) => ({ submission: toSubmission(r, null), code: r.code })),
      POINTS_PER_ASSIGNMENT,
    );
  }

  private async historyPartial(userId: string, assignmentId: number, latestId: number | undefined) {
    const section = this.history(assignmentId, await this.earlier(userId, assignmentId, latestId));
    return html`<hx-partial hx-target="#history" hx-swap="outerHTML">${section}</hx-partial>`.value;
  }

  private async pointsPartial(userId: string) {
    const { points } = await progressOf(this.ctx, userId);
    return html`<hx-partial hx-target="#points" hx-swap="outerHTML">${pointsNumber(points)}</hx-partial>`.value;
  }
}
