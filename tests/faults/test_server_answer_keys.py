"""Before a question is submitted, nothing the server sends the browser holds its answer key.

Checked on the wire: a simulated student walks every lesson and drill of the kit over the
websocket, keeping the bytes of every ForwardMsg (no message cache, so every element arrives in
full). Before Submit on question Q, none of them may contain Q's option feedback or
misconceptions, explanation, passage or excerpt explanations, rubric labels, terms and feedback,
or model answer; no serialized ``"correct": true`` flag; and no "expected" layer over the
document holding Q's expected passages. A probe is only tested when it is not also public text
(the document, what ``answer_key_free`` shows, hints, interface strings) or another question's
key. As a check of the check, each explanation must show up once the (right) answer is in.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest

import medialit.ui
from benchmarks.answers import widget_values
from benchmarks.harness import running_server
from benchmarks.student import Student
from benchmarks.wsclient import Run
from medialit.format.library import library
from medialit.format.loader import LoadedLesson
from medialit.format.text import Text
from medialit.format.vocab import vocabularies
from medialit.i18n import LANGS, messages
from medialit.questions import QuestionBase
from medialit.ui import keys

pytestmark = pytest.mark.slow

ASSETS = Path(medialit.ui.__file__).parent / "assets"  # the highlight widget's html/css/js
MIN_PROBE = 12  # shorter fragments (single words) would match ordinary text by chance
CORRECT_FLAGS = (b'"correct": true', b'"correct":true', b"'correct': True")


def _strings(value: object) -> list[str]:
    if isinstance(value, Text):
        return value.all_strings()
    if isinstance(value, str):
        return [value]
    return []


def secrets(q: QuestionBase) -> dict[str, list[str]]:
    """The question's answer key, as the texts that would reveal it (by kind)."""
    found: dict[str, list[str]] = {"explanation": _strings(q.explanation)}
    for option in getattr(q, "options", []) if q.type == "choice" else []:
        found.setdefault("option feedback", []).extend(_strings(option.feedback) + _strings(option.misconception))
    for item in getattr(q, "passages", []) + getattr(q, "excerpts", []):
        found.setdefault("passage/excerpt explanation", []).extend(_strings(item.explanation))
    for concept in getattr(q, "rubric", []):
        found.setdefault("rubric", []).extend(
            _strings(concept.label) + _strings(concept.feedback_found) + _strings(concept.feedback_missing)
            + [t.strip("* ") for t in concept.terms])
    found["model answer"] = _strings(getattr(q, "model_answer", None))
    return found


def probes(text: str) -> list[str]:
    """Fragments of ``text`` long enough to be telling: each line, cut at 80 characters (a short
    text, such as a rubric term, is one probe matched as a whole word)."""
    lines = [line.strip()[:80] for line in text.splitlines() if len(line.strip()) >= MIN_PROBE]
    return lines or ([text.strip()] if len(text.strip()) >= 4 else [])


class Corpus:
    """Text to look probes up in: long probes as substrings, short ones (terms) as whole words."""

    def __init__(self, *texts: str) -> None:
        self.parts: list[str] = []
        self.words: set[str] = set()
        self._joined: str | None = None
        self._folded = ""
        for text in texts:
            self.add(text)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.words.update(word.casefold() for word in re.findall(r"\w+", text))
        self._joined = None

    @property
    def text(self) -> str:
        if self._joined is None:
            self._joined = "\x00".join(self.parts)
            self._folded = self._joined.casefold()
        return self._joined

    @property
    def folded(self) -> str:
        self.text  # noqa: B018 - joins and folds when needed
        return self._folded

    def __contains__(self, probe: str) -> bool:
        if len(probe) >= MIN_PROBE:
            return probe in self.text
        if re.fullmatch(r"\w+", probe):
            return probe.casefold() in self.words
        if probe.casefold() not in self.folded:  # cheap rejection before the word-boundary search
            return False
        return re.search(rf"(?<!\w){re.escape(probe)}(?!\w)", self.text, flags=re.IGNORECASE) is not None


def public_corpus(loaded: LoadedLesson, lang: str) -> Corpus:
    """What the browser may legitimately receive about the lesson before any answer."""
    public = Corpus(loaded.text, json.dumps(loaded.lesson.model_dump(mode="json", exclude={"questions"}),
                                            ensure_ascii=False))
    for q in loaded.lesson.questions:
        public.add(json.dumps(q.answer_key_free(loaded.context(q, lang)), ensure_ascii=False))
        for hint in q.hints:
            public.add("\n".join(hint.all_strings()))
    public.add("\n".join(text for lang in LANGS for forms in messages(lang).values() for text in forms))
    for path in sorted(ASSETS.iterdir()):
        if path.is_file():
            public.add(path.read_text(encoding="utf-8"))
    for vocab in vocabularies().values():
        for category in vocab.values():
            public.add(f"{category.name(lang)}\n{category.description(lang)}")
    return public


