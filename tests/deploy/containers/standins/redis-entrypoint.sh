#!/bin/sh
# The stand-in redis image's entrypoint (test scaffolding): protected mode off, as in the
# official image, whose clients come over the container network.
set -eu
if [ "${1:-}" = redis-server ]; then
  shift
  exec redis-server --protected-mode no "$@"
fi
exec "$@"
