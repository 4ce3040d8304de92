"""The scale-or-cut table for all channels and campaigns at once.

Same rules, same numbers as judging each row on its own (`metrics.decisions._evaluate`), worked
out with NumPy over `metrics.decision_dense` arrays: at the judged Monday, every row's window
sums, overdispersion φ̂, p = Q(½ + L/φ̂, S/(φ̂·T)) and raw state in a handful of array operations;
the Mondays before it only for the rows whose verdict they can still change (the same shortcut
as the row-by-row path); then the two-week rule per row on those states. A big account (a
thousand campaigns) is judged in milliseconds instead of a Python loop per row and Monday.

Used when every fact is a whole week: a lead-generation workspace whose conversion lag is whole
weeks (the default 7 days). Shops (ROAS from a bootstrap) and other lags, and every experiment,
are judged row by row. `tests/test_decision_batch.py` checks both give the same table.
"""
from __future__ import annotations

from datetime import date, timedelta

import duckdb
import numpy as np
from scipy.special import gammaincc, gammaincinv

from metrics import bayes, decision_dense
from metrics.decision_data import Fact
from metrics.decision_row import DecisionRow, Unit, build_row
from metrics.decisions import (_buckets, _evaluate, _experiments, _Series, _Targets, _window, first_day,
                               weeks_running)
from metrics.names import normalise
from metrics.verdict_rules import (CAMPAIGN_MIN_LEADS, HISTORY_WEEKS, MIN_WEEKS, ZERO_LEAD_DAYS, ZERO_LEAD_MULTIPLE,
                                   Judgement, RawJudgement, Rules, settle_states, settled_by_last, settled_by_last_two)

# Raw states and reason codes of one Monday's judgement, as small integers.
_STATES = ("too_early", "no_target", "cut", "scale", "keep_testing")
_CODES = ("too_early", "no_spend", "no_target_cpl", "zero_lead_stop", "scale", "cut", "keep_testing",
          "campaign_too_small")
