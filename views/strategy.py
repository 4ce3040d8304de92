"""Strategy notes: value proposition, personas with their buying journey, SWOT, competitors; Markdown export."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics import strategy
from metrics.safe_export import markdown_escape, to_csv_bytes
from ui import cache, flash
from ui.context import current, t

ctx = current()
lang = ctx.lang
st.title(t("plan.strategy_title"))
if ctx.db_path is None:
    st.info(t("plan.no_workspace"))
    st.stop()

FLASH = "plan_strat_flash"
flash.show(FLASH)


def label(field: str) -> str:
    return t(f"plan.strat.f.{field}")


def save(section: str, content: dict[str, str], note_id: int | None, name: str) -> None:
    try:
        cache.run(strategy.save, section, content, note_id)
    except strategy.InvalidNote as exc:
        st.error(t(f"plan.strat.err.{exc.code}", field=label(exc.field or "name")))
        return
    flash.later(FLASH, t("plan.strat.saved", name=markdown_escape(name)))


st.caption(t("plan.strat.intro"))
tab_vp, tab_persona, tab_swot, tab_comp, tab_export = st.tabs([
    t("plan.strat.tab.value_prop"), t("plan.strat.tab.personas"), t("plan.strat.tab.swot"),
    t("plan.strat.tab.competitors"), t("plan.strat.tab.export")])

# ---- value proposition
with tab_vp:
    st.caption(t("plan.strat.vp_help"))
    vp = cache.cached(strategy.single, "value_prop")
    sentence = strategy.value_proposition(vp, lang)
    if sentence:
        st.info(markdown_escape(sentence))
    else:
        st.info(t("plan.strat.vp_pattern"))
    with st.form("plan_strat_vp"):
        values = {f: st.text_input(label(f"vp_{f}"), value=vp[f], key=f"plan_strat_vp_{f}",
                                   placeholder=t(f"plan.strat.ph.vp_{f}"))
                  for f in strategy.VALUE_PROP_FIELDS}
        if st.form_submit_button(t("plan.save"), key="plan_strat_vp_submit"):
            save("value_prop", values, None, t("plan.strat.tab.value_prop"))

# ---- personas


def persona_form(key: str, content: dict[str, str] | None, submit: str) -> dict[str, str] | None:
    content = content or {f: "" for f in strategy.FIELDS["persona"]}
    with st.form(key):
        out = {"name": st.text_input(label("name"), value=content["name"], key=f"{key}_name",
                                     placeholder=t("plan.strat.ph.persona_name"))}
        c1, c2 = st.columns(2)
        for i, f in enumerate(strategy.PERSONA_FIELDS[1:]):
            out[f] = (c1 if i % 2 == 0 else c2).text_area(label(f), value=content[f], key=f"{key}_{f}", height=80)
        st.markdown(f"**{t('plan.strat.journey')}**")
        st.caption(t("plan.strat.journey_help"))
        for stage in strategy.JOURNEY_STAGES:
            c1, c2 = st.columns(2)
            out[f"{stage}_questions"] = c1.text_area(
                t(f"plan.strat.stage.{stage}") + " · " + label("questions"), value=content[f"{stage}_questions"],
                key=f"{key}_{stage}_q", height=80)
            out[f"{stage}_content"] = c2.text_area(
                t(f"plan.strat.stage.{stage}") + " · " + label("content"), value=content[f"{stage}_content"],
                key=f"{key}_{stage}_c", height=80)
        if st.form_submit_button(submit, key=f"{key}_submit"):
            return out
    return None


def delete_button(section: str, note_id: int, name: str) -> None:
    confirm_key = "plan_strat_confirm_delete"
    if st.session_state.get(confirm_key) == (section, note_id):
        st.warning(t("plan.confirm_delete", name=markdown_escape(name)))
        c1, c2 = st.columns(2)
        if c1.button(t("plan.yes_delete"), key=f"plan_strat_del_yes_{section}_{note_id}", type="primary"):
            cache.run(strategy.delete, section, note_id)
            st.session_state.pop(confirm_key, None)
            flash.later(FLASH, t("plan.deleted", name=markdown_escape(name)))
        if c2.button(t("plan.cancel"), key=f"plan_strat_del_no_{section}_{note_id}"):
            st.session_state.pop(confirm_key, None)
            st.rerun()
    elif st.button(t("plan.strat.delete"), key=f"plan_strat_del_{section}_{note_id}"):
        st.session_state[confirm_key] = (section, note_id)
        st.rerun()


limits = {lim.section: lim for lim in cache.cached(strategy.limits)}


def limit_hint(section: str) -> None:
    lim = limits[section]
    if lim.state != "ok":
        st.caption(t(f"plan.strat.limit_{lim.state}.{section}", n=lim.count, low=lim.low, high=lim.high))


def edit_notes(section: str, notes: list, form, key: str, new_title: str, add_label: str) -> None:
    """Each note of a section in its own expander (edit, delete), then a form for a new one."""
    for note in notes:
        with st.expander(markdown_escape(note.content["name"])):
            edited = form(f"{key}_{note.note_id}", note.content, t("plan.save"))
            if edited is not None:
                save(section, edited, note.note_id, edited["name"] or note.content["name"])
            delete_button(section, note.note_id, note.content["name"])
    st.markdown(f"**{t(new_title)}**")
    new = form(f"{key}_new", None, t(add_label))
    if new is not None:
        save(section, new, None, new["name"])


with tab_persona:
    st.caption(t("plan.strat.persona_help"))
    limit_hint("persona")
    edit_notes("persona", cache.cached(strategy.notes, "persona"), persona_form, "plan_strat_persona",
               "plan.strat.new_persona", "plan.strat.add_persona")

# ---- SWOT
with tab_swot:
    st.caption(t("plan.strat.swot_help"))
    swot = cache.cached(strategy.single, "swot")
    with st.form("plan_strat_swot"):
        c1, c2 = st.columns(2)
        out = {}
        for i, f in enumerate(strategy.SWOT_FIELDS):
            out[f] = (c1 if i % 2 == 0 else c2).text_area(label(f), value=swot[f], key=f"plan_strat_swot_{f}",
                                                          height=140, placeholder=t(f"plan.strat.ph.{f}"))
        if st.form_submit_button(t("plan.save"), key="plan_strat_swot_submit"):
            save("swot", out, None, t("plan.strat.tab.swot"))


# ---- competitors
def competitor_form(key: str, content: dict[str, str] | None, submit: str) -> dict[str, str] | None:
    content = content or {f: "" for f in strategy.COMPETITOR_FIELDS}
    with st.form(key):
        out = {"name": st.text_input(label("name"), value=content["name"], key=f"{key}_name")}
        c1, c2 = st.columns(2)
        for i, f in enumerate(strategy.COMPETITOR_FIELDS[1:]):
            out[f] = (c1 if i % 2 == 0 else c2).text_input(label(f), value=content[f], key=f"{key}_{f}")
        if st.form_submit_button(submit, key=f"{key}_submit"):
            return out
    return None


with tab_comp:
    st.caption(t("plan.strat.comp_help"))
    limit_hint("competitor")
    comps = cache.cached(strategy.notes, "competitor")
    if comps:
        table = pd.DataFrame([{label(f): c.content[f] for f in strategy.COMPETITOR_FIELDS} for c in comps])
        st.dataframe(table, hide_index=True, width="stretch")
        st.download_button(t("plan.strat.comp_csv"), data=to_csv_bytes(table), file_name="competitors.csv",
                           mime="text/csv", key="plan_strat_comp_csv")
    edit_notes("competitor", comps, competitor_form, "plan_strat_comp", "plan.strat.new_competitor",
               "plan.strat.add_competitor")

# ---- export
with tab_export:
    st.caption(t("plan.strat.export_help"))
    md = cache.cached(strategy.export_markdown, lang)
    st.download_button(t("plan.strat.download"), data=md.encode("utf-8"), file_name="strategi.md" if lang == "nb"
                       else "strategy.md", mime="text/markdown", key="plan_strat_md")
    with st.expander(t("plan.strat.preview")):
        st.code(md, language="markdown")
