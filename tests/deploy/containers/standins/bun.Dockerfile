# Stand-in for oven/bun:<version>-debian (test scaffolding: no registry is reachable here).
# Like the official image: Debian 12, Bun in /usr/local/bin, a user `bun` (uid 1000).
# The base trusts the host's CA bundle, and Bun is told to use it (NODE_EXTRA_CA_CERTS): the
# usual set-up behind a TLS-intercepting proxy, so `bun install` in our builds verifies TLS.
FROM pypractice-standin/debian:bookworm
ARG BUN_VERSION
COPY bun /usr/local/bin/bun
RUN ln -s bun /usr/local/bin/bunx \
 && groupadd -g 1000 bun && useradd -u 1000 -g bun -m -s /bin/sh bun \
 && mkdir -p /home/bun/app && chown bun:bun /home/bun/app \
 && test "$(bun --version)" = "$BUN_VERSION"
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
WORKDIR /home/bun/app
LABEL org.pypractice.standin="oven/bun:${BUN_VERSION}-debian from Debian 12 (mmdebstrap) and Bun from npm"
CMD ["/bin/sh"]
