"""The highlight widget's interface strings (the widget's JavaScript shows them)."""

from __future__ import annotations

import functools

from medialit.i18n import tr

HIGHLIGHT_KEYS = {
    "hint": "ui_hl_hint", "remove": "ui_hl_remove", "marked": "ui_hl_marked", "empty": "ui_hl_empty",
    "count": "ui_hl_count", "mine": "ui_hl_mine",
    # keyboard mode
    "keys": "ui_hl_keys", "help": "ui_hl_help", "region": "ui_hl_region", "region_role": "ui_hl_region_role",
    "find": "ui_hl_find",
    "find_placeholder": "ui_hl_find_placeholder", "find_help": "ui_hl_find_help", "find_count": "ui_hl_find_count",
    "find_none": "ui_hl_find_none", "tools": "ui_hl_tools", "prev": "ui_hl_prev", "next": "ui_hl_next",
    "mark": "ui_hl_mark", "unmark": "ui_hl_unmark", "selected": "ui_hl_selected",
    "selected_marked": "ui_hl_selected_marked", "found": "ui_hl_found", "not_found": "ui_hl_not_found",
    "did_mark": "ui_hl_did_mark", "already": "ui_hl_already", "did_unmark": "ui_hl_did_unmark",
    "no_mark_here": "ui_hl_no_mark_here", "no_selection": "ui_hl_no_selection", "quote": "ui_hl_quote",
}


@functools.cache
def highlight_labels(lang: str) -> dict[str, str]:
    """The widget's strings in ``lang`` (built once per language; callers copy, never change it)."""
    return {name: tr(key, lang) for name, key in HIGHLIGHT_KEYS.items()}
