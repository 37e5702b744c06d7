#!/usr/bin/env python3
"""moto's server (the application the `moto_server` command serves) on 127.0.0.1, for one test.

Listens on a free port and prints it as the first line of standard output once it accepts
connections; its request recorder writes to a temporary folder. Stops on SIGTERM or SIGINT (whatever the launching process blocked or ignored),
when its standard input closes (the test ended or died), or by itself after --max-seconds
(default 600), so a crashed test run leaves no server behind. It runs at a lower CPU priority
(nice 5), so that its start-up and request handling slow down the timing-sensitive tests
running beside it as little as possible.

Usage: python3 moto_server.py [--max-seconds N]
Exits with 3 when moto is not installed (pip install 'moto[server]').
"""

import argparse
import os
import sys
import tempfile

from test_server_lifetime import restore_stop_signals, serve_until_stdin_closes


def main():
    # moto's request recorder (/moto-api/recorder/...) writes to this file, not the working folder.
    os.environ.setdefault("MOTO_RECORDER_FILEPATH", os.path.join(tempfile.mkdtemp(prefix="moto-recording-"), "recording"))
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-seconds", type=float, default=600)
    options = parser.parse_args()
    os.nice(5)
    restore_stop_signals()
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as error:
        print(f"moto is not installed (pip install 'moto[server]'): {error}", file=sys.stderr)
        sys.exit(3)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    print(server.get_host_and_port()[1], flush=True)
    serve_until_stdin_closes(options.max_seconds)


if __name__ == "__main__":
    main()
