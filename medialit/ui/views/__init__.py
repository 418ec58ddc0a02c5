"""The app's pages. Each module exposes ``page()``-style functions; ``app.py`` lists the pages."""
