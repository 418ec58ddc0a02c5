"""What one Streamlit script run sent a browser: its widgets, texts, raw messages, timings.

A fragment rerun sends only the fragment's elements; :meth:`Run.keep_outside` adds what the
browser still shows from the previous run (the elements of the other fragments and of the page).

Also how a widget's value goes on the wire (:func:`encode`): the option's *formatted* label for
radio/selectbox (``string_value``), labels for multiselect and segmented controls
(``string_array_value``), ``bool_value`` for checkboxes, ``json_value`` for components v2.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.WidgetStates_pb2 import WidgetState

ID_PREFIX = "$$ID-"
WIDGET_KINDS = frozenset({
    "button", "radio", "selectbox", "multiselect", "button_group", "checkbox", "text_area", "text_input",
    "bidi_component",
})  # fmt: skip
TEXT_KINDS = ("markdown", "alert", "heading", "code", "text", "metric", "progress")


def user_key(widget_id: str) -> str | None:
    """The ``key=`` a widget was created with, from its element id (``$$ID-<hash>-<key>``)."""
    if not widget_id.startswith(ID_PREFIX):
        return None
    parts = widget_id[len(ID_PREFIX):].split("-", 1)
    return parts[1] if len(parts) == 2 and parts[1] != "None" else None


@dataclass
class Widget:
    """One widget as the server described it in this run."""

    id: str
    key: str | None
    kind: str
    proto: Any
    fragment_id: str = ""  # the fragment that drew it ("" for the page outside any fragment)

    @property
    def options(self) -> list[str]:
        """The formatted option labels (what goes on the wire), for choice-like widgets."""
        raw = getattr(self.proto, "options", [])
        return [o.content if hasattr(o, "content") else str(o) for o in raw]

    @property
    def label(self) -> str:
        return getattr(self.proto, "label", "")

    @property
    def disabled(self) -> bool:
        return bool(getattr(self.proto, "disabled", False))

    def json_data(self) -> Any:
        """A component's ``data`` argument (components v2 send it as JSON)."""
        text = getattr(self.proto, "json", "")
        return json.loads(text) if text else None


@dataclass
class Run:
    """What one script run sent: elements, texts, raw message bytes and timings."""

    widgets: dict[str, Widget] = field(default_factory=dict)
    by_id: dict[str, Widget] = field(default_factory=dict)
    texts: list[tuple[str, str]] = field(default_factory=list)
    raw: list[bytes] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    status: str = ""
    seconds: float = 0.0
    exec_seconds: float | None = None
    elements: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    text_fragments: list[str] = field(default_factory=list)  # the fragment of each of ``texts``
    fragment_ids: tuple[str, ...] = ()  # the fragments this run reran; empty for a run of the whole page

    def add_text(self, kind: str, body: str, fragment_id: str) -> None:
        self.texts.append((kind, body))
        self.text_fragments.append(fragment_id)

    def forget_elements(self) -> None:
        """Drop the elements of a run that stopped early for a rerun (the rerun sends the page again)."""
        self.widgets, self.by_id, self.texts, self.text_fragments = {}, {}, [], []
        self.elements, self.kinds = 0, {}

    def keep_outside(self, previous: Run) -> None:
        """After a fragment rerun: add what ``previous`` showed outside the fragments this run reran."""
        rerun = set(self.fragment_ids)
        kept = [(t, f) for t, f in zip(previous.texts, previous.text_fragments, strict=True) if f not in rerun]
        self.texts = [t for t, _ in kept] + self.texts
        self.text_fragments = [f for _, f in kept] + self.text_fragments
        for widget in previous.by_id.values():
            if widget.fragment_id not in rerun and widget.id not in self.by_id:
                self.by_id[widget.id] = widget
                if widget.key:
                    self.widgets.setdefault(widget.key, widget)

    def widget(self, key: str) -> Widget:
        try:
            return self.widgets[key]
        except KeyError:
            raise KeyError(f"no widget with key {key!r} on the page; keys: {sorted(self.widgets)}") from None

    def text(self) -> str:
        """Every visible text of the run, one per line."""
        return "\n".join(body for _, body in self.texts)

    def alerts(self, kind: str | None = None) -> list[str]:
        return [body for k, body in self.texts if k.startswith("alert") and (kind is None or k == f"alert:{kind}")]

    def blob(self) -> bytes:
        """All message bytes of the run, concatenated (for leak checks)."""
        return b"".join(self.raw)


def alert_kind(proto: Any) -> str:
    """error / warning / info / success for an ``st.error``... element."""
    names = {1: "error", 2: "warning", 3: "info", 4: "success"}
    return names.get(int(getattr(proto, "format", 0)), "alert")


def encode(widget: Widget, value: Any) -> WidgetState:
    """``value`` as the browser would send it for ``widget`` (labels for option widgets)."""
    state = WidgetState(id=widget.id)
    kind = widget.kind
    if kind in ("radio", "selectbox"):
        state.string_value = _label(widget, value)
    elif kind in ("multiselect", "button_group"):
        values = value if isinstance(value, (list, tuple, set)) else [value]
        state.string_array_value.data.extend(_label(widget, v) for v in values)
    elif kind == "checkbox":
        state.bool_value = bool(value)
    elif kind in ("text_area", "text_input"):
        state.string_value = str(value)
    elif kind == "bidi_component":
        state.json_value = json.dumps(value)
    else:
        raise ValueError(f"cannot set a {kind} widget")
    return state


def _label(widget: Widget, value: Any) -> str:
    """An option given by index (int) or by its label (str): the exact label, else the one label
    containing it (pages decorate labels, e.g. "3 · Je ne sais pas" for 3)."""
    options = widget.options
    if isinstance(value, int) and not isinstance(value, bool):
        return options[value]
    if str(value) in options:
        return str(value)
    containing = [option for option in options if str(value) in option]
    if len(containing) != 1:
        raise ValueError(f"{value!r} is not an option of {widget.key!r}: {options}")
    return containing[0]
