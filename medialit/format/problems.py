"""Problems found in a lesson file, worded for the teacher who must fix them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One problem: where it is, how bad, and what to do. ``message`` never names Python types."""

    file: str
    line: int
    severity: Severity
    message: str
    question: str | None = None

    def __str__(self) -> str:
        where = f"question '{self.question}': " if self.question else ""
        return f"{self.file}:{self.line}: {self.severity}: {where}{self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]
