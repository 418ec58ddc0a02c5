"""The floor app's component, registered once per process (a module is imported once)."""

import streamlit as st

COMPONENT = st.components.v2.component(
    "floor_component",
    html="<div class='floor'></div>",
    js="export default function(component) { component.parentElement.textContent = 'floor'; }",
)
