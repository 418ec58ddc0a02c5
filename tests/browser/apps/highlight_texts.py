"""The document and overlays shown by ``highlight_app.py``; the browser tests import them too."""

from __future__ import annotations

# An accent, a typographic apostrophe ’, French guillemets, an emoji (astral: 2 UTF-16 units) before
# later words, a second paragraph, and markup that must show as text, never run. Blank lines open it,
# as they open many copied pages: they are counted in the offsets but not drawn.
TEXT = (
    "\n\n  \n"
    "Le ministre a déclaré : « L’économie va très bien » 😀 hier soir.\n"
    "C’est une affirmation forte, sans source précise. <script>alert(1)</script>"
)


def span(needle: str) -> list[int]:
    """Code-point ``[start, end]`` of the first occurrence of ``needle`` in ``TEXT``."""
    start = TEXT.index(needle)
    return [start, start + len(needle)]


LAYERS = [
    {"name": "expected", "title": "Passage attendu", "spans": [span("L’économie va très bien")]},
    {
        "name": "xray",
        "title": "Rayons X",
        "spans": [span("très bien"), span("sans source")],
        "titles": ["Intensif", "Source absente"],
    },
    {"name": "excerpt", "title": "Extrait", "spans": [span("C’est une affirmation forte")]},
]
READONLY_MARKS = [span("ministre a déclaré"), span("bien")]
HEAT = [0] * len(TEXT)
for _i in range(*span("hier soir")):
    HEAT[_i] = 3
for _i in range(*span("soir")):
    HEAT[_i] = 5
