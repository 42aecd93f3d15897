# Stand-in for redis:7-bookworm (test scaffolding: no registry is reachable here): Debian 12's
# redis-server (7.0). The official image runs without protected mode (it is reached over the
# container network, not loopback); the entrypoint does the same.
FROM pypractice-standin/debian:bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends redis-server redis-tools \
 && rm -rf /var/lib/apt/lists/*
COPY redis-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
EXPOSE 6379
LABEL org.pypractice.standin="redis from Debian 12's redis-server package"
ENTRYPOINT ["sh", "/usr/local/bin/docker-entrypoint.sh"]
CMD ["redis-server"]
