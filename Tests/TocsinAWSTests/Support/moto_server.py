#!/usr/bin/env python3
"""moto's server (the application the `moto_server` command serves) on 127.0.0.1, for one test.

Listens on a free port and prints it as the first line of standard output once it accepts
connections. Stops on SIGTERM or SIGINT (whatever the launching process blocked or ignored),
when its standard input closes (the test ended or died), or by itself after --max-seconds
(default 600), so a crashed test run leaves no server behind. It runs at a lower CPU priority
(nice 5), so that its start-up and request handling slow down the timing-sensitive tests
running beside it as little as possible.

Usage: python3 moto_server.py [--max-seconds N]
Exits with 3 when moto is not installed (pip install 'moto[server]').
"""

import argparse
import os
import signal
import sys
import threading


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-seconds", type=float, default=600)
    options = parser.parse_args()
    os.nice(5)
    stop_signals = {signal.SIGTERM, signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_UNBLOCK, stop_signals)
    for number in stop_signals:
        signal.signal(number, signal.SIG_DFL)
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as error:
        print(f"moto is not installed (pip install 'moto[server]'): {error}", file=sys.stderr)
        sys.exit(3)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    print(server.get_host_and_port()[1], flush=True)
    stdin_closed = threading.Event()

    def watch_stdin():
        sys.stdin.read()
        stdin_closed.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    stdin_closed.wait(options.max_seconds)
    os._exit(0)


if __name__ == "__main__":
    main()
