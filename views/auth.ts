// The sign-in pages: what anonymous progress would add to the account, and the choice.
import { html } from "./html";
import { layout } from "./layout";
import type { PageAssets } from "./types";

export interface ClaimView {
  /** the account's name as the provider gave it */
  name: string;
  /** assignments solved in this browser and not yet in the account */
  solved: number;
  submissions: number;
  points: number;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

export function claimPage(c: ClaimView, assets: PageAssets): string {
  const what = `${plural(c.solved, "solved assignment")}, ${plural(c.submissions, "submission")}`;
  const body = html`
<h1>Add this browser's progress to your account?</h1>
<div class="progress-card" data-testid="claim">
  <p>You are signing in as <strong>${c.name}</strong>. Before you signed in, this browser made progress
  of its own: <strong data-testid="claim-summary">${what}</strong>${c.solved > 0 ? ` (+${c.solved * 100} points)` : ""}.</p>
  <p>Add it to your account only if it is yours: on a shared computer it may be someone else's.</p>
  <form method="post" action="/auth/claim" class="actions">
    <button type="submit" name="decision" value="add" data-testid="claim-add">Add it to my account</button>
    <button type="submit" name="decision" value="skip" class="secondary" data-testid="claim-skip">Don't add it</button>
  </form>
</div>`;
  return layout({ title: "Add your progress?", points: c.points, body, assets });
}

export interface SwitchView {
  /** the account this browser is signed in to now */
  current: string;
  /** the account the sign-in or LMS launch would switch to */
  into: string;
  /** the waiting switch's id, sent back with the choice */
  id: string;
  points: number;
}

/** A sign-in as another account than the browser's: switched only when the user says so. */
export function switchPage(v: SwitchView, assets: PageAssets): string {
  const body = html`
<h1>Continue as ${v.into}?</h1>
<div class="progress-card" data-testid="switch">
  <p>You are signed in as <strong data-testid="switch-current">${v.current}</strong>. A sign-in (or a launch from an
  LMS) would now switch this browser to <strong data-testid="switch-into">${v.into}</strong>.</p>
  <p>Continue only if you started it: someone else's link can sign you in as them, and your work would then count for them.</p>
  <form method="post" action="/auth/switch" class="actions">
    <input type="hidden" name="id" value="${v.id}">
    <button type="submit" name="decision" value="switch" data-testid="switch-continue">Continue as ${v.into}</button>
    <button type="submit" name="decision" value="stay" class="secondary" data-testid="switch-stay">Stay ${v.current}</button>
  </form>
</div>`;
  return layout({ title: "Switch account?", points: v.points, body, assets });
}
