"""Start-up time of ``aixin --help`` against ``python -c pass``, measured in the same run.

    python benchmarks/startup_bench.py [--runs 15]

Each command runs as a fresh process, alternating, and the median wall time of
each is printed with the difference (what the program's own imports cost) and
the ratio. Aim: ``aixin --help`` under 0.3 s on the counter PC; the window's
cold start begins with the same imports. ``--modules`` also lists which heavy
libraries a plain ``--help`` loaded (none should be).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "alembic", "pypinyin", "reportlab", "PySide6", "argon2", "barcode")


def timed(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def heavy_modules_loaded(env: dict) -> list[str]:
    probe = ("import sys; from ui.main import main\n"
             "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
             f"print('LOADED:' + ' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    line = next(l for l in out.stdout.splitlines() if l.startswith("LOADED:"))
    return line.removeprefix("LOADED:").split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    # As an installed program starts: with bytecode caches (kept in a temporary folder), which
    # a PYTHONDONTWRITEBYTECODE environment would otherwise leave out and compile every run.
    caches = tempfile.TemporaryDirectory(prefix="aixin-bench-")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(ROOT), AIXIN_HOME=caches.name, PYTHONPYCACHEPREFIX=caches.name)
    baseline_cmd = [sys.executable, "-c", "pass"]
    aixin_cmd = [sys.executable, "-m", "pos", "--help"]
    timed(aixin_cmd, env)  # warm the file cache and write the bytecode
    timed(baseline_cmd, env)
    baseline, aixin = [], []
    for _ in range(args.runs):
        baseline.append(timed(baseline_cmd, env))
        aixin.append(timed(aixin_cmd, env))
    base, help_time = statistics.median(baseline), statistics.median(aixin)
    print(f"python -c pass : median {base * 1000:7.1f} ms  (min {min(baseline) * 1000:.1f})")
    print(f"aixin --help   : median {help_time * 1000:7.1f} ms  (min {min(aixin) * 1000:.1f})")
    print(f"program's own start-up: {(help_time - base) * 1000:.1f} ms; ratio {help_time / base:.2f}x")
    print(f"aim: aixin --help under 300 ms -> {'met' if help_time < 0.3 else 'NOT met'}")
    loaded = heavy_modules_loaded(env)
    print(f"heavy libraries loaded by --help: {', '.join(loaded) if loaded else 'none'}")
    caches.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
