import itertools
import random
from decimal import Decimal, localcontext

import pytest

from app.domain.matrix.scoring import (
    DEFAULT_THRESHOLDS,
    DEFAULT_WEIGHTS,
    Criterion,
    Level,
    LevelThresholds,
    Scores,
    Weights,
    explain_score,
    is_incomplete,
    level_for,
    rank_suppliers,
    weight_problems,
    weighted_score,
)

D = Decimal


def scores(q: str | None, d: str | None, s: str | None, c: str | None) -> Scores:
    return Scores(*(None if v is None else D(v) for v in (q, d, s, c)))


def test_default_weights_are_domain_md_40_30_20_10() -> None:
    assert DEFAULT_WEIGHTS.as_dict() == {
        Criterion.QUALITY: D(40),
        Criterion.DELIVERY: D(30),
        Criterion.SERVICE: D(20),
        Criterion.COST: D(10),
    }
    assert "on-time rate" in Criterion.DELIVERY.covers


def test_user_weights_may_be_any_split_of_100() -> None:
    assert Weights(D(25), D(25), D(25), D(25)).cost == D(25)
    assert Weights(D(100), D(0), D(0), D(0)).quality == D(100)
    assert Weights(D("33.4"), D("33.3"), D("33.3"), D(0)).service == D("33.3")
    assert Weights.from_dict(DEFAULT_WEIGHTS.as_dict()) == DEFAULT_WEIGHTS


@pytest.mark.parametrize(
    ("weights", "words"),
    [
        ((D(40), D(30), D(20), D(11)), "add up to exactly 100 %; they add up to 101 %"),
        ((D(40), D(30), D(20), D(9)), "they add up to 99 %"),
        ((D("40.01"), D(30), D(20), D(10)), "they add up to 100.01 %"),
        ((D(-10), D(60), D(40), D(10)), "Quality weight must be between 0 and 100 %, not -10 %"),
        ((D(101), D(0), D(0), D(-1)), "Quality weight must be between 0 and 100 %"),
        ((D("NaN"), D(30), D(20), D(10)), "Quality weight must be a number"),
        ((40.0, D(30), D(20), D(10)), "Quality weight must be a number"),
    ],
)
def test_weights_out_of_range_or_not_100_are_refused(weights: tuple, words: str) -> None:
    with pytest.raises(ValueError, match="weight") as caught:
        Weights(*weights)
    assert words in str(caught.value)


def test_weight_problems_lists_every_problem_for_a_panel() -> None:
    problems = weight_problems({Criterion.QUALITY: D(-1), Criterion.COST: D(200)})
    assert len(problems) == 2
    assert weight_problems(DEFAULT_WEIGHTS.as_dict()) == []
    with pytest.raises(ValueError, match="Missing weight for: Delivery, Service, Cost"):
        Weights.from_dict({Criterion.QUALITY: D(100)})


@pytest.mark.parametrize("bad", [D("-0.1"), D("100.1"), D("Infinity")])
def test_scores_outside_0_to_100_are_refused(bad: Decimal) -> None:
    with pytest.raises(ValueError, match="Delivery score must be between 0 and 100"):
        Scores(delivery=bad)


def test_scores_must_be_decimal_or_int_not_float() -> None:
    with pytest.raises(TypeError, match="Quality score"):
        Scores(quality=90.5)  # type: ignore[arg-type]
    assert Scores(quality=90, cost=D(0)).quality == 90  # type: ignore[arg-type]
    assert Scores(quality=D(100)).quality == D(100)


def test_weighted_score_with_all_four_scores() -> None:
    # 0.4 x 90 + 0.3 x 80 + 0.2 x 70 + 0.1 x 60 = 36 + 24 + 14 + 6 = 80
    assert weighted_score(scores("90", "80", "70", "60")) == D("80.0")
    assert weighted_score(scores("100", "100", "100", "100")) == D("100.0")
    assert weighted_score(scores("0", "0", "0", "0")) == D("0.0")


