"""The app's few global style rules: readable contrast, small screens, the invisible page agent.

Streamlit's theme (``.streamlit/config.toml``) sets the colours it can; these rules fix what it
cannot: captions (grey, then faded to 60 %) and block quotes are drawn at ~3.9:1 contrast by default
(WCAG AA asks 4.5:1),
and the lesson's two columns leave the questions ~190 px wide on a 1024 px screen with the menu
open, so they stack below the document under 1200 px. Sent as one style-only ``st.html`` element
per run (it takes no room on the page).
"""

from __future__ import annotations

import streamlit as st

# #4a4d57 on white: 8.3:1; on the sidebar's grey (#f0f2f6) 7.5:1.
CSS = """
<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #4a4d57; opacity: 1; }
[data-testid="stCaptionContainer"] a { color: #1f5fa8; }
[data-testid="stMarkdownContainer"] blockquote { color: #2b2d35; border-left-color: #6b6f7b; opacity: 1; }
[data-testid="stWidgetLabel"] p { color: #1f2129; }
div:has(> .st-key-ml-agent-box), .st-key-ml-agent-box { display: none !important; }
@media (max-width: 1200px) {
  .st-key-lesson-layout [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]) { flex-wrap: wrap; }
  .st-key-lesson-layout [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] {
    min-width: 100%; flex: 1 1 100%;
  }
}
@media (max-width: 640px) {
  .block-container, [data-testid="stMainBlockContainer"] { padding-left: 1rem; padding-right: 1rem; }
}
</style>
"""


def inject() -> None:
    """Send the global style rules (call once per run, before the page draws)."""
    st.html(CSS)
