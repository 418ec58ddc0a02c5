"""The lesson lab's logic (``medialit.lab.files``): checking edited text, saving safely, starting from an upload;
and the pieces the lab page shows (answer key, X-ray quotes)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from medialit.analytics import expected_spans
from medialit.format.document import locate
from medialit.format.library import Library, lesson_files
from medialit.format.loader import load_lesson
from medialit.lab.files import (
    Conflict,
    InvalidLesson,
    LabError,
    check_text,
    history,
    read_upload,
    save_lesson,
    start_lesson,
    target,
)
from medialit.lab.key import key_markdown
from medialit.paths import kit_root
from medialit.xray import xray
from medialit.xray.view import document_of, layer, quote_block

REPO = kit_root()
FIXTURE = REPO / "tests" / "app" / "fixtures" / "kit"
LESSON = "lessons/fixture-otan.yaml"
INTRO = "Lis l'article puis réponds."
SHIPPED = sorted(p for folder in ("lessons", "exercises") for p in (REPO / folder).glob("*.yaml"))
BROKEN = {
    "unknown type": ("type: choice", "type: choise"),
    "quote not in the document": ('quote: "pêle-mêle"', 'quote: "pele-mele"'),
    "bad YAML": ("questions:\n", "questions:\n  - [unclosed\n"),
    "missing document": ("file: seeds/2018-07-11_rt-france_otan-sommet-isoler-russie.txt", "file: seeds/nope.txt"),
    "duplicate id": ("- id: rewrite", "- id: who-speaks"),
}


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    """A private kit: the app tests' fixture lesson and drill, with the repository's seeds."""
    root = tmp_path / "kit"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(REPO / "seeds", root / "seeds")
    return root


def broken(text: str, name: str) -> str:
    old, new = BROKEN[name]
    assert old in text
    return text.replace(old, new, 1)


# --------------------------------------------------------------------------- check_text


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_check_text_gives_the_validators_problems_for_every_shipped_file(path: Path) -> None:
    assert check_text(path.read_text(encoding="utf-8"), path, REPO).problems == load_lesson(path, REPO).problems


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_check_text_gives_the_validators_problems_for_a_broken_file_without_writing_it(kit: Path, name: str) -> None:
    path = kit / LESSON
    before, stamp = path.read_bytes(), path.stat().st_mtime_ns
    text = broken(before.decode("utf-8"), name)
    result = check_text(text, path, kit)
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp
    assert not result.ok and any(p.severity == "error" for p in result.problems)
    path.write_text(text, encoding="utf-8")
    assert result.problems == load_lesson(path, kit).problems
    assert result.display == LESSON


def test_check_text_names_the_file_as_the_validator_does_when_given_a_relative_path(kit: Path) -> None:
    text = (kit / LESSON).read_text(encoding="utf-8")
    result = check_text(broken(text, "unknown type"), LESSON, kit)
    assert [str(p) for p in result.problems] == [
        "lessons/fixture-otan.yaml:30: error: question 'who-speaks': unknown question type 'choise' "
        "(did you mean 'choice'?): use one of choice, highlight, free_text, rating, label"]


def test_check_text_sees_a_document_edited_after_a_first_check(kit: Path) -> None:
    text = (kit / LESSON).read_text(encoding="utf-8")
    assert check_text(text, LESSON, kit).ok
    seed = kit / "seeds" / "2018-07-11_rt-france_otan-sommet-isoler-russie.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("pêle-mêle", "en vrac"), encoding="utf-8")
    assert not check_text(text, LESSON, kit).ok


# --------------------------------------------------------------------------- saving


def test_saving_a_lesson_with_errors_is_refused_and_the_file_keeps_its_bytes(kit: Path) -> None:
    path = kit / LESSON
    before, stamp = path.read_bytes(), path.stat().st_mtime_ns
    with pytest.raises(InvalidLesson) as refused:
        save_lesson(LESSON, broken(before.decode("utf-8"), "quote not in the document"), kit)
    assert refused.value.message("fr") == ("Non enregistré : le fichier a 1 erreur. Corrigez-la d'abord ; "
                                           "la version enregistrée n'a pas été modifiée.")
    assert refused.value.message("en") == "Not saved: the file has 1 error. Fix it first; the saved version " \
                                          "was not changed."
    assert [p.message for p in refused.value.problems if p.severity == "error"] == [
        'the quote "pele-mele" does not appear in the document (closest: "pêle-mêle")']
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp
    assert history(LESSON, kit) == [] and not (kit / "lessons" / ".history").exists()


def test_a_valid_save_writes_keeps_the_previous_version_and_the_catalogue_serves_the_new_one(kit: Path) -> None:
    catalogue = Library(kit)
    assert catalogue.by_id("fixture-otan").lesson.introduction.get("fr", "fr") == INTRO
    path = kit / LESSON
    old = path.read_bytes()
    new = old.decode("utf-8").replace(INTRO, "Lis bien l'article.")
    saved = save_lesson(LESSON, new, kit, expected=old.decode("utf-8"))
    assert saved.changed and saved.path == path.resolve()
    assert path.read_bytes() == new.encode("utf-8")
    assert history(LESSON, kit) == [saved.backup] and saved.backup.read_bytes() == old
    assert saved.backup.parent == kit.resolve() / "lessons" / ".history"
    assert catalogue.by_id("fixture-otan").lesson.introduction.get("fr", "fr") == "Lis bien l'article."
    assert lesson_files([kit / "lessons"]) == [path]  # the history is never listed as a lesson
    assert [r.display for r in catalogue.results()] == [LESSON, "exercises/fixture-drill.yaml"]
    assert not [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_two_saves_of_the_same_size_in_a_row_are_both_served(kit: Path) -> None:
    catalogue = Library(kit)
    text = (kit / LESSON).read_text(encoding="utf-8")
    for word in ("Lis l'article puis répond1.", "Lis l'article puis répond2."):
        save_lesson(LESSON, text.replace(INTRO, word), kit)
        assert catalogue.by_id("fixture-otan").lesson.introduction.get("fr", "fr") == word
    assert len(history(LESSON, kit)) == 2


def test_saving_the_text_the_file_already_holds_writes_nothing(kit: Path) -> None:
    path = kit / LESSON
    stamp = path.stat().st_mtime_ns
    saved = save_lesson(LESSON, path.read_text(encoding="utf-8"), kit)
    assert not saved.changed and saved.backup is None
    assert path.stat().st_mtime_ns == stamp and history(LESSON, kit) == []


def test_saving_over_a_file_changed_on_disk_since_it_was_opened_is_a_conflict_unless_forced(kit: Path) -> None:
    path = kit / LESSON
    opened = path.read_text(encoding="utf-8")
    path.write_text(opened.replace(INTRO, "Changé ailleurs."), encoding="utf-8")
    mine = opened.replace(INTRO, "Changé ici.")
    with pytest.raises(Conflict) as conflict:
        save_lesson(LESSON, mine, kit, expected=opened)
    assert conflict.value.message("en").startswith("Not saved: lessons/fixture-otan.yaml was changed on disk")
    assert "Changé ailleurs." in path.read_text(encoding="utf-8")
    saved = save_lesson(LESSON, mine, kit)
    assert "Changé ailleurs." in saved.backup.read_text(encoding="utf-8")
    assert "Changé ici." in path.read_text(encoding="utf-8")


def test_a_lesson_id_another_file_uses_is_refused(kit: Path) -> None:
    drill = (kit / "exercises" / "fixture-drill.yaml").read_text(encoding="utf-8")
    copy = (kit / LESSON).read_text(encoding="utf-8").replace("id: fixture-otan", "id: fixture-drill", 1)
    with pytest.raises(InvalidLesson) as refused:
        save_lesson(LESSON, copy, kit)
    assert [str(p) for p in refused.value.problems if p.severity == "error"] == [
        "lessons/fixture-otan.yaml:3: error: the id 'fixture-drill' is already used by "
        "exercises/fixture-drill.yaml: give this lesson its own id (answers are stored against it)"]
    assert (kit / "exercises" / "fixture-drill.yaml").read_text(encoding="utf-8") == drill


@pytest.mark.parametrize("path", [
    "seeds/new.yaml", "new.yaml", "../new.yaml", "lessons/../seeds/new.yaml", "lessons/sub/new.yaml",
    "lessons/.history/fixture-otan.20240101-000000.yaml", "/tmp/new.yaml",
])
def test_paths_outside_lessons_and_exercises_are_refused(kit: Path, path: str) -> None:
    text = (kit / LESSON).read_text(encoding="utf-8")
    with pytest.raises(LabError) as refused:
        save_lesson(path, text, kit)
    assert refused.value.message("en") == (
        f"'{path}' is not in the kit's lessons/ or exercises/ folder: the lab saves nowhere else.")
    assert not (kit / "seeds" / "new.yaml").exists() and not (kit / "new.yaml").exists()


def test_a_link_inside_lessons_to_a_file_elsewhere_is_refused(kit: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("keep me", encoding="utf-8")
    os.symlink(outside, kit / "lessons" / "linked.yaml")
    with pytest.raises(LabError):
        save_lesson("lessons/linked.yaml", (kit / LESSON).read_text(encoding="utf-8"), kit)
    assert outside.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("path", ["lessons/notes.txt", "lessons/.hidden.yaml"])
def test_only_yaml_files_are_saved(kit: Path, path: str) -> None:
    with pytest.raises(LabError) as refused:
        target(path, kit)
    assert refused.value.message("fr") == (
        f"« {path} » n'est pas un fichier de leçon : le laboratoire n'enregistre que des fichiers .yaml.")


# --------------------------------------------------------------------------- uploads


def test_an_uploaded_document_that_is_not_utf8_is_refused_with_its_line() -> None:
    with pytest.raises(LabError) as refused:
        read_upload("article.txt", "Première ligne\nDeuxième ligne".encode("latin-1"))
    assert refused.value.message("fr") == ("« article.txt » n'est pas un texte UTF-8 (ligne 1) : dans votre éditeur, "
                                           "enregistrez-le en UTF-8, puis réessayez.")


def test_an_uploaded_document_over_two_megabytes_is_refused() -> None:
    with pytest.raises(LabError) as refused:
        read_upload("long.txt", b"a" * (2 * 1024 * 1024 + 1))
    assert refused.value.message("en") == (
        "'long.txt' is 2.0 MB: a document may be 2 MB at most (keep only the article's text).")


@pytest.mark.parametrize(("name", "data", "key"), [
    ("article.pdf", b"%PDF-1.4", "lab_upload_type"), ("article.docx", b"PK", "lab_upload_type"),
    ("vide.md", b"  \n", "lab_upload_empty"),
])
def test_other_uploads_are_refused(name: str, data: bytes, key: str) -> None:
    with pytest.raises(LabError) as refused:
        read_upload(name, data)
    assert refused.value.key == key


def test_an_upload_starts_a_lesson_that_validates_and_its_document_goes_to_seeds(kit: Path) -> None:
    text = (REPO / "seeds" / "2021-10-30_sputnik-france_moscou-invite-otan.txt").read_bytes()
    path = start_lesson("Mon article (copie).txt", text, "sputnik-copie", "fr", kit)
    assert path == kit.resolve() / "lessons" / "sputnik-copie.yaml"
    assert (kit / "seeds" / "Mon-article-copie-.txt").read_bytes() == text
    result = load_lesson(path, kit)
    assert result.ok, [str(p) for p in result.problems]


def test_an_upload_under_a_taken_id_is_refused_in_the_teachers_words(kit: Path) -> None:
    data = (REPO / "seeds" / "2021-10-30_sputnik-france_moscou-invite-otan.txt").read_bytes()
    with pytest.raises(LabError) as refused:
        start_lesson("autre.txt", data, "fixture-otan", "fr", kit)
    assert refused.value.message("fr") == (
        "La leçon n'a pas été créée : lessons/fixture-otan.yaml already exists: it is never overwritten; choose "
        "another --id (a lesson id must never change meaning)")


# --------------------------------------------------------------------------- answer key, X-ray


def test_the_answer_key_says_what_earns_the_points_for_every_question_type(kit: Path) -> None:
    loaded = load_lesson(kit / LESSON, kit).loaded
    keys = {q.id: key_markdown(loaded, q, "fr") for q in loaded.lesson.questions}
    assert "✅ **L'agence russe Tass** — *bonne réponse*" in keys["who-speaks"]
    assert "FB-AFP" in keys["who-speaks"] and "EXPL-WHO" in keys["who-speaks"]
    assert "«\u00a0poncifs anti-russes\u00a0»" in keys["loaded-words"] and "EXPL-PELEMELE" in keys["loaded-words"]
    assert "**Réponse modèle**" in keys["rewrite"] and "Grille (idées attendues)" in keys["rewrite"]
    assert "Question d'opinion, sans bonne réponse ni points." in keys["first-look"]
    assert "Zone attendue : de 1 à 2" in keys["last-look"]
    assert "» — Langage chargé (catégorie attendue)" in keys["label-techniques"]
    text = loaded.text
    assert [text[s:e] for s, e in expected_spans(loaded, "loaded-words")] == [
        "poncifs anti-russes", "pêle-mêle"]


def test_every_xray_quote_to_copy_finds_its_passage_in_the_document() -> None:
    doc = document_of((REPO / "lessons" / "rt-france-2018-sommet-otan.yaml").read_text(encoding="utf-8"), REPO)
    findings = xray(doc.text, "fr")
    block = quote_block(doc.text, findings, "fr")
    items = [item for item in block.split("- quote: ")[1:]]
    assert len(items) == len(findings)
    for finding, item in zip(findings, items, strict=True):
        quote = item.split("\n")[0].strip().strip('"').replace('\\"', '"')
        occurrence = int(item.split("occurrence: ")[1].split("\n")[0]) if "occurrence: " in item else None
        found = locate(doc.text, quote, occurrence)
        assert found.problem is None and found.span[0] == finding.start, item


def test_the_xray_layer_titles_each_passage_with_what_was_noticed() -> None:
    findings = xray("Ces poncifs anti-russes, selon certains experts, sont absurdes !", "fr")
    drawn = layer(findings, "en", "X-ray")
    assert drawn["name"] == "xray" and len(drawn["spans"]) == len(drawn["titles"]) == len(findings) > 0
    assert all(": " in title for title in drawn["titles"])


def test_a_broken_lesson_still_names_its_document_for_the_xray(kit: Path) -> None:
    text = broken((kit / LESSON).read_text(encoding="utf-8"), "unknown type")
    assert document_of(text, kit).file == "seeds/2018-07-11_rt-france_otan-sommet-isoler-russie.txt"
    assert document_of(text.replace("file: seeds/", "file: ../"), kit).text is None


