// LTI pages: the new window's ticket link, and for staff the values an LMS administrator
// enters and the registered platforms.
import { html } from "./html";
import { layout } from "./layout";
import type { PageAssets } from "./types";

export interface ToolValuesView {
  loginUrl: string;
  launchUrl: string;
  jwksUrl: string;
  deepLinkingUrl: string;
  /** PUBLIC_URL is unset: the values are this request's own origin */
  guessed: boolean;
}

export interface PlatformView {
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  frameOrigins: string[];
}

/** After "Open in a new window": a link that signs the new window in once (no script needed). */
export function newWindowPage(href: string, back: string, assets: PageAssets): string {
  const body = html`<h1>Open PyPractice in a new window</h1>
<p>Your LMS shows PyPractice inside its page. In a window of its own you have more room, and your
browser keeps you signed in there.</p>
<p class="actions"><a class="button" href="${href}" target="_blank" rel="noopener" data-testid="lti-open-window">Open in a new window</a>
<a class="button secondary" href="${back}">Stay here</a></p>
<p class="muted">The link works once, within two minutes.</p>`;
  return layout({ title: "Open in a new window", points: 0, body, assets });
}

const row = (name: string, moodle: string, canvas: string, value: string, testid: string) =>
  html`<tr><th scope="row">${name}</th><td>${moodle}</td><td>${canvas}</td><td><code data-testid="${testid}">${value}</code></td></tr>`;

export function toolPage(tool: ToolValuesView, platforms: PlatformView[], assets: PageAssets): string {
  const body = html`<p class="crumbs"><a href="/staff">Course</a> › LMS</p>
<h1>LMS (LTI 1.3)</h1>
<p>An LMS administrator registers PyPractice as an LTI 1.3 tool with these values, then gives
us the LMS's own values with <code>bun run lti:platform add</code>.</p>
${
  tool.guessed
    ? html`<p class="muted" data-testid="lti-public-url-unset">PUBLIC_URL is not set, so these addresses are the ones this page was asked for; if your LMS reaches PyPractice at another address (or over https behind a proxy without TRUST_PROXY), set PUBLIC_URL to the address students use.</p>`
    : ""
}
<table class="lti-values" data-testid="lti-tool-values">
<thead><tr><th scope="col">What</th><th scope="col">Moodle</th><th scope="col">Canvas developer key</th><th scope="col">Value</th></tr></thead>
<tbody>
${row("Login URL", "Initiate login URL", "OpenID Connect Initiation Url", tool.loginUrl, "lti-login-url")}
${row("Launch / redirect URL", "Tool URL, Redirection URI(s)", "Target Link URI, Redirect URIs", tool.launchUrl, "lti-launch-url")}
${row("Public keys", "Public keyset", "JWK Method: Public JWK URL", tool.jwksUrl, "lti-jwks-url")}
${row("Deep Linking URL", "Redirection URI(s) (with the launch URL)", "Redirect URIs (with the launch URL)", tool.deepLinkingUrl, "lti-deep-linking-url")}
</tbody></table>
<h2>Registered platforms</h2>
${
  platforms.length === 0
    ? html`<p class="muted" data-testid="lti-platforms">None yet.</p>`
    : html`<table data-testid="lti-platforms"><thead><tr><th scope="col">Issuer</th><th scope="col">Client id</th><th scope="col">Deployments</th><th scope="col">Endpoints</th></tr></thead><tbody>
${platforms.map(
  (p) => html`<tr><td>${p.issuer}</td><td>${p.clientId}</td><td>${p.deploymentIds.join(", ")}</td>
<td>auth ${p.authUrl}<br>token ${p.tokenUrl}<br>keys ${p.jwksUrl}${p.frameOrigins.length ? html`<br>frames ${p.frameOrigins.join(" ")}` : ""}</td></tr>`,
)}</tbody></table>`
}`;
  return layout({ title: "LMS", points: 0, body, assets, staff: true, wide: true });
}
