#!/usr/bin/env bash
# Starts or stops a throwaway Prometheus Alertmanager, for Tocsin's tests.
#
#   scripts/services/alertmanager.sh start DIR   starts Alertmanager on 127.0.0.1 at a free port
#                                                (no cluster, data in DIR) and prints its URL
#   scripts/services/alertmanager.sh stop DIR    stops it
#
# It is installed with apt-get when missing. Messages go to stderr.
set -euo pipefail

NAME=alertmanager.sh
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}

install_alertmanager() {
    command -v prometheus-alertmanager >/dev/null && return 0
    log "installing prometheus-alertmanager with apt-get"
    if ! apt-get install -y --no-install-recommends prometheus-alertmanager >&2; then
        apt-get update >&2
        apt-get install -y --no-install-recommends prometheus-alertmanager >&2
    fi
}

start() {
    install_alertmanager
    mkdir -p "$DIR/alertmanager-data"
    cat >"$DIR/alertmanager.yml" <<YAML
route:
  receiver: blackhole
  group_wait: 1s
  group_interval: 1s
receivers:
  - name: blackhole
YAML
    local port
    port=$(free_port 9093)
    prometheus-alertmanager --config.file="$DIR/alertmanager.yml" --storage.path="$DIR/alertmanager-data" \
        --web.listen-address="127.0.0.1:$port" --cluster.listen-address= >"$DIR/alertmanager.log" 2>&1 &
    echo $! >"$DIR/alertmanager.pid"
    wait_for "http://127.0.0.1:$port/-/ready"
    log "Alertmanager on 127.0.0.1:$port"
    echo "http://127.0.0.1:$port"
}

stop() {
    stop_pids alertmanager
}

[ $# -eq 2 ] || usage
DIR=$(realpath -m "$2")
case "$1" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
