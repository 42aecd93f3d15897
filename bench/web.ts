// Web scenarios: the assignment page (against bare Bun.serve with the same bytes), the same
// page for first visits (no cookie) against returning users, and POSTing submissions,
// through a real web process on a scratch database.

import { freePort, startWeb } from "../tests/helpers/processes";
import { HEADER, type LoadResult, load, postSubmission, row } from "./load";
import { benchScratch } from "./scratch";
import { median, table } from "./stats";

const ROUNDS = 10;

/**
 * The floor and the page in alternating rounds (seconds / ROUNDS each), so both see the same
 * machine while other work on it comes and goes. Rates are totals; latencies the median
 * round's; `ratios` page/floor per round, to show the spread.
 */
async function alternate(seconds: number, connections: number, floor: () => Promise<boolean>, page: () => Promise<boolean>) {
  const runs: [LoadResult[], LoadResult[]] = [[], []];
  for (let r = 0; r < ROUNDS; r++) {
    runs[0].push(await load(seconds / ROUNDS, connections, floor));
    runs[1].push(await load(seconds / ROUNDS, connections, page));
  }
  const combine = (rs: LoadResult[]): LoadResult => {
    const requests = rs.reduce((n, r) => n + r.requests, 0);
    const elapsed = rs.reduce((t, r) => t + r.requests / r.perSecond, 0);
    return {
      requests,
      errors: rs.reduce((n, r) => n + r.errors, 0),
      perSecond: requests / elapsed,
      medianMs: median(rs.map((r) => r.medianMs)),
      p95Ms: median(rs.map((r) => r.p95Ms)),
      p99Ms: median(rs.map((r) => r.p99Ms)),
    };
  };
  return { floorRun: combine(runs[0]), pageRun: combine(runs[1]), ratios: runs[1].map((p, i) => p.perSecond / runs[0][i]!.perSecond) };
}

export async function benchWeb(seconds: number, connections: number): Promise<string> {
  const { scratch, env } = await benchScratch();
  const port = freePort();
  const web = await startWeb(port, env);
  const url = `http://127.0.0.1:${port}`;
  const floorPort = freePort();
  let floor: ReturnType<typeof Bun.spawn> | undefined;
  try {
    const list = (await (await fetch(`${url}/api/assignments`)).json()) as { id: number }[];
    const page = `${url}/assignments/${list[0]!.id}`;
    const first = await fetch(page);
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    const warm = await fetch(page, { headers: { cookie } });
    const bytes = await warm.text();
    // The floor sends the same headers too (Bun adds its own date and length), so both write
    // the same bytes and the difference is the app's work.
    const headers: Record<string, string> = {};
    warm.headers.forEach((value, name) => {
      if (name !== "date" && name !== "content-length") headers[name] = value;
    });
    floor = Bun.spawn(["bun", "bench/floor-server.ts"], {
      env: { ...process.env, PORT: String(floorPort), FLOOR_HEADERS: JSON.stringify(headers) },
      stdin: new Blob([bytes]),
      stdout: "pipe",
    });
    await Bun.sleep(500);

    // The same request both ways (cookie sent, body read), so the driver's share is the same.
    const get =
      (address: string, headers: Record<string, string> = { cookie }) =>
      async () => {
        const res = await fetch(address, { headers });
        await res.arrayBuffer();
        return res.status === 200;
      };
    const { floorRun, pageRun, ratios } = await alternate(seconds, connections, get(`http://127.0.0.1:${floorPort}/`), get(page));
    // Crawlers and scripts: no cookie, so each request is a new visitor (a new id and cookie).
    const firstVisits = await alternate(seconds, connections, get(page), get(page, {}));
    const spread = (ratios: number[]) => `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`;
    const postRun = await load(seconds, connections, postSubmission(url, list[2]!.id));
    return table([
      HEADER,
      row(`bare Bun.serve, same ${bytes.length} bytes and headers (floor)`, floorRun),
      row(`assignment page, returning user (rounds ${spread(ratios)})`, pageRun, floorRun),
      row("assignment page, returning user (floor of the next row)", firstVisits.floorRun),
      row(`assignment page, first visit: no cookie (rounds ${spread(firstVisits.ratios)})`, firstVisits.pageRun, firstVisits.floorRun),
      row("POST submission (acknowledged)", postRun),
    ]);
  } finally {
    floor?.kill();
    await web.stop();
    await scratch.drop();
  }
}
