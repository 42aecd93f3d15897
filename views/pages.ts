// Full pages. The live submission widget is in submission.ts.
import type { AssignmentSummary } from "../src/assignments/service";
import type { AssignmentRow } from "../src/db/schema";
import { html, type Raw } from "./html";
import { layout } from "./layout";
import { renderMarkdown } from "./markdown";

export function listPage(items: AssignmentSummary[], points: number): string {
  const solved = items.filter((a) => a.solved).length;
  const body = html`
<h1>Assignments</h1>
<p class="progress-text">${solved} of ${items.length} solved · ${points} points</p>
<progress max="${items.length}" value="${solved}" aria-label="Progress">${solved} of ${items.length}</progress>
<ol class="assignments">
  ${items.map((a) => html`<li class="${a.solved ? "solved" : ""}">
    <a href="/assignments/${a.id}">${a.title}</a>
    ${a.solved ? html`<span class="check" aria-label="solved">✓ solved</span>` : ""}
  </li>`)}
</ol>`;
  return layout({ title: "Assignments", points, body });
}

export interface AssignmentPageProps {
  assignment: AssignmentRow;
  points: number;
  code: string;
  widget: Raw;
  pending: boolean;
  solved: boolean;
}

export function assignmentPage(p: AssignmentPageProps): string {
  const a = p.assignment;
  const body = html`
<article class="assignment">
  <p class="crumbs"><a href="/assignments">Assignments</a> › ${a.position}</p>
  <h1>${a.title} ${p.solved ? html`<span class="check">✓ solved</span>` : ""}</h1>
  <section class="handout">${renderMarkdown(withoutTitle(a.handout, a.title))}</section>
  <form class="editor" method="post" action="/assignments/${a.id}/submit"
        hx-post="/assignments/${a.id}/submit" hx-target="#submission" hx-swap="outerHTML">
    <label for="code">Your code</label>
    <textarea id="code" name="code" rows="14" spellcheck="false" autocapitalize="off"
              autocomplete="off" required>${p.code}</textarea>
    <button type="submit">Submit</button>
  </form>
  ${p.widget}
</article>`;
  // Without JavaScript the page refreshes itself while a submission is pending.
  const head = p.pending ? html`<noscript><meta http-equiv="refresh" content="1"></noscript>` : undefined;
  return layout({ title: a.title, points: p.points, body, head });
}

export function errorPage(status: number, message: string, points: number): string {
  return layout({
    title: `Error ${status}`,
    points,
    body: html`<h1>Something went wrong</h1><p class="error" role="alert">${message}</p><p><a href="/assignments">Back to the assignments</a></p>`,
  });
}

/** The page shows the title already: drop a first-line `# Title` that repeats it. */
function withoutTitle(markdown: string, title: string): string {
  const [first, ...rest] = markdown.split("\n");
  return first?.trim() === `# ${title}` ? rest.join("\n") : markdown;
}
