"""ICE backlog: add, score, edit and delete marketing actions; turn one into an experiment."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from i18n import fmt
from metrics import budget as budget_metrics
from metrics import ice, plan90
from metrics.experiments import ExperimentRefused
from metrics.periods import today_utc
from metrics.safe_export import markdown_escape, to_csv_bytes
from ui import cache, flash
from ui.context import current, t

ctx = current()
lang = ctx.lang
st.title(t("plan.ice_title"))
if ctx.db_path is None:
    st.info(t("plan.no_workspace"))
    st.stop()

FLASH = "plan_ice_flash"
flash.show(FLASH)


def field_label(field: str) -> str:
    return t(f"plan.ice.col.{field}")


def problem_text(p: ice.Problem) -> str:
    return t(f"plan.ice.err.{p.code}", field=field_label(p.field), value=p.value if p.value is not None else "—")


st.caption(t("plan.ice.intro"))
st.info(t("plan.ice.formula"))

# ---- suggestions
if st.button(t("plan.ice.add_suggestions"), key="plan_ice_suggest", help=t("plan.ice.add_suggestions_help")):
    added = cache.run(ice.add_suggestions, lang)
    flash.later(FLASH, t("plan.ice.suggestions_added" + ("_one" if added == 1 else ""), n=added)
                if added else t("plan.ice.suggestions_none"))

# ---- the backlog
backlog = cache.cached(ice.backlog)
bucket_label = {b: t(f"plan.bucket.{b}") for b in ice.BUCKETS}
status_label = {s: t(f"plan.ice.status.{s}") for s in ice.STATUSES}

if backlog.empty:
    st.info(t("plan.ice.empty"))
else:
    view = pd.DataFrame({
        field_label("score"): backlog["score"],
        field_label("formula"): [f"{i} × {c} × (11 − {e})" for i, c, e in
                                 zip(backlog["impact"], backlog["confidence"], backlog["effort"])],
        field_label("name"): backlog["name"],
        field_label("channel"): backlog["channel"].fillna(""),
        field_label("bucket"): backlog["bucket"].map(bucket_label),
        field_label("owner"): backlog["owner"].fillna(""),
        field_label("status"): backlog["status"].map(status_label),
        field_label("experiment"): backlog["experiment_id"].map(lambda x: "" if pd.isna(x) else f"#{int(x)}"),
        field_label("description"): backlog["description"].fillna(""),
    })
    st.dataframe(view, hide_index=True, width="stretch", key="plan_ice_table")
    st.download_button(t("plan.ice.download"), data=to_csv_bytes(view), file_name="ice-backlog.csv",
                       mime="text/csv", key="plan_ice_csv")


def item_form(key: str, item: ice.Item | None, submit_label: str) -> ice.Item | None:
    """The fields of one action; returns the entered item when the form was submitted."""
    item = item or ice.Item("", 5, 5, 5)
    with st.form(key):
        name = st.text_input(field_label("name"), value=item.name, max_chars=ice.MAX_NAME, key=f"{key}_name")
        c1, c2 = st.columns(2)
        channel = c1.text_input(field_label("channel"), value=item.channel or "", key=f"{key}_channel",
                                placeholder=t("plan.ice.channel_placeholder"))
        owner = c2.text_input(field_label("owner"), value=item.owner or "", key=f"{key}_owner")
        description = st.text_area(field_label("description"), value=item.description or "", key=f"{key}_desc")
        c1, c2, c3 = st.columns(3)
        impact = c1.number_input(field_label("impact"), value=int(item.impact), step=1, key=f"{key}_i",
                                 help=t("plan.ice.help_impact"))
        confidence = c2.number_input(field_label("confidence"), value=int(item.confidence), step=1, key=f"{key}_c",
                                     help=t("plan.ice.help_confidence"))
        effort = c3.number_input(field_label("effort"), value=int(item.effort), step=1, key=f"{key}_e",
                                 help=t("plan.ice.help_effort"))
        c1, c2 = st.columns(2)
        bucket = c1.selectbox(field_label("bucket"), ice.BUCKETS, index=ice.BUCKETS.index(item.bucket),
                              format_func=bucket_label.get, key=f"{key}_bucket")
        status = c2.selectbox(field_label("status"), ice.STATUSES, index=ice.STATUSES.index(item.status),
                              format_func=status_label.get, key=f"{key}_status")
        if st.form_submit_button(submit_label, key=f"{key}_submit"):
            return ice.Item(name, impact, confidence, effort, channel, description, bucket, owner, status)
    return None


# ---- add
st.subheader(t("plan.ice.add_header"))
new = item_form("plan_ice_add", None, t("plan.ice.add_button"))
if new is not None:
    problems = ice.validate(new)
    if problems:
        for p in problems:
            st.error(problem_text(p))
    else:
        cache.run(ice.add, new)
        flash.later(FLASH, t("plan.ice.added", name=markdown_escape(new.name)))

# ---- edit, delete, experiment
if not backlog.empty:
    st.subheader(t("plan.ice.edit_header"))
    labels = {int(r.item_id): f"{r.name} · {r.score}" for r in backlog.itertuples()}
    chosen = st.selectbox(t("plan.ice.pick"), list(labels), format_func=labels.get, key="plan_ice_pick")
    current_item = cache.cached(ice.get, chosen)
    if current_item is not None:
        edited = item_form(f"plan_ice_edit_{chosen}", current_item, t("plan.save"))
        if edited is not None:
            problems = ice.validate(edited)
            if problems:
                for p in problems:
                    st.error(problem_text(p))
            else:
                cache.run(ice.update, chosen, edited)
                flash.later(FLASH, t("plan.ice.updated", name=markdown_escape(edited.name)))

        confirm_key = "plan_ice_confirm_delete"
        if st.session_state.get(confirm_key) == chosen:
            st.warning(t("plan.confirm_delete", name=markdown_escape(current_item.name)))
            c1, c2 = st.columns(2)
            if c1.button(t("plan.yes_delete"), key="plan_ice_delete_yes", type="primary"):
                cache.run(ice.delete, chosen)
                st.session_state.pop(confirm_key, None)
                flash.later(FLASH, t("plan.deleted", name=markdown_escape(current_item.name)))
            if c2.button(t("plan.cancel"), key="plan_ice_delete_no"):
                st.session_state.pop(confirm_key, None)
                st.rerun()
        elif st.button(t("plan.ice.delete"), key="plan_ice_delete"):
            st.session_state[confirm_key] = chosen
            st.rerun()

        row = backlog[backlog["item_id"] == chosen].iloc[0]
        with st.expander(t("plan.ice.exp_header"), expanded=False):
            if not pd.isna(row["experiment_id"]):
                st.info(t("plan.ice.exp_exists", id=int(row["experiment_id"])))
            st.caption(t("plan.ice.exp_intro"))
            with st.form(f"plan_ice_exp_{chosen}"):
                c1, c2 = st.columns(2)
                start: date = c1.date_input(t("plan.ice.exp_start"), value=plan90.next_monday(today_utc()),
                                            key=f"plan_ice_exp_start_{chosen}", format="DD.MM.YYYY")
                weeks = c2.selectbox(t("plan.ice.exp_weeks"), [4, 5, 6], index=2, key=f"plan_ice_exp_weeks_{chosen}")
                c1, c2, c3 = st.columns(3)
                budget = c1.number_input(t("plan.ice.exp_budget", currency=ctx.currency), value=None, min_value=0.0,
                                         step=500.0, key=f"plan_ice_exp_budget_{chosen}")
                target = c2.number_input(t("plan.ice.exp_target", currency=ctx.currency), value=None, min_value=0.0,
                                         step=50.0, key=f"plan_ice_exp_target_{chosen}")
                campaign = c3.text_input(t("plan.ice.exp_campaign"), key=f"plan_ice_exp_campaign_{chosen}",
                                         help=t("plan.ice.exp_campaign_help"))
                known = cache.cached(budget_metrics.channels)
                options = [None, *known] + ([current_item.channel] if current_item.channel
                                            and current_item.channel not in known else [])
                exp_channel = st.selectbox(
                    t("plan.ice.exp_channel"), options,
                    index=options.index(current_item.channel) if current_item.channel in options else 0,
                    format_func=lambda c: c or "—", key=f"plan_ice_exp_channel_{chosen}",
                    help=t("plan.ice.exp_channel_help"))
                if st.form_submit_button(t("plan.ice.exp_button"), key=f"plan_ice_exp_submit_{chosen}"):
                    spec = ice.ExperimentSpec(start, int(weeks), budget, campaign or None, target or None,
                                              exp_channel)
                    problems = ice.experiment_problems(spec, exp_channel or current_item.channel)
                    if problems:
                        for p in problems:
                            st.error(t(f"plan.ice.exp_err.{p.field}"))
                    else:
                        try:
                            cache.run(ice.start_experiment, chosen, spec)
                        except ExperimentRefused as exc:
                            st.error(exc.message(lang))
                        else:
                            flash.later(FLASH, t("plan.ice.exp_created", name=markdown_escape(current_item.name),
                                          start=fmt.day(start, lang)))
