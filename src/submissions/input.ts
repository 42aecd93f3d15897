// Validation of submitted code and route ids, shared by the JSON API and the HTML form.
import { t } from "elysia";
import { HttpError } from "../lib/errors";

/** Route params with an id: digits only (the range is checked by parseId). A mismatch is 404. */
export const idParams = t.Object({ id: t.String({ pattern: "^[0-9]{1,10}$" }) });

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Reads the body, refusing it (413) past the limit before buffering all of it where possible. */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new HttpError(413, `The request body is larger than the limit of ${limit} bytes.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
  // A declared length is what the server reads (checked again, for requests built in-process):
  // buffered at once, without a stream.
  if (request.headers.has("content-length")) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > limit) throw tooLarge();
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new HttpError(422, "The code is not valid UTF-8 text.");
  }
}

/** Checks the code itself: a string, not blank, no NUL bytes, within the size limit. */
export function validateCode(code: unknown, limit: number): string {
  if (typeof code !== "string") throw new HttpError(422, 'The body must have a "code" field holding your code as a string.');
  if (code.trim() === "") throw new HttpError(422, "The code is empty. Write some Python before submitting.");
  if (code.includes("\u0000")) throw new HttpError(422, "The code contains a NUL byte, which Python source cannot hold.");
  if (!code.isWellFormed()) throw new HttpError(422, "The code is not valid UTF-8 text.");
  const bytes = Buffer.byteLength(code, "utf8");
  if (bytes > limit) throw new HttpError(422, `The code is ${bytes} bytes long; the limit is ${limit} bytes.`);
  return code;
}

export async function readJsonCode(request: Request, bodyLimit: number, codeLimit: number): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(415, 'Send the code as JSON: Content-Type: application/json with a body like {"code": "..."}.');
  }
  const text = decodeUtf8(await readBody(request, bodyLimit));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON. Send {"code": "..."}.');
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new HttpError(422, 'The body must be a JSON object like {"code": "..."}.');
  }
  // Other fields are ignored (a `userId` in it means nothing); validateCode checks the type.
  return validateCode((body as { code?: unknown }).code, codeLimit);
}

export async function readFormCode(request: Request, bodyLimit: number, codeLimit: number): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  if (/^application\/x-www-form-urlencoded/i.test(type)) {
    return validateCode(formField(decodeUtf8(await readBody(request, bodyLimit)), "code"), codeLimit);
  }
  if (/^multipart\/form-data/i.test(type)) {
    const text = decodeUtf8(await readBody(request, bodyLimit));
    let form: FormData;
    try {
      form = await new Response(text, { headers: { "content-type": type } }).formData();
    } catch {
      throw new HttpError(400, "The form data could not be read.");
    }
    const code = form.get("code");
    return validateCode(typeof code === "string" ? code : null, codeLimit);
  }
  throw new HttpError(415, "Submit the form as application/x-www-form-urlencoded.");
}

/**
 * One field of a urlencoded body, decoded strictly: URLSearchParams would turn bytes that
 * are not UTF-8 (`%FF`) into U+FFFD silently, and code must arrive exactly as written.
 */
function formField(body: string, name: string): string | null {
  for (const pair of body.split("&")) {
    const eq = pair.indexOf("=");
    const [key, value] = eq < 0 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
    if (strictDecode(key) !== name) continue;
    const decoded = strictDecode(value);
    if (decoded === undefined) throw new HttpError(422, "The code is not valid UTF-8 text.");
    return decoded;
  }
  return null;
}

function strictDecode(component: string): string | undefined {
  try {
    return decodeURIComponent(component.replaceAll("+", " "));
  } catch {
    return undefined; // bad percent-encoding, or bytes that are not UTF-8
  }
}

/** Route ids: positive integers within Postgres `integer`; anything else is not found. */
export function parseId(raw: string | undefined, what: string): number {
  const n = /^\d{1,10}$/.test(raw ?? "") ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 2_147_483_647) throw new HttpError(404, `${what} was not found.`);
  return n;
}
