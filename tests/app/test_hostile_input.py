"""What a student (or a link someone sends) types is shown as text, bounded, and never lost silently.

The attacks of issue 13, each replayed on the student app:
* ``?lesson=[Session expirée : reconnectez-vous ici](http://evil)`` drew a working link in the app's
  own warning (an image link made the browser fetch it);
* a code guessed over and over from one tab found students with no delay and no log line;
* a Submit clicked while a teacher's edit had broken the lesson was silently not saved, under a
  notice saying answers are saved.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from driver import FIXTURE_LESSON, errors, fill, goto, new_app, submit, texts

from medialit.format.loader import LoadedLesson
from medialit.store import Store
from medialit.store.auth import CODES, SHORT_CODES
from medialit.ui import keys

PHISHING = "[Session expirée : reconnectez-vous ici](http://evil.example/login)"
IMAGE = "![x](http://evil.example/pixel.png)"
UNESCAPED_LINK = re.compile(r"(?<!\\)\]\(|(?<!\\)\[")  # a "[" or a "](" that Markdown would read as a link


def no_link(markdown: str) -> bool:
    return UNESCAPED_LINK.search(markdown) is None


@pytest.mark.parametrize("hostile", [PHISHING, IMAGE])
def test_a_link_in_the_lesson_address_is_written_out_not_drawn(kit: Path, hostile: str) -> None:
    at = new_app(lesson=hostile)
    (warning,) = at.warning
    assert warning.value.startswith("La leçon « ")
    assert no_link(warning.value)  # brackets (and colons, dots) are escaped: shown as typed, never a link
    # ...and the address gets an invisible word joiner, or Markdown would still link it (GFM autolinks)
    assert "\\[Session expirée \\: reconnectez-vous ici\\](http\u2060\\://evil\\.example/login)" in warning.value or \
        "!\\[x\\](http\u2060\\://evil\\.example/pixel\\.png)" in warning.value


def test_a_huge_lesson_id_in_the_address_is_cut_in_the_message(kit: Path) -> None:
    at = new_app(lesson="x" * 5000)
    assert len(at.warning[0].value) < 300 and "x" * 80 + "…" in at.warning[0].value


def test_a_code_in_the_address_is_written_out_not_drawn(kit: Path) -> None:
    at = new_app(code="[abcdefgh](http://evil.example)")
    shown = at.sidebar.warning[0].value
    assert no_link(shown) and shown.startswith(r"Le code \[ABC")


def test_guessing_codes_from_one_tab_is_throttled_and_logged(kit: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="medialit.auth")
    at = new_app()
    said = []
    for n in range(CODES.client_budget + 3):
        at.text_input(key=keys.CODE_INPUT).input(f"ABCD-EFGH-{n:04d}".replace("0", "Z").replace("1", "Y"))
        at = at.button(key=keys.CODE_BUTTON).click().run()
        said.append(at.sidebar.error[0].value)
    assert all(s.startswith("Aucun élève n'a le code") for s in said[:CODES.client_budget + 1])
    assert said[-1].startswith("Trop de codes essayés depuis cette connexion : réessaie dans ")
    logged = [r.getMessage() for r in caplog.records if r.name == "medialit.auth"]
    assert sum(m.startswith("codes: wrong guess from 127.0.0.1") for m in logged) == CODES.client_budget + 1
    assert any(m.startswith("codes: 127.0.0.1 locked out for 1 s") for m in logged)


def test_a_right_code_is_never_held_back_by_its_own_use(lesson: LoadedLesson, store: Store) -> None:
    learner = store.create_learner()
    for _ in range(CODES.client_budget * 3):  # a class reloading its pages: right codes cost nothing
        at = new_app(code=learner.code)
        assert not at.sidebar.warning, at.sidebar.warning
    assert at.sidebar.code[0].value.replace("-", "") == learner.code


def test_guessing_old_short_codes_in_the_address_is_throttled_harder(kit: Path, store: Store) -> None:
    old = store.create_learner()
    with store.engine.begin() as conn:  # a student from before codes had 12 characters
        conn.exec_driver_sql("UPDATE learners SET code = 'ABCD23' WHERE id = ?", (old.id,))
    assert not new_app(code="abc-d23").sidebar.warning  # still valid
    shown = [new_app(code=f"ZZZ{n:03d}".replace("0", "Q").replace("1", "R")).sidebar.warning[0].value
             for n in range(SHORT_CODES.client_budget + 2)]
    assert shown[-1].startswith("Trop de codes essayés depuis cette connexion : réessaie dans ")
    assert new_app(code="ABC-D23").sidebar.warning[0].value.startswith("Trop de codes essayés")  # even the right one


def test_an_answer_submitted_while_the_lesson_is_broken_is_said_unsaved_and_kept(
    lesson: LoadedLesson, kit: Path, store: Store
) -> None:
    q = lesson.lesson.question("rewrite")
    at = goto(new_app(lesson=FIXTURE_LESSON), lesson, 4)
    written = "Les propos viennent de l'agence Tass : RT les rapporte de seconde main."
    at = fill(at, lesson, q, {"text": written})
    path = kit / "lessons" / "fixture-otan.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("type: choice", "type: choise", 1), encoding="utf-8")  # the teacher's edit
    at = submit(at, lesson, q)
    assert not errors(at)
    (said,) = at.error
    assert said.value.startswith("Ta dernière réponse n'a PAS été enregistrée : ton professeur est en train de "
                                 "modifier cette leçon")
    assert not at.warning  # no "your answers are saved" under it
    learner = store.learner_by_code(at.query_params["code"])
    assert "rewrite" not in store.latest_answers(learner.id, FIXTURE_LESSON)

    path.write_text(original, encoding="utf-8")  # the teacher saves a good version again
    at = at.run()
    assert at.text_area(key=keys.answer(FIXTURE_LESSON, "rewrite", 1)).value == written  # kept in the form
    assert "Ta réponse n'est pas encore enregistrée : vérifie-la, puis clique sur « Valider ma réponse »." in [
        w.value for w in at.warning]
    at = submit(at, lesson, q)
    assert "rewrite" in store.latest_answers(learner.id, FIXTURE_LESSON)
    assert "pas encore enregistrée" not in texts(at)


def test_the_answer_box_holds_at_most_ten_thousand_characters(lesson: LoadedLesson) -> None:
    at = goto(new_app(lesson=FIXTURE_LESSON), lesson, 4)
    box = at.text_area(key=keys.answer(FIXTURE_LESSON, "rewrite", 1))
    assert box.max_chars == 10_000
    at = box.set_value("mot " * 225_000).run()  # 900 KB sent by a hostile client: the server keeps what fits
    # (a message over 1 MB never reaches the app: see tests/faults/test_server_attacks.py)
    assert len(at.text_area(key=keys.answer(FIXTURE_LESSON, "rewrite", 1)).value) == 10_000
