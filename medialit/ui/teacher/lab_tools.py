"""The lab's "Document X-ray" and "Exports" tabs.

The X-ray reads the document the editor's text names, even while the lesson has errors: findings by
kind with their line in the document, each kind's passages as YAML quotes to copy into a question,
and the chosen kinds drawn on the document. The exports are built from the editor's text (when it has
no errors): the student worksheet, the answer key, and the GIFT file with the questions it cannot hold.
"""

from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from medialit.export.gift import gift
from medialit.export.key import answer_key_html
from medialit.export.worksheet import worksheet_html
from medialit.format.loader import LoadResult
from medialit.format.text import escape_markdown
from medialit.i18n import tr
from medialit.ui.document import DOC_HEIGHT
from medialit.ui.highlight import highlight_text
from medialit.ui.labels import highlight_labels
from medialit.xray import KINDS, LOADED_KINDS, kind_label, xray
from medialit.xray.view import Document, document_of, finding_rows, layer, quote_block

KINDS_KEY, XRAY_DOC_KEY, EXPORT_LANG_KEY = "lab-xray-kinds", "lab-xray-doc", "lab-export-lang"
WORKSHEET_KEY, ANSWER_KEY_KEY, GIFT_KEY = "lab-export-worksheet", "lab-export-key", "lab-export-gift"


def _document(root: Path, yaml_text: str, result: LoadResult) -> tuple[Document, str]:
    """The lesson's document and its language (from the lesson when valid, else read from the text)."""
    loaded = result.loaded
    if loaded is not None and loaded.text and loaded.lesson.document:
        return Document(loaded.lesson.document.file, loaded.text), loaded.lesson.language
    found = re.search(r"^language:\s*['\"]?(fr|en)\b", yaml_text, flags=re.MULTILINE)
    return document_of(yaml_text, root), found.group(1) if found else "fr"


def xray_panel(root: Path, yaml_text: str, result: LoadResult, lang: str) -> None:
    """Findings by kind (line, passage, what, why), quotes to copy, and the document with the chosen kinds."""
    doc, doc_lang = _document(root, yaml_text, result)
    if doc.text is None:
        st.info(tr("lab_xray_no_document", lang))
        return
    findings = xray(doc.text, doc_lang)
    st.caption(tr("lab_xray_caption", lang, file=doc.file))
    if not findings:
        st.success(tr("lab_xray_none", lang))
        return
    present = [kind for kind in KINDS if any(f.kind == kind for f in findings)]
    counts = ", ".join(f"{kind_label(k, lang)} {sum(f.kind == k for f in findings)}" for k in present)
    st.markdown(tr("lab_xray_summary", lang, n=len(findings), kinds=counts))
    left, right = st.columns(2, gap="large")
    with right:
        chosen = st.pills(tr("lab_xray_show", lang), present, selection_mode="multi", key=KINDS_KEY, wrap=True,
                          default=[k for k in present if k in LOADED_KINDS] or present[:1],
                          format_func=lambda k: kind_label(k, lang))
        for kind in present:
            mine = [f for f in findings if f.kind == kind]
            with st.expander(f"{kind_label(kind, lang)} ({len(mine)})"):
                st.markdown(_findings(finding_rows(doc.text, mine, lang), lang))
                st.caption(tr("lab_xray_quotes", lang))
                st.code(quote_block(doc.text, mine, lang), language="yaml")
    with left:
        shown = [f for f in findings if f.kind in (chosen or [])]
        highlight_text(doc.text, key=XRAY_DOC_KEY, layers=[layer(shown, lang, tr("lab_tab_xray", lang))], readonly=True,
                       height=DOC_HEIGHT, labels=highlight_labels(lang))


def _cell(value: object) -> str:
    return escape_markdown(value)


def _findings(rows: list[dict[str, object]], lang: str) -> str:
    """One Markdown list item per finding: its line in the document, the passage, what it is, why it matters."""
    colon = "\u00a0: " if lang == "fr" else ": "
    return "\n".join(f"- **{tr('lab_xray_line', lang)} {row['line']}** · «\u00a0{_cell(row['passage'])}\u00a0» — "
                     f"{_cell(row['what'])}{colon}*{_cell(row['why'])}*" for row in rows)


def exports_panel(result: LoadResult, unsaved: bool, lang: str) -> None:
    """Download buttons for the worksheet, the answer key and the GIFT file (with what GIFT leaves out)."""
    loaded = result.loaded
    if loaded is None:  # the lesson has errors
        st.info(tr("lab_exports_needs_ok", lang, n=sum(p.severity == "error" for p in result.problems)))
        return
    st.caption(tr("lab_exports_caption", lang))
    if unsaved:
        st.warning(tr("lab_exports_unsaved", lang))
    language = st.segmented_control(tr("lab_export_lang", lang), ["fr", "en"], default=lang, required=True,
                                    key=EXPORT_LANG_KEY, format_func=str.upper) or lang
    lesson_id = loaded.lesson.id
    st.download_button(tr("lab_worksheet", lang), worksheet_html(loaded, language).encode("utf-8"),
                       file_name=f"{lesson_id}-{language}-worksheet.html", mime="text/html", key=WORKSHEET_KEY,
                       on_click="ignore")
    st.download_button(tr("lab_answer_key_file", lang), answer_key_html(loaded, language).encode("utf-8"),
                       file_name=f"{lesson_id}-{language}-answer-key.html", mime="text/html", key=ANSWER_KEY_KEY,
                       on_click="ignore")
    text, skipped = gift(loaded, language)
    st.download_button(tr("lab_gift", lang), text.encode("utf-8"), file_name=f"{lesson_id}-{language}.gift.txt",
                       mime="text/plain", key=GIFT_KEY, on_click="ignore")
    if skipped:
        st.info(tr("lab_gift_skipped", lang, ids=", ".join(skipped)))
    else:
        st.caption(tr("lab_gift_all", lang))
