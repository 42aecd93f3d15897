// Canned answers: what our web process answered for each HTTP scenario (status, headers,
// body), recorded once, so the floors (bench/floor-server.ts: bare Bun.serve, and
// bench/floor-elysia.ts: a bare Elysia route) send the same bytes and headers and the
// difference measured is our own work.

export interface Canned {
  name: string;
  method: "GET" | "POST";
  /** the route's path as Elysia declares it, e.g. /assignments/:id */
  route: string;
  status: number;
  headers: Record<string, string>;
  /** base64 (a static file may be binary) */
  body: string;
}

/** Headers the server adds itself (Bun writes the date and the length), left out of the canned ones. */
const OWN = new Set(["date", "content-length", "transfer-encoding", "connection", "keep-alive"]);

export async function record(name: string, route: string, res: Response, method: Canned["method"] = "GET"): Promise<Canned> {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    if (!OWN.has(key)) headers[key] = value;
  });
  const body = Buffer.from(await res.arrayBuffer()).toString("base64");
  return { name, method, route, status: res.status, headers, body };
}

/** The answer a floor sends: built from the recording once, a new Response each time. */
export function answer(c: Canned): () => Response {
  const body = c.status === 304 || c.body === "" ? null : Buffer.from(c.body, "base64");
  const init = { status: c.status, headers: c.headers };
  return () => new Response(body, init);
}

/** Reads the recordings (argv[2], a JSON file) and serves each on a port of its own; prints `ports {"name": port}`. */
export async function serveAll(listen: (c: Canned) => number): Promise<void> {
  const all = (await Bun.file(process.argv[2]!).json()) as Canned[];
  const ports: Record<string, number> = {};
  for (const c of all) ports[c.name] = listen(c);
  console.log(`ports ${JSON.stringify(ports)}`);
}
