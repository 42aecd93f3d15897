// A submission's state over real HTTP: its event stream, or its API answer polled.
import { isFinal } from "../../src/submissions/status";
import type { Client } from "./app";

export interface StreamEvent {
  id: string;
  event: string;
  data: any;
  at: number;
}

/** Collects `status` events until the server closes the stream (or the timeout); `onEvent` sees each as it comes. */
export async function readEvents(
  client: Client,
  submissionId: number,
  timeoutMs = 30_000,
  onEvent?: (e: StreamEvent) => void,
): Promise<StreamEvent[]> {
  const res = await client.request(`/api/submissions/${submissionId}/events`, { signal: AbortSignal.timeout(timeoutMs) });
  if (res.status !== 200) throw new Error(`events: ${res.status}`);
  const events: StreamEvent[] = [];
  const decoder = new TextDecoder();
  let buf = "";
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buf += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, end);
      buf = buf.slice(end + 2);
      const fields: Record<string, string> = {};
      for (const line of block.split("\n")) {
        const m = /^(\w+): ?(.*)$/.exec(line);
        if (m) fields[m[1]!] = fields[m[1]!] ? `${fields[m[1]!]}\n${m[2]}` : m[2]!;
      }
      if (fields.event === "status") {
        events.push({ id: fields.id ?? "", event: fields.event, data: JSON.parse(fields.data!), at: performance.now() });
        onEvent?.(events.at(-1)!);
      }
    }
  }
  return events;
}

export async function graded(client: Client, submissionId: number) {
  const events = await readEvents(client, submissionId);
  const last = events.at(-1);
  if (!last) throw new Error("no events");
  return last.data;
}

/**
 * Polls GET /api/submissions/:id until `done` holds for the answer, riding out errors and
 * non-200 answers (robust to streams and processes dying); `what` names it in the failure.
 */
export async function pollSubmission(client: Client, id: number, done: (s: any) => boolean, ms = 60_000, what = "done"): Promise<any> {
  const end = Date.now() + ms;
  let last = "no answer";
  while (Date.now() < end) {
    try {
      const res = await client.request(`/api/submissions/${id}`);
      const text = await res.text();
      last = `${res.status} ${text.slice(0, 300)}`;
      const s = res.status === 200 ? JSON.parse(text) : undefined;
      if (s && done(s)) return s;
    } catch (e) {
      last = String(e); // the web process may be restarting
    }
    await Bun.sleep(100);
  }
  throw new Error(`submission ${id} not ${what} after ${ms} ms; last answer: ${last}`);
}

/** The submission once it is final (graded or error), polled. */
export const finalState = (client: Client, id: number, ms = 60_000) => pollSubmission(client, id, (s) => isFinal(s.status), ms, "final");
