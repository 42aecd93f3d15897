// The user's own data: what deleting it removes, the confirmation, and the page after.
import { html } from "./html";
import { layout } from "./layout";
import type { PageAssets, StoredView } from "./types";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function whatIsStored(s: StoredView) {
  return html`<ul class="stored" data-testid="stored">
  <li>${plural(s.submissions, "submission", "submissions")}, with ${s.submissions === 1 ? "its code, result" : "their code, results"} and printed output</li>
  <li>${plural(s.completions, "solved assignment", "solved assignments")} (${s.completions * s.award} points)</li>
  <li>${s.account ? "your sign-in account (name, e-mail and the provider's id for you)" : "no sign-in account"}</li>
</ul>`;
}

export function deletePage(s: StoredView, points: number, assets: PageAssets, error?: string): string {
  const body = html`
<h1>Delete my data</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
<p>Deleting removes, at once and for good:</p>
${whatIsStored(s)}
<p>This browser then starts again as a new visitor with no points. You may want to
<a href="/api/me/export" download>download your data</a> first.</p>
<form method="post" action="/me/delete" class="confirm-delete">
  <p><label><input type="checkbox" name="confirm" value="yes" required> I understand that this deletes my data and cannot be undone.</label></p>
  <button type="submit" class="danger">Delete my data</button>
  <a href="/assignments">Cancel</a>
</form>`;
  return layout({ title: "Delete my data", points, body, assets });
}

export function deletedPage(s: StoredView, assets: PageAssets): string {
  const body = html`
<h1>Your data was deleted</h1>
<p role="status">Deleted: ${plural(s.submissions, "submission", "submissions")}, ${plural(s.completions, "solved assignment", "solved assignments")}${s.account ? " and your sign-in account" : ""}.
This browser is now a new visitor.</p>
<p><a class="button" href="/assignments">Back to the assignments</a></p>`;
  return layout({ title: "Data deleted", points: 0, body, assets });
}

/** The links to the user's data, for the list page. */
export const yourData = () =>
  html`<p class="your-data">Your data: <a href="/api/me/export" download>Download my data</a> · <a href="/me/delete">Delete my data</a></p>`;
