"""Loading a lesson file: read safely, validate the format, locate every quote, check the content.

``load_lesson(path)`` never raises for a bad file: it returns every problem found, each with its
file, line and a fix. A lesson with errors is not served to students; warnings are allowed.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from medialit.format import messages as errors
from medialit.format.authoring import (
    byline_message,
    placeholder_message,
    placeholder_paths,
    untranslated_message,
    untranslated_paths,
)
from medialit.format.document import locate, read_document
from medialit.format.model import DocumentRef, Lesson
from medialit.format.problems import Problem, Severity
from medialit.format.text import Text, localize
from medialit.format.yamlsafe import YamlDoc, read_yaml
from medialit.language.words import tokens
from medialit.paths import inside_kit, kit_root
from medialit.questions import Context, QuestionBase
from medialit.questions.examples import example_problems
from medialit.questions.registry import question_adapter

LOG = logging.getLogger(__name__)

SubPath = tuple[str | int, ...]


@dataclass(frozen=True)
class LoadedLesson:
    """A valid lesson with its document text and every quote resolved to offsets."""

    path: Path
    display: str
    lesson: Lesson
    text: str
    spans: dict[tuple[str, SubPath], tuple[int, int]]
    texts: dict[tuple[str, SubPath], str]
    content_hash: str
    problems: tuple[Problem, ...] = ()

    @cached_property
    def topic(self) -> frozenset[str]:
        """The lesson's words (its document and every text it holds), as plain forms and lemmas: what an
        answer about this lesson may talk with (``medialit.language.reading``)."""
        return topic_of([self.text, *_strings(self.lesson.model_dump(mode="json"))])

    def t(self, text: Text | None, lang: str) -> str:
        """A lesson text in ``lang``, falling back to the lesson's own language ("" for None)."""
        return localize(text, lang, self.lesson.language)

    def context(self, question: QuestionBase, lang: str) -> Context:
        """What the question's scorer needs: the document and this question's resolved quotes."""
        return Context(
            lang=lang,
            fallback=self.lesson.language,
            text=self.text,
            spans={sub: span for (qid, sub), span in self.spans.items() if qid == question.id},
            texts={sub: t for (qid, sub), t in self.texts.items() if qid == question.id},
            topic=self.topic,
        )


def topic_of(strings: list[str]) -> frozenset[str]:
    """Every word of ``strings``, as plain forms and lemmas."""
    return frozenset(w for tok in tokens("\n".join(strings)) for w in (tok.form, tok.lemma))


def _strings(node: Any) -> list[str]:
    """Every string inside a dumped model (texts, quotes, terms), except the rubric tests' sample answers:
    an ``examples:`` answer about a football match must not make football a topic of the lesson."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for key, value in node.items() if key != "examples" for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


@dataclass
class LoadResult:
    """The outcome of loading one file: the lesson when it has no errors, and all problems."""

    path: Path
    display: str
    loaded: LoadedLesson | None = None
    problems: list[Problem] = field(default_factory=list)
    lesson_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.loaded is not None


def display_name(path: Path, root: Path | None = None) -> str:
    try:
        return str(path.resolve().relative_to((root or kit_root()).resolve()))
    except ValueError:
        return str(path)


def load_lesson(path: Path, root: Path | None = None) -> LoadResult:
    """Load and check one lesson file. Never raises for a bad file; reports every problem at once."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        root = (root or kit_root()).resolve()
        shown = display_name(path, root)
        failed = LoadResult(path=path, display=shown)
        failed.problems.append(_problem_factory(shown)(1, "error", f"the file cannot be read ({exc.strerror or exc})"))
        return failed
    return load_lesson_bytes(raw, path, root)


