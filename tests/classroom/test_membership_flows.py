"""Membership in AppTest: the class follows the student whatever they click; leaving and starting afresh."""

from __future__ import annotations

from apptest import errors, join, new_app, open_page, page_text
from classkit import DRILL, LESSON, answer
from driver import goto

from medialit.store import get_store

KEYWORDS = "Stoltenberg, critiques, Russie, Alliance, OTAN"


def code_of(at) -> str:
    value = at.query_params["code"]
    return value[0] if isinstance(value, list) else value


def test_a_member_sees_the_class_bar_and_only_the_sessions_lessons(store, kit):
    klass = store.create_class_session("2nde B", [LESSON])
    tab = join(klass.join_code, "Renard")
    tab = open_page(tab, "lessons")
    assert not errors(tab)
    bar = tab.markdown[0].value
    assert bar.startswith("Classe « 2nde B » · tu es **Renard**") and "Ton code : **" in bar
    assert [b.label for b in tab.button if b.key and b.key.startswith("open-")] == ["Commencer"]  # one lesson
    assert "Fiable ou pas ?" not in page_text(tab)  # the drill is not in this session


def test_a_menu_link_drops_the_address_parameters_but_never_the_learner(store, kit):
    klass = store.create_class_session("2nde B", [LESSON, DRILL])
    tab = join(klass.join_code, "Renard")
    code = code_of(tab)
    for url_path in ("teacher", "join", "lessons"):
        tab.query_params.clear()  # what a link of the menu does to the address
        tab = open_page(tab, url_path)
        assert not errors(tab)
        assert code_of(tab) == code  # the learner's code is back in the address
    tab = tab.button(key=f"open-{LESSON}").click().run()  # "Start": no new anonymous learner
    learner = store.learner_by_code(code)
    assert learner.class_session_id == klass.id and store.progress(learner.id, LESSON) is not None
    assert store.session_learners(klass.id) == [learner] and len(store.class_sessions()) == 1


def test_leaving_the_class_asks_first_then_keeps_the_answers_and_starts_afresh(store, kit):
    klass = store.create_class_session("2nde B", [LESSON])
    tab = open_page(join(klass.join_code, "Renard"), "lessons")
    learner = store.learner_by_code(code_of(tab))
    answer(store, kit.by_id(LESSON), learner.id, "who-quotes", {"selected": ["tass"]})
    tab = tab.button(key="bar-leave").click().run()
    assert store.learner(learner.id).left_at is None  # nothing happens before the confirmation
    assert "Tes réponses restent chez ton professeur" in page_text(tab)
    tab = tab.button(key="bar-leave-no").click().run()
    assert store.learner(learner.id).left_at is None
    tab = tab.button(key="bar-leave").click().run()
    tab = tab.button(key="bar-leave-yes").click().run()
    assert not errors(tab)
    assert store.learner(learner.id).left_at is not None
    assert "code" not in tab.query_params  # this browser starts afresh
    assert "Classe « 2nde B »" not in page_text(tab)
    assert len(store.answers(learner.id)) == 1  # the teacher keeps the answers


def test_not_you_starts_afresh_without_deleting_anything(store, kit):
    learner = store.create_learner("fr")
    tab = open_page(new_app(code=learner.code), "lessons")
    assert "Ton code : **" in tab.markdown[0].value
    tab = tab.button(key="bar-afresh").click().run()
    assert "code" not in tab.query_params and "Ton code : **" not in page_text(tab)
    assert store.learner(learner.id) is not None


def test_a_held_answer_tells_the_student_it_waits_for_the_teacher(store, kit):
    klass = store.create_class_session("2nde B", [LESSON])
    tab = join(klass.join_code, "Renard")
    learner = get_store().learner_by_code(code_of(tab))
    loaded = kit.by_id(LESSON)
    answer(store, loaded, learner.id, "rewrite", {"text": KEYWORDS})
    tab = goto(new_app(code=learner.code, lesson=LESSON).run(), loaded, 4)
    assert any("mise de côté pour ton professeur" in info.value for info in tab.info)
    assert not tab.error  # no red "wrong" banner for an answer nobody has graded yet
