import pytest

from medialit.questions.scoring import apply_penalties
from tests.conftest import score


def test_unscored_rating_records_the_opinion_without_points(frozen):
    result = score(frozen, "first-impression", {"value": 4})
    assert result.complete and not result.scored and result.possible == 0
    assert result.extra["value"] == 4


def test_rating_inside_the_expected_range_earns_full_credit_and_partial_by_distance(frozen):
    assert score(frozen, "final-rating", {"value": 2}).earned == 1
    assert score(frozen, "final-rating", {"value": 3}).earned == 0.5
    assert score(frozen, "final-rating", {"value": 5}).earned == 0
    assert "3: 1 away from the expected range (1–2)" in score(frozen, "final-rating", {"value": 3}, "en").how


@pytest.mark.parametrize("value", [None, 0, 6, "3", True])
def test_rating_out_of_scale_or_missing_value_is_incomplete(frozen, value):
    assert not score(frozen, "final-rating", {"value": value}).complete


def test_label_credit_per_excerpt_and_several_accepted_answers(frozen):
    result = score(frozen, "label-words", {"labels": {"poncifs": "loaded_language", "annexion": "loaded_language"}})
    assert result.earned == 1
    half = score(frozen, "label-words", {"labels": {"poncifs": "doubt", "annexion": "doubt"}}, "en")
    assert half.earned == 0.5
    assert half.parts[0].feedback.startswith("Expected: Loaded language.")


def test_label_same_category_everywhere_does_not_pay(frozen):
    result = score(frozen, "label-words", {"labels": {"poncifs": "appeal_to_authority",
                                                      "annexion": "appeal_to_authority"}})
    assert result.earned == 0


def test_label_unlabelled_excerpt_is_incomplete(frozen):
    result = score(frozen, "label-words", {"labels": {"poncifs": "doubt"}})
    assert not result.complete and result.message.startswith("Donne une catégorie à chaque extrait (1 sur 2")


def test_retry_penalty_is_moodles_max_raw_minus_tries_times_penalty(frozen):
    raw = score(frozen, "charged", {"selected": ["poncifs", "pele-mele"]}, "en")
    after_one = apply_penalties(raw, retries_used=1, retry_penalty=0.5, hints_used=0, hint_penalty=0, lang="en")
    assert after_one.earned == 1.0
    after_three = apply_penalties(raw, retries_used=3, retry_penalty=0.5, hints_used=0, hint_penalty=0, lang="en")
    assert after_three.earned == 0
    with_hint = apply_penalties(raw, retries_used=0, retry_penalty=0.5, hints_used=1, hint_penalty=0.1, lang="en")
    assert with_hint.earned == pytest.approx(1.8)
    assert "1 hint: −0.2 pt" in with_hint.how


def test_score_round_trips_through_a_dict(frozen):
    from medialit.questions.scoring import Score

    result = score(frozen, "scare", {"spans": [[0, 40]]})
    assert Score.from_dict(result.to_dict()) == result
