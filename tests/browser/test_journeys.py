"""The main journeys in a real browser: open Monday, read the cards, switch language and page."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_idle

pytestmark = pytest.mark.browser


def test_monday_opens_with_cards_then_switches_language_and_page(app_server, page, tmp_path):
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.goto(app_server.url)
    expect(page.get_by_role("heading", name=re.compile(r"^Uke 47 · 16\.–22\. november 2026"))).to_be_visible()
    wait_idle(page)
    values = page.get_by_test_id("stMetricValue")
    expect(values).to_have_count(6)
    expect(page.get_by_test_id("stMetricLabel").first).to_contain_text("Kostnad")
    expect(values.first).to_contain_text("kr")
    page.screenshot(path=str(tmp_path / "monday-nb.png"))

    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile(r"^Week 47 · 16–22 November 2026"))).to_be_visible()
    wait_idle(page)
    expect(page.get_by_test_id("stMetricLabel").first).to_contain_text("Spend")
    expect(page.get_by_test_id("stMetricValue").first).to_contain_text("NOK")

    page.get_by_role("link", name="Workspaces").click()
    expect(page.get_by_role("heading", name="Workspaces", exact=True)).to_be_visible()
    wait_idle(page)
    assert not [e for e in console_errors if "127.0.0.1" not in e and "favicon" not in e], console_errors


def test_previous_week_button_moves_the_whole_page(app_server, page):
    page.goto(app_server.url + "/?lang=en")
    wait_idle(page)
    page.get_by_role("button", name=re.compile("week 46")).click()
    expect(page.get_by_role("heading", name=re.compile(r"^Week 46 · 9–15 November 2026"))).to_be_visible()
