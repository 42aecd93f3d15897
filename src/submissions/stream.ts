// Server-Sent Events for one submission (docs/design.md §5): the current state on
// connect, one event per change, heartbeats while nothing changes, closed after the
// final state. The same machinery serves the JSON API and the page's HTML fragments.
// Thousands stay open per process, so a stream is one small object: the hub beats it
// from a shared timer and hands it queue positions from a shared read.
import type { Context } from "../context";
import { openStreamLease, type StreamLease } from "../security/open-streams";
import { hitRateLimits, limitsFor } from "../security/rate-limit";
import type { EventHub, Watcher } from "./hub";
import { findOwnSubmission, positionOf } from "./service";
import { isFinal } from "./status";
import { inQueue, type Submission, toSubmission } from "./view-model";

export interface StreamFormat {
  /** SSE fields (without id) for one state of the submission, shown to `userId` */
  render(s: Submission, userId: string): Promise<string> | string;
  /** sent after the final state, before the server closes */
  closing?: string;
}

const encoder = new TextEncoder();
const HEARTBEAT = encoder.encode(": heartbeat\n\n");

/** `data:` lines for a payload that may span several lines. */
export const dataLines = (payload: string) =>
  payload
    .split(/\r\n|\r|\n/)
    .map((l) => `data: ${l}\n`)
    .join("");

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
  ctx: Context,
  hub: EventHub,
  { id, userId, ip, lastEventId }: StreamRequest,
  format: StreamFormat,
  headers: Record<string, string> = {},
): Promise<Response> {
  const { streamsPerMinute, streamsPerMinutePerIp } = ctx.config.limits;
  // Counted before the lookup, so probing for other users' ids is limited too.
  Object.assign(
    headers,
    await hitRateLimits(
      ctx,
      "stream",
      limitsFor(userId, ip, streamsPerMinute, streamsPerMinutePerIp),
      "Too many live status connections were opened.",
    ),
  );
  const eventId = Math.min(1e9, Math.max(0, Number.parseInt(lastEventId ?? "0", 10) || 0));
  const stream = new SubmissionStream(ctx, hub, id, userId, format, eventId);
  // Listening before the read: a change during it is read again, so none falls between
  // the snapshot and the first event, and the snapshot costs one read.
  hub.watch(id, stream, ctx.config.sseHeartbeatMs);
  try {
    // 404 (and 429 at the cap) before any streaming starts.
    const row = await findOwnSubmission(ctx, id, userId);
    stream.lease = await openStreamLease(ctx, userId);
    stream.opening = toSubmission(row, null);
  } catch (e) {
    hub.unwatch(id, stream);
    throw e;
  }
  return new Response(new ReadableStream(stream), { headers: { ...SSE_HEADERS, ...headers } });
}

/** what a stream must do to be up to date, in increasing order */
enum Need {
  Nothing,
  Position,
  Row,
}

class SubmissionStream implements Watcher, UnderlyingDefaultSource<Uint8Array> {
  lease?: StreamLease;
  /** the state read while opening, sent first */
  opening?: Submission;
  private controller?: ReadableStreamDefaultController<Uint8Array>;
  private closed = false; // by us after the final state, or by the client going away
  private busy = true; // a refresh is running (the opening read, at first)
  private pending = Need.Nothing; // what came due while busy
  private sent = 0; // fingerprint of the last fields sent (they can be long)
  /** the last state sent while queued: a new position needs no Postgres read */
  private queued?: Submission;
  /** the final state, when a change message carried it */
  private final?: Submission;

  constructor(
    private ctx: Context,
    private hub: EventHub,
    private id: number,
    private userId: string,
    private format: StreamFormat,
    private eventId: number,
  ) {}

  start(controller: ReadableStreamDefaultController<Uint8Array>) {
    if (this.closed) {
      // The process began stopping while this stream was opening.
      controller.enqueue(encoder.encode("retry: 500\n\n"));
      return controller.close();
    }
    this.controller = controller;
    this.write("retry: 1000\n\n");
    const opening = this.opening!;
    this.opening = undefined;
    this.busy = false;
    void this.refresh(Need.Nothing, opening);
  }

  cancel() {
    this.closed = true;
    this.release();
  }

  change(final?: Submission) {
    this.final ??= final;
    void this.refresh(Need.Row);
  }

  queueMoved() {
    if (this.queued || this.busy) void this.refresh(Need.Position);
  }

  shutdown() {
    // The browser (EventSource or htmx) reconnects, to this process restarted or another.
    this.write("retry: 500\n\n");
    this.close();
  }

  beat() {
    if (!this.controller) return; // still opening
    this.write(HEARTBEAT);
    this.lease?.renew();
  }

  // Sends `first`, then whatever became due meanwhile: a new position (from the last
  // queued state, no Postgres read) or the row read again. Calls never overlap: one that
  // comes while another runs only marks what is due.
  private async refresh(need: Need, first?: Submission) {
    if (need > this.pending) this.pending = need;
    if (this.busy) return;
    this.busy = true;
    try {
      let state = first;
      while (!this.closed && (state || this.pending !== Need.Nothing)) {
        if (!state) {
          const due = this.pending;
          this.pending = Need.Nothing;
          if (this.final)
            state = this.final; // it can no longer change: no read
          else if (due === Need.Position) state = this.queued;
          else state = toSubmission(await findOwnSubmission(this.ctx, this.id, this.userId), null);
          if (!state) continue; // a new position, but no longer in the queue
        }
        if (state.status === "queued") {
          const { position, gradersAlive } = await this.hub.place(this.id);
          state = inQueue(state, { position: position ?? (await positionOf(this.ctx, this.id)), gradersAlive });
        }
        await this.send(state);
        state = undefined;
      }
    } catch (e) {
      this.ctx.log.warn("stream refresh failed", { id: this.id, error: String(e) });
    } finally {
      this.busy = false;
    }
  }

  private async send(state: Submission) {
    const fields = await this.format.render(state, this.userId);
    this.queued = state.status === "queued" ? state : undefined;
    // Length and CRC-32 in one number (a 64-bit hash would be a BigInt on the heap).
    const print = fields.length * 2 ** 32 + Bun.hash.crc32(fields);
    if (print !== this.sent) {
      this.sent = print;
      this.write(`id: ${++this.eventId}\n${fields}\n`);
    }
    if (isFinal(state.status)) {
      if (this.format.closing) this.write(this.format.closing);
      this.close();
    }
  }

  private write(chunk: string | Uint8Array) {
    if (this.closed || !this.controller) return;
    this.controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    this.release();
    this.controller?.close();
  }

  private release() {
    this.hub.unwatch(this.id, this);
    this.lease?.release();
    this.queued = undefined;
  }
}
