"""Exports of a lesson: a printable worksheet and answer key (HTML, A4, through Jinja templates with
autoescape), and Moodle's GIFT format. Each is a pure function of a loaded lesson (no file written):
``worksheet.worksheet_html``, ``key.answer_key_html``, ``gift.gift``. Each question type brings its
own pieces (``medialit.questions.kind``)."""
