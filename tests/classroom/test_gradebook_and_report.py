"""Gradebook-ready exports: the attempt that counts, one row per student, a report that prints well."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from classkit import DRILL, LESSON, answer

from medialit.classroom.csv_export import class_csv, gradebook_csv
from medialit.classroom.data import load_class
from medialit.classroom.report import class_report
from medialit.ui.teacher.grading import review_queue

MODEL = "Le secrétaire général Stoltenberg a rappelé les critiques de l'Alliance envers la Russie."
KEYWORDS = "Stoltenberg, critiques, Russie, Alliance, OTAN"


@pytest.fixture
def session(store, kit):
    """Renard answers twice (the second attempt counts), Hibou once, Zoé joins and leaves, Castor never answers."""
    klass = store.create_class_session("2nde B", [LESSON, DRILL])
    lesson = kit.by_id(LESSON)
    ids = {name: store.create_learner("fr", klass.id, name).id for name in ("Renard", "Hibou", "Zoé", "Castor")}
    answer(store, lesson, ids["Renard"], "who-quotes", {"selected": ["interview"]})
    answer(store, lesson, ids["Renard"], "who-quotes", {"selected": ["tass"]})  # the attempt that counts
    answer(store, lesson, ids["Renard"], "charged", {"selected": ["poncifs"]})
    written = answer(store, lesson, ids["Hibou"], "rewrite", {"text": MODEL})
    store.override_answer(written.id, 2.5, "Bien.")
    answer(store, lesson, ids["Hibou"], "first-impression", {"value": 4})
    answer(store, lesson, ids["Zoé"], "who-quotes", {"selected": ["afp"]})
    store.leave_class(ids["Zoé"])
    return klass.id, ids


def rows(data: bytes, sep: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=sep))


def test_the_answers_csv_marks_the_attempt_that_counts(store, session):
    table = rows(class_csv(load_class(store, session[0])))
    renard = [(r["attempt"], r["counts"], r["final_score"]) for r in table
              if r["pseudonym"] == "Renard" and r["question"] == "who-quotes"]
    assert renard == [("1", "0", "0.0"), ("2", "1", "1.0")]
    assert all(r["counts"] == "1" for r in table if r["question"] != "who-quotes" or r["pseudonym"] != "Renard")
    assert {"answered_at", "graded_at"} <= set(table[0])  # times in the school's zone, not "utc"


def test_the_gradebook_has_one_row_per_student_with_totals_out_of_the_whole_session(store, session):
    sheet = rows(gradebook_csv(load_class(store, session[0], "fr"), "fr"), sep=";")
    assert [r["Pseudonyme"] for r in sheet] == ["Renard", "Hibou", "Zoé (a quitté la classe)", "Castor"]
    heads = list(sheet[0])
    assert heads[:4] == ["Pseudonyme", "Réponses (/11)", "Total (/10)", "Réussite"]
    assert heads[4:7] == ["Sources (/2)", "Cadrage (/1)", "Langage chargé (/7)"]  # points per skill
    assert heads[7:] == ["L1 Q2 (/1)", "L1 Q3 (/2)", "L1 Q4 (/2)", "L1 Q5 (/3)", "L1 Q6 (/1)", "L1 Q7 (/1)"]
    renard, hibou, zoe, castor = sheet
    # the second attempt counts (1 pt) and half of the two loaded words (1 of 2 pt)
    assert (renard["Total (/10)"], renard["L1 Q2 (/1)"], renard["L1 Q3 (/2)"]) == ("2", "1", "1")
    assert renard["Réussite"] == "20" and renard["Sources (/2)"] == "1"
    assert (hibou["L1 Q5 (/3)"], hibou["Total (/10)"]) == ("2,5", "2,5")  # the teacher's grade counts
    assert hibou["L1 Q2 (/1)"] == ""  # unanswered: empty, not zero and never "nan"
    assert castor["Total (/10)"] == "0" and castor["Réponses (/11)"] == "0"
    assert zoe["Total (/10)"] == "0"


def test_the_gradebook_follows_the_english_spreadsheet_conventions(store, session):
    sheet = rows(gradebook_csv(load_class(store, session[0], "en"), "en"))
    assert list(sheet[0])[:3] == ["Pseudonym", "Answers (/11)", "Total (/10)"]
    assert sheet[1]["Total (/10)"] == "2.5"


def test_the_report_renders_lesson_markdown_and_fits_the_page(store, session):
    html = class_report(load_class(store, session[0], "fr"), now=datetime(2026, 3, 2, 13, 5, tzinfo=UTC))
    assert "Quels mots sont <strong>chargés</strong> ?" in html and "**" not in html
    assert "Croire <em>sur parole</em>" in html
    assert "size: A4 portrait" in html and "table-layout: fixed" in html
    assert "généré le 2 mars 2026 à 14:05" in html  # the school's time zone (Europe/Paris)
    assert "Zoé (a quitté la classe)" in html


def test_the_report_keeps_only_the_paragraphs_someone_marked_or_that_were_expected(store, kit):
    klass = store.create_class_session("2nde C", [LESSON])
    lesson = kit.by_id(LESSON)
    start = lesson.text.index("poncifs anti-russes")
    answer(store, lesson, store.create_learner("fr", klass.id, "Renard").id, "scare",
           {"spans": [[start, start + 19]]})
    html = class_report(load_class(store, klass.id, "fr"))
    document = html[html.index('<div class="document">'):]
    assert "poncifs anti-russes" in document
    assert "[…]" in document  # the paragraphs nobody marked are left out
    assert "cookies" not in document.lower()  # the page's cookie notice is not reprinted


def test_the_impressions_compare_the_same_students_and_say_how_many(store, kit):
    klass = store.create_class_session("2nde D", [LESSON])
    lesson = kit.by_id(LESSON)
    for name, before, after in (("A", 3, 1), ("B", 5, 2), ("C", 4, None)):
        learner = store.create_learner("fr", klass.id, name).id
        answer(store, lesson, learner, "first-impression", {"value": before})
        if after is not None:
            answer(store, lesson, learner, "final-rating", {"value": after})
    html = class_report(load_class(store, klass.id, "fr"))
    assert "4 avant → 1,5 après (évolution -2,5), sur les 2 élèves qui ont donné les deux notes." in html
    assert "1 élève n&#39;a donné qu&#39;une des deux notes : il n&#39;est pas compté." in html


def test_the_grading_queue_puts_held_answers_first_and_says_why(store, kit):
    klass = store.create_class_session("2nde E", [LESSON])
    lesson = kit.by_id(LESSON)
    first = answer(store, lesson, store.create_learner("fr", klass.id, "Renard").id, "rewrite", {"text": MODEL})
    held = answer(store, lesson, store.create_learner("fr", klass.id, "Hibou").id, "rewrite", {"text": KEYWORDS})
    assert held.result["pending"] and held.earned == 0  # the scorer held it: no automatic point
    queue = review_queue(load_class(store, klass.id))
    assert queue["answer_id"].tolist() == [held.id, first.id]  # held first, although it came second
    assert queue["held"].tolist() == ["keyword_list", ""]
    store.override_answer(held.id, 2.0, "Fais des phrases.")
    assert review_queue(load_class(store, klass.id))["answer_id"].tolist() == [first.id]
