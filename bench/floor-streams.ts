// The floor for event streams: a bare Bun.serve holding SSE responses open, with the least
// the real server must do: a first event, one shared heartbeat timer, and events delivered
// from a Redis channel (message {id, data}) to the stream of that id.
import Redis from "ioredis";

const encoder = new TextEncoder();
const streams = new Map<number, ReadableStreamDefaultController<Uint8Array>>();
const sub = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
await sub.subscribe(process.env.CHANNEL!);
sub.on("message", (_channel: string, message: string) => {
  const { id, data } = JSON.parse(message) as { id: number; data: string };
  streams.get(id)?.enqueue(encoder.encode(`id: 2\nevent: status\ndata: ${data}\n\n`));
});
const heartbeat = encoder.encode(": heartbeat\n\n");
setInterval(() => {
  for (const c of streams.values()) c.enqueue(heartbeat);
}, 5000);
const server = Bun.serve({
  port: Number(process.env.PORT),
  idleTimeout: 30,
  fetch(request) {
    const id = Number(new URL(request.url).pathname.split("/")[3]);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        streams.set(id, c);
        c.enqueue(encoder.encode(`retry: 1000\n\nid: 1\nevent: status\ndata: {"id":${id},"status":"queued"}\n\n`));
      },
      cancel() {
        streams.delete(id);
      },
    });
    return new Response(body, { headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache" } });
  },
});
console.log(`floor listening ${server.port}`);
