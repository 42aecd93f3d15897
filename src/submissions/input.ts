// Validation of submitted code, shared by the JSON API and the HTML form.
import { HttpError } from "../lib/errors";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Reads the body, refusing it (413) past the limit before buffering all of it where possible. */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new HttpError(413, `The request body is larger than the limit of ${limit} bytes.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
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
  return validateCode((body as { code?: unknown }).code, codeLimit);
}

export async function readFormCode(request: Request, bodyLimit: number, codeLimit: number): Promise<string> {
  const text = decodeUtf8(await readBody(request, bodyLimit));
  const type = request.headers.get("content-type") ?? "";
  if (/^application\/x-www-form-urlencoded/i.test(type)) {
    return validateCode(new URLSearchParams(text).get("code"), codeLimit);
  }
  if (/^multipart\/form-data/i.test(type)) {
    const form = await new Response(text, { headers: { "content-type": type } }).formData();
    return validateCode(form.get("code"), codeLimit);
  }
  throw new HttpError(415, "Submit the form as application/x-www-form-urlencoded.");
}

/** Route ids: positive integers within Postgres `integer`; anything else is not found. */
export function parseId(raw: string | undefined, what: string): number {
  const n = /^\d{1,10}$/.test(raw ?? "") ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 2_147_483_647) throw new HttpError(404, `${what} was not found.`);
  return n;
}
