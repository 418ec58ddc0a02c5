"""Short human codes (learner resume codes, class join codes) and pseudonym normalisation.

Codes are 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn with
:mod:`secrets` so they cannot be predicted from one another. People read them aloud and retype
them, so lookups go through :func:`normalize_code`, which forgives case, spaces and dashes.
"""

from __future__ import annotations

import re
import secrets
import unicodedata

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
PSEUDONYM_MAX = 64

# Spaces, ASCII/Unicode dashes and underscores a person may type between code characters.
_SEPARATORS = re.compile(r"[\s\-_\u2010-\u2015\u2212]+")


def new_code(length: int = CODE_LENGTH) -> str:
    """A fresh random code of ``length`` characters from :data:`ALPHABET`."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalize_code(text: str) -> str:
    """The canonical form of a typed code: upper case, without spaces or dashes.

    ``normalize_code(" abc-d23 ") == "ABCD23"``. The result may still be invalid; lookups
    simply find nothing then.
    """
    return _SEPARATORS.sub("", text).upper()


def display_code(code: str) -> str:
    """A code split in two halves for reading aloud: ``"ABCD23"`` -> ``"ABC-D23"``."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}" if len(code) >= 4 else code


def clean_pseudonym(pseudonym: str | None) -> tuple[str, str] | None:
    """``(display, key)`` for a pseudonym, or None when it is empty/blank.

    ``display`` is NFKC-normalised with runs of whitespace collapsed; ``key`` is its casefold,
    the value the uniqueness constraint is on, so "Alice", " alice " and "ALICE" collide.
    Raises ValueError when longer than :data:`PSEUDONYM_MAX` characters.
    """
    if pseudonym is None:
        return None
    display = " ".join(unicodedata.normalize("NFKC", pseudonym).split())
    if not display:
        return None
    if len(display) > PSEUDONYM_MAX:
        raise ValueError(f"pseudonym longer than {PSEUDONYM_MAX} characters")
    return display, display.casefold()
