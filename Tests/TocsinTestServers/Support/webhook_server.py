#!/usr/bin/env python3
"""A webhook receiver on 127.0.0.1 for the alert sink tests.

Prints the port it listens on as the first line of standard output. Every POST is answered
500 during the first --fail-seconds after start (a receiver that is down), then 200; the
bodies answered 200 are recorded, with their Authorization header, and GET /received returns
them as a JSON list. Stops on SIGTERM, when its standard input closes, or after --max-seconds.

Usage: python3 webhook_server.py [--fail-seconds N] [--max-seconds N]
"""

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from test_server_lifetime import restore_stop_signals, serve_until_stdin_closes


def make_handler(fail_until):
    received = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def answer(self, status, body):
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length).decode("utf-8", "replace")
            if time.monotonic() < fail_until:
                self.answer(500, '{"error": "receiver down"}')
                return
            with lock:
                received.append({"path": self.path, "authorization": self.headers.get("Authorization"), "body": body})
            self.answer(200, "{}")

        def do_GET(self):
            with lock:
                listing = json.dumps(received)
            self.answer(200, listing)

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fail-seconds", type=float, default=0)
    parser.add_argument("--max-seconds", type=float, default=600)
    options = parser.parse_args()
    restore_stop_signals()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(time.monotonic() + options.fail_seconds))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    serve_until_stdin_closes(options.max_seconds)


if __name__ == "__main__":
    main()
