"""The lesson format: a lesson (or a drill) pairs one document with guided questions.

Strict models: unknown keys are errors; question types form a discriminated union on ``type``.
New fields always get defaults that never change, so old lesson files keep working.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from medialit.format.text import LText
from medialit.questions import Question
from medialit.questions.base import Slug, Strict

FORMAT_VERSION = 1


class DocumentRef(Strict):
    """The document and its metadata AS PRINTED in it (leave out what the document does not show)."""

    file: str = Field(description="Path inside the kit, e.g. seeds/2018-07-11_rt-france_….txt")
    title: str | None = Field(None, description="The headline as printed.")
    outlet: str | None = Field(None, description="The outlet or site as printed.")
    author: str | None = Field(None, description="The author as printed.")
    date: str | None = Field(None, description="The date as printed.")
    address: str | None = Field(None, description="The web address as printed.")
    written_for_kit: bool = Field(
        False, description="true for a contrast text written for this kit (shown plainly to students)."
    )
    note: LText | None = Field(None, description="A short note shown above the document (e.g. how it was captured).")


class Settings(Strict):
    retries: int = Field(1, ge=0, le=10, description="Extra tries allowed after a wrong or partial answer.")
    retry_penalty: float = Field(
        0.25, ge=0, le=1, description="Share of a question's points lost per extra try (Moodle's penalty)."
    )
    hint_penalty: float = Field(0.0, ge=0, le=1, description="Share of a question's points lost per hint shown.")


class TeacherNotes(Strict):
    goals: LText = Field(description="What students should be able to do after the lesson.")
    timing: LText | None = Field(None, description="How long each part takes.")
    discussion: LText = Field(description="What to discuss with the class, and when.")
    background: LText | None = Field(None, description="Outside facts the teacher may need (with their sources).")
    sources: list[str] = Field(default_factory=list, description="Sources of every outside fact (Markdown links).")


class Lesson(Strict):
    """A lesson file. ``kind: drill`` is for short exercises (in exercises/), whose document is optional."""

    format: Literal[1] = Field(1, description="The format version of this file.")
    id: Slug = Field(description="Stable id: progress and answers are stored against it.")
    kind: Literal["lesson", "drill"] = "lesson"
    status: Literal["draft", "published"] = Field(
        "published",
        description="draft: the lesson is being written; students do not see it (not in the catalogue, not "
        "offered for class sessions), the lesson lab does. 'medialit new' writes draft; change it to "
        "published when the lesson is ready.",
    )
    title: LText
    document: DocumentRef | None = None
    language: Literal["fr", "en"] = Field("fr", description="The language the lesson is written in.")
    level: LText = Field(description="For whom, e.g. 'lycée (15-18 ans)'.")
    duration_minutes: int = Field(ge=1, le=600)
    introduction: LText = Field(description="Shown to students before the first question.")
    teacher_notes: TeacherNotes
    settings: Settings = Field(default_factory=Settings)
    questions: list[Question] = Field(min_length=1)

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def skills(self) -> set[str]:
        return {q.skill for q in self.questions}

    def total_points(self) -> float:
        return sum(q.points for q in self.questions if q.is_scored())
