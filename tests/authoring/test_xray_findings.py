"""The Document X-ray on known sentences: one group of tests per kind of finding."""

from __future__ import annotations

import time

import pytest

from medialit.format.vocab import vocabularies
from medialit.language.lexicon import CATEGORIES, language_lexicon
from medialit.language.words import tokens
from medialit.xray import KINDS, Finding, _compute, line_col, summary, xray
from medialit.xray.base import fast_tokens, split_sentences
from medialit.xray.lexicon import lexicon
from tests.authoring.conftest import SEEDS


def found(text: str, kind: str, lang: str = "fr") -> list[tuple[str, str]]:
    """(text, category) of every finding of ``kind``."""
    return [(text[f.start:f.end], f.category) for f in xray(text, lang) if f.kind == kind]


def one(text: str, kind: str, passage: str, lang: str = "fr") -> Finding:
    """The finding of ``kind`` that overlaps ``passage`` (exactly one)."""
    start = text.index(passage)
    hits = [f for f in xray(text, lang) if f.kind == kind and f.start < start + len(passage) and start < f.end]
    assert len(hits) == 1, hits
    return hits[0]


# --- scare quotes

def test_a_single_word_in_guillemets_is_a_scare_quote():
    text = "L'OTAN ne veut pas isoler la Russie malgré «l'annexion» de la Crimée"
    assert found(text, "scare_quotes") == [("«l'annexion»", "disputed_term")]
    assert one(text, "scare_quotes", "annexion").technique == "loaded_language"


def test_straight_and_curly_quotes_around_a_short_term_are_scare_quotes_too():
    assert found('un amiral US juge le "ton tranchant"', "scare_quotes") == [('"ton tranchant"', "reported_term")]
    assert found("une “opération” discrète", "scare_quotes") == [("“opération”", "disputed_term")]


def test_wire_copy_plus_signs_are_quotation_marks():
    text = 'Toutefois, "la stratégie de +méfiance de l\'ours+, la raison pour laquelle l\'Otan a été mise en place"'
    assert ("+méfiance de l'ours+", "disputed_term") in found(text, "scare_quotes")


def test_a_long_quoted_statement_is_not_a_scare_quote():
    text = "«Nous ne reconnaissons pas l'annexion de la Crimée, nous avons vu ce qui s'est passé», a-t-il dit."
    assert found(text, "scare_quotes") == []


def test_a_capitalised_quoted_label_or_name_is_not_a_scare_quote():
    assert found("En cliquant sur «Tout accepter», vous consentez au traitement par ANO « TV-Novosti ».",
                 "scare_quotes") == []


def test_a_quoted_word_after_a_verb_of_judging_is_reported_not_disputed():
    text = "Ils dénoncent l'OTAN, qu'ils qualifient d'organisation « périmée »."
    assert found(text, "scare_quotes") == [("« périmée »", "reported_term")]
    assert one(text, "scare_quotes", "périmée").technique is None


# --- absolutes

def test_chacun_le_sait_is_an_absolute_appealing_to_popularity():
    text = "Plusieurs pays ont déjà envoyé des hommes sur place à titre divers et chacun le sait."
    finding = one(text, "absolute", "chacun le sait")
    assert (text[finding.start:finding.end], finding.category) == ("chacun le sait", "certainty")
    assert finding.technique == "appeal_to_popularity"


def test_absolutes_match_the_forms_listed_only():
    assert found("Toutes les accusations, tous les pays, sans ambages.", "absolute") == [
        ("Toutes", "generalisation"), ("tous", "generalisation"), ("sans ambages", "intensifier")]
    assert found("Tout le reste est à discuter.", "absolute") == []


# --- loaded language

def test_lexicon_terms_are_found_in_any_form():
    text = "un déplacement des forces globalistes vers l'Europe"
    assert found(text, "loaded") == [("globalistes", "label")]
    assert found("les poncifs anti-russes de l'Alliance", "loaded") == [("poncifs", "dismissive"),
                                                                        ("anti-russes", "label")]
    assert found("Une attitude piteuse, une bien-pensance", "loaded") == [("piteuse", "dismissive"),
                                                                          ("bien-pensance", "label")]


def test_a_loaded_verb_is_found_in_its_conjugated_forms():
    assert found("Stoltenberg a osé annoncer que l'OTAN", "loaded") == [("osé", "loaded_verb")]
    assert found("ils osent tout", "loaded") == [("osent", "loaded_verb")]


