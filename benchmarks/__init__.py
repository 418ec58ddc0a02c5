"""medialit's benchmarks and the server-level harness the fault tests share.

``python -m benchmarks.run`` (``make bench``) measures the real app under a simulated class, its
rerun cost against Streamlit's own floor, and the engine's throughput; see ``run.py``.
"""
