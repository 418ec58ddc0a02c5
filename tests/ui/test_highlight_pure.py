"""Pure helpers of the highlight widget: snapping, merging, sentence units, segments, passage search.

All offsets are code points (Python ``str`` indices); the browser side is checked against the same
functions in ``tests/browser/test_highlight_browser.py``.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from medialit.language.spans import clean
from medialit.ui.highlight import (
    Segment,
    _heat_runs,
    _normalize_layers,
    find_passages,
    fold_for_search,
    layer_class,
    merge_spans,
    segments,
    sentence_units,
    snap_to_words,
)

JS = Path(__file__).resolve().parents[2] / "medialit" / "ui" / "assets" / "highlight.js"
TEXT = "L’élève a lu « Le Monde » hier.\nC’est 😀 peut-être vrai !"


def span_of(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Code-point span of the n-th occurrence of ``needle``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


# ----------------------------------------------------------------------------- merge_spans


def test_merge_overlapping_and_adjacent() -> None:
    assert merge_spans([(5, 8), (0, 3), (2, 4), (8, 10)]) == [(0, 4), (5, 10)]


def test_merge_drops_empty_and_reversed() -> None:
    assert merge_spans([(3, 3), (6, 2), (1, 2)]) == [(1, 2)]


def test_merge_keeps_gaps() -> None:
    assert merge_spans([[0, 2], [3, 5]]) == [(0, 2), (3, 5)]


# ----------------------------------------------------------------------------- snap_to_words


def test_snap_half_word_grows_to_whole_words() -> None:
    text = "La ministre a déclaré hier"
    # "nistre a décl" cuts two words: both grow whole.
    s, _ = span_of(text, "nistre")
    e = text.index("décl") + 4
    assert snap_to_words(text, [(s, e)]) == [span_of(text, "ministre a déclaré")]


def test_snap_trims_spaces_and_punctuation_at_edges() -> None:
    text = "Il a dit : « c’est faux ! » puis"
    raw = (text.index(":"), text.index("»") + 2)  # ": « c’est faux ! » "
    assert snap_to_words(text, [raw]) == [span_of(text, "c’est faux")]


def test_snap_apostrophe_and_hyphen_are_inside_words() -> None:
    text = "Aujourd’hui c’est peut-être l’information."
    s = text.index("hui")
    assert snap_to_words(text, [(s, s + 1)]) == [span_of(text, "Aujourd’hui")]
    s = text.index("être")
    assert snap_to_words(text, [(s, s + 2)]) == [span_of(text, "peut-être")]


def test_snap_french_elision_is_a_separate_word() -> None:
    text = "Il veut l’information, d'enfoncer un coin, qu’il dit. Don't stop, aujourd’hui."
    s = text.index("formation")
    assert snap_to_words(text, [(s, s + 2)]) == [span_of(text, "information")]
    assert snap_to_words(text, [span_of(text, "enfoncer un coin")]) == [span_of(text, "enfoncer un coin")]
    assert snap_to_words(text, [span_of(text, "l’info")]) == [span_of(text, "l’information")]
    s = text.index("il dit")
    assert snap_to_words(text, [(s, s + 1)]) == [span_of(text, "il")]
    s = text.index("on't")
    assert snap_to_words(text, [(s, s + 2)]) == [span_of(text, "Don't")]  # not an elision
    assert snap_to_words(text, [span_of(text, "hui")]) == [span_of(text, "aujourd’hui")]


def test_snap_apostrophe_at_word_edge_is_trimmed() -> None:
    text = "les ’guillemets’ simples"
    raw = (text.index("’"), text.index("’ simples") + 1)
    assert snap_to_words(text, [raw]) == [span_of(text, "guillemets")]


def test_snap_punctuation_only_selection_disappears() -> None:
    text = "Fin. Début"
    assert snap_to_words(text, [(3, 5)]) == []


def test_snap_merges_overlapping_after_snapping() -> None:
    text = "un deux trois quatre"
    a = (text.index("eux"), text.index("eux") + 1)  # inside "deux"
    b = (text.index("deux"), text.index("trois") + 2)
    assert snap_to_words(text, [a, b]) == [span_of(text, "deux trois")]


def test_snap_clamps_and_ignores_malformed_browser_input() -> None:
    text = "abc def"
    assert snap_to_words(text, [(-5, 2), ("x", 3), (1,), (5, 99), (True, 3)]) == [(0, 3), (4, 7)]


def test_snap_is_idempotent_and_agrees_with_scoring_clean() -> None:
    raw = [(2, 9), (12, 20), (30, 38)]
    once = snap_to_words(TEXT, raw)
    assert snap_to_words(TEXT, once) == once
    assert clean(TEXT, once) == once  # the scorer's trimming keeps the widget's marks unchanged


def test_snap_with_astral_char_before_uses_code_points() -> None:
    text = "😀🎉 Le gouvernement ment."
    # In UTF-16 "gouvernement" starts 2 units later than in code points; Python offsets are code points.
    s = text.index("gouvernement")
    assert s == 6
    assert snap_to_words(text, [(s + 3, s + 5)]) == [(s, s + len("gouvernement"))]
    assert text[slice(*snap_to_words(text, [(s, s + 1)])[0])] == "gouvernement"


def test_snap_emoji_at_edges_is_trimmed() -> None:
    text = "Super 😀 vrai"
    assert snap_to_words(text, [(6, 7)]) == []
    assert snap_to_words(text, [(0, 8)]) == [(0, 5)]


def test_snap_combining_accent_is_part_of_word() -> None:
    text = "cafe\u0301 noir"  # "café" with a combining acute accent
    assert snap_to_words(text, [(1, 2)]) == [(0, 5)]


# ----------------------------------------------------------------------------- sentence_units


def test_sentence_units_split_sentences_and_lines() -> None:
    text = "Première phrase. Deuxième ?  Troisième !\n\nLigne seule\n***\n« Citée. » Fin"
    units = [text[s:e] for s, e in sentence_units(text)]
    assert units == ["Première phrase.", "Deuxième ?", "Troisième !", "Ligne seule", "« Citée. »", "Fin"]


def test_sentence_units_keep_abbreviations() -> None:
    text = "M. Dupont et Mme. Durand ont parlé. J. Martin aussi."
    units = [text[s:e] for s, e in sentence_units(text)]
    assert units == ["M. Dupont et Mme. Durand ont parlé.", "J. Martin aussi."]


def test_sentence_units_code_points() -> None:
    text = "😀 Un. Deux."
    assert sentence_units(text) == [(0, 5), (6, 11)]


# ----------------------------------------------------------------------------- find_passages


def words_of(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_fold_ignores_case_accents_and_the_kind_of_apostrophe_quote_dash_and_space() -> None:
    folded, origin = fold_for_search("L’Économie\u00a0: «\u202fŒuvre\u202f» — fin…")
    assert folded == "l'economie : \" oeuvre \" - fin..."
    assert len(origin) == len(folded)
    assert origin[folded.index("oeuvre")] == origin[folded.index("oeuvre") + 1]  # "œ" gives two letters
    assert fold_for_search("a \n\n  b")[0] == "a b"  # any run of white space is one space


def test_find_typed_words_anywhere_in_the_text_snapped_to_words() -> None:
    text = "Il a dit : « L’Otan est obsolète ». Puis : l’Otan, encore l’OTAN !"
    # Typed with a straight apostrophe, no accent, another case: every occurrence, deep in sentences too.
    assert words_of(text, find_passages(text, "l'otan")) == ["L’Otan", "l’Otan", "l’OTAN"]
    assert words_of(text, find_passages(text, "obsolete")) == ["obsolète"]
    assert words_of(text, find_passages(text, "  est obsol ")) == ["est obsolète"]  # cut word grows whole
    assert words_of(text, find_passages(text, "otan est")) == ["Otan est"]  # inside "L’Otan": the elision stays out
    assert words_of(text, find_passages(text, "« l'otan est obsolète »")) == ["L’Otan est obsolète"]


def test_find_gives_a_word_once_and_drops_punctuation_only_matches() -> None:
    text = "banana, ananas : fin."
    assert words_of(text, find_passages(text, "ana")) == ["banana", "ananas"]  # overlapping matches, one per word
    assert find_passages(text, " : ") == []
    assert find_passages(text, "   ") == []
    assert find_passages(text, "absent") == []


def test_find_spans_are_what_the_mouse_gives_for_the_same_words() -> None:
    text = "Vous êtes connecté(e) automatiquement pour 24h. Voir [10],[11] et d’enfoncer un coin."
    for query in ("connecté(e) automatiquement", "10],[11", "enfoncer un coin", "24H"):
        found = find_passages(text, query)
        assert found and snap_to_words(text, found) == found, query


def test_find_with_astral_chars_uses_code_points() -> None:
    text = "😀🎉 Le gouvernement ment. 😀 Il ment."
    assert find_passages(text, "ment") == [span_of(text, "gouvernement"), span_of(text, "ment", 1),
                                           span_of(text, "ment", 2)]


def test_widget_strings_exist_in_both_languages_with_the_same_placeholders() -> None:
    import re

    from medialit.ui.highlight import DEFAULT_LABELS
    from medialit.ui.labels import highlight_labels

    def holes(text: str) -> set[str]:
        return set(re.findall(r"\{\w+\}", text))

    fr, en = highlight_labels("fr"), highlight_labels("en")
    assert fr.keys() == en.keys() and fr.keys() <= DEFAULT_LABELS.keys()
    for name in fr:
        assert fr[name] and en[name] and fr[name] != name, name
        assert holes(fr[name]) == holes(en[name]) == holes(DEFAULT_LABELS[name]), name
    assert "{text}" in fr["found"] and "{i}" in fr["found"] and "{n}" in fr["find_count"]


# ----------------------------------------------------------------------------- segments


def test_segments_cover_text_exactly_and_cut_at_every_boundary() -> None:
    text = "abcdefghij"
    layers = [
        {"name": "expected", "spans": [[2, 6]], "title": "Attendu"},
        {"name": "xray", "spans": [[5, 8]], "titles": ["Verbe"]},
    ]
    segs = segments(text, [(0, 3)], layers)
    assert "".join(s.text for s in segs) == text
    assert [(s.start, s.end) for s in segs] == [(0, 2), (2, 3), (3, 5), (5, 6), (6, 8), (8, 10)]
    by_start = {s.start: s for s in segs}
    assert by_start[0].classes == ("seg", "mark-student")
    assert by_start[2].classes == ("seg", "mark-student", "layer-expected")
    assert by_start[5].classes == ("seg", "layer-expected", "layer-xray")
    assert by_start[5].titles == ("Attendu", "Verbe")
    assert by_start[8] == Segment(8, 10, "ij", False, (), ())


def test_segments_with_emoji_are_code_point_based() -> None:
    text = "😀 vrai"
    segs = segments(text, [(2, 6)], None)
    assert [(s.text, s.mark) for s in segs] == [("😀 ", False), ("vrai", True)]


def test_segments_heat_levels() -> None:
    text = "abcdef"
    heat = [0, 1, 1, 4, 4, 2]
    segs = segments(text, [], [], heat=heat)
    assert [(s.text, s.heat, s.heat_level) for s in segs] == [
        ("a", 0, 0),
        ("bc", 1, 2),
        ("de", 4, 5),
        ("f", 2, 3),
    ]
    assert _heat_runs(heat, 6) == ([[1, 3, 1], [3, 5, 4], [5, 6, 2]], 4)
    with pytest.raises(ValueError):
        segments(text, [], [], heat=[1, 2])


def test_segments_empty_text_and_clamped_spans() -> None:
    assert segments("", [(0, 3)], [{"name": "expected", "spans": [[0, 1]]}]) == []
    segs = segments("abc", [(-2, 99)], [{"name": "x", "spans": [[2, 50], [9, 12]]}])
    assert [(s.start, s.end, s.classes) for s in segs] == [
        (0, 2, ("seg", "mark-student")),
        (2, 3, ("seg", "mark-student", "layer-x")),
    ]


def test_layer_class_sanitizes_names() -> None:
    assert layer_class("Expected") == "layer-expected"
    assert layer_class("class A / B") == "layer-class-a-b"


# ----------------------------------------------------------------------------- Python side (AppTest)
# Not pure, but browser-free: AppTest cannot drive the component, so a browser edit is simulated by
# seeding st.session_state[key] = {"spans": ...} (its callback does not fire that way). The real
# browser round trip is in tests/browser/test_highlight_browser.py.


def _page() -> None:
    import streamlit as st

    from medialit.ui.highlight import highlight_text

    def changed() -> None:
        st.session_state["changes"] = st.session_state.get("changes", 0) + 1

    text = st.session_state.get("text", "Un deux. Trois quatre. Cinq six.")
    marks = highlight_text(text, key="hl", marks=st.session_state.get("saved"), on_change=changed)
    st.session_state["out"] = marks


@pytest.fixture
def page_test() -> object:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_page)
    at.run()
    assert not at.exception
    return at


def test_apptest_browser_value_is_snapped(page_test: object) -> None:
    at = page_test
    at.session_state["hl"] = {"spans": [[4, 5], [99, 120]]}  # inside "deux"; out of range
    at.run()
    assert at.session_state["out"] == [(3, 7)]


def test_apptest_changed_marks_argument_wins_then_persists(page_test: object) -> None:
    at = page_test
    at.session_state["hl"] = {"spans": [[3, 7]]}
    at.run()
    at.session_state["saved"] = [[9, 12]]  # the page reloads marks (database, reset button...)
    at.run()
    assert at.session_state["out"] == [(9, 14)]
    at.run()
    assert at.session_state["out"] == [(9, 14)]


def test_apptest_new_text_under_same_key_starts_fresh(page_test: object) -> None:
    at = page_test
    at.session_state["hl"] = {"spans": [[3, 7]]}
    at.run()
    at.session_state["text"] = "Autre texte, autres marques."
    at.run()
    assert at.session_state["out"] == []  # old offsets mean nothing in the new text


# ----------------------------------------------------------------------------- JS parity (Node)


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed: JS parity not checked")
def test_js_snapping_and_segments_match_python() -> None:
    """The browser snaps and segments exactly like Python (else every edit would be re-synced)."""
    text = "L’élève a dit : « c’est peut-être faux ! » 😀 d'enfoncer, aujourd’hui — Don't.\nFin…"
    rng = random.Random(7)
    spans = [sorted(rng.sample(range(len(text) + 1), 2)) for _ in range(400)]
    layers = [{"name": "expected", "spans": [[3, 12]], "title": "A"}, {"name": "xray", "spans": [[10, 30]]}]
    heat = [rng.choice([0, 0, 1, 2, 5]) for _ in text]
    script = f"""
        import {{ snapSpan, mergeSpans, buildSegments }} from {json.dumps(JS.as_uri())};
        const cps = Array.from({json.dumps(text)});
        const spans = {json.dumps(spans)};
        const snapped = spans.map(([s, e]) => snapSpan(cps, s, e));
        const marks = mergeSpans(snapped.filter(Boolean).slice(0, 6));
        const layers = {json.dumps(_normalize_layers(layers, len(text)))};
        const [runs, max] = {json.dumps(_heat_runs(heat, len(text)))};
        const segs = buildSegments(cps.length, marks, layers, runs, max).map((g) => [g.s, g.e, g.classes]);
        console.log(JSON.stringify({{ snapped, marks, segs }}));
    """
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=30, check=True
    )
    got = json.loads(done.stdout)
    want = [snap_to_words(text, [s]) for s in spans]
    assert [[tuple(x)] if x else [] for x in got["snapped"]] == want
    marks = [tuple(m) for m in got["marks"]]
    assert marks == merge_spans([w[0] for w in want if w][:6])
    expected = [[g.start, g.end, list(g.classes)] for g in segments(text, marks, layers, heat=heat)]
    assert got["segs"] == expected


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed: JS parity not checked")
def test_js_find_and_words_match_python() -> None:
    """The find field selects what ``find_passages`` finds, and keyboard selections (word to word) need
    no snapping: they are the spans a mouse selection of the same words gives."""
    text = ("L’Économie\u00a0: « c’est peut-être FAUX ! » 😀 d'enfoncer, aujourd’hui — Don't.\n"
            "Œuvre connecté(e) [10],[11] cafe\u0301 noir… l’économie, l'ECONOMIE.")
    queries = ["l'economie", "economie", "peut-etre faux", "« c'est", "oeuvre", "[10],[11]", "café", "…",
               "e", " ", "don't", "—", "nie, l'", "x", "ÉCONOMIE L"]
    script = f"""
        import {{ findPassages, wordSpans }} from {json.dumps(JS.as_uri())};
        const cps = Array.from({json.dumps(text)});
        const found = {json.dumps(queries)}.map((q) => findPassages(cps, q));
        console.log(JSON.stringify({{ found, words: wordSpans(cps) }}));
    """
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=30, check=True
    )
    got = json.loads(done.stdout)
    assert [[tuple(s) for s in spans] for spans in got["found"]] == [find_passages(text, q) for q in queries]
    assert got["found"][0] and got["found"][4]  # the comparison is not vacuous
    words = [tuple(w) for w in got["words"]]
    assert [text[s:e] for s, e in words][:4] == ["L", "Économie", "c", "est"]
    # The caret's words are the words a click-and-drag over one character grows to, all of them.
    assert {w for k in range(len(text)) for w in snap_to_words(text, [(k, k + 1)])} == set(words)
    rng = random.Random(3)
    for _ in range(200):
        i, j = sorted(rng.sample(range(len(words)), 2))
        selection = (words[i][0], words[j][1])
        assert snap_to_words(text, [selection]) == [selection]
