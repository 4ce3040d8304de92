"""Settings → Google under AppTest: key upload (0600, e-mail only), property checks, site choice,
Sync now against recorded responses, and the status table."""
from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from connectors import google_auth
from test_google_sync import write_replay
from warehouse import db, settings

SCRIPT = "from ui import settings_google\nsettings_google.render()\n"
SECRET = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC-not-a-real-key\\n-----END PRIVATE KEY-----\\n"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MANDAG_SECRETS_DIR", str(tmp_path / "secrets"))
    monkeypatch.delenv(google_auth.REPLAY_ENV, raising=False)
    monkeypatch.setattr(google_auth, "secrets_toml", lambda: {})
    path = tmp_path / "w.duckdb"
    with db.connect(path):
        pass
    return path


def page(path: Path, lang: str = "en") -> AppTest:
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.session_state["db_path"] = str(path)
    at.session_state["lang"] = lang
    return at


def test_uploaded_key_is_stored_private_and_only_the_email_is_shown(env: Path, tmp_path: Path) -> None:
    at = page(env).run()
    assert at.info[0].value == "No Google access yet. Upload a service-account key, or sign in with Google."
    key = {"type": "service_account", "project_id": "mandag-test", "private_key_id": "abc",
           "private_key": SECRET.replace("\\n", "\n"), "client_email": "mandag@mandag-test.iam.gserviceaccount.com",
           "client_id": "1", "token_uri": "https://oauth2.googleapis.com/token"}
    at.file_uploader(key="google_sa_file").upload("key.json", json.dumps(key).encode(), "application/json").run()
    at.button(key="google_sa_save").click().run()
    assert not at.exception
    assert at.success[0].value == ("The key is saved. Give mandag@mandag-test.iam.gserviceaccount.com access in "
                                   "GA4 and Search Console.")
    stored = tmp_path / "secrets" / "service_account.json"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stat.S_IMODE(stored.parent.stat().st_mode) == 0o700
    at.run()
    shown = " ".join(str(e.value) for e in [*at.success, *at.info, *at.markdown, *at.caption])
    assert "mandag@mandag-test.iam.gserviceaccount.com" in shown
    assert "PRIVATE KEY" not in shown and "not-a-real-key" not in shown


def test_oauth_client_uploaded_as_key_is_refused(env: Path) -> None:
    at = page(env).run()
    client = {"installed": {"client_id": "x.apps.googleusercontent.com", "client_secret": "s"}}
    at.file_uploader(key="google_sa_file").upload("client.json", json.dumps(client).encode(), "application/json").run()
    at.button(key="google_sa_save").click().run()
    assert at.error[0].value.startswith("This is an OAuth client, not a service-account key.")
    assert not (Path(google_auth.secrets_dir()) / "service_account.json").exists()


def test_measurement_id_gets_the_sentence(env: Path) -> None:
    at = page(env, "nb").run()
    at.text_input(key="google_ga4_pid").set_value("G-7XK2M9").run()
    at.button(key="google_ga4_save").click().run()
    assert "Bruk den numeriske egenskaps-ID-en, ikke G-XXXX-måle-ID-en" in at.error[0].value
    with db.connect(env) as con:
        assert settings.get(con, "ga4_property_id") == ""


def test_connect_both_and_sync_now(env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_replay(tmp_path / "replay", date.today())
    monkeypatch.setenv(google_auth.REPLAY_ENV, str(tmp_path / "replay"))
    at = page(env).run()
    at.text_input(key="google_ga4_pid").set_value("properties/123456789").run()
    at.button(key="google_ga4_save").click().run()
    assert at.success[-1].value == "GA4 property 123456789 answers. It has 3 key events."
    assert at.multiselect(key="google_lead_events").options == ["generate_lead", "phone_call", "purchase"]
    at.multiselect(key="google_lead_events").set_value(["generate_lead"]).run()
    at.button(key="google_leads_save").click().run()
    at.button(key="google_gsc_list").click().run()
    pick = at.selectbox(key="google_site_pick")
    assert pick.options[1].startswith("sc-domain:rorleggernord.no (domain)")
    assert "unverified" in pick.options[2]
    at.selectbox(key="google_site_pick").select_index(1).run()
    at.button(key="google_gsc_save").click().run()
    assert not at.exception
    assert at.success[-1].value.startswith("Search Console property sc-domain:rorleggernord.no saved. It answers:")
    with db.connect(env) as con:
        assert settings.get(con, "ga4_property_id") == "123456789"
        assert settings.get(con, "gsc_site_url") == "sc-domain:rorleggernord.no"
        assert settings.get(con, "lead_events") == ["generate_lead"]
    at.button(key="google_sync_now").click().run()
    assert not at.exception
    texts = [s.value for s in at.success]
    assert any(x.startswith("GA4: fetched 20 rows for") for x in texts)
    assert any(x.startswith("Search Console: fetched 27 rows for") for x in texts)   # 18 query rows + 9 day totals
    table = at.dataframe[0].value
    assert sorted(table["Source"]) == ["GA4", "Search Console"]
    assert list(table["Status"]) == ["OK", "OK"]
    # the recorded GA4 report is thresholded: the section says so
    assert [w.value for w in at.warning] == [
        "GA4 withheld rows with few users (thresholding): small channels and campaigns may be missing."]
