"""`pyx run --workers N`: N copies of the server sharing one port through SO_REUSEPORT.

The kernel spreads new connections over the processes; this parent only starts them, forwards
SIGINT/SIGTERM and waits. No restarts: a worker that exits stops the others and the parent
exits with its code (a process manager - systemd, a container runtime - restarts the whole).
The workers run in their own session, so a terminal's Ctrl-C reaches them once, through here.
Each worker also stops when this parent disappears (server/worker.py).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence

STOP_GRACE_S = 10.0


def port_is_free(host: str, port: int) -> bool:
    """Bound without SO_REUSEPORT: another server on the port (even one that uses SO_REUSEPORT
    itself) makes this fail, where the workers' own binds would quietly share the port.
    SO_REUSEADDR as aiohttp sets it: connections of a server just stopped (TIME_WAIT) do not count."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def run_workers(count: int, worker_argv: Sequence[str], env: dict[str, str]) -> int:
    """Start `count` processes of `worker_argv` (its last argument gets "i/count") and wait;
    the exit code to leave with."""
    workers: list[subprocess.Popen[bytes]] = []
    stopping = False

    def forward(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signum)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for number in range(1, count + 1):
            argv = [*worker_argv[:-1], f"{worker_argv[-1]}{number}/{count}"]
            workers.append(subprocess.Popen(argv, env=env, start_new_session=True))
        code = _wait_first_exit(workers)
        if not stopping:
            print(f"pyx: a worker exited with code {code}; stopping the others", file=sys.stderr, flush=True)
        forward(signal.SIGTERM, None)
        deadline = time.monotonic() + STOP_GRACE_S
        for worker in workers:
            try:
                worker.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
        return 0 if stopping else (code or 1)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _wait_first_exit(workers: list[subprocess.Popen[bytes]]) -> int:
    while True:
        for worker in workers:
            code = worker.poll()
            if code is not None:
                return code
        try:
            os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOWAIT)  # sleeps until a child exits or a signal
        except ChildProcessError:
            return 0
        except InterruptedError:
            pass
