// Web scenarios: the assignment page (against bare Bun.serve with the same bytes) and
// POSTing submissions, through a real web process on a scratch database.
import { benchScratch } from "./scratch";
import { freePort, startWeb } from "../tests/helpers/processes";
import { HEADER, load, row } from "./load";
import { table } from "./stats";

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
    const bytes = await (await fetch(page, { headers: { cookie } })).text();
    floor = Bun.spawn(["bun", "bench/floor-server.ts"], { env: { ...process.env, PORT: String(floorPort) }, stdin: new Blob([bytes]), stdout: "pipe" });
    await Bun.sleep(500);

    const floorRun = await load(seconds, connections, async () => (await fetch(`http://127.0.0.1:${floorPort}/`)).status === 200);
    const pageRun = await load(seconds, connections, async () => {
      const res = await fetch(page, { headers: { cookie } });
      await res.arrayBuffer();
      return res.status === 200;
    });
    const postRun = await load(seconds, connections, async (i) => {
      // A new visitor each time (no cookie): every POST is a first, accepted submission.
      const res = await fetch(`${url}/api/assignments/${list[2]!.id}/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code: `def sum(a, b):\n    return a + b  # ${i} ${Math.random()}\n` }),
      });
      await res.arrayBuffer();
      return res.status === 202;
    });
    return table([HEADER,
      row(`bare Bun.serve, same ${bytes.length} bytes (floor)`, floorRun),
      row("assignment page, returning user", pageRun, floorRun),
      row("POST submission (acknowledged)", postRun),
    ]);
  } finally {
    floor?.kill();
    await web.stop();
    await scratch.drop();
  }
}
