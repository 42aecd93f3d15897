# Stand-in for postgres:17-bookworm (test scaffolding: no registry is reachable here): Debian
# 12's PostgreSQL (15) with an entrypoint that honours POSTGRES_PASSWORD, POSTGRES_DB and
# POSTGRES_HOST_AUTH_METHOD like the official image's, data in /var/lib/postgresql/data.
FROM pypractice-standin/debian:bookworm
# The package's own cluster (15/main) is dropped: pg_wrapper would point pg_isready at it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql \
 && rm -rf /var/lib/apt/lists/* \
 && pg_dropcluster --stop "$(ls /usr/lib/postgresql)" main \
 && ln -s "/usr/lib/postgresql/$(ls /usr/lib/postgresql)/bin" /usr/lib/postgresql/bin
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENV PGDATA=/var/lib/postgresql/data \
    PATH=/usr/lib/postgresql/bin:$PATH
VOLUME /var/lib/postgresql/data
EXPOSE 5432
STOPSIGNAL SIGINT
LABEL org.pypractice.standin="postgres from Debian 12's postgresql package"
ENTRYPOINT ["sh", "/usr/local/bin/docker-entrypoint.sh"]
CMD ["postgres"]
