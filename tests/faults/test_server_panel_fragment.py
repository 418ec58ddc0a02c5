"""The question panel is a fragment: on the real server, over the websocket, as a browser drives it.

Submit, Next and the like rerun the panel alone; the whole page reruns when what lies outside the
panel must change: a new resume code (the sidebar), marking on or off (a highlight question), marks
made in the document, the student's and the expected passages after a highlight answer, a
label question's excerpts, the X-ray, the summary. AppTest always reruns the whole script, so
only a server test sees the fragment reruns.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from benchmarks.answers import make_answer, widget_values
from benchmarks.harness import result_banner, running_server, stored_answers
from benchmarks.student import Student
from benchmarks.wsclient import Run
from medialit.format.loader import LoadedLesson, load_lesson
from medialit.ui import keys
from medialit.ui.highlight import sentence_units, snap_to_words

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
LESSON = "fixture-otan"  # rating, choice, highlight, choice, free text, label, rating


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fragment-kit") / "kit"
    shutil.copytree(REPO / "tests" / "app" / "fixtures" / "kit", root)
    shutil.copytree(REPO / "seeds", root / "seeds")
    return root


def panel_only(run: Run) -> bool:
    return bool(run.fragment_ids)


def document(run: Run) -> dict:
    """The data of the document widget on the page (marking or read-only)."""
    docs = [w for w in run.by_id.values() if w.kind == "bidi_component" and w.key != "ml-agent"]  # not the page agent
    assert len(docs) == 1, [w.key for w in docs]
    return docs[0].json_data() | {"key": docs[0].key}


def layers(run: Run) -> dict[str, list]:
    return {layer["name"]: layer["spans"] for layer in document(run)["layers"]}


def test_the_panel_reruns_alone_and_the_page_when_the_document_or_the_url_must_change(kit: Path) -> None:
    loaded: LoadedLesson = load_lesson(kit / "lessons" / "fixture-otan.yaml", kit).loaded
    rating, choice, highlight, framing, rewrite, label, last = loaded.lesson.questions

    async def walk(url: str) -> str:
        student = Student(url, loaded, seed=5, think=(0, 0))
        tab = student.tab
        await tab.connect()
        run = await student.act(first=True)
        assert not panel_only(run) and document(run)["key"] == keys.document(LESSON)

        async def submit(q, *, right: bool, attempt: int = 1) -> Run:  # type: ignore[no-untyped-def]
            inputs = widget_values(loaded, q, make_answer(loaded, q, "fr", student.rng, right=right), attempt, "fr")
            if inputs.edit:
                await student.act(values=inputs.edit)
            done = await student.act(click=keys.submit(LESSON, q.id, attempt), values=inputs.submit)
            assert result_banner(done), done.alerts()
            return done

        run = await submit(rating, right=True)  # the first answer creates the learner: a code for the sidebar
        assert not panel_only(run) and "code=" in tab.query
        assert any(kind == "code" for kind, _ in run.texts)

        run = await student.act(values={keys.xray(LESSON): True})  # corrected: the X-ray is offered, in the panel
        assert not panel_only(run) and "xray" in layers(run)
        run = await student.act(values={keys.xray(LESSON): False})
        assert not panel_only(run) and "xray" not in layers(run)

        run = await student.act(click=keys.step(LESSON, "next"))
        assert panel_only(run)
        run = await submit(choice, right=False)  # reduced feedback: nothing changes outside the panel
        assert panel_only(run) and keys.retry(LESSON, choice.id) in run.widgets
        run = await student.act(click=keys.hint(LESSON, choice.id))
        assert panel_only(run)
        run = await student.act(click=keys.retry(LESSON, choice.id))
        assert panel_only(run)
        run = await submit(choice, right=True, attempt=2)
        assert panel_only(run) and keys.xray(LESSON) in run.widgets  # the X-ray is offered, off: same document

        run = await student.act(click=keys.step(LESSON, "next"))  # to a highlight question: marking on
        marking = keys.answer(LESSON, highlight.id, 1)
        assert not panel_only(run) and document(run)["key"] == marking
        first = sentence_units(loaded.text)[0]
        run = await student.act(values={marking: {"spans": [list(first)]}})  # marked in the document (any device)
        assert not panel_only(run), "the document must redraw the new marks"
        marks = document(run)["marks"]
        assert marks == [list(s) for s in snap_to_words(loaded.text, [first])]
        run = await student.act(click=keys.submit(LESSON, highlight.id, 1))
        assert not panel_only(run) and result_banner(run)
        assert layers(run)["student"] == marks  # what was marked is what was stored and is drawn
        assert "expected" not in layers(run)  # one more try left: the expected passages wait

        run = await student.act(click=keys.step(LESSON, "next"))  # marking off, the student's layer gone
        assert not panel_only(run) and layers(run) == {}
        run = await submit(framing, right=True)
        assert panel_only(run)
        run = await student.act(click=keys.step(LESSON, "next"))
        assert panel_only(run)
        run = await submit(rewrite, right=True)
        assert panel_only(run)

        run = await student.act(click=keys.step(LESSON, "next"))  # a label question: its excerpts on the document
        assert not panel_only(run) and len(layers(run)["excerpt"]) == 2
        run = await student.act(click=keys.step(LESSON, "prev"))
        assert not panel_only(run) and "excerpt" not in layers(run)
        run = await student.act(click=keys.step(LESSON, "next"))
        run = await submit(label, right=True)
        assert panel_only(run)
        run = await student.act(click=keys.step(LESSON, "next"))
        assert not panel_only(run) and "excerpt" not in layers(run)
        run = await submit(last, right=True)

        run = await student.act(click=keys.finish(LESSON))  # the summary: another view in the URL
        assert not panel_only(run) and "view=summary" in tab.query
        await student.close()
        return student.progress.code

    with running_server(home=kit) as server:
        code = asyncio.run(walk(server.url))
        stored = [(a.question_id, a.attempt) for a in stored_answers(server) if a.code == code]
    assert stored == [(rating.id, 1), (choice.id, 1), (choice.id, 2), (highlight.id, 1), (framing.id, 1),
                      (rewrite.id, 1), (label.id, 1), (last.id, 1)]
