// The benchmark's floors (bench/floor-server.ts: bare Bun.serve; bench/floor-elysia.ts: a
// bare Elysia route) must send the bytes and headers recorded from our answer, or the
// ratios compare unlike answers.
import { afterAll, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { record } from "../../bench/canned";
import { spawnChild } from "../helpers/processes";

const file = `/tmp/pypractice-floors-test-${process.pid}.json`;
const ours = new Response("<p>page</p>", {
  status: 200,
  headers: {
    "content-type": "text/html; charset=utf-8",
    etag: 'W/"abc"',
    "cache-control": "private, no-cache",
    "set-cookie": "uid=x; Path=/",
  },
});
await Bun.write(
  file,
  JSON.stringify([
    await record("page", "/assignments/:id", ours),
    await record("revalidate", "/assignments/:id", new Response(null, { status: 304, headers: { etag: 'W/"abc"' } })),
    await record("post", "/api/assignments/:id/submissions", new Response('{"id":1}', { status: 202 }), "POST"),
  ]),
);
afterAll(() => rmSync(file, { force: true }));

for (const script of ["bench/floor-server.ts", "bench/floor-elysia.ts"]) {
  test(`${script} answers each scenario with its recorded status, headers and body`, async () => {
    const floor = spawnChild(["bun", script, file]);
    try {
      const ports = JSON.parse((await floor.waitFor(/^ports /)).slice("ports ".length)) as Record<string, number>;
      const at = (name: string, path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${ports[name]}${path}`, init);
      const page = await at("page", "/assignments/7");
      expect(page.status).toBe(200);
      expect(await page.text()).toBe("<p>page</p>");
      for (const name of ["content-type", "etag", "cache-control", "set-cookie"])
        expect(page.headers.get(name)).toBe(ours.headers.get(name));
      // Nothing of the floor's own beyond what every Bun server writes (the date, the length).
      const names: string[] = [];
      page.headers.forEach((_, name) => {
        names.push(name);
      });
      expect(names.sort()).toEqual(["cache-control", "content-length", "content-type", "date", "etag", "set-cookie"]);
      const notModified = await at("revalidate", "/assignments/7");
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get("etag")).toBe('W/"abc"');
      const post = await at("post", "/api/assignments/3/submissions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"code":"x"}',
      });
      expect(post.status).toBe(202);
      expect(await post.text()).toBe('{"id":1}');
    } finally {
      await floor.stop();
    }
  });
}
