// Shared by the k6 scenarios. Run against a running stack, e.g.
//   k6 run -e BASE_URL=http://localhost:8080 -e PROFILE=course tests/k6/page.js
// PROFILE=course: the course's convention (10 VUs, 10 s); PROFILE=heavy: 50 VUs, 30 s;
// PROFILE=smoke: 2 VUs sharing 10 iterations, what tests/load/k6.test.ts runs through its shim.
import http from "k6/http";

export const BASE = __ENV.BASE_URL || "http://localhost:7800";

const PROFILES = {
  course: { vus: 10, duration: "10s" },
  heavy: { vus: 50, duration: "30s" },
  smoke: { vus: 2, iterations: 10 },
};

export function options(extra = {}) {
  return {
    ...(PROFILES[__ENV.PROFILE || "course"] || PROFILES.course),
    summaryTrendStats: ["med", "p(95)", "p(99)", "min", "max"],
    // Every request is checked; a run with failures fails instead of reporting throughput.
    thresholds: { checks: ["rate==1"], http_req_failed: ["rate==0"] },
    ...extra,
  };
}

/** The assignments, fetched once per VU (the cookie jar keeps this VU's identity). */
export function assignments() {
  const res = http.get(`${BASE}/api/assignments`);
  return res.json();
}
