import { html, type Raw } from "./html";
import type { PageAssets, WhoView } from "./types";

export interface LayoutProps {
  title: string;
  points: number;
  body: Raw;
  /** the URLs of the stylesheet and scripts, given by the web side */
  assets: PageAssets;
  /** extra tags for <head>, e.g. the no-JS refresh while a submission is pending */
  head?: Raw;
  /** the editor bundle (assignment pages only) */
  editor?: boolean;
  /** a wider main column (the assignment page's two columns on a laptop) */
  wide?: boolean;
  /** sign-in or the signed-in account, in the header */
  who?: WhoView;
  /** the visitor is staff: a link to the staff pages */
  staff?: boolean;
}

export function layout({ title, points, body, assets, head, editor, wide, who, staff }: LayoutProps): string {
  const bundle = editor ? assets.editor : undefined;
  return (
    "<!doctype html>" +
    html`
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · PyPractice</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets.css}">
<script src="${assets.htmx}" defer></script>
<script src="${assets.sse}" defer></script>
${bundle ? html`<script src="${bundle}" defer></script>` : ""}
${head}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <a class="brand" href="/"><span class="logo" aria-hidden="true">&gt;_</span> PyPractice</a>
  <nav aria-label="Main"><a href="/assignments">Assignments</a>${staff ? html` <a href="/staff" data-testid="staff-link">Staff</a>` : ""}</nav>
  ${pointsBadge(points)}
  ${whoBadge(who)}
</header>
<main id="main" class="${wide ? "wide" : ""}">${body}</main>
</body>
</html>`.value
  );
}

/** The number alone: swapped in place when points change. */
export const pointsNumber = (points: number) => html`<span id="points" data-testid="points">${points}</span>`;

export const pointsBadge = (points: number) =>
  html`<a class="points" href="/assignments" title="Your points"><span class="points-label">Points</span> ${pointsNumber(points)}</a>`;

/** Signing in is a link (it starts at the provider); signing out a POST form (the request guard refuses it cross-site). */
const whoBadge = (who: WhoView | undefined) => {
  if (who?.newWindow && who.account) return ltiBadge(who.account.name, !!who.signIn);
  if (!who?.signIn) return "";
  if (!who.account) return html`<a class="button secondary sign-in" href="/auth/login" data-testid="sign-in">${who.signIn}</a>`;
  return html`<form class="who" method="post" action="/auth/logout"><span data-testid="account-name">${who.account.name}</span>
    <button type="submit" class="secondary" data-testid="sign-out">Sign out</button></form>`;
};

/**
 * Signed in from an LMS: the name, and "Open in a new window" (a POST from this page, which
 * inside the LMS's iframe carries the iframe's cookie, for a one-time ticket). Sign-out only
 * where OIDC sign-in exists to sign in again.
 */
const ltiBadge = (name: string, signOut: boolean) =>
  html`<div class="who"><span data-testid="account-name">${name}</span>
    <form method="post" action="/lti/window"><button type="submit" class="secondary" data-testid="lti-new-window">Open in a new window</button></form>
    ${signOut ? html`<form method="post" action="/auth/logout"><button type="submit" class="secondary" data-testid="sign-out">Sign out</button></form>` : ""}</div>`;
