#!/usr/bin/env python3
"""Prints SigV4 test vectors signed by botocore, as JSON on standard output.

Every request is drawn from a seeded generator, so the output is the same on every run.
Each request is built the way botocore builds its own: the decoded path is percent-encoded
with `percent_encode(path, safe='/~')`, the query with `percent_encode_sequence`, and the URL
is joined by `prepare_request_dict`. It is then signed by `SigV4Auth` (`S3SigV4Auth` for s3)
at a fixed timestamp, and the vector records the decoded input, the URL botocore would send
to, the canonical request, and the headers the signature added.

Usage: python3 sigv4_vectors.py [COUNT]  (default 120; exits 2 when botocore is missing)
"""

import base64
import datetime
import hashlib
import json
import random
import sys
import types
from unittest import mock

try:
    from botocore.auth import S3SigV4Auth, SigV4Auth
    from botocore.awsrequest import AWSRequest, prepare_request_dict
    from botocore.credentials import Credentials
    from botocore.utils import percent_encode
except ImportError as error:
    sys.stderr.write(f"botocore is not installed ({error}); run: python3 -m pip install botocore\n")
    sys.exit(2)

SEED = 20240229
UNSIGNED = "UNSIGNED-PAYLOAD"
SERVICES = ["monitoring", "logs", "ec2", "sns", "s3", "sts"]
REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"]
METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD"]
TIMESTAMPS = [
    datetime.datetime(2015, 8, 30, 12, 36, 0),
    datetime.datetime(2024, 2, 29, 23, 59, 58),
    datetime.datetime(2000, 1, 1, 0, 0, 0),
    datetime.datetime(1999, 12, 31, 23, 59, 59),
    datetime.datetime(2038, 1, 19, 3, 14, 8),
]
EMULATORS = ["http://127.0.0.1:5055", "http://localhost:4566", "https://example.com:443", "http://[::1]:8080"]
SEGMENTS = [
    "metrics", "my file.txt", "ünïcödé", "日本語", "a+b", "x=y&z", "semi;colon", "at@sign", "100%",
    "tilde~ok", "(parens)", "comma,list", "dollar$", "colon:seg", "quote'", "star*", "bang!", "hash#",
    "question?", "emoji😀", "UPPER", "dots.in.name", "under_score", "dash-ed", ".", "..", "",
]
QUERY_NAMES = [
    "Action", "Version", "prefix", "max-keys", "list-type", "a b", "ключ", "x&y", "key=eq", "Filter.1.Name",
    "tag:Env", "empty", "~tilde", "UPPER", "lower", "a", "B", "plus+sign", "",
]
QUERY_VALUES = [
    "", "ListMetrics", "2010-08-01", "hello world", "a+b", "100%", "é", "日本", "x=y", "a&b", "slash/ed", "*",
    "'quoted'", "emoji😀", "tab\there", "~", "Zeta", "alpha",
]
HEADER_NAMES = [
    "Content-Type", "X-Amz-Meta-Owner", "x-AMZ-meta-Tags", "X-Custom", "Accept", "x-amz-target", "If-Match",
    "Content-MD5", "X-Amz-Meta-Empty", "Cache-Control",
]
HEADER_VALUES = [
    "application/json", "  padded value  ", "many    inner   spaces", "tab\tseparated\t\tvalue", "a, b, c",
    "", "text/plain; charset=utf-8", "Logs_20140328.PutLogEvents", '"etag-123"', "max-age=0,  no-cache",
]
UNSIGNED_HEADERS = [
    ("User-Agent", "tocsin/1.0 python"), ("Expect", "100-continue"), ("Connection", "keep-alive"),
    ("Keep-Alive", "timeout=5"), ("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793"),
]


class RecordingMixin:
    """Keeps the last canonical request, to explain a mismatch."""

    canonical = ""

    def canonical_request(self, request):
        self.canonical = super().canonical_request(request)
        return self.canonical


class RecordingSigV4Auth(RecordingMixin, SigV4Auth):
    pass


class RecordingS3SigV4Auth(RecordingMixin, S3SigV4Auth):
    pass


