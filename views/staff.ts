// Staff pages: the course table, one student's submissions, one assignment's statistics.
import { feedback } from "./feedback";
import { html, type Raw } from "./html";
import { layout } from "./layout";
import { LMS_MARKS, type LmsScoreState } from "./staff-table";
import { OUTCOME_LABELS } from "./submission";
import type { PageAssets, SubmissionView } from "./types";

export interface StaffAssignmentStats {
  id: number;
  title: string;
  /** submissions of the assignment */
  attempts: number;
  /** distinct users who submitted */
  students: number;
  /** users who solved it (completions) */
  solvers: number;
  /** passed / graded submissions; null when none is graded */
  passRate: number | null;
  /** median over solvers of their submissions up to and including their first correct one */
  medianAttemptsToPass: number | null;
  /** the tests failed most often in graded submissions, most first (at most 5) */
  topFailingTests: { name: string; count: number }[];
  /** outcomes of graded submissions, most common first */
  outcomes: { outcome: string; count: number }[];
}

const page = (title: string, body: Raw, assets: PageAssets) => layout({ title, points: 0, body, assets, staff: true, wide: true });

/** The LMS courses a staff member may choose from, and whether they also see everyone. */
export interface CourseChoices {
  choices: { id: number; title: string }[];
  /** staff by e-mail: "every student" is a choice; else the default is all of one's own courses */
  all: boolean;
}

/** The course filter: a select in the same GET form (no script needed); none without LMS courses. */
function courseSelect(c: CourseChoices, course: number | null): Raw | "" {
  if (c.choices.length === 0) return "";
  return html`<label for="course">Course</label>
    <select id="course" name="course" data-testid="course-filter">
      <option value="">${c.all ? "Every student" : "All my courses"}</option>
      ${c.choices.map((o) => html`<option value="${o.id}"${o.id === course ? " selected" : ""}>${o.title}</option>`)}
    </select>`;
}

/** The course page; `table` is courseTable's output, which re-fetches itself on the stream's `changed`. */
export function coursePage(
  table: Raw,
  s: { filter: string; sort: string; desc: boolean; course: number | null },
  courses: CourseChoices,
  assets: PageAssets,
): string {
  const csv = s.course === null ? "/staff/export.csv" : `/staff/export.csv?course=${s.course}`;
  const body = html`<h1>Course</h1>
<div class="staff-tools">
  <form method="get" action="/staff" role="search">
    ${courseSelect(courses, s.course)}
    <label for="q">Filter by name or e-mail</label>
    <input id="q" name="q" type="search" value="${s.filter}">
    <input type="hidden" name="sort" value="${s.sort}"><input type="hidden" name="dir" value="${s.desc ? "desc" : "asc"}">
    <button type="submit">Filter</button>
  </form>
  <a class="button secondary" href="${csv}" download>Download CSV</a>
</div>
<div id="staff-live" hx-sse:connect="/staff/events" hidden></div>
${table}`;
  return page("Course", body, assets);
}

/** A score owed to an LMS for one of the student's solves (AGS), as the staff student page shows it. */
export interface StaffScoreView {
  id: number;
  assignment: string;
  /** the LMS activity (resource link) */
  link: string;
  course: string | null;
  state: LmsScoreState;
  attempts: number;
  /** the last failure, in words */
  lastError: string | null;
  sentAt: string | null;
}

const SCORE_WORDS: Record<LmsScoreState, string> = {
  sent: "in the LMS's gradebook",
  pending: "not sent yet (trying)",
  failed: "not sent: given up",
};

