"""A class bigger than a page on the dashboard (AppTest): the roster, the grading queue and its picker
show 20 at a time, held answers first; the teacher pages through and finds a student by pseudonym."""

from __future__ import annotations

import pytest
from apptest import errors, log_in, new_app, open_page
from classkit import DRILL, LESSON, answer

from medialit.store import get_store
from medialit.store.classroom import join_class

PASSWORD = "une phrase de passe longue"
WRITTEN = "Le secrétaire général Stoltenberg a rappelé les critiques de l'Alliance envers la Russie."
KEYWORDS = "Stoltenberg poncifs Russie Alliance critiques"  # a bare list of keywords: held for the teacher
HELD = ("Élève 07", "Élève 13", "Élève 24")


@pytest.fixture
def big_class(store, kit, monkeypatch):
    """25 students who each wrote the rewrite (three of them a bare keyword list), and a teacher's tab."""
    monkeypatch.setenv("MEDIALIT_TEACHER_PASSWORD", PASSWORD)
    klass = store.create_class_session("2nde B", [LESSON, DRILL])
    for i in range(1, 26):
        name = f"Élève {i:02d}"
        learner = join_class(store, klass.join_code, name)[1].id
        answer(store, kit.by_id(LESSON), learner, "rewrite", {"text": KEYWORDS if name in HELD else WRITTEN})
    teacher = log_in(new_app(), PASSWORD)
    teacher.query_params["class"] = str(klass.id)
    return open_page(teacher, "teacher-dashboard")


def table_with(at, column):
    return next(t.value for t in at.table if column in t.value.columns)


def roster(at):
    return table_with(at, "Avancement")


def queue(at):
    return table_with(at, "Pourquoi")


def test_the_queue_shows_a_page_of_20_with_held_answers_first(big_class):
    at = big_class
    assert not errors(at), errors(at)
    page = queue(at)
    assert len(page) == 20
    assert sorted(page["Pseudonyme"][:3]) == list(HELD)  # held first, with why
    assert set(page["Pourquoi"][:3]) == {"**liste de mots-clés**"}
    picker = at.selectbox(key="grading-pick")
    assert len(picker.options) == 20  # the picker lists the page, not every answer
    stored = get_store().answers_frame()
    assert picker.value in set(stored.loc[stored["pseudonym"].isin(HELD), "answer_id"])  # a held one is open
    at = at.button(key="grading-page-next").click().run()
    assert len(queue(at)) == 5
    assert "21 à 25 sur 25 · page 2 sur 2" in [c.value for c in at.caption]


def test_the_roster_pages_and_finds_a_student_by_pseudonym(big_class):
    at = big_class
    first = roster(at)
    assert len(first) == 20
    assert at.button(key="roster-page-prev").disabled
    at = at.button(key="roster-page-next").click().run()
    assert len(roster(at)) == 5
    assert set(first["Pseudonyme"]).isdisjoint(roster(at)["Pseudonyme"])
    at = at.text_input(key="roster-find").input("eleve 1").run()  # no accent, no capital: still found
    assert sorted(roster(at)["Pseudonyme"]) == [f"Élève {i}" for i in range(10, 20)]
    at = at.text_input(key="roster-find").input("Loutre").run()
    assert "Aucun élève dont le pseudonyme contient « Loutre »." in [c.value for c in at.caption]


def test_students_who_need_attention_come_first(big_class):
    at = big_class
    names = list(roster(at)["Pseudonyme"])
    # the three held answers earned no point yet: under 50 %, listed first; then those with answers to review
    assert sorted(names[:3]) == list(HELD)
    assert list(roster(at)["À relire"][3:]) == ["1"] * 17