def random_path(rng):
    segments = [rng.choice(SEGMENTS) for _ in range(rng.randint(0, 4))]
    path = "/" + "/".join(segments)
    if rng.random() < 0.2:
        path += "/"
    if rng.random() < 0.1:
        path = "/" + path
    return path


def random_query(rng):
    items = [(rng.choice(QUERY_NAMES), rng.choice(QUERY_VALUES)) for _ in range(rng.choice([0, 0, 1, 2, 3, 5]))]
    if items and rng.random() < 0.4:
        name = items[0][0]
        items.append((name, rng.choice(QUERY_VALUES)))
        items.append((name, items[0][1]))
    return items


def random_headers(rng, service, token):
    headers = []
    for _ in range(rng.randint(0, 4)):
        headers.append((rng.choice(HEADER_NAMES), rng.choice(HEADER_VALUES)))
    if headers and rng.random() < 0.3:
        name = headers[0][0]
        headers.append((name.swapcase(), rng.choice(HEADER_VALUES)))
    if rng.random() < 0.3:
        headers.append(rng.choice(UNSIGNED_HEADERS))
    if rng.random() < 0.15:
        headers.append(("Authorization", "AWS4-HMAC-SHA256 stale"))
        headers.append(("x-amz-date", "19700101T000000Z"))
        if token:
            headers.append(("X-Amz-Security-Token", "stale-token"))
        if service == "s3":
            headers.append(("x-amz-content-sha256", "stale-hash"))
    rng.shuffle(headers)
    return headers


def random_body(rng):
    kind = rng.choice(["empty", "empty", "json", "form", "binary", "text"])
    if kind == "json":
        return json.dumps({"namespace": "Tocsin", "value": rng.random(), "name": "ünï"}).encode()
    if kind == "form":
        return b"Action=ListMetrics&Version=2010-08-01&Namespace=AWS%2FEC2&Dimensions.member.1.Name=a+b"
    if kind == "binary":
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 300)))
    if kind == "text":
        return "log line with unicode ✓\n".encode() * rng.randint(1, 5)
    return b""


def random_credentials(rng):
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+"
    token = None
    if rng.random() < 0.4:
        token = "".join(rng.choice(chars) for _ in range(rng.randint(40, 200))) + "=="
    prefix = "ASIA" if token else "AKIA"
    key_id = prefix + "".join(rng.choice(letters) for _ in range(16))
    secret = "".join(rng.choice(chars) for _ in range(40))
    return key_id, secret, token


def random_spec(rng, index):
    service = SERVICES[index % len(SERVICES)]
    region = rng.choice(REGIONS)
    endpoint = f"https://{service}.{region}.amazonaws.com"
    if rng.random() < 0.15:
        endpoint = rng.choice(EMULATORS)
    key_id, secret, token = random_credentials(rng)
    spec = {
        "name": f"random-{index:03d}-{service}",
        "service": service,
        "region": region,
        "method": rng.choice(METHODS),
        "endpoint": endpoint,
        "path": random_path(rng),
        "query": random_query(rng),
        "headers": random_headers(rng, service, token),
        "body": random_body(rng),
        "payload": "bytes",
        "content_sha256_header": service == "s3",
        "access_key_id": key_id,
        "secret_access_key": secret,
        "session_token": token,
        "timestamp": rng.choice(TIMESTAMPS),
    }
    roll = rng.random()
    if roll < 0.12:
        spec["payload"] = "precomputed"
    elif roll < 0.2:
        spec["payload"] = "unsigned"
    if service != "s3" and (spec["payload"] != "bytes" or rng.random() < 0.15):
        spec["content_sha256_header"] = True
    return spec


