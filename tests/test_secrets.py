"""Credentials stay private: owner-only files outside the repository, never shown, never logged.

A fake (but well-formed) Google service-account key is planted in the credentials folder; every
page is then rendered and its whole element tree searched for pieces of the key. The browser test
(`tests/browser/test_security_browser.py`) does the same with a real server's log and pages.
"""
from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.conftest import app_test
from connectors import google_auth
from security_support import fake_service_account

ROOT = Path(__file__).resolve().parents[1]


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.fixture
def secrets_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "home" / ".config" / "mandag" / "credentials"
    monkeypatch.setenv("MANDAG_SECRETS_DIR", str(d))
    return d


def test_uploaded_key_is_stored_owner_only(secrets_dir: Path) -> None:
    data, _ = fake_service_account()
    email = google_auth.save_service_account(data)
    assert email == "mandag-reader@mandag-test.iam.gserviceaccount.com"
    stored = secrets_dir / google_auth.SERVICE_ACCOUNT_FILE
    assert stored.read_bytes() == data
    assert mode(secrets_dir) == 0o700
    assert mode(stored) == 0o600
    assert not list(secrets_dir.glob("*.tmp"))


def test_loose_permissions_are_tightened_when_a_key_is_replaced(secrets_dir: Path) -> None:
    secrets_dir.mkdir(parents=True)
    os.chmod(secrets_dir, 0o755)
    old = secrets_dir / google_auth.SERVICE_ACCOUNT_FILE
    old.write_text("{}")
    os.chmod(old, 0o644)
    google_auth.save_service_account(fake_service_account()[0])
    assert mode(secrets_dir) == 0o700 and mode(old) == 0o600
    google_auth.save_oauth_client(json.dumps({"installed": {"client_id": "x", "client_secret": "y"}}).encode())
    assert mode(secrets_dir / google_auth.OAUTH_CLIENT_FILE) == 0o600


def test_credential_file_names_cannot_escape_the_folder(secrets_dir: Path) -> None:
    for name in ("../x.json", "a/b.json", ".hidden", "..\\x.json"):
        with pytest.raises(ValueError):
            google_auth.write_private(name, b"{}")
    assert not (secrets_dir.parent / "x.json").exists()


def test_credentials_default_to_a_folder_outside_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MANDAG_SECRETS_DIR", raising=False)
    d = google_auth.secrets_dir().resolve()
    assert d == (Path.home() / ".config" / "mandag" / "credentials").resolve()
    assert ROOT.resolve() not in (d, *d.parents)


def test_secret_files_are_ignored_by_git() -> None:
    paths = [".streamlit/secrets.toml", "data/Kunde AS.duckdb", "elsewhere/x.duckdb", "x.duckdb.wal"]
    out = subprocess.run(["git", "check-ignore", *paths], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.split("\n")[:-1] == paths


def test_info_tells_the_email_never_the_key(secrets_dir: Path) -> None:
    data, pieces = fake_service_account()
    google_auth.save_service_account(data)
    info = google_auth.info()
    assert info is not None and info.email == "mandag-reader@mandag-test.iam.gserviceaccount.com"
    assert not any(p in repr(info) for p in pieces)


def _texts(node: Any) -> Iterator[str]:
    proto = getattr(node, "proto", None)
    if proto is not None:
        yield str(proto)
    for attr in ("value", "label", "body", "help"):
        try:
            v = getattr(node, attr, None)
        except Exception:
            continue
        if v is not None:
            yield repr(v)
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _texts(child)


def page_text(at: Any) -> str:
    return "\n".join(_texts(at._tree))


def registered_pages() -> list[str]:
    from ui import shell

    return [p[0] for p in shell.registered_pages()]


def test_no_page_shows_a_planted_key(secrets_dir: Path, demo_db: Path, capfd: pytest.CaptureFixture[str]) -> None:
    data, pieces = fake_service_account()
    google_auth.save_service_account(data)
    pages = registered_pages()
    assert "views/settings.py" in pages and "views/monday.py" in pages
    for script in pages:
        for lang in ("nb", "en"):
            at = app_test(script, demo_db, lang=lang).run()
            text = page_text(at)  # (a page that fails half-way is other tests' business; its text still counts)
            assert len(text) > 200, script  # the walk really saw the page
            leaked = [p for p in pieces if p in text]
            assert not leaked, f"{script} shows part of the private key"
    out, err = capfd.readouterr()
    assert not [p for p in pieces if p in out + err], "a page logged part of the private key"


def test_uploading_a_key_on_the_settings_page_never_echoes_it(secrets_dir: Path, demo_db: Path,
                                                               capfd: pytest.CaptureFixture[str]) -> None:
    data, pieces = fake_service_account()
    at = app_test("views/settings.py", demo_db, lang="en").run()
    at.file_uploader(key="google_sa_file").upload("mandag-test-1a2b3c.json", data, "application/json").run()
    at.button(key="google_sa_save").click().run()
    assert not at.exception
    text = page_text(at)
    assert "mandag-reader@mandag-test.iam.gserviceaccount.com" in text  # it did save, and says which account
    assert mode(secrets_dir / google_auth.SERVICE_ACCOUNT_FILE) == 0o600
    # The uploaded bytes live in the uploader's state, never in what the page shows.
    shown = "\n".join(str(e.proto) for e in at.main if type(e).__name__ != "FileUploader")
    assert not [p for p in pieces if p in shown]
    # a broken key is refused with a sentence that does not quote it
    broken = data.replace(b'"type": "service_account"', b'"type": "user"')
    at.file_uploader(key="google_sa_file").upload("bad.json", broken, "application/json").run()
    at.button(key="google_sa_save").click().run()
    assert not [p for p in pieces if p in page_text(at).replace(repr(broken), "")]
    out, err = capfd.readouterr()
    assert not [p for p in pieces if p in out + err]


def test_folders_mandag_creates_for_workspaces_and_backups_are_owner_only(tmp_path: Path) -> None:
    from warehouse import db, workspaces

    data = tmp_path / "new" / "data"
    path = workspaces.create("Kunde AS", data).path
    assert mode(data) == 0o700
    made = workspaces.backup(path)
    assert mode(made.parent) == 0o700 and made.parent == data / "backups"
    # a folder that already exists keeps what its owner chose
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o750)
    workspaces.create("Delt", shared)
    assert mode(shared) == 0o750
    db.forget(path)
