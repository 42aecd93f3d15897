import { html, type Raw } from "./html";

export interface LayoutProps {
  title: string;
  points: number;
  body: Raw;
  /** extra tags for <head>, e.g. the no-JS refresh while a submission is pending */
  head?: Raw;
}

export function layout({ title, points, body, head }: LayoutProps): string {
  return "<!doctype html>" + html`
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · PyPractice</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/public/css/app.css">
<script src="/public/vendor/htmx.min.js" defer></script>
<script src="/public/vendor/hx-sse.min.js" defer></script>
${head}
</head>
<body>
<header class="site">
  <a class="brand" href="/">PyPractice</a>
  <nav><a href="/assignments">Assignments</a></nav>
  ${pointsBadge(points)}
</header>
<main>${body}</main>
</body>
</html>`.value;
}

/** The number alone: swapped in place when points change. */
export const pointsNumber = (points: number) => html`<span id="points" data-testid="points">${points}</span>`;

export const pointsBadge = (points: number) =>
  html`<a class="points" href="/assignments" title="Your points"><span class="points-label">Points</span> ${pointsNumber(points)}</a>`;
