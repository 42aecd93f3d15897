# PyPractice web image (the default target), plus the development image (target `dev`, used
# by compose.yml) and the nginx proxy image (target `proxy`, used by compose.prod.yml).
# The grader has its own image: Dockerfile.grader.
#
#   docker build -t pypractice-web .                 # production web server
#   docker build --target proxy -t pypractice-proxy .
#
# The Bun version follows the one the project is developed and tested with.
ARG BUN_VERSION=1.4.5

# ---- base: the official Bun image (Debian, so apt works) and tini as PID 1 -------------------
FROM oven/bun:${BUN_VERSION}-debian AS base
# tini forwards signals to the app and reaps zombies (Bun as PID 1 would do neither).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENTRYPOINT ["/usr/bin/tini", "--"]

# ---- deps: production packages only --------------------------------------------------------
FROM base AS deps
COPY package.json bun.lock bunfig.toml ./
# The postinstall script (scripts/vendor.ts) copies htmx and its SSE extension from
# node_modules/htmx.org (a regular dependency) into public/vendor; it runs with --production.
# It then builds the editor bundle (public/build/, content-hashed) from src/client/.
COPY scripts/vendor.ts scripts/build-client.ts scripts/
COPY src/client src/client
# typescript and @types (with the bun-types and undici-types they pull in) come along as
# optional peers of elysia (bun installs peers); Bun runs TypeScript itself: removed.
RUN bun install --frozen-lockfile --production \
 && test -s public/vendor/htmx.min.js && test -s public/vendor/hx-sse.min.js \
 && test -s public/build/manifest.json \
 && rm -rf node_modules/typescript node_modules/@types node_modules/bun-types node_modules/undici-types

# ---- dev: compose.yml bind-mounts the source over /app and runs `bun --watch` --------------
FROM base AS dev
# node_modules and public/vendor live in named volumes (the host's copies may be built for
# another platform); they start empty and owned by the unprivileged user, and the service's
# command runs `bun install` into them.
RUN mkdir -p node_modules public/vendor /home/bun/.bun \
 && chown bun:bun node_modules public/vendor /home/bun/.bun
USER bun
EXPOSE 7800
CMD ["sh", "-c", "bun install --frozen-lockfile && bun scripts/prestart.ts && exec bun --watch src/server.ts"]

# ---- proxy: nginx with the production config, rendered and run by scripts/proxy.ts ---------
FROM base AS proxy
# The same Debian nginx that `bun run proxy` and its tests use, plus the brotli filter.
# RUNLEVEL=1: the package's scripts must not try to start a system nginx during the build.
RUN apt-get update \
 && RUNLEVEL=1 apt-get install -y --no-install-recommends nginx libnginx-mod-http-brotli-filter \
 && rm -rf /var/lib/apt/lists/*
COPY scripts/proxy.ts scripts/proxy.ts
COPY deploy/nginx.conf.template deploy/healthcheck.ts deploy/
# nginx runs unprivileged: port 8080 inside the container, everything it writes under .data/.
RUN mkdir -p .data/nginx && chown -R bun:bun .data
USER bun
ENV PROXY_PORT=8080 \
    PROXY_DATA_DIR=/app/.data/nginx \
    WEB_UPSTREAMS=web:7800
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["bun", "deploy/healthcheck.ts", "proxy"]
CMD ["bun", "scripts/proxy.ts"]

# ---- web: the production web server (last stage: the default target) ------------------------
FROM base AS web
ENV NODE_ENV=production \
    PORT=7800
COPY --from=deps /app/node_modules node_modules
COPY package.json tsconfig.json ./
COPY src src
COPY views views
COPY public public
COPY --from=deps /app/public/vendor public/vendor
COPY --from=deps /app/public/build public/build
COPY assignments assignments
COPY drizzle drizzle
COPY scripts/prestart.ts scripts/services.ts scripts/
COPY deploy/healthcheck.ts deploy/
# Not root: the web process needs no privilege (files stay root-owned and read-only to it).
USER bun
EXPOSE 7800
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bun", "deploy/healthcheck.ts", "web"]
# Migrations and the assignment sync first (idempotent, safe from every replica at once),
# then the server replaces the shell, so tini's signals reach it directly.
CMD ["sh", "-c", "bun scripts/prestart.ts && exec bun src/server.ts"]
