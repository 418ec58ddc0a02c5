"""The projector lobby: a full-screen join view — code, QR code, address, who has joined — and nothing else.

Opened from the class sessions page in its own tab (the teacher's remembered login opens it), made
to be projected: no menu, no header, no teacher control (closing or deleting a session is never
on the wall). Sized from the window, so the QR code decodes and the code reads from the back of
the room at 1024x768 as at 1920x1080. The count and the names refresh every 3 s (a fragment).
"""

from __future__ import annotations

import base64
from html import escape

import streamlit as st

from medialit.i18n import tr
from medialit.store import ClassSession, display_code, get_store
from medialit.store.classroom import learners_frame
from medialit.ui.state import lang as ui_lang
from medialit.ui.teacher.auth import is_teacher, require_teacher
from medialit.ui.teacher.joinaddress import join_urls
from medialit.ui.teacher.selection import QP_CLASS

URL_PATH = "teacher-lobby"
REFRESH = "3s"
MAX_NAMES = 60

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"], .block-container { padding: 2vh 3vw !important; max-width: 100% !important; }
.ml-lobby { display: flex; gap: 3vw; align-items: flex-start; justify-content: space-between; }
.ml-lobby-text { flex: 1 1 auto; min-width: 0; }
.ml-lobby-name { font-size: clamp(1.4rem, 3.2vw, 3rem); font-weight: 700; margin: 0 0 1vh; line-height: 1.15; }
.ml-lobby-label { font-size: clamp(1rem, 1.9vw, 1.8rem); margin: 2vh 0 0; color: #1f2129; }
.ml-lobby-code { font-family: monospace; font-weight: 700; white-space: nowrap; letter-spacing: .06em;
  font-size: min(11vw, 17vh); line-height: 1.05; margin: 0; color: #000; }
.ml-lobby-address { font-family: monospace; font-size: clamp(1rem, 2.1vw, 2.2rem); overflow-wrap: anywhere;
  margin: .3vh 0 0; color: #000; }
.ml-lobby-qr { flex: 0 0 auto; text-align: center; }
.ml-lobby-qr img { width: min(40vw, 72vh); height: auto; image-rendering: pixelated; display: block; }
.ml-lobby-qr p { font-size: clamp(1rem, 1.8vw, 1.6rem); margin: .5vh 0 0; }
.ml-lobby-count { font-size: clamp(1.3rem, 2.6vw, 2.6rem); font-weight: 700; margin: 1vh 0; }
.ml-lobby-names { display: flex; flex-wrap: wrap; gap: .5rem .7rem; padding: 0; margin: 0; list-style: none; }
.ml-lobby-names li { font-size: clamp(1rem, 1.7vw, 1.7rem); background: #e6eefa; color: #0d2c54;
  border-radius: .4rem; padding: .1rem .6rem; }
</style>
"""


def page() -> None:
    """The page (guarded: teacher only; no sidebar, no controls)."""
    lang = ui_lang()
    st.html(CSS)
    require_teacher(lang, sidebar=False)
    klass = wanted_session()
    if klass is None:
        st.info(tr("class_no_sessions", lang))
        return
    url, _ = join_urls(klass.join_code, URL_PATH)
    st.html(join_panel(klass, url, lang))
    joined(klass.id, lang)


def wanted_session() -> ClassSession | None:
    """The session named by ``?class=<id>`` in the address, else the newest one."""
    store = get_store()
    wanted = st.query_params.get(QP_CLASS, "")
    if wanted.isdigit():
        found = store.class_session(int(wanted))
        if found is not None:
            return found
    sessions = store.class_sessions()
    return sessions[0] if sessions else None


def join_panel(klass: ClassSession, url: str, lang: str) -> str:
    """The static part as HTML (everything escaped): name, code, address, QR code."""
    from medialit.classroom.joinlink import qr_png

    qr = base64.b64encode(qr_png(url, box_size=16)).decode("ascii")
    note = escape(tr("class_closed_note", lang))
    closed = "" if klass.is_open else f'<p class="ml-lobby-label"><strong>{note}</strong></p>'
    return (
        '<div class="ml-lobby" data-testid="lobby">'
        '<div class="ml-lobby-text">'
        f'<h1 class="ml-lobby-name">{escape(klass.name)}</h1>{closed}'
        f'<p class="ml-lobby-label">{escape(tr("class_join_code", lang))}</p>'
        f'<p class="ml-lobby-code" data-testid="lobby-code">{escape(display_code(klass.join_code))}</p>'
        f'<p class="ml-lobby-label">{escape(tr("class_join_address", lang))}</p>'
        f'<p class="ml-lobby-address" data-testid="lobby-address">{escape(url)}</p>'
        '</div>'
        f'<figure class="ml-lobby-qr"><img data-testid="lobby-qr" src="data:image/png;base64,{qr}" '
        f'alt="{escape(tr("class_qr_alt", lang, url=url))}">'
        f'<p>{escape(tr("class_qr_caption", lang))}</p></figure>'
        "</div>"
    )


@st.fragment(run_every=REFRESH)
def joined(class_session_id: int, lang: str) -> None:
    """How many have joined, and their pseudonyms in joining order; redrawn every few seconds."""
    if not is_teacher():
        st.stop()
    learners = learners_frame(get_store(), class_session_id)
    present = learners[learners["left_at"].isna()]
    names = [str(name) for name in present["pseudonym"] if isinstance(name, str)]
    shown = names[:MAX_NAMES]
    more = len(names) - len(shown)
    items = "".join(f"<li>{escape(name)}</li>" for name in shown)
    if more:
        items += f"<li>{escape(tr('class_lobby_more', lang, n=more))}</li>"
    st.html(f'<p class="ml-lobby-count" data-testid="lobby-count">{escape(tr("class_lobby_count", lang, n=len(names)))}'
            f'</p><ul class="ml-lobby-names" data-testid="lobby-names">{items}</ul>')
