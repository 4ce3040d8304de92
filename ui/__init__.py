"""Streamlit glue shared by app.py and the pages: context, cached reads, small render helpers."""
