"""The app shell: which pages exist, the shared sidebar, and running a page safely.

`app.py` only calls these four functions. Order matters: `prepare` settles the language and the
workspace (creating the demo on a first start), `pages` lists the navigation, `sidebar` draws
the shared controls and stores the page context, `run` runs the chosen page.
"""
from __future__ import annotations

import gc
from dataclasses import replace
from datetime import date
from pathlib import Path

import streamlit as st

from i18n import fmt, tr
from metrics import weekly
from ui import auth, cache
from ui.context import Ctx
from warehouse import WorkspaceBusy, fx, workspaces

LANG_LABELS = {"nb": "Norsk", "en": "English"}

# (file, title key, icon, section key). The first page is the default.
PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("views/monday.py", "monday.title", ":material/today:", "nav.section.week"),
    ("views/experiments.py", "experiments.title", ":material/science:", "nav.section.week"),
    ("views/decision_log.py", "decisions.log_title", ":material/history:", "nav.section.week"),
    ("views/targets.py", "targets.title", ":material/flag:", "nav.section.week"),
    ("views/search.py", "search.title", ":material/search:", "nav.section.week"),
    ("views/import_data.py", "import.title", ":material/upload_file:", "nav.section.data"),
    ("views/plan_ice.py", "plan.ice_title", ":material/lightbulb:", "nav.section.plan"),
    ("views/plan_budget.py", "plan.budget_title", ":material/pie_chart:", "nav.section.plan"),
    ("views/plan_90.py", "plan.plan90_title", ":material/event_note:", "nav.section.plan"),
    ("views/strategy.py", "plan.strategy_title", ":material/groups:", "nav.section.plan"),
    ("views/settings.py", "settings.title", ":material/settings:", "nav.section.admin"),
    ("views/workspaces.py", "ws.title", ":material/folder_open:", "nav.section.admin"),
)

ROOT = Path(__file__).resolve().parent.parent


def registered_pages() -> list[tuple[str, str, str, str]]:
    return [p for p in PAGES if (ROOT / p[0]).exists()]


def _lang() -> str:
    # The sidebar widget's value is in the session state before the widget is drawn again.
    for lang in (st.session_state.get("_lang_pick"), st.session_state.get("lang"), st.query_params.get("lang")):
        if lang in LANG_LABELS:
            return lang
    return "nb"


def _ensure_workspace() -> list[workspaces.Workspace]:
    found = workspaces.list_workspaces()
    if not found:
        from connectors import demo

        with st.spinner(tr(_lang(), "ws.demo_rebuild") + " …"):
            demo.build(workspaces.path_for(workspaces.DEMO_NAME))
        found = workspaces.list_workspaces()
    return found


def visible_workspaces() -> list[workspaces.Workspace]:
    """The workspaces this visitor may open (all of them for a local install)."""
    found = workspaces.list_workspaces()
    allowed = set(auth.allowed_workspaces(st.session_state.get("auth_state"), [w.name for w in found]))
    return [w for w in found if w.name in allowed]


def prepare() -> Ctx:
    """Sign-in gate, then language and workspace for this run; returns a context without a week yet."""
    lang = _lang()
    st.session_state["lang"] = lang
    auth.gate(lang)
    _ensure_workspace()
    found = visible_workspaces()
    if not found:
        st.info(tr(lang, "app.no_workspace_for_you"))
        auth.sidebar_user(lang=lang)
        st.stop()
    names = [w.name for w in found]
    chosen = st.session_state.get("workspace") or st.query_params.get("ws")
    if chosen not in names:
        own = [w.name for w in found if not w.is_demo]
        chosen = own[0] if own else names[0]
    st.session_state["workspace"] = chosen
    ws = next(w for w in found if w.name == chosen)
    st.session_state["db_path"] = str(ws.path)
    currency = cache.cached(fx.currency, db_path=ws.path)
    ctx = Ctx(lang, ws.path, ws.name, None, currency, ws.is_demo)
    st.session_state["ctx"] = ctx
    return ctx


def page_link(file: str, label: str, icon: str | None = None) -> None:
    """A link to another page; drawn only when the page runs inside the router (not alone in a test)."""
    if file in st.session_state.get("_routed_pages", ()):
        st.page_link(file, label=label, icon=icon)


def pages(ctx: Ctx) -> dict[str, list[st.Page]]:
    st.session_state["_routed_pages"] = tuple(p[0] for p in registered_pages())
    sections: dict[str, list[st.Page]] = {}
    for i, (file, title_key, icon, section) in enumerate(registered_pages()):
        page = st.Page(file, title=tr(ctx.lang, title_key), icon=icon, default=(i == 0),
                       url_path=Path(file).stem.replace("_", "-"))
        sections.setdefault(tr(ctx.lang, section), []).append(page)
    return sections


# The sidebar's pickers are pills and segmented controls, which share the code of the language
# switch: a select box makes a fresh browser fetch and compile some 20 more modules first
# (docs/performance.md). A select box is still used where a list gets long.
PILL_WORKSPACES = 6      # up to this many workspaces are pills
RECENT_WEEKS = 4         # the newest complete weeks offered as one click


