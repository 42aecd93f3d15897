// The staff table's live refresh: an event stream that says `changed` (no data: the page
// re-fetches its table) when any submission changed, at most once per THROTTLE_MS, with
// heartbeats between; ended with a retry hint when the process stops. Few staff watch at
// once, so each stream keeps its own timers.
import type { EventHub } from "../submissions/hub";
import { SSE_HEADERS } from "../submissions/stream";

export const THROTTLE_MS = 1000;
const encoder = new TextEncoder();

export function courseStream(hub: EventHub, heartbeatMs: number): Response {
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      let lastSent = 0;
      let pending: ReturnType<typeof setTimeout> | undefined;
      const changed = () => {
        if (pending) return;
        pending = setTimeout(
          () => {
            pending = undefined;
            lastSent = Date.now();
            send("event: changed\ndata: \n\n");
          },
          Math.max(0, lastSent + THROTTLE_MS - Date.now()),
        );
      };
      const unlisten = hub.onAnyChange({
        change: changed,
        // The process is stopping: reconnect soon (to another process, or this one restarted).
        shutdown: () => {
          send("retry: 500\n\n");
          stop();
          try {
            controller.close();
          } catch {} // already closed by the client
        },
      });
      const beat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
      stop = () => {
        unlisten();
        clearInterval(beat);
        clearTimeout(pending);
      };
      send("retry: 2000\n\n");
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, { headers: SSE_HEADERS });
}
