"""The lesson lab in AppTest: a teacher breaks a lesson, sees why and cannot save it, fixes it and saves; a
student in the lesson gets the new version on the next question. The preview records nothing; the page
is the teacher's only. One process (AppTest is not thread-safe); a private kit and database per test."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text as sql
from streamlit.testing.v1 import AppTest

from medialit.format.library import library
from medialit.paths import kit_root
from medialit.store import clear_store_cache, get_store
from medialit.ui import keys
from medialit.xray import xray

REPO = kit_root()
sys.path.insert(0, str(REPO / "tests" / "classroom"))  # the classroom's AppTest helpers (log in, open a page)
sys.path.insert(0, str(REPO / "tests" / "app"))  # the student app's driver

from apptest import Downloads, log_in, new_app, open_page  # noqa: E402 - needs the path above
from driver import answer, errors, go_next  # noqa: E402

PASSWORD = "une phrase de passe pour le labo"
LESSON_ID, FILE = "fixture-otan", "lessons/fixture-otan.yaml"
OLD_PROMPT, NEW_PROMPT = "D'où viennent les propos cités ?", "Qui parle vraiment dans cet article ?"
OLD_TITLE, NEW_TITLE = "Fixture : le sommet de l'OTAN vu par RT", "Le sommet de l'OTAN selon RT"
BARE_LAB = Path(__file__).resolve().parent / "apps" / "lab_bare.py"
PREVIEW_ID = "lab-preview--" + LESSON_ID
RT_SEED = "2018-07-11_rt-france_otan-sommet-isoler-russie.txt"


@pytest.fixture
def kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private kit (the app tests' fixture lesson and drill, the seeds), an empty store, a teacher password."""
    root = tmp_path / "kit"
    shutil.copytree(REPO / "tests" / "app" / "fixtures" / "kit", root)
    shutil.copytree(REPO / "seeds", root / "seeds")
    monkeypatch.setenv("MEDIALIT_HOME", str(root))
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MEDIALIT_DATABASE_URL", raising=False)
    monkeypatch.setenv("MEDIALIT_TEACHER_PASSWORD", PASSWORD)
    clear_store_cache()
    yield root
    clear_store_cache()


def open_lab(file: str | None = FILE) -> AppTest:
    """The teacher logged in, on the lab, with ``file`` open in the editor."""
    at = open_page(log_in(new_app(), PASSWORD), "teacher-lab")
    if file:
        at = at.selectbox(key="lab-file").set_value(file).run()
    assert not errors(at), errors(at)
    return at


def edit(at: AppTest, old: str, new: str) -> AppTest:
    editor = at.text_area(key="lab-editor")
    assert old in editor.value
    return editor.input(editor.value.replace(old, new, 1)).run()


def xray_count() -> int:
    """How many findings the X-ray has on the fixture lesson's document (the lab lists them all)."""
    return len(xray((REPO / "seeds" / RT_SEED).read_text(encoding="utf-8")))


def tab(at: AppTest, name: str) -> AppTest:
    at.session_state["lab-tab"] = name
    return at.run()


def page_text(at: AppTest) -> str:
    """The text of every element on the page (Markdown with its escapes undone, labels, options)."""
    parts = []
    for element in _walk(at._tree):
        value = getattr(element, "value", None) if not hasattr(element, "children") else None
        if isinstance(value, str):
            parts.append(value)
        for name in ("label", "options"):
            extra = getattr(element, name, None)
            parts += [extra] if isinstance(extra, str) else [o for o in extra or [] if isinstance(o, str)]
    return re.sub(r"\\([\\`*_\[\]<>#|~$:])", r"\1", "\n".join(parts))


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def count(table: str) -> int:
    with get_store().engine.connect() as connection:
        return connection.execute(sql(f"SELECT COUNT(*) FROM {table}")).scalar_one()


