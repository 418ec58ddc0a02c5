"""The lab's "Edit" tab: the YAML in a tall monospace box with numbered lines, the validator's problems
beside it (errors and warnings apart, each with its line and that line's text), saving, and the previous
versions.

The editor's text lives in ``st.session_state[EDITOR_KEY]`` (kept across tabs and pages); ``_BASE`` holds
the file's text as last read or saved, so the page knows what is unsaved and whether the file changed on
disk meanwhile; ``_DRAFTS`` keeps the unsaved text of files the teacher left for another.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from medialit.format.loader import LoadResult, display_name
from medialit.format.problems import Problem
from medialit.format.text import escape_markdown
from medialit.i18n import tr
from medialit.lab.files import Conflict, InvalidLesson, LabError, check_text, history, id_problems, lesson_file_id
from medialit.lab.files import save_lesson as lab_save
from medialit.paths import kit_root

EDITOR_KEY = "lab-editor"
SAVE_KEY, REVERT_KEY, OVERWRITE_KEY, RELOAD_KEY = "lab-save", "lab-revert", "lab-overwrite", "lab-reload"
HISTORY_KEY, HISTORY_LOAD_KEY = "lab-history", "lab-history-load"
_BASE, _DRAFTS, _FLASH, _CONFLICT = "_lab_base", "_lab_drafts", "_lab_flash", "_lab_conflict"
EDITOR_HEIGHT = 640
SNIPPET_CHARS = 110
_CSS = """<style>
.st-key-lab-editor textarea {
  font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace;
  font-size: 0.85rem;
  line-height: 1.45;
  tab-size: 2;
}
.st-key-lab-editor .ml-line-numbers {
  position: absolute;
  width: 44px;
  overflow: hidden;
  pointer-events: none;
  user-select: none;
  border-right: 1px solid rgba(49, 51, 63, 0.15);
  background: rgba(240, 242, 246, 0.7);
  color: rgba(49, 51, 63, 0.55);
  font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace;
  font-size: 0.75rem;
  line-height: 1.45;
}
.st-key-lab-editor .ml-line-numbers > div { position: relative; }
.st-key-lab-editor .ml-line-numbers span { position: absolute; right: 6px; font-size: 0.85rem; line-height: 1.45; }
</style>"""
_LINE_NUMBERS = (Path(__file__).resolve().parents[1] / "assets" / "line_numbers.js").read_text(encoding="utf-8")


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return ""


def open_file(root: Path, relative: str, lang: str) -> str:
    """Make ``relative`` the file in the editor (keeping the previous file's unsaved text); its text now."""
    base = st.session_state.get(_BASE)
    if base is not None and base["file"] == relative and EDITOR_KEY in st.session_state:
        return st.session_state[EDITOR_KEY]
    drafts: dict[str, str] = st.session_state.setdefault(_DRAFTS, {})
    if base is not None and EDITOR_KEY in st.session_state:
        current = st.session_state[EDITOR_KEY]
        if current != base["text"]:
            drafts[base["file"]] = current
    disk = _read(root / relative)
    st.session_state[_BASE] = {"file": relative, "text": disk}
    st.session_state.pop(_CONFLICT, None)
    draft = drafts.pop(relative, None)
    st.session_state[EDITOR_KEY] = draft if draft is not None else disk
    if draft is not None and draft != disk:
        flash("info", tr("lab_draft_restored", lang))
    return st.session_state[EDITOR_KEY]


def check(root: Path, relative: str, text: str) -> tuple[LoadResult, list[Problem]]:
    """The validator's verdict on the editor's text, and the lab's own (an id another file already uses)."""
    result = check_text(text, root / relative, root)
    return result, id_problems(text, result, root / relative, root)


def dirty() -> bool:
    """True when the editor holds text that is not the file's saved text."""
    base = st.session_state.get(_BASE)
    return base is not None and st.session_state.get(EDITOR_KEY, base["text"]) != base["text"]


def flash(kind: str, message: str, problems: list[Problem] | None = None) -> None:
    """A message shown once, under the Save button (``kind``: success, info, warning or error)."""
    st.session_state[_FLASH] = (kind, message, problems or [])


def render(root: Path, relative: str, result: LoadResult, extra: list[Problem], lang: str) -> None:
    """The editor, its buttons and messages on the left; the problems on the right."""
    st.html(_CSS)
    st.html(f"<script>{_LINE_NUMBERS}</script>", unsafe_allow_javascript=True)  # our own file, no user input
    left, right = st.columns([3, 2], gap="medium")
    with left:
        st.text_area(tr("lab_editor_label", lang, file=relative), key=EDITOR_KEY, height=EDITOR_HEIGHT,
                     persist_state="session")
        buttons(lang)
        messages(lang)
        previous_versions(root, relative, lang)
    with right:
        problems_panel(result, extra, lang)


def buttons(lang: str) -> None:
    """Save (never disabled: a click right after typing must not be lost), discard, and the unsaved mark."""
    changed = dirty()
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(tr("lab_save", lang), key=SAVE_KEY, type="primary", on_click=save, args=(lang,))
        st.button(tr("lab_revert", lang), key=REVERT_KEY, on_click=revert, disabled=not changed)
        st.caption(tr("lab_unsaved", lang) if changed else tr("lab_same_as_saved", lang))


def messages(lang: str) -> None:
    """The last save's outcome (once), and the way out of a conflict while there is one."""
    kind, message, problems = st.session_state.pop(_FLASH, (None, "", []))
    if kind:
        getattr(st, kind)(message)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            st.markdown(problem_list(errors, st.session_state.get(EDITOR_KEY, ""), lang))
    if st.session_state.get(_CONFLICT):
        st.warning(st.session_state[_CONFLICT])
        left, right = st.columns(2)
        left.button(tr("lab_overwrite", lang), key=OVERWRITE_KEY, on_click=save, args=(lang, True),
                    width="stretch")
        right.button(tr("lab_reload", lang), key=RELOAD_KEY, on_click=reload, width="stretch")


def save(lang: str, force: bool = False) -> None:
    """Save button callback: validate, refuse with the errors, or write and keep the previous version."""
    base = st.session_state.get(_BASE)
    if base is None:
        return
    root, text = kit_root(), st.session_state.get(EDITOR_KEY, "")
    try:
        saved = lab_save(root / base["file"], text, root, expected=None if force else base["text"])
    except InvalidLesson as exc:
        flash("error", exc.message(lang), exc.problems)
        return
    except Conflict as exc:
        st.session_state[_CONFLICT] = exc.message(lang)
        return
    except LabError as exc:
        flash("error", exc.message(lang))
        return
    st.session_state.pop(_CONFLICT, None)
    old_id, new_id = lesson_file_id(base["text"]), saved.result.lesson_id
    base["text"] = text
    if not saved.changed:
        flash("info", tr("lab_nothing_to_save", lang, file=base["file"]))
        return
    message = tr("lab_saved", lang, file=base["file"])
    if saved.backup is not None:
        message += " " + tr("lab_saved_backup", lang, backup=display_name(saved.backup, root))
    if old_id and new_id and old_id != new_id:
        flash("warning", message + "\n\n" + tr("lab_id_changed", lang, old=old_id, new=new_id))
    else:
        flash("success", message)


def revert() -> None:
    """Put the saved text back in the editor."""
    base = st.session_state.get(_BASE)
    if base is not None:
        st.session_state[EDITOR_KEY] = base["text"]


def reload() -> None:
    """Read the file from disk again (after a conflict); the editor's text is replaced."""
    base = st.session_state.get(_BASE)
    if base is None:
        return
    base["text"] = _read(kit_root() / base["file"])
    st.session_state[EDITOR_KEY] = base["text"]
    st.session_state.pop(_CONFLICT, None)


def previous_versions(root: Path, relative: str, lang: str) -> None:
    """The versions the lab kept, newest first; one can be loaded into the editor (then saved to restore it)."""
    try:
        versions = history(root / relative, root)
    except LabError:
        return
    if not versions:
        return
    with st.expander(tr("lab_history_title", lang, n=len(versions))):
        names = [v.name for v in versions]
        st.selectbox(tr("lab_history_pick", lang), names, key=HISTORY_KEY)
        st.button(tr("lab_history_load", lang), key=HISTORY_LOAD_KEY, on_click=_load_version,
                  args=(str(versions[0].parent), lang))


def _load_version(folder: str, lang: str) -> None:
    name = st.session_state.get(HISTORY_KEY)
    if not name:
        return
    st.session_state[EDITOR_KEY] = _read(Path(folder) / name)
    flash("info", tr("lab_history_loaded", lang, name=name))


# --------------------------------------------------------------------------- problems


def problems_panel(result: LoadResult, extra: list[Problem], lang: str) -> None:
    """Errors, then warnings, each with its line; the same words as ``medialit validate``."""
    problems = [*result.problems, *extra]
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    text = st.session_state.get(EDITOR_KEY, "")
    st.subheader(tr("lab_check_title", lang))
    st.caption(tr("lab_check_help", lang))
    base = st.session_state.get(_BASE) or {}
    old_id = lesson_file_id(base.get("text", ""))
    if old_id and result.lesson_id and old_id != result.lesson_id:
        st.warning(tr("lab_id_changed", lang, old=old_id, new=result.lesson_id))
    if not problems:
        st.success(tr("lab_no_problems", lang))
        return
    with st.container(height=EDITOR_HEIGHT - 40, border=False):
        if errors:
            st.error(tr("lab_n_errors", lang, n=len(errors)))
            st.markdown(problem_list(errors, text, lang))
        if warnings:
            st.warning(tr("lab_n_warnings", lang, n=len(warnings)))
            st.markdown(problem_list(warnings, text, lang))


def problem_list(problems: list[Problem], text: str, lang: str) -> str:
    """Problems as a Markdown list: line, question, message, and the line's own text to find it."""
    lines = text.splitlines()
    items = []
    for problem in sorted(problems, key=lambda p: p.line):
        where = f"**{tr('lab_line', lang, n=problem.line)}**"
        if problem.question:
            where += f" · {escape(tr('lab_question', lang, id=problem.question))}"
        item = f"- {where} — {escape(problem.message)}"
        source = lines[problem.line - 1].strip() if 0 < problem.line <= len(lines) else ""
        if source:
            item += "  \n  " + inline_code(source)
        items.append(item)
    return "\n".join(items)


def escape(text: str) -> str:
    """Text shown literally in Markdown (a message may hold ``*`` or ``_``, as in ``propagand*``)."""
    return escape_markdown(text)


def inline_code(source: str) -> str:
    """A line of the file as inline code, cut at ``SNIPPET_CHARS``."""
    if len(source) > SNIPPET_CHARS:
        source = source[: SNIPPET_CHARS - 1] + "…"
    fence = "``" if "`" in source else "`"
    return f"{fence} {source} {fence}" if fence == "``" else f"`{source}`"
