"""Import: drop export files, see what Mandag found in each, load them, and undo an import.

Every number and sentence comes from `connectors.importing` (previews, loads, history); this page
only lays them out. File, campaign and account names come from files and are shown as plain text.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from connectors import importing
from connectors.base import ImportReport
from connectors.messages import localise
from i18n import fmt
from metrics.safe_export import md_escape
from ui import cache
from ui.context import current, t

ctx = current()
lang = ctx.lang
SOURCES = ("google_ads", "meta", "linkedin", "microsoft_ads", "tiktok", "ga4", "search_console", "crm")
MONEY = frozenset({"spend", "conversion_value", "revenue", "value", "amount"})


def source_label(source: str | None) -> str:
    return t(f"import.source.{source}") if source else fmt.DASH


def period(a: object, b: object) -> str:
    if a is None or b is None or pd.isna(a) or pd.isna(b):
        return fmt.DASH
    a, b = pd.Timestamp(a).date(), pd.Timestamp(b).date()
    return fmt.day(a, lang) if a == b else f"{fmt.day(a, lang)} – {fmt.day(b, lang)}"


def measure(name: str, value: float, currency: str | None) -> str:
    if name in MONEY and currency:
        return fmt.money(value, currency, lang, 2)
    return fmt.number(value, lang, 0 if float(value).is_integer() else 2)


def card(rep: ImportReport) -> None:
    """One file's preview: what was found, or the sentence saying why it cannot be loaded."""
    with st.container(border=True):
        st.text(rep.file)
        if rep.status == "refused":
            st.error(t("import.card.refused") + " · " + md_escape(localise(rep.error, lang)), icon=":material/block:")
            return
        st.success(t("import.card.ready", source=source_label(rep.source)), icon=":material/check_circle:")
        facts = [
            (t("import.card.account"), rep.account or fmt.DASH),
            (t("import.card.period"), period(rep.date_from, rep.date_to)),
            (t("import.card.rows"), fmt.number(rep.rows, lang)),
            (t("import.card.currency"), rep.currency or fmt.DASH),
        ]
        facts += [(t(f"import.measure.{k}"), measure(k, v, rep.currency)) for k, v in (rep.totals or {}).items()]
        st.dataframe(pd.DataFrame(facts, columns=[t("import.card.what"), t("import.card.value")]), hide_index=True,
                     width="stretch")
        for w in rep.warnings:
            st.warning(md_escape(localise(w, lang)), icon=":material/info:")


def load(items: list[tuple[str, bytes]]) -> list[ImportReport]:
    bar = st.progress(0.0)
    reports = []
    for i, (name, data) in enumerate(items, start=1):
        bar.progress((i - 1) / len(items), text=t("import.loading", file=md_escape(name), i=i, n=len(items)))
        reports.append(importing.import_bytes(ctx.db_path, name, data))
    bar.progress(1.0)
    cache.clear()
    return reports


def results(reports: list[ImportReport]) -> None:
    counts = importing.count_statuses(reports)
    box = st.error if counts["refused"] else st.success
    box(t("import.summary", **counts), icon=":material/task_alt:")
    rows = [(r.file, t(f"import.status.{r.status}"), source_label(r.source), period(r.date_from, r.date_to),
             fmt.number(r.rows, lang) if r.status != "refused" else fmt.DASH) for r in reports]
    st.dataframe(pd.DataFrame(rows, columns=[t("import.col.file"), t("import.col.status"), t("import.col.source"),
                                             t("import.col.dates"), t("import.col.rows")]),
                 hide_index=True, width="stretch")
    for r in reports:
        if r.status == "refused":
            st.text(localise(r.error, lang))
    if counts["unchanged"]:
        st.caption(t("import.unchanged_note"))


def where_to_get_exports() -> None:
    st.info(t("import.empty"), icon=":material/upload_file:")
    st.markdown("\n".join(f"- {t(f'import.where.{s}')}" for s in SOURCES))


def history() -> None:
    st.subheader(t("import.history"), anchor=False)
    log = cache.cached(importing.history)
    if log.empty:
        st.caption(t("import.history_empty"))
        return
    table = pd.DataFrame({
        t("import.col.id"): log["import_id"],
        t("import.col.file"): log["file_name"],
        t("import.col.source"): [source_label(s) for s in log["source"]],
        t("import.col.dates"): [period(a, b) for a, b in zip(log["date_from"], log["date_to"])],
        t("import.col.rows"): [fmt.number(n, lang) for n in log["rows"]],
        t("import.col.when"): [fmt.day(pd.Timestamp(w).date(), lang) + pd.Timestamp(w).strftime(" %H:%M")
                               for w in log["imported_at"]],
        t("import.col.status"): [t(f"import.status.{s}") for s in log["status"]],
    })
    st.dataframe(table, hide_index=True, width="stretch")
    undoable = log[(log["status"] == "loaded") & (log["origin"] == "file")]
    if undoable.empty:
        return
    labels = {int(r.import_id): f"{r.import_id} · {r.file_name} · {period(r.date_from, r.date_to)}"
              for r in undoable.itertuples()}
    c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
    pick = c1.selectbox(t("import.undo_pick"), list(labels), format_func=labels.get, key="import_undo_pick")
    if c2.button(t("import.undo_button"), key="import_undo", width="stretch"):
        st.session_state["import_undo_pending"] = pick
    pending = st.session_state.get("import_undo_pending")
    if pending in labels:
        st.warning(t("import.undo_confirm", id=pending), icon=":material/undo:")
        y, n, _ = st.columns([1, 1, 3])
        if y.button(t("import.undo_yes"), type="primary", key="import_undo_yes"):
            removed = cache.run(importing.undo, pending)
            st.session_state.pop("import_undo_pending", None)
            st.session_state["import_undone"] = (pending, removed)
            st.rerun()
        if n.button(t("import.undo_cancel"), key="import_undo_no"):
            st.session_state.pop("import_undo_pending", None)
            st.rerun()


st.title(t("import.title"), anchor=False)
st.caption(t("import.intro"))
if ctx.is_demo:
    st.info(t("import.demo_note"), icon=":material/science:")

done = st.session_state.pop("import_undone", None)
if done:
    st.success(t("import.undone", id=done[0], rows=fmt.number(done[1], lang)), icon=":material/undo:")

uploader_key = f"import_files_{st.session_state.get('import_round', 0)}"
files = st.file_uploader(t("import.upload"), accept_multiple_files=True, type=list(importing.UPLOAD_TYPES),
                         key=uploader_key)

if files:
    st.session_state.pop("import_results", None)  # a new batch: the previous summary is history now
last = st.session_state.get("import_results")
if last:
    results(last)

if files:
    items = importing.group([(f.name, f.getvalue()) for f in files])
    previews = [cache.cached(importing.preview, name, data) for name, data in items]
    for rep in previews:
        card(rep)
    ready = [item for item, rep in zip(items, previews) if rep.status == "ready"]
    label = t("import.load_one") if len(ready) == 1 else t("import.load_n", n=len(ready))
    if st.button(label, type="primary", disabled=not ready, key="import_load"):
        st.session_state["import_results"] = load(ready)
        st.session_state["import_round"] = st.session_state.get("import_round", 0) + 1
        st.rerun()
elif not last:
    where_to_get_exports()

if ctx.db_path is not None:
    history()
