"""A tiny host for ui/settings_decisions.py, as the Settings page calls it (used by AppTest)."""
from ui import settings_decisions

settings_decisions.render()
