"""Measuring: timers, percentiles, and running one benchmark step in its own process.

A step runs in a fresh ``python -m phakhi.bench.measure`` process so that its peak memory
(``ru_maxrss`` of that process) is its own and a crash in one step does not stop the rest.

>>> percentile([1, 2, 3, 4], 50)
2.5
>>> with Timer() as t:
...     pass
>>> t.seconds >= 0
True
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Sequence


class Timer:
    """``with Timer() as t: …`` then ``t.seconds`` (monotonic, high resolution)."""

    def __enter__(self) -> "Timer":
        self._start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile ``q`` (0–100) of ``values``."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_step_subprocess(step: str, config: dict[str, Any], workdir: Path,
                        timeout: float | None = None) -> dict[str, Any]:
    """Run ``step`` in a child process; its figures plus ``seconds`` and ``peak_rss_mb``.

    A child that fails gives ``{"error": <its last stderr line>}`` instead of raising.
    """
    out = workdir / f"step-{step}.json"
    out.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "phakhi.bench.measure", step, json.dumps(config), str(out)]
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=os.environ.copy())
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    seconds = time.perf_counter() - start
    if proc.returncode != 0 or not out.exists():
        lines = [ln for ln in (proc.stderr or "").strip().splitlines() if ln.strip()]
        return {"error": lines[-1] if lines else f"exit status {proc.returncode}",
                "seconds": round(seconds, 2)}
    result = json.loads(out.read_text(encoding="utf-8"))
    result.setdefault("seconds", round(seconds, 2))
    return result


def _main(argv: list[str]) -> int:
    """Child side: ``python -m phakhi.bench.measure STEP CONFIG_JSON OUT_JSON``."""
    from phakhi.bench import runner

    step, config, out = argv[0], json.loads(argv[1]), Path(argv[2])
    with Timer() as t:
        try:
            figures = runner.STEP_FUNCTIONS[step](runner.BenchConfig.from_dict(config))
        except runner.StepSkipped as exc:
            figures = {"skipped": str(exc)}
    figures.setdefault("seconds", round(t.seconds, 2))
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    out.write_text(json.dumps(figures, ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover - the child process entry
    sys.exit(_main(sys.argv[1:]))
