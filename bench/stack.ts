// The whole stack on this machine, as deployed: nginx (the production config, when nginx is
// installed) in front of a web process, and two graders; students submit in a loop (submit,
// wait for the graded event, submit again) for a while. Reports graded per second and that
// nothing was lost.

import { type ProxyProc, startProxy } from "../tests/deploy/proxy-process";
import { Client } from "../tests/helpers/app";
import { readEvents } from "../tests/helpers/events";
import { freePort, startGrader, startWeb } from "../tests/helpers/processes";
import { benchScratch } from "./scratch";
import { median, percentile } from "./stats";

export async function benchStack(seconds: number, students: number) {
  const { scratch, env } = await benchScratch();
  const port = freePort();
  const procs = await Promise.all([
    startWeb(port, env),
    startGrader({ ...env, LOG_LEVEL: "info" }),
    startGrader({ ...env, LOG_LEVEL: "info" }),
  ]);
  const proxy: ProxyProc | undefined = Bun.which("nginx") ? await startProxy(`127.0.0.1:${port}`) : undefined;
  const url = proxy?.base ?? `http://127.0.0.1:${port}`;
  let accepted = 0;
  let graded = 0;
  const waits: number[] = [];
  try {
    const list = (await (await fetch(`${url}/api/assignments`)).json()) as { id: number; slug: string }[];
    const sum = list.find((a) => a.slug === "sum")!.id;
    const end = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: students }, async (_, n) => {
        const client = Client.forUrl(url);
        for (let i = 0; performance.now() < end; i++) {
          const t0 = performance.now();
          const res = await client.submit(sum, `def sum(a, b):\n    return a + b  # ${n} ${i} ${Math.random()}\n`);
          if (res.status !== 202) throw new Error(`POST ${res.status}: ${await res.text()}`);
          accepted++;
          const { id } = (await res.json()) as { id: number };
          const last = (await readEvents(client, id, 60_000)).at(-1);
          if (last?.data.status === "graded" && last.data.outcome === "passed") graded++;
          waits.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    return {
      proxy: proxy ? "nginx" : "none",
      seconds: elapsed,
      students,
      accepted,
      graded,
      lost: accepted - graded,
      perSecond: graded / elapsed,
      medianMs: median(waits),
      p95Ms: percentile(waits, 95),
      p99Ms: percentile(waits, 99),
    };
  } finally {
    await proxy?.stop();
    await Promise.all(procs.map((p) => p.stop()));
    await scratch.drop();
  }
}