function scoresSection(userId: string, scores: StaffScoreView[]): Raw | "" {
  if (scores.length === 0) return "";
  return html`<h2>LMS grades</h2>
<table class="lms-scores" data-testid="lms-scores"><thead><tr><th scope="col">Assignment</th><th scope="col">LMS activity</th><th scope="col">Score 100/100</th><th scope="col">Tries</th><th scope="col"></th></tr></thead><tbody>
${scores.map(
  (s) => html`<tr data-score="${s.id}" data-state="${s.state}">
  <td>${s.assignment}</td><td>${s.link}${s.course ? html`<br><span class="muted">${s.course}</span>` : ""}</td>
  <td><span class="lms lms-${s.state}" aria-hidden="true">${LMS_MARKS[s.state].mark}</span> ${SCORE_WORDS[s.state]}${s.sentAt ? html` <time datetime="${s.sentAt}">${s.sentAt.slice(0, 16).replace("T", " ")} UTC</time>` : ""}
    ${s.lastError ? html`<br><span class="lms-error" data-testid="lms-error">${s.lastError}</span>` : ""}</td>
  <td>${s.attempts}</td>
  <td><form method="post" action="/staff/students/${userId}/scores/${s.id}/resend"><button type="submit" class="secondary" data-testid="lms-resend">Resend</button></form></td>
</tr>`,
)}</tbody></table>`;
}

export function studentPage(
  student: { id: string; name: string; email: string | null },
  items: { submission: SubmissionView; code: string; assignment: string }[],
  scores: StaffScoreView[],
  assets: PageAssets,
): string {
  const { name, email } = student;
  const body = html`<p class="crumbs"><a href="/staff">Course</a> › student</p>
<h1>${name}</h1>${email ? html`<p class="muted">${email}</p>` : ""}
${scoresSection(student.id, scores)}
${
  items.length === 0
    ? html`<p class="muted">No submissions.</p>`
    : html`<ol class="past" data-testid="staff-submissions">${items.map(({ submission: s, code, assignment }) => {
        const label = s.status === "graded" && s.outcome ? OUTCOME_LABELS[s.outcome] : s.status === "error" ? "Not graded" : "Waiting";
        const tone = s.correct ? "pass" : s.status === "graded" ? "fail" : "other";
        return html`<li><details class="past-entry" open>
  <summary>${assignment} · <time datetime="${s.createdAt}">${s.createdAt.slice(0, 16).replace("T", " ")} UTC</time> <span class="pill pill-${tone}">${label}</span></summary>
  <div class="past-body" hx-ignore>
    <pre class="past-code"><code>${code}</code></pre>
    ${s.status === "graded" ? html`<div class="past-feedback">${s.message ? html`<p class="summary">${s.message}</p>` : ""}${feedback(s)}</div>` : s.message ? html`<p>${s.message}</p>` : ""}
  </div>
</details></li>`;
      })}</ol>`
}`;
  return page(name, body, assets);
}

const percent = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)} %`);

export function assignmentStatsPage(a: StaffAssignmentStats, assets: PageAssets): string {
  const body = html`<p class="crumbs"><a href="/staff">Course</a> › assignment</p>
<h1>${a.title}</h1>
<dl class="stats" data-testid="assignment-stats">
  <dt>Attempts</dt><dd>${a.attempts}</dd>
  <dt>Students who tried</dt><dd>${a.students}</dd>
  <dt>Solvers</dt><dd>${a.solvers}</dd>
  <dt>Pass rate (graded submissions)</dt><dd>${percent(a.passRate)}</dd>
  <dt>Median attempts to first pass</dt><dd>${a.medianAttemptsToPass ?? "–"}</dd>
</dl>
<h2>Tests failed most often</h2>
${a.topFailingTests.length ? html`<ol>${a.topFailingTests.map((t) => html`<li><code>${t.name}</code>: ${t.count}</li>`)}</ol>` : html`<p class="muted">None.</p>`}
<h2>Outcomes</h2>
${
  a.outcomes.length
    ? html`<ul>${a.outcomes.map((o) => html`<li>${(OUTCOME_LABELS as Record<string, string>)[o.outcome] ?? o.outcome}: ${o.count}</li>`)}</ul>`
    : html`<p class="muted">No graded submissions yet.</p>`
}`;
  return page(a.title, body, assets);
}
