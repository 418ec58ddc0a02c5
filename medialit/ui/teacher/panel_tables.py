"""The dashboard's tables as frames of text, built once per snapshot of the class (no drawing here).

Every builder memoises its result on the :class:`ClassData` (``data.memo``) under a key naming what
else it depends on (language, page, search): while the class does not change, a live refresh finds
every table ready and only hands it to Streamlit. Cells are text the app wrote itself: "–" for a
missing value (never None/NaN), pseudonyms Markdown-escaped (``st.table`` cells are Markdown).
"""

from __future__ import annotations

import pandas as pd

from medialit import analytics as an
from medialit.classroom.charts import pct
from medialit.classroom.csv_export import question_label
from medialit.classroom.data import ClassData
from medialit.classroom.queue import Page
from medialit.classroom.report import alpha_text
from medialit.format.text import escape_markdown
from medialit.format.vocab import category_name
from medialit.i18n import number, time_text, tr


def question_labels(data: ClassData, lesson_id: str | None = None, lang: str = "fr") -> dict[tuple[str, str], str]:
    """``{(lesson, question): "Q3 · the prompt…"}`` (one lesson) or ``"Q3"`` / ``"L2 Q3"`` (all lessons)."""
    def build() -> dict[tuple[str, str], str]:
        qs = data.questions if lesson_id is None else data.questions[data.questions["lesson_id"] == lesson_id]
        rows = an.typed_rows(qs, an.QuestionRow)
        several = len(data.lessons) > 1
        if lesson_id is None:
            return {(r.lesson_id, r.question_id): question_label(r.lesson_order, r.order, several, lang) for r in rows}
        return {(r.lesson_id, r.question_id): f"Q{r.order + 1} · {_short(r.prompt)}" for r in rows}

    return data.memo(("labels", lesson_id, lang), build)


def _short(text: str, limit: int = 90) -> str:
    """A prompt on one line, without Markdown's emphasis and quote marks, cut at ``limit`` characters."""
    flat = " ".join(word for word in str(text).replace("*", "").split() if word != ">")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def percent(value: float | None, lang: str) -> str:
    return pct(None if value is None or pd.isna(value) else float(value) / 100, lang)


def _time(value: object, lang: str) -> str:
    return time_text(value.to_pydatetime(), lang) if isinstance(value, pd.Timestamp) and not pd.isna(value) else "–"


def _page_key(shown: Page) -> tuple[int, int, int]:
    return shown.start, shown.stop, shown.total


def roster_table(data: ClassData, shown: Page, query: str, left: set[int], lang: str) -> pd.DataFrame:
    """One page of the roster (``shown``, found with ``query``); "(left)" beside those in ``left``."""
    def build() -> pd.DataFrame:
        labels = question_labels(data, lang=lang)
        rows = list(an.typed_rows(shown.rows, an.RosterRow))
        return pd.DataFrame({
            tr("class_col_pseudonym", lang): [
                escape_markdown(tr("class_left_mark", lang, name=r.pseudonym or "?") if r.learner_id in left
                                else r.pseudonym or "?") for r in rows],
            tr("class_col_progress", lang): [
                f"{r.answered}/{r.total} · {percent(r.progress * 100, lang)}" for r in rows],
            tr("class_col_score", lang): [f"{number(r.score, lang)}/{number(r.possible, lang)}" for r in rows],
            tr("class_col_percent", lang): [percent(r.percent, lang) for r in rows],
            tr("class_col_current", lang): [
                labels.get((str(r.current_lesson), str(r.current_question)), "–") for r in rows],
            tr("class_col_last", lang): [_time(r.last_activity, lang) for r in rows],
            tr("class_col_review", lang): [str(int(r.to_review)) for r in rows],
        })

    return data.memo(("roster_table", query, _page_key(shown), lang), build)