def load_lesson_bytes(raw: bytes, path: Path, root: Path | None = None) -> LoadResult:
    """Check ``raw`` as if it were the content of ``path`` (which is not read): what the lesson lab
    validates before saving. Documents are read from the kit ``root``. Same problems as ``load_lesson``.
    """
    root = (root or kit_root()).resolve()
    shown = display_name(path, root)
    result = LoadResult(path=path, display=shown)
    problem = _problem_factory(shown)
    doc = read_yaml(raw)
    result.problems += [problem(line, "error", msg) for line, msg in doc.problems]
    if doc.data is None:
        return result
    if not isinstance(doc.data, dict):
        result.problems.append(problem(1, "error", "a lesson file must be a list of 'key: value' lines"))
        return result
    result.lesson_id = doc.data.get("id") if isinstance(doc.data.get("id"), str) else None
    checker = _Checker(doc, root, problem)
    try:
        lesson = Lesson.model_validate(doc.data)
    except ValidationError as exc:
        for err_path, message in errors.translate(exc, Lesson, doc.data):
            checker.add(doc.line(err_path), "error", message, _question_id(doc.data, err_path))
        checker.check_parts(doc.data)  # content checks on the parts that are well formed
        result.problems += checker.problems
        result.problems.sort(key=lambda p: (p.line, p.severity))
        return result
    try:
        checker.check_lesson(lesson)
    except Exception as exc:  # noqa: BLE001 - a bug in one check must not take the other lessons down
        LOG.exception("checking %s failed", shown)
        checker.add(1, "error", f"the kit could not finish checking this file (an internal error, "
                    f"{type(exc).__name__}, in its checks); the other lessons are not affected. Undo your last "
                    "change to find the part that trips it, and report it with this file to whoever runs the kit")
    result.problems += checker.problems
    result.problems.sort(key=lambda p: (p.line, p.severity))
    if not any(p.severity == "error" for p in result.problems):
        result.loaded = LoadedLesson(
            path=path, display=shown, lesson=lesson, text=checker.text, spans=checker.spans, texts=checker.texts,
            content_hash=checker.digest(raw), problems=tuple(p for p in result.problems if p.severity == "warning"),
        )
    return result


def _problem_factory(shown: str):
    def make(line: int, severity: Severity, message: str, question: str | None = None) -> Problem:
        return Problem(file=shown, line=line, severity=severity, message=message, question=question)

    return make


def _question_id(data: dict, path: SubPath) -> str | None:
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        questions = data.get("questions")
        if isinstance(questions, list) and path[1] < len(questions) and isinstance(questions[path[1]], dict):
            qid = questions[path[1]].get("id")
            return qid if isinstance(qid, str) else None
    return None


_DOCUMENT = TypeAdapter(DocumentRef)


