"""``medialit new``: a lesson file that validates at once, on every seed, and refusals worded for teachers."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit.cli import main
from medialit.format.document import MAX_DOCUMENT_BYTES
from medialit.format.loader import load_lesson
from medialit.format.schema import SCHEMA_LINE
from medialit.scaffold.meta import read_metadata
from medialit.scaffold.writer import ScaffoldError, scaffold, slugify
from tests.authoring.conftest import SEEDS

SKILLS_WARNING = "no question trains framing, loaded_language: a lesson should cover all three skills"
PLACEHOLDER_WARNINGS = [f"'{key}' still holds the placeholder 'À écrire' / 'To write' left by medialit new: write it"
                        for key in ("title", "introduction", "goals", "discussion")]


def uncomment_examples(text: str) -> str:
    """What a teacher gets by removing "# " from the example questions' lines."""
    return "\n".join(re.sub(r"^  # ", "  ", line) if line.startswith("  # ") and not line.startswith("  # ---")
                     else line for line in text.splitlines())


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_a_new_lesson_on_each_seed_validates_with_warnings_only(seed, empty_kit):
    path = scaffold(seed, root=empty_kit)
    assert path == empty_kit / "lessons" / f"{slugify(seed.stem)}.yaml"
    assert (empty_kit / "seeds" / seed.name).read_bytes() == seed.read_bytes()
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    result = load_lesson(path, empty_kit)
    assert result.ok, [str(p) for p in result.problems]
    assert [p.message for p in result.problems] == [*PLACEHOLDER_WARNINGS, SKILLS_WARNING]
    assert result.loaded.lesson.status == "draft"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_every_commented_example_is_a_valid_question_once_uncommented(seed, empty_kit):
    path = scaffold(seed, root=empty_kit)
    path.write_text(uncomment_examples(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = load_lesson(path, empty_kit)
    assert result.ok, [str(p) for p in result.problems]
    assert [q.type for q in result.loaded.lesson.questions] == [
        "rating", "choice", "highlight", "free_text", "rating", "label"]


def test_xray_suggestions_are_commented_quotes_of_the_document(empty_kit):
    seed = next(s for s in SEEDS if "mondialisation" in s.name)
    text = scaffold(seed, lesson_id="macron", root=empty_kit).read_text(encoding="utf-8")
    suggestions = text[text.index("# X-ray suggestions"):]
    assert '#     - quote: "globalistes"\n#       occurrence: 1\n#       technique: name_calling\n' in suggestions
    assert '#     - quote: "24%"\n' in suggestions
    assert "# --- Langage chargé (loaded):" in suggestions
    assert all(line.startswith("#") for line in suggestions.splitlines())


def test_the_metadata_read_from_the_document_is_filled_in(empty_kit):
    seed = next(s for s in SEEDS if "blog-tasin" in s.name)
    text = scaffold(seed, lesson_id="tasin", root=empty_kit).read_text(encoding="utf-8")
    assert ('  title: "De hauts gradés de l\'armée appellent à sortir de l\'Otan et à s\'allier avec la Russie"'
            "   # check it: the headline as printed") in text
    assert '  author: "Christine Tasin"   # check it: the author as printed' in text
    assert '  date: "26 juillet 2023"   # check it: the date as printed' in text
    assert '  address: "https://www.r7media.fr/2023/07/pour-une-nouvelle-alliance-fr"' in text


@pytest.mark.parametrize(("name", "expected"), [
    ("2018-07-11_rt", dict(title="L'OTAN ne veut pas isoler la Russie malgré «l'annexion» de la Crimée",
                           date=None, address=None, author=None)),
    ("2021-10-30_sputnik", dict(date="30.10.2021", author=None)),
    ("2024-02-28_mondialisation", dict(date="28 février 2024", author="Karine Bechet-Golovko", address=None)),
    ("sans-date", dict(title=None, date=None, address=None, author=None)),
])
def test_metadata_as_printed_in_each_seed(name, expected):
    seed = next(s for s in SEEDS if s.name.startswith(name))
    meta = read_metadata(seed.read_text(encoding="utf-8"))
    assert {key: getattr(meta, key) for key in expected} == expected


def test_the_kit_folder_comes_from_medialit_home(empty_kit, monkeypatch):
    monkeypatch.setenv("MEDIALIT_HOME", str(empty_kit))
    path = scaffold(SEEDS[0], lesson_id="from-home")
    assert path == empty_kit / "lessons" / "from-home.yaml"


def test_a_document_already_in_the_kit_is_not_copied(empty_kit):
    (empty_kit / "contrast").mkdir()
    inside = empty_kit / "contrast" / "texte.txt"
    inside.write_text("Un titre de test assez long\n\nLe texte.\n", encoding="utf-8")
    path = scaffold(inside, root=empty_kit)
    assert "  file: contrast/texte.txt" in path.read_text(encoding="utf-8")
    assert list((empty_kit / "seeds").iterdir()) == []


def test_an_existing_lesson_is_never_overwritten(empty_kit):
    path = scaffold(SEEDS[0], lesson_id="once", root=empty_kit)
    path.write_text(path.read_text(encoding="utf-8") + "# my work\n", encoding="utf-8")
    with pytest.raises(ScaffoldError) as error:
        scaffold(SEEDS[0], lesson_id="once", root=empty_kit)
    assert str(error.value) == ("lessons/once.yaml already exists: it is never overwritten; choose another --id "
                                "(a lesson id must never change meaning)")
    assert path.read_text(encoding="utf-8").endswith("# my work\n")


def test_an_id_used_by_another_file_is_refused(empty_kit):
    (empty_kit / "exercises" / "drill.yaml").write_text("id: taken\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="the id 'taken' is already used by exercises/drill.yaml"):
        scaffold(SEEDS[0], lesson_id="taken", root=empty_kit)


def test_a_bad_id_is_refused(empty_kit):
    with pytest.raises(ScaffoldError, match="'Mon Cours' cannot be a lesson id"):
        scaffold(SEEDS[0], lesson_id="Mon Cours", root=empty_kit)


def test_a_symlink_leading_outside_the_kit_is_refused(empty_kit, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("Un texte hors du kit, assez long.\n", encoding="utf-8")
    for link in (tmp_path / "link.txt", empty_kit / "seeds" / "link.txt"):
        link.symlink_to(outside)
        with pytest.raises(ScaffoldError) as error:
            scaffold(link, root=empty_kit)
        assert str(error.value) == (f"'{link}' is a link to a file outside the kit: copy the file itself "
                                    "(not a link) and run the command on the copy")
    assert list((empty_kit / "lessons").iterdir()) == []


def test_a_file_over_two_megabytes_is_refused(empty_kit, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_DOCUMENT_BYTES + 1))
    with pytest.raises(ScaffoldError) as error:
        scaffold(big, root=empty_kit)
    assert str(error.value) == (f"'{big}' is 2.0 MB: a document may be 2 MB at most (keep only the article's text)")


def test_text_that_is_not_utf8_is_refused(empty_kit, tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Première ligne\nDeuxième ligne : été\n".encode("latin-1"))
    with pytest.raises(ScaffoldError) as error:
        scaffold(latin, root=empty_kit)
    assert str(error.value) == (f"'{latin}' is not UTF-8 text (line 1): save it as UTF-8 text in your editor, "
                                "then run the command again")


def test_missing_empty_and_clashing_documents_are_refused(empty_kit, tmp_path):
    with pytest.raises(ScaffoldError, match="no such file"):
        scaffold(tmp_path / "nothing.txt", root=empty_kit)
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="is empty: paste the document's text into it first"):
        scaffold(tmp_path / "empty.txt", root=empty_kit)
    (empty_kit / "seeds" / "same.txt").write_text("Un autre texte\n", encoding="utf-8")
    (tmp_path / "same.txt").write_text("Un texte différent, avec un titre\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="seeds/same.txt already exists with a different text"):
        scaffold(tmp_path / "same.txt", root=empty_kit)


def test_file_names_become_lesson_ids():
    assert slugify("2018-07-11_RT France: «OTAN» été") == "2018-07-11-rt-france-otan-ete"
    assert slugify("«»") == "lesson"
    assert len(slugify("x" * 200)) == 80


def test_no_file_is_left_behind_when_a_document_is_refused(empty_kit, tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("é".encode("latin-1"))
    with pytest.raises(ScaffoldError):
        scaffold(latin, root=empty_kit)
    assert sorted(os.listdir(empty_kit / "seeds")) == [] and sorted(os.listdir(empty_kit / "lessons")) == []
    assert Path(latin).exists()


def test_a_document_beside_the_kit_given_with_dot_dot_is_copied(empty_kit, monkeypatch):
    """`medialit new ../work/article.txt` run inside the kit: a plain file outside it, not a link."""
    work = empty_kit.parent / "work"
    work.mkdir()
    (work / "article.txt").write_text("Un titre d'article assez long\n\nLe texte de l'article.\n", encoding="utf-8")
    monkeypatch.chdir(empty_kit)
    path = scaffold(Path("../work/article.txt"), root=empty_kit)
    assert "  file: seeds/article.txt" in path.read_text(encoding="utf-8")
    assert (empty_kit / "seeds" / "article.txt").read_text(encoding="utf-8").startswith("Un titre d'article")


def test_a_link_inside_the_kit_through_a_linked_folder_is_still_refused(empty_kit, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "a.txt").write_text("Un texte hors du kit, assez long.\n", encoding="utf-8")
    (empty_kit / "seeds" / "linked").symlink_to(outside)
    with pytest.raises(ScaffoldError, match="is a link to a file outside the kit"):
        scaffold(empty_kit / "seeds" / "linked" / "a.txt", root=empty_kit)


def test_a_new_lesson_is_a_draft_until_the_teacher_publishes_it(empty_kit):
    path = scaffold(SEEDS[0], lesson_id="brouillon", root=empty_kit)
    text = path.read_text(encoding="utf-8")
    assert "\nstatus: draft   # students do not see a draft" in text
    published = text.replace("status: draft", "status: published")
    path.write_text(published, encoding="utf-8")
    assert load_lesson(path, empty_kit).loaded.lesson.is_draft is False


def test_leftover_placeholders_fail_strict_validation(empty_kit, monkeypatch):
    monkeypatch.setenv("MEDIALIT_HOME", str(empty_kit))
    path = scaffold(SEEDS[0], lesson_id="a-finir", root=empty_kit)
    result = CliRunner().invoke(main, ["validate", str(path), "--strict"])
    assert result.exit_code == 1
    assert "\nlessons/a-finir.yaml:9: warning: 'title' still holds the placeholder 'À écrire' / 'To write' left " \
           "by medialit new: write it\n" in "\n" + result.output
    written = path.read_text(encoding="utf-8").replace("À écrire : ", "").replace("To write: ", "")
    path.write_text(written, encoding="utf-8")
    assert [p.message for p in load_lesson(path, empty_kit).problems] == [SKILLS_WARNING]


def test_a_placeholder_is_only_the_text_medialit_new_writes(empty_kit):
    path = scaffold(SEEDS[0], lesson_id="consigne", root=empty_kit)
    text = path.read_text(encoding="utf-8").replace("À écrire : ", "").replace("To write: ", "")
    text = text.replace('en: "what students will read and do."', 'en: "To write a neutral version, read it twice."')
    path.write_text(text, encoding="utf-8")
    assert [p.message for p in load_lesson(path, empty_kit).problems] == [SKILLS_WARNING]


def test_the_byline_gives_the_author_and_the_outlet(empty_kit, tmp_path):
    document = tmp_path / "article.txt"
    document.write_text("La mairie ferme la piscine cet été\n\nPar Jeanne Martin | Le Courrier de Valmoret | "
                        "3 mai 2025\n\nLe texte de l'article.\n", encoding="utf-8")
    text = scaffold(document, root=empty_kit).read_text(encoding="utf-8")
    assert '  author: "Jeanne Martin"   # check it: the author as printed' in text
    assert '  outlet: "Le Courrier de Valmoret"   # check it: the outlet or site as printed' in text


def test_a_printed_byline_with_an_empty_author_is_a_warning(empty_kit, tmp_path):
    document = tmp_path / "article.txt"
    document.write_text("Un titre assez long pour un article\n\nBy Tom Hale, The Elswick Gazette\n\nText.\n",
                        encoding="utf-8")
    path = scaffold(document, lesson_id="signe", root=empty_kit)
    path.write_text(path.read_text(encoding="utf-8").replace('  author: "Tom Hale"', "  author: null"),
                    encoding="utf-8")
    assert ("lessons/signe.yaml:13: warning: the document is signed (line 3: \"By Tom Hale, The Elswick Gazette\") but "
            "'author:' is empty: add author: \"Tom Hale\" under 'document:', or students will read that no author is "
            "given") in [str(p) for p in load_lesson(path, empty_kit).problems]
