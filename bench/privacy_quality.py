"""Measure the privacy guard on the hand-marked test sets: precision, recall, F1 and speed.

Four sets: the development set the detector was tuned on, a held-out set written by someone
who never saw the detector's rules, a second, unseen set written blind for issue 20 with many
names no word list holds (tests/data/make_privacy_unseen.py; no longer blind since its misses
were listed), and a third set written blind on 5 Dec by someone who saw neither the guard nor
the other sets (tests/data/make_privacy_blind.py), and a fourth and a fifth written the same way
on 5 Dec (make_privacy_blind2.py, make_privacy_blind3.py): the honest figures until rules are
written from their misses.
Run from the repo root:
``.venv/bin/python bench/privacy_quality.py [dev holdout unseen blind blind2 blind3]``
(all sets when none is named). A blind set's misses are counted, never printed.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from buurtlog import privacy_names, privacy_words  # noqa: E402
from buurtlog.privacy import KINDS, Finding, find_personal_data  # noqa: E402

DATA = ROOT / "tests" / "data" / "privacy_notes.jsonl"
HOLDOUT = ROOT / "tests" / "data" / "privacy_notes_holdout.jsonl"
UNSEEN = ROOT / "tests" / "data" / "privacy_notes_unseen.jsonl"
BLIND = ROOT / "tests" / "data" / "privacy_notes_blind.jsonl"
BLIND2 = ROOT / "tests" / "data" / "privacy_notes_blind2.jsonl"
BLIND3 = ROOT / "tests" / "data" / "privacy_notes_blind3.jsonl"
TIMING_ROUNDS = 20


def load_notes(path: Path = DATA) -> list[tuple[str, list[Finding]]]:
    """Read the jsonl test set as (text, expected findings) pairs."""
    notes = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            expected = [Finding(f["kind"], f["start"], f["end"]) for f in record["findings"]]
            notes.append((record["text"], expected))
    return notes


def _on_a_list(word: str) -> bool:
    """Tell whether a word of a name is on one of the guard's name lists, in any case.

    The server's longer list (buurtlog/privacy_names.py) counts too: a name on it is no longer
    one "no list contains".
    """
    w = privacy_words
    cap = word[:2].upper() + word[2:] if word[:2].lower() == "ij" else word[:1].upper() + word[1:]
    lists = (w.FIRST_NAMES, w.MID_SENTENCE_NAMES, w.SURNAMES, privacy_names.EXTRA_FIRST_NAMES)
    return any(form in names for form in (word, cap, word.title()) for names in lists)


def unlisted(text: str, f: Finding) -> bool:
    """Tell whether a name's words (not its particles or initials) are on none of the lists."""
    parts = text[f.start : f.end].replace("-", " ").split()
    words = [p for p in parts if p.lower() not in privacy_words.PARTICLES and not p.endswith(".")]
    return not any(_on_a_list(word) for word in words)


def _matches(a: Finding, b: Finding) -> bool:
    return a.kind == b.kind and a.start < b.end and b.start < a.end


def snippet(text: str, f: Finding, margin: int = 25) -> str:
    """Show a finding inside its context, marked with brackets."""
    left = text[max(0, f.start - margin) : f.start]
    right = text[f.end : f.end + margin]
    return f"…{left}[{text[f.start : f.end]}]{right}…"


SETS = {  # name → (title, file, blind: its misses are counted, never printed)
    "dev": ("development set", DATA, False),
    "holdout": ("held-out set", HOLDOUT, False),
    "unseen": ("unseen set", UNSEEN, False),
    "blind": ("blind set", BLIND, True),
    "blind2": ("fourth blind set", BLIND2, True),
    "blind3": ("fifth blind set", BLIND3, True),
}


def main() -> None:
    """Report on the sets named on the command line (dev, holdout, unseen, blind…), or all.

    A blind set's false positives and negatives are counted by kind but not shown: whoever
    tunes the guard must not read them, or the set is blind no longer.
    """
    for name in sys.argv[1:] or SETS:
        title, path, blind = SETS[name]
        print(f"== {title}: {path.relative_to(ROOT)}")
        report(load_notes(path), show_errors=not blind)
        print()


def report(notes: list[tuple[str, list[Finding]]], show_errors: bool = True) -> None:
    """Print per-kind and overall quality, the errors and the mean time per note."""
    tp_pred: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    tp_exp: Counter[str] = Counter()
    n_exp: Counter[str] = Counter()
    false_pos: list[tuple[str, Finding]] = []
    false_neg: list[tuple[str, Finding]] = []
    unlisted_found = unlisted_total = clean_flagged = clean_total = 0
    for text, expected in notes:
        found = find_personal_data(text)
        if not expected:
            clean_total += 1
            clean_flagged += bool(found)
        for f in found:
            n_pred[f.kind] += 1
            if any(_matches(f, e) for e in expected):
                tp_pred[f.kind] += 1
            else:
                false_pos.append((text, f))
        for e in expected:
            n_exp[e.kind] += 1
            if any(_matches(f, e) for f in found):
                tp_exp[e.kind] += 1
            else:
                false_neg.append((text, e))
            if e.kind == "name" and unlisted(text, e):
                unlisted_total += 1
                unlisted_found += any(_matches(f, e) for f in found)

    print(f"notes: {len(notes)} ({sum(1 for _, e in notes if e)} with personal data)")
    print(f"{'kind':<10}{'expected':>9}{'found':>7}{'precision':>11}{'recall':>8}{'F1':>7}")
    for kind in [*KINDS, "overall"]:
        if kind == "overall":
            tp_p, n_p = sum(tp_pred.values()), sum(n_pred.values())
            tp_e, n_e = sum(tp_exp.values()), sum(n_exp.values())
        else:
            tp_p, n_p, tp_e, n_e = tp_pred[kind], n_pred[kind], tp_exp[kind], n_exp[kind]
        precision = tp_p / n_p if n_p else 1.0
        recall = tp_e / n_e if n_e else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{kind:<10}{n_e:>9}{n_p:>7}{precision:>11.3f}{recall:>8.3f}{f1:>7.3f}")

    share = unlisted_found / unlisted_total if unlisted_total else 1.0
    print(
        f"recall on names none of the lists contains: {unlisted_found}/{unlisted_total}"
        f" = {share:.3f}"
    )
    flagged = clean_flagged / clean_total if clean_total else 0.0
    print(f"clean notes flagged: {clean_flagged}/{clean_total} = {flagged:.3f}")

    for title, errors in (("false positives", false_pos), ("false negatives", false_neg)):
        by_kind = Counter(f.kind for _, f in errors)
        print(
            f"\n{title} ({len(errors)}): "
            + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items()))
        )
        for text, f in errors if show_errors else ():
            print(f"  {f.kind:<9} {snippet(text, f)}")

    texts = [text for text, _ in notes]
    per_note = [0.0] * len(texts)
    for _ in range(TIMING_ROUNDS):
        for i, text in enumerate(texts):
            started = time.perf_counter()
            find_personal_data(text)
            per_note[i] += time.perf_counter() - started
    mean = sum(per_note) / (TIMING_ROUNDS * len(texts))
    median = statistics.median(per_note) / TIMING_ROUNDS
    print(f"\nmean time per note: {mean * 1e6:.1f} µs, median {median * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
