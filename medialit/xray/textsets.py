"""How the X-ray does on texts its word lists were not written from: ``tests/xray/texts/{dev,heldout}``.

Each set holds loaded texts (with the passages a careful teacher marks) and neutral texts (careful
reporting, with nothing to mark). Two figures per set, as issue 15 defines them:
- recall: the share of gold loaded passages (merged where they overlap, as the SemEval span scorer
  does) that a wording finding (``WORDING_KINDS``) overlaps, per set, per language and per technique;
- suspicious findings on each neutral text (``is_suspicious``: loaded wording, a disputed term,
  an anonymous source, a figure with no source, a question or exclamation put to the reader).

``heldout/`` is measured, never tuned on: its missed passages are not listed (see the README there).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from medialit.language.spans import merge, overlap
from medialit.xray import WORDING_KINDS, Finding, is_suspicious, xray

SETS = ("dev", "heldout")
HIDDEN = frozenset({"heldout"})  # sets whose missed passages are never printed


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    techniques: tuple[str, ...]
    quote: str


@dataclass
class TextResult:
    id: str
    lang: str
    kind: str
    passages: int = 0
    found: int = 0
    suspicious: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def gold_passages(text: str, items: list[dict]) -> list[Passage]:
    """The loaded passages of one text, overlapping ones merged (their techniques kept together)."""
    spans = []
    for item in items:
        start = text.index(item["quote"])
        spans.append((start, start + len(item["quote"]), item.get("technique", "")))
    passages = []
    for start, end in merge((s, e) for s, e, _ in spans):
        techniques = tuple(sorted({t for s, e, t in spans if start <= s and e <= end}))
        passages.append(Passage(start, end, techniques, text[start:end]))
    return passages


def evaluate_text(data: dict) -> TextResult:
    text, lang = data["text"], data["language"]
    findings = xray(text, lang)
    result = TextResult(id=data["id"], lang=lang, kind=data["kind"])
    wording = [(f.start, f.end) for f in findings if f.kind in WORDING_KINDS]
    for passage in gold_passages(text, data.get("loaded") or []):
        result.passages += 1
        if any(overlap((passage.start, passage.end), span) for span in wording):
            result.found += 1
        else:
            result.missed.append(passage.quote)
    if data["kind"] == "neutral":
        result.suspicious = [_describe(text, f) for f in findings if is_suspicious(f)]
    return result


def _describe(text: str, finding: Finding) -> str:
    return f"{finding.kind}/{finding.category}: \"{' '.join(text[finding.start:finding.end].split())}\""


def load_set(folder: Path) -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yaml"))]


def evaluate_set(folder: Path) -> dict:
    """The figures of one set: recall (overall, per language, per technique) and suspicious findings."""
    texts = load_set(folder)
    results = [evaluate_text(data) for data in texts]
    by_lang: dict[str, list[int]] = {}
    by_technique: Counter[str] = Counter()
    found_technique: Counter[str] = Counter()
    for data, result in zip(texts, results, strict=True):
        counts = by_lang.setdefault(result.lang, [0, 0])
        counts[0] += result.found
        counts[1] += result.passages
        for passage in gold_passages(data["text"], data.get("loaded") or []):
            hit = passage.quote not in result.missed
            for technique in passage.techniques:
                by_technique[technique] += 1
                found_technique[technique] += int(hit)
    passages = sum(r.passages for r in results)
    found = sum(r.found for r in results)
    neutral = [r for r in results if r.kind == "neutral"]
    return {
        "set": folder.name,
        "texts": len(results),
        "passages": passages,
        "found": found,
        "recall": found / passages if passages else 0.0,
        "by_language": {lang: {"found": f, "passages": n} for lang, (f, n) in sorted(by_lang.items())},
        "by_technique": {t: {"found": found_technique[t], "passages": n} for t, n in by_technique.most_common()},
        "neutral": [{"id": r.id, "suspicious": len(r.suspicious),
                     "findings": [] if folder.name in HIDDEN else r.suspicious} for r in neutral],
        "max_suspicious": max((len(r.suspicious) for r in neutral), default=0),
        "loaded": [{"id": r.id, "found": r.found, "passages": r.passages,
                    "missed": [] if folder.name in HIDDEN else r.missed} for r in results if r.kind == "loaded"],
    }


def report_lines(result: dict) -> list[str]:
    """One set's figures as ``medialit xray-eval`` prints them."""
    lines = [
        f"{result['set']}: {result['texts']} texts; loaded passages found {result['recall']:.0%} "
        f"({result['found']}/{result['passages']}); at most {result['max_suspicious']} suspicious finding(s) "
        "on a neutral text",
        "  by language: " + ", ".join(f"{lang} {v['found']}/{v['passages']}"
                                      for lang, v in result["by_language"].items()),
        "  by technique: " + ", ".join(f"{t} {v['found']}/{v['passages']}" for t, v in result["by_technique"].items()),
    ]
    for row in result["loaded"]:
        lines.append(f"  {row['id']}: {row['found']}/{row['passages']}")
        lines += [f"    missed: \"{quote}\"" for quote in row["missed"]]
    for row in result["neutral"]:
        lines.append(f"  {row['id']}: {row['suspicious']} suspicious")
        if result["set"] not in HIDDEN:
            lines += [f"    {finding}" for finding in row["findings"]]
    if result["set"] in HIDDEN:
        lines.append("  (held-out set: measured, never tuned on; its missed passages and findings are not listed)")
    return lines
