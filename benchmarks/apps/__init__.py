"""Tiny Streamlit apps the benchmarks compare the real app with."""
