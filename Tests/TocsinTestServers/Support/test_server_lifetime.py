"""How the test servers live and die: SIGTERM (and SIGINT) stop them even when the
Swift test process started them with those signals blocked or ignored, and they exit by
themselves when their standard input closes (the test is gone) or after max_seconds."""
import os
import signal
import sys
import threading


def restore_stop_signals():
    """Undoes an inherited block or ignore of SIGTERM and SIGINT."""
    stop_signals = {signal.SIGTERM, signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_UNBLOCK, stop_signals)
    for number in stop_signals:
        signal.signal(number, signal.SIG_DFL)


def serve_until_stdin_closes(max_seconds):
    """Blocks until standard input closes or max_seconds pass, then exits at once."""
    stdin_closed = threading.Event()

    def watch_stdin():
        sys.stdin.read()
        stdin_closed.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    stdin_closed.wait(max_seconds)
    os._exit(0)
