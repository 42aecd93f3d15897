// Deep Linking: the instructor's assignment picker (a plain form: no script needed), and the
// page that carries the signed choice back to the LMS (auto-submitted, with a button too).
import { html, Raw } from "./html";
import { layout } from "./layout";
import type { PageAssets } from "./types";

export interface PickerModule {
  /** null for assignments outside any module */
  slug: string | null;
  title: string;
  assignments: { slug: string; title: string; position: number }[];
}

/** The one inline script of the return page; its CSP allows exactly this text by hash. */
export const AUTO_SUBMIT = 'document.getElementById("lti-return").submit();';

function moduleBlock(m: PickerModule, multiple: boolean): Raw {
  const kind = multiple ? "checkbox" : "radio";
  return html`<fieldset class="picker-module">
  <legend>${m.title}</legend>
  ${multiple && m.slug ? html`<label class="picker-whole"><input type="checkbox" name="module" value="${m.slug}" data-testid="pick-module-${m.slug}"> The whole module (${m.assignments.length} assignments)</label>` : ""}
  <ul class="picker-list">${m.assignments.map(
    (a) =>
      html`<li><label><input type="${kind}" name="assignment" value="${a.slug}" data-testid="pick-${a.slug}"> ${a.position}. ${a.title}</label></li>`,
  )}</ul>
</fieldset>`;
}

export function pickerPage(action: string, modules: PickerModule[], multiple: boolean, assets: PageAssets): string {
  const body = html`<h1>Add PyPractice activities</h1>
<p>${multiple ? "Choose assignments, or whole modules: each becomes an activity in your course, graded out of 100 (a first correct solve)." : "Choose one assignment: it becomes the activity, graded out of 100 (a first correct solve)."}</p>
<form method="post" action="${action}" class="picker" data-testid="lti-picker">
${modules.map((m) => moduleBlock(m, multiple))}
<p class="actions"><button type="submit" data-testid="pick-submit">Add to the course</button></p>
</form>`;
  return layout({ title: "Add activities", points: 0, body, assets, staff: true });
}

/** Carries the signed response (field JWT) to the LMS; the form's target is the LMS's return URL. */
export function returnPage(returnUrl: string, jwt: string, count: number, css: string): string {
  return `<!doctype html>${html`<html lang="en"><head><meta charset="utf-8"><title>Back to your LMS · PyPractice</title>
<link rel="stylesheet" href="${css}"></head>
<body><main id="main">
<form id="lti-return" method="post" action="${returnUrl}">
<input type="hidden" name="JWT" value="${jwt}">
<p>${count === 1 ? "1 activity is" : `${count} activities are`} on the way to your LMS.</p>
<p><button type="submit" data-testid="lti-return">Continue to your LMS</button></p>
</form>
<script>${new Raw(AUTO_SUBMIT)}</script>
</main></body></html>`}`;
}
