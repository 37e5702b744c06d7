#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server for Tocsin's tests and local runs.
#
#   scripts/services/postgres.sh start DIR   initialises DIR/pg if needed, starts the
#                                            server on 127.0.0.1 (port 5433, or the next
#                                            free one) and prints its URL on stdout
#   scripts/services/postgres.sh stop DIR    stops it
#
# PostgreSQL is installed with apt-get when missing. As root, the server runs as the
# `postgres` user; otherwise as the current user. Authentication is `trust`: the server
# listens on loopback only. Messages go to stderr, so that
#   export TOCSIN_TEST_POSTGRES_URL=$(scripts/services/postgres.sh start /tmp/tocsin-pg)
# captures just the URL.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}

# The bin folder of the newest installed PostgreSQL, or nothing.
find_bin() {
    local initdb
    initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$initdb" ] && dirname "$initdb"
    return 0
}

install_postgres() {
    [ -n "$(find_bin)" ] && return 0
    log "installing PostgreSQL with apt-get"
    if ! apt-get install -y --no-install-recommends postgresql >&2; then
        apt-get update >&2
        apt-get install -y --no-install-recommends postgresql >&2
    fi
    [ -n "$(find_bin)" ] || { log "PostgreSQL is still missing after apt-get install"; exit 1; }
}

# Runs a command as the server's owner.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    local port
    for port in $(seq 5433 5533); do
        if ! port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    log "no free port between 5433 and 5533"
    exit 1
}

print_url() {
    echo "postgres://postgres@127.0.0.1:$(cat "$DIR/port")/postgres"
}

start() {
    install_postgres
    local bin
    bin=$(find_bin)
    mkdir -p "$DIR/pg" "$DIR/log" "$DIR/sock"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres:postgres "$DIR"
    fi
    chmod 700 "$DIR/pg"
    if [ -f "$DIR/port" ] && as_owner "$bin/pg_ctl" -D "$DIR/pg" status >/dev/null 2>&1; then
        log "already running"
        print_url
        return 0
    fi
    if [ ! -f "$DIR/pg/PG_VERSION" ]; then
        log "initialising a cluster in $DIR/pg"
        as_owner "$bin/initdb" -D "$DIR/pg" -U postgres --auth=trust -E UTF8 >&2
    fi
    local port
    port=$(free_port)
    echo "$port" >"$DIR/port"
    log "starting on 127.0.0.1:$port (log: $DIR/log/pg.log)"
    as_owner "$bin/pg_ctl" -D "$DIR/pg" -l "$DIR/log/pg.log" \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR/sock -c max_connections=300" -w start >&2
    print_url
}

stop() {
    local bin
    bin=$(find_bin)
    if [ -z "$bin" ] || [ ! -f "$DIR/pg/PG_VERSION" ]; then
        log "no cluster in $DIR/pg"
        return 0
    fi
    if as_owner "$bin/pg_ctl" -D "$DIR/pg" status >/dev/null 2>&1; then
        as_owner "$bin/pg_ctl" -D "$DIR/pg" -m fast -w stop >&2
    else
        log "not running"
    fi
}

[ $# -eq 2 ] || usage
DIR=$(realpath -m "$2")
case "$1" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
