"""The student page: the catalogue, a lesson (``?lesson=<id>``) or its summary (``&view=summary``).

One page routed by the URL, so a refresh, a bookmark or a shared link lands exactly where the
student was; ``code`` and ``lang`` ride along in the same URL. The learner bar (class, pseudonym,
code) comes first on every view.
"""

from __future__ import annotations

from medialit.ui import learner_bar, sidebar
from medialit.ui.state import VIEW_SUMMARY, lang, lesson_in_url, view_in_url
from medialit.ui.views import catalogue, lesson, summary


def page() -> None:
    language = lang()
    sidebar.render(language)
    learner_bar.render(language)
    lesson_id = lesson_in_url()
    if lesson_id is None:
        catalogue.page(language)
    elif view_in_url() == VIEW_SUMMARY:
        summary.page(lesson_id, language)
    else:
        lesson.page(lesson_id, language)