def test_a_broken_edit_is_shown_and_refused_a_fixed_one_is_saved_and_served(kit: Path) -> None:
    loaded = library().by_id(LESSON_ID)
    student = answer(new_app(lesson=LESSON_ID).run(), loaded, loaded.lesson.questions[0], {"value": 3})
    path = kit / FILE
    before = path.read_bytes()

    teacher = open_lab()
    assert [s.value for s in teacher.success] == ["Aucun problème : la leçon est prête."]
    teacher = edit(teacher, 'quote: "pêle-mêle"', 'quote: "pele-mele"')
    assert [e.value for e in teacher.error] == ["1 erreur : la leçon ne peut pas être servie aux élèves."]
    assert 'the quote "pele-mele" does not appear in the document (closest: "pêle-mêle")' in page_text(teacher)
    assert "ligne 56" in teacher.markdown[-1].value
    teacher = teacher.button(key="lab-save").click().run()
    assert "Non enregistré : le fichier a 1 erreur. Corrigez-la d'abord ; la version enregistrée n'a pas été " \
           "modifiée." in [e.value for e in teacher.error]
    assert path.read_bytes() == before
    assert not (kit / "lessons" / ".history").exists()

    teacher = edit(teacher, 'quote: "pele-mele"', 'quote: "pêle-mêle"')
    teacher = edit(teacher, OLD_PROMPT, NEW_PROMPT)
    teacher = edit(teacher, OLD_TITLE, NEW_TITLE)
    assert [s.value for s in teacher.success] == ["Aucun problème : la leçon est prête."]
    assert "● Modifications non enregistrées" in [c.value for c in teacher.caption]
    teacher = teacher.button(key="lab-save").click().run()
    saved = [s.value for s in teacher.success]
    assert saved[0].startswith("Enregistré : lessons/fixture-otan.yaml. Les élèves ont la nouvelle version dès "
                               "leur prochaine question. La version précédente est gardée dans lessons/.history/")
    assert "Identique au fichier enregistré." in [c.value for c in teacher.caption]
    assert NEW_PROMPT in path.read_text(encoding="utf-8")
    [backup] = (kit / "lessons" / ".history").iterdir()
    assert backup.read_bytes() == before

    student = go_next(student, loaded)  # the student's next question comes from the saved file
    assert not errors(student)
    assert NEW_PROMPT in [m.value for m in student.markdown]
    assert f"#### {NEW_TITLE}" in [m.value.split("\n", 1)[0] for m in new_app().run().markdown]  # a fresh catalogue


def test_the_preview_scores_a_try_and_shows_the_key_without_recording_anything(kit: Path) -> None:
    teacher = tab(open_lab(), "Aperçu élève")
    assert "Ce que voit un élève, avec le texte de l'éditeur. Rien de ce que vous faites ici n'est enregistré." in [
        c.value for c in teacher.caption]
    teacher = teacher.segmented_control(key="lab-preview-question").set_value(1).run()
    assert [s.value for s in teacher.subheader] == ["Question 2 sur 7"]
    assert "FB-AFP" not in page_text(teacher)  # no answer key before it is asked for
    teacher = teacher.radio(key=keys.answer(PREVIEW_ID, "who-speaks", 1)).set_value("afp").run()
    teacher = teacher.button(key="lab-try-who-speaks").click().run()
    assert not errors(teacher), errors(teacher)
    assert [e.value for e in teacher.error] == ["Pas encore : 0 sur 1 pt."]
    assert "EXPL-WHO" in page_text(teacher)
    teacher = teacher.toggle(key="lab-preview-key").set_value(True).run()
    shown = page_text(teacher)
    assert "L'agence russe Tass" in shown and "bonne réponse" in shown and "FB-REPORTER" in shown
    teacher = teacher.segmented_control(key="lab-preview-question").set_value(2).run()
    assert not errors(teacher)
    assert [name for name in _layers(teacher)] == ["expected"]  # the expected passages on the document
    assert count("learners") == 0 and count("answers") == 0


def test_the_xray_and_exports_tabs_give_quotes_to_copy_and_the_files(kit: Path, monkeypatch) -> None:
    downloads = Downloads().install(monkeypatch)
    teacher = tab(open_lab(), "Radiographie du document")
    assert not errors(teacher), errors(teacher)
    assert any(m.value.startswith(f"{xray_count()} remarques : ") for m in teacher.markdown)
    assert any('- quote: "poncifs"' in c.value for c in teacher.code)
    assert "xray" in _layers(teacher)
    teacher = tab(teacher, "Exports")
    assert not errors(teacher), errors(teacher)
    assert sorted(downloads.files) == ["fixture-otan-fr-answer-key.html", "fixture-otan-fr-worksheet.html",
                                       "fixture-otan-fr.gift.txt"]
    assert b"FB-TASS" in downloads.files["fixture-otan-fr-answer-key.html"]
    assert [i.value for i in teacher.info] == [
        "GIFT ne sait pas exprimer les questions à surligner ni à classer ; elles ne sont pas dans le fichier : "
        "loaded-words, label-techniques."]


