"""The lesson lab (teacher only): open any lesson or drill file, broken ones included, or start one from a
document; edit its YAML with the validator's problems beside it; preview it as a student sees it; see
its document's X-ray; download its exports. The logic lives in ``medialit.lab.files``; the tabs in
``lab_editor``, ``lab_preview`` and ``lab_tools``.

The tabs run lazily (only the open one is drawn); the editor keeps its text across tabs and pages
(``persist_state="session"``), and each file's unsaved text is kept when another file is opened.
"""

from __future__ import annotations

import streamlit as st

from medialit.format.loader import LoadResult, display_name
from medialit.i18n import tr
from medialit.lab.files import LabError, editable_files, kit_library, start_lesson
from medialit.paths import kit_root
from medialit.ui.state import lang as ui_lang
from medialit.ui.teacher import lab_editor, lab_preview, lab_tools
from medialit.ui.teacher.auth import require_teacher

URL_PATH = "teacher-lab"
FILE_KEY, TAB_KEY = "lab-file", "lab-tab"
UPLOAD_KEY, NEW_ID_KEY, NEW_LANG_KEY, CREATE_KEY = "lab-upload", "lab-new-id", "lab-new-lang", "lab-new-create"
_NEW_ERROR = "_lab_new_error"
TABS = ("lab_tab_edit", "lab_tab_preview", "lab_tab_xray", "lab_tab_exports")


def title(lang: str) -> str:
    """The page's name in the navigation."""
    return tr("lab_nav_lab", lang)


def page() -> None:
    """The page (guarded: teacher only)."""
    lang = ui_lang()
    require_teacher(lang)
    st.title(tr("lab_nav_lab", lang))
    st.caption(tr("lab_lab_intro", lang))
    root = kit_root()
    new_lesson(lang)
    relative = file_picker(root, lang)
    if relative is None:
        return
    text = lab_editor.open_file(root, relative, lang)
    result, extra = lab_editor.check(root, relative, text)
    labels = [tr(name, lang) for name in TABS]
    edit, preview, xray_tab, exports = st.tabs(labels, key=TAB_KEY, on_change="rerun")
    if edit.open:
        with edit:
            lab_editor.render(root, relative, result, extra, lang)
    if preview.open:
        with preview:
            lab_preview.render(result, lang)
    if xray_tab.open:
        with xray_tab:
            lab_tools.xray_panel(root, text, result, lang)
    if exports.open:
        with exports:
            lab_tools.exports_panel(result, lab_editor.dirty(), lang)


def _status(result: LoadResult | None, lang: str) -> str:
    if result is None:
        return ""
    errors = sum(p.severity == "error" for p in result.problems)
    if errors:
        return "✗ " + tr("lab_file_errors", lang, n=errors)
    warnings = len(result.problems)
    state = "⚠ " + tr("lab_file_warnings", lang, n=warnings) if warnings else "✓ " + tr("lab_file_ok", lang)
    if result.loaded is not None and result.loaded.lesson.is_draft:
        state += " · ✎ " + tr("lab_file_draft", lang)
    return state


def file_picker(root, lang: str) -> str | None:
    """The file selectbox (every lesson and drill, with its state on disk); the chosen file, kit-relative."""
    files = [display_name(path, root) for path in editable_files(root)]
    if not files:
        st.info(tr("lab_no_files", lang))
        return None
    results = {r.display: r for r in kit_library(root).results()}
    chosen = st.selectbox(tr("lab_file_pick", lang), files, index=None, key=FILE_KEY, persist_state="session",
                          placeholder=tr("lab_file_placeholder", lang),
                          format_func=lambda name: f"{name}  ·  {_status(results.get(name), lang)}")
    if chosen is None:
        st.info(tr("lab_pick_first", lang))
    return chosen


def new_lesson(lang: str) -> None:
    """Upload a document and start a lesson on it (``medialit new``); the new file opens in the editor."""
    with st.expander(tr("lab_new_from_doc", lang)):  # constant arguments: it stays open across reruns
        st.file_uploader(tr("lab_upload_label", lang), type=["txt", "md"], max_upload_size=2, key=UPLOAD_KEY)
        left, right = st.columns([3, 1])
        left.text_input(
            tr("lab_new_id", lang), key=NEW_ID_KEY, help=tr("lab_new_id_help", lang), placeholder="rt-france-2024"
        )
        right.selectbox(tr("lab_new_lang", lang), ["fr", "en"], key=NEW_LANG_KEY)
        st.button(tr("lab_new_create", lang), key=CREATE_KEY, type="primary", on_click=_create, args=(lang,))
        error = st.session_state.pop(_NEW_ERROR, None)
        if error:
            st.error(error)


def _create(lang: str) -> None:
    upload = st.session_state.get(UPLOAD_KEY)
    if upload is None:
        st.session_state[_NEW_ERROR] = tr("lab_new_need_file", lang)
        return
    root = kit_root()
    try:
        path = start_lesson(
            upload.name,
            upload.getvalue(),
            (st.session_state.get(NEW_ID_KEY) or "").strip() or None,
            st.session_state.get(NEW_LANG_KEY) or "fr",
            root,
        )
    except LabError as exc:
        st.session_state[_NEW_ERROR] = exc.message(lang)
        return
    relative = display_name(path, root)
    st.session_state[FILE_KEY] = relative
    st.session_state[NEW_ID_KEY] = ""
    lab_editor.flash("success", tr("lab_new_created", lang, file=relative))
