// A TCP proxy in front of Redis that can swallow the replies of one connection, to make
// a blocking call hang the way ioredis can after a reconnect.
import type { Socket, TCPSocketListener } from "bun";
import { freePort } from "./processes";

interface Pair {
  upstream?: Socket<Pair>;
  pending: Uint8Array[];
  frozen: boolean;
}

export class FreezeProxy {
  readonly port = freePort();
  readonly url = `redis://127.0.0.1:${this.port}`;
  private listener?: TCPSocketListener<Pair>;
  /** the next connection that sends this command stops getting replies */
  armed?: string | RegExp;
  frozen = 0;

  constructor(private target = { hostname: "127.0.0.1", port: 6379 }) {}

  start(): void {
    const proxy = this;
    this.listener = Bun.listen<Pair>({
      hostname: "127.0.0.1",
      port: this.port,
      socket: {
        open(client) {
          client.data = { pending: [], frozen: false };
          void Bun.connect<Pair>({
            ...proxy.target,
            socket: {
              data(_, chunk) {
                if (!client.data.frozen) client.write(chunk);
              },
              close() {
                client.end();
              },
              error() {
                client.end();
              },
            },
          }).then((upstream) => {
            upstream.data = client.data;
            client.data.upstream = upstream;
            for (const chunk of client.data.pending) upstream.write(chunk);
            client.data.pending = [];
          });
        },
        data(client, chunk) {
          const text = proxy.armed && new TextDecoder().decode(chunk).toUpperCase();
          if (text && (typeof proxy.armed === "string" ? text.includes(proxy.armed) : proxy.armed!.test(text))) {
            proxy.armed = undefined;
            client.data.frozen = true;
            proxy.frozen++;
          }
          if (client.data.upstream) client.data.upstream.write(chunk);
          else client.data.pending.push(chunk);
        },
        close(client) {
          client.data.upstream?.end();
        },
      },
    });
  }

  stop(): void {
    this.listener?.stop(true);
  }
}
