#!/bin/sh
# Entry point of the grader image (started by tini): chooses this container's sandbox uids,
# then runs the command (`bun grader/main.ts`, or `bun --watch grader/main.ts` in development).
#
# A grader runs each job slot as uid GRADER_UID_BASE + 2 * its pid. Every container has its
# own pid namespace, so two grader replicas usually have the same pid and would share uids,
# and RLIMIT_NPROC counts processes per uid across the whole host: one job's fork bomb would
# then fail another container's job. Unless GRADER_UID_BASE is set, each container takes a
# range of its own, derived from its hostname (the container id): 100,000,000 plus a multiple
# of 1,000 (a grader's pid inside its container stays far below 500), one of 2,000,000 ranges.
# The highest uid it can give a job is 100,000,000 + 1,999,999 x 1,000 + 999 = 2,099,999,999:
# below 2^31 - 1 (2,147,483,647), the highest uid bubblewrap can map (above it, "setting up
# uid map: Invalid argument"). tests/deploy/grader-uids.test.ts runs this script over cksum's
# whole output range.
set -eu
if [ -z "${GRADER_UID_BASE:-}" ]; then
  n=$(cksum < /etc/hostname | cut -d ' ' -f 1)
  GRADER_UID_BASE=$((100000000 + n % 2000000 * 1000))
  export GRADER_UID_BASE
fi
exec "$@"
