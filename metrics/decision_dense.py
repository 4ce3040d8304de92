"""The decision engine's weekly facts as dense arrays: one row per channel and per campaign, one
column per ISO week, five measures (spend, clicks, leads, sales, revenue).

The same numbers as `metrics.decision_data.facts` (same read, same lead and revenue source of
truth), for whole weeks only — the form `metrics.decision_batch` judges a thousand campaigns in
at once. A channel's row is the sum of all its facts, those without a campaign included; a
campaign is a channel × normalised campaign name.

`window` keeps the arrays of a workspace's whole history (about 8 MB for a thousand campaigns
over three years) and hands out any stretch of weeks from them, so judging another week needs
no read at all. They are kept per rollup generation (a token every write through
`warehouse.rollup` renews), channel map and source of truth, and only while the rollup is
current; `read` reads just the weeks asked for.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from metrics.aggregate import weekly_field_arrays
from metrics.decision_data import first_spend_by_campaign
from metrics.leads import basis, fact_fields
from metrics.names import normalise
from warehouse import rollup

MEASURES = ("spend", "clicks", "leads", "sales", "revenue")
KEEP = 2   # whole histories kept (workspaces × data generations)


@dataclass(frozen=True)
class Units:
    """Channels first, then campaigns."""

    weeks: tuple[date, ...]          # the Mondays of the columns, oldest first
    channels: tuple[str, ...]        # unit i < len(channels) is channel i
    campaigns: tuple[tuple[int, str, str], ...]   # (channel index, normalised name, display name)
    x: np.ndarray                    # [units, weeks, 5] sums of MEASURES
    present: np.ndarray              # [units, weeks] the unit has facts in the week
    spent: np.ndarray                # [units, weeks] a fact in the week has spend > 0
    channel_keys: tuple[frozenset[str], ...]   # per channel: campaign names (normalised) with spend > 0
    first_spend: dict[str, date]     # normalised campaign name → first day with ad spend (all history)

    @property
    def size(self) -> int:
        return self.x.shape[0]


@dataclass(frozen=True)
class _History:
    """Units over a stretch of weeks, with what a shorter stretch needs to be cut from it: which
    channel facts without a campaign had spend, and each campaign's display name per week."""

    weeks: tuple[date, ...]
    channels: tuple[str, ...]
    keys: tuple[tuple[int, str], ...]   # campaign units: (channel index, normalised name)
    x: np.ndarray
    present: np.ndarray
    spent: np.ndarray
    blank_spent: np.ndarray             # [channels, weeks] a fact without a campaign had spend
    name_last: np.ndarray               # [campaigns, weeks] display of the week's last row with spend (-1)
    name_first: np.ndarray              # [campaigns, weeks] display of the week's first row (-1)
    names: tuple[str, ...]
    first_spend: dict[str, date]

    def cut(self, first_week: date, last_week: date) -> Units:
        """The units over the Mondays first_week … last_week (inside this history)."""
        a = (first_week - self.weeks[0]).days // 7
        b = (last_week - self.weeks[0]).days // 7 + 1
        n_ch = len(self.channels)
        spent = self.spent[:, a:b]
        campaign_spent = spent[n_ch:].any(axis=1)
        keys: list[set[str]] = [{""} if self.blank_spent[c, a:b].any() else set() for c in range(n_ch)]
        for (c, key), s in zip(self.keys, campaign_spent.tolist()):
            if s:
                keys[c].add(key)
        # The name of the stretch's last row with spend, else of its first row (rows are in week order).
        name_last, name_first = self.name_last[:, a:b], self.name_first[:, a:b]
        last, first = name_last >= 0, name_first >= 0
        rows = np.arange(len(self.keys))
        code = np.full(len(self.keys), -1, dtype=np.int64)
        if b > a:
            newest = name_last[rows, (b - a - 1) - np.argmax(last[:, ::-1], axis=1)]
            oldest = name_first[rows, np.argmax(first, axis=1)]
            code = np.where(last.any(axis=1), newest, np.where(first.any(axis=1), oldest, -1))
        display = [self.names[c] if c >= 0 else "" for c in code.tolist()]
        return Units(self.weeks[a:b], self.channels, tuple((c, k, d) for (c, k), d in zip(self.keys, display)),
                     self.x[:, a:b], self.present[:, a:b], spent, tuple(frozenset(s) for s in keys), self.first_spend)


def read(con: duckdb.DuckDBPyConnection, first_week: date, last_week: date) -> Units:
    """Whole-week facts for the Mondays first_week … last_week, read now."""
    return _history(con, first_week, last_week).cut(first_week, last_week)


_kept: dict[tuple, _History] = {}
_kept_lock = threading.Lock()


_asked: set[tuple] = set()


