"""A browser-less Streamlit client: speaks the app's own websocket protocol, like the browser does.

One :class:`AppClient` is one browser tab. It connects to ``/_stcore/stream`` (subprotocol
``streamlit``), sends ``BackMsg.rerun_script`` with a ``ClientState`` (query string, page hash,
widget states) and reads ``ForwardMsg``s until ``script_finished``. What it learned from a run is
a :class:`Run`: every element by widget key, the texts, the raw bytes of every message, and how
long the run took from the client's side (and, with ``browser.gatherUsageStats``, the server's
``page_profile.exec_time``).

Like the browser it keeps: the query string the app sets (``page_info_changed``), the page hash
(``new_session``), the values of the widgets the student set (dropped when the widget leaves the
page, replaced when the app sets a widget's value through ``st.session_state``), and, when
``cache_messages`` is on, the hashes of cacheable messages (the server then sends references).
Widget values go on the wire as the browser sends them (see :func:`benchmarks.runs.encode`).

Fragments (``st.fragment``) as the browser handles them: a click on (or an edit of) a widget drawn
by a fragment asks for a rerun of that fragment only (``ClientState.fragment_id``); the run then
sends that fragment's elements, and the page keeps the rest (:meth:`Run.keep_outside`). When the
fragment reruns the whole page instead (``st.rerun(scope="app")``), the run ends early and a run
of the page follows: the :class:`Run` is the last one, with the server time of both.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.runs import TEXT_KINDS, WIDGET_KINDS, Run, Widget, alert_kind, encode, user_key


class AppError(RuntimeError):
    """The server sent an exception element, or the run did not finish."""


class AppClient:
    """One browser tab on a Streamlit server. Use ``async with AppClient(url, query) as tab``."""

    def __init__(self, base_url: str, query: str = "", *, cache_messages: bool = False, locale: str = "fr-FR",
                 timeout: float = 60.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.query = query.lstrip("?")
        self.cache_messages = cache_messages
        self.locale = locale
        self.timeout = timeout
        self.page_hash = ""
        self.page_name = ""  # the URL path of a page (``st.Page(url_path=...)``) to open by name
        self.values: dict[str, WidgetState] = {}  # by widget id: what the student set
        self.cached: dict[str, Any] = {}  # hash -> (element, fragment id), like the browser's message cache
        self.last: Run | None = None
        self.runs = 0
        self._ws: Any = None

    async def __aenter__(self) -> AppClient:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def connect(self) -> None:
        url = self.base_url.replace("http://", "ws://").replace("https://", "wss://") + "/_stcore/stream"
        self._ws = await websockets.connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=self.timeout,
                                            ping_interval=None, compression=None)

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    def navigate(self, page: str, query: str = "") -> None:
        """Point the tab at another page (by URL path) and query string, as a link does; then ``rerun()``."""
        self.page_hash, self.page_name, self.query = "", page, query.lstrip("?")

    async def load(self) -> Run:
        """The first run of the tab (what a page load does)."""
        return await self.rerun()

    async def rerun(self, *, click: str | None = None, values: dict[str, Any] | None = None,
                    fragment_id: str | None = None) -> Run:
        """Set ``values`` (by widget key) then run the script, clicking button ``click`` if given.

        The fragment of the clicked (or edited) widget reruns alone, as in the browser; ``fragment_id``
        reruns that fragment instead (with no click and no edit: an unchanged fragment rerun).
        """
        run = Run()
        started = time.perf_counter()
        await self.send(click=click, values=values, fragment_id=fragment_id)
        await asyncio.wait_for(self._collect(run), self.timeout)
        run.seconds = time.perf_counter() - started
        return self._finish(run)

    async def send(self, *, click: str | None = None, values: dict[str, Any] | None = None,
                   fragment_id: str | None = None) -> None:
        """Send one rerun request without waiting for its result (a double click: send twice, then
        ``settle()``)."""
        await self._ws.send(self._message(click, values, fragment_id).SerializeToString())

    async def settle(self, quiet: float = 0.5) -> Run:
        """Read until a run finishes and the server then stays silent for ``quiet`` seconds; the last run."""
        run = Run()
        while True:
            await asyncio.wait_for(self._collect(run), self.timeout)
            try:
                nxt = Run()
                await asyncio.wait_for(self._collect(nxt), quiet)
            except TimeoutError:
                return self._finish(run)
            run = nxt

    def _message(self, click: str | None, values: dict[str, Any] | None, fragment_id: str | None = None
                 ) -> BackMsg:
        states = dict(self.values)
        for key, value in (values or {}).items():
            widget = self.last.widget(key) if self.last else None
            if widget is None:
                raise KeyError(f"cannot set {key!r} before the first run")
            state = encode(widget, value)
            self.values[widget.id] = state
            states[widget.id] = state
        trigger, touched = None, [self.last.widget(key) for key in values or {}] if self.last else []
        if click is not None:
            button = self.last.widget(click) if self.last else None
            if button is None:
                raise KeyError(f"cannot click {click!r} before the first run")
            if button.disabled:
                raise AppError(f"button {click!r} is disabled")
            trigger, touched = WidgetState(id=button.id, trigger_value=True), [button]
        if fragment_id is None:
            fragment_id = self._fragment_of(touched)
        msg = BackMsg()
        client = msg.rerun_script
        client.query_string = self.query
        client.page_script_hash = self.page_hash
        client.page_name = self.page_name
        client.fragment_id = fragment_id
        client.context_info.locale = self.locale
        client.context_info.timezone = "Europe/Paris"
        client.context_info.url = f"{self.base_url}/?{self.query}"
        client.widget_states.widgets.extend(states.values())
        if trigger is not None:
            client.widget_states.widgets.append(trigger)
        if self.cache_messages:
            client.cached_message_hashes.extend(self.cached)
        return msg

    @staticmethod
    def _fragment_of(changed: list[Widget]) -> str:
        """The fragment to rerun for a click on, or an edit of, ``changed`` (a click decides; the browser
        sends one edit at a time): "" (the whole page) unless they were all drawn by one fragment."""
        fragments = {widget.fragment_id for widget in changed}
        return fragments.pop() if len(fragments) == 1 else ""

    def _finish(self, run: Run) -> Run:
        if run.fragment_ids and self.last is not None:
            run.keep_outside(self.last)
        seen = set(run.by_id)
        self.values = {wid: state for wid, state in self.values.items() if wid in seen}
        self.last = run
        self.runs += 1
        return run

    async def _collect(self, run: Run) -> None:
        while True:
            data = await self._ws.recv()
            if isinstance(data, str):
                data = data.encode()
            run.raw.append(data)
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = fwd.new_session.page_script_hash or self.page_hash
            elif kind == "page_info_changed":
                self.query = fwd.page_info_changed.query_string
            elif kind == "page_profile":  # a run stopped for a rerun, then the rerun: both count
                run.exec_seconds = (run.exec_seconds or 0.0) + fwd.page_profile.exec_time / 1e6
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                if self.cache_messages and fwd.metadata.cacheable:
                    self.cached[fwd.hash] = (fwd.delta.new_element, fwd.delta.fragment_id)
                self._element(run, fwd.delta.new_element, fwd.delta.fragment_id)
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "add_block":
                run.kinds["block"] = run.kinds.get("block", 0) + 1
            elif kind == "ref_hash":
                self._element(run, *self.cached[fwd.ref_hash])  # the browser already has it
            elif kind == "script_finished":
                run.status = ForwardMsg.ScriptFinishedStatus.Name(fwd.script_finished)
                if fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    run.fragment_ids = tuple(fwd.metadata.run.fragment_ids)
                    return
                run.forget_elements()  # the page run that follows draws everything again

    def _element(self, run: Run, element: Any, fragment_id: str) -> None:
        kind = element.WhichOneof("type")
        run.elements += 1
        run.kinds[kind] = run.kinds.get(kind, 0) + 1
        proto = getattr(element, kind)
        if kind == "exception":
            run.exceptions.append(f"{proto.type}: {proto.message}\n" + "\n".join(proto.stack_trace))
        elif kind == "alert":
            run.add_text(f"alert:{alert_kind(proto)}", proto.body, fragment_id)
        elif kind in TEXT_KINDS:
            body = getattr(proto, "body", None) or getattr(proto, "text", None) or getattr(proto, "code_text", "")
            run.add_text(kind, str(body), fragment_id)
        if kind in WIDGET_KINDS and getattr(proto, "id", ""):
            widget = Widget(id=proto.id, key=user_key(proto.id), kind=kind, proto=proto, fragment_id=fragment_id)
            run.by_id[proto.id] = widget
            if widget.key:
                run.widgets[widget.key] = widget
            if getattr(proto, "set_value", False) and proto.id in self.values:
                del self.values[proto.id]  # the app set the value: the browser adopts it

    def check(self, run: Run) -> Run:
        """``run``, or AppError when the app raised or the run did not finish normally."""
        if run.exceptions:
            raise AppError("the app raised:\n" + "\n".join(run.exceptions))
        if run.status not in ("FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY"):
            raise AppError(f"the run ended with {run.status or 'nothing'}")
        return run


__all__ = ["AppClient", "AppError", "Run", "Widget", "encode"]
