"""The X-ray evaluation texts (tests/xray/texts/{heldout,dev,dev2}) are well formed.

These checks are about the files only: keys, allowed values, that every gold quote occurs in its
text (once, so that it names one span), that ids are unique, and that each set is balanced. They
never run the X-ray itself.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

TEXTS = Path(__file__).resolve().parent / "texts"
SETS = ("heldout", "dev", "dev2")

LANGUAGES = {"fr", "en"}
KINDS = {"loaded", "neutral"}
TECHNIQUES = {
    "loaded_language",
    "name_calling",
    "dehumanising_metaphor",
    "sarcasm_irony",
    "intensifier",
    "exaggeration",
    "appeal_to_fear",
    "certainty_formula",
    "false_dilemma",
    "sweeping_generalisation",
    "scare_quotes",
    "rhetorical_question",
    "doubt",
}
CAREFUL = {
    "sourced_figure",
    "institution_source",
    "named_source",
    "consulted_document",
    "negated_fact",
    "hedge",
    "quotation",
}
TOP_KEYS = {"id", "language", "kind", "subject", "genre", "text", "loaded", "unsourced", "careful"}
ENTRY_KEYS = {
    "loaded": {"quote", "technique", "why"},
    "unsourced": {"quote", "why"},
    "careful": {"quote", "what", "why"},
}
MIN_TEXTS = 10
MIN_LOADED_PASSAGES = 5
MIN_WORDS, MAX_WORDS = 150, 350


def _files(set_name: str) -> list[Path]:
    return sorted((TEXTS / set_name).glob("*.yaml"))


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


ALL_FILES = [path for set_name in SETS for path in _files(set_name)]


def _file_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.parametrize("path", ALL_FILES, ids=_file_id)
def test_text_file(path: Path) -> None:
    doc = _load(path)
    assert isinstance(doc, dict), "top level must be a mapping"
    assert set(doc) == TOP_KEYS, f"keys: missing {TOP_KEYS - set(doc)}, unknown {set(doc) - TOP_KEYS}"
    assert doc["id"] == path.stem, "id must be the file name without .yaml"
    assert doc["language"] in LANGUAGES
    assert doc["kind"] in KINDS
    assert path.stem.startswith(f"{doc['language']}-{doc['kind']}-"), "name must be <lang>-<kind>-<subject>.yaml"
    for key in ("subject", "genre", "text"):
        assert isinstance(doc[key], str) and doc[key].strip(), f"{key} must be a non-empty string"
    text = doc["text"]
    words = len(text.split())
    assert MIN_WORDS <= words <= MAX_WORDS, f"{words} words, expected {MIN_WORDS}-{MAX_WORDS}"

    for section, keys in ENTRY_KEYS.items():
        entries = doc[section] or []
        assert isinstance(entries, list), f"{section} must be a list"
        for entry in entries:
            assert isinstance(entry, dict) and set(entry) == keys, f"{section} entry {entry!r}: keys must be {keys}"
            quote = entry["quote"]
            assert isinstance(quote, str) and quote.strip() == quote and quote, f"{section}: bad quote {quote!r}"
            count = text.count(quote)
            assert count >= 1, f"{section}: quote not in text: {quote!r}"
            assert count == 1, f"{section}: quote occurs {count} times, make it longer: {quote!r}"
            assert isinstance(entry["why"], str) and entry["why"].strip()
        if section == "loaded":
            bad = [e["technique"] for e in entries if e["technique"] not in TECHNIQUES]
            assert not bad, f"unknown techniques: {bad}"
        if section == "careful":
            bad = [e["what"] for e in entries if e["what"] not in CAREFUL]
            assert not bad, f"unknown careful kinds: {bad}"

    loaded = doc["loaded"] or []
    if doc["kind"] == "loaded":
        assert len(loaded) >= MIN_LOADED_PASSAGES, f"only {len(loaded)} loaded passages"
    else:
        assert len(loaded) <= 1, "a neutral text should have an empty or near-empty loaded list"
        assert doc["careful"], "a neutral text should list its careful-reporting features"


@pytest.mark.parametrize("set_name", SETS)
def test_set_is_balanced(set_name: str) -> None:
    docs = [_load(path) for path in _files(set_name)]
    assert len(docs) >= MIN_TEXTS, f"{set_name}: {len(docs)} texts, need at least {MIN_TEXTS}"
    cells = Counter((d["language"], d["kind"]) for d in docs)
    for language in LANGUAGES:
        for kind in KINDS:
            assert cells[(language, kind)] >= 1, f"{set_name}: no {language} {kind} text"
    kinds = Counter(d["kind"] for d in docs)
    assert abs(kinds["loaded"] - kinds["neutral"]) <= 1, f"{set_name}: loaded/neutral not half and half: {kinds}"


def test_ids_unique_across_sets() -> None:
    ids = Counter(_load(path)["id"] for path in ALL_FILES)
    dupes = [i for i, n in ids.items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes}"
    assert len(ALL_FILES) >= 2 * MIN_TEXTS


def test_no_stray_files() -> None:
    for set_name in SETS:
        stray = [p.name for p in (TEXTS / set_name).iterdir() if p.suffix != ".yaml"]
        assert not stray, f"{set_name}: files that are not .yaml: {stray}"
