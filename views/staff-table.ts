// The staff's course table: one row per student, one column per assignment. Sorting,
// filtering and paging are plain links and a GET form (no script needed); with htmx the
// table re-fetches itself when the course's event stream says `changed`.
import { html, type Raw } from "./html";

export interface StaffStudent {
  userId: string;
  /** the account's name, or "anonymous #<first 8 of the id>" */
  name: string;
  email: string | null;
  points: number;
  solved: number[];
  /** every assignment with at least one submission, solved or not */
  attempted: number[];
  attempts: number;
  /** ISO 8601 of the latest submission */
  lastActiveAt: string | null;
  /** by assignment id: whether its score reached the LMS (AGS); absent when none is owed */
  lms: Record<string, LmsScoreState>;
}

/** A score owed to an LMS: waiting or retrying, in its gradebook, or given up on. */
export type LmsScoreState = "pending" | "sent" | "failed";

export const LMS_MARKS: Record<LmsScoreState, { mark: string; label: string }> = {
  sent: { mark: "↑", label: "score sent to the LMS" },
  pending: { mark: "⋯", label: "score not yet sent to the LMS" },
  failed: { mark: "!", label: "score could not be sent to the LMS" },
};

export interface StaffColumn {
  id: number;
  title: string;
  position: number;
  /** the module's title; null outside any module */
  module: string | null;
}

/** A heading row over the assignment columns: one cell per run of columns of the same module. */
function moduleRow(columns: StaffColumn[]): Raw | "" {
  if (!columns.some((c) => c.module)) return "";
  const runs: { module: string | null; span: number }[] = [];
  for (const c of columns) {
    const last = runs.at(-1);
    if (last && last.module === c.module) last.span++;
    else runs.push({ module: c.module, span: 1 });
  }
  return html`<tr class="modules-row"><td colspan="5"></td>${runs.map(
    (r) => html`<th scope="colgroup" colspan="${r.span}" class="col-module" title="${r.module ?? ""}">${r.module ?? ""}</th>`,
  )}</tr>`;
}

export interface TableState {
  sort: string;
  desc: boolean;
  filter: string;
  offset: number;
  limit: number;
  total: number;
  /** the LMS course shown (lti_contexts id), null for every student in view */
  course: number | null;
}

/** The query string of a table state (course, sort, direction, filter, page). */
export function tableQuery(s: Pick<TableState, "sort" | "desc" | "filter" | "offset" | "course">): string {
  const q = new URLSearchParams({ sort: s.sort, dir: s.desc ? "desc" : "asc" });
  if (s.course !== null) q.set("course", String(s.course));
  if (s.filter) q.set("q", s.filter);
  if (s.offset) q.set("offset", String(s.offset));
  return q.toString();
}

const STATES = {
  solved: { mark: "✓", label: "solved" },
  attempted: { mark: "…", label: "attempted" },
  none: { mark: "·", label: "not started" },
} as const;

function cell(r: StaffStudent, c: StaffColumn): Raw {
  const key = r.solved.includes(c.id) ? "solved" : r.attempted.includes(c.id) ? "attempted" : "none";
  const st = STATES[key];
  const lms = r.lms[String(c.id)];
  const mark = lms
    ? html` <span class="lms lms-${lms}" data-lms="${lms}" aria-hidden="true">${LMS_MARKS[lms].mark}</span><span class="sr">, ${LMS_MARKS[lms].label}</span>`
    : "";
  const title = `${c.title}: ${st.label}${lms ? `, ${LMS_MARKS[lms].label}` : ""}`;
  return html`<td class="state state-${key}" data-state="${key}" title="${title}"><span aria-hidden="true">${st.mark}</span><span class="sr">${st.label}</span>${mark}</td>`;
}

/** A column heading that sorts by `key`, the other way round when it already does. */
function sortLink(label: string, key: string, s: TableState): Raw {
  const active = s.sort === key;
  const desc = active ? !s.desc : key !== "name";
  const arrow = active ? (s.desc ? " ↓" : " ↑") : "";
  return html`<th scope="col" aria-sort="${active ? (s.desc ? "descending" : "ascending") : "none"}"><a href="/staff?${tableQuery({ ...s, sort: key, desc, offset: 0 })}">${label}${arrow}</a></th>`;
}

const when = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "never");

export function courseTable(rows: StaffStudent[], columns: StaffColumn[], s: TableState): Raw {
  const query = tableQuery(s);
  const last = Math.min(s.offset + s.limit, s.total);
  const prev = s.offset > 0 ? html`<a href="/staff?${tableQuery({ ...s, offset: Math.max(0, s.offset - s.limit) })}">← previous</a>` : "";
  const next = last < s.total ? html`<a href="/staff?${tableQuery({ ...s, offset: s.offset + s.limit })}">next →</a>` : "";
  return html`<section id="course-table" class="course-table" hx-get="/staff/table?${query}" hx-trigger="changed from:#staff-live" hx-swap="outerHTML">
<p class="muted" data-testid="student-count">${s.total === 0 ? "No students yet." : `Students ${s.offset + 1}–${last} of ${s.total}`} ${prev} ${next}</p>
<div class="table-scroll"><table>
<thead>${moduleRow(columns)}<tr>
  ${sortLink("Student", "name", s)}${sortLink("Points", "points", s)}<th scope="col">Solved</th>${sortLink("Attempts", "attempts", s)}${sortLink("Last active", "last", s)}
  ${columns.map((c) => html`<th scope="col" class="col-assignment"><a href="/staff/assignments/${c.id}" title="${c.module ? `${c.module}: ` : ""}${c.title}">${c.position}</a></th>`)}
</tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr data-user="${r.userId}">
  <th scope="row"><a href="/staff/students/${r.userId}">${r.name}</a>${r.email ? html`<br><span class="muted">${r.email}</span>` : ""}</th>
  <td>${r.points}</td><td>${r.solved.length}</td><td>${r.attempts}</td><td><time datetime="${r.lastActiveAt ?? ""}">${when(r.lastActiveAt)}</time></td>
  ${columns.map((c) => cell(r, c))}
</tr>`,
)}
</tbody></table></div>
</section>`;
}
