"""What the guard's server-only rules (buurtlog/privacy_contact.py) cost per note.

Times every note of the development and held-out sets with the twin's rules only
(find_personal_data_as_twin, the baseline) and with all rules (find_personal_data), in the
same run, and prints the median per note and the ratio. Run: python bench/privacy_server_rules.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from buurtlog.privacy import find_personal_data, find_personal_data_as_twin  # noqa: E402

SETS = (ROOT / "tests/data/privacy_notes.jsonl", ROOT / "tests/data/privacy_notes_holdout.jsonl")
ROUNDS = 5


def median_per_note(guard, texts: list[str]) -> float:
    """Return the best of ROUNDS medians of one guard's time per note, in µs."""
    medians = []
    for _ in range(ROUNDS):
        times = []
        for text in texts:
            start = time.perf_counter()
            guard(text)
            times.append(time.perf_counter() - start)
        medians.append(statistics.median(times) * 1e6)
    return min(medians)


def main() -> None:
    """Print the twin's and the whole guard's median per note, and their ratio, per set."""
    for path in SETS:
        texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
        base = median_per_note(find_personal_data_as_twin, texts)
        full = median_per_note(find_personal_data, texts)
        print(
            f"{path.name}: {len(texts)} notes; median per note: twin rules {base:.1f} µs, "
            f"all rules {full:.1f} µs, ratio {full / base:.2f}"
        )


if __name__ == "__main__":
    main()
