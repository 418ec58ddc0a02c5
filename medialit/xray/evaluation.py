"""How well the X-ray's wording findings meet the loaded-language passages teachers chose.

The gold passages are, across the kit's lessons and drills:
- highlight passages whose technique is loaded language, name calling or exaggeration, and every
  passage (with no technique, or a wording technique such as doubt) of a question training the
  ``loaded_language`` skill;
- label excerpts whose accepted answer is one of those techniques (or any excerpt of a
  ``loaded_language`` question whose vocabulary is not the techniques).
The same passage quoted by several lessons counts once per document.

Only the wording kinds (``WORDING_KINDS``: loaded, scare_quotes, absolute, rhetorical) are scored, in
the documents that have gold passages. Two views:
- passages: a passage is found when a finding overlaps it; a finding is on target when it
  overlaps a passage (precision is a floor: lessons mark a few loaded words, not all of them);
- characters: the SemEval-2020 span precision/recall (``medialit.language.spans.prf``) over the documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from medialit.format.document import read_document
from medialit.format.library import Library
from medialit.format.loader import LoadedLesson
from medialit.language.spans import merge, overlap, prf
from medialit.questions import HighlightQuestion, LabelQuestion
from medialit.xray import WORDING_KINDS, Finding, xray

CORE = frozenset({"loaded_language", "name_calling", "exaggeration_minimisation"})
WORDING = CORE | {"doubt", "appeal_to_fear", "obfuscation"}


@dataclass(frozen=True)
class Gold:
    document: str
    start: int
    end: int
    lesson: str
    question: str
    quote: str


def _highlight_gold(loaded: LoadedLesson, question: HighlightQuestion, document: str) -> list[Gold]:
    found = []
    for i, passage in enumerate(question.passages):
        technique = passage.technique
        wanted = technique in CORE or (
            question.skill == "loaded_language" and (technique is None or technique in WORDING))
        span = loaded.spans.get((question.id, ("passages", i)))
        if wanted and span:
            found.append(Gold(document, *span, loaded.lesson.id, question.id, passage.quote))
    return found


def _label_gold(loaded: LoadedLesson, question: LabelQuestion, document: str) -> list[Gold]:
    found = []
    for i, excerpt in enumerate(question.excerpts):
        answers = set(excerpt.answer)
        wanted = bool(answers & CORE) or (
            question.skill == "loaded_language" and (question.vocabulary != "techniques" or bool(answers & WORDING)))
        span = loaded.spans.get((question.id, ("excerpts", i)))
        if wanted and span:
            found.append(Gold(excerpt.document or document, *span, loaded.lesson.id, question.id, excerpt.quote))
    return found


def gold_passages(lessons: list[LoadedLesson]) -> list[Gold]:
    """Every loaded-language passage the lessons expect, one per (document, span)."""
    seen: dict[tuple[str, int, int], Gold] = {}
    for loaded in lessons:
        document = loaded.lesson.document.file if loaded.lesson.document else ""
        for question in loaded.lesson.questions:
            if isinstance(question, HighlightQuestion):
                items = _highlight_gold(loaded, question, document)
            elif isinstance(question, LabelQuestion):
                items = _label_gold(loaded, question, document)
            else:
                items = []
            for gold in items:
                seen.setdefault((gold.document, gold.start, gold.end), gold)
    return sorted(seen.values(), key=lambda g: (g.document, g.start))


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def evaluate(library: Library, lang: str = "fr") -> dict:
    """Precision and recall of the X-ray's wording findings against the kit's loaded-language passages."""
    lessons = library.lessons()
    gold = gold_passages(lessons)
    texts = {doc: read_document(library.root / doc) for doc in sorted({g.document for g in gold})}
    findings = {doc: [f for f in xray(text, lang) if f.kind in WORDING_KINDS] for doc, text in texts.items()}
    found = [g for g in gold if any(overlap((g.start, g.end), (f.start, f.end)) for f in findings[g.document])]
    by_kind: dict[str, dict[str, float]] = {}
    for kind in WORDING_KINDS:
        mine = [(doc, f) for doc, fs in findings.items() for f in fs if f.kind == kind]
        hits = sum(1 for doc, f in mine if _on_target(f, doc, gold))
        by_kind[kind] = {"findings": len(mine), "on_target": hits, "precision": _ratio(hits, len(mine))}
    all_findings = sum(len(fs) for fs in findings.values())
    on_target = sum(int(v["on_target"]) for v in by_kind.values())
    precision, recall, f1 = _char_prf(texts, findings, gold)
    return {
        "lessons": len(lessons),
        "documents": len(texts),
        "passages": len(gold),
        "passage_level": {"found": len(found), "recall": _ratio(len(found), len(gold)),
                          "findings": all_findings, "on_target": on_target,
                          "precision": _ratio(on_target, all_findings)},
        "char_level": {"precision": precision, "recall": recall, "f1": f1},
        "by_kind": by_kind,
        "missed": [{"document": g.document, "lesson": g.lesson, "question": g.question, "quote": g.quote}
                   for g in gold if g not in found],
    }


def _on_target(finding: Finding, document: str, gold: list[Gold]) -> bool:
    return any(g.document == document and overlap((g.start, g.end), (finding.start, finding.end)) for g in gold)


def _char_prf(texts: dict[str, str], findings: dict[str, list[Finding]], gold: list[Gold]) -> tuple[float, ...]:
    """SemEval span P/R/F1 with every document laid end to end (offsets shifted per document)."""
    shift, marks, expected = 0, [], []
    for doc, text in texts.items():
        marks += [(f.start + shift, f.end + shift) for f in findings[doc]]
        expected += [(g.start + shift, g.end + shift) for g in gold if g.document == doc]
        shift += len(text) + 1
    return prf(merge(marks), merge(expected))


def report_lines(result: dict) -> list[str]:
    """The figures as the ``medialit xray-eval`` command prints them."""
    p, c = result["passage_level"], result["char_level"]
    lines = [
        f"seed (the kit's lessons): {result['passages']} loaded-language passage(s) in {result['documents']} "
        f"document(s) from {result['lessons']} lesson(s)",
        f"passages: recall {p['recall']:.0%} ({p['found']}/{result['passages']} found); "
        f"precision {p['precision']:.0%} ({p['on_target']}/{p['findings']} findings on a passage)",
        f"characters (SemEval span formula): precision {c['precision']:.0%}, recall {c['recall']:.0%}, "
        f"F1 {c['f1']:.0%}",
    ]
    for kind, row in result["by_kind"].items():
        lines.append(f"  {kind}: {row['on_target']}/{row['findings']} on target ({row['precision']:.0%})")
    if result["missed"]:
        lines.append("missed passages:")
        lines += [f"  {m['document']} [{m['lesson']} / {m['question']}]: \"{m['quote']}\"" for m in result["missed"]]
    return lines