def test_a_broken_file_opens_in_the_lab_with_its_problems(kit: Path) -> None:
    path = kit / FILE
    path.write_text(path.read_text(encoding="utf-8").replace("type: choice", "type: choise", 1), encoding="utf-8")
    teacher = open_lab(None)
    assert "lessons/fixture-otan.yaml  ·  ✗ 1 erreur" in page_text(teacher)
    teacher = teacher.selectbox(key="lab-file").set_value(FILE).run()
    assert [e.value for e in teacher.error] == ["1 erreur : la leçon ne peut pas être servie aux élèves."]
    assert "unknown question type 'choise'" in page_text(teacher)
    teacher = tab(teacher, "Aperçu élève")
    assert [i.value for i in teacher.info] == [
        "L'aperçu a besoin d'une leçon sans erreur : corrigez d'abord 1 erreur (onglet « Éditer »)."]
    teacher = tab(teacher, "Radiographie du document")  # the X-ray still reads the document
    assert any(m.value.startswith(f"{xray_count()} remarques : ") for m in teacher.markdown)


def test_unsaved_text_is_kept_when_the_teacher_opens_another_file_and_comes_back(kit: Path) -> None:
    teacher = edit(open_lab(), OLD_PROMPT, NEW_PROMPT)
    teacher = teacher.selectbox(key="lab-file").set_value("exercises/fixture-drill.yaml").run()
    assert NEW_PROMPT not in teacher.text_area(key="lab-editor").value
    teacher = teacher.selectbox(key="lab-file").set_value(FILE).run()
    assert NEW_PROMPT in teacher.text_area(key="lab-editor").value
    assert "Vos modifications non enregistrées de ce fichier sont revenues dans l'éditeur." in [
        i.value for i in teacher.info]
    assert NEW_PROMPT not in (kit / FILE).read_text(encoding="utf-8")


def test_the_lab_is_the_teachers_only(kit: Path) -> None:
    student = open_page(new_app().run(), "teacher-lab")  # not in a student's navigation: the default page
    assert "lab-editor" not in [ta.key for ta in student.text_area]
    assert "lab-file" not in [box.key for box in student.selectbox]
    bare = AppTest.from_file(str(BARE_LAB), default_timeout=30).run()  # the page run without the navigation
    assert [i.value for i in bare.info] == ["Cette page est réservée à l'enseignant(e) : connectez-vous d'abord."]
    assert not bare.text_area and "lessons/fixture-otan.yaml" not in page_text(bare)


def _layers(at: AppTest) -> list[str]:
    from driver import document_layers

    return document_layers(at)


def test_changing_the_id_of_a_lesson_warns_before_saving(kit: Path) -> None:
    teacher = edit(open_lab(), "id: fixture-otan", "id: fixture-otan-v2")
    assert [w.value for w in teacher.warning][0] == (
        "L'identifiant est passé de « fixture-otan » à « fixture-otan-v2 » : les réponses déjà données restent "
        "rattachées à « fixture-otan », et les élèves en cours perdront leur progression. Gardez l'ancien "
        "identifiant si la leçon a déjà servi.")


def test_a_file_changed_on_disk_meanwhile_is_not_overwritten_without_asking(kit: Path) -> None:
    path = kit / FILE
    teacher = edit(open_lab(), OLD_PROMPT, NEW_PROMPT)
    elsewhere = path.read_text(encoding="utf-8").replace(OLD_TITLE, NEW_TITLE)
    path.write_text(elsewhere, encoding="utf-8")  # another editor saved the file meanwhile
    teacher = teacher.button(key="lab-save").click().run()
    assert [w.value for w in teacher.warning] == [
        "Non enregistré : lessons/fixture-otan.yaml a été modifié sur le disque depuis que vous l'avez ouvert (dans "
        "un autre onglet ou un autre éditeur). Rechargez-le, ou enregistrez quand même : la version du disque sera "
        "gardée dans l'historique."]
    assert path.read_text(encoding="utf-8") == elsewhere
    teacher = teacher.button(key="lab-overwrite").click().run()
    assert NEW_PROMPT in path.read_text(encoding="utf-8")
    [backup] = (kit / "lessons" / ".history").iterdir()
    assert backup.read_text(encoding="utf-8") == elsewhere
    assert not teacher.warning