def test_weighted_score_rounds_half_up_to_one_decimal() -> None:
    # 0.4 x 80.1 + 0.3 x 80 + 0.2 x 80 + 0.1 x 80.5 = 32.04 + 24 + 16 + 8.05 = 80.09
    assert weighted_score(scores("80.1", "80", "80", "80.5")) == D("80.1")
    # exactly x.x5: 0.25 x each of 80.0, 80.1, 80.1, 80.0 -> 80.05 -> 80.1 (not banker's 80.0)
    quarter = Weights(D(25), D(25), D(25), D(25))
    assert weighted_score(scores("80.0", "80.1", "80.1", "80.0"), quarter) == D("80.1")
    # 80.25 -> 80.3 (banker's rounding would give 80.2)
    assert weighted_score(scores("80.0", "80.5", "80.5", "80.0"), quarter) == D("80.3")
    # 80.04 -> 80.0
    assert weighted_score(scores("80.0", "80.0", "80.0", "80.4"), DEFAULT_WEIGHTS) == D("80.0")


def test_weighted_score_ignores_a_narrow_global_decimal_context() -> None:
    with localcontext() as context:
        context.prec = 3
        assert weighted_score(scores("80.1", "80", "80", "80.5")) == D("80.1")


def test_missing_scores_are_left_out_and_the_weights_renormalised() -> None:
    # (40 x 80 + 30 x 70 + 20 x 90) / 90 = 7100 / 90 = 78.888... -> 78.9
    assert weighted_score(scores("80", "70", "90", None)) == D("78.9")
    # only quality: the score is quality itself, never diluted by zeros
    assert weighted_score(scores("55", None, None, None)) == D("55.0")
    # (30 x 100 + 10 x 50) / 40 = 87.5
    assert weighted_score(scores(None, "100", None, "50")) == D("87.5")


def test_no_score_at_all_or_only_zero_weighted_scores_is_unknown() -> None:
    assert weighted_score(Scores()) is None
    only_quality = Weights(D(100), D(0), D(0), D(0))
    assert weighted_score(scores(None, "90", "90", "90"), only_quality) is None
    assert level_for(None) is Level.UNKNOWN
    assert "unknown" in explain_score(Scores())


def test_explanation_shows_the_sum_and_what_was_left_out() -> None:
    text = explain_score(scores("80", "70", "90", None))
    assert text.startswith("Weighted score 78.9 = (Quality 80 x 40 % + Delivery 70 x 30 %")
    assert "/ 90 %" in text
    assert "left out" in text and "Cost" in text
    assert "left out" not in explain_score(scores("1", "2", "3", "4"))


@pytest.mark.parametrize(
    ("score", "level"),
    [
        ("100", Level.A),
        ("90.0", Level.A),
        ("89.9", Level.B),
        ("75.0", Level.B),
        ("74.9", Level.C),
        ("60.0", Level.C),
        ("59.9", Level.D),
        ("0", Level.D),
    ],
)
def test_default_level_boundaries(score: str, level: Level) -> None:
    assert level_for(D(score)) is level


def test_levels_carry_domain_md_actions() -> None:
    assert Level.A.action == "Increase share and prefer"
    assert Level.B.action == "Keep and improve"
    assert Level.C.action == "Reduce orders, demand corrective action"
    assert Level.D.action == "End cooperation and find a replacement"


def test_a_level_uses_the_rounded_score() -> None:
    # 89.95 rounds to 90.0 -> A: the level agrees with the number the user sees
    only_quality = Weights(D(100), D(0), D(0), D(0))
    score = weighted_score(scores("89.95", None, None, None), only_quality)
    assert score == D("90.0")
    assert level_for(score) is Level.A


def test_user_thresholds() -> None:
    strict = LevelThresholds(a=D(95), b=D(85), c=D(70))
    assert level_for(D("94.9"), strict) is Level.B
    assert level_for(D("95"), strict) is Level.A
    assert level_for(D("69.9"), strict) is Level.D
    assert DEFAULT_THRESHOLDS.describe()[0] == (Level.A, "90 or more: Increase share and prefer")
    assert DEFAULT_THRESHOLDS.describe()[3] == (
        Level.D,
        "under 60: End cooperation and find a replacement",
    )


