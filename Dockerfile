# syntax=docker/dockerfile:1
# Tocsin in a container: built with the official Swift image, run on its slim runtime image
# as a non-root user. `docker build -t tocsin .` then
# `docker run -p 8080:8080 tocsin serve --host 0.0.0.0 --insecure` (or mount a tocsin.yaml).

ARG SWIFT_VERSION=6.3

# ---- build ----
FROM swift:${SWIFT_VERSION}-noble AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so that source changes do not refetch them.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
COPY Benchmarks ./Benchmarks
RUN swift build -c release --product tocsin --static-swift-stdlib \
    && install -D "$(swift build -c release --show-bin-path)/tocsin" /out/tocsin

# ---- run ----
FROM swift:${SWIFT_VERSION}-noble-slim AS run
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-0 ca-certificates curl tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/tocsin --create-home --shell /usr/sbin/nologin tocsin
COPY --from=build /out/tocsin /usr/local/bin/tocsin
USER tocsin
WORKDIR /var/lib/tocsin
VOLUME ["/var/lib/tocsin"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["/usr/local/bin/tocsin"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--store", "sqlite:/var/lib/tocsin/tocsin.sqlite"]
