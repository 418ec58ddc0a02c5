import pytest

from medialit.language.words import find_term, tokens
from tests.conftest import score


def test_free_text_model_answer_earns_full_points_in_both_languages(frozen):
    question = frozen.lesson.question("rewrite")
    for lang in ("fr", "en"):
        ctx = frozen.context(question, lang)
        assert question.score(question.ideal_answer(ctx), ctx).earned == pytest.approx(3)


def test_free_text_forgives_case_accents_apostrophes_word_forms_and_typos(frozen):
    answer = "Le SECRETAIRE GENERALE Stoltenbreg rappelait les reproches de l’Alliance à la Russie."
    result = score(frozen, "rewrite", {"text": answer})
    assert result.earned == pytest.approx(3)
    found = {p.key: p for p in result.parts}
    assert found["keeps-stoltenberg"].feedback == "trouvé : « Stoltenbreg »"  # a typo


def test_free_text_keeping_the_loaded_word_loses_the_absent_concept(frozen):
    result = score(frozen, "rewrite", {"text": "Stoltenberg a répété ses poncifs et ses critiques de la Russie."})
    parts = {p.key: p for p in result.parts}
    assert parts["drops-poncifs"].verdict == "wrong"
    assert "poncifs" in parts["drops-poncifs"].feedback
    assert result.earned == pytest.approx(0.4 * 3)  # a rewrite that keeps a judging word earns at most 40 %


def test_free_text_off_topic_answer_does_not_collect_absent_points(frozen):
    result = score(frozen, "rewrite", {"text": "Il fait beau aujourd'hui sur la ville."})
    assert result.earned == 0
    assert {p.key: p.verdict for p in result.parts}["drops-poncifs"] == "missed"


def test_free_text_bare_keyword_list_scores_clearly_below_a_real_answer(frozen):
    keywords = score(frozen, "rewrite", {"text": "Stoltenberg, critiques, positions, accusations, Russie"})
    real = score(frozen, "rewrite", {"text": "Stoltenberg a rappelé les critiques de l'Alliance envers la Russie."})
    assert real.earned == pytest.approx(3)
    assert keywords.earned <= 0.5 * real.earned
    assert "liste de mots-clés" in keywords.how


def test_free_text_too_short_and_empty_answers_are_incomplete(frozen):
    assert score(frozen, "rewrite", {"text": "  "}).message == "Écris ta réponse."
    short = score(frozen, "rewrite", {"text": "Stoltenberg parle.", }, lang="en")
    assert not short.complete and short.message == "Your answer has 2 words: write at least 4."


def test_free_text_answers_are_flagged_for_teacher_review(frozen):
    assert score(frozen, "rewrite", {"text": "Stoltenberg a rappelé les critiques."}).needs_review


def test_matching_multiword_terms_must_be_in_a_row():
    toks = tokens("le secrétaire d'État général")
    assert find_term(toks, "secrétaire général") is None
    assert find_term(tokens("le secrétaire général"), "secrétaire général") == (3, 21)


def test_matching_short_words_get_no_typo_allowance():
    assert find_term(tokens("par"), "pas") is None
    assert find_term(tokens("propagnde"), "propagande") is not None


def test_matching_an_equals_sign_asks_for_that_exact_form():
    assert find_term(tokens("il perdrait tout"), "=perdrait") == (3, 11)
    assert find_term(tokens("il perd tout"), "=perdrait") is None
    assert find_term(tokens("il perd tout"), "perdrait") is not None  # word forms by default


def test_a_headline_style_sentence_is_not_a_keyword_list():
    from medialit.language.words import looks_like_keyword_list

    text = "Russia cuts official ties with NATO after the alliance expelled eight Russian diplomats"
    assert not looks_like_keyword_list(text, tokens(text))
    listed = "Stoltenberg; critiques; Russie; TASS"
    assert looks_like_keyword_list(listed, tokens(listed))


def test_absent_concept_with_requires_needs_those_concepts(frozen):
    from medialit.questions.free_text import FreeTextQuestion

    question = FreeTextQuestion.model_validate({
        "id": "q", "type": "free_text", "skill": "loaded_language", "prompt": "p", "points": 2,
        "rubric": [
            {"id": "who", "label": "who", "terms": ["stoltenberg"]},
            {"id": "where", "label": "where", "terms": ["sommet"]},
            {"id": "no-poncifs", "label": "x", "mode": "absent", "terms": ["poncif*"], "requires": ["who"]},
        ]})
    ctx = frozen.context(question, "fr")
    vague = question.score({"text": "Il a parlé au sommet de Bruxelles."}, ctx)
    assert {p.key: p.verdict for p in vague.parts} == {"who": "missed", "where": "right", "no-poncifs": "missed"}
    full = question.score({"text": "Stoltenberg a parlé au sommet de Bruxelles."}, ctx)
    assert full.earned == 2


def test_an_examples_answer_does_not_become_a_word_of_the_lessons_topic(tmp_path):
    """A rubric test about a football match stays off-topic, and so does a student's answer like it."""
    import shutil

    from medialit.format.loader import load_lesson
    from tests.conftest import FROZEN_KIT

    shutil.copytree(FROZEN_KIT, tmp_path / "kit")
    path = tmp_path / "kit" / "lessons" / "frozen-v1.yaml"
    examples = (
        "    examples:\n"
        "      - answer: \"Le gardien de but a rappelé les critiques de l'arbitre envers le club adverse.\"\n"
        "        held: true\n"
        "      - answer: \"Le secrétaire général a rappelé les reproches de l'Alliance à la Russie.\"\n"
        "        at_least: 70\n"
    )
    text = path.read_text(encoding="utf-8")
    anchor = '    explanation: {fr: "Neutre.", en: "Neutral."}\n'
    path.write_text(text.replace(anchor, anchor + examples, 1), encoding="utf-8")
    result = load_lesson(path, tmp_path / "kit")
    assert result.ok and [str(p) for p in result.problems] == []
    assert not {"gardien", "arbitre", "club"} & result.loaded.topic
    student = score(result.loaded, "rewrite", {"text": "Le gardien de but a rappelé les critiques de l'arbitre "
                                                       "envers le club adverse."})
    assert student.pending and student.extra["held"] == "off_topic"
