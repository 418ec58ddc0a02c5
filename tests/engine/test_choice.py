from tests.conftest import score


def test_choice_single_right_answer_earns_full_points(frozen):
    result = score(frozen, "who-quotes", {"selected": ["tass"]})
    assert result.complete and result.earned == 1 and result.possible == 1
    assert result.parts[0].verdict == "right" and result.parts[0].feedback == "Oui."


def test_choice_single_wrong_answer_earns_nothing_and_explains_itself(frozen):
    result = score(frozen, "who-quotes", {"selected": ["afp"]}, lang="en")
    assert result.earned == 0
    verdicts = {p.key: (p.verdict, p.feedback) for p in result.parts}
    assert verdicts["afp"] == ("wrong", "AFP is credited for the photo.")
    assert verdicts["tass"][0] == "missed"
    assert "Not the right answer" in result.how


def test_choice_empty_answer_is_incomplete_not_wrong(frozen):
    result = score(frozen, "who-quotes", {"selected": []})
    assert not result.complete
    assert result.message == "Choisis une réponse."


def test_choice_unknown_option_ids_are_ignored(frozen):
    assert not score(frozen, "who-quotes", {"selected": ["not-an-option"]}).complete


def test_choice_multiple_partial_credit_is_right_minus_wrong_over_number_right(frozen):
    one_right = score(frozen, "charged", {"selected": ["poncifs"]})
    assert one_right.earned == 1.0  # 1/2 x 2 points
    one_each = score(frozen, "charged", {"selected": ["poncifs", "sommet"]})
    assert one_each.earned == 0.0  # (1 - 1)/2
    assert "Right ticks: 1; wrong ones: 1; 1 − 1 = 0, for 2 expected" in score(
        frozen, "charged", {"selected": ["poncifs", "sommet"]}, lang="en").how


def test_choice_ticking_every_option_scores_clearly_below_a_real_answer(frozen):
    everything = score(frozen, "charged", {"selected": ["poncifs", "pele-mele", "sommet", "bruxelles"]})
    real = score(frozen, "charged", {"selected": ["poncifs", "pele-mele"]})
    assert real.earned == 2
    assert everything.earned == 0


def test_choice_answer_key_free_view_has_no_correct_flags_or_feedback(frozen):
    question = frozen.lesson.question("who-quotes")
    public = question.answer_key_free(frozen.context(question, "fr"))
    text = repr(public)
    assert "correct" not in text and "Rien ne le dit" not in text and "rapportés" not in text
    assert [o["id"] for o in public["options"]] == ["tass", "interview", "afp"]
