"""The exports page: every answer (CSV), the gradebook sheet (CSV, one row per student) and the printable report."""

from __future__ import annotations

import streamlit as st

from medialit.classroom.csv_export import class_csv, csv_file_name, gradebook_csv
from medialit.classroom.data import load_class
from medialit.classroom.report import class_report
from medialit.i18n import tr
from medialit.store import get_store
from medialit.ui.state import lang as ui_lang
from medialit.ui.teacher.auth import require_teacher
from medialit.ui.teacher.selection import session_picker

URL_PATH = "teacher-exports"
CSV_KEY, BOOK_KEY, REPORT_KEY, NAMES_KEY = "export-csv", "export-gradebook", "export-report", "export-no-names"


def page() -> None:
    """The page (guarded: teacher only)."""
    lang = ui_lang()
    require_teacher(lang)
    st.title(tr("class_nav_exports", lang))
    klass = session_picker(lang)
    if klass is None:
        return
    downloads(klass.id, lang)


@st.fragment
def downloads(class_session_id: int, lang: str) -> None:
    """Both downloads, built from the store now (a fragment: ticking the names option redraws only this)."""
    data = load_class(get_store(), class_session_id, lang)
    if data is None:
        return
    st.subheader(tr("class_gradebook", lang))
    st.caption(tr("class_gradebook_help", lang))
    st.download_button(
        tr("class_download_gradebook", lang, n=len(data.learners)),
        gradebook_csv(data, lang),
        file_name=csv_file_name(data, "gradebook"),
        mime="text/csv",
        key=BOOK_KEY,
        on_click="ignore",
    )
    st.subheader(tr("class_csv", lang))
    st.caption(tr("class_csv_help", lang))
    st.download_button(
        tr("class_download_csv", lang, n=len(data.answers)),
        class_csv(data),
        file_name=csv_file_name(data, "answers"),
        mime="text/csv",
        key=CSV_KEY,
        on_click="ignore",
    )
    st.subheader(tr("class_report", lang))
    leave_out = st.checkbox(tr("class_report_names", lang), key=NAMES_KEY)
    st.caption(tr("class_report_help", lang))
    report = class_report(data, include_names=not leave_out)
    st.download_button(
        tr("class_download_report", lang),
        report.encode("utf-8"),
        file_name=csv_file_name(data, "report").replace(".csv", ".html"),
        mime="text/html",
        key=REPORT_KEY,
        on_click="ignore",
    )
