"""A class in AppTest: the teacher logs in and opens a session, three students join and answer, the
dashboard shows them, a grade is overridden and the student reads the comment, the CSV holds every
answer; a wrong password and a student's tab get nothing. One process (AppTest is not thread-safe)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from apptest import Downloads, errors, join, log_in, new_app, open_page, page_text
from classkit import DRILL, LESSON
from driver import answer, goto
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from medialit.store import get_store

PASSWORD = "une phrase de passe longue"
BARE_PAGES = Path(__file__).resolve().parent / "apps" / "bare_pages.py"
STUDENTS = ("Renard", "Hibou", "<b>Loutre</b>")
WRITTEN = "Le secrétaire général Stoltenberg a rappelé les critiques de l'Alliance envers la Russie."


@pytest.fixture
def classroom(store, monkeypatch):
    """The kit, an empty store and the teacher password in the environment."""
    monkeypatch.setenv("MEDIALIT_TEACHER_PASSWORD", PASSWORD)
    return store


def create_session(teacher, name="2nde B"):
    teacher = open_page(teacher, "teacher-sessions")
    teacher.text_input(key="new-session-name").input(name)
    teacher.multiselect(key="new-session-lessons").set_value([LESSON, DRILL])
    return teacher.button(key="new-session-create").click().run()


def student_answers(kit, code):
    """A student's tab on the lesson: first impression, the source question, then the written answer."""
    loaded = kit.by_id(LESSON)
    q = {question.id: question for question in loaded.lesson.questions}
    at = new_app(code=code, lesson=LESSON).run()
    at = answer(at, loaded, q["first-impression"], {"value": 4})
    at = goto(at, loaded, 1)
    at = answer(at, loaded, q["who-quotes"], {"selected": ["interview" if "Hibou" in code else "tass"]})
    at = goto(at, loaded, 4)
    return answer(at, loaded, q["rewrite"], {"text": WRITTEN})


def test_a_class_from_login_to_the_gradebook(classroom, kit, monkeypatch):
    downloads = Downloads().install(monkeypatch)
    teacher = log_in(new_app(), PASSWORD)
    assert "Vous êtes connecté(e) comme enseignant(e)." in [s.value for s in teacher.success]
    teacher = create_session(teacher)
    assert not errors(teacher)
    klass = get_store().class_sessions()[0]
    assert f"join?join={klass.join_code}" in page_text(teacher)
    assert teacher.get("image"), "the QR code"

    codes = {}
    for pseudonym in STUDENTS:
        tab = join(klass.join_code, pseudonym)
        assert not errors(tab), errors(tab)
        codes[pseudonym] = tab.query_params["code"][0] if isinstance(tab.query_params["code"], list) else \
            tab.query_params["code"]
        assert "Tu es dans la classe « 2nde B »" in tab.success[0].value
    for code in codes.values():
        assert not errors(student_answers(kit, code))
    answers = get_store().answers_frame(class_session_id=klass.id)
    assert len(answers) == 9

    teacher = open_page(teacher, "teacher-dashboard")
    assert not errors(teacher), errors(teacher)
    shown = page_text(teacher)
    assert all(name in shown for name in STUDENTS)
    assert "Croire" in shown  # the misconception behind the wrong option one student chose
    roster = teacher.table[0].value  # the roster comes first
    assert sorted(roster["Pseudonyme"]) == sorted(["Renard", "Hibou", r"\<b\>Loutre\</b\>"])  # Markdown cells
    assert list(roster["Avancement"]) == ["3/11 · 27\u00a0%"] * 3
    assert list(roster["À relire"]) == ["1"] * 3
    assert "Réponses écrites à relire : 3" in page_text(teacher)  # the queue, counted as in the roster

    hibou = answers[(answers["pseudonym"] == "Hibou") & (answers["question_id"] == "rewrite")].iloc[0]
    answer_id = int(hibou["answer_id"])
    teacher = teacher.selectbox(key="grading-pick").set_value(answer_id).run()  # one card open at a time
    teacher.number_input(key=f"grade-points-{answer_id}").set_value(3.0)
    teacher.text_area(key=f"grade-comment-{answer_id}").input("Très bonne reformulation, Hibou.")
    teacher = teacher.button(key=f"grade-save-{answer_id}").click().run()
    assert not errors(teacher)
    graded = get_store().answer(answer_id)
    assert (graded.final_earned, graded.earned) == (3.0, hibou["earned"])  # the automatic score is kept
    assert "Réponses écrites à relire : 2" in page_text(teacher)
    assert teacher.selectbox(key="grading-pick").value != answer_id  # the next answer in the queue is open

    tab = goto(new_app(code=codes["Hibou"], lesson=LESSON).run(), kit.by_id(LESSON), 4)
    # the comment is shown as text (Markdown-escaped: "Hibou\." renders "Hibou.")
    assert any("Très bonne reformulation, Hibou" in info.value for info in tab.info)

    teacher = open_page(teacher, "teacher-exports")
    assert not errors(teacher)
    name = next(n for n in downloads.files if n.endswith("-answers.csv"))
    rows = list(csv.DictReader(io.StringIO(downloads.files[name].decode("utf-8-sig"))))
    assert len(rows) == 9
    assert {r["pseudonym"] for r in rows} == set(STUDENTS)
    assert next(r for r in rows if r["teacher_comment"])["final_score"] == "3.0"
    book = next(content for n, content in downloads.files.items() if n.endswith("-gradebook.csv"))
    sheet = list(csv.DictReader(io.StringIO(book.decode("utf-8-sig")), delimiter=";"))  # French spreadsheets
    assert [r["Pseudonyme"] for r in sheet] == list(STUDENTS)  # one row per student, in joining order
    assert next(r for r in sheet if r["Pseudonyme"] == "Hibou")["L1 Q5 (/3)"] == "3"  # the teacher's grade
    report = next(content for n, content in downloads.files.items() if n.endswith(".html")).decode()
    assert "&lt;b&gt;Loutre&lt;/b&gt;" in report and "<b>Loutre</b>" not in report


