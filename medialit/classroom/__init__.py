"""Classroom mode, the parts without Streamlit: a class's data, the CSV export, the printable report."""