@pytest.mark.parametrize(
    ("a", "b", "c"), [(90, 90, 60), (90, 60, 75), (101, 75, 60), (90, 75, -1), (50, 75, 60)]
)
def test_thresholds_must_rise_from_c_to_a(a: int, b: int, c: int) -> None:
    with pytest.raises(ValueError, match="rise from C to A"):
        LevelThresholds(D(a), D(b), D(c))


def test_ranking_ties_share_a_rank_and_unscored_come_last() -> None:
    entries = [
        ("none", Scores()),
        ("mid", scores("70", "70", "70", "70")),
        ("top-a", scores("95", "95", "95", "95")),
        ("top-b", scores("95", "95", "95", "95")),
        ("low", scores("10", "10", "10", "10")),
        ("none-2", Scores()),
        ("partial", scores("80", "90", None, None)),  # 70 % of the weight scored
        ("quality only", scores("80", None, None, None)),  # 40 %: incomplete
    ]
    ranked = rank_suppliers(entries)
    assert [(r.key, r.rank) for r in ranked] == [
        ("top-a", 1),
        ("top-b", 1),
        ("partial", 3),
        ("mid", 4),
        ("low", 5),
        ("quality only", None),
        ("none", None),
        ("none-2", None),
    ]
    assert [r.level for r in ranked] == [
        Level.A,
        Level.A,
        Level.B,
        Level.C,
        Level.D,
        Level.INCOMPLETE,
        Level.UNKNOWN,
        Level.UNKNOWN,
    ]
    assert ranked[2].score == D("84.3")
    assert ranked[5].score == D("80.0")  # shown, but no level and no rank
    assert ranked[-1].score is None


def test_ranking_ties_on_the_rounded_score() -> None:
    only_quality = Weights(D(100), D(0), D(0), D(0))  # quality alone is all the weight
    entries = [
        ("a", scores("80.04", None, None, None)),
        ("b", scores("80.0", None, None, None)),
        ("c", scores("80.05", None, None, None)),
    ]
    ranked = rank_suppliers(entries, only_quality)
    assert [(r.key, r.score, r.rank) for r in ranked] == [
        ("c", D("80.1"), 1),
        ("a", D("80.0"), 2),
        ("b", D("80.0"), 2),
    ]


def test_a_weight_change_reorders() -> None:
    entries = [
        ("quality-first", scores("100", "0", "0", "0")),
        ("cheap", scores("0", "0", "0", "100")),
    ]
    assert rank_suppliers(entries)[0].key == "quality-first"
    cost_heavy = Weights(D(10), D(0), D(0), D(90))
    assert [r.key for r in rank_suppliers(entries, cost_heavy)] == ["cheap", "quality-first"]


def test_ranking_agrees_with_weighted_score_and_level_for() -> None:
    rnd = random.Random(7)
    weights = Weights(D("12.5"), D("37.5"), D(30), D(20))
    entries = []
    for i in range(500):
        values = [D(rnd.randint(0, 1000)) / 10 if rnd.random() > 0.2 else None for _ in range(4)]
        entries.append((i, Scores(*values)))
    by_key = {r.key: r for r in rank_suppliers(entries, weights)}
    for key, s in entries:
        expected = weighted_score(s, weights)
        assert by_key[key].score == expected
        level = Level.INCOMPLETE if is_incomplete(s, weights) else level_for(expected)
        assert by_key[key].level is level
        assert (by_key[key].rank is None) is (level in (Level.INCOMPLETE, Level.UNKNOWN))


