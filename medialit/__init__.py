"""medialit: a media-literacy teaching kit.

The core (format, loading, scoring, storage, analytics) is pure Python and never imports
Streamlit; only ``medialit.ui`` does.
"""

__version__ = "0.1.0"
