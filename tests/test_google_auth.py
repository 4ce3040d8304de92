"""Credentials: stored owner-only outside the repository, found in secrets.toml or the folder,
and turned into real clients without any network."""
from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from connectors import google_auth


def _key(email: str = "mandag@mandag-test.iam.gserviceaccount.com") -> bytes:
    pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    return json.dumps({"type": "service_account", "project_id": "mandag-test", "private_key_id": "k1",
                       "private_key": pem, "client_email": email, "client_id": "1",
                       "token_uri": "https://oauth2.googleapis.com/token"}).encode()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("MANDAG_SECRETS_DIR", raising=False)
    monkeypatch.delenv(google_auth.REPLAY_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "home"


def test_default_folder_is_outside_the_project_and_private(home: Path) -> None:
    assert google_auth.secrets_dir() == home / ".config" / "mandag" / "credentials"
    assert google_auth.info() is None
    assert google_auth.save_service_account(_key()) == "mandag@mandag-test.iam.gserviceaccount.com"
    stored = home / ".config" / "mandag" / "credentials" / "service_account.json"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stat.S_IMODE(stored.parent.stat().st_mode) == 0o700
    info = google_auth.info()
    assert info == google_auth.CredentialInfo("service_account", "credentials folder",
                                              "mandag@mandag-test.iam.gserviceaccount.com")
    assert "PRIVATE" not in repr(info)


def test_real_clients_build_offline_from_the_stored_key(home: Path) -> None:
    google_auth.save_service_account(_key())
    from google.analytics.data_v1beta import BetaAnalyticsDataClient

    client = google_auth.ga4_client()
    assert isinstance(client, BetaAnalyticsDataClient)
    svc = google_auth.gsc_service()
    assert hasattr(svc, "searchanalytics") and hasattr(svc, "sites")
    creds = google_auth.credentials([google_auth.GSC_SCOPE])
    assert creds.service_account_email == "mandag@mandag-test.iam.gserviceaccount.com"


def test_secrets_toml_wins_over_the_folder(home: Path, tmp_path: Path) -> None:
    google_auth.save_service_account(_key("folder@x.iam.gserviceaccount.com"))
    other = tmp_path / "elsewhere.json"
    other.write_bytes(_key("toml@x.iam.gserviceaccount.com"))
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        f'[google]\nservice_account_file = "{other}"\nga4_property_id = "42"\n', encoding="utf-8")
    assert google_auth.secrets_toml()["ga4_property_id"] == "42"
    assert google_auth.info() == google_auth.CredentialInfo("service_account", "secrets.toml",
                                                            "toml@x.iam.gserviceaccount.com")


def test_nothing_configured_raises_a_sentence_key(home: Path) -> None:
    with pytest.raises(google_auth.NotConnected) as e:
        google_auth.credentials([google_auth.GA4_SCOPE])
    assert str(e.value) == "google.err.not_connected"


@pytest.mark.parametrize("data, code", [
    (b"not json", "google.err.not_json"),
    (b'{"installed": {"client_id": "x"}}', "google.err.is_oauth_client"),
    (b'{"type": "authorized_user"}', "google.err.not_service_account"),
    (b'{"type": "service_account", "client_email": "a@b"}', "google.err.incomplete_key"),
])
def test_wrong_files_are_refused_and_nothing_is_stored(home: Path, data: bytes, code: str) -> None:
    with pytest.raises(google_auth.BadCredentials) as e:
        google_auth.save_service_account(data)
    assert str(e.value) == code
    assert not (google_auth.secrets_dir() / "service_account.json").exists()


def test_oauth_token_is_used_when_there_is_no_key(home: Path) -> None:
    google_auth.save_oauth_client(b'{"installed": {"client_id": "x.apps.googleusercontent.com", "client_secret": "s",'
                                  b' "auth_uri": "https://accounts.google.com/o/oauth2/auth",'
                                  b' "token_uri": "https://oauth2.googleapis.com/token"}}')
    google_auth.write_private(google_auth.OAUTH_TOKEN_FILE, json.dumps(
        {"refresh_token": "r", "client_id": "x.apps.googleusercontent.com", "client_secret": "s",
         "token_uri": "https://oauth2.googleapis.com/token"}).encode())
    assert google_auth.info() == google_auth.CredentialInfo("oauth", "credentials folder", None)
    creds = google_auth.credentials([google_auth.GA4_SCOPE])
    assert creds.refresh_token == "r"
    with pytest.raises(google_auth.BadCredentials):
        google_auth.save_oauth_client(_key())
