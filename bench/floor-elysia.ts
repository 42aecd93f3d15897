// The second floor: a bare Elysia route (the same path pattern as ours, nothing else on the
// app) sending the same bytes and headers as our answer (bench/canned.ts), one app per
// scenario. What the framework costs before any of our own work.
// `bun bench/floor-elysia.ts <recordings.json>`
import { Elysia } from "elysia";
import { answer, serveAll } from "./canned";

await serveAll((c) => {
  const respond = answer(c);
  // Elysia parses a POST's JSON body before the handler runs, as it does for ours.
  const app =
    c.method === "POST"
      ? new Elysia().post(c.route, ({ body }) => {
          void body;
          return respond();
        })
      : new Elysia().get(c.route, respond);
  app.listen({ port: 0 });
  return app.server!.port!;
});
