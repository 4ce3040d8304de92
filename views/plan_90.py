"""The 90-day plan: milestones from the method's template, owners, due dates, status, links; a timeline."""
from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from i18n import fmt
from metrics import plan90
from metrics.periods import today_utc
from metrics.safe_export import markdown_escape, to_csv_bytes
from ui import cache, flash
from ui.context import current, t

ctx = current()
lang = ctx.lang
st.title(t("plan.plan90_title"))
if ctx.db_path is None:
    st.info(t("plan.no_workspace"))
    st.stop()

FLASH = "plan_p90_flash"
flash.show(FLASH)


today = today_utc()
phase_label = {p: t(f"plan.p90.phase.{p}") for p in plan90.PHASES}
status_label = {s: t(f"plan.p90.status.{s}") for s in plan90.STATUSES}
st.caption(t("plan.p90.intro"))

items = cache.cached(plan90.milestones, today, lang)
targets, experiments = cache.cached(plan90.link_choices, lang)
target_label = dict(targets)
experiment_label = dict(experiments)

# ---- generate
with st.expander(t("plan.p90.generate_header"), expanded=items.empty):
    st.caption(t("plan.p90.generate_help"))
    with st.form("plan_p90_generate"):
        c1, c2 = st.columns(2)
        start = c1.date_input(t("plan.p90.start"), value=plan90.next_monday(today), format="DD.MM.YYYY",
                              key="plan_p90_start")
        owner = c2.text_input(t("plan.p90.col.owner"), key="plan_p90_gen_owner")
        restart = False
        if not items.empty:
            restart = st.checkbox(t("plan.p90.restart"), key="plan_p90_restart")
        if st.form_submit_button(t("plan.p90.generate"), key="plan_p90_generate_submit"):
            if restart:
                cache.run(plan90.clear_generated)
            added = cache.run(plan90.generate, start, lang, owner or None)
            flash.later(FLASH, t("plan.p90.generated", n=added, start=fmt.day(start, lang),
                    end=fmt.day(plan90.plan_end(start), lang)) if added else t("plan.p90.generated_none"))

if items.empty:
    st.info(t("plan.p90.empty"))
else:
    # ---- overdue first
    late = cache.cached(plan90.overdue, today)
    if late:
        st.warning(t("plan.p90.overdue" + ("_one" if len(late) == 1 else ""), n=len(late)) + "\n\n" + "\n".join(
            "- " + t("plan.p90.overdue_item" + ("_one" if o.days_overdue == 1 else ""), title=markdown_escape(o.title), due=fmt.day(o.due_date, lang),
                     days=o.days_overdue, owner=markdown_escape(o.owner or "—")) for o in late))

    view = pd.DataFrame({
        t("plan.p90.col.phase"): items["phase"].map(lambda p: phase_label.get(p, "—")),
        t("plan.p90.col.due"): [fmt.day(None if pd.isna(d) else d, lang) for d in items["due_date"]],
        t("plan.p90.col.status"): items["status"].map(status_label),
        t("plan.p90.col.title"): items["title"],
        t("plan.p90.col.owner"): items["owner"].fillna(""),
        t("plan.p90.col.overdue"): [t("plan.p90.days_late" + ("_one" if x == 1 else ""), days=int(x))
                                    if not pd.isna(x) else "" for x in items["overdue_days"]],
        t("plan.p90.col.target"): items["target_label"].fillna(""),
        t("plan.p90.col.experiment"): items["experiment_label"].fillna(""),
        t("plan.p90.col.start"): [fmt.day(None if pd.isna(d) else d, lang) for d in items["start_date"]],
        t("plan.p90.col.notes"): items["notes"].fillna(""),
    })
    st.dataframe(view, hide_index=True, width="stretch")
    st.download_button(t("plan.p90.download"), data=to_csv_bytes(view), file_name="90-day-plan.csv",
                       mime="text/csv", key="plan_p90_csv")