def test_ranking_100_000_suppliers_puts_known_entries_in_place() -> None:
    rnd = random.Random(2026)
    entries: list[tuple[object, Scores]] = []
    for i in range(100_000):
        # everything random lies between 20.0 and 79.9, so the planted ones are unambiguous
        values = [D(rnd.randint(200, 799)) / 10 for _ in range(4)]
        if i % 7 == 0:
            values[3] = None  # type: ignore[call-overload]
        entries.append((i, Scores(*values)))
    entries[500] = ("best", scores("100", "100", "100", "100"))
    entries[40_000] = ("second-a", scores("99", "99", "99", "99"))
    entries[90_000] = ("second-b", scores("99", None, "99", "99"))
    entries[12_345] = ("worst", scores("0", "0", "0", "0"))
    entries[77_777] = ("unscored", Scores())
    ranked = rank_suppliers(entries, Weights(D(25), D(25), D(25), D(25)))
    assert len(ranked) == 100_000
    assert ranked[0] == ("best", D("100.0"), Level.A, 1, ())
    assert ranked[1] == ("second-a", D("99.0"), Level.A, 2, ())
    assert ranked[2] == ("second-b", D("99.0"), Level.A, 2, ())
    assert ranked[3].rank == 4
    assert ranked[-2] == ("worst", D("0.0"), Level.D, 99_999, ())
    assert ranked[-1] == ("unscored", None, Level.UNKNOWN, None, ())
    ranks = [r.rank for r in ranked[:-1]]
    scores_in_order = [r.score for r in ranked[:-1]]
    assert scores_in_order == sorted(scores_in_order, reverse=True)  # type: ignore[type-var]
    assert all(a <= b for a, b in itertools.pairwise(ranks))  # type: ignore[operator]


# --- issue 13: a level needs enough of the weight scored -----------------------------------


def test_a_single_criterion_is_not_a_level_but_incomplete_with_what_is_missing() -> None:
    """Only Cost = 100 carries 10 % of the weight: not "A, increase share and prefer"."""
    (ranked,) = rank_suppliers([("cost only", scores(None, None, None, "100"))])
    assert ranked.score == D("100.0")
    assert ranked.level is Level.INCOMPLETE and ranked.rank is None
    assert ranked.missing == (Criterion.QUALITY, Criterion.DELIVERY, Criterion.SERVICE)
    explained = explain_score(scores(None, None, None, "100"))
    assert "Incomplete: the scored criteria carry 10 % of the weight, under the 50 %" in explained
    assert "Score Quality, Delivery, Service first." in explained


@pytest.mark.parametrize(
    ("values", "level"),
    [
        ((None, "90", "90", None), Level.A),  # 30 + 20 = exactly 50 %: enough
        (("90", None, None, None), Level.INCOMPLETE),  # 40 %
        ((None, "90", None, "90"), Level.INCOMPLETE),  # 30 + 10 = 40 %
        ((None, "90", "90", "90"), Level.A),  # 60 %
    ],
)
def test_exactly_the_required_share_is_enough(values: tuple, level: Level) -> None:
    (ranked,) = rank_suppliers([("x", scores(*values))])  # default weights, 50 % required
    assert ranked.level is level
    assert is_incomplete(scores(*values)) is (level is Level.INCOMPLETE)


def test_just_under_the_required_share_is_incomplete() -> None:
    fifty = scores(None, "90", "90", None)  # 50 % of the default weight
    assert rank_suppliers([("x", fifty)], Weights(min_known=D("50.1")))[0].level is (
        Level.INCOMPLETE
    )


def test_the_required_share_is_a_setting_kept_by_the_weights() -> None:
    cost_only = [("x", scores(None, None, None, "95"))]
    assert rank_suppliers(cost_only, Weights(min_known=D(10)))[0].level is Level.A
    assert rank_suppliers(cost_only, Weights(min_known=D(11)))[0].level is Level.INCOMPLETE
    assert Weights().min_known == D(50)
    with pytest.raises(ValueError, match="between 0 and 100 %"):
        Weights(min_known=D(101))
    assert Weights.from_dict(DEFAULT_WEIGHTS.as_dict(), D(70)).min_known == D(70)


def test_incomplete_suppliers_rank_after_the_complete_and_never_shift_their_ranks() -> None:
    entries = [
        ("cost only", scores(None, None, None, "100")),
        ("good", scores("80", "80", "80", "80")),
        ("better", scores("90", "90", "90", "90")),
    ]
    ranked = rank_suppliers(entries)
    assert [(r.key, r.rank) for r in ranked] == [("better", 1), ("good", 2), ("cost only", None)]
