# Shell functions shared by the throwaway test services in scripts/services. Source it after
# setting NAME (the script's name, for messages).

log() { echo "$NAME: $*" >&2; }

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints the first free port from $1 on.
free_port() {
    local port
    for port in $(seq "$1" "$(($1 + 100))"); do
        if ! port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    log "no free port from $1"
    exit 1
}

# Waits up to 10 s for $1 to answer HTTP 2xx.
wait_for() {
    local url=$1 tries
    for tries in $(seq 1 100); do
        if curl -fsS "$url" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    log "$url did not answer"
    exit 1
}

# Stops the processes whose pid files DIR/NAME.pid are named in the arguments.
stop_pids() {
    local name
    for name in "$@"; do
        if [ -f "$DIR/$name.pid" ]; then
            kill "$(cat "$DIR/$name.pid")" 2>/dev/null || true
            rm -f "$DIR/$name.pid"
        fi
    done
}
