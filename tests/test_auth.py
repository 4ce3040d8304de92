"""Sign-in gate and allowlists, through AppTest with a faked `st.user` and secrets."""
from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from ui.auth import AuthState, decide, matches, providers, workspaces_for

SCRIPT = '''
import streamlit as st
from ui.auth import gate, allowed_workspaces, sidebar_user
state = gate(lang="en")
sidebar_user(state, lang="en")
st.header("Monday numbers")
st.write("Workspaces: " + " | ".join(allowed_workspaces(state, ["Client AS", "Other AS", "Rørlegger Nord AS"])))
'''

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "not-a-real-secret-but-long-enough-0123456789",
    "google": {"client_id": "x.apps.googleusercontent.com", "client_secret": "y",
               "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"},
    "microsoft": {"client_id": "z", "client_secret": "w",
                  "server_metadata_url": "https://login.microsoftonline.com/tenant-id/v2.0/.well-known/openid-configuration"},
}
MANDAG = {
    "access": {"allow": ["owner@firma.no", "@byra.no", "kunde@client.no"], "owners": ["owner@firma.no", "@byra.no"]},
    "workspaces": {"Client AS": {"allow": ["kunde@client.no"]}, "Other AS": {"allow": ["someone@other.no"]}},
}


def run(user: dict[str, Any], mandag: dict[str, Any] | None = None, auth: dict[str, Any] | None = AUTH) -> AppTest:
    at = AppTest.from_string(SCRIPT, default_timeout=30)
    if auth is not None:
        at.secrets["auth"] = auth
    if mandag is not None:
        at.secrets["mandag"] = mandag
    at.user = user
    return at.run()


def texts(at: AppTest) -> str:
    parts = [e.value for e in at.title] + [e.value for e in at.header] + [e.value for e in at.markdown]
    parts += [e.value for e in at.error] + [e.value for e in at.caption] + [b.label for b in at.button]
    return "\n".join(str(p) for p in parts)


def test_local_install_without_auth_shows_the_app_and_every_workspace() -> None:
    at = run({}, auth=None)
    assert not at.exception
    assert [h.value for h in at.header] == ["Monday numbers"]
    assert "Workspaces: Client AS | Other AS | Rørlegger Nord AS" in texts(at)
    assert not at.button  # no sign-in, no sign-out


def test_not_logged_in_sees_only_the_login_screen() -> None:
    at = run({"is_logged_in": False}, MANDAG)
    assert not at.exception
    shown = texts(at)
    assert "Monday numbers" not in shown and "Workspaces" not in shown and "Client AS" not in shown
    assert [b.label for b in at.button] == ["Sign in with Google", "Sign in with Microsoft"]
    assert at.title[0].value == "Mandag – sign in"


def test_default_apptest_user_without_login_flag_is_not_logged_in() -> None:
    at = run({"email": "owner@firma.no"}, MANDAG)  # no is_logged_in: the cookie is not there
    assert "Monday numbers" not in texts(at)


def test_logged_in_but_not_allowlisted_is_refused_with_a_sentence() -> None:
    at = run({"is_logged_in": True, "email": "stranger@gmail.com", "name": "Stranger"}, MANDAG)
    assert not at.exception
    assert "Monday numbers" not in texts(at)
    assert len(at.error) == 1
    assert "stranger@gmail\\.com" in at.error[0].value
    assert "has no access to Mandag here" in at.error[0].value
    assert [b.label for b in at.button] == ["Sign out"]


def test_no_allowlist_lets_nobody_in() -> None:
    at = run({"is_logged_in": True, "email": "owner@firma.no"}, {})
    assert "Monday numbers" not in texts(at)
    assert "no one has been given access yet" in at.error[0].value


def test_unverified_address_is_refused() -> None:
    at = run({"is_logged_in": True, "email": "owner@firma.no", "email_verified": False}, MANDAG)
    assert "Monday numbers" not in texts(at)
    assert "no verified e-mail address" in at.error[0].value


def test_domain_allowlist_lets_a_colleague_in_and_owners_see_every_workspace() -> None:
    at = run({"is_logged_in": True, "email": "Frilanser@Byra.no", "name": "Frida <b>Frilanser</b>"}, MANDAG)
    assert not at.exception
    shown = texts(at)
    assert "Monday numbers" in shown
    assert "Workspaces: Client AS | Other AS | Rørlegger Nord AS" in shown
    # who is signed in, escaped (the name comes from the provider), and a sign-out button
    assert "Signed in as Frida &lt;b&gt;Frilanser&lt;/b&gt; (frilanser@byra\\.no)" in shown
    assert [b.label for b in at.button] == ["Sign out"]


def test_domain_entry_does_not_match_look_alike_domains() -> None:
    for email in ("x@evil-byra.no", "x@sub.byra.no", "x@byra.no.evil.com", "x@byra.no@evil.com"):
        at = run({"is_logged_in": True, "email": email}, MANDAG)
        assert "Monday numbers" not in texts(at), email


def test_client_sees_only_their_own_workspace() -> None:
    at = run({"is_logged_in": True, "email": "kunde@client.no"}, MANDAG)
    assert not at.exception
    assert "Workspaces: Client AS" in texts(at)
    assert "Other AS" not in texts(at) and "Rørlegger" not in texts(at)


