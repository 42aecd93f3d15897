// Deep Linking's two pages: the picker (GET) and the choice sent back to the LMS (POST),
// both for the instructor whose launch opened them only. The POST answers with a form that
// posts the signed response to the LMS: the one response whose CSP lets a form leave our
// origin (to the return URL's origin alone) and runs one inline script, allowed by its hash.
import { createHash } from "node:crypto";
import { Elysia } from "elysia";
import { AUTO_SUBMIT, type PickerModule, pickerPage, returnPage } from "../../views/lti-picker";
import type { Catalog } from "../cache/catalog";
import type { Context } from "../context";
import { userPlugin } from "../identity/plugin";
import { HttpError } from "../lib/errors";
import type { Assets } from "../pages/assets";
import { HTML } from "../pages/etag";
import { deepLinkRequestFor, deepLinkResponse, pickedAssignments, useDeepLinkRequest } from "./deep-linking";

const NO_STORE = { "cache-control": "private, no-store" };
const SCRIPT_HASH = `'sha256-${createHash("sha256").update(AUTO_SUBMIT).digest("base64")}'`;
const ONLY_INSTRUCTOR = "Adding a PyPractice activity was refused: open it from your LMS as an instructor of the course.";

/** The usual CSP of the moment (its frame-ancestors), with form-action the LMS's origin and our one script. */
export function returnCsp(current: string, returnOrigin: string): string {
  return current.replace("form-action 'self'", `form-action ${returnOrigin}`).replace("script-src 'self'", `script-src ${SCRIPT_HASH}`);
}

/** The catalog by module, in course order; assignments outside modules last. */
function pickerModules(catalog: Catalog): PickerModule[] {
  const out = new Map<number | null, PickerModule>();
  for (const a of catalog.rows) {
    const m = a.moduleId === null ? undefined : catalog.modules.get(a.moduleId);
    const key = m ? m.id : null;
    if (!out.has(key)) out.set(key, { slug: m?.slug ?? null, title: m?.title ?? "Other assignments", assignments: [] });
    out.get(key)!.assignments.push({ slug: a.slug, title: a.title, position: a.position });
  }
  const other = out.get(null);
  out.delete(null);
  return [...out.values(), ...(other ? [other] : [])];
}

/** A form field given once or repeated, as a list of strings. */
const list = (body: unknown, name: string): string[] => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string").slice(0, 500);
};

export const deepLinkRoutes = (ctx: Context, assets: Assets) =>
  new Elysia()
    .use(userPlugin(ctx.config))
    .get("/lti/deep-link/:id", async ({ params, userId, newVisitor }) => {
      if (newVisitor) throw new HttpError(403, ONLY_INSTRUCTOR);
      const request = await deepLinkRequestFor(ctx, params.id, userId);
      const page = pickerPage(
        `/lti/deep-link/${params.id}`,
        pickerModules(await ctx.cache.catalog.get()),
        request.acceptMultiple,
        assets.page(),
      );
      return new Response(page, { headers: { ...HTML, ...NO_STORE } });
    })
    .post("/lti/deep-link/:id", async ({ params, body, userId, newVisitor, set }) => {
      if (newVisitor) throw new HttpError(403, ONLY_INSTRUCTOR);
      const request = await deepLinkRequestFor(ctx, params.id, userId);
      const picked = { assignments: list(body, "assignment"), modules: list(body, "module") };
      const chosen = pickedAssignments(await ctx.cache.catalog.get(), picked, request.acceptMultiple);
      if (!(await useDeepLinkRequest(ctx, params.id)))
        throw new HttpError(400, "This choice was already sent to your LMS. Add the activity again from your LMS.");
      const jwt = await deepLinkResponse(ctx, request, chosen);
      const csp = returnCsp(ctx.cache.framing.current()["Content-Security-Policy"]!, new URL(request.returnUrl).origin);
      set.headers["Content-Security-Policy"] = csp;
      const page = returnPage(request.returnUrl, jwt, chosen.length, assets.page().css);
      return new Response(page, { headers: { ...HTML, ...NO_STORE, "Content-Security-Policy": csp } });
    });
