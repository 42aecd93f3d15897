// One admission for both ways in (the JSON API and the page's form): the same order of
// checks, the same counting, the same Redis round trips.
import { describe, expect, test } from "bun:test";
import { appsForThisFile, Client, unique } from "../helpers/app";

const app = appsForThisFile();

const formPost = (code: string) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ code }).toString(),
});

async function firstAssignment(c: Client) {
  return ((await (await c.json("/api/assignments")).json()) as { id: number }[])[0]!.id;
}

describe("one admission for the API and the form", () => {
  test("a refused submission counts against the limit whichever way it came, an unknown assignment too", async () => {
    const { app: a } = app({ SUBMISSIONS_PER_MINUTE: "2" });
    const c = Client.forApp(a);
    const id = await firstAssignment(c);
    expect((await c.request("/assignments/999999/submit", formPost("x = 1"))).status).toBe(404);
    expect((await c.submit(999_999, "x = 1")).status).toBe(404);
    const form = await c.request(`/assignments/${id}/submit`, formPost(unique("x = 1")));
    expect(form.status).toBe(429);
    expect(await form.text()).toContain("Too many submissions");
    expect((await c.submit(id, unique("x = 1"))).status).toBe(429);
  });

  test("refusals after the count carry the RateLimit headers on both ways in", async () => {
    const { app: a } = app({ SUBMISSIONS_PER_MINUTE: "10" });
    const c = Client.forApp(a);
    const id = await firstAssignment(c);
    expect((await c.submit(id, unique("x = 1"))).status).toBe(202);
    const api = await c.submit(id, unique("x = 2"));
    const form = await c.request(`/assignments/${id}/submit`, formPost(unique("x = 3")));
    expect([api.status, form.status]).toEqual([409, 409]);
    expect([api.headers.get("ratelimit-remaining"), form.headers.get("ratelimit-remaining")]).toEqual(["8", "7"]);
  });

  test("an accepted submission costs two Redis round trips, from the API and from the form", async () => {
    const { app: a, ctx } = app();
    const id = await firstAssignment(Client.forApp(a));
    // Commands sent in the same turn of the event loop leave in one write (auto-pipelining):
    // the writes on the command connection are the round trips.
    const socket = (ctx.redis as unknown as { stream: { write: (...args: unknown[]) => boolean } }).stream;
    const write = socket.write.bind(socket);
    let writes = 0;
    socket.write = (...args) => {
      writes++;
      return write(...args);
    };
    const roundTrips = async (send: () => Promise<Response>) => {
      writes = 0;
      const res = await send();
      expect(res.status).toBeLessThan(400);
      return writes;
    };
    await Client.forApp(a).submit(id, unique("x = 0")); // the scripts are loaded by now
    const api = await roundTrips(() => Client.forApp(a).submit(id, unique("x = 1")));
    const form = await roundTrips(() => Client.forApp(a).request(`/assignments/${id}/submit`, formPost(unique("x = 1"))));
    expect({ api, form }).toEqual({ api: 2, form: 2 });
  });
});
