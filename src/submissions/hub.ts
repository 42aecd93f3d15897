// One Redis subscriber per web process, fanning out to the open event streams in memory.
// The hub also does, once for all streams, the work each stream would otherwise repeat:
// one heartbeat timer, and one read of every queue position (and whether a grader is alive)
// when the queue moves.
import type Redis from "ioredis";
import type { Context } from "../context";
import type { Keys } from "../queue/keys";
import { queuePositions } from "../queue/queue";
import { commandClient, dedicatedClient } from "../queue/redis";
import { anyGraderAlive } from "../queue/workers";
import { isFinal } from "./status";
import type { Submission } from "./view-model";

/** An open event stream, as the hub sees it. */
export interface Watcher {
  /** the submission changed (to `final`, when the message carried it), or changes may have been missed */
  change(final?: Submission): void;
  /** the queue moved: a queued submission's position may have changed */
  queueMoved(): void;
  /** the process is stopping */
  shutdown(): void;
  /** time for a heartbeat (every SSE_HEARTBEAT_MS) */
  beat(): void;
}

/** The queue as one read saw it: every waiting id's position, and whether a grader is alive. */
interface QueueView {
  positions: Map<number, number>;
  gradersAlive: boolean;
}

/** how often at most waiting students' queue positions are re-read and re-sent */
export const POSITION_EVERY_MS = 1000;
/** heartbeats are spread over the interval: a tick this often beats one slice of the streams */
const TICK_MS = 100;
/** watchers called per turn of the event loop when all of them are told at once */
const SLICE = 250;

export class EventHub {
  private bySubmission = new Map<number, Watcher | Set<Watcher>>();
  private count = 0;
  private sub: Redis;
  private cmd?: Redis; // for the queue read, made on first use
  // Heartbeats: each watcher sits in one bucket; a shared timer beats one bucket per tick.
  private buckets: Set<Watcher>[] = [];
  private hand = 0;
  private placed = 0;
  private ticker?: ReturnType<typeof setInterval>;
  // Queue positions: one LRANGE (and graders check) shared by every stream, at most POSITION_EVERY_MS old.
  private positions?: { at: number; read: Promise<QueueView> };
  private positionTimer?: ReturnType<typeof setTimeout>;
  private positionsSentAt = 0;
  /** told of every submission change, and of shutdown (the staff table's live refresh) */
  private anyChange = new Set<Pick<Watcher, "change" | "shutdown">>();

  constructor(
    private redisUrl: string,
    private keys: Keys,
    private caches?: Context["cache"],
    private commandTimeoutMs?: number,
  ) {
    this.sub = dedicatedClient(redisUrl);
    // ioredis re-subscribes after a reconnect; changes may have been missed meanwhile, so
    // caches start over and streams re-read from Postgres.
    this.sub.on("ready", () => {
      this.caches?.users.clear();
      this.caches?.catalog.invalidate();
      void this.tellAll((w) => w.change());
    });
    this.sub.subscribe(keys.eventsChannel, keys.queueChannel, keys.assignmentsChannel).catch(() => {});
    this.sub.on("message", (channel: string, message: string) => {
      if (channel === keys.queueChannel) return this.queueMoved();
      if (channel === keys.assignmentsChannel) return this.caches?.catalog.invalidate();
      let change: { id?: unknown; userId?: unknown; final?: Partial<Submission> };
      try {
        change = JSON.parse(message);
      } catch {
        return;
      }
      if (typeof change.userId === "string") this.caches?.users.invalidate(change.userId);
      for (const listener of this.anyChange) listener.change();
      if (typeof change.id !== "number") return;
      const { final } = change;
      const known = final?.id === change.id && isFinal(final.status!) ? (final as Submission) : undefined;
      this.each(change.id, (w) => w.change(known));
    });
  }

  get openStreams(): number {
    return this.count;
  }

  /**
   * Tells `watcher` when the submission changes or the queue moves, and beats it every
   * `heartbeatMs` (the first stream's value sets the period: it is one setting per process).
   */
  watch(submissionId: number, watcher: Watcher, heartbeatMs: number) {
    // Mostly one stream per submission: the watcher itself, a Set only for a second tab.
    const known = this.bySubmission.get(submissionId);
    if (!known) this.bySubmission.set(submissionId, watcher);
    else if (known instanceof Set) known.add(watcher);
    else this.bySubmission.set(submissionId, new Set([known, watcher]));
    this.count++;
    if (!this.ticker) this.startHeartbeats(heartbeatMs);
    // Round robin: streams opened together still beat at different ticks.
    this.buckets[this.placed++ % this.buckets.length]!.add(watcher);
  }

