// The floor for page serving: bare Bun.serve answering fixed bytes (read from stdin).
export {};
const body = await new Response(Bun.stdin.stream()).text();
const server = Bun.serve({
  port: Number(process.env.PORT),
  fetch: () => new Response(body, { headers: { "content-type": "text/html; charset=utf-8" } }),
});
console.log(`floor listening ${server.port}`);
