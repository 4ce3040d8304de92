"""Google credentials for the GA4 and Search Console connectors, kept outside the repository.

Where credentials live (first match wins):

1. `.streamlit/secrets.toml` (project folder, then `~/.streamlit/secrets.toml`), section `[google]`:
   `service_account_file`, or an inline `[google.service_account]` table with the key's JSON fields,
   or `oauth_client_file` + `oauth_token_file`. It may also give `ga4_property_id` and
   `gsc_site_url`, used when the workspace has none.
2. The credentials folder, `~/.config/mandag/credentials/` (or `MANDAG_SECRETS_DIR`):
   `service_account.json` (a key uploaded on the Settings page), or `oauth_client.json` +
   `oauth_token.json` (written after "Sign in with Google").

Files are written with owner-only permissions (folder 0700, file 0600). Nothing here logs or
returns a key's content: callers only ever see the service account's e-mail.

Test hook: when `MANDAG_GOOGLE_REPLAY` names a folder, `ga4_client()` and `gsc_service()` answer
from the recorded responses in it (`connectors.google_replay`) instead of Google. Only tests set it.
"""
from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

GA4_SCOPE = "https://www.googleapis.com/auth/analytics.readonly"
GSC_SCOPE = "https://www.googleapis.com/auth/webmasters.readonly"
SCOPES = [GA4_SCOPE, GSC_SCOPE]

SERVICE_ACCOUNT_FILE = "service_account.json"
OAUTH_CLIENT_FILE = "oauth_client.json"
OAUTH_TOKEN_FILE = "oauth_token.json"
REPLAY_ENV = "MANDAG_GOOGLE_REPLAY"

Kind = Literal["service_account", "oauth", "replay"]


class NotConnected(RuntimeError):
    """No usable Google credentials; the message says where to add them."""


class BadCredentials(ValueError):
    """An uploaded credentials file is not what we need; the message says why."""


@dataclass(frozen=True)
class CredentialInfo:
    """What the Settings page may show about the credentials in use: never the key itself."""

    kind: Kind
    where: str                  # "secrets.toml" or "credentials folder" or "replay"
    email: str | None = None    # the service account's e-mail (None for OAuth)


def secrets_dir() -> Path:
    return Path(os.environ.get("MANDAG_SECRETS_DIR") or Path.home() / ".config" / "mandag" / "credentials").expanduser()


def _ensure_dir() -> Path:
    d = secrets_dir()
    d.mkdir(parents=True, exist_ok=True)
    os.chmod(d, 0o700)
    return d


def write_private(name: str, data: bytes) -> Path:
    """Write `data` to the credentials folder as `name`, readable by the owner only."""
    if "/" in name or "\\" in name or name.startswith("."):
        raise ValueError("credentials file names are fixed, not user-chosen")
    path = _ensure_dir() / name
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return path


def remove(name: str) -> None:
    (secrets_dir() / name).unlink(missing_ok=True)


def secrets_toml() -> dict[str, Any]:
    """The `[google]` section of secrets.toml (home file first, project file overriding)."""
    out: dict[str, Any] = {}
    for p in (Path.home() / ".streamlit" / "secrets.toml", Path.cwd() / ".streamlit" / "secrets.toml"):
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            continue
        section = data.get("google")
        if isinstance(section, dict):
            out.update(section)
    return out


def check_service_account(data: bytes) -> dict[str, Any]:
    """Parse an uploaded service-account key; raise BadCredentials with a sentence if it is not one."""
    try:
        info = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadCredentials("google.err.not_json") from None
    if not isinstance(info, dict) or info.get("type") != "service_account":
        if isinstance(info, dict) and ("installed" in info or "web" in info):
            raise BadCredentials("google.err.is_oauth_client")
        raise BadCredentials("google.err.not_service_account")
    if not info.get("client_email") or not info.get("private_key"):
        raise BadCredentials("google.err.incomplete_key")
    return info


def check_oauth_client(data: bytes) -> dict[str, Any]:
    """Parse an uploaded OAuth client (type Desktop app); raise BadCredentials if it is not one."""
    try:
        info = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadCredentials("google.err.not_json") from None
    if not isinstance(info, dict):
        raise BadCredentials("google.err.not_oauth_client")
    if info.get("type") == "service_account":
        raise BadCredentials("google.err.is_service_account")
    if "installed" not in info:
        raise BadCredentials("google.err.not_oauth_client")
    return info


def save_service_account(data: bytes) -> str:
    """Store an uploaded key (0600) and return its e-mail; replaces an OAuth login."""
    info = check_service_account(data)
    write_private(SERVICE_ACCOUNT_FILE, data)
    return str(info["client_email"])


