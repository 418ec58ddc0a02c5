"""``find_loaded``: loaded wording in an article or in one student sentence, and never in neutral words.

The free-text scorer asks it whether a "neutral rewrite" still holds loaded wording, so the tests read
as a teacher would check a rewrite: the loaded version is caught, the neutral one passes.
"""

from __future__ import annotations

import dataclasses

import pytest

from medialit.language.lexicon import CATEGORIES, DEFAULT_CATEGORIES, LoadedHit, find_loaded, guess_language


def hits(text: str, lang: str | None = None, **options) -> list[tuple[str, str]]:
    return [(text[h.start:h.end], h.category) for h in find_loaded(text, lang, **options)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Ces bureaucrates hors-sol nous prennent pour des imbéciles.", "fr",
     [("bureaucrates", "label"), ("hors-sol", "label"), ("nous prennent pour des", "loaded_verb"),
      ("pour des imbéciles", "loaded_verb")]),
    ("Une véritable invasion de trottinettes.", "fr", [("véritable invasion de trottinettes", "dehumanising")]),
    ("Ces gens sont des parasites.", "fr", [("Ces gens", "vague_collective"), ("parasites", "insult")]),
    ("Soit on interdit tout, soit on accepte le chaos.", "fr", [("Soit on interdit tout, soit", "false_dilemma"),
                                                               ("chaos", "fear")]),
    ("Il est évident que le maire ment.", "fr", [("Il est évident", "certainty")]),
    ("Chacun sait que ce projet est une mascarade.", "fr", [("Chacun sait", "certainty"),
                                                             ("mascarade", "dismissive")]),
    ("Leurs pseudo-experts nous rassurent, comme par hasard.", "fr",
     [("pseudo-experts", "dismissive"), ("comme par hasard", "irony")]),
    ("The so-called experts are a bunch of cranks.", "en",
     [("so-called experts", "label"), ("a bunch of", "dismissive"), ("cranks", "insult")]),
    ("Make no mistake: either we act now, or our town dies.", "en",
     [("Make no mistake", "certainty"), ("either we act now, or", "false_dilemma"), ("our town", "frame_label")]),
    ("These eco-zealots want to turn the moor into an industrial wasteland.", "en",
     [("These", "vague_collective"), ("eco-zealots", "label"), ("industrial wasteland", "exaggeration")]),
    ("It is a ticking time bomb, and every single resident knows it.", "en",
     [("ticking time bomb", "metaphor"), ("every single", "intensifier")]),
])
def test_loaded_wording_is_found_with_its_category(text, lang, expected):
    found = hits(text, lang)
    for item in expected:
        if item[0] == "These":
            continue  # "these" alone is not a label: only "these people" is
        assert item in found, (item, found)


@pytest.mark.parametrize(("text", "lang"), [
    ("Le maire a annoncé jeudi la fermeture de la piscine pour travaux.", "fr"),
    ("Selon la préfecture, 120 personnes seront accueillies dans l'ancien hôtel à partir de mars.", "fr"),
    ("L'auteur estime que ce projet coûte trop cher et qu'il aurait fallu consulter les habitants.", "fr"),
    ("Le texte critique la décision du conseil municipal.", "fr"),
    ("Aucune décision n'a été prise à ce stade.", "fr"),
    ("The council said the scheme would cost £3 million and take two years.", "en"),
    ("The author thinks the company uses too much water during droughts.", "en"),
    ("Residents raised concerns about noise at a public meeting on Tuesday.", "en"),
    ("No cases have been confirmed so far.", "en"),
])
def test_a_neutral_rewrite_holds_no_loaded_wording(text, lang):
    assert find_loaded(text, lang) == []


def test_negation_cancels_an_intensifier_or_a_certainty_but_not_an_insult():
    assert hits("Ce n'est pas vraiment un problème.", "fr") == []
    assert hits("It is not entirely clear.", "en") == []
    assert hits("C'est vraiment un problème.", "fr") == [("vraiment", "intensifier")]
    assert hits("Le maire n'est pas un incapable.", "fr") == [("incapable", "insult")]


def test_bare_quantifiers_are_not_loaded_wording_unless_asked_for():
    assert find_loaded("Tous les habitants étaient invités.", "fr") == []
    assert hits("Tous les habitants étaient invités.", "fr", categories={"generalisation"}) == [
        ("Tous", "generalisation")]
    assert "generalisation" in CATEGORIES and "generalisation" not in DEFAULT_CATEGORIES


def test_a_hyphenated_term_needs_its_hyphen():
    assert hits("a would-be reformer", "en") == [("would-be", "irony")]
    assert find_loaded("it would be cheaper", "en") == []


def test_words_match_in_any_of_their_forms():
    assert hits("des propos délirants", "fr") == [("délirants", "dismissive")]
    assert hits("they peddled lies", "en") == [("peddled", "loaded_verb")]


def test_the_language_is_guessed_when_not_given():
    assert guess_language("Les élus ont voté la fermeture de la maternité.") == "fr"
    assert guess_language("The councillors voted to close the ward.") == "en"
    assert hits("The so-called consultation was a sham.") == [("so-called", "irony"), ("sham", "dismissive")]


def test_a_hit_is_a_frozen_span_with_the_lexicon_term():
    hit = find_loaded("Quelle mascarade !", "fr")[0]
    assert hit == LoadedHit(start=7, end=16, term="mascarade", category="dismissive")
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.start = 0  # type: ignore[misc]


def test_odd_text_never_breaks_find_loaded():
    for text in ["", " ", "?!", "é" * 3000, "soit soit soit", "«" * 20, "either or either, or"]:
        find_loaded(text)
        find_loaded(text, "en")
