"""Timing ``phakhi`` commands as a user runs them: a fresh process per call, its wall time
and its own peak memory (``ru_maxrss`` from ``wait4``, so only that child counts).

>>> run = time_command([sys.executable, "-c", "print('hi')"])
>>> run.ok, run.seconds > 0, run.peak_rss_mb > 0
(True, True, True)
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Any, Sequence


@dataclass
class CommandRun:
    ok: bool
    seconds: float
    peak_rss_mb: float
    stderr: str


def time_command(argv: Sequence[str], env: dict[str, str] | None = None) -> CommandRun:
    """Run ``argv`` once; wall seconds from start to exit and the child's peak memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env, text=True)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return CommandRun(proc.returncode == 0, seconds, usage.ru_maxrss / 1024, err)


def phakhi_argv(*args: Any) -> list[str]:
    """``python -m phakhi.cli …`` with this interpreter (the installed ``phakhi`` command)."""
    return [sys.executable, "-m", "phakhi.cli", *map(str, args)]
