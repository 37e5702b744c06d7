#!/usr/bin/env python3
"""An HTTP server on 127.0.0.1 that gives scripted answers, for the retry and error tests.

Prints the port it listens on as the first line of standard output. The first argument is a
JSON list of answers, each {"status": 400, "body": "...", "headers": {"Name": "value"}}; the
n-th request gets the n-th answer, and every later request the last one. With --hang no
request is ever answered. The server stops on SIGTERM, when its standard input closes, or by
itself after --max-seconds (default 600).

Usage: python3 scripted_server.py ANSWERS_JSON [--hang] [--max-seconds N]
"""

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from test_server_lifetime import restore_stop_signals, serve_until_stdin_closes


def make_handler(answers, hang):
    state = {"served": 0, "lock": threading.Lock()}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            self.rfile.read(length)
            if hang:
                time.sleep(3600)
                return
            with state["lock"]:
                answer = answers[min(state["served"], len(answers) - 1)]
                state["served"] += 1
            body = answer.get("body", "").encode()
            self.send_response(answer["status"])
            for name, value in answer.get("headers", {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("answers")
    parser.add_argument("--hang", action="store_true")
    parser.add_argument("--max-seconds", type=float, default=600)
    options = parser.parse_args()
    restore_stop_signals()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(json.loads(options.answers), options.hang))
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    serve_until_stdin_closes(options.max_seconds)


if __name__ == "__main__":
    main()
