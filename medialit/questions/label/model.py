"""``label``: excerpts of the document, each to be given a category from a vocabulary.

The vocabularies (23 persuasion techniques, 14 frames, the three skills, statement types) live in
``medialit/data/vocabularies.yaml``. Credit per excerpt; an excerpt may accept several categories.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from medialit.format.text import LText
from medialit.format.vocab import category_name, vocabularies
from medialit.i18n import either, tr
from medialit.questions.base import ContentProblem, Context, QuestionBase, Quoted, QuoteRef, Slug
from medialit.questions.scoring import Part, Score, incomplete


class Excerpt(Quoted):
    id: Slug
    answer: list[str] = Field(min_length=1, description="The right category id (or a list of accepted ids).")
    explanation: LText | None = None
    document: str | None = Field(
        None, description="Another document of the kit this excerpt is quoted from (drills across documents)."
    )

    @field_validator("answer", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class LabelQuestion(QuestionBase):
    type: Literal["label"]
    vocabulary: str = Field(description="techniques, frames, skills or statements.")
    categories: list[str] | None = Field(
        None, description="The categories offered to the student (default: the whole vocabulary)."
    )
    excerpts: list[Excerpt] = Field(min_length=1)

    def quote_refs(self) -> list[QuoteRef]:
        return [QuoteRef(("excerpts", i), e.quote, e.occurrence, e.document) for i, e in enumerate(self.excerpts)]

    def offered(self) -> list[str]:
        vocab = vocabularies().get(self.vocabulary, {})
        return list(self.categories) if self.categories else list(vocab)

    def score(self, answer: dict[str, Any], ctx: Context) -> Score:
        given = {k: v for k, v in ((answer or {}).get("labels") or {}).items() if v}
        done = sum(1 for e in self.excerpts if e.id in given)
        if done < len(self.excerpts):
            return incomplete(tr("label_incomplete", ctx.lang, done=done, total=len(self.excerpts)), self.points)
        each = self.points / len(self.excerpts)
        parts = []
        for i, excerpt in enumerate(self.excerpts):
            ok = given[excerpt.id] in excerpt.answer
            expected = either([category_name(self.vocabulary, a, ctx.lang) for a in excerpt.answer], ctx.lang)
            feedback = "" if ok else tr("label_expected", ctx.lang, name=expected)
            feedback = " ".join(x for x in (feedback, ctx.t(excerpt.explanation)) if x)
            span = ctx.span(("excerpts", i))
            parts.append(Part(key=excerpt.id, label=excerpt.quote, verdict="right" if ok else "wrong",
                              feedback=feedback, earned=each if ok else 0.0, possible=each,
                              spans=(span,) if span and not excerpt.document else (), quoted=True,
                              given=category_name(self.vocabulary, given[excerpt.id], ctx.lang),
                              reduced="all" if ok else "no_feedback"))
        right = sum(p.verdict == "right" for p in parts)
        earned = right * each
        how = tr("label_how", ctx.lang, right=right, total=len(parts), max=float(self.points), pts=float(earned))
        return Score(complete=True, earned=earned, possible=self.points, how=how, parts=tuple(parts))

    def answer_from(self, value: Any, ctx: Context) -> dict[str, Any]:
        ids = {e.id for e in self.excerpts}
        if not isinstance(value, dict) or not all(isinstance(k, str) and k in ids for k in value):
            raise ValueError(f"give 'excerpt id: category id' pairs for the excerpts {', '.join(sorted(ids))}")
        return {"labels": {k: str(v) for k, v in value.items()}}

    def ideal_answer(self, ctx: Context) -> dict[str, Any]:
        return {"labels": {e.id: e.answer[0] for e in self.excerpts}}

    def check(self, ctx: Context) -> list[ContentProblem]:
        vocabs = vocabularies()
        if self.vocabulary not in vocabs:
            return [ContentProblem(("vocabulary",), "error",
                            f"unknown vocabulary '{self.vocabulary}': use one of {', '.join(vocabs)}")]
        vocab = vocabs[self.vocabulary]
        found = []
        for i, cat in enumerate(self.categories or []):
            if cat not in vocab:
                found.append(ContentProblem(("categories", i), "error", _unknown(cat, self.vocabulary, vocab)))
        offered = set(self.offered())
        ids: set[str] = set()
        for i, excerpt in enumerate(self.excerpts):
            if excerpt.id in ids:
                found.append(ContentProblem(("excerpts", i, "id"), "error",
                                     f"two excerpts have the id '{excerpt.id}': give each its own id"))
            ids.add(excerpt.id)
            for answer in excerpt.answer:
                if answer not in vocab:
                    found.append(
                        ContentProblem(("excerpts", i, "answer"), "error", _unknown(answer, self.vocabulary, vocab))
                    )
                elif answer not in offered:
                    found.append(
                        ContentProblem(
                            ("excerpts", i, "answer"),
                            "error",
                            f"the answer '{answer}' is not among the 'categories' offered: add it to 'categories'",
                        )
                    )
            if not excerpt.explanation:
                found.append(
                    ContentProblem(
                        ("excerpts", i), "warning", f"the excerpt '{excerpt.id}' has no explanation: add one"
                    )
                )
        return found

    def answer_key_free(self, ctx: Context) -> dict[str, Any]:
        return {
            **super().answer_key_free(ctx),
            "vocabulary": self.vocabulary,
            "categories": [{"id": c, "name": category_name(self.vocabulary, c, ctx.lang)} for c in self.offered()],
            "excerpts": [{"id": e.id, "quote": e.quote} for e in self.excerpts],
        }


def _unknown(value: str, vocab_name: str, vocab: dict) -> str:
    """An unknown category, with the nearest id and every id the vocabulary allows."""
    from difflib import get_close_matches

    near = get_close_matches(value, list(vocab), n=1)
    hint = f" (did you mean '{near[0]}'?)" if near else ""
    return f"unknown category '{value}' in the {vocab_name} vocabulary{hint}: use one of {', '.join(vocab)}"
