"""How much a person may type into the kit, in one place (no imports: every layer may use it).

Each bound is enforced twice: by the widget (``max_chars``: the browser stops typing there, and
Streamlit cuts a longer value) and by the server before any work (a client can send anything over
the websocket). The shipped ``.streamlit/config.toml`` also caps what one websocket message may
carry (``server.maxWidgetStateSize``, 1 MB), so nothing bigger ever reaches the app.
"""

from __future__ import annotations

# A written answer: 1,400+ French words, far above any lesson's word limit (250 by default), and a
# third of a spreadsheet cell (32,767 characters) in the class CSV.
ANSWER_TEXT_MAX = 10_000
# Pieces of one answer (ticked options, marked passages, labelled excerpts): no question has more.
ANSWER_PARTS_MAX = 1_000
# A pseudonym, once normalised (the column is 64 characters wide).
PSEUDONYM_MAX = 64
# A code as typed or in an address: 12 characters plus dashes or spaces between them.
CODE_INPUT_MAX = 32
# A class session's name (the column is 200 characters wide).
CLASS_NAME_MAX = 200
# A teacher's comment on an answer.
COMMENT_MAX = 2_000
# A teacher password attempt (a pass phrase longer than this cannot be configured usefully).
PASSWORD_MAX = 1_024
# A lesson id from an address, when shown back in a message.
SHOWN_ID_MAX = 80
