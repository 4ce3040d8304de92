"""Sign-in when Mandag is deployed, and who may see which workspace.

Without an `[auth]` section in `.streamlit/secrets.toml` Mandag is a local app: it listens on
127.0.0.1 only (`.streamlit/config.toml`) and asks for no login. With `[auth]` every run goes
through `gate()`:

* not signed in → the sign-in screen only (`st.login`, OIDC: Google or Microsoft accounts);
* signed in but not on the allowlist → one sentence saying so, and a sign-out button;
* allowed → the app, and `allowed_workspaces` filters the workspace list.

The allowlist lives in the same secrets file::

    [mandag.access]
    allow  = ["owner@firma.no", "@byra.no"]   # who may sign in; "@domain" = anyone at that domain
    owners = ["owner@firma.no", "@byra.no"]   # optional: see and manage every workspace

    [mandag.workspaces."Client AS"]
    allow = ["@client.no"]                    # who may open this workspace

Workspace rule: owners see every workspace. Anyone else sees a workspace with its own list only
when named on it; someone named on any workspace list (a client) sees only the workspaces that
name them; the rest see the workspaces that have no list of their own. Everything fails closed:
no allowlist, an unreadable secrets file or an unverified address lets nobody in.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from i18n import tr
from metrics.safe_export import md_escape

_PROVIDER_LABELS = {"google": "Google", "microsoft": "Microsoft", "okta": "Okta", "auth0": "Auth0"}
# Settings of an [auth] provider; any other sub-table of [auth] is a named provider.
_PROVIDER_KEYS = {"client_id", "client_secret", "server_metadata_url", "client_kwargs"}


@dataclass(frozen=True)
class AuthState:
    required: bool             # an [auth] section is configured
    logged_in: bool
    email: str | None          # lower-case, as the provider gave it
    name: str | None
    allowed: bool              # may use the app at all
    owner: bool                # sees and manages every workspace


LOCAL = AuthState(required=False, logged_in=False, email=None, name=None, allowed=True, owner=True)


# ---------------------------------------------------------------- pure policy (no Streamlit) --

def _plain(obj: Any) -> Any:
    if isinstance(obj, Mapping):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


def _entries(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    return [str(v).strip().lower() for v in value if str(v).strip()]


def matches(email: str | None, entries: Iterable[str]) -> bool:
    """Is `email` on the list? 'a@firma.no' matches itself; '@byra.no' matches anyone at byra.no.

    A domain entry matches that exact domain only: '@byra.no' does not match 'x@evil-byra.no'
    nor 'x@sub.byra.no'.
    """
    if not email or email.count("@") != 1:
        return False
    local, domain = email.strip().lower().split("@")
    if not local or not domain:
        return False
    for entry in entries:
        if entry.startswith("@"):
            if domain == entry[1:]:
                return True
        elif entry == f"{local}@{domain}":
            return True
    return False


def providers(secrets: Mapping[str, Any]) -> list[str | None]:
    """Named providers in [auth] (`[auth.google]` → 'google'); [None] when [auth] itself is one."""
    auth = secrets.get("auth") or {}
    named = [k for k, v in auth.items() if isinstance(v, Mapping) and k not in _PROVIDER_KEYS]
    if named:
        return sorted(named)
    return [None]


def _access(secrets: Mapping[str, Any]) -> Mapping[str, Any]:
    return (secrets.get("mandag") or {}).get("access") or {}


def _workspace_lists(secrets: Mapping[str, Any]) -> dict[str, list[str]]:
    spaces = (secrets.get("mandag") or {}).get("workspaces") or {}
    return {str(name): _entries((conf or {}).get("allow")) for name, conf in spaces.items()
            if isinstance(conf, Mapping) and "allow" in conf}


# Texts people copy from examples instead of a random secret.
_PLACEHOLDER_SECRETS = {"a long random string", "xxx", "changeme", "secret", "cookie_secret"}


def config_problem(secrets: Mapping[str, Any]) -> str | None:
    """Why the [auth] section must not be used as it is (an i18n key), or None.

    A guessable `cookie_secret` lets anyone forge the sign-in cookie, so it must be long and not a
    placeholder; a sign-in over plain http (other than on this machine) would send that cookie in
    the clear: 'https://mandag.firma.no/oauth2callback' is fine, 'http://mandag.firma.no/…' is not.
    """
    auth = secrets.get("auth") or {}
    cookie = str(auth.get("cookie_secret") or "")
    if (len(cookie) < 32 or len(set(cookie)) < 12 or cookie.strip().lower() in _PLACEHOLDER_SECRETS
            or "paste" in cookie.lower() or "random" in cookie.lower()):
        return "auth.weak_cookie_secret"
    redirect = str(auth.get("redirect_uri") or "").strip().lower()
    host = redirect.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0].strip("[]")
    if not redirect.startswith("https://") and not (redirect.startswith("http://") and host in _LOOPBACK):
        return "auth.redirect_not_https"
    return None


def decide(secrets: Mapping[str, Any], user: Mapping[str, Any]) -> tuple[AuthState, str | None]:
    """The access decision for one user; the second value is the i18n key of why not, or None."""
    if not secrets.get("auth"):
        return LOCAL, None
    logged_in = bool(user.get("is_logged_in"))
    # Only the `email` claim: Microsoft's `preferred_username` is not a verified address.
    raw_email = user.get("email")
    email = str(raw_email).strip().lower() if raw_email else None
    name = str(user["name"]) if user.get("name") else None
    if not logged_in:
        return AuthState(True, False, None, None, False, False), None
    allow = _entries(_access(secrets).get("allow"))
    owners = _entries(_access(secrets).get("owners"))
    state = AuthState(True, True, email, name, False, False)
    if not email or "@" not in email:
        return state, "auth.no_email"
    if str(user.get("email_verified", True)).lower() in ("false", "0"):
        return state, "auth.unverified"
    if not allow:
        return state, "auth.no_allowlist"
    if not matches(email, allow):
        return state, "auth.refused"
    is_owner = matches(email, owners)
    return AuthState(True, True, email, name, True, is_owner), None


def workspaces_for(state: AuthState, names: Iterable[str], secrets: Mapping[str, Any]) -> list[str]:
    """The workspace names `state` may open, in the order given (see the module doc for the rule)."""
    names = list(names)
    if not state.required:
        return names
    if not state.allowed:
        return []
    if state.owner:
        return names
    lists = _workspace_lists(secrets)
    named_on = {ws for ws, entries in lists.items() if matches(state.email, entries)}
    if named_on:  # a client: only the workspaces that name them
        return [n for n in names if n in named_on]
    return [n for n in names if n not in lists]


_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def local_only_ok(secrets: Mapping[str, Any], address: str | None) -> bool:
    """Without sign-in Mandag serves this machine only, unless the owner says something in
    front of it does the login (`[mandag.access] listen_without_login = true`)."""
    if secrets.get("auth"):
        return True
    if (address or "").strip().lower() in _LOOPBACK:
        return True
    return _access(secrets).get("listen_without_login") is True


# ------------------------------------------------------------------------------- Streamlit --

def listen_address() -> str | None:
    """The address the server listens on (`server.address`; empty means every interface)."""
    try:
        return st.get_option("server.address") or None
    except Exception:
        return None


class SecretsUnreadable(RuntimeError):
    """.streamlit/secrets.toml exists but cannot be parsed."""


def read_secrets() -> dict[str, Any]:
    """The secrets as plain dicts; {} when there is no secrets file (a local install)."""
    try:
        return _plain(st.secrets)
    except FileNotFoundError as exc:
        if getattr(exc, "error_id", None) == "no-secrets-found":
            return {}
        raise SecretsUnreadable(str(exc)) from exc


def _lang(lang: str | None) -> str:
    if lang:
        return lang
    for candidate in (st.session_state.get("lang"), st.query_params.get("lang")):
        if candidate in ("nb", "en"):
            return candidate
    return "nb"


def _user() -> dict[str, Any]:
    try:
        return {k: st.user.get(k) for k in ("is_logged_in", "email", "name", "email_verified")}
    except Exception:  # no script run context
        return {}


def gate(lang: str | None = None) -> AuthState:
    """Call first on every run. Returns who is here, or draws the sign-in/refusal screen and stops."""
    lang = _lang(lang)
    try:
        secrets = read_secrets()
    except SecretsUnreadable:
        st.error(tr(lang, "auth.secrets_broken"))
        st.stop()
    state, why = decide(secrets, _user())
    st.session_state["auth_state"] = state
    problem = config_problem(secrets) if state.required else None
    if problem:
        st.session_state["auth_state"] = AuthState(True, state.logged_in, state.email, state.name, False, False)
        st.error(tr(lang, problem))
        st.stop()
    if not state.required and not local_only_ok(secrets, listen_address()):
        st.error(tr(lang, "auth.open_without_login", address=md_escape(listen_address() or "0.0.0.0")))
        st.stop()
    if not state.required or state.allowed:
        return state
    if not state.logged_in:
        st.title(tr(lang, "auth.title"))
        st.write(tr(lang, "auth.intro"))
        for provider in providers(secrets):
            label = (tr(lang, "auth.login_with", provider=_PROVIDER_LABELS.get(provider, provider.title()))
                     if provider else tr(lang, "auth.login"))
            if st.button(label, key=f"auth_login_{provider or 'default'}", type="primary"):
                if provider:
                    st.login(provider)
                else:
                    st.login()
        st.stop()
    st.title(tr(lang, "auth.title"))
    st.error(tr(lang, why or "auth.refused", email=md_escape(state.email or "—")))
    if st.button(tr(lang, "auth.logout"), key="auth_logout_refused"):
        st.logout()
    st.stop()
    raise AssertionError("unreachable")  # st.stop() raises


def allowed_workspaces(user: AuthState | None, names: Iterable[str]) -> list[str]:
    """The workspaces the sidebar may offer to `user` (the state `gate()` returned)."""
    if user is None:
        user = st.session_state.get("auth_state")
    try:
        secrets = read_secrets()
    except SecretsUnreadable:
        return []
    if user is None:  # gate() has not run: only a local install may see anything
        return list(names) if not secrets.get("auth") else []
    return workspaces_for(user, names, secrets)


def can_manage_workspaces(user: AuthState | None) -> bool:
    """Create, rename, delete and restore workspaces: owners only once sign-in is on."""
    user = user or st.session_state.get("auth_state")
    return bool(user and (not user.required or user.owner))


def sidebar_user(user: AuthState | None = None, lang: str | None = None) -> None:
    """Who is signed in, and a sign-out button (nothing for a local install)."""
    user = user or st.session_state.get("auth_state")
    if not user or not user.required or not user.logged_in:
        return
    lang = _lang(lang)
    with st.sidebar:
        st.caption(tr(lang, "auth.signed_in_as", who=md_escape(user.name or user.email or "—")
                      + (f" ({md_escape(user.email)})" if user.name and user.email else "")))
        if st.button(tr(lang, "auth.logout"), key="auth_logout"):
            st.logout()
