"""The smallest Streamlit page worth comparing against: a title and one metric.

The benchmark opens it in a fresh browser session beside the Monday page, on the same machine
in the same run, so the ratio says what Mandag adds on top of Streamlit itself. The metric
counts the script runs of the session, so a rerun is visible in the page.
"""
import streamlit as st

st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.title("Mandag")
st.metric("Kjøringer", st.session_state["runs"])
