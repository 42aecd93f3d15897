// The confirmation a delete request must carry: `confirm=yes` from the page's form, or
// `{"confirm": true}` as JSON. Anything else confirms nothing.
import { HttpError } from "../lib/errors";
import { readBody } from "../submissions/input";

/** A confirmation is a few bytes: a larger body is not one. */
const MAX_BYTES = 4096;

export const NOT_CONFIRMED =
  'Nothing was deleted: the deletion was not confirmed. Tick the box that confirms it (or send {"confirm": true}) and try again.';

/** Whether the client wants JSON back: it sent JSON, or asked for JSON and not a page. */
export function wantsJson(request: Request): boolean {
  const type = request.headers.get("content-type") ?? "";
  const accept = request.headers.get("accept") ?? "";
  return /^application\/json/i.test(type) || (accept.includes("application/json") && !accept.includes("text/html"));
}

/** Throws 4xx with a sentence unless the body confirms the deletion. */
export async function requireConfirmation(request: Request): Promise<void> {
  const type = request.headers.get("content-type") ?? "";
  const json = /^application\/json\s*(;|$)/i.test(type);
  if (!json && !/^application\/x-www-form-urlencoded/i.test(type)) {
    throw new HttpError(415, 'Nothing was deleted: send the confirmation as a form (confirm=yes) or as JSON {"confirm": true}.');
  }
  const text = new TextDecoder().decode(await readBody(request, MAX_BYTES));
  if (!json) {
    if (new URLSearchParams(text).get("confirm") !== "yes") throw new HttpError(422, NOT_CONFIRMED);
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Nothing was deleted: the body is not valid JSON. Send {"confirm": true}.');
  }
  if ((body as { confirm?: unknown } | null)?.confirm !== true) throw new HttpError(422, NOT_CONFIRMED);
}