def test_a_wrong_password_gets_nothing_and_is_counted_and_logged(classroom, caplog):
    klass = classroom.create_class_session("Secret class", [LESSON])
    classroom.create_learner("fr", klass.id, "Mouette")
    at = new_app()
    at.secrets["teacher_password"] = PASSWORD
    at = log_in(at, "guess")
    assert [e.value for e in at.error] == ["Mot de passe incorrect."]
    assert "medialit.auth" in [r.name for r in caplog.records]
    with classroom.engine.connect() as conn:  # counted for this client (loopback) and for everyone
        counts = dict(conn.execute(text("SELECT scope, failures FROM throttles")).all())
    assert counts == {"teacher:127.0.0.1": 1, "teacher:*": 1}
    for url_path in ("teacher-sessions", "teacher-dashboard", "teacher-exports"):
        at = open_page(at, url_path)
        shown = page_text(at)
        assert "Secret class" not in shown and "Mouette" not in shown and klass.join_code not in shown


def test_the_teacher_area_says_how_to_set_a_password_when_there_is_none(store, monkeypatch):
    monkeypatch.delenv("MEDIALIT_TEACHER_PASSWORD", raising=False)
    at = open_page(new_app().run(), "teacher")
    assert "MEDIALIT_TEACHER_PASSWORD" in at.warning[0].value and "teacher_password" in at.warning[0].value
    assert not at.text_input


def test_a_students_tab_cannot_open_the_teacher_pages(classroom, kit):
    klass = classroom.create_class_session("My class", [LESSON])
    classroom.create_class_session("Secret class", [LESSON])
    tab = join(klass.join_code, "Curieux")
    for url_path in ("teacher-sessions", "teacher-dashboard", "teacher-exports", "teacher-lobby"):
        tab = open_page(tab, url_path)
        shown = page_text(tab)
        assert "Secret class" not in shown and klass.join_code not in shown  # the student sees only their bar
        assert not tab.dataframe and not tab.table


@pytest.mark.parametrize("page", ["sessions", "dashboard", "exports"])
def test_a_teacher_page_reached_without_the_navigation_still_asks_for_the_password(classroom, page):
    classroom.create_class_session("Secret class", [LESSON])
    at = AppTest.from_file(str(BARE_PAGES), default_timeout=30)
    at.query_params["page"] = page
    at = at.run()
    assert "Cette page est réservée à l'enseignant(e) : connectez-vous d'abord." in [i.value for i in at.info]
    assert "Secret class" not in page_text(at)
    assert not at.dataframe and not at.table and not at.selectbox


def test_joining_refuses_a_taken_pseudonym_an_unknown_code_and_a_closed_session(classroom):
    klass = classroom.create_class_session("2nde B", [LESSON])
    assert not errors(join(klass.join_code, "Renard"))
    assert join(klass.join_code, " renard ").error[0].value == (
        "Le pseudonyme « renard » est déjà pris dans cette classe : choisis-en un autre.")
    assert "Aucune classe n'a le code" in join("ZZZZZZ", "Renard").error[0].value
    classroom.set_class_session_status(klass.id, "closed")
    assert join(klass.join_code, "Hibou").error[0].value == (
        "Cette session de classe est fermée : on ne peut plus la rejoindre.")


def test_a_closed_session_records_no_answer_and_a_deleted_one_leaves_nothing(classroom, kit):
    teacher = create_session(log_in(new_app(), PASSWORD))
    klass = get_store().class_sessions()[0]
    code = join(klass.join_code, "Renard").query_params["code"]
    learner = get_store().learner_by_code(code)
    teacher = teacher.button(key="session-close").click().run()
    assert get_store().class_session(klass.id).status == "closed"
    assert "Session fermée" in teacher.info[0].value

    loaded = kit.by_id(LESSON)
    tab = answer(new_app(code=code, lesson=LESSON).run(), loaded, loaded.lesson.questions[0], {"value": 4})
    assert "La session de classe est fermée : cette réponse n'a pas été enregistrée." in [w.value for w in tab.warning]
    assert get_store().answers(learner.id) == []

    teacher = teacher.button(key="session-reopen").click().run()
    assert get_store().class_session(klass.id).status == "open"
    teacher = teacher.button(key="session-delete").click().run()
    assert "efface ses 1 élève" in page_text(teacher)
    teacher = teacher.button(key="session-confirm").click().run()
    assert not errors(teacher)
    assert get_store().class_session(klass.id) is None and get_store().learner(learner.id) is None
    assert "Session « 2nde B » supprimée." in [s.value for s in teacher.success]
