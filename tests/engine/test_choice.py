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


def test_options_are_shuffled_per_learner_and_stable_for_each(frozen):
    q = frozen.lesson.question("who-quotes")
    orders = {tuple(q.order_for(f"learner-{n}", frozen.lesson.id)) for n in range(30)}
    assert len(orders) > 1  # learners see different orders
    assert q.order_for("ABC234", frozen.lesson.id) == q.order_for("ABC234", frozen.lesson.id)  # reload, device
    assert sorted(q.order_for("ABC234", frozen.lesson.id)) == sorted(o.id for o in q.options)


def test_a_first_option_guesser_is_right_about_as_often_as_chance(frozen):
    """Over many learners, "always tick the first option shown" finds the right one about 1 time in 3."""
    q = frozen.lesson.question("who-quotes")
    right = {o.id for o in q.options if o.correct}
    hits = sum(q.order_for(f"learner-{n}", frozen.lesson.id)[0] in right for n in range(600))
    assert 0.25 < hits / 600 < 0.42  # chance: 1/3


def test_a_scale_keeps_the_files_order_with_shuffle_false(frozen):
    q = frozen.lesson.question("who-quotes").model_copy(update={"shuffle": False})
    assert q.order_for("anyone", frozen.lesson.id) == [o.id for o in q.options]


CUE_LESSON = """\
id: cues
title: {{fr: "Indices", en: "Cues"}}
document: {{file: seeds/rt.txt}}
level: {{fr: "Lycée", en: "Upper secondary"}}
duration_minutes: 10
introduction: {{fr: "Intro.", en: "Intro."}}
teacher_notes: {{goals: {{fr: "But.", en: "Goal."}}, discussion: {{fr: "D.", en: "D."}}}}
questions:
{questions}
"""


def _cue_lesson(orders: list[tuple[str, str]], messages: str = "choice questions") -> list[str]:
    """One-answer questions whose options are (right, wrong) texts in the given order ("X:" for a wrong
    option where none is right); the problems whose message contains ``messages``."""
    from medialit.format.loader import load_lesson_bytes
    from tests.conftest import FROZEN_KIT

    blocks = []
    for n, (first, second) in enumerate(orders):
        right_first, none_right = first.startswith("R:"), first.startswith("X:")
        options = [
            f'      - {{id: a, text: "{first[2:]}", correct: {str(right_first).lower()}, feedback: "F."}}',
            f'      - {{id: b, text: "{second[2:]}", correct: {str(not (right_first or none_right)).lower()}, '
            'feedback: "F."}',
        ]
        blocks.append(f"  - id: q{n}\n    type: choice\n    skill: sourcing\n    prompt: \"Q?\"\n"
                      "    explanation: \"E.\"\n    options:\n" + "\n".join(options))
    raw = CUE_LESSON.format(questions="\n".join(blocks)).encode()
    result = load_lesson_bytes(raw, FROZEN_KIT / "lessons" / "cues.yaml", FROZEN_KIT)
    return [p.message for p in result.problems if messages in p.message]


def test_the_validator_warns_when_the_right_option_is_always_first_and_the_longest():
    found = _cue_lesson([("R:L'agence russe Tass, citée", "W:AFP")] * 3)
    assert found == [
        "in all 3 one-answer choice questions the right option is option 1 in the file: vary its place "
        "(the printed worksheet and Moodle keep the file's order)",
        "in 3 of 3 one-answer choice questions the right option is the longest: make wrong options as specific "
        "and as long as right ones (a guesser picks the longest)",
    ]


def test_no_cue_warning_when_places_and_lengths_vary():
    assert _cue_lesson([("R:Tass", "W:Une agence française"), ("W:Un blog anonyme", "R:RT"),
                        ("R:Oui, en note", "W:Non")]) == []


def test_a_choice_question_with_no_right_option_is_reported_not_a_crash_of_the_cue_check():
    found = _cue_lesson([("R:Tass", "W:AFP"), ("W:Un blog", "R:RT"), ("X:Oui", "X:Non"), ("R:Reuters", "W:AP")],
                        messages="correct")
    assert found == ["no option is marked 'correct: true': mark the right answer(s)"]


def test_a_fault_in_a_check_is_reported_on_the_file_instead_of_raised(monkeypatch, caplog):
    from medialit.questions.choice.model import ChoiceQuestion

    def broken(cls, questions, lang):
        raise StopIteration

    monkeypatch.setattr(ChoiceQuestion, "check_together", classmethod(broken))
    found = _cue_lesson([("R:Tass", "W:AFP")] * 3, messages="could not finish")
    assert found == ["the kit could not finish checking this file (an internal error, StopIteration, in its checks); "
                     "the other lessons are not affected. Undo your last change to find the part that trips it, "
                     "and report it with this file to whoever runs the kit"]
    assert "checking lessons/cues.yaml failed" in caplog.text