def _on_week(key: str) -> None:
    picked = st.session_state.get(key)
    if picked is not None:   # clicking the picked segment again clears it: keep the week
        show_week(picked)
    st.session_state["_weeks_open"] = False


def _on_workspace() -> None:
    picked = st.session_state.get("_ws_pick")
    if picked is None or picked == st.session_state.get("workspace"):
        return               # the picked pill clicked again: nothing changes
    open_workspace(picked)


# Button callbacks for the pages. Defined here rather than in a page script: Streamlit keeps a
# widget's callback until the widget is gone, and a function defined in a page keeps that whole
# run's variables (a week's verdicts, its cards) alive with it — every week visited stayed in
# memory, and in every garbage collection.
def show_week(week: date) -> None:
    """Show `week` on the next run."""
    st.session_state["week_pick"] = week


def open_workspace(name: str) -> None:
    """Switch to workspace `name` (at its newest week)."""
    st.session_state["workspace"] = name
    st.session_state.pop("week_pick", None)


def _open_weeks() -> None:
    st.session_state["_weeks_open"] = True


def _workspace_picker(ctx: Ctx, lang: str) -> None:
    names = [w.name for w in visible_workspaces()]
    st.session_state["_ws_pick"] = ctx.workspace
    if len(names) <= PILL_WORKSPACES:
        st.pills(tr(lang, "app.workspace"), names, key="_ws_pick", on_change=_on_workspace)
    else:
        st.selectbox(tr(lang, "app.workspace"), names, key="_ws_pick", on_change=_on_workspace)


def _week_segment(week: date, newest_year: int) -> str:
    """'47'; a week of another ISO year than the newest also names its year: '47 · 2025'."""
    iso_year, number, _ = week.isocalendar()
    return str(number) if iso_year == newest_year else f"{number} · {iso_year}"


def _week_picker(weeks: list[date], lang: str) -> date:
    """The newest weeks as one segmented control (oldest left), the rest behind 'All weeks'."""
    if st.session_state.get("week_pick") not in weeks:
        st.session_state["week_pick"] = weeks[0]
    week = st.session_state["week_pick"]
    recent = sorted(weeks[:RECENT_WEEKS])
    options = recent if week in recent else [week, *recent]
    # One widget per language: the browser keeps an option's old text when only its label changes.
    key = f"_weekseg_{lang}"
    st.session_state[key] = week
    year = weeks[0].isocalendar()[0]
    st.segmented_control(tr(lang, "app.week"), options, key=key, on_change=_on_week, args=(key,),
                         format_func=lambda w: _week_segment(w, year))
    if st.session_state.get("_weeks_open"):
        key = f"_week_{lang}"
        st.session_state[key] = week
        st.selectbox(tr(lang, "app.all_weeks"), weeks, key=key, on_change=_on_week, args=(key,),
                     format_func=lambda w: f"{fmt.week_label(w, lang).capitalize()} · {fmt.week_range(w, lang)}")
    elif len(weeks) > len(options):
        st.button(tr(lang, "app.all_weeks_open"), key="weeks_open", on_click=_open_weeks,
                  icon=":material/calendar_month:", type="tertiary")
    return week


def sidebar(ctx: Ctx) -> Ctx:
    """Workspace, language and week pickers; stores the final context in the session."""
    lang = ctx.lang
    with st.sidebar:
        _workspace_picker(ctx, lang)
        if ctx.is_demo:
            st.caption(f":orange-badge[{tr(lang, 'app.demo_badge')}] {tr(lang, 'app.demo_notice')}")
            if "views/workspaces.py" in st.session_state.get("_routed_pages", ()) and st.button(
                    tr(lang, "app.demo_leave"), key="demo_leave", icon=":material/logout:"):
                st.switch_page("views/workspaces.py")
        if st.session_state.get("_lang_pick") != lang:
            st.session_state["_lang_pick"] = lang
        st.segmented_control("Språk · Language", list(LANG_LABELS), key="_lang_pick",
                             format_func=LANG_LABELS.get)
        st.query_params["lang"] = lang  # keeps the language on reload
        weeks = cache.cached(weekly.complete_weeks, date.today(), db_path=ctx.db_path)
        week = _week_picker(weeks, lang) if weeks else None
    auth.sidebar_user(lang=lang)
    ctx = replace(ctx, week_start=week)
    st.session_state["ctx"] = ctx
    st.session_state["week_start"] = week
    return ctx


def run(page: st.Page) -> None:
    """Run the chosen page; a busy workspace gets a sentence, not a traceback."""
    try:
        page.run()
    except WorkspaceBusy as exc:
        st.warning(tr(_lang(), "security.busy", name=exc.workspace, seconds=f"{exc.seconds:g}"))
    _freeze_once()


_frozen = False


def _freeze_once() -> None:
    """After the first page run, move every object alive (modules, classes, functions: pandas,
    DuckDB, Streamlit, ours) out of the garbage collector's sight.

    Streamlit collects garbage after every run before it tells the browser the run is over;
    on the Monday page that full collection took 0.15 s of every page load and every click,
    almost all of it re-checking objects that live as long as the process. `gc.freeze` keeps
    them out of later collections; everything created afterwards is collected as before.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()
