// Prometheus text format, by hand: a few counters and histograms need no library.

export const BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

export class Histogram {
  readonly counts = BUCKETS_MS.map(() => 0);
  sum = 0;
  count = 0;

  observe(ms: number): void {
    for (let i = BUCKETS_MS.length - 1; i >= 0 && ms <= BUCKETS_MS[i]!; i--) this.counts[i]!++;
    this.sum += ms;
    this.count++;
  }
}

const label = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const labels = (l: Record<string, string>) => {
  const parts = Object.entries(l).map(([k, v]) => `${k}="${label(v)}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
};

/** Lines of one metric: HELP, TYPE, samples. */
export function metric(name: string, type: "counter" | "gauge", help: string, samples: [Record<string, string>, number][]): string {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples.map(([l, v]) => `${name}${labels(l)} ${v}`)].join("\n");
}

/** A histogram in seconds from bucket counts kept in milliseconds. */
export function histogram(
  name: string,
  help: string,
  series: [Record<string, string>, { counts: number[]; sum: number; count: number }][],
): string {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
  for (const [l, h] of series) {
    BUCKETS_MS.forEach((le, i) => {
      lines.push(`${name}_bucket${labels({ ...l, le: String(le / 1000) })} ${h.counts[i] ?? 0}`);
    });
    lines.push(`${name}_bucket${labels({ ...l, le: "+Inf" })} ${h.count}`);
    lines.push(`${name}_sum${labels(l)} ${h.sum / 1000}`, `${name}_count${labels(l)} ${h.count}`);
  }
  return lines.join("\n");
}

/** The route a path belongs to, with ids folded, so labels stay few. */
export function routeOf(path: string): string {
  if (path.startsWith("/public/")) return "/public/*";
  return path.replace(/\/\d+(?=\/|$)/g, "/:id").slice(0, 100);
}

/** This web process's request counters and latency histograms, by route. */
export class HttpMetrics {
  private requests = new Map<string, number>();
  private latency = new Map<string, Histogram>();
  /** routeOf by path: most requests repeat a path seen before */
  private routes = new Map<string, string>();

  /** The route of a path (routeOf), remembered for the next request of the same path. */
  routeOf(path: string): string {
    let route = this.routes.get(path);
    if (route === undefined) {
      if (this.routes.size >= 10_000) this.routes.clear();
      this.routes.set(path, (route = routeOf(path)));
    }
    return route;
  }

  record(route: string, method: string, status: number, ms: number): void {
    const key = `${route} ${method} ${status}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let h = this.latency.get(route);
    if (!h) this.latency.set(route, (h = new Histogram()));
    h.observe(ms);
  }

  render(): string {
    const samples: [Record<string, string>, number][] = [...this.requests].map(([key, n]) => {
      const [route, method, status] = key.split(" ");
      return [{ route: route!, method: method!, status: status! }, n];
    });
    return [
      metric("http_requests_total", "counter", "HTTP requests by route, method and status.", samples),
      histogram(
        "http_request_duration_seconds",
        "Time to the response head, by route.",
        [...this.latency].map(([route, h]) => [{ route }, h]),
      ),
    ].join("\n");
  }
}