def milestone_form(key: str, m: plan90.Milestone | None, submit: str) -> plan90.Milestone | None:
    m = m or plan90.Milestone("", None)
    with st.form(key):
        title = st.text_input(t("plan.p90.col.title"), value=m.title, max_chars=plan90.MAX_TITLE, key=f"{key}_title")
        c1, c2, c3 = st.columns(3)
        owner = c1.text_input(t("plan.p90.col.owner"), value=m.owner or "", key=f"{key}_owner")
        start = c2.date_input(t("plan.p90.col.start"), value=m.start_date, format="DD.MM.YYYY", key=f"{key}_start")
        due = c3.date_input(t("plan.p90.col.due"), value=m.due_date, format="DD.MM.YYYY", key=f"{key}_due")
        c1, c2 = st.columns(2)
        status = c1.selectbox(t("plan.p90.col.status"), plan90.STATUSES, index=plan90.STATUSES.index(m.status),
                              format_func=status_label.get, key=f"{key}_status")
        phases = [None, *plan90.PHASES]
        phase = c2.selectbox(t("plan.p90.col.phase"), phases, index=phases.index(m.phase) if m.phase in phases else 0,
                             format_func=lambda p: phase_label.get(p, "—"), key=f"{key}_phase")
        c1, c2 = st.columns(2)
        t_opts = [None, *target_label]
        target_id = c1.selectbox(t("plan.p90.col.target"), t_opts,
                                 index=t_opts.index(m.target_id) if m.target_id in t_opts else 0,
                                 format_func=lambda i: target_label.get(i, "—"), key=f"{key}_target")
        e_opts = [None, *experiment_label]
        experiment_id = c2.selectbox(t("plan.p90.col.experiment"), e_opts,
                                     index=e_opts.index(m.experiment_id) if m.experiment_id in e_opts else 0,
                                     format_func=lambda i: experiment_label.get(i, "—"), key=f"{key}_experiment")
        notes = st.text_area(t("plan.p90.col.notes"), value=m.notes or "", key=f"{key}_notes")
        if st.form_submit_button(submit, key=f"{key}_submit"):
            return plan90.Milestone(title, due, owner, status, phase, start, target_id, experiment_id, notes)
    return None


def show_problems(problems: list[plan90.Problem]) -> None:
    for p in problems:
        st.error(t(f"plan.p90.err.{p.code}", field=t(f"plan.p90.field.{p.field}")))


# ---- add
st.subheader(t("plan.p90.add_header"))
new = milestone_form("plan_p90_add", None, t("plan.p90.add_button"))
if new is not None:
    problems = cache.cached(plan90.validate, new)
    if problems:
        show_problems(problems)
    else:
        cache.run(plan90.add, new)
        flash.later(FLASH, t("plan.p90.added", title=markdown_escape(new.title)))

# ---- edit / delete
if not items.empty:
    st.subheader(t("plan.p90.edit_header"))
    labels = {int(r.item_id): f"{fmt.day(r.due_date, lang)} · {r.title}" for r in items.itertuples()}
    chosen = st.selectbox(t("plan.p90.pick"), list(labels), format_func=labels.get, key="plan_p90_pick")
    m = cache.cached(plan90.get, chosen)
    if m is not None:
        edited = milestone_form(f"plan_p90_edit_{chosen}", m, t("plan.save"))
        if edited is not None:
            problems = cache.cached(plan90.validate, edited)
            if problems:
                show_problems(problems)
            else:
                cache.run(plan90.update, chosen, edited)
                flash.later(FLASH, t("plan.p90.updated", title=markdown_escape(edited.title)))
        confirm_key = "plan_p90_confirm_delete"
        if st.session_state.get(confirm_key) == chosen:
            st.warning(t("plan.confirm_delete", name=markdown_escape(m.title)))
            c1, c2 = st.columns(2)
            if c1.button(t("plan.yes_delete"), key="plan_p90_delete_yes", type="primary"):
                cache.run(plan90.delete, chosen)
                st.session_state.pop(confirm_key, None)
                flash.later(FLASH, t("plan.deleted", name=markdown_escape(m.title)))
            if c2.button(t("plan.cancel"), key="plan_p90_delete_no"):
                st.session_state.pop(confirm_key, None)
                st.rerun()
        elif st.button(t("plan.p90.delete"), key="plan_p90_delete"):
            st.session_state[confirm_key] = chosen
            st.rerun()

    # ---- timeline (below the table: a chart costs seconds on a fresh session)
    st.subheader(t("plan.p90.timeline_header"))
    bars = cache.cached(plan90.timeline, today)
    if not bars.empty:
        bars = bars.assign(status_text=bars["status"].map(status_label),
                           state=[t("plan.p90.overdue_state") if o else status_label[s]
                                  for s, o in zip(bars["status"], bars["is_overdue"])])
        colours = {t("plan.p90.overdue_state"): "#d62728", status_label["doing"]: "#1f77b4",
                   status_label["todo"]: "#aec7e8", status_label["done"]: "#98a2a8"}
        fig = px.timeline(bars, x_start="start", x_end="end", y="label", color="state",
                          color_discrete_map=colours,
                          labels={"label": "", "state": t("plan.p90.col.status")},
                          hover_data={"label": False, "status_text": False})
        # keep the table's order (by due date) whatever the colours
        fig.update_yaxes(categoryorder="array", categoryarray=list(dict.fromkeys(bars["label"])), autorange="reversed")
        fig.add_shape(type="line", x0=today.isoformat(), x1=today.isoformat(), y0=0, y1=1, yref="paper",
                      line={"dash": "dash", "width": 2, "color": "#d62728"})
        fig.add_annotation(x=today.isoformat(), y=1, yref="paper", text=t("plan.p90.today"), showarrow=False,
                           yanchor="bottom")
        fig.update_layout(height=120 + 28 * len(bars), margin={"l": 10, "r": 10, "t": 30, "b": 10})
        st.plotly_chart(fig, width="stretch", key="plan_p90_timeline")
