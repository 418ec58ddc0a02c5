"""``status: draft``: a lesson being written stays out of the students' catalogue, the lesson page and the
class-session form; the lesson lab lists and previews it, marked as a draft. AppTest, one process."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from medialit.format.library import Library
from medialit.paths import kit_root
from medialit.store import clear_store_cache

REPO = kit_root()
sys.path.insert(0, str(REPO / "tests" / "classroom"))
sys.path.insert(0, str(REPO / "tests" / "app"))

from apptest import log_in, new_app, open_page  # noqa: E402 - needs the path above
from driver import errors, texts  # noqa: E402

PASSWORD = "une phrase de passe pour le brouillon"
DRAFT_ID, DRAFT_TITLE = "fixture-brouillon", "Leçon en chantier"


@pytest.fixture
def kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app tests' fixture kit, plus a draft copy of its lesson; an empty store; a teacher password."""
    root = tmp_path / "kit"
    shutil.copytree(REPO / "tests" / "app" / "fixtures" / "kit", root)
    shutil.copytree(REPO / "seeds", root / "seeds")
    source = (root / "lessons" / "fixture-otan.yaml").read_text(encoding="utf-8")
    draft = source.replace("id: fixture-otan", f"id: {DRAFT_ID}\nstatus: draft", 1)
    draft = draft.replace("Fixture : le sommet de l'OTAN vu par RT", DRAFT_TITLE)
    (root / "lessons" / f"{DRAFT_ID}.yaml").write_text(draft, encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_HOME", str(root))
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MEDIALIT_DATABASE_URL", raising=False)
    monkeypatch.setenv("MEDIALIT_TEACHER_PASSWORD", PASSWORD)
    clear_store_cache()
    yield root
    clear_store_cache()


def test_the_library_tells_drafts_from_published_lessons(kit):
    kit_library = Library(kit)
    assert DRAFT_ID in [loaded.lesson.id for loaded in kit_library.lessons()]
    assert DRAFT_ID not in [loaded.lesson.id for loaded in kit_library.published()]


def test_a_draft_is_not_in_the_students_catalogue(kit):
    at = new_app().run()
    assert not errors(at)
    titles = [m.value.split("\n", 1)[0].removeprefix("#### ") for m in at.markdown if m.value.startswith("#### ")]
    assert titles == ["Fixture : le sommet de l'OTAN vu par RT", "Fixture : un exercice court"]
    assert DRAFT_TITLE not in texts(at)


def test_a_draft_opened_by_its_address_is_not_served(kit):
    at = new_app(lesson=DRAFT_ID).run()
    assert not errors(at)
    assert [w.value for w in at.warning] == [
        "Cette leçon n'est pas encore prête : ton professeur est en train de l'écrire. Choisis-en une autre dans la "
        "liste."]
    assert DRAFT_TITLE not in texts(at)


def test_a_draft_cannot_be_chosen_for_a_class_session(kit):
    teacher = open_page(log_in(new_app(), PASSWORD), "teacher-sessions")
    options = teacher.multiselect(key="new-session-lessons").options
    assert any("Fixture : le sommet de l'OTAN vu par RT" in option for option in options)
    assert not any(DRAFT_TITLE in option for option in options)


def test_the_lab_lists_and_previews_a_draft_as_a_draft(kit):
    at = open_page(log_in(new_app(), PASSWORD), "teacher-lab")
    picker = at.selectbox(key="lab-file")
    label = next(option for option in picker.options if DRAFT_ID in option)
    assert label.endswith("· ✎ brouillon")
    at = picker.set_value(f"lessons/{DRAFT_ID}.yaml").run()
    at.session_state["lab-tab"] = "Aperçu élève"
    at = at.run()
    assert not errors(at), errors(at)
    assert any("Brouillon (`status: draft`) : les élèves ne voient pas encore cette leçon" in i.value for i in at.info)
