"""The page agent: an invisible component drawn once per run on every page (by ``app.py``).

It does, in the browser, the three things a Streamlit page cannot do from Python:

1. **cookies** — POSTs the signed tickets :mod:`medialit.ui.remember` queued to the cookie route
   (``medialit.web.cookies``), then reports each one back so it is not sent twice;
2. **the page's language** — sets ``<html lang>`` to the interface's language (Streamlit always
   writes ``en``), so screen readers read French as French;
3. **Streamlit's own words** — the framework writes a few English strings of its own (input hints
   such as "Press Enter to apply", the running indicator, the connection-error and page-not-found
   dialogs, the sidebar's button labels). A MutationObserver puts the catalogue's words in their
   place, in ``aria-label``/``title``/``placeholder`` attributes everywhere and in text outside the
   app's content (the page's Markdown, tables, code and components are never touched: a lesson may
   well say "Stop"). The list is :data:`FRAMEWORK_STRINGS`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import streamlit as st

from medialit.i18n import tr
from medialit.ui import remember

KEY = "ml-agent"

# Streamlit 1.67's English strings (as its frontend writes them) -> the catalogue key that replaces them.
FRAMEWORK_STRINGS = {
    "Press Enter to apply": "chrome_enter_apply",
    "Press Ctrl+Enter to apply": "chrome_ctrl_enter_apply",
    "Press ⌘+Enter to apply": "chrome_ctrl_enter_apply",
    "Press Enter to submit form": "chrome_enter_submit",
    "Press Ctrl+Enter to submit form": "chrome_ctrl_enter_submit",
    "Press ⌘+Enter to submit form": "chrome_ctrl_enter_submit",
    "Running...": "chrome_running",
    "Stop": "chrome_stop",
    "Connecting": "chrome_connecting",
    "Connection error": "chrome_connection_error",
    "Connection timed out.": "chrome_connection_lost",
    "Close": "chrome_close",
    "Try again": "chrome_try_again",
    "Page not found": "chrome_page_not_found",
    "The page that you have requested does not seem to exist. Running the app's main page.": "chrome_page_missing",
    "No results": "chrome_no_results",
    "Select all": "chrome_select_all",
    "Choose an option": "chrome_choose",
    "Choose options": "chrome_choose",
    "Skip to main content": "chrome_skip_to_content",
    "Collapse sidebar": "chrome_collapse_sidebar",
    "Expand sidebar": "chrome_expand_sidebar",
    "Main menu": "chrome_main_menu",
    "Copy to clipboard": "chrome_copy",
    "View fullscreen": "chrome_fullscreen",
    "Exit fullscreen": "chrome_exit_fullscreen",
    "Clear all": "chrome_clear",
    "Clear value": "chrome_clear",
    "Open": "chrome_open",
    "Decrement": "chrome_decrement",
    "Increment": "chrome_increment",
    "Drag and drop a file here": "chrome_drop_file",
    "Upload": "chrome_upload",
    "Sidebar": "chrome_sidebar",
    "App pages": "chrome_app_pages",
    "Link to heading": "chrome_heading_link",
    "Streamlit server is not responding. Are you connected to the internet?": "chrome_server_silent",
    "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:":
        "chrome_server_stopped",
    "streamlit run yourscript.py": "chrome_restart_command",
}

_JS = r"""
const STATE = "__medialitAgent";
// Content the app drew itself on the page: never translated (a lesson may well say "Stop"). Streamlit's own
// dialogs (connection lost, page not found) are drawn outside the page and are translated.
const CONTENT = ["stMain", "stSidebarUserContent"].map((area) => ["stMarkdownContainer", "stTable", "stCode",
  "stText", "stBidiComponentIsolated"].map((part) => `[data-testid='${area}'] [data-testid='${part}']`).join(", "))
  .join(", ");
const ATTRIBUTES = ["aria-label", "title", "placeholder"];

function agentState() {
  if (!window[STATE]) window[STATE] = { words: {}, sent: new Set(), observer: null };
  return window[STATE];
}

function translateText(node, words) {
  const text = node.data.trim();
  const word = text && words[text];
  if (word && !(node.parentElement && node.parentElement.closest(CONTENT))) {
    node.data = node.data.replace(text, word);
  }
}

function translateElement(element, words) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value && words[value.trim()]) element.setAttribute(name, words[value.trim()]);
  }
}

function translateTree(root, words) {
  if (root.nodeType === Node.TEXT_NODE) { translateText(root, words); return; }
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  // Attributes everywhere (Streamlit labels its own buttons and anchors, even inside content)...
  translateElement(root, words);
  for (const element of root.querySelectorAll("[aria-label], [title], [placeholder]")) translateElement(element, words);
  // ...text only outside the app's content.
  if (root.closest(CONTENT)) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) translateText(node, words);
}

function watch(state) {
  if (state.observer) return;
  state.observer = new MutationObserver((mutations) => {
    const words = state.words;
    if (!Object.keys(words).length) return;
    for (const m of mutations) {
      if (m.type === "characterData") translateText(m.target, words);
      else if (m.type === "attributes") translateElement(m.target, words);
      else for (const node of m.addedNodes) translateTree(node, words);
    }
  });
  state.observer.observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES,
  });
}

function store(cookie, setTriggerValue) {
  fetch(cookie.url, {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ticket: cookie.ticket }),
  }).then((response) => setTriggerValue("stored", { id: cookie.id, ok: response.ok }),
          () => setTriggerValue("stored", { id: cookie.id, ok: false }));
}

export default function (component) {
  const { data, setTriggerValue } = component;
  const state = agentState();
  if (data.lang && document.documentElement.lang !== data.lang) document.documentElement.lang = data.lang;
  state.words = data.words || {};
  watch(state);
  if (Object.keys(state.words).length) translateTree(document.body, state.words);
  for (const cookie of data.cookies || []) {
    if (state.sent.has(cookie.id)) continue;
    state.sent.add(cookie.id);
    store(cookie, setTriggerValue);
  }
}
"""

# Not isolated in a shadow root: it draws nothing (its box is hidden by medialit/ui/style.py), and pages'
# tests look for *the* isolated component of a page (the highlight widget) by its test id.
_COMPONENT = st.components.v2.component("medialit_agent", js=_JS, isolate_styles=False)


@cache
def framework_words(lang: str) -> dict[str, str]:
    """Streamlit's English strings and their replacement in ``lang`` (none for English)."""
    if lang == "en":
        return {}
    return {english: tr(key, lang) for english, key in FRAMEWORK_STRINGS.items()}


def _on_stored() -> None:
    result = st.session_state.get(KEY)
    value = dict(result).get("stored") if result is not None else None
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        remember.stored(value["id"])


def mount(lang: str) -> None:
    """Draw the agent (first thing on every page, so it also survives a page that stops early)."""
    data: dict[str, Any] = {"lang": lang, "words": framework_words(lang), "cookies": remember.pending()}
    with st.container(key="ml-agent-box", height=1, border=False):
        _COMPONENT(key=KEY, data=data, on_stored_change=_on_stored, width="stretch", height="content")
