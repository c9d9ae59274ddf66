"""Import a synthetic ClaimReview DataFeed of N reviews with `factcheck kb import`, timed.

Writes a feed like the public ClaimReview feeds (DataFeed -> dataFeedElement -> item), imports
it into a fresh file in one command, and prints the time and the peak memory of that process.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "vaccine",
    "tower",
    "river",
    "senator",
    "bank",
    "storm",
    "museum",
    "virus",
    "harbour",
    "satellite",
    "election",
    "festival",
    "bridge",
    "pension",
    "airport",
    "bakery",
)


def feed(count: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [')
        for i in range(count):
            a, b, c = (WORDS[(i // 16**k) % 16] for k in range(3))
            item = {
                "@type": "DataFeedItem",
                "item": [
                    {
                        "@type": "ClaimReview",
                        "url": f"https://check.example/{i}",
                        "claimReviewed": (
                            f"The {a} near the {b} was closed by the {c}"
                            f" in {1950 + i % 70} after {i} complaints."
                        ),
                        "author": {"@type": "Organization", "name": f"Checker {i % 40}"},
                        "reviewRating": {
                            "@type": "Rating",
                            "alternateName": ("False", "Mostly false", "Mixture")[i % 3],
                        },
                        "datePublished": f"20{10 + i % 14}-0{1 + i % 9}-1{i % 9}",
                    }
                ],
            }
            out.write(("," if i else "") + json.dumps(item))
        out.write("]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.json"
        feed(args.count, path)
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "cli",
                "--db",
                f"{folder}/kb.sqlite",
                "kb",
                "import",
                str(path),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(done.stdout.strip() or done.stderr.strip())
        print(
            json.dumps(
                {
                    "reviews": args.count,
                    "file_mb": round(path.stat().st_size / 1e6, 1),
                    "seconds": round(seconds, 1),
                    "peak_rss_mb": round(peak),
                    "exit": done.returncode,
                }
            )
        )
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
