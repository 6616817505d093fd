"""Time the privacy guard on adversarial texts at the field limits and at 1k/2k/4k/8k characters.

Each adversarial text repeats a unit that once made a regex or loop of the guard backtrack or
rescan ("Van de " repeated, long runs of capitalised words, digits, "@", "." or "-") up to the
given length. The baseline is a clean everyday note repeated to the same length, measured in
the same run; the ratio is the worst text's time over the baseline's median. Run from the repo
root: ``.venv/bin/python bench/privacy_worst_case.py``. ``--guard /tmp/old_privacy.py`` times
another copy of privacy.py (e.g. ``git show HEAD~1:buurtlog/privacy.py``); ``--give-up S``
stops a text after S seconds (SIGALRM) so a super-linear guard cannot stall the run.

Times are CPU time of this process (time.process_time), not wall time: on a shared machine
wall time also counts the moments another process had the core. The loaded modules are
frozen for the garbage collector (gc.freeze()), as app.py does; ``--no-freeze`` leaves them.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import random
import signal
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from buurtlog.api.views import PRIVACY_CHECK_MAX  # noqa: E402
from buurtlog.models import NOTE_MAX  # noqa: E402

BASELINE = "Dinsdag 10:30 bij de Buurtsuper: drie ouderen willen een koffieochtend. "
UNITS = {
    "van de": "Van de ",
    "van de (lower)": "van de ",
    "El Al": "El Al ",
    "capitalised names": "Gonda Hinke Jan Kees ",
    "name, particles": "Gonda van der Kees de ",
    "particles, names, en": "Van de Jan en De van Kees, ",
    "comma-joined names": "Jan,Kees,",
    "lower-case names": "fatima,kees ",
    "initials": "A.",
    "spaced initials": "A. B. ",
    "digits": "0123456789",
    "spaced digits": "0 6 1 2 ",
    "phone numbers": "06-12345678 ",
    "at signs": "@",
    "word@": "a@",
    "dots": ".",
    "a.": "a.",
    "hyphens": "-",
    "Aa-": "Aa-",
    "emails": "a@b.nl ",
    "ibans": "NL91ABNA0417164300 0612345678 ",
    "streets": "Kerkstraat 12 ",
    "laan van": "Laan van ",
    "one long word": "A" + "a" * 9,
    "spaces": " ",
    # A word that may be a name, then one run of spaces to the end: the scan for what follows
    # a name once restarted at every space of the run (0.7 s at 10,000 characters).
    "name, then spaces": "Bab" + " " * 19_997,
    # Python work per word: unlisted capitalised words (each a possible name), with a telling
    # context after every few, particles after a name, a title, lists of unlisted words.
    "Jan El Al": "Jan El Al ",
    "title, El Al": "Mw. El Al El Al ",
    "El Al, name, age": "El Al El Al Kees (8) ",
    "unlisted words, age": "Bab Tok Fui (8) ",
    "unlisted, relative": "Bab Tok Fui zijn zoon ",
    "unlisted list": "Bab, Tok, Fui en Kees, ",
    # The server-only rules (buurtlog/privacy_contact.py): international numbers, parsed by
    # phonenumbers up to a budget, disguised e-mail and addresses after a cue.
    "short +numbers": "+49 171 ",
    "foreign numbers": "+49 171 2345678 ",
    "at, dot": "a at b dot ",
    "woont op": "woont op ",
    "nummer van": "nummer 1 van de ",
    "distinct foreign numbers": None,  # filled below: each one parsed until the budget
    "distinct words": None,  # filled by distinct()
}
TIMED_OUT = float("inf")


def load_guard(path: str | None) -> Callable[[str], list]:
    """Return find_personal_data from buurtlog.privacy or from a copy of it at path."""
    if path is None:
        from buurtlog.privacy import find_personal_data

        return find_personal_data
    spec = importlib.util.spec_from_file_location("guard_under_test", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.find_personal_data


def fill(unit: str, length: int) -> str:
    """Repeat unit to exactly length characters."""
    return (unit * (length // len(unit) + 1))[:length]


def distinct(length: int) -> str:
    """Unlisted capitalised words, none twice before 1,200 words, an age after every third."""
    rng = random.Random(5)
    words = [a + b + c for a in "BDFGHKLMNPRSTVWZ" for b in "aeiou" for c in "bdfgklmnprstvwz"]
    rng.shuffle(words)
    unit = " ".join(w + (" (8)" if i % 3 == 2 else "") for i, w in enumerate(words)) + " "
    return fill(unit, length)


def mixed(length: int) -> str:
    """Shuffle pieces of every adversarial unit (fixed seed) into one text of length."""
    rng = random.Random(22)
    units = [u for u in UNITS.values() if u is not None]
    out: list[str] = []
    while sum(map(len, out)) < length:
        out.append(rng.choice(units) * rng.randint(1, 40))
    return "".join(out)[:length]


def texts(length: int) -> dict[str, str]:
    """Return the adversarial texts of one length, by name."""
    out = {name: fill(unit, length) for name, unit in UNITS.items() if unit is not None}
    out["distinct foreign numbers"] = " ".join(
        f"+49 171 {2345678 + i}" for i in range(length // 16 + 1)
    )[:length]
    out["distinct words"] = distinct(length)
    out["mixed"] = mixed(length)
    return out


def _alarm(signum, frame):
    """Stop a text that takes longer than --give-up."""
    raise TimeoutError


def timings(guard: Callable[[str], list], text: str, rounds: int, give_up: float) -> list[float]:
    """Return the guard's CPU times on text in ms, or [inf] when a run passes give_up seconds."""
    out = []
    for _ in range(rounds):
        signal.setitimer(signal.ITIMER_REAL, give_up)
        started = time.process_time()
        try:
            guard(text)
        except TimeoutError:
            return [TIMED_OUT]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        out.append((time.process_time() - started) * 1000)
    return out


