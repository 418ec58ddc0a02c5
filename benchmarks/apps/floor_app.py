"""The framework's floor: a minimal Streamlit page with as many elements of each kind as asked.

The query string says how many of each to draw, with the element names the websocket client
reports (``?markdown=12&button=6&radio=1&block=4...``): the rerun-cost benchmark mirrors each
state of the lesson page here, so the ratio lesson / floor is what the app adds on top of
Streamlit itself. Contents are tiny and constant; widgets have distinct keys.
"""

from collections.abc import Callable

import streamlit as st
from floor_component import COMPONENT  # registered once per process, like the app's highlight widget

# One drawer per element kind the websocket client reports, called with the element's key and index.
_DRAWERS: dict[str, Callable[[str, int], object]] = {
    "button": lambda key, i: st.button(f"Button {i}", key=key),
    "radio": lambda key, i: st.radio(f"Radio {i}", ["a", "b", "c"], index=None, key=key, on_change="ignore"),
    "checkbox": lambda key, i: st.checkbox(f"Checkbox {i}", key=key, on_change="ignore"),
    "selectbox": lambda key, i: st.selectbox(f"Select {i}", ["a", "b", "c"], index=None, key=key, on_change="ignore"),
    "multiselect": lambda key, i: st.multiselect(f"Multi {i}", ["a", "b", "c"], key=key),
    "button_group": lambda key, i: st.segmented_control(f"Segments {i}", ["a", "b", "c"], key=key),
    "text_area": lambda key, i: st.text_area(f"Text {i}", key=key),
    "text_input": lambda key, i: st.text_input(f"Input {i}", key=key),
    "bidi_component": lambda key, i: COMPONENT(key=key, data={"i": i}, height="content"),
    "heading": lambda key, i: st.subheader(f"Heading {i}"),
    "alert": lambda key, i: st.info(f"Alert {i}"),
    "progress": lambda key, i: st.progress(0.5, text=f"Progress {i}"),
    "code": lambda key, i: st.code(f"code {i}", language=None),
    "metric": lambda key, i: st.metric(f"Metric {i}", i),
    "block": lambda key, i: st.container(),
}


def draw(kind: str, i: int) -> None:
    """One element of ``kind`` (unknown kinds draw a markdown line)."""
    drawer = _DRAWERS.get(kind)
    if drawer is None:
        st.markdown(f"Line {i} of a **minimal** page.")
    else:
        drawer(f"floor-{kind}-{i}", i)


for name, count in sorted(st.query_params.to_dict().items()):
    if count.isdigit():
        for index in range(min(int(count), 500)):
            draw(name, index)
