"""The highlight widget's interface strings (the widget's JavaScript shows them)."""

from __future__ import annotations

import functools

from medialit.i18n import tr

HIGHLIGHT_KEYS = {
    "hint": "ui_hl_hint", "remove": "ui_hl_remove", "marked": "ui_hl_marked", "empty": "ui_hl_empty",
    "count": "ui_hl_count", "mine": "ui_hl_mine", "keyboard": "ui_hl_keyboard",
    "keyboard_placeholder": "ui_hl_keyboard_placeholder", "keyboard_help": "ui_hl_keyboard_help",
}


@functools.cache
def highlight_labels(lang: str) -> dict[str, str]:
    """The widget's strings in ``lang`` (built once per language; callers copy, never change it)."""
    return {name: tr(key, lang) for name, key in HIGHLIGHT_KEYS.items()}
