// GET /metrics: Prometheus text. HTTP figures are this process's; queue and grading
// figures are shared (Redis), so any replica answers them alike.
import { Elysia } from "elysia";
import type { Context } from "../context";
import { queueLengths, readStats } from "../queue/stats";
import type { EventHub } from "../submissions/hub";
import { type HttpMetrics, histogram, metric } from "./metrics";

export const metricsRoutes = (ctx: Context, hub: EventHub, http: HttpMetrics) =>
  new Elysia().get("/metrics", async ({ set }) => {
    const [q, stats] = await Promise.all([queueLengths(ctx.redis, ctx.keys), readStats(ctx.redis, ctx.keys)]);
    set.headers["content-type"] = "text/plain; version=0.0.4; charset=utf-8";
    set.headers["cache-control"] = "no-store";
    return (
      [
        http.render(),
        metric("queue_length", "gauge", "Submissions waiting for a grader.", [[{}, q.queued]]),
        metric("jobs_processing", "gauge", "Jobs taken by graders and not yet acknowledged.", [[{}, q.processing]]),
        metric("dead_letters", "gauge", "Jobs that exceeded the attempt limit.", [[{}, q.dead]]),
        metric("graders", "gauge", "Graders registered (heartbeat set).", [[{}, q.workers]]),
        metric("event_streams_open", "gauge", "Event streams open on this web process.", [[{}, hub.openStreams]]),
        metric(
          "graded_total",
          "counter",
          "Submissions graded, by outcome.",
          Object.entries(stats.outcomes).map(([outcome, n]) => [{ outcome }, n]),
        ),
        metric(
          "grader_processed_total",
          "counter",
          "Jobs processed, by grader.",
          Object.entries(stats.processed).map(([grader, n]) => [{ grader }, n]),
        ),
        histogram("grading_duration_seconds", "Time a grader took for one job, from start to recorded result.", [[{}, stats.histogram]]),
      ].join("\n") + "\n"
    );
  });
