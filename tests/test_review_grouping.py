"""Grouping proposals: words, stems, same-theme and similar-words groups, dismissals, wijk
theme suggestions, and the quality on generated periods with known groups."""

import pytest

from buurtlog.entries.terms import stem, tokens
from buurtlog.review import grouping
from buurtlog.review.grouping import Signal, propose, suggest_wijk_themes
from tests.data.review_signals import evaluate, generate

SPELEN, WONEN, ARMOEDE = 1, 2, 3


def signal(n, text, wijk=1, themes=(SPELEN,), author=None):
    """Make a signal for grouping."""
    return Signal(n, wijk, tuple(themes), text, n if author is None else author)


@pytest.mark.parametrize(
    "word, expected",
    [
        ("speeltuinen", "speeltuin"),
        ("hekken", "hek"),
        ("vernielingen", "verniel"),
        ("eenzaamheid", "eenzaam"),
        ("kinderen", "kinder"),
        ("klimrek", "klimrek"),
        ("bankje", "bank"),
        ("lift", "lift"),
    ],
)
def test_stemming_strips_common_dutch_endings(word, expected):
    """Reduce plurals, diminutives, -heid and -ing to a shared stem."""
    assert stem(word) == expected


def test_tokens_drop_stopwords_and_short_words():
    """Keep only the telling words of a text, stemmed."""
    assert tokens("De bewoners vinden het klimrek in de speeltuin kapot") == {
        "vind",
        "klimrek",
        "speeltuin",
        "kapot",
    }


def test_same_wijk_and_theme_is_proposed_from_two_signals():
    """Propose a wijk's signals about one theme, not a single one or another wijk's."""
    proposals = propose(
        [
            signal(1, "Zoekt een taalmaatje"),
            signal(2, "Vraagt naar de bibliotheek"),
            signal(3, "Iets anders", themes=(WONEN,)),
            signal(4, "Elders", wijk=2),
        ]
    )
    assert [(p.key, p.reason, sorted(p.entry_ids)) for p in proposals] == [
        ("theme:1:1", "theme", [1, 2])
    ]


def test_similar_words_are_grouped_across_themes():
    """Group signals that tell one story under different themes, and name the group."""
    proposals = propose(
        [
            signal(1, "De lift in de flat aan de Merelhof staat weer stil", themes=(WONEN,)),
            signal(2, "Lift Merelhof defect, rollator past niet op de trap", themes=(SPELEN,)),
            signal(3, "Ouderen komen niet naar buiten: lift Merelhof kapot", themes=(ARMOEDE,)),
            signal(4, "Zorgen over de energierekening", themes=(ARMOEDE,)),
        ]
    )
    words = [p for p in proposals if p.reason == "words"]
    assert len(words) == 1 and sorted(words[0].entry_ids) == [1, 2, 3]
    assert words[0].words[:2] == ("lift", "merelhof")
    assert words[0].key == "words:1:lift+merelhof"
    assert not [p for p in proposals if p.reason == "theme" and 1 in p.entry_ids]


def test_one_shared_word_is_not_a_story():
    """Leave signals that share a single word to their themes."""
    proposals = propose(
        [
            signal(1, "Problemen met de lift", themes=(WONEN,)),
            signal(2, "De lift van de bibliotheek werkt", themes=(SPELEN,)),
        ]
    )
    assert proposals == []


def test_dismissed_signals_are_not_proposed_again_under_the_same_key():
    """Keep dismissed signals out of their proposal; later signals may form it again."""
    signals = [signal(n, f"Tekst {n}") for n in (1, 2, 3)]
    assert propose(signals, {"theme:1:1": {1, 2, 3}}) == []
    later = signals + [signal(4, "Nieuw"), signal(5, "Ook nieuw")]
    [proposal] = propose(later, {"theme:1:1": {1, 2, 3}})
    assert sorted(proposal.entry_ids) == [4, 5]


def test_many_signals_from_several_workers_are_a_collective_candidate():
    """Flag five signals from three workers, not five from one."""
    broad = propose([signal(n, "x", author=n % 3) for n in range(5)])
    narrow = propose([signal(n, "x", author=7) for n in range(5)])
    assert broad[0].collective and not narrow[0].collective
    assert grouping.is_collective(5, 3) and not grouping.is_collective(4, 4)


def test_new_signals_are_suggested_for_an_open_wijk_theme():
    """Suggest the wijk theme of the same wijk with the same theme or shared words."""
    themes = [
        (10, 1, SPELEN, tokens("Speelplek Churchilllaan")),
        (11, 1, None, tokens("Lift Merelhof kapot")),
        (12, 2, SPELEN, frozenset()),
    ]
    suggestions = suggest_wijk_themes(
        [
            signal(1, "Glas op het veldje"),
            signal(2, "De lift aan de Merelhof is kapot", themes=(WONEN,)),
            signal(3, "Geen bankje", themes=(WONEN,)),
            signal(4, "Speelplek elders", wijk=3),
        ],
        themes,
    )
    assert suggestions == {1: 10, 2: 11}


def test_generated_periods_propose_most_true_groups_and_few_wrong_ones():
    """Find most planted stories and true groups, with few wrong proposals, on 30 periods."""
    totals = {}
    for seed in range(101, 111):
        for size in (100, 200, 400):
            data = generate(seed, size)
            for key, value in evaluate(propose(data.signals), data).items():
                totals[key] = totals.get(key, 0) + value
    assert totals["found"] / totals["groups"] >= 0.95
    assert totals["stories_found"] / totals["stories"] >= 0.8
    assert totals["wrong"] / totals["proposals"] <= 0.05


def test_the_generator_is_deterministic_and_knows_its_groups():
    """Generate the same period for the same seed, with stories among the true groups."""
    first, second = generate(5, 150), generate(5, 150)
    assert [s.text for s in first.signals] == [s.text for s in second.signals]
    assert len(first.signals) == 150 and first.stories
    assert all(story in first.groups for story in first.stories)
