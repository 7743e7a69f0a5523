"""How long `factcheck new claim` takes to ask its first question at a terminal, on a generated
folder of 10,000 claims (issue 31: it took 4 s), cold (no cache) and warm.

    python benchmarks/first_prompt.py [N]      # default 10000
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import generate


def first_prompt(folder: Path, env: dict[str, str]) -> float:
    """Seconds from start to the first prompt on a pseudo-terminal."""
    leader, follower = pty.openpty()
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "factcheck", "new", "claim", "--claims",
                                str(folder)], stdin=follower, stdout=follower, stderr=follower,
                               env={**os.environ, **env})  # fmt: skip
    os.close(follower)
    seen = b""
    try:
        while b":" not in seen:
            ready, _, _ = select.select([leader], [], [], 60)
            if not ready:
                raise SystemExit("no prompt within 60 s")
            seen += os.read(leader, 4096)
        return time.perf_counter() - start
    finally:
        process.kill()
        process.wait()
        os.close(leader)


def main(size: int) -> None:
    folder = generate(size)
    with tempfile.TemporaryDirectory() as cache:
        env = {"FACTCHECK_CACHE_DIR": cache}
        cold = first_prompt(folder, {**env, "FACTCHECK_NO_CACHE": "1"})
        subprocess.run([sys.executable, "-m", "factcheck", "validate", "--claims", str(folder)],
                       env={**os.environ, **env}, capture_output=True, check=False)  # fmt: skip
        warm = first_prompt(folder, env)
    print(f"{size:,} claims: first prompt after {cold:.2f} s cold, {warm:.2f} s warm")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
