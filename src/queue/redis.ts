import Redis, { type RedisOptions } from "ioredis";

/**
 * A command connection: fails fast so a request never hangs on a dead Redis, nor on a hung
 * one (a frozen host, a connection silently dropped on the way): a command without a reply
 * after `timeoutMs` fails and the callers' fallbacks take over (a submission is still
 * accepted and left for the sweeper); a connection that answers nothing for twice as long is
 * dropped and opened anew, and what it had not answered is not sent again (a late write
 * after its caller gave up would only surprise). Commands sent in the same turn of the event
 * loop (many requests at once) go out in one write: socket writes were the web process's
 * largest cost under load (what it gained: PERFORMANCE.md, POST throughput).
 */
export function commandClient(url: string, timeoutMs = 2000): Redis {
  return quiet(
    new Redis(url, {
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      enableAutoPipelining: true,
      commandTimeout: timeoutMs,
      socketTimeout: 2 * timeoutMs,
      autoResendUnfulfilledCommands: false,
    }),
  );
}

/**
 * A connection for blocking commands (BLMOVE) or for SUBSCRIBE. No command timeout
 * and no retry limit: with a timeout ioredis gives up while Redis still moves the job.
 */
export function dedicatedClient(url: string, extra: RedisOptions = {}): Redis {
  return quiet(new Redis(url, { maxRetriesPerRequest: null, ...extra }));
}

// Connection errors surface on the commands that fail (and in /health); ioredis keeps
// reconnecting by itself, so the 'error' events need no handler of their own.
function quiet(client: Redis): Redis {
  client.on("error", () => {});
  return client;
}
