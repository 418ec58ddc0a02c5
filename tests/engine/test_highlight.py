import pytest

from medialit.language.spans import clean, prf
from tests.conftest import score


def _gold(frozen):
    question = frozen.lesson.question("scare")
    return question.gold(frozen.context(question, "fr"))


def test_highlight_exact_passages_earn_full_points(frozen):
    result = score(frozen, "scare", {"spans": [list(s) for s in _gold(frozen)]})
    assert result.earned == pytest.approx(2)
    assert [p.verdict for p in result.parts] == ["right", "right"]


def test_highlight_whitespace_and_punctuation_at_the_edges_of_a_mark_are_ignored(frozen):
    (s1, e1), (s2, e2) = _gold(frozen)
    padded = [[s1 - 1, e1 + 1], [s2 - 1, e2 + 1]]  # a space before, a comma or space after
    assert score(frozen, "scare", {"spans": padded}).earned == pytest.approx(2)


def test_highlight_half_a_passage_earns_partial_credit(frozen):
    (s1, e1), _ = _gold(frozen)
    result = score(frozen, "scare", {"spans": [[s1, s1 + 7]]})  # "poncifs"
    assert 0 < result.earned < 1
    assert result.parts[0].verdict == "partial" or result.parts[0].verdict == "right"
    assert result.parts[1].verdict == "missed"
    assert "Guillemets de distance." in result.parts[1].feedback


def test_highlight_marking_the_whole_document_scores_near_zero(frozen):
    result = score(frozen, "scare", {"spans": [[0, len(frozen.text)]]})
    assert result.earned < 0.1 * result.possible


def test_highlight_marking_every_sentence_scores_clearly_below_a_real_answer(frozen):
    text = frozen.text
    sentences, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?\n":
            sentences.append([start, i])
            start = i + 1
    spray = score(frozen, "scare", {"spans": sentences})
    real = score(frozen, "scare", {"spans": [list(s) for s in _gold(frozen)]})
    assert spray.earned < 0.3 * real.earned


def test_highlight_extra_marks_are_listed_as_marked_in_excess(frozen):
    gold = _gold(frozen)
    far = frozen.text.index("Salisbury")
    result = score(frozen, "scare", {"spans": [list(gold[0]), [far, far + 9]]})
    extra = [p for p in result.parts if p.verdict == "extra"]
    assert [p.label for p in extra] == ["Salisbury"]


def test_highlight_no_mark_is_incomplete(frozen):
    assert not score(frozen, "scare", {"spans": []}).complete
    assert not score(frozen, "scare", {"spans": [[5, 5]]}).complete


def test_span_formula_matches_semeval_by_hand():
    # S = {[0,10)}, T = {[5,15)}: overlap 5 -> P = 5/10, R = 5/10, F1 = 0.5
    assert prf([(0, 10)], [(5, 15)]) == (0.5, 0.5, 0.5)
    # two student spans, one inside the gold one: P = (1 + 0)/2, R = 4/8
    p, r, f = prf([(0, 4), (20, 24)], [(0, 8)])
    assert (p, r) == (0.5, 0.5) and f == pytest.approx(0.5)
    assert prf([], []) == (1.0, 1.0, 1.0)


def test_clean_merges_overlapping_marks_and_trims_edges():
    assert clean("  ab, cd ", [(0, 5), (3, 9)]) == [(2, 8)]
