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


@pytest.mark.parametrize(("text", "lang"), [
    # The lede's figure, sourced in the next sentence of its paragraph (and the reverse).
    ("The museum will charge £18 from April, its trustees announced on Thursday. Children under 16 will "
     "still enter free, and residents will pay £6.", "en"),
    ("Le prix du repas va de 0,80 euro à 4,10 euros. Aucune hausse n'est prévue, a précisé la commune "
     "dans un communiqué.", "fr"),
    # A vote's result is a public record.
    ("La mesure a été adoptée jeudi par 21 voix contre 8.", "fr"),
    ("The motion was passed by 21 votes to 8.", "en"),
])
def test_a_figure_sourced_near_its_sentence_or_a_vote_tally_is_not_unsourced(text, lang):
    assert [k for k in kinds(text, lang) if k[0] == "unsourced_figure"] == []


def test_a_source_in_the_next_paragraph_does_not_source_a_figure():
    text = "La fréquentation a chuté de 40 %.\n\nSelon la direction, la saison a été bonne."
    assert ("unsourced_figure", "percentage", "40 %") in kinds(text)


@pytest.mark.parametrize(("text", "lang"), [
    # "selon" meaning "depending on" names no source and hides none.
    ("Le tarif varie selon le quotient familial.", "fr"),
    # "est prévu le 5 mars": a schedule, not a forecast by someone unnamed.
    ("Un second débat est prévu le 5 mars.", "fr"),
    # A verb inside a named speaker's quotation is the speaker's wording.
    ("« Les quantités de protéines sont calculées pour chaque âge », a expliqué l'adjointe, Claire Monteil.", "fr"),
    # The words in the quotation a verb introduces are not its source.
    ("Son chef de file, Jérôme Vasselin, a dénoncé « une décision prise sans concertation ».", "fr"),
    # An agentless "est estimé" in a sentence that names its source.
    ("Son coût est estimé à 186 millions d'euros selon le dossier d'enquête.", "fr"),
    # An institution that is not a ministry: a museum, speaking through a statement.
    ("The museum said in a statement that its grant had fallen by 38% since 2019.", "en"),
    # Wire copy's ", saying …" after the body that speaks.
    ("The river authority has postponed a decision on a £7.5 million wall, saying it needs more data.", "en"),
])
def test_careful_wording_of_news_copy_is_not_suspect(text, lang):
    assert suspicious(text, lang) == []


def test_an_agentless_verb_with_no_source_anywhere_is_still_anonymous():
    assert [k for k in kinds("Son coût est estimé à 186 millions d'euros.") if k[0] == "attribution"] == [
        ("attribution", "anonymous", "estimé")]