def show(ms: float) -> str:
    """Format a time in ms, or the give-up mark."""
    return "  gave up" if ms == TIMED_OUT else f"{ms:9.2f}"


def main() -> None:
    """Print p50 and max per adversarial text and length, and the ratio against the baseline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guard", help="path of a privacy.py to time instead of buurtlog's")
    parser.add_argument("--sizes", default=f"{NOTE_MAX},{PRIVACY_CHECK_MAX},1000,2000,4000,8000")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--give-up", type=float, default=10.0, help="seconds per text")
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="leave the loaded modules to the garbage collector's full passes",
    )
    args = parser.parse_args()
    guard = load_guard(args.guard)
    if not args.no_freeze:
        # As app.py does in every gunicorn worker once the app is loaded: otherwise a full
        # collection pass over the ~100,000 objects of the imported app (about 50 ms) lands
        # in whichever round happens to trigger it and becomes that text's "max".
        gc.freeze()
    signal.signal(signal.SIGALRM, _alarm)
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    print(
        f"guard: {args.guard or 'buurtlog/privacy.py'}; field limit (privacy-check API): "
        f"{PRIVACY_CHECK_MAX} chars; {args.rounds} rounds; CPU times in ms"
    )
    worst_by_size = {}
    for size in sizes:
        base = timings(guard, fill(BASELINE, size), args.rounds, args.give_up)
        base_p50 = statistics.median(base)
        print(
            f"\n== {size} characters; baseline (clean note repeated): p50 {base_p50:.2f} ms, "
            f"max {max(base):.2f} ms"
        )
        print(f"{'text':<22}{'p50':>9}{'max':>9}{'x base':>8}")
        worst = ("", 0.0)
        for name, text in texts(size).items():
            times = timings(guard, text, args.rounds, args.give_up)
            p50, top = statistics.median(times), max(times)
            ratio = "       -" if top == TIMED_OUT else f"{top / base_p50:8.1f}"
            print(f"{name:<22}{show(p50)}{show(top)}{ratio}")
            if top > worst[1]:
                worst = (name, top)
        worst_by_size[size] = worst
        print(
            f"worst at {size}: {worst[0]} {show(worst[1]).strip()} ms "
            f"({worst[1] / base_p50:.1f}x baseline)"
        )
    print("\nworst case by length:")
    for size, (name, top) in worst_by_size.items():
        print(f"  {size:>6} chars: {show(top).strip():>9} ms  ({name})")


if __name__ == "__main__":
    main()
