"""The metrics layer: declared KPIs, weekly aggregation, targets and the decision engine.

Pure functions over a DuckDB connection; no Streamlit here. `python -m metrics` is its command line.
"""
