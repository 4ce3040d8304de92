"""Settings → Google: credentials, the GA4 property and lead events, the Search Console property,
brand terms, "Sync now" with progress, and the last sync per source.

Keys are written to the credentials folder (0600) by `connectors.google_auth`; this page only ever
shows the service account's e-mail, never a key's content.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pandas as pd
import streamlit as st

from connectors import ga4_api, google_auth, gsc_api, sync
from i18n import fmt
from metrics import google_trust, search
from ui import auth, cache
from ui.context import current, t
from warehouse import settings


def _get(con: Any, key: str) -> Any:
    return settings.get(con, key)


def _put(con: Any, key: str, value: Any) -> None:
    settings.put(con, key, value)


def _error(exc: Exception) -> None:
    lang = current().lang
    if isinstance(exc, (ga4_api.GA4Error, gsc_api.GSCError)):
        st.error(exc.text(lang))
    elif isinstance(exc, (google_auth.NotConnected, google_auth.BadCredentials)):
        st.error(t(str(exc)))
    else:
        raise exc


def _access() -> None:
    st.subheader(t("google.creds.header"), anchor=False)
    info = google_auth.info()
    where = {"secrets.toml": "secrets.toml", "credentials folder": str(google_auth.secrets_dir()),
             "replay": t("google.replay")}
    if info is None:
        st.info(t("google.creds.none"))
    elif info.kind == "oauth":
        st.success(t("google.creds.in_use_oauth", where=where.get(info.where, info.where)))
    else:
        st.success(t("google.creds.in_use_sa", email=info.email or fmt.DASH, where=where.get(info.where, info.where)))
    if not auth.can_manage_workspaces(None):  # one set of credentials serves every workspace: owners only
        st.caption(t("auth.owners_only"))
        return
    up = st.file_uploader(t("google.creds.sa_upload"), type=["json"], key="google_sa_file", help=t("google.creds.sa_help"))
    if up is not None and st.button(t("google.creds.save"), key="google_sa_save", type="primary"):
        try:
            email = google_auth.save_service_account(up.getvalue())
        except google_auth.BadCredentials as exc:
            _error(exc)
        else:
            st.success(t("google.creds.saved", email=email))
    with st.expander(t("google.oauth.header")):
        client = st.file_uploader(t("google.oauth.client_upload"), type=["json"], key="google_oauth_file")
        if client is not None and st.button(t("google.creds.save"), key="google_oauth_save"):
            try:
                google_auth.save_oauth_client(client.getvalue())
            except google_auth.BadCredentials as exc:
                _error(exc)
            else:
                st.success(t("common.saved"))
        st.caption(t("google.oauth.help"))
        if st.button(t("google.oauth.login"), key="google_oauth_login"):
            try:
                google_auth.oauth_login()
            except google_auth.NotConnected as exc:
                _error(exc)
            except Exception:  # the browser flow was closed or timed out; nothing was stored
                st.error(t("google.oauth.failed"))
            else:
                st.success(t("google.oauth.done"))
    if info is not None and info.where == "credentials folder" and st.button(t("google.creds.remove"),
                                                                              key="google_remove"):
        for name in (google_auth.SERVICE_ACCOUNT_FILE, google_auth.OAUTH_TOKEN_FILE):
            google_auth.remove(name)
        st.success(t("google.creds.removed"))
        st.rerun()


def _ga4() -> None:
    st.subheader(t("google.ga4.header"), anchor=False)
    saved = cache.cached(_get, "ga4_property_id") or ""
    raw = st.text_input(t("google.ga4.property"), value=saved, help=t("google.ga4.property_help"), key="google_ga4_pid")
    leads = list(cache.cached(_get, "lead_events") or [])
    if st.button(t("google.ga4.save"), key="google_ga4_save"):
        try:
            pid = ga4_api.validate_property_id(raw)
            cache.run(_put, "ga4_property_id", pid)
            check = ga4_api.check_property(google_auth.ga4_client(), pid, leads)
        except (ga4_api.GA4Error, google_auth.NotConnected) as exc:
            _error(exc)
        else:
            st.session_state["google_key_events"] = list(check.key_events)
            st.success(t("google.ga4.test_ok", property=pid, count=len(check.key_events)))
            problem = ga4_api.missing_metric_error(check)
            if problem is not None:
                _error(problem)
    options = list(dict.fromkeys([*st.session_state.get("google_key_events", []), *leads]))
    picked = st.multiselect(t("google.ga4.lead_events"), options, default=leads, accept_new_options=True,
                            help=t("google.ga4.lead_events_help"), key="google_lead_events")
    if sorted(picked) != sorted(leads) and st.button(t("google.ga4.save_leads"), key="google_leads_save"):
        cache.run(_put, "lead_events", [str(e).strip() for e in picked if str(e).strip()])
        st.success(t("google.ga4.lead_saved"))


def _site_label(site: gsc_api.Site) -> str:
    kind = t("google.gsc.domain") if site.is_domain else t("google.gsc.prefix")
    extra = "" if site.usable else f" — {t('google.gsc.unverified')}"
    return f"{site.url} ({kind}){extra}"


def _gsc() -> None:
    st.subheader(t("google.gsc.header"), anchor=False)
    saved = cache.cached(_get, "gsc_site_url") or ""
    if saved:
        st.caption(t("google.gsc.current", site=saved))
    if st.button(t("google.gsc.load_sites"), key="google_gsc_list"):
        try:
            st.session_state["google_sites"] = gsc_api.list_sites(google_auth.gsc_service())
        except (gsc_api.GSCError, google_auth.NotConnected) as exc:
            _error(exc)
    sites: list[gsc_api.Site] = st.session_state.get("google_sites", [])
    if "google_sites" in st.session_state and not sites:
        st.warning(t("google.gsc.no_sites"))
    if sites:
        labels = {_site_label(s): s for s in sites}
        names = list(labels)
        index = next((i for i, s in enumerate(sites) if s.url == saved), 0)
        label = st.selectbox(t("google.gsc.site"), names, index=index, key="google_site_pick")
        choice = labels.get(label) if label is not None else None
        if choice is not None and choice.usable and st.button(t("google.gsc.save"), key="google_gsc_save"):
            lang = current().lang
            try:
                site = gsc_api.validate_site_url(choice.url)
                cache.run(_put, "gsc_site_url", site)
                p = gsc_api.probe(google_auth.gsc_service(), site, date.today())
            except (gsc_api.GSCError, google_auth.NotConnected) as exc:
                _error(exc)
            else:
                st.success(t("google.gsc.saved", site=site) + " " + t(
                    "google.gsc.test_ok", clicks=fmt.number(p.clicks, lang), impressions=fmt.number(p.impressions, lang),
                    start=fmt.day(p.start, lang), end=fmt.day(p.end, lang)))


def _brand() -> None:
    st.subheader(t("google.brand.header"), anchor=False)
    terms = cache.cached(search.brand_terms)
    with st.form("google_brand_form", border=False):
        text = st.text_area(t("google.brand.label"), value="\n".join(terms), key="google_brand_terms")
        if st.form_submit_button(t("google.brand.save")):
            cache.run(search.save_brand_terms, text)
            st.success(t("google.brand.saved"))


def _status_table(rows: list[sync.SyncStatus]) -> pd.DataFrame:
    lang = current().lang
    names = {"ga4": "GA4", "gsc": "Search Console"}
    return pd.DataFrame({
        t("google.col.source"): [names.get(r.source, r.source) for r in rows],
        t("google.col.account"): [r.account for r in rows],
        t("google.col.last_day"): [fmt.day(r.last_complete_day, lang) for r in rows],
        t("google.col.last_run"): [fmt.day(r.last_run_at.date(), lang) + r.last_run_at.strftime(" %H:%M")
                                   if r.last_run_at else fmt.DASH for r in rows],
        t("google.col.status"): [(t(f"google.status.{r.status}") if r.status in ("ok", "error") else fmt.DASH)
                                 + ("" if r.status == "ok" or not r.message else ": " + r.text(lang))
                                 for r in rows],
    })


def _sync() -> None:
    ctx = current()
    st.subheader(t("google.sync.header"), anchor=False)
    st.caption(t("google.sync.first_note") + " " + t("google.sync.cron"))
    if st.button(t("google.sync.now"), key="google_sync_now", type="primary", disabled=ctx.db_path is None):
        bar = st.progress(0.0)
        names = {"ga4": "GA4", "gsc": "Search Console"}

        def progress(source: str, done: int, total: int) -> None:
            bar.progress(min(1.0, done / max(total, 1)),
                         text=t("google.sync.progress", source=names[source], done=done, total=total))

        results = sync.run(ctx.db_path, progress=progress)
        cache.clear()
        for r in results:
            line = f"{names[r.source]}: {r.text(ctx.lang)}"
            if r.status == "ok":
                st.success(line)
                if r.overlap_text(ctx.lang):
                    st.warning(f"{names[r.source]}: {r.overlap_text(ctx.lang)}", icon=":material/warning:")
            elif r.status == "error":
                st.error(line)
            else:
                st.info(line)
    rows = cache.cached(sync.status_rows) if ctx.db_path is not None else []
    if rows:
        st.dataframe(_status_table(rows), hide_index=True, width="stretch")
        today = date.today()
        for code in cache.cached(google_trust.ga4_warnings, today - timedelta(days=28), today):
            st.warning(t(code), icon=":material/warning:")
    else:
        st.caption(t("google.sync.never"))


def render() -> None:
    st.caption(t("google.intro"))
    _access()
    st.divider()
    _ga4()
    st.divider()
    _gsc()
    st.divider()
    _sync()
    st.divider()
    _brand()
