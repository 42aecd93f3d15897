// What the views render: exactly the fields they read. Views import nothing from src (not
// even types): src maps its rows and view-models to these shapes (often they fit as they are).
import type { Raw } from "./html";
import type { OUTCOME_LABELS } from "./submission";

/** The outcomes the views have words for (src/submissions/status.ts checks they are all of them). */
export type OutcomeName = keyof typeof OUTCOME_LABELS;

/** One test's result as the grader reported it; on a failure, when known, the last call
 *  the test made (Python source) and both sides of a failed comparison (Python reprs). */
export interface TestView {
  name: string;
  passed: boolean;
  message: string;
  call?: string;
  expected?: string;
  actual?: string;
}

/** A submission as the widget, the feedback and the history show it. */
export interface SubmissionView {
  id: number;
  status: "queued" | "grading" | "graded" | "error";
  outcome: OutcomeName | null;
  correct: boolean;
  pointsAwarded: boolean;
  /** ahead of it in the queue, while queued */
  position: number | null;
  message: string | null;
  tests: TestView[];
  output: string;
  /** ISO 8601 */
  createdAt: string;
}

/** An assignment on the list page. */
export interface AssignmentItem {
  id: number;
  title: string;
  solved: boolean;
}

/** A module on the list page with its assignments, in course order. */
export interface ModuleView {
  /** null: the assignments outside any module */
  slug: string | null;
  title: string;
  /** the module's introduction, rendered from Markdown */
  intro: Raw;
  items: AssignmentItem[];
}

/** An assignment on its own page (never the row: that holds the test code). */
export interface AssignmentView {
  id: number;
  title: string;
  position: number;
  starterCode: string;
  /** its module and its place in it ("Strings · 1 of 6"); absent outside any module */
  place?: { module: string; index: number; count: number };
}

/** The hints of an assignment page, rendered from Markdown; null where the author wrote none. */
export interface HintsView {
  hint: Raw | null;
  /** the second hint, when authored */
  hint2: Raw | null;
  /** the second hint is offered (after a few failed attempts): shown, else only its place */
  offered: boolean;
}

/** The assignment after the current one, for the "Next" link; `module` only when it changes. */
export interface NextView {
  id: number;
  title: string;
  module?: string;
}

/** The URLs the layout links, content-hashed by the web side (src/pages/assets.ts). */
export interface PageAssets {
  css: string;
  htmx: string;
  sse: string;
  /** the editor bundle; undefined when it was not built */
  editor: string | undefined;
}

/** What is stored about the user, counted, for the delete confirmation. */
export interface StoredView {
  submissions: number;
  completions: number;
  account: boolean;
  /** points per solved assignment */
  award: number;
}

/** Who is signed in, for the header: nothing at all when sign-in is not configured. */
export interface WhoView {
  /** the sign-in button's words (OIDC_LABEL); absent: no sign-in */
  signIn?: string;
  /** the signed-in account */
  account?: { name: string } | null;
  /** signed in from an LMS: "Open in a new window" (the page may be inside the LMS's iframe) */
  newWindow?: boolean;
}