class _Checker:
    """Content checks beyond the format: the document, the quotes, ids, each type's own rules."""

    def __init__(self, doc: YamlDoc, root: Path, problem) -> None:
        self.doc, self.root, self.make = doc, root, problem
        self.problems: list[Problem] = []
        self.text = ""
        self.documents: dict[str, str] = {}
        self.spans: dict[tuple[str, SubPath], tuple[int, int]] = {}
        self.texts: dict[tuple[str, SubPath], str] = {}

    def add(self, line: int, severity: str, message: str, question: str | None = None) -> None:
        self.problems.append(self.make(line, severity, message, question))

    def check_lesson(self, lesson: Lesson) -> None:
        self._document(lesson.document, lesson.kind)
        self.check_unfinished(self.doc.data, lesson.document)
        self._questions(list(enumerate(lesson.questions)), lesson.document is not None, lesson.language)
        self._together(lesson)
        if lesson.kind == "lesson":
            missing = [s for s in ("sourcing", "framing", "loaded_language") if s not in lesson.skills()]
            if missing:
                self.add(self.doc.line(("questions",)), "warning",
                         f"no question trains {', '.join(missing)}: a lesson should cover all three skills")

    def _together(self, lesson: Lesson) -> None:
        """Each question type's checks across the lesson (e.g. the right option always in one place)."""
        for model in {type(q) for q in lesson.questions}:
            mine = [(i, q) for i, q in enumerate(lesson.questions) if type(q) is model]
            for index, problem in model.check_together(mine, lesson.language):
                where = ("questions", index, *problem.path)
                self.add(self.doc.line(where), problem.severity, problem.message, lesson.questions[index].id)

    def check_parts(self, data: dict) -> None:
        """Check what can be checked in a file whose format has errors (reported separately)."""
        document = None
        if isinstance(data.get("document"), dict):
            try:
                document = _DOCUMENT.validate_python(data["document"])
            except ValidationError:
                document = None
        if document is not None:
            self._document(document, "drill")
        self.check_unfinished(data, document)
        good = []
        for index, item in enumerate(data.get("questions") or [] if isinstance(data.get("questions"), list) else []):
            try:
                good.append((index, question_adapter().validate_python(item)))
            except ValidationError:
                continue
        language = str(data.get("language")) if data.get("language") in ("fr", "en") else "fr"
        self._questions(good, document is not None, language)

    def check_unfinished(self, data: Any, ref: DocumentRef | None) -> None:
        """What ``medialit new`` left to write: placeholders, and the author a byline names."""
        for path in placeholder_paths(data):
            self.add(self.doc.line(path), "warning", placeholder_message(path), _question_id(data, path))
        for path, missing in untranslated_paths(data):
            self.add(self.doc.line(path), "warning", untranslated_message(path, missing), _question_id(data, path))
        message = byline_message(self.text, ref.author) if ref is not None and self.text else None
        if message:
            self.add(self.doc.line(("document", "author")), "warning", message)

    def _document(self, ref: DocumentRef | None, kind: str) -> None:
        if ref is None:
            if kind == "lesson":
                self.add(self.doc.line(("id",)), "error",
                         "a lesson needs a 'document:' with its 'file:' (only drills may go without one)")
            return
        got = self._read(ref.file, ("document", "file"))
        if got is not None:
            self.text = got

    def _read(self, relative: str, where: SubPath, question: str | None = None) -> str | None:
        if relative in self.documents:
            return self.documents[relative]
        got = _read_kit_document(relative, self.root)
        if got.startswith("\0"):
            self.add(self.doc.line(where), "error", got[1:], question)
            return None
        self.documents[relative] = got
        return got

    def _questions(self, questions: list[tuple[int, QuestionBase]], has_document: bool, language: str) -> None:
        seen: dict[str, int] = {}
        for index, question in questions:
            qpath = ("questions", index)
            if question.id in seen:
                self.add(self.doc.line(qpath + ("id",)), "error",
                         f"the id '{question.id}' is already used by question {seen[question.id] + 1}: "
                         "give every question its own id", question.id)
            seen.setdefault(question.id, index)
            self._quotes(question, qpath, has_document)
            ctx = Context(lang=language, fallback=language, text=self.text,
                          spans={sub: s for (qid, sub), s in self.spans.items() if qid == question.id},
                          topic=self.topic)
            for finding in [*question.check(ctx), *example_problems(question, ctx)]:
                self.add(self.doc.line(qpath + finding.path), finding.severity, finding.message, question.id)
            if not question.explanation:
                self.add(self.doc.line(qpath), "warning",
                         "no 'explanation:': add one, it is shown after answering", question.id)

    @cached_property
    def topic(self) -> frozenset[str]:
        """The lesson's words, as ``LoadedLesson.topic`` (the file's strings and its document)."""
        return topic_of([self.text, *_strings(self.doc.data)])

    def _quotes(self, question: QuestionBase, qpath: SubPath, has_document: bool) -> None:
        for ref in question.all_quote_refs():
            where = self.doc.line(qpath + ref.path + ("quote",))
            if ref.document:
                source = self._read(ref.document, qpath + ref.path + ("document",), question.id)
            elif not has_document:
                self.add(where, "error", "this question quotes a document, but the file has no 'document:'; "
                         "add one, or give the excerpt its own 'document:'", question.id)
                continue
            else:
                source = self.text
            if not source:
                continue  # the unreadable document is reported once, where it is named
            lookup = locate(source, ref.quote, ref.occurrence)
            if lookup.problem:
                self.add(where, "error", lookup.problem, question.id)
            elif lookup.span:
                self.spans[(question.id, ref.path)] = lookup.span
                self.texts[(question.id, ref.path)] = source[lookup.span[0]:lookup.span[1]]

    def digest(self, raw: bytes) -> str:
        """The content hash: the lesson file and every document it quotes."""
        parts = [raw] + [self.documents[k].encode("utf-8") for k in sorted(self.documents)]
        return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


def _read_kit_document(relative: str, root: Path) -> str:
    """The document's text, or an error message prefixed with NUL (keeps one return type)."""
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts:
        return "\0" + (f"the document '{relative}' is outside the kit: give a path inside it, such as "
                       "seeds/name.txt, with no '..'")
    full = root / candidate
    if not inside_kit(full, root):
        return "\0" + f"the document '{relative}' leads outside the kit (through a link): copy the file into seeds/"
    if not full.is_file():
        return "\0" + f"the document '{relative}' does not exist{_closest_document(relative, root)}"
    try:
        return read_document(full)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return "\0" + f"the document '{relative}' cannot be read as UTF-8 text ({exc})"


def _closest_document(relative: str, root: Path) -> str:
    known = [str(p.relative_to(root)) for folder in ("seeds", "contrast") if (root / folder).is_dir()
             for p in sorted((root / folder).iterdir()) if p.is_file()]
    near = get_close_matches(relative, known, n=1, cutoff=0.4)
    return f" (closest: '{near[0]}')" if near else ""


def lesson_data(result: LoadResult) -> dict[str, Any] | None:
    """The lesson's summary for ``--json``: id, kind and its questions (id, type, skill, points)."""
    if not result.loaded:
        return None
    lesson = result.loaded.lesson
    return {
        "kind": lesson.kind,
        "questions": [{"id": q.id, "type": q.type, "skill": q.skill, "points": q.points if q.is_scored() else 0}
                      for q in lesson.questions],
    }