  unwatch(submissionId: number, watcher: Watcher) {
    const known = this.bySubmission.get(submissionId);
    if (known === watcher) this.bySubmission.delete(submissionId);
    else if (!(known instanceof Set) || !known.delete(watcher)) return;
    else if (known.size === 0) this.bySubmission.delete(submissionId);
    this.count--;
    for (const bucket of this.buckets) if (bucket.delete(watcher)) break;
  }

  /**
   * How many jobs are ahead of `id` in the Redis queue (undefined when it is not in the list
   * read) and whether a grader is alive, from one read of the whole queue shared by every
   * stream (at most POSITION_EVERY_MS old; the queue's next move re-sends fresh positions).
   */
  async place(id: number): Promise<{ position?: number; gradersAlive: boolean }> {
    if (!this.positions || Date.now() - this.positions.at > POSITION_EVERY_MS) {
      this.positions = { at: Date.now(), read: this.readPositions() };
    }
    const { positions, gradersAlive } = await this.positions.read;
    return { position: positions.get(id), gradersAlive };
  }

  /** Tells `listener` of every submission change of anyone, and of shutdown; returns the function that stops it. */
  onAnyChange(listener: Pick<Watcher, "change" | "shutdown">): () => void {
    this.anyChange.add(listener);
    return () => this.anyChange.delete(listener);
  }

  /** Tells every open stream the process is stopping (they end with a retry hint). */
  shutdown() {
    for (const w of this.all()) w.shutdown();
    for (const listener of this.anyChange) listener.shutdown();
  }

  close() {
    clearInterval(this.ticker);
    clearTimeout(this.positionTimer);
    this.sub.disconnect();
    this.cmd?.disconnect();
  }

  private each(submissionId: number, call: (w: Watcher) => void) {
    const known = this.bySubmission.get(submissionId);
    if (known instanceof Set) known.forEach(call);
    else if (known) call(known);
  }

  private all(): Watcher[] {
    const all: Watcher[] = [];
    for (const known of this.bySubmission.values()) {
      if (known instanceof Set) all.push(...known);
      else all.push(known);
    }
    return all;
  }

  private startHeartbeats(heartbeatMs: number) {
    this.buckets = Array.from({ length: Math.max(1, Math.round(heartbeatMs / TICK_MS)) }, () => new Set());
    this.ticker = setInterval(() => {
      this.hand = (this.hand + 1) % this.buckets.length;
      for (const w of this.buckets[this.hand]!) w.beat();
    }, heartbeatMs / this.buckets.length);
    this.ticker.unref();
  }

  private async readPositions(): Promise<QueueView> {
    this.cmd ??= commandClient(this.redisUrl, this.commandTimeoutMs);
    // Sent in the same turn of the event loop: one round trip (the connection auto-pipelines).
    const [positions, gradersAlive] = await Promise.all([
      queuePositions(this.cmd, this.keys).catch(() => new Map<number, number>()),
      anyGraderAlive(this.cmd, this.keys).catch(() => true),
    ]);
    return { positions, gradersAlive };
  }

  // The queue moved: every waiting stream's position may have changed. With thousands
  // waiting and a grader taking jobs many times a second, positions are re-read and
  // re-sent at most once a second (at once when the last time was longer ago).
  private queueMoved() {
    if (this.positionTimer || this.count === 0) return;
    const wait = Math.max(0, this.positionsSentAt + POSITION_EVERY_MS - Date.now());
    this.positionTimer = setTimeout(async () => {
      this.positionTimer = undefined; // a move from now on is sent next time
      this.positionsSentAt = Date.now();
      this.positions = { at: Date.now(), read: this.readPositions() };
      await this.positions.read;
      await this.tellAll((w) => w.queueMoved());
    }, wait);
  }

  // Calls every watcher, a slice per turn of the event loop, so a targeted event arriving
  // meanwhile is not held up behind thousands of streams' work.
  private async tellAll(call: (w: Watcher) => void) {
    const all = this.all();
    for (let i = 0; i < all.length; i += SLICE) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const w of all.slice(i, i + SLICE)) call(w);
    }
  }
}
