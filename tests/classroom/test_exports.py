"""The gradebook CSV and the printable report: every answer, nothing a spreadsheet or a browser would run."""

from __future__ import annotations

import csv
import io
import json

import pytest
from classkit import DRILL, LESSON, answer

from medialit.classroom.csv_export import COLUMNS, class_csv, csv_file_name, neutralize
from medialit.classroom.data import load_class
from medialit.classroom.report import class_report

SCRIPT = "<script>alert('pwned')</script>"
LINK = "[clic](javascript:alert(1))"


@pytest.fixture
def klass(store, kit):
    """A session where a <script> pseudonym, a formula pseudonym and a plain one answered."""
    session = store.create_class_session("2nde B — mardi", [LESSON, DRILL])
    lesson, drill = kit.by_id(LESSON), kit.by_id(DRILL)
    ids = {}
    for name in (SCRIPT, "=HYPERLINK(\"http://evil\")", "Zoé", LINK):
        ids[name] = store.create_learner("fr", session.id, name).id
    for i, learner_id in enumerate(ids.values()):
        answer(store, lesson, learner_id, "who-quotes", {"selected": ["tass" if i % 2 else "interview"]})
        answer(store, lesson, learner_id, "scare", {"spans": [[0, 40]] if i else [[100, 160]]})
        answer(store, drill, learner_id, "item-agency", {"value": 5 - i})
    written = answer(store, lesson, ids["Zoé"], "rewrite",
                     {"text": "Le secrétaire général Stoltenberg a rappelé les critiques de l'OTAN."})
    store.override_answer(written.id, 2.5, "@SUM(A1) bien vu, «précis»")
    answer(store, lesson, ids["Zoé"], "who-quotes", {"selected": ["tass"]})  # a second attempt
    return session.id, ids


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, for Excel"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_a_header_and_one_row_per_answer_every_attempt_included(store, klass):
    data = load_class(store, klass[0])
    raw = class_csv(data)
    rows = read_csv(raw)
    assert list(rows[0]) == COLUMNS
    assert len(rows) == len(data.answers) == 4 * 3 + 2
    assert b"\r\n" in raw
    zoe = [r for r in rows if r["pseudonym"] == "Zoé"]
    assert [r["attempt"] for r in zoe if r["question"] == "who-quotes"] == ["1", "2"]
    written = next(r for r in zoe if r["question"] == "rewrite")
    assert (written["skill"], written["type"], written["final_score"], written["max_score"]) == (
        "loaded_language", "free_text", "2.5", "3.0")
    assert float(written["auto_score"]) != 2.5  # the automatic score is kept beside the override
    assert json.loads(written["answer"])["text"].startswith("Le secrétaire général")
    assert written["session"] == "2nde B — mardi"


def test_csv_neutralises_cells_a_spreadsheet_would_run_as_formulas(store, klass):
    rows = read_csv(class_csv(load_class(store, klass[0])))
    pseudonyms = {r["pseudonym"] for r in rows}
    assert "'=HYPERLINK(\"http://evil\")" in pseudonyms
    assert not any(p.startswith(("=", "+", "-", "@")) for p in pseudonyms)
    comment = next(r["teacher_comment"] for r in rows if r["teacher_comment"])
    assert comment == "'@SUM(A1) bien vu, «précis»"


@pytest.mark.parametrize(("cell", "shown"), [
    ("=1+1", "'=1+1"), ("+33 6 12", "'+33 6 12"), ("-2", "'-2"), ("@cmd", "'@cmd"), ("\tx", "'\tx"),
    ("a=b", "a=b"), ("Zoé", "Zoé"),
])
def test_neutralize_prefixes_only_cells_starting_like_a_formula(cell, shown):
    import pandas as pd

    assert neutralize(pd.Series([cell])).iloc[0] == shown


def test_csv_file_name_is_safe(store, klass):
    assert csv_file_name(load_class(store, klass[0])).startswith("medialit-2nde-b")


def test_report_escapes_pseudonyms_and_runs_no_script(store, klass):
    html = class_report(load_class(store, klass[0], "fr"))
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    assert 'href="javascript' not in html
    assert "<script" not in html.lower() and "<link" not in html.lower() and "src=" not in html
    assert "Zoé" in html


def test_report_can_leave_out_student_names(store, klass):
    html = class_report(load_class(store, klass[0], "fr"), include_names=False)
    assert "Zoé" not in html and "HYPERLINK" not in html and "pwned" not in html
    assert "Élève 1" in html and "Élève 4" in html
    assert "Pseudonymes des élèves omis." in html


def test_report_shows_the_item_analysis_charts_and_the_heatmap(store, klass):
    html = class_report(load_class(store, klass[0], "en"))
    assert "<svg" in html and "Class profile by skill" in html
    assert "Facility" in html and "Lesson consistency (Cronbach&#39;s alpha)" in html
    assert "Believing" in html  # the misconception of the option 'interview'
    assert 'class="expected"' in html and "rgba(230, 120, 0" in html
    assert "Discernment" in html


def test_a_new_session_exports_a_header_only_csv_and_a_report(store, kit):
    session = store.create_class_session("Vide", [LESSON, DRILL])
    store.create_learner("fr", session.id, "Renard")
    data = load_class(store, session.id)
    assert read_csv(class_csv(data)) == []
    assert class_csv(data).decode("utf-8-sig").splitlines()[0] == ",".join(COLUMNS)
    assert "Renard" in class_report(data)


def test_grading_queue_is_empty_then_lists_written_answers_ungraded_first(store, kit):
    from medialit.ui.teacher.grading import review_queue as written_answers

    session = store.create_class_session("2nde", [LESSON])
    data = load_class(store, session.id)
    assert written_answers(data, only_to_review=True).empty
    lesson = kit.by_id(LESSON)
    ids = [store.create_learner("fr", session.id, name).id for name in ("A", "B")]
    first = answer(store, lesson, ids[0], "rewrite", {"text": "Stoltenberg a rappelé les critiques de l'OTAN."})
    answer(store, lesson, ids[1], "rewrite", {"text": "Le secrétaire général a rappelé les positions."})
    store.override_answer(first.id, 1.0, "Précise la source.")
    data = load_class(store, session.id)
    assert written_answers(data, only_to_review=True)["pseudonym"].tolist() == ["B"]
    assert written_answers(data, only_to_review=False)["pseudonym"].tolist() == ["B", "A"]


def test_a_drill_with_nothing_to_analyse_per_question_says_so_under_its_title(store, klass):
    """The reliability drill has ratings only: its section says why it is empty; the lesson's does not."""
    html = class_report(load_class(store, klass[0], "en"))
    note = "No scored question, choice or marked passage here: nothing to analyse question by question."
    assert html.count(note) == 1
    drill_section = next(part for part in html.split('<section class="lesson">')[1:] if note in part)
    assert "Facility" not in drill_section and "Discernment" not in drill_section.split("</section>")[0]
