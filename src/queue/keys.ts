// Every Redis key and channel, built in one place from the configured prefix. The queue's
// keys are used through the functions of queue.ts (web side), workers.ts (graders) and
// stats.ts (/metrics); the one exception is the submit route's rate-limit script, which
// also reads the queue's length, for its cap, in the same round trip.

/** The keys of one reliable queue (docs/design.md §3): the graders' and the LMS scores'. */
export interface QueueKeys {
  /** list of job ids waiting; LPUSH in, BLMOVE RIGHT→LEFT out (FIFO) */
  queue: string;
  /** list of ids a worker has taken and not yet acknowledged */
  processing(workerId: string): string;
  /** set of worker ids that may own a processing list */
  workers: string;
  /** string with a TTL, refreshed while the worker lives */
  heartbeat(workerId: string): string;
}

export interface Keys {
  /** LMS scores to send (AGS): lti_scores ids, one reliable queue of its own (src/lti/scores/) */
  scores: QueueKeys & {
    /** string with a TTL: one web process sweeps scores per interval */
    sweepLock: string;
  };
  /** list of submission ids waiting; LPUSH in, BLMOVE RIGHT→LEFT out (FIFO) */
  queue: string;
  /** list of ids a worker has taken and not yet acknowledged */
  processing(workerId: string): string;
  /** set of worker ids that may own a processing list */
  workers: string;
  /** string with a TTL, refreshed while the worker lives */
  heartbeat(workerId: string): string;
  /** list of submission ids that exceeded the attempt limit */
  deadLetter: string;
  /** hash of grading counters written by graders, read by /metrics */
  stats: string;
  /** counter with a TTL: requests in the current window of one rate limit (web only);
   *  `limit` names the limit (e.g. "submit"), `subject` who is counted ("user:<id>", "ip:<addr>") */
  rateLimit(limit: string, subject: string): string;
  /** sorted set of a user's open event streams: member = stream id, score = lease expiry (ms) */
  openStreams(userId: string): string;
  /** string with a TTL: a sign-in started, by its OAuth `state` (src/auth/pending.ts) */
  authLogin(state: string): string;
  /** string with a TTL: a sign-in waiting for the student's decision on this anonymous user's progress */
  authClaim(anonymousUserId: string): string;
  /** string with a TTL: a sign-in as another account, waiting for the signed-in user's confirmation (src/auth/switch.ts) */
  authSwitch(id: string): string;
  /** string with a TTL: an LTI login started, by its `state` (src/lti/pending.ts); taken once */
  ltiLogin(state: string): string;
  /** string with a TTL: an id_token nonce already used (replays are refused while it lasts) */
  ltiNonce(issuer: string, nonce: string): string;
  /** string with a TTL: a one-time ticket that signs a new top-level window in (src/lti/pending.ts) */
  ltiTicket(ticket: string): string;
  /** string with a TTL: a Deep Linking request waiting for the instructor's choice (src/lti/deep-linking.ts) */
  ltiDeepLink(id: string): string;
  /** pub/sub: a submission changed; message is JSON {id, userId, final?} (final: the new state when it is graded or error) */
  eventsChannel: string;
  /** pub/sub: the queue moved; queued submissions' positions changed */
  queueChannel: string;
  /** pub/sub: assignments were synced; web processes reload their catalog */
  assignmentsChannel: string;
}

export function makeKeys(prefix: string): Keys {
  return {
    scores: {
      queue: `${prefix}scores:queue`,
      processing: (id) => `${prefix}scores:processing:${id}`,
      workers: `${prefix}scores:workers`,
      heartbeat: (id) => `${prefix}scores:worker:${id}`,
      sweepLock: `${prefix}scores:sweep-lock`,
    },
    queue: `${prefix}queue`,
    processing: (id) => `${prefix}processing:${id}`,
    workers: `${prefix}workers`,
    heartbeat: (id) => `${prefix}worker:${id}`,
    deadLetter: `${prefix}dead`,
    stats: `${prefix}stats`,
    rateLimit: (limit, subject) => `${prefix}ratelimit:${limit}:${subject}`,
    openStreams: (userId) => `${prefix}streams:${userId}`,
    authLogin: (state) => `${prefix}auth:login:${state}`,
    authClaim: (userId) => `${prefix}auth:claim:${userId}`,
    authSwitch: (id) => `${prefix}auth:switch:${id}`,
    ltiLogin: (state) => `${prefix}lti:login:${state}`,
    ltiNonce: (issuer, nonce) => `${prefix}lti:nonce:${encodeURIComponent(issuer)}:${nonce}`,
    ltiTicket: (ticket) => `${prefix}lti:ticket:${ticket}`,
    ltiDeepLink: (id) => `${prefix}lti:deep-link:${id}`,
    eventsChannel: `${prefix}events`,
    queueChannel: `${prefix}queue-moved`,
    assignmentsChannel: `${prefix}assignments-changed`,
  };
}