def edge_specs():
    """Hand-picked cases the random draw may miss."""
    base = {
        "service": "monitoring", "region": "us-east-1", "method": "GET",
        "endpoint": "https://monitoring.us-east-1.amazonaws.com", "path": "/", "query": [], "headers": [],
        "body": b"", "payload": "bytes", "content_sha256_header": False,
        "access_key_id": "AKIDEXAMPLE", "secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        "session_token": None, "timestamp": TIMESTAMPS[0],
    }
    cases = [
        {"name": "edge-vanilla"},
        {"name": "edge-dot-segments", "path": "/./a/../b//c/./"},
        {"name": "edge-dot-segments-s3", "service": "s3", "content_sha256_header": True,
         "endpoint": "https://s3.eu-west-1.amazonaws.com", "path": "/bucket/./a/../b//c/"},
        {"name": "edge-only-slashes", "path": "//"},
        {"name": "edge-parent-above-root", "path": "/../../x"},
        {"name": "edge-percent-in-path", "path": "/100%/%41"},
        {"name": "edge-space-and-plus", "path": "/a b+c", "query": [("q", "a b+c")]},
        {"name": "edge-empty-query-name", "query": [("", "x"), ("a", "")]},
        {"name": "edge-query-sort-prefix", "query": [("a-b", "1"), ("a", "2"), ("a_b", "3"), ("A", "4")]},
        {"name": "edge-explicit-host", "headers": [("Host", "Example.COM")]},
        {"name": "edge-default-port", "endpoint": "https://monitoring.us-east-1.amazonaws.com:443"},
        {"name": "edge-ipv6", "endpoint": "http://[::1]:5055"},
        {"name": "edge-lowercase-method", "method": "get"},
        {"name": "edge-s3-unsigned", "service": "s3", "payload": "unsigned", "content_sha256_header": True,
         "endpoint": "https://bucket.s3.amazonaws.com", "method": "PUT", "body": b"streamed body"},
        {"name": "edge-token", "session_token": "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ=="},
        {"name": "edge-whitespace-only-value", "headers": [("X-Blank", " \t ")]},
        {"name": "edge-many-duplicates", "headers": [("X-Dup", "1"), ("x-dup", " 2 "), ("X-DUP", "3  3")]},
    ]
    return [{**base, **case} for case in cases]


def sign(spec):
    body = spec["body"]
    encoded_path = percent_encode(spec["path"], safe="/~")
    request_dict = {"url_path": encoded_path, "query_string": spec["query"], "headers": {}}
    prepare_request_dict(request_dict, spec["endpoint"])
    request = AWSRequest(method=spec["method"], url=request_dict["url"], data=body)
    for name, value in spec["headers"]:
        request.headers[name] = value
    payload_hash = UNSIGNED if spec["payload"] == "unsigned" else hashlib.sha256(body).hexdigest()
    if spec["service"] == "s3":
        auth = RecordingS3SigV4Auth(Credentials(spec["access_key_id"], spec["secret_access_key"],
                                                spec["session_token"]), "s3", spec["region"])
        if spec["payload"] == "unsigned":
            request.context["client_config"] = types.SimpleNamespace(s3={"payload_signing_enabled": False})
    else:
        auth = RecordingSigV4Auth(Credentials(spec["access_key_id"], spec["secret_access_key"],
                                              spec["session_token"]), spec["service"], spec["region"])
        if spec["content_sha256_header"]:
            request.headers["X-Amz-Content-SHA256"] = payload_hash
    with mock.patch("botocore.auth.get_current_datetime", return_value=spec["timestamp"]):
        auth.add_auth(request)
    expected = {name: request.headers.get(name) for name in
                ["Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-SHA256"]}
    keeps_body = spec["payload"] == "bytes"
    return {
        "name": spec["name"],
        "service": spec["service"],
        "region": spec["region"],
        "method": spec["method"],
        "endpoint": spec["endpoint"],
        "path": spec["path"],
        "query": [list(item) for item in spec["query"]],
        "headers": [list(item) for item in spec["headers"]],
        "body_base64": base64.b64encode(body).decode() if keeps_body else None,
        "payload_hash": None if keeps_body else payload_hash,
        "content_sha256_header": spec["content_sha256_header"],
        "access_key_id": spec["access_key_id"],
        "secret_access_key": spec["secret_access_key"],
        "session_token": spec["session_token"],
        "epoch_seconds": int(spec["timestamp"].replace(tzinfo=datetime.timezone.utc).timestamp()),
        "url": request.url,
        "canonical_request": auth.canonical,
        "expected": {name: value for name, value in expected.items() if value is not None},
    }


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    rng = random.Random(SEED)
    specs = edge_specs() + [random_spec(rng, index) for index in range(count)]
    vectors = [sign(spec) for spec in specs]
    json.dump({"seed": SEED, "vectors": vectors}, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