_QUANTILES = (0.05, 0.10, 0.5, 0.90, 0.95)
# Every raw judgement a Monday can give, by its code state·16 + reason·2 + zero-lead stop.
_RAW = [RawJudgement(_STATES[k // (2 * len(_CODES))], _CODES[k // 2 % len(_CODES)], bool(k % 2))
        for k in range(len(_STATES) * len(_CODES) * 2)]


def applies(rules: Rules) -> bool:
    """True when every judged fact is a whole week and the verdict is on CPL."""
    return rules.business_type != "shop" and rules.lag_days % 7 == 0 and rules.revenue_lag_days % 7 == 0


def week_rows(con: duckdb.DuckDBPyConnection, week: date, rules: Rules) -> list[DecisionRow]:
    """`metrics.decisions.week_rows` for a workspace `applies` holds for; `week` is a Monday."""
    span = HISTORY_WEEKS + max(rules.eval_weeks, 6) + len(rules.excluded_weeks) + 1
    fetch_start = week - timedelta(days=7 * span)
    data = decision_dense.read(con, fetch_start, week)
    targets = _Targets(con)
    buckets = _buckets(con)
    n_ch = len(data.channels)
    units = [Unit("channel", ch, None, None) for ch in data.channels]
    units += [Unit("campaign", data.channels[c], name, key) for c, key, name in data.campaigns]
    keysets = list(data.channel_keys) + [frozenset({key}) for _, key, _ in data.campaigns]
    first = [first_day(w, keysets[u], data.first_spend, fetch_start) for u, w in enumerate(_first_weeks(data))]
    judged = [u for u in range(data.size) if first[u] is not None]
    rows = _judge_units(data, [units[u] for u in judged], judged, [first[u] for u in judged], week, rules, targets,
                        [buckets.get(units[u].campaign_key, "proven") if u >= n_ch else None for u in judged])

    by_channel: dict[str, list[DecisionRow]] = {}
    channel_rows = []
    for u, r in zip(judged, rows):
        if r is None:
            continue
        if u < n_ch:
            channel_rows.append(r)
        else:
            by_channel.setdefault(r.channel, []).append(r)
    channel_rows.sort(key=lambda r: (-r.window_spend, r.channel))
    out: list[DecisionRow] = []
    for cr in channel_rows:
        out.append(cr)
        out.extend(sorted(by_channel.get(cr.channel, ()), key=lambda r: (-r.window_spend, r.campaign or "")))
    out.extend(_experiment_rows(con, data, week, rules, targets))
    return out


def _first_weeks(data: decision_dense.Units) -> list[date | None]:
    """Each unit's first week with spend in the data read (None: none)."""
    first = np.argmax(data.spent, axis=1).tolist()
    return [data.weeks[k] if any_ else None for k, any_ in zip(first, data.spent.any(axis=1).tolist())]


def _judge_units(data: decision_dense.Units, units: list[Unit], idx: list[int], first: list[date], week: date,
                 rules: Rules, targets: _Targets, buckets: list[str | None]) -> list[DecisionRow | None]:
    """The row for each of `units` (arrays `data.x[idx]`, first spend `first`) at `week`, or None
    for a unit that spent nothing in its window. The judged Mondays are `week` and the
    HISTORY_WEEKS before it that are not excluded, each judged at once for the units that need
    it; a unit's history starts at its first week, as in `decisions._evaluate`."""
    if not units:
        return []
    weeks = data.weeks
    last = len(weeks) - 1
    n = rules.eval_weeks
    lag_weeks = rules.lag_days // 7
    x = data.x[idx]
    first_week = [f - timedelta(days=f.weekday()) for f in first]
    fw = np.array([(f - weeks[0]).days // 7 for f in first_week])          # may be < 0: older than the read
    start_days = np.array([(f - weeks[0]).days for f in first])
    gated = np.array([u.kind == "campaign" for u in units])

    cpl_keys, cpl_index = targets.keys("cpl", units)

    def cpl_values(w: date) -> np.ndarray:
        """Each unit's CPL target in force at `w` (NaN: none)."""
        values = [targets("cpl", ch, ca, w) for ch, ca in cpl_keys]
        return np.array([np.nan if v is None else v for v in values], dtype=float)[cpl_index]

    def judge_at(t: int, rows: np.ndarray) -> tuple[dict[str, np.ndarray], list[int], np.ndarray, np.ndarray]:
        """The judgement at Monday t of `rows` (with their clicks and CPL targets), its codes (see
        _RAW), the window's columns and which are in it."""
        cols = np.array([(w - weeks[0]).days // 7 for w in _window(weeks[t], weeks[0], rules, n)])
        inwin = cols[None, :] >= fw[rows][:, None]                          # [rows, window]
        counted = inwin & (cols <= t - lag_weeks)[None, :]
        bins = x[rows][:, cols, :] * counted[:, :, None]
        target = cpl_values(weeks[t])[rows]
        j = _judge(bins, inwin.sum(1), target, (t * 7 + 7) - start_days[rows], gated[rows], rules)
        j["clicks"], j["target"] = bins[:, :, 1].sum(1), target
        return j, (j["state"] * len(_CODES) * 2 + j["code"] * 2 + j["zero"]).tolist(), cols, inwin

    # The judged Mondays: `week` and the HISTORY_WEEKS before it that are not excluded. Every row
    # is judged at `week`; the Monday before only where that does not settle the verdict, the
    # rest only where the last two do not either (`_history` reads exactly these).
    history_ts = [t for t in range(max(0, last - HISTORY_WEEKS), last + 1)
                  if t == last or weeks[t] not in rules.excluded_weeks]
    everyone = np.arange(len(units))
    final, last_codes, cols, inwin = judge_at(last, everyone)
    states: dict[int, list[int]] = {last: last_codes}   # judged Monday → each row's coded raw judgement (-1: not needed)
    final["inwin"], final["cols"] = inwin, cols
    whole = x[:, cols, :] * inwin[:, :, None]
    final["full_spend"] = whole[:, :, 0].sum(1)
    final["full_leads"] = whole[:, :, 2].sum(1)
    if len(history_ts) > 1:
        shows_last = np.array([settled_by_last(r, rules) for r in _RAW])
        prev_t = history_ts[-2]
        rows = np.flatnonzero(~shows_last[last_codes] & (fw <= prev_t))
        states[prev_t] = _scatter(len(units), rows, judge_at(prev_t, rows)[1])
        prev_codes = np.array(states[prev_t])
        settled_two = np.array([[settled_by_last_two(a, b, rules) for b in _RAW] for a in _RAW])
        rows = rows[~settled_two[prev_codes[rows], np.array(last_codes)[rows]]]
        for t in history_ts[:-2]:
            some = rows[fw[rows] <= t]
            states[t] = _scatter(len(units), some, judge_at(t, some)[1])
    post = _posteriors(final["target"], final["leads"], final["spend"], final["phi"])
    cvr = targets.many("conversion_rate", units, week)
    p_cvr = bayes.p_cvr_at_least_many(np.array([np.nan if v is None else v for v in cvr], dtype=float),
                                      final["leads"], final["clicks"])
    tv, pv = _nones(final["target"]), _nones(final["p"])

    # Plain Python values per row (indexing NumPy arrays one element at a time is slow).
    col = {k: final[k].tolist() for k in ("full_spend", "full_leads", "clicks", "spend", "leads", "phi", "state",
                                          "code", "zero")}
    window_cols = final["cols"].tolist()
    windows: dict[tuple[bool, ...], list[date]] = {}   # rows share a handful of in-window patterns
    fw_list = fw.tolist()
    memo: dict[tuple[tuple[int, ...], int], tuple[str, str]] = {}
    out: list[DecisionRow | None] = []
    for i, unit in enumerate(units):
        full_spend = col["full_spend"][i]
        if full_spend <= 0 or week < first_week[i]:
            out.append(None)    # nothing spent in the window: not a running channel any more
            continue
        hist = [t for t in history_ts if t >= fw_list[i]]
        running = weeks_running(first_week[i], week, rules)
        key = (_history(states, hist, i, rules), running)
        settled = memo.get(key)
        if settled is None:   # rows share a few histories: settle each once
            settled = memo[key] = settle_states([_RAW[c] for c in key[0]], running, rules)
        verdict, code = settled
        target = tv[i]
        j = Judgement(_STATES[col["state"][i]], _CODES[col["code"][i]], "cpl", col["spend"][i], col["leads"][i],
                      pv[i], col["phi"][i], target, post[i], zero_lead=col["zero"][i])
        pattern = tuple(final["inwin"][i].tolist())
        window_weeks = windows.get(pattern)
        if window_weeks is None:
            window_weeks = windows[pattern] = [weeks[c] for c, inside in zip(window_cols, pattern) if inside]
        out.append(build_row(
            unit, buckets[i], j, verdict, code, week=week, rules=rules, clock_of=n,
            weeks_running=running, window_weeks=window_weeks,
            full_spend=full_spend, full_leads=col["full_leads"][i], clicks=col["clicks"][i],
            cpl_target=target, roas_target=None,
            cvr_target=cvr[i], p_cvr=p_cvr[i]))
    return out


def _judge(bins: np.ndarray, n_bins: np.ndarray, target: np.ndarray, days: np.ndarray, gated: np.ndarray,
           rules: Rules) -> dict[str, np.ndarray]:
    """`verdict_rules.judge` (CPL branch) for every unit: bins [units, window, MEASURES]."""
    s_w, l_w = bins[:, :, 0], bins[:, :, 2]
    spend, leads = s_w.sum(1), l_w.sum(1)
    phi = _overdispersion(s_w, l_w) if rules.use_phi else np.ones(len(spend))
    has_t = ~np.isnan(target)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(has_t & (target != 0) & (spend > 0),
                     np.where(target > 0, gammaincc(0.5 + leads / phi, (spend / phi) / target), 0.0), np.nan)
    enough = n_bins >= MIN_WEEKS
    zero = has_t & (leads <= 0) & (spend >= ZERO_LEAD_MULTIPLE * target) & (days >= ZERO_LEAD_DAYS) & (spend > 0)
    flag_scale = p >= rules.scale_threshold
    flag_cut = ~flag_scale & (p <= rules.cut_threshold)
    small = gated & (leads < CAMPAIGN_MIN_LEADS) & (spend < ZERO_LEAD_MULTIPLE * target)
    s = _STATES.index
    c = _CODES.index
    conditions = [spend <= 0, ~has_t, zero, ~enough, (flag_scale | flag_cut) & small, flag_scale, flag_cut]
    state = np.select(conditions, [s("too_early"), s("no_target"), s("cut"), s("too_early"), s("keep_testing"),
                                   s("scale"), s("cut")], s("keep_testing"))
    code = np.select(conditions, [np.where(enough, c("no_spend"), c("too_early")), c("no_target_cpl"),
                                  c("zero_lead_stop"), c("too_early"), c("campaign_too_small"), c("scale"), c("cut")],
                     c("keep_testing"))
    return {"state": state, "code": code, "zero": zero & (spend > 0) & has_t, "spend": spend, "leads": leads,
            "phi": phi, "p": p}


def _overdispersion(spend: np.ndarray, leads: np.ndarray) -> np.ndarray:
    """`bayes.overdispersion` per unit over its window weeks with spend."""
    pos = spend > 0
    count = pos.sum(1)
    s = np.where(pos, spend, 0.0).sum(1)
    n_total = np.where(pos, leads, 0.0).sum(1)
    with np.errstate(divide="ignore", invalid="ignore"):
        lam = n_total / s
        expected = lam[:, None] * spend
        chi2 = np.where(pos, (leads - expected) ** 2 / expected, 0.0).sum(1)
        phi = np.minimum(bayes.PHI_CAP, np.maximum(1.0, chi2 / (count - 1)))
    return np.where((count < bayes.MIN_WEEKS_FOR_PHI) | (n_total <= 0) | (s <= 0), 1.0, phi)


def _posteriors(target: np.ndarray, leads: np.ndarray, spend: np.ndarray, phi: np.ndarray
                ) -> list[bayes.CplPosterior | None]:
    """`bayes.cpl_posterior` for every unit at once."""
    phi1 = np.maximum(1.0, phi)
    a, b = 0.5 + leads / phi1, spend / phi1
    q = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        for u in _QUANTILES:
            lam = gammaincinv(a, 1.0 - u)
            q[u] = np.where((b > 0) & (lam > 0), b / lam, np.nan)
        p = np.where(~np.isnan(target) & (target > 0), gammaincc(a, b / target),
                     np.where(~np.isnan(target) & (target != 0), 0.0, np.nan))
    cols = [p.tolist(), *(_nones(q[u]) for u in (0.5, 0.05, 0.95, 0.90, 0.10)), phi1.tolist()]
    return [bayes.CplPosterior(*v) if s > 0 else None for s, v in zip(spend.tolist(), zip(*cols))]


def _history(states: dict[int, list[int]], ts: list[int], i: int, rules: Rules) -> tuple[int, ...]:
    """Row i's coded judgement per judged Monday, oldest first; only as far back as the two-week
    rule needs (`verdict_rules.settled_by_last`, `settled_by_last_two`), as `decisions._evaluate` does."""
    last = states[ts[-1]][i]
    if len(ts) == 1 or settled_by_last(_RAW[last], rules):
        return (last,)
    prev = states[ts[-2]][i]
    if settled_by_last_two(_RAW[prev], _RAW[last], rules):
        return (prev, last)
    return tuple(states[t][i] for t in ts)


def _scatter(size: int, rows: np.ndarray, codes: list[int]) -> list[int]:
    """`codes` of `rows` in a list of `size` (-1 elsewhere)."""
    out = np.full(size, -1, dtype=np.int64)
    out[rows] = codes
    return out.tolist()


def _nones(v: np.ndarray) -> list[float | None]:
    """As Python floats, NaN as None."""
    return [None if x != x else x for x in v.tolist()]


def _experiment_rows(con: duckdb.DuckDBPyConnection, data: decision_dense.Units, week: date, rules: Rules,
                     targets: _Targets) -> list[DecisionRow]:
    """Running experiments, judged row by row on their channel's or campaign's weekly sums."""
    index = {(data.channels[c], key): len(data.channels) + i for i, (c, key, _) in enumerate(data.campaigns)}
    out = []
    for exp in _experiments(con):
        ch = exp["channel"]
        key = normalise(exp["campaign"]) if exp["campaign"] else None
        u = index.get((ch, key)) if key else (data.channels.index(ch) if ch in data.channels else None)
        by_week: dict[date, list[Fact]] = {}
        if u is not None:
            for k in np.flatnonzero(data.present[u]):
                w = data.weeks[int(k)]
                by_week[w] = [Fact(ch, key or "", exp["campaign"] or "", w, w + timedelta(days=6),
                                   *(float(v) for v in data.x[u, k]))]
        unit = Unit("experiment", ch, exp["campaign"], key, exp)
        r = _evaluate(unit, _Series(by_week, exp["start_date"]), week, rules, targets, exp["bucket"])
        if r is not None:
            out.append(r)
    return out
