#!/usr/bin/env bash
# Starts or stops a throwaway Prometheus scraping a node_exporter, for Tocsin's tests.
#
#   scripts/services/prometheus.sh start DIR   starts prometheus-node-exporter and Prometheus
#                                              (scraping it every second) on 127.0.0.1 at free
#                                              ports, data in DIR, and prints Prometheus's URL
#   scripts/services/prometheus.sh stop DIR    stops both
#
# Both are installed with apt-get when missing. Messages go to stderr.
set -euo pipefail

NAME=prometheus.sh
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}

install_prometheus() {
    command -v prometheus >/dev/null && command -v prometheus-node-exporter >/dev/null && return 0
    log "installing prometheus and prometheus-node-exporter with apt-get"
    if ! apt-get install -y --no-install-recommends prometheus prometheus-node-exporter >&2; then
        apt-get update >&2
        apt-get install -y --no-install-recommends prometheus prometheus-node-exporter >&2
    fi
}

start() {
    install_prometheus
    mkdir -p "$DIR/prometheus-data"
    local exporter_port prometheus_port
    exporter_port=$(free_port 9100)
    prometheus-node-exporter --web.listen-address="127.0.0.1:$exporter_port" >"$DIR/node-exporter.log" 2>&1 &
    echo $! >"$DIR/node-exporter.pid"
    wait_for "http://127.0.0.1:$exporter_port/metrics"
    cat >"$DIR/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['127.0.0.1:$exporter_port']
YAML
    prometheus_port=$(free_port 9090)
    prometheus --config.file="$DIR/prometheus.yml" --storage.tsdb.path="$DIR/prometheus-data" \
        --web.listen-address="127.0.0.1:$prometheus_port" >"$DIR/prometheus.log" 2>&1 &
    echo $! >"$DIR/prometheus.pid"
    wait_for "http://127.0.0.1:$prometheus_port/-/ready"
    log "Prometheus on 127.0.0.1:$prometheus_port scraping node_exporter on 127.0.0.1:$exporter_port every second"
    echo "http://127.0.0.1:$prometheus_port"
}

stop() {
    stop_pids prometheus node-exporter
}

[ $# -eq 2 ] || usage
DIR=$(realpath -m "$2")
case "$1" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
