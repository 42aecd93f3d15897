// Time to feedback: POST a submission, then wait for its `graded` event on the stream,
// through a real web process and one grader, unloaded (one submission at a time).

import { createScratch } from "../scripts/scratch";
import { loadConfig } from "../src/config";
import { Client } from "../tests/helpers/app";
import { readEvents } from "../tests/helpers/events";
import { freePort, startGrader, startWeb } from "../tests/helpers/processes";

export async function benchFeedback(count: number): Promise<number[]> {
  const base = loadConfig(process.env);
  const scratch = await createScratch("bench", base);
  const env = { DATABASE_URL: scratch.databaseUrl, REDIS_PREFIX: scratch.redisPrefix };
  const port = freePort();
  const procs = await Promise.all([startWeb(port, env), startGrader(env)]);
  const url = `http://127.0.0.1:${port}`;
  const times: number[] = [];
  try {
    const list = (await (await fetch(`${url}/api/assignments`)).json()) as { id: number; slug: string }[];
    const sum = list.find((a) => a.slug === "sum")!.id;
    for (let i = 0; i < count + 3; i++) {
      const client = Client.forUrl(url);
      await client.json("/api/me"); // the cookie first: a returning student
      await Bun.sleep(50); // unloaded: the system is idle when each submission arrives
      const t0 = performance.now();
      const res = await client.submit(sum, `def sum(a, b):\n    return a + b  # ${i} ${Math.random()}\n`);
      if (res.status !== 202) throw new Error(`POST: ${res.status}`);
      const { id } = (await res.json()) as { id: number };
      const events = await readEvents(client, id);
      const last = events.at(-1)!;
      if (last.data.status !== "graded") throw new Error(`not graded: ${last.data.status}`);
      if (i >= 3) times.push(last.at - t0); // the first few warm up connections and caches
    }
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await scratch.drop();
  }
  return times;
}
