"""A real SMTP server for TocsinEmail's tests, built on aiosmtpd.

Usage: smtp_sink.py --record FILE [--tls starttls|implicit|none] [--user U --password P]
                    [--exclude-auth MECHANISM ...]
                    [--mode smtp|helo-only|starttls-injection|silent|closed]

Prints two lines on stdout and flushes: the TCP port on 127.0.0.1, then the path of the
self-signed certificate (PEM, valid for the name "localhost" only, not for the address
127.0.0.1, so that clients must verify by name) or "-" without TLS.

Modes:
  smtp    an SMTP server; with --user it requires AUTH (over TLS unless --tls none) and
          records every accepted message as one JSON line in --record: envelope sender
          and recipients, the raw content, and what Python's email package decodes from it.
          Recipients whose local part starts with "nosuchuser" get 550, with "tempfail" 451.
  helo-only           like smtp, but refuses EHLO with 502 so that clients must fall back to HELO.
  starttls-injection  a scripted server that offers STARTTLS and answers it with "220" followed,
                      in the same write, by plaintext replies a man in the middle could inject.
  silent  accepts TCP connections and never says anything (for timeouts).
  closed  reserves a free port, closes it again and prints it (for refused connections).

Stops when stdin closes, on SIGTERM or SIGINT, or after a 600 s backstop.
"""

import argparse
import asyncio
import datetime
import email
import email.policy
import json
import os
import shutil
import socket
import ssl
import tempfile
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from test_server_lifetime import restore_stop_signals, serve_until_stdin_closes

BACKSTOP_SECONDS = 600


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_certificate(folder):
    """Writes a self-signed certificate and key for the name localhost; returns their paths."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost")]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path = os.path.join(folder, "cert.pem")
    key_path = os.path.join(folder, "key.pem")
    with open(cert_path, "wb") as f:
        f.write(certificate.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as f:
        f.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    return cert_path, key_path


def decoded_fields(raw):
    """What a standard-conforming parser reads from the message."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    defects = [type(d).__name__ for part in message.walk() for d in part.defects]
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    headers = {}
    for key, value in message.items():
        headers.setdefault(key.lower(), []).append(str(value))
    return {
        "subject": str(message.get("subject", "")),
        "text": text.get_content() if text is not None else None,
        "html": html.get_content() if html is not None else None,
        "headers": headers,
        "defects": defects,
    }


class RecordingHandler:
    def __init__(self, record_path):
        self.record_path = record_path
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0]
        if local.startswith("nosuchuser"):
            return "550 5.1.1 no such user here"
        if local.startswith("tempfail"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content
        entry = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "raw": raw.decode("latin-1"),
        }
        entry.update(decoded_fields(raw))
        with self.lock, open(self.record_path, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry) + "\n")
        return "250 2.0.0 accepted"


def authenticator_for(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode()
            and auth_data.password == password.encode()
        )
        # handled=False makes aiosmtpd answer a failure with its standard 535 reply.
        return AuthResult(success=ok, handled=False)

    return authenticate


class HeloOnlySMTP(SMTP):
    async def smtp_EHLO(self, hostname):
        await self.push("502 5.5.1 EHLO not supported here")


class HeloOnlyController(Controller):
    def factory(self):
        return HeloOnlySMTP(self.handler, **self.SMTP_kwargs)


async def scripted_starttls_injection(reader, writer):
    writer.write(b"220 scripted ESMTP\r\n")
    while True:
        line = await reader.readline()
        command = line.strip().upper()
        if not line or command == b"QUIT":
            break
        if command.startswith(b"EHLO"):
            writer.write(b"250-scripted\r\n250 STARTTLS\r\n")
        elif command == b"STARTTLS":
            writer.write(b"220 go ahead\r\n250-injected\r\n250 AUTH PLAIN\r\n")
        else:
            writer.write(b"502 5.5.2 not here\r\n")
        await writer.drain()
    writer.close()


def run_starttls_injection():
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(asyncio.start_server(scripted_starttls_injection, "127.0.0.1", 0))
    print(server.sockets[0].getsockname()[1])
    print("-", flush=True)
    threading.Thread(target=loop.run_forever, daemon=True).start()
    wait_for_stop()


def wait_for_stop():
    """Blocks until stdin closes or the backstop passes (SIGTERM and SIGINT end the process)."""
    restore_stop_signals()
    serve_until_stdin_closes(BACKSTOP_SECONDS)


def run_silent():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        print(listener.getsockname()[1])
        print("-", flush=True)
        accepted = []

        def accept_forever():
            while True:
                connection, _ = listener.accept()
                accepted.append(connection)

        threading.Thread(target=accept_forever, daemon=True).start()
        wait_for_stop()


def run_smtp(args):
    folder = tempfile.mkdtemp(prefix="smtp-sink-")
    cert_path, key_path = make_certificate(folder)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_path, key_path)
    parameters = {}
    if args.tls == "starttls":
        parameters.update(tls_context=context, require_starttls=True)
    if args.user is not None:
        parameters.update(
            authenticator=authenticator_for(args.user, args.password),
            auth_required=True,
            auth_require_tls=args.tls == "starttls",
            auth_exclude_mechanism=args.exclude_auth,
        )
    port = free_port()
    controller_type = HeloOnlyController if args.mode == "helo-only" else Controller
    controller = controller_type(
        RecordingHandler(args.record),
        hostname="127.0.0.1",
        port=port,
        ssl_context=context if args.tls == "implicit" else None,
        server_hostname="localhost",
        **parameters,
    )
    try:
        controller.start()
        print(port)
        print(cert_path if args.tls != "none" else "-", flush=True)
        wait_for_stop()
        controller.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--record", default=os.devnull)
    parser.add_argument("--tls", choices=["starttls", "implicit", "none"], default="starttls")
    parser.add_argument("--user")
    parser.add_argument("--password", default="")
    parser.add_argument("--exclude-auth", action="append", default=[])
    parser.add_argument(
        "--mode", choices=["smtp", "helo-only", "starttls-injection", "silent", "closed"], default="smtp"
    )
    args = parser.parse_args()
    if args.mode == "closed":
        print(free_port())
        print("-", flush=True)
    elif args.mode == "silent":
        run_silent()
    elif args.mode == "starttls-injection":
        run_starttls_injection()
    else:
        run_smtp(args)


if __name__ == "__main__":
    main()