def test_multiword_terms_need_their_words_in_a_row():
    assert found("une guerre par procuration", "loaded") == [("guerre par procuration", "frame_label")]
    assert found("une guerre, par procuration", "loaded") == []


def test_a_loaded_finding_carries_its_technique_label_and_note():
    finding = one("les forces globalistes", "loaded", "globalistes")
    assert finding.technique == "name_calling"
    assert finding.detail == "globaliste"
    assert finding.label_fr == "Étiquette péjorative" and finding.label_en == "Pejorative label"
    assert "complotiste" in finding.note_fr and "conspiracy" in finding.note_en


def test_words_inside_a_web_address_are_not_prose():
    assert found("Lire https://example.org/les-globalistes-et-le-regime ici", "loaded") == []


def test_english_text_uses_the_english_lists():
    text = "According to Reuters, the so-called peace plan is a sham, and everybody knows it."
    assert found(text, "loaded", "en") == [("so-called", "irony"), ("sham", "dismissive")]
    assert found(text, "absolute", "en") == [("everybody knows it", "certainty")]
    assert one(text, "attribution", "According", "en").detail == "Reuters"


# --- attribution

def test_remarks_reported_by_a_named_agency_are_a_named_attribution():
    text = "a-t-il ainsi commencé, reprenant toutes les accusations, dans des propos rapportés par l'agence Tass."
    finding = one(text, "attribution", "rapportés par l'agence Tass")
    assert finding.category == "named"
    assert text[finding.start:finding.end] == "rapportés par l'agence Tass"
    assert finding.detail == "l'agence Tass"


def test_the_subject_of_a_verb_of_saying_is_the_source():
    text = "En réaction, Sergueï Lavrov a déclaré que ce serait à l'Otan de faire le premier pas."
    finding = one(text, "attribution", "déclaré")
    assert (finding.category, finding.detail) == ("named", "Sergueï Lavrov")


def test_after_a_quotation_the_source_follows_the_verb():
    text = "« Rien ne doit être exclu », a déclaré M. Séjourné."
    assert one(text, "attribution", "déclaré").detail == "M. Séjourné"
    text = '"Il faut rester prioritaire", estime l\'amiral à la retraite.'
    assert one(text, "attribution", "estime").detail == "l'amiral"


def test_vague_sources_are_anonymous():
    for text, passage in [
        ("une armée qui envoyait des machines à laver sur le front nous disait-on il y a un an", "nous disait-on"),
        ("Chacun reconnaît aujourd'hui qu'un tabou a été brisé.", "Chacun reconnaît"),
        ("Selon des experts, la guerre est proche.", "Selon des experts"),
        ("Des troupes ont déclaré être prêtes.", "déclaré"),
    ]:
        assert one(text, "attribution", passage).category == "anonymous", text


def test_nouns_that_look_like_verbs_are_not_attributions():
    assert found("Le juge a tranché. La note de frais est longue. Cette réunion s'annonce tendue.", "attribution") == []


def test_the_speakers_own_words_are_not_an_attribution():
    assert found("mais je vous annonce que cela se discute ouvertement", "attribution") == []


# --- links

def test_a_markdown_link_to_hash_goes_nowhere():
    text = "comme le reporte le [NYT](#). Bref."
    finding = one(text, "link", "[NYT](#)")
    assert (text[finding.start:finding.end], finding.category, finding.detail) == ("[NYT](#)", "empty_link", None)


def test_links_name_the_domain_they_point_to():
    text = ("Voir [l'article](https://www.reuters.com/world/x), <https://www.r7media.fr/2023/07/a-b>, "
            "Mondialisation.ca et media@globalresearch.ca.")
    assert [(f.category, f.detail) for f in xray(text) if f.kind == "link"] == [
        ("link", "reuters.com"), ("url", "r7media.fr"), ("domain", "mondialisation.ca"),
        ("email", "globalresearch.ca")]


# --- dates

def test_french_iso_and_numeric_dates_are_found():
    text = ("Le 11 juillet, à Bruxelles. Publié le 28 février 2024 (2018-07-11), puis 30.10.2021 ; "
            "hier encore, comme en 1966, et ce lundi 26 février.")
    assert found(text, "date") == [
        ("11 juillet", "partial_date"), ("28 février 2024", "full_date"), ("2018-07-11", "full_date"),
        ("30.10.2021", "full_date"), ("hier", "relative_date"), ("1966", "year"),
        ("ce lundi 26 février", "partial_date")]


