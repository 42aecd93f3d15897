// The floor for HTTP scenarios: bare Bun.serve sending the same bytes and headers as our
// answer to each scenario (bench/canned.ts), one server per scenario. A POST's body is read,
// as any handler must. `bun bench/floor-server.ts <recordings.json>`
import { answer, serveAll } from "./canned";

await serveAll((c) => {
  const respond = answer(c);
  const fetch =
    c.method === "POST"
      ? async (req: Request) => {
          await req.arrayBuffer();
          return respond();
        }
      : respond;
  return Bun.serve({ port: 0, fetch }).port!;
});
