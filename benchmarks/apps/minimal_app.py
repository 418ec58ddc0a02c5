"""A minimal Streamlit page: the yardstick for the app's first loads (``benchmarks/burst.py``)."""

import streamlit as st

st.title("Hello")
st.write("A minimal Streamlit page.")
