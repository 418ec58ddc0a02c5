"""The lesson lab's logic, without Streamlit."""
