// A small closed-loop HTTP load driver: `connections` loops, each sending the next request
// as soon as the previous answered, for `seconds`. Every response's status is checked, so a
// failing run can never report good throughput.
import { median, percentile } from "./stats";

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
}

export async function load(seconds: number, connections: number, send: (i: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      for (let i = c; performance.now() < end; i += connections) {
        const t0 = performance.now();
        let ok = false;
        try {
          ok = await send(i);
        } catch {
          ok = false;
        }
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    medianMs: median(latencies),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
  };
}

export const row = (name: string, r: LoadResult, floor?: LoadResult) => [
  name,
  r.perSecond,
  r.medianMs,
  r.p95Ms,
  r.p99Ms,
  `${((100 * r.errors) / Math.max(1, r.requests)).toFixed(2)}%`,
  floor ? `${(r.perSecond / floor.perSecond).toFixed(2)}×` : "",
];

export const HEADER = ["scenario", "req/s", "median ms", "p95 ms", "p99 ms", "errors", "× floor"];

/** A new visitor's POST of a fresh `sum` solution (no cookie: each is a first, accepted submission). */
export const postSubmission = (url: string, assignmentId: number) => async (i: number) => {
  const res = await fetch(`${url}/api/assignments/${assignmentId}/submissions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code: `def sum(a, b):\n    return a + b  # ${i} ${Math.random()}\n` }),
  });
  await res.arrayBuffer();
  return res.status === 202;
};
