"""The framework's floor: a minimal Streamlit page with as many elements of each kind as asked.

The query string says how many of each to draw, with the element names the websocket client
reports (``?markdown=12&button=6&radio=1&block=4...``): the rerun-cost benchmark mirrors each
state of the lesson page here, so the ratio lesson / floor is what the app adds on top of
Streamlit itself. Contents are tiny and constant; widgets have distinct keys.
"""

import streamlit as st
from floor_component import COMPONENT  # registered once per process, like the app's highlight widget


def draw(kind: str, i: int) -> None:
    """One element of ``kind`` (unknown kinds draw a markdown line)."""
    key = f"floor-{kind}-{i}"
    if kind == "button":
        st.button(f"Button {i}", key=key)
    elif kind == "radio":
        st.radio(f"Radio {i}", ["a", "b", "c"], index=None, key=key, on_change="ignore")
    elif kind == "checkbox":
        st.checkbox(f"Checkbox {i}", key=key, on_change="ignore")
    elif kind == "selectbox":
        st.selectbox(f"Select {i}", ["a", "b", "c"], index=None, key=key, on_change="ignore")
    elif kind == "multiselect":
        st.multiselect(f"Multi {i}", ["a", "b", "c"], key=key)
    elif kind == "button_group":
        st.segmented_control(f"Segments {i}", ["a", "b", "c"], key=key)
    elif kind == "text_area":
        st.text_area(f"Text {i}", key=key)
    elif kind == "text_input":
        st.text_input(f"Input {i}", key=key)
    elif kind == "bidi_component":
        COMPONENT(key=key, data={"i": i}, height="content")
    elif kind == "heading":
        st.subheader(f"Heading {i}")
    elif kind == "alert":
        st.info(f"Alert {i}")
    elif kind == "progress":
        st.progress(0.5, text=f"Progress {i}")
    elif kind == "code":
        st.code(f"code {i}", language=None)
    elif kind == "metric":
        st.metric(f"Metric {i}", i)
    elif kind == "block":
        st.container()
    else:
        st.markdown(f"Line {i} of a **minimal** page.")


for name, count in sorted(st.query_params.to_dict().items()):
    if count.isdigit():
        for index in range(min(int(count), 500)):
            draw(name, index)
