// Server-Sent Events for one submission (DESIGN firm decision 5): the current state on
// connect, one event per change, heartbeats while nothing changes, closed after the
// final state. The same machinery serves the JSON API and the page's HTML fragments.
import type { Context } from "../context";
import type { EventHub } from "./hub";
import { findOwnSubmission, snapshot } from "./service";
import { isFinal } from "./status";
import type { Submission } from "./view-model";

export interface StreamFormat {
  /** SSE fields (without id) for one state of the submission */
  render(s: Submission): Promise<string> | string;
  /** sent after the final state, before the server closes */
  closing?: string;
}

const encoder = new TextEncoder();

/** `data:` lines for a payload that may span several lines. */
export const dataLines = (payload: string) => payload.split(/\r\n|\r|\n/).map((l) => `data: ${l}\n`).join("");

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no", // nginx must not buffer the stream
  Connection: "keep-alive",
};

export async function submissionStream(
  ctx: Context, hub: EventHub, id: number, userId: string, lastEventId: string | null, format: StreamFormat,
  headers: Record<string, string> = {},
): Promise<Response> {
  await findOwnSubmission(ctx, id, userId); // 404 before any streaming starts
  let eventId = Math.max(0, Number.parseInt(lastEventId ?? "0", 10) || 0);
  let cleanup = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let last = "";
      let lastStatus = "";
      let busy = false;
      let again = false;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        controller.close();
      };
      // Reads the state from Postgres and sends it if it changed; calls never overlap.
      const refresh = async () => {
        if (busy) return void (again = true);
        busy = true;
        try {
          do {
            again = false;
            const row = await findOwnSubmission(ctx, id, userId);
            const state = await snapshot(ctx, row);
            const fields = await format.render(state);
            lastStatus = state.status;
            if (fields !== last) {
              last = fields;
              write(`id: ${++eventId}\n${fields}\n`);
            }
            if (isFinal(state.status)) {
              if (format.closing) write(format.closing);
              return close();
            }
          } while (again && !closed);
        } catch (e) {
          ctx.log.warn("stream refresh failed", { id, error: String(e) });
        } finally {
          busy = false;
        }
      };
      const unwatch = hub.watch(id, (kind) => {
        if (kind === "change" || lastStatus === "queued") void refresh();
      });
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), ctx.config.sseHeartbeatMs);
      cleanup = () => {
        unwatch();
        clearInterval(heartbeat);
      };
      write("retry: 1000\n\n");
      void refresh();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, { headers: { ...SSE_HEADERS, ...headers } });
}
