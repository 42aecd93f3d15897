// One Redis subscriber per web process, fanning out to the open event streams in memory.
import type Redis from "ioredis";
import type { Context } from "../context";
import type { Keys } from "../queue/keys";
import { dedicatedClient } from "../queue/redis";

export type Listener = (kind: "change" | "queue" | "shutdown") => void;

export class EventHub {
  private bySubmission = new Map<number, Set<Listener>>();
  private queueListeners = new Set<Listener>();
  private sub: Redis;

  constructor(redisUrl: string, private keys: Keys, private caches?: Context["cache"]) {
    this.sub = dedicatedClient(redisUrl);
    // ioredis re-subscribes after a reconnect; changes may have been missed meanwhile, so
    // caches start over and streams re-read from Postgres.
    this.sub.on("ready", () => {
      this.caches?.users.clear();
      this.caches?.catalog.invalidate();
      this.notifyAll();
    });
    this.sub.subscribe(keys.eventsChannel, keys.queueChannel, keys.assignmentsChannel).catch(() => {});
    this.sub.on("message", (channel: string, message: string) => {
      if (channel === keys.queueChannel) return this.queueListeners.forEach((l) => l("queue"));
      if (channel === keys.assignmentsChannel) return this.caches?.catalog.invalidate();
      let change: { id?: unknown; userId?: unknown };
      try {
        change = JSON.parse(message);
      } catch {
        return;
      }
      if (typeof change.userId === "string") this.caches?.users.invalidate(change.userId);
      if (typeof change.id === "number") this.bySubmission.get(change.id)?.forEach((l) => l("change"));
    });
  }

  get openStreams(): number {
    let n = 0;
    for (const set of this.bySubmission.values()) n += set.size;
    return n;
  }

  /** Calls `listener` when the submission changes or the queue moves; returns unsubscribe. */
  watch(submissionId: number, listener: Listener): () => void {
    let set = this.bySubmission.get(submissionId);
    if (!set) this.bySubmission.set(submissionId, (set = new Set()));
    set.add(listener);
    this.queueListeners.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.bySubmission.delete(submissionId);
      this.queueListeners.delete(listener);
    };
  }

  private notifyAll() {
    for (const set of this.bySubmission.values()) set.forEach((l) => l("change"));
  }

  /** Tells every open stream the process is stopping (they end with a retry hint). */
  shutdown() {
    for (const set of this.bySubmission.values()) set.forEach((l) => l("shutdown"));
  }

  close() {
    this.sub.disconnect();
  }
}