def window(con: duckdb.DuckDBPyConnection, first_week: date, last_week: date) -> Units:
    """`read`, cut from the workspace's whole history kept in memory when the rollup is current.

    The first week asked for under a data generation is read on its own (a fifth of the time of
    the whole history); from the second on — someone is moving between weeks, or the page is
    working out the week before in the background — the whole history is read once and kept."""
    key = _key(con)
    if key is None:
        return read(con, first_week, last_week)
    with _kept_lock:
        hist = _kept.get(key)
        first_time = hist is None and key not in _asked
        _asked.add(key)
        if len(_asked) > 64:
            _asked.clear()
    if first_time:
        return read(con, first_week, last_week)
    if hist is None or first_week < hist.weeks[0] or last_week > hist.weeks[-1]:
        lo, hi = con.execute("SELECT min(bucket_start), max(bucket_start) FROM fact_weeks").fetchall()[0]
        lo = min(first_week, lo - timedelta(days=lo.weekday())) if lo else first_week
        hi = max(last_week, hi - timedelta(days=hi.weekday())) if hi else last_week
        if hist is not None:
            lo, hi = min(lo, hist.weeks[0]), max(hi, hist.weeks[-1])
        hist = _history(con, lo, hi)
        with _kept_lock:
            _kept.pop(key, None)
            _kept[key] = hist
            while len(_kept) > KEEP:
                _kept.pop(next(iter(_kept)))
    return hist.cut(first_week, last_week)


def _key(con: duckdb.DuckDBPyConnection) -> tuple | None:
    """What the arrays depend on: the database, its rollup generation, the channel map and the
    five sums the source of truth picks. None when the rollup is not current (sums come from the
    raw tables then, and are read each time)."""
    generation = rollup.generation(con)
    if generation is None:
        return None
    path = con.execute("SELECT file FROM pragma_database_list WHERE name = current_database()").fetchall()
    cmap = con.execute("SELECT count(*), coalesce(sum(hash(source, match_kind, match_value, channel)), 0) "
                       "FROM channel_map").fetchall()[0]
    return (path[0][0] if path else None, generation, cmap, tuple(sorted(fact_fields(basis(con)).items(),
                                                                          key=lambda kv: kv[0])))


def _history(con: duckdb.DuckDBPyConnection, first_week: date, last_week: date) -> _History:
    pick = fact_fields(basis(con))
    wanted = list(dict.fromkeys(v for v in pick.values() if v))
    cols = weekly_field_arrays(con, first_week, last_week, "campaign", wanted)
    n_weeks = (last_week - first_week).days // 7 + 1
    weeks = tuple(first_week + timedelta(days=7 * k) for k in range(n_weeks))
    channel = cols["channel"]
    keep = np.array([c is not None for c in channel], dtype=bool)
    wk = ((cols["week_start"][keep] - np.datetime64(first_week, "us")) // np.timedelta64(7, "D")).astype(np.int64)
    values = np.zeros((int(keep.sum()), len(MEASURES)))
    for i, m in enumerate(MEASURES):
        if pick[m]:
            values[:, i] = cols[pick[m]][keep]
    ch_code, ch_names = pd.factorize(channel[keep])
    raw = cols["campaign"][keep]
    raw_code, raw_names = pd.factorize(raw, use_na_sentinel=True)
    key_names = [normalise(n) for n in raw_names]
    key_code, keys = pd.factorize(np.array([key_names[c] if c >= 0 else "" for c in raw_code], dtype=object))
    n_ch, n_keys = len(ch_names), len(keys)

    with_campaign = keys[key_code] != "" if len(keys) else np.zeros(len(key_code), dtype=bool)
    camp_code = np.full(len(key_code), -1, dtype=np.int64)
    camp_code[with_campaign], camp_pairs = pd.factorize(ch_code[with_campaign] * n_keys + key_code[with_campaign])
    n_camp = len(camp_pairs)

    x = np.zeros((n_ch + n_camp, n_weeks, len(MEASURES)))
    present = np.zeros((n_ch + n_camp, n_weeks), dtype=bool)
    spent = np.zeros((n_ch + n_camp, n_weeks), dtype=bool)
    positive = values[:, 0] > 0
    for unit_of, rows in ((ch_code, slice(None)), (n_ch + camp_code[with_campaign], with_campaign)):
        w = wk[rows]
        np.add.at(x, (unit_of, w), values[rows])
        present[unit_of, w] = True
        spent[unit_of[positive[rows]], w[positive[rows]]] = True
    blank_spent = np.zeros((n_ch, n_weeks), dtype=bool)
    blank = ~with_campaign & positive
    blank_spent[ch_code[blank], wk[blank]] = True

    name_code, names = pd.factorize(np.array(["" if c is None else c for c in raw], dtype=object))
    name_last = np.full((n_camp, n_weeks), -1, dtype=np.int64)
    name_first = np.full((n_camp, n_weeks), -1, dtype=np.int64)
    rows = np.flatnonzero(with_campaign)
    cell = camp_code[rows] * n_weeks + wk[rows]
    cells, at = np.unique(cell, return_index=True)                  # each (campaign, week)'s first row
    name_first.flat[cells] = name_code[rows[at]]
    rows = rows[positive[rows]][::-1]
    cells, at = np.unique(camp_code[rows] * n_weeks + wk[rows], return_index=True)   # … its last row with spend
    name_last.flat[cells] = name_code[rows[at]]
    return _History(weeks, tuple(str(c) for c in ch_names),
                    tuple((int(p // n_keys), str(keys[p % n_keys])) for p in camp_pairs), x, present, spent,
                    blank_spent, name_last, name_first, tuple(str(n) for n in names), first_spend_by_campaign(con))
