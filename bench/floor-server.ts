// The floor for page serving: bare Bun.serve answering fixed bytes: the body read from stdin
// and, when FLOOR_HEADERS (JSON) is given, the same response headers as the page it stands for.
export {};

const body = await new Response(Bun.stdin.stream()).text();
const headers = new Headers(
  process.env.FLOOR_HEADERS ? JSON.parse(process.env.FLOOR_HEADERS) : { "content-type": "text/html; charset=utf-8" },
);
const server = Bun.serve({
  port: Number(process.env.PORT),
  fetch: () => new Response(body, { headers }),
});
console.log(`floor listening ${server.port}`);