def checkable(loaded: LoadedLesson, lang: str) -> dict[str, dict[str, list[str]]]:
    """Per question: its probes by kind, leaving out those that are public or in another question's key."""
    public = public_corpus(loaded, lang)
    keys_of = {q.id: secrets(q) for q in loaded.lesson.questions}
    out = {}
    for qid, kinds in keys_of.items():
        others = Corpus(*(t for other, ks in keys_of.items() if other != qid for ts in ks.values() for t in ts))
        out[qid] = {kind: [p for text in texts for p in probes(text) if p not in public and p not in others]
                    for kind, texts in kinds.items()}
    return out


def unescaped(text: str) -> str:
    """JSON's ``\\u00e9`` escapes read back as characters: "chass\\u00e9s" is the word "chassés", not "chass"."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


def leaks(probes_by_kind: dict[str, list[str]], sent: Corpus, own: Corpus | None = None) -> list[str]:
    """The probes found in ``sent`` (those the student typed themselves, in ``own``, excepted)."""
    return [f"{kind}: {p!r}" for kind, ps in probes_by_kind.items() for p in ps
            if p in sent and not (own is not None and p in own)]


def expected_spans_drawn(runs: list[Run], gold: list[list[int]]) -> bool:
    """True when a component in ``runs`` draws an "expected" layer holding one of the ``gold`` spans."""
    for run in runs:
        for widget in run.by_id.values():
            data = widget.json_data() if widget.kind == "bidi_component" else None
            for layer in (data or {}).get("layers", []):
                if layer.get("name") == "expected" and any(span in layer.get("spans", []) for span in gold):
                    return True
    return False


async def walk_and_check(url: str, loaded: LoadedLesson, lang: str = "fr") -> dict[str, int]:
    """Walk ``loaded`` answering right; fail on any leak; count what was tested and seen after."""
    student = Student(url, loaded, seed=9, think=(0, 0), p_right=1.0, p_retry=0.0, cache_messages=False, lang=lang)
    table = checkable(loaded, lang)
    runs: list[Run] = []
    sent = Corpus()
    counts = {"probes": 0, "explanations_seen_after": 0, "explanations": 0}

    async def act(**how: object) -> Run:
        run = await student.act(**how)  # type: ignore[arg-type]
        runs.append(run)
        sent.add(unescaped(run.blob().decode("utf-8", errors="replace")))
        return run

    await student.tab.connect()
    await act(first=True)
    for i, q in enumerate(loaded.lesson.questions):
        if i:
            await act(click=keys.step(loaded.lesson.id, "next"))
        where = f"{loaded.lesson.id}/{q.id}"
        assert not leaks(table[q.id], sent), f"{where}: {leaks(table[q.id], sent)}"
        raw = q.ideal_answer(loaded.context(q, lang))
        inputs = widget_values(loaded, q, raw, 1, lang)
        if inputs.edit:  # the student types or marks: what comes back may echo their own words
            await act(values=inputs.edit)
            own = Corpus(json.dumps(raw, ensure_ascii=False))
            assert not leaks(table[q.id], sent, own), f"{where}: {leaks(table[q.id], sent, own)}"
        counts["probes"] += sum(len(ps) for ps in table[q.id].values())
        before = b"\x00".join(run.blob() for run in runs)
        assert not any(flag in before for flag in CORRECT_FLAGS), f"{where}: a correct flag was sent"
        if q.type == "highlight":
            gold = [list(span) for span in raw["spans"]]
            assert not expected_spans_drawn(runs, gold), f"{where}: expected passages drawn"
        after = await act(click=keys.submit(loaded.lesson.id, q.id, 1), values=inputs.submit)
        explanation = table[q.id]["explanation"]
        if explanation:
            counts["explanations"] += 1
            counts["explanations_seen_after"] += any(p.encode() in after.blob() for p in explanation)
    await student.close()
    return counts


def test_no_message_before_submission_contains_the_question_s_answer_key():
    everything = library().lessons()
    with running_server() as server:

        async def walk_all() -> list[dict[str, int]]:
            return await asyncio.gather(*(walk_and_check(server.url, loaded) for loaded in everything))

        counts = asyncio.run(walk_all())
    assert sum(c["probes"] for c in counts) > 100, "too few probes were testable for the check to mean much"
    assert sum(c["explanations_seen_after"] for c in counts) == sum(c["explanations"] for c in counts), counts
