#!/usr/bin/env python3
"""A small IMDSv2 look-alike on 127.0.0.1, for the credential chain tests.

Prints the port it listens on as the first line of standard output, then serves:
- PUT /latest/api/token: needs X-aws-ec2-metadata-token-ttl-seconds (1 to 21600), returns a token;
- GET /latest/meta-data/iam/security-credentials/: the role name;
- GET /latest/meta-data/iam/security-credentials/ROLE: credentials JSON, numbered from 1,
  expiring LIFETIME seconds after the request.
GET requests without a token it issued get 401. With --hang every request waits 30 s unanswered.
The server stops on SIGTERM, when its standard input closes (the test ended or died), or by
itself after --max-seconds (default 600).

Usage: python3 imds_server.py [--role NAME] [--lifetime SECONDS] [--hang] [--max-seconds N]
"""

import argparse
import datetime
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from test_server_lifetime import restore_stop_signals, serve_until_stdin_closes

ROLES_PATH = "/latest/meta-data/iam/security-credentials/"


def make_handler(options):
    state = {"tokens": set(), "issued": 0, "lock": threading.Lock()}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def answer(self, status, body):
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_PUT(self):
            if options.hang:
                time.sleep(30)
                return
            if self.path != "/latest/api/token":
                return self.answer(404, "not found")
            ttl = self.headers.get("X-aws-ec2-metadata-token-ttl-seconds", "")
            if not ttl.isdigit() or not 1 <= int(ttl) <= 21600:
                return self.answer(400, "missing or invalid token TTL")
            with state["lock"]:
                token = f"token-{len(state['tokens']) + 1}"
                state["tokens"].add(token)
            self.answer(200, token)

        def do_GET(self):
            if options.hang:
                time.sleep(30)
                return
            if self.headers.get("X-aws-ec2-metadata-token") not in state["tokens"]:
                return self.answer(401, "unauthorized")
            if self.path == ROLES_PATH:
                return self.answer(200, options.role + "\n")
            if self.path != ROLES_PATH + options.role:
                return self.answer(404, "not found")
            with state["lock"]:
                state["issued"] += 1
                number = state["issued"]
            expiration = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=options.lifetime)
            document = {
                "Code": "Success",
                "LastUpdated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "Type": "AWS-HMAC",
                "AccessKeyId": f"ASIAIMDS{number:04d}",
                "SecretAccessKey": f"imds-secret-{number}",
                "Token": f"imds-token-{number}",
                "Expiration": expiration.strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
            self.answer(200, json.dumps(document))

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--role", default="tocsin-role")
    parser.add_argument("--lifetime", type=int, default=21600)
    parser.add_argument("--hang", action="store_true")
    parser.add_argument("--max-seconds", type=float, default=600)
    options = parser.parse_args()
    restore_stop_signals()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(options))
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    serve_until_stdin_closes(options.max_seconds)


if __name__ == "__main__":
    main()
