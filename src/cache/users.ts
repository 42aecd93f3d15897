// Per-user answers (points and solved set, latest submission per assignment), kept in
// this process and dropped on every change of that user, which every web process hears on
// the events channel. A short lifetime bounds staleness if a message is ever missed.
const MAX_USERS = 50_000;
const TTL_MS = 60_000;

interface Checks<T> {
  fresh?: (cached: T) => boolean;
  keep?: (loaded: T) => boolean;
}

interface Entry {
  expires: number;
  values: Map<string, unknown>;
}

export class UserCache {
  private entries = new Map<string, Entry>();
  /** per user: the sequence number of its last invalidation, to refuse stale stores */
  private invalidated = new Map<string, number>();
  private seq = 0;
  private clearedAt = 0;
  hits = 0;
  misses = 0;

  /**
   * The cached value for (user, key), or the loader's, kept unless the user changed meanwhile.
   * `fresh` can refuse a cached value (it depends on more than the user), `keep` a new one.
   */
  async get<T>(userId: string, key: string, load: () => Promise<T>, check: Checks<T> = {}): Promise<T> {
    const entry = this.entries.get(userId);
    if (entry && entry.expires > Date.now() && entry.values.has(key)) {
      const value = entry.values.get(key) as T;
      if (!check.fresh || check.fresh(value)) {
        this.hits++;
        return value;
      }
    }
    this.misses++;
    const startedAt = this.seq;
    const value = await load();
    // A change heard while we read may have made `value` stale: then it is not kept.
    const changed = startedAt < this.clearedAt || (this.invalidated.get(userId) ?? -1) > startedAt;
    if (!changed && (!check.keep || check.keep(value))) this.store(userId, key, value);
    return value;
  }

  /** The cached value for (user, key) if there is one, without waiting for anything. */
  peek<T>(userId: string, key: string): T | undefined {
    const entry = this.entries.get(userId);
    if (!entry || entry.expires <= Date.now()) return undefined;
    return entry.values.get(key) as T | undefined;
  }

  private store(userId: string, key: string, value: unknown): void {
    let entry = this.entries.get(userId);
    if (!entry || entry.expires <= Date.now()) {
      this.entries.delete(userId);
      entry = { expires: Date.now() + TTL_MS, values: new Map() };
      this.entries.set(userId, entry);
      if (this.entries.size > MAX_USERS) this.entries.delete(this.entries.keys().next().value!);
    }
    entry.values.set(key, value);
  }

  invalidate(userId: string): void {
    this.entries.delete(userId);
    this.invalidated.set(userId, ++this.seq);
    if (this.invalidated.size > MAX_USERS) this.invalidated.delete(this.invalidated.keys().next().value!);
  }

  /** Everything, e.g. after the subscriber reconnected and may have missed changes. */
  clear(): void {
    this.entries.clear();
    this.invalidated.clear();
    this.clearedAt = ++this.seq;
  }
}
