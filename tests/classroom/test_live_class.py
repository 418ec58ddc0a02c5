"""The dashboard's live copy of a class: a refresh shows what changed (a new answer, a grade, a student
who left, a late commit, an edited lesson) and, while nothing changed, hands back the same data."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from classkit import DRILL, KIT, LESSON, answer
from sqlalchemy import insert

from medialit.classroom.data import load_class
from medialit.classroom.live import LiveClasses
from medialit.classroom.queue import review_queue
from medialit.format.library import Library
from medialit.store import Store
from medialit.store.classroom import join_class
from medialit.store.models import AnswerRow

WRITTEN = "Le secrétaire général Stoltenberg a rappelé les critiques de l'Alliance envers la Russie."
KEYWORDS = "Stoltenberg poncifs Russie Alliance critiques"  # a bare list of keywords: held for the teacher


@pytest.fixture
def live() -> LiveClasses:
    return LiveClasses()


def a_class(store: Store, *names: str) -> tuple[int, list[int]]:
    klass = store.create_class_session("2nde B", [LESSON, DRILL])
    return klass.id, [join_class(store, klass.join_code, name)[1].id for name in names]


def test_nothing_changed_gives_the_same_data_and_a_new_answer_shows(store: Store, kit: Library,
                                                                    live: LiveClasses) -> None:
    class_id, (renard, hibou) = a_class(store, "Renard", "Hibou")
    answer(store, kit.by_id(LESSON), renard, "first-impression", {"value": 4})
    first = live.snapshot(store, class_id, "fr", kit)
    assert first is not None and len(first.answers) == 1
    assert live.snapshot(store, class_id, "fr", kit) is first  # nothing changed: nothing recomputed

    added = answer(store, kit.by_id(LESSON), hibou, "who-quotes", {"selected": ["tass"]})
    second = live.snapshot(store, class_id, "fr", kit)
    assert second is not first
    assert list(second.answers["answer_id"]) == [a for a in first.answers["answer_id"]] + [added.id]
    assert second.answers.equals(load_class(store, class_id, "fr", kit).answers)  # as a fresh read
    assert live.snapshot(store, class_id, "en", kit).questions["prompt"].tolist() != \
        second.questions["prompt"].tolist()  # another language, the same answers
    assert live.snapshot(store, class_id, "en", kit).answers is second.answers


def test_a_grade_and_its_removal_show_and_the_queue_follows(store: Store, kit: Library, live: LiveClasses) -> None:
    class_id, (renard,) = a_class(store, "Renard")
    written = answer(store, kit.by_id(LESSON), renard, "rewrite", {"text": WRITTEN})
    before = live.snapshot(store, class_id, "fr", kit)
    assert review_queue(before)["answer_id"].tolist() == [written.id]

    store.override_answer(written.id, 2.5, "Précise qui parle")
    graded = live.snapshot(store, class_id, "fr", kit)
    row = graded.answers.set_index("answer_id").loc[written.id]
    assert (row["final_earned"], row["override_comment"]) == (2.5, "Précise qui parle")
    assert review_queue(graded).empty
    assert graded.answers.equals(load_class(store, class_id, "fr", kit).answers)

    store.override_answer(written.id, None, None)  # back to the automatic score
    again = live.snapshot(store, class_id, "fr", kit)
    assert again.answers.set_index("answer_id").loc[written.id, "final_earned"] == written.earned
    assert review_queue(again)["answer_id"].tolist() == [written.id]


def test_a_grade_in_another_class_changes_nothing_here(store: Store, kit: Library, live: LiveClasses) -> None:
    here, (renard,) = a_class(store, "Renard")
    elsewhere, (hibou,) = a_class(store, "Hibou")
    answer(store, kit.by_id(LESSON), renard, "rewrite", {"text": WRITTEN})
    other = answer(store, kit.by_id(LESSON), hibou, "rewrite", {"text": WRITTEN})
    first = live.snapshot(store, here, "fr", kit)
    store.override_answer(other.id, 1.0, None)
    assert live.snapshot(store, here, "fr", kit) is first
    assert len(review_queue(live.snapshot(store, elsewhere, "fr", kit))) == 0


def test_a_student_who_joins_and_one_who_leaves_show(store: Store, kit: Library, live: LiveClasses) -> None:
    class_id, (renard, _hibou) = a_class(store, "Renard", "Hibou")
    first = live.snapshot(store, class_id, "fr", kit)
    klass = store.class_session(class_id)
    join_class(store, klass.join_code, "Loutre")
    store.leave_class(renard)
    now = live.snapshot(store, class_id, "fr", kit)
    assert now is not first
    assert sorted(now.learners["pseudonym"]) == ["Hibou", "Loutre", "Renard"]
    left = now.learners.set_index("pseudonym")["left_at"]
    assert left.notna().tolist() == [name == "Renard" for name in left.index]


def test_an_answer_committed_late_with_a_smaller_id_is_not_missed(store: Store, kit: Library,
                                                                   live: LiveClasses) -> None:
    # PostgreSQL hands out ids before commit: a transaction can commit after a later id was seen.
    class_id, (renard,) = a_class(store, "Renard")
    base = answer(store, kit.by_id(LESSON), renard, "first-impression", {"value": 4})
    row = {"learner_id": renard, "lesson_id": LESSON, "raw": {"value": 2}, "earned": 0.0, "possible": 0.0,
           "status": "complete", "result": {}, "content_hash": base.content_hash, "needs_review": False,
           "created_at": base.created_at}
    with store.engine.begin() as conn:
        conn.execute(insert(AnswerRow.__table__), [{**row, "id": base.id + 10, "question_id": "a", "attempt": 1}])
    assert len(live.snapshot(store, class_id, "fr", kit).answers) == 2
    with store.engine.begin() as conn:
        conn.execute(insert(AnswerRow.__table__), [{**row, "id": base.id + 5, "question_id": "b", "attempt": 1}])
    late = live.snapshot(store, class_id, "fr", kit)
    assert sorted(late.answers["answer_id"]) == [base.id, base.id + 5, base.id + 10]
    assert late.answers.equals(load_class(store, class_id, "fr", kit).answers)


def test_an_edited_lesson_gives_new_questions_over_the_same_answers(store: Store, tmp_path: Path,
                                                                   live: LiveClasses) -> None:
    copy = tmp_path / "kit"
    shutil.copytree(KIT, copy)
    kit = Library(copy)
    class_id, (renard,) = a_class(store, "Renard")
    answer(store, kit.by_id(LESSON), renard, "first-impression", {"value": 4})
    first = live.snapshot(store, class_id, "fr", kit)
    path = copy / "lessons" / "class-lesson.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Réécris neutrement", "Réécris sans parti pris"),
                    encoding="utf-8")
    edited = live.snapshot(store, class_id, "fr", kit)
    assert edited is not first
    assert any("sans parti pris" in prompt for prompt in edited.questions["prompt"])
    assert edited.answers is first.answers  # the answers were not read again


def test_a_deleted_session_is_forgotten_and_the_copies_are_bounded(store: Store, kit: Library) -> None:
    live = LiveClasses(max_classes=2)
    ids = [a_class(store, name)[0] for name in ("A", "B", "C")]
    for class_id in ids:
        assert live.snapshot(store, class_id, "fr", kit) is not None
    assert len(live) == 2
    store.delete_class_session(ids[-1])
    assert live.snapshot(store, ids[-1], "fr", kit) is None
    assert len(live) == 1
    forgetful = LiveClasses(idle_seconds=0)
    forgetful.snapshot(store, ids[0], "fr", kit)
    forgetful.snapshot(store, ids[1], "fr", kit)  # the first was not asked for since: dropped
    assert len(forgetful) == 1


def test_tabs_refreshing_at_once_share_one_copy(store: Store, kit: Library, live: LiveClasses) -> None:
    class_id, (renard,) = a_class(store, "Renard")
    answer(store, kit.by_id(LESSON), renard, "first-impression", {"value": 4})
    seen = []
    barrier = threading.Barrier(4)

    def tab() -> None:
        barrier.wait()
        seen.append(live.snapshot(store, class_id, "fr", kit))

    threads = [threading.Thread(target=tab) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(data) for data in seen}) == 1


def test_held_answers_come_first_in_the_queue(store: Store, kit: Library, live: LiveClasses) -> None:
    class_id, learners = a_class(store, "Renard", "Hibou", "Loutre")
    lesson = kit.by_id(LESSON)
    plain = answer(store, lesson, learners[0], "rewrite", {"text": WRITTEN})
    held = answer(store, lesson, learners[1], "rewrite", {"text": KEYWORDS})
    queue = review_queue(live.snapshot(store, class_id, "fr", kit))
    assert queue["answer_id"].tolist() == [held.id, plain.id]
    assert queue["held"].tolist() == ["keyword_list", ""]