def save_oauth_client(data: bytes) -> None:
    check_oauth_client(data)
    write_private(OAUTH_CLIENT_FILE, data)


def oauth_login(open_browser: bool = True) -> None:
    """Run the installed-app flow in a local browser and store the refresh token (0600).

    Works only where the browser and Mandag run on the same machine.
    """
    from google_auth_oauthlib.flow import InstalledAppFlow

    client = _oauth_paths()[0]
    if client is None:
        raise NotConnected("google.err.no_oauth_client")
    flow = InstalledAppFlow.from_client_secrets_file(str(client), scopes=SCOPES)
    creds = flow.run_local_server(port=0, open_browser=open_browser)
    write_private(OAUTH_TOKEN_FILE, creds.to_json().encode("utf-8"))


def _service_account_source() -> tuple[dict[str, Any] | None, Path | None, str]:
    sec = secrets_toml()
    inline = sec.get("service_account")
    if isinstance(inline, dict) and inline.get("client_email"):
        return dict(inline), None, "secrets.toml"
    if sec.get("service_account_file"):
        return None, Path(str(sec["service_account_file"])).expanduser(), "secrets.toml"
    p = secrets_dir() / SERVICE_ACCOUNT_FILE
    if p.exists():
        return None, p, "credentials folder"
    return None, None, ""


def _oauth_paths() -> tuple[Path | None, Path | None, str]:
    sec = secrets_toml()
    if sec.get("oauth_client_file") or sec.get("oauth_token_file"):
        c = sec.get("oauth_client_file")
        t = sec.get("oauth_token_file")
        return (Path(str(c)).expanduser() if c else None, Path(str(t)).expanduser() if t else None, "secrets.toml")
    c, t = secrets_dir() / OAUTH_CLIENT_FILE, secrets_dir() / OAUTH_TOKEN_FILE
    return (c if c.exists() else None, t if t.exists() else None, "credentials folder")


def replay_dir() -> Path | None:
    d = os.environ.get(REPLAY_ENV)
    return Path(d) if d else None


def info() -> CredentialInfo | None:
    """Which credentials are in use, without their content; None when nothing is configured."""
    if replay_dir():
        return CredentialInfo("replay", "replay", "replay@example.iam.gserviceaccount.com")
    inline, path, where = _service_account_source()
    if inline is not None:
        return CredentialInfo("service_account", where, str(inline.get("client_email")))
    if path is not None:
        try:
            email = json.loads(path.read_text(encoding="utf-8-sig")).get("client_email")
        except (OSError, ValueError):
            email = None
        return CredentialInfo("service_account", where, email)
    _, token, where = _oauth_paths()
    if token is not None and token.exists():
        return CredentialInfo("oauth", where, None)
    return None


def credentials(scopes: list[str]) -> Any:
    """google-auth credentials for `scopes`, or NotConnected."""
    inline, path, _ = _service_account_source()
    if inline is not None or path is not None:
        from google.oauth2 import service_account

        try:
            if inline is not None:
                return service_account.Credentials.from_service_account_info(inline, scopes=scopes)
            return service_account.Credentials.from_service_account_file(str(path), scopes=scopes)
        except (OSError, ValueError, KeyError):
            raise NotConnected("google.err.key_unreadable") from None
    _, token, _ = _oauth_paths()
    if token is not None and token.exists():
        from google.oauth2.credentials import Credentials

        try:
            return Credentials.from_authorized_user_file(str(token), scopes=SCOPES)
        except (OSError, ValueError, KeyError):
            raise NotConnected("google.err.token_unreadable") from None
    raise NotConnected("google.err.not_connected")


def ga4_client() -> Any:
    """A client with `run_report` and `get_metadata` (the real one, or the test replay)."""
    rd = replay_dir()
    if rd is not None:
        from connectors.google_replay import ReplayGA4Client

        return ReplayGA4Client(rd)
    from google.analytics.data_v1beta import BetaAnalyticsDataClient

    return BetaAnalyticsDataClient(credentials=credentials([GA4_SCOPE]))


def gsc_service() -> Any:
    """The Search Console v1 service, built from the bundled discovery document."""
    from googleapiclient.discovery import build

    rd = replay_dir()
    if rd is not None:
        from connectors.google_replay import ReplayHttp

        return build("searchconsole", "v1", http=ReplayHttp(rd), static_discovery=True, cache_discovery=False)
    return build("searchconsole", "v1", credentials=credentials([GSC_SCOPE]), static_discovery=True,
                 cache_discovery=False)
