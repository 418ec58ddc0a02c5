"""Careful reporting is not suspect (issue 15): a figure sourced in its own sentence, an institution speaking
through a statement or a report, a consulted document, a negated factual sentence, "published", a quote's
own words. Vague sources and unsourced figures are still flagged, so the X-ray keeps its use."""

from __future__ import annotations

import pytest

from medialit.xray import is_suspicious, xray


def kinds(text: str, lang: str = "fr") -> list[tuple[str, str, str]]:
    return [(f.kind, f.category, text[f.start:f.end]) for f in xray(text, lang)]


def suspicious(text: str, lang: str = "fr") -> list[tuple[str, str, str]]:
    return [(f.kind, f.category, text[f.start:f.end]) for f in xray(text, lang) if is_suspicious(f)]


@pytest.mark.parametrize(("text", "lang"), [
    ("D'après l'Insee, le taux de chômage a reculé à 7,3 % au deuxième trimestre.", "fr"),
    ("Le taux atteignait 38 % lundi selon la direction, « près de la moitié » selon les syndicats.", "fr"),
    ("Un sondage de l'institut Ipsos réalisé auprès de 1 002 personnes montre que 54 % des sondés sont opposés.", "fr"),
    ("Un collectif d'habitants, qui revendique 450 membres, demande un référendum.", "fr"),
    ("A survey by the Resolution Foundation found that 41% of renters had fallen behind.", "en"),
    ("Turnout was 62%, the electoral commission said in a statement.", "en"),
    ("The plant will cost £40 million, according to figures released by the company on Monday.", "en"),
])
def test_a_figure_sourced_in_its_own_sentence_is_not_unsourced(text, lang):
    assert [k for k in kinds(text, lang) if k[0] == "unsourced_figure"] == []


@pytest.mark.parametrize(("text", "lang", "source"), [
    ("La mairie a indiqué dans un communiqué que les travaux dureraient trois mois.", "fr", "La mairie"),
    ("Le syndicat a dénoncé dans un tract une « provocation ».", "fr", "Le syndicat"),
    ("La cour d'appel a confirmé la décision mardi.", "fr", "La cour d'appel"),
    ("The ministry said in its report that waiting lists had grown.", "en", "The ministry"),
    ("The union said in a statement that talks had broken down.", "en", "The union"),
])
def test_an_institution_speaking_through_a_statement_or_report_is_a_named_source(text, lang, source):
    attributions = [f for f in xray(text, lang) if f.kind == "attribution"]
    assert attributions and all(f.category == "named" for f in attributions), attributions
    assert any(f.detail and f.detail.startswith(source) for f in attributions)


def test_a_consulted_document_is_a_named_source():
    text = "Le projet serait abandonné, selon un courrier de la préfecture que notre journal a pu consulter."
    assert [k for k in kinds(text) if k[0] == "attribution"] and suspicious(text) == []
    text = "The site will close in June, according to a briefing note published by the council's legal team."
    assert suspicious(text, "en") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Aucun sondage n'a été publié à ce stade.", "fr"),
    ("Aucune nouvelle réunion n'a été programmée à ce jour.", "fr"),
    ("Personne n'a été blessé, selon les pompiers.", "fr"),
    ("No cases have been confirmed this year.", "en"),
    ("No date has been set for a decision, the council said.", "en"),
])
def test_a_negated_factual_sentence_is_not_a_generalisation(text, lang):
    assert suspicious(text, lang) == []


def test_a_sweeping_negation_is_still_a_generalisation():
    assert ("absolute", "generalisation", "jamais") in kinds("Ces gens-là ne travaillent jamais.")
    assert ("absolute", "generalisation", "never") in kinds("This was never about football.", "en")


def test_published_is_not_a_source():
    assert [k for k in kinds("Le rapport a été publié en 2024.") if k[0] == "attribution"] == []
    assert [k for k in kinds("Ce n'est pas un article publié par un média.") if k[0] == "attribution"] == []
    assert [k for k in kinds("The report was published in March.", "en") if k[0] == "attribution"] == []


def test_vague_sources_stay_anonymous_and_their_figures_unsourced():
    text = "Selon une étude, 70 % des habitants seraient contre."
    assert ("attribution", "anonymous", "Selon une étude") in kinds(text)
    assert ("unsourced_figure", "percentage", "70 %") in kinds(text)
    assert ("attribution", "anonymous", "A nurse told") in kinds("A nurse told me the wards are full.", "en")
    assert ("attribution", "anonymous") in [k[:2] for k in kinds(
        "A nurse at the county hospital told me the wards are full.", "en")]
    assert kinds("Selon un médecin qui préfère rester anonyme, les cas ont triplé.")[0][:2] == ("attribution",
                                                                                                 "anonymous")


def test_a_speakers_charged_words_in_quotation_marks_are_theirs_not_the_reporters():
    text = "« C'est une honte et une mascarade », a déclaré le maire, Jean Morel."
    assert suspicious(text) == []
    assert ("loaded", "dismissive", "mascarade") in kinds("Le maire a parlé d'une mascarade.")


def test_a_short_quoted_word_after_a_named_source_is_reported_not_disputed():
    text = "The hospital said in a statement that it had \"no unusual pressure\" on its wards."
    assert [k[1] for k in kinds(text, "en") if k[0] == "scare_quotes"] == ["reported_term"]