def test_allowed_non_owner_sees_only_workspaces_without_their_own_list() -> None:
    mandag = {"access": {"allow": ["@firma.no"], "owners": ["sjef@firma.no"]},
              "workspaces": {"Client AS": {"allow": ["kunde@client.no"]}}}
    at = run({"is_logged_in": True, "email": "ansatt@firma.no"}, mandag)
    assert "Workspaces: Other AS | Rørlegger Nord AS" in texts(at)
    at = run({"is_logged_in": True, "email": "sjef@firma.no"}, mandag)
    assert "Workspaces: Client AS | Other AS | Rørlegger Nord AS" in texts(at)


def test_single_provider_auth_section_gets_one_sign_in_button() -> None:
    auth = {"redirect_uri": AUTH["redirect_uri"], "cookie_secret": AUTH["cookie_secret"], **AUTH["google"]}
    at = run({"is_logged_in": False}, MANDAG, auth=auth)
    assert [b.label for b in at.button] == ["Sign in"]


@pytest.mark.parametrize(("email", "entries", "expected"), [
    ("owner@firma.no", ["owner@firma.no"], True),
    ("OWNER@FIRMA.NO", ["owner@firma.no"], True),
    ("owner@firma.no", ["@firma.no"], True),
    ("owner@firma.no", ["other@firma.no"], False),
    ("owner@firma.no.evil", ["@firma.no"], False),
    ("@firma.no", ["@firma.no"], False),
    ("", ["@firma.no"], False),
    (None, ["@firma.no"], False),
])
def test_matches(email: str | None, entries: list[str], expected: bool) -> None:
    assert matches(email, entries) is expected


def test_policy_without_streamlit() -> None:
    secrets = {"auth": AUTH, "mandag": MANDAG}
    state, why = decide(secrets, {"is_logged_in": True, "email": "kunde@client.no"})
    assert why is None and state.allowed and not state.owner
    assert workspaces_for(state, ["Other AS", "Client AS"], secrets) == ["Client AS"]
    refused = AuthState(True, True, "x@y.no", None, False, False)
    assert workspaces_for(refused, ["Client AS"], secrets) == []
    assert providers({"auth": AUTH}) == ["google", "microsoft"]


def test_sign_in_button_starts_the_login_flow_of_its_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    import streamlit

    called: list[str | None] = []
    monkeypatch.setattr(streamlit, "login", lambda provider=None: called.append(provider))
    at = run({"is_logged_in": False}, MANDAG)
    at.button(key="auth_login_microsoft").click().run()
    assert called == ["microsoft"]
    assert "Monday numbers" not in texts(at)


def test_without_sign_in_the_app_refuses_to_serve_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.auth

    monkeypatch.setattr(ui.auth, "listen_address", lambda: "0.0.0.0")
    at = run({}, auth=None)
    assert "Monday numbers" not in texts(at)
    assert "listens on 0\\.0\\.0\\.0 without sign-in" in at.error[0].value
    # the owner may say a proxy in front does the login
    at = run({}, {"access": {"listen_without_login": True}}, auth=None)
    assert "Monday numbers" in texts(at)
    # with sign-in configured, any address is fine
    at = run({"is_logged_in": True, "email": "owner@firma.no"}, MANDAG)
    assert "Monday numbers" in texts(at)


def test_the_project_config_listens_on_loopback_only() -> None:
    import tomllib
    from pathlib import Path

    from ui.auth import local_only_ok

    config = tomllib.loads((Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    assert local_only_ok({}, config["server"]["address"])
    assert not local_only_ok({}, None) and not local_only_ok({}, "0.0.0.0")


@pytest.mark.parametrize(("change", "message"), [
    ({"cookie_secret": "a long random string"}, "cookie_secret under [auth]"),
    ({"cookie_secret": "short"}, "cookie_secret under [auth]"),
    ({"cookie_secret": "a" * 64}, "cookie_secret under [auth]"),
    ({"redirect_uri": "http://mandag.firma.no/oauth2callback"}, "does not use https"),
])
def test_a_guessable_cookie_secret_or_plain_http_keeps_sign_in_closed(change: dict[str, str], message: str) -> None:
    at = run({"is_logged_in": True, "email": "owner@firma.no"}, MANDAG, auth={**AUTH, **change})
    assert not at.exception
    assert "Monday numbers" not in texts(at)
    assert message in at.error[0].value


def test_https_and_loopback_redirects_are_accepted() -> None:
    from ui.auth import config_problem

    good = {"cookie_secret": "kR3v9-Qw8zT1mX4pL7yB2nC6hJ0sD5fG", "redirect_uri": "https://mandag.firma.no/oauth2callback"}
    assert config_problem({"auth": good}) is None
    assert config_problem({"auth": {**good, "redirect_uri": "http://127.0.0.1:8501/oauth2callback"}}) is None
    assert config_problem({"auth": {**good, "redirect_uri": "http://localhost:8501/oauth2callback"}}) is None
    assert config_problem({"auth": {**good, "redirect_uri": "http://127.0.0.1.evil.no/oauth2callback"}}) is not None
