// Server-Sent Events for one submission (DESIGN firm decision 5): the current state on
// connect, one event per change, heartbeats while nothing changes, closed after the
// final state. The same machinery serves the JSON API and the page's HTML fragments.
import type { Context } from "../context";
import type { SubmissionRow } from "../db/schema";
import { openStreamLease } from "../security/open-streams";
import { hitRateLimits, limitsFor } from "../security/rate-limit";
import type { EventHub } from "./hub";
import { findOwnSubmission, snapshot } from "./service";
import { isFinal, type Status } from "./status";
import type { Submission } from "./view-model";

export interface StreamFormat {
  /** SSE fields (without id) for one state of the submission */
  render(s: Submission): Promise<string> | string;
  /** sent after the final state, before the server closes */
  closing?: string;
}

const encoder = new TextEncoder();
/** how often at most a waiting student's queue position is re-sent */
const POSITION_EVERY_MS = 1000;

/** `data:` lines for a payload that may span several lines. */
export const dataLines = (payload: string) => payload.split(/\r\n|\r|\n/).map((l) => `data: ${l}\n`).join("");

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no", // nginx must not buffer the stream
  Connection: "keep-alive",
};

export interface StreamRequest {
  id: number;
  userId: string;
  /** the client's address, for the per-IP limit on opening streams (when known) */
  ip: string | undefined;
  lastEventId: string | null;
}

export async function submissionStream(
  ctx: Context, hub: EventHub, { id, userId, ip, lastEventId }: StreamRequest, format: StreamFormat,
  headers: Record<string, string> = {},
): Promise<Response> {
  const { streamsPerMinute, streamsPerMinutePerIp } = ctx.config.limits;
  // Counted before the lookup, so probing for other users' ids is limited too.
  Object.assign(headers, await hitRateLimits(ctx, "stream", limitsFor(userId, ip, streamsPerMinute, streamsPerMinutePerIp),
    "Too many live status connections were opened."));
  // 404 before any streaming starts. A final row read here is also the state sent (it can no
  // longer change); a pending one is read again once the change listener is in place, so no
  // change falls between the two.
  const owned = await findOwnSubmission(ctx, id, userId);
  let known: SubmissionRow | undefined = isFinal(owned.status as Status) ? owned : undefined;
  const lease = await openStreamLease(ctx, userId);
  let eventId = Math.min(1e9, Math.max(0, Number.parseInt(lastEventId ?? "0", 10) || 0));
  let cleanup = () => lease.release();
  let closed = false; // by us after the final state, or by the client going away

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = "";
      let lastStatus = "";
      let positionTimer: ReturnType<typeof setTimeout> | undefined;
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
            const row = known ?? (await findOwnSubmission(ctx, id, userId));
            known = undefined;
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
        if (kind === "shutdown") {
          // The browser (EventSource or htmx) reconnects, to this process restarted or another.
          write("retry: 500\n\n");
          return close();
        }
        if (kind === "change") return void refresh();
        // The queue moved: a waiting student's position changed. With thousands waiting,
        // every move would refresh every stream, so positions update at most once a second.
        if (lastStatus === "queued" && !positionTimer) {
          positionTimer = setTimeout(() => {
            positionTimer = undefined;
            void refresh();
          }, POSITION_EVERY_MS);
        }
      });
      const heartbeat = setInterval(() => {
        write(": heartbeat\n\n");
        lease.renew();
      }, ctx.config.sseHeartbeatMs);
      cleanup = () => {
        unwatch();
        clearInterval(heartbeat);
        clearTimeout(positionTimer);
        lease.release();
      };
      write("retry: 1000\n\n");
      void refresh();
    },
    cancel() {
      closed = true;
      cleanup();
    },
  });
  return new Response(body, { headers: { ...SSE_HEADERS, ...headers } });
}
