"""Human codes (learner resume codes, class join codes) and pseudonym normalisation.

Codes are drawn with :mod:`secrets` from an alphabet without look-alikes (no 0/O, 1/I/L), so they
cannot be predicted from one another. A resume code is a key to a student's work: it is
:data:`LEARNER_CODE_LENGTH` (12) characters, about 59 bits, so that guessing finds none even at the
rate the throttle allows for a year (the arithmetic is in ``docs/deploy.md``); codes handed out
before were 6 characters and keep working. A join code only lets someone into an open class under
a pseudonym, and a class types it from the board: 6 characters. People read codes aloud and retype
them, so lookups go through :func:`normalize_code`, which forgives case, spaces and dashes.
"""

from __future__ import annotations

import re
import secrets
import unicodedata

from medialit.limits import CODE_INPUT_MAX, PSEUDONYM_MAX

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LEARNER_CODE_LENGTH = 12
JOIN_CODE_LENGTH = 6
CODE_LENGTH = LEARNER_CODE_LENGTH  # the length of new resume codes

# Spaces, ASCII/Unicode dashes and underscores a person may type between code characters.
_SEPARATORS = re.compile(r"[\s\-_\u2010-\u2015\u2212]+")
# Characters that draw nothing but make two names differ (besides the C* categories, see _invisible).
_INVISIBLE_EXTRA = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0"  # grapheme joiner, Hangul/Khmer fillers, blank braille
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))  # variation selectors
)


def new_code(length: int = LEARNER_CODE_LENGTH) -> str:
    """A fresh random code of ``length`` characters from :data:`ALPHABET`."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalize_code(text: str) -> str:
    """The canonical form of a typed code: upper case, without spaces or dashes.

    ``normalize_code(" abc-d23 ") == "ABCD23"``. The result may still be invalid; lookups simply
    find nothing then. Text longer than :data:`CODE_INPUT_MAX` is no code anyone typed: ``""``
    (and it is not even read).
    """
    if len(text) > CODE_INPUT_MAX:
        return ""
    return _SEPARATORS.sub("", text).upper()


def display_code(code: str) -> str:
    """A code in groups for reading aloud: ``"ABCD23"`` -> ``"ABC-D23"``, 12 characters in fours."""
    if len(code) > 8:
        return "-".join(code[i:i + 4] for i in range(0, len(code), 4))
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}" if len(code) >= 4 else code


def _invisible(char: str) -> bool:
    # Cc controls, Cf formats (zero-width, bidi marks, embeddings and isolates, soft hyphen, tags),
    # Cs/Co/Cn (surrogates, private use, unassigned): none is a visible part of a name.
    return unicodedata.category(char)[0] == "C" or char in _INVISIBLE_EXTRA or 0xE0100 <= ord(char) <= 0xE01EF


def visible_text(text: str) -> str:
    """``text`` without invisible characters, NFKC-normalised, with runs of white space collapsed."""
    kept = "".join(" " if char in "\t\n\r" else char for char in text if char in "\t\n\r" or not _invisible(char))
    return " ".join(unicodedata.normalize("NFKC", kept).split())


def clean_pseudonym(pseudonym: str | None) -> tuple[str, str] | None:
    """``(display, key)`` for a pseudonym, or None when nothing visible is left.

    ``display`` is :func:`visible_text` (no control, zero-width or bidi characters, NFKC, white
    space collapsed), so "Alice", "Al\\u200bice" and "Alice\\u202e" are one name; ``key`` is its
    casefold, the value the uniqueness constraint is on, so "Alice", " alice " and "ALICE" collide.
    Raises ValueError when longer than :data:`PSEUDONYM_MAX` characters (a very long text is refused
    before it is read).
    """
    if pseudonym is None:
        return None
    if len(pseudonym) > PSEUDONYM_MAX * 8:
        raise ValueError(f"pseudonym longer than {PSEUDONYM_MAX} characters")
    display = visible_text(pseudonym)
    if not display:
        return None
    if len(display) > PSEUDONYM_MAX:
        raise ValueError(f"pseudonym longer than {PSEUDONYM_MAX} characters")
    return display, display.casefold()
