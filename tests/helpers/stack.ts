// A web process and graders against chosen services, for fault tests.
import { afterAll, beforeAll } from "bun:test";
import { assignmentIds, Client } from "./app";
import { freePort, type Proc, startGrader, startWeb } from "./processes";
import { PrivateRedis } from "./services";

export class Stack {
  readonly port = freePort();
  readonly url = `http://127.0.0.1:${this.port}`;
  web?: Proc;
  graders: Proc[] = [];
  private slugs: Record<string, number> = {};

  constructor(readonly env: Record<string, string>) {}

  async start(graders: number): Promise<this> {
    [this.web, ...this.graders] = await Promise.all([
      startWeb(this.port, this.env),
      ...Array.from({ length: graders }, () => startGrader(this.env)),
    ]);
    return this;
  }

  async addGrader(): Promise<Proc> {
    const g = await startGrader(this.env);
    this.graders.push(g);
    return g;
  }

  async stop(): Promise<void> {
    await Promise.all([this.web, ...this.graders].filter((p): p is Proc => !!p).map((p) => p.stop()));
  }

  client(): Client {
    return Client.forUrl(this.url);
  }

  async assignment(slug: string): Promise<number> {
    if (!this.slugs[slug]) {
      this.slugs = await assignmentIds(this.url);
    }
    return this.slugs[slug]!;
  }
}

// Fault tests import it from here.
export { finalState } from "./events";

/** POSTs until accepted (202), riding out 503s and connection errors while a service is down. */
export async function submitUntilAccepted(client: Client, assignmentId: number, code: string, ms = 60_000) {
  const end = Date.now() + ms;
  let last = "";
  while (Date.now() < end) {
    try {
      const res = await client.submit(assignmentId, code);
      if (res.status === 202) return (await res.json()) as { id: number; status: string };
      last = `${res.status} ${await res.text()}`;
    } catch (e) {
      last = String(e);
    }
    await Bun.sleep(200);
  }
  throw new Error(`not accepted: ${last}`);
}

/** For one test file: a private Redis, and a web process with two graders on it (short
 *  heartbeats and sweeps, so dead graders and a flush are noticed soon), started before the
 *  tests, stopped after. */
export function stackOnPrivateRedis(): { redis: PrivateRedis; stack: Stack } {
  const redis = new PrivateRedis();
  const stack = new Stack({ REDIS_URL: redis.url, GRADER_HEARTBEAT_SECONDS: "2", GRADER_SWEEP_SECONDS: "2" });
  beforeAll(async () => {
    await redis.start();
    await stack.start(2);
  });
  afterAll(async () => {
    await stack.stop();
    await redis.kill();
  });
  return { redis, stack };
}
