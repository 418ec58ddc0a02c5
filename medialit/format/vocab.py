"""The controlled vocabularies of `label` questions (techniques, frames, skills, statements).

They live in one editable data file, ``medialit/data/vocabularies.yaml``, with French and
English names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from medialit.paths import DATA_FILES

VOCAB_FILE = DATA_FILES / "vocabularies.yaml"


@dataclass(frozen=True)
class Category:
    id: str
    names: dict[str, str]
    descriptions: dict[str, str]
    group: str | None = None

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("fr") or self.id

    def description(self, lang: str) -> str:
        return self.descriptions.get(lang) or self.descriptions.get("fr") or ""


@lru_cache(maxsize=1)
def vocabularies() -> dict[str, dict[str, Category]]:
    """Every vocabulary by name, each an ordered mapping of category id to Category."""
    raw = yaml.safe_load(VOCAB_FILE.read_text(encoding="utf-8"))
    result: dict[str, dict[str, Category]] = {}
    for vocab, entries in raw.items():
        result[vocab] = {
            e["id"]: Category(
                id=e["id"],
                names={"fr": e["fr"], "en": e["en"]},
                descriptions={"fr": e.get("fr_desc", ""), "en": e.get("en_desc", "")},
                group=e.get("group"),
            )
            for e in entries
        }
    return result


def vocabulary_names() -> list[str]:
    return list(vocabularies())


def category_name(vocab: str, category_id: str, lang: str) -> str:
    """The display name of a category, or its id when unknown (never raises)."""
    cat = vocabularies().get(vocab, {}).get(category_id)
    return cat.name(lang) if cat else category_id


SKILLS = tuple(vocabularies()["skills"])
