"""In a real browser: HTML in campaign names and file names is shown as text, never run; a planted
private key appears in no page and in no line of the server's log.

A workspace is filled through the command line (`python -m connectors import`) with a Google Ads
and a Meta export whose campaign names — and one file name — are script payloads. Every page in
the navigation is then opened in Chromium.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import pytest
from playwright.sync_api import Page

from tests import proc_worker
from tests.browser.conftest import Server, wait_idle
from tests.security_support import fake_service_account

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ALERT = "<img src=x onerror=alert(1)>"
FLAG_IMG = '<img src=x onerror="window.__xss=1">'
FLAG_SCRIPT = "<script>window.__xss=2</script>"
FLAG_SVG = "<svg onload=window.__xss=3>"
JS_LINK = "[klikk her](javascript:window.__xss=4)"
PIXEL = "![spor](http://127.0.0.1:9/spor.png)"  # Markdown image: would leak the viewer's visit


def SecServer(data: Path, secrets: Path, log: Path, extra: tuple[str, ...] = ()) -> Server:
    """The app with its own data and credentials folders (the shared `Server`)."""
    return Server(data, log, env={"MANDAG_SECRETS_DIR": str(secrets)}, extra=extra)


def _import(path: Path, db_path: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", "connectors", "import", str(path), "--db", str(db_path), "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from connectors import google_auth
    from warehouse import db, workspaces

    root = tmp_path_factory.mktemp("hostile")
    data, secrets = root / "data", root / "credentials"
    ws = workspaces.create("Kunde AS", data).path
    db.forget(ws)
    # Seven weeks of daily Google Ads rows up to Sunday 22 November 2026, so the Monday page judges them.
    g1, _ = proc_worker.google_ads_csv(49, 1, date(2026, 10, 5), 49, campaign=ALERT)
    g2, _ = proc_worker.google_ads_csv(49, 2, date(2026, 10, 5), 49, campaign=FLAG_IMG)
    f1 = root / f"{ALERT}.csv"  # the file name is a payload too: the import history shows it
    g3, _ = proc_worker.google_ads_csv(49, 5, date(2026, 10, 5), 49, campaign=PIXEL)
    body = lambda g: b"\n".join(g.split(b"\n")[3:])  # noqa: E731 - the rows without the 3 header lines
    f1.write_bytes(g1 + body(g2) + body(g3))  # one export, three campaigns
    m, _ = proc_worker.meta_csv(1, 3, date(2026, 10, 1), date(2026, 10, 31), campaign=FLAG_SCRIPT + FLAG_SVG)
    f2 = root / "meta.csv"
    f2.write_bytes(m)
    m2, _ = proc_worker.meta_csv(1, 4, date(2026, 9, 1), date(2026, 9, 30), campaign=PIXEL)
    f3 = root / "meta-september.csv"
    f3.write_bytes(m2)
    reports = [_import(f1, ws), _import(f2, ws), _import(f3, ws)]
    assert [r["status"] for r in reports] == ["loaded", "loaded", "loaded"]
    # A CPL target, so the scale-or-cut table judges the hostile campaigns.
    targets = root / "targets.csv"
    targets.write_text("kpi,scope,baseline,target,start,deadline\ncpl,all,1200,900,2026-10-05,2026-12-31\n")
    out = subprocess.run([sys.executable, "-m", "metrics", "targets", "import", str(targets), "--db", str(ws)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr

    # Notes typed by a user: an ICE action and the strategy notes.
    from metrics import ice, strategy

    with db.connect(ws) as con:
        ice.add(con, ice.Item(name=FLAG_IMG, impact=8, confidence=7, effort=3, channel="Paid Search",
                              description=f"{ALERT} {JS_LINK} {PIXEL}"))
        strategy.save(con, "swot", {"strengths": f"{FLAG_SCRIPT}\n{ALERT}", "weaknesses": JS_LINK,
                                    "opportunities": FLAG_SVG, "threats": "**ikke fet**"})
    db.forget(ws)

    key, pieces = fake_service_account()
    old = os.environ.get("MANDAG_SECRETS_DIR")
    os.environ["MANDAG_SECRETS_DIR"] = str(secrets)
    try:
        google_auth.save_service_account(key)
    finally:
        if old is None:
            os.environ.pop("MANDAG_SECRETS_DIR", None)
        else:
            os.environ["MANDAG_SECRETS_DIR"] = old
    server = SecServer(data, secrets, root / "streamlit.log")
    try:
        yield {"server": server, "pieces": pieces, "log": root / "streamlit.log"}
    finally:
        server.stop()


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    page.wait_for_timeout(800)  # late elements (data grids) draw after the script has finished
    wait_idle(page)


def _nav_links(page: Page) -> list[str]:
    hrefs = page.locator('[data-testid="stSidebarNav"] a').evaluate_all("els => els.map(e => e.href)")
    return list(dict.fromkeys(h.split("?")[0] for h in hrefs))


def test_payloads_show_as_text_and_never_run(hostile: dict[str, Any], page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    base = hostile["server"].url
    elsewhere: list[str] = []  # every request must stay on the app's own origin
    page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else elsewhere.append(r.url))
    _open(page, base + "/?lang=en")
    links = _nav_links(page)
    assert len(links) >= 5, links
    seen: dict[str, str] = {}
    for url in links:
        _open(page, url + "?lang=en")
        assert page.evaluate("typeof window.__xss") == "undefined", url
        injected = page.evaluate("""() => [
            document.querySelectorAll('img[src="x"]').length,
            document.querySelectorAll('svg[onload]').length,
            [...document.querySelectorAll('script')].filter(s => s.textContent.includes('__xss')).length,
            document.querySelectorAll('a[href^="javascript:"]').length]""")
        assert injected == [0, 0, 0, 0], url
        seen[url] = page.evaluate("document.body.textContent")
    assert dialogs == []
    assert elsewhere == []

    def on(path: str) -> str:
        hit = [text for url, text in seen.items() if url.rstrip("/") == (base + "/" + path).rstrip("/")]
        assert hit, f"no page at /{path} in {list(seen)}"
        return hit[0]

    # Notes a user typed are shown as text, Markdown included.
    assert ALERT in on("plan-ice") and FLAG_IMG in on("plan-ice") and PIXEL in on("plan-ice")
    assert FLAG_SCRIPT in on("strategy") and ALERT in on("strategy") and JS_LINK in on("strategy")
    assert "**ikke fet**" in on("strategy")
    # Campaign names from the exports: the Monday page's scale-or-cut table and the import history.
    assert ALERT in on("") and FLAG_IMG in on("") and PIXEL in on(""), "the Monday page shows the campaign names"
    assert f"{ALERT}.csv" in on("import-data"), "the import history lists the file by its name"


def test_planted_key_is_in_no_page_and_no_log_line(hostile: dict[str, Any], page: Page) -> None:
    pieces = hostile["pieces"]
    base = hostile["server"].url
    _open(page, base + "/?lang=en")
    for url in _nav_links(page):
        _open(page, f"{url}?lang=nb")
        html = page.content()
        assert not [p for p in pieces if p in html], url
    settings = [u for u in _nav_links(page) if u.rstrip("/").endswith("/settings")]
    assert settings
    _open(page, settings[0] + "?lang=en")
    page.get_by_role("tab", name="Google").click()
    wait_idle(page)
    assert "mandag-reader@mandag-test.iam.gserviceaccount.com" in page.evaluate("document.body.textContent")
    assert not [p for p in pieces if p in page.content()]
    log = hostile["log"].read_text(errors="replace")
    assert "You can now view your Streamlit app" in log
    assert not [p for p in pieces if p in log]


def test_deployed_with_sign_in_a_visitor_sees_only_the_sign_in_screen(
        tmp_path: Path, demo_master: Path, page: Page) -> None:
    """A real server with an [auth] section (read from a secrets file outside the project)."""
    import shutil

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy2(demo_master, data / demo_master.name)
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text(
        '[auth]\nredirect_uri = "http://127.0.0.1:8501/oauth2callback"\n'
        'cookie_secret = "test-only-cookie-secret-0123456789abcdefghij"\n'
        '[auth.google]\nclient_id = "test.apps.googleusercontent.com"\nclient_secret = "test"\n'
        'server_metadata_url = "https://accounts.google.com/.well-known/openid-configuration"\n'
        '[mandag.access]\nallow = ["owner@firma.no"]\n', encoding="utf-8")
    server = SecServer(data, tmp_path / "credentials", tmp_path / "streamlit.log",
                       ("--secrets.files", str(secrets_file)))
    try:
        elsewhere: list[str] = []
        page.on("request", lambda r: None if r.url.startswith((server.url, "data:", "blob:"))
                else elsewhere.append(r.url))
        # Every address — a page's own, an old file-style one, or none — must show the sign-in screen.
        for path in ("/settings", "/import_data", "/monday", "/workspaces", "/", "/import-data"):
            _open(page, server.url + path + "?lang=en")
            assert page.get_by_role("button", name="Sign in with Google").is_visible(), path
            text = page.evaluate("document.body.textContent")
            assert "Mandag – sign in" in text, path
            # no workspace, no numbers, nothing to upload
            assert page.get_by_test_id("stMetricValue").count() == 0, path
            assert page.get_by_test_id("stFileUploader").count() == 0, path
            assert "Rørlegger" not in text and "NOK" not in text, path
        assert elsewhere == []
    finally:
        server.stop()