def items_table(data: ClassData, lesson_id: str, lang: str) -> tuple[pd.DataFrame, str] | None:
    """Facility and discrimination per scored question of the lesson, and the alpha sentence (None: no
    scored question, a drill of opinions only)."""
    def build() -> tuple[pd.DataFrame, str] | None:
        items, alpha = an.lesson_items(data.marks, data.questions, lesson_id)
        if items.empty:
            return None
        labels = question_labels(data, lesson_id, lang)
        rows = list(an.typed_rows(items, an.ItemRow))
        return pd.DataFrame({
            tr("class_col_question", lang): [labels[(lesson_id, r.question_id)] for r in rows],
            tr("class_col_facility", lang): [percent(r.facility * 100, lang) for r in rows],
            tr("class_col_discrimination", lang): [number(r.discrimination, lang, 0) for r in rows],
            tr("class_col_answered", lang): [str(int(r.answered)) for r in rows],
            tr("class_col_skill", lang): [category_name("skills", r.skill, lang) for r in rows],
        }), alpha_text(alpha, lang)

    return data.memo(("items_table", lesson_id, lang), build)


def option_tables(data: ClassData, lesson_id: str, lang: str) -> list[tuple[str, pd.DataFrame]]:
    """Per choice question of the lesson: its label, and how many chose each option (with misconceptions)."""
    def build() -> list[tuple[str, pd.DataFrame]]:
        table = an.option_distribution(data.marks, data.options[data.options["lesson_id"] == lesson_id])
        labels = question_labels(data, lesson_id, lang)
        out = []
        for question_id, group in table.groupby("question_id", sort=False):
            rows = list(an.typed_rows(group, an.OptionShareRow))
            out.append((labels[(lesson_id, str(question_id))], pd.DataFrame({
                tr("class_col_option", lang): [r.text for r in rows],
                tr("class_col_chosen", lang): [
                    tr("class_chosen_n", lang, n=int(r.count),
                       pct=percent(r.share * 100 if r.share == r.share else None, lang)) for r in rows],
                tr("class_col_correct", lang): ["✓" if r.correct else "" for r in rows],
                tr("class_col_misconception", lang): [r.misconception if isinstance(r.misconception, str) else ""
                                                      for r in rows],
            })))
        return out

    return data.memo(("option_tables", lesson_id, lang), build)


def impressions_table(data: ClassData, shown: Page, query: str, lang: str) -> pd.DataFrame:
    """One page of the first-impression / final-rating table."""
    def build() -> pd.DataFrame:
        rows = shown.rows.to_dict("records")
        return pd.DataFrame({
            tr("class_col_pseudonym", lang): [escape_markdown(str(r["pseudonym"] or "?")) for r in rows],
            tr("class_lesson_pick", lang): [data.lesson_title(str(r["lesson_id"]), lang) for r in rows],
            tr("class_col_before", lang): [number(r["before"], lang) for r in rows],
            tr("class_col_after", lang): [number(r["after"], lang) for r in rows],
            tr("class_col_change", lang): [number(r["change"], lang) for r in rows],
        })

    return data.memo(("impressions_table", query, _page_key(shown), lang), build)


def discernment_table(data: ClassData, shown: Page, query: str, lang: str) -> pd.DataFrame:
    """One page of the per-student discernment table."""
    def build() -> pd.DataFrame:
        rows = list(an.typed_rows(shown.rows, an.DiscernmentRow))
        return pd.DataFrame({
            tr("class_col_pseudonym", lang): [escape_markdown(r.pseudonym or "?") for r in rows],
            tr("class_col_reliable", lang): [number(r.reliable, lang) for r in rows],
            tr("class_col_unreliable", lang): [number(r.unreliable, lang) for r in rows],
            tr("class_col_discernment", lang): [number(r.discernment, lang) for r in rows],
            tr("class_col_mean_rating", lang): [number(r.mean_rating, lang) for r in rows],
        })

    return data.memo(("discernment_table", query, _page_key(shown), lang), build)