def test_english_dates_are_found():
    assert found("On July 11, 2018 and on 3 March 2024, last week.", "date", "en") == [
        ("July 11, 2018", "full_date"), ("3 March 2024", "full_date"), ("last week", "relative_date")]


def test_dates_inside_an_address_are_not_dates():
    assert found("https://www.r7media.fr/2023/07/pour-une-alliance", "date") == []


# --- figures with no source

def test_percentages_with_no_source_in_the_sentence_are_unsourced_figures():
    text = "En ce qui concerne la population française, c'est très clair : 24% pour, 76% contre."
    assert found(text, "unsourced_figure") == [("24%", "percentage"), ("76%", "percentage")]


def test_a_figure_with_a_named_source_in_its_sentence_is_not_flagged():
    assert found("Selon l'Ifop, 24% des Français sont pour.", "unsourced_figure") == []
    assert found("L'Otan a confirmé avoir réduit à 10 le nombre d'accréditations.", "unsourced_figure") == []


def test_dates_footnotes_and_ordinals_are_not_figures():
    text = "Le 21 août 2020, la IVe République[23] du 1er mai ; près de 4 000 hommes."
    assert found(text, "unsourced_figure") == [("4 000", "number")]


# --- rhetorical

def test_questions_and_exclamations_are_rhetorical():
    text = "Enfin, que peut l'Histoire contre le fanatisme ? Rien. Et elle y perd sa crédibilité, une paille !"
    assert found(text, "rhetorical") == [("Enfin, que peut l'Histoire contre le fanatisme ?", "question"),
                                         ("Rien.", "punchline"),
                                         ("Et elle y perd sa crédibilité, une paille !", "exclamation")]


def test_sentences_split_on_ends_not_on_abbreviations_or_decimals():
    text = "M. Macron a parlé. Il a dit 3.5 fois non ; le choc ... recherché. Fin"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "M. Macron a parlé.", "Il a dit 3.5 fois non ; le choc ... recherché.", "Fin"]


# --- every finding, the summary, the lexicon, the speed

@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_every_finding_is_labelled_and_points_inside_the_text(seed):
    text = seed.read_text(encoding="utf-8")
    techniques = vocabularies()["techniques"]
    for finding in xray(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.kind in KINDS
        assert finding.label_fr and finding.label_en and finding.note_fr and finding.note_en, finding
        assert finding.technique is None or finding.technique in techniques
        assert line_col(text, finding.start)[0] >= 1


def test_summary_counts_every_kind():
    counts = summary(xray("Les globalistes ! Chacun le sait : 24% pour. [NYT](#) le 11 juillet 2018 ?"))
    assert list(counts) == list(KINDS)
    assert counts["loaded"] == 1 and counts["link"] == 1 and counts["unsourced_figure"] == 1
    assert summary([]) == dict.fromkeys(KINDS, 0)


def test_the_lexicon_names_known_techniques_and_categories():
    lex = lexicon()
    techniques = vocabularies()["techniques"]
    assert set(lex.kinds) == set(KINDS)
    assert set(CATEGORIES) <= set(lex.categories), "every lexicon category has its name and note"
    for lang in ("fr", "en"):
        for entry in language_lexicon(lang).entries:
            assert entry.category in lex.categories, entry.term
            assert entry.technique is None or entry.technique in techniques, entry.term
            assert len(entry.words) <= 8, f"'{entry.term}': a lexicon term is a word or a formula, not a sentence"
    for name, info in lex.categories.items():
        assert info.get("fr") and info.get("en") and info.get("note_fr") and info.get("note_en"), name
        assert info.get("technique") is None or info["technique"] in techniques, name


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_the_xray_reads_words_exactly_as_the_rubric_matcher_does(seed):
    text = seed.read_text(encoding="utf-8")
    assert fast_tokens(text) == tokens(text)


def test_the_xray_runs_on_every_page_view_quickly():
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    for text in texts:
        xray(text)  # warm-up (and cache)
    started = time.perf_counter()
    for text in texts:
        assert xray(text) == xray(text)
    assert time.perf_counter() - started < 0.05
    best = min(_timed(lambda: [_compute(text, "fr") for text in texts]) for _ in range(3))
    assert best < 0.5, f"uncached X-ray of the five seeds took {best:.3f} s"


def _timed(work) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def test_odd_text_never_breaks_the_xray():
    for text in ["", " ", "«»", '"', "+", "[](", "\n\n\n", "é" * 5000, "?!", "http://", "@", "«" * 50 + "»" * 3]:
        xray(text)
        xray(text, "en")
