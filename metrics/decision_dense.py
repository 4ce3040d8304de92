"""The decision engine's weekly facts as dense arrays: one row per channel and per campaign, one
column per ISO week, five measures (spend, clicks, leads, sales, revenue).

The same numbers as `metrics.decision_data.facts` (same read, same lead and revenue source of
truth), for whole weeks only — the form `metrics.decision_batch` judges a thousand campaigns in
at once. A channel's row is the sum of all its facts, those without a campaign included; a
campaign is a channel × normalised campaign name.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from metrics.aggregate import weekly_field_arrays
from metrics.decision_data import first_spend_by_campaign
from metrics.leads import basis, fact_fields
from metrics.names import normalise

MEASURES = ("spend", "clicks", "leads", "sales", "revenue")


@dataclass(frozen=True)
class Units:
    """Channels first, then campaigns (each in order of first appearance in the weekly read)."""

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


def read(con: duckdb.DuckDBPyConnection, first_week: date, last_week: date) -> Units:
    """Whole-week facts for the Mondays first_week … last_week."""
    pick = fact_fields(basis(con))
    wanted = list(dict.fromkeys(v for v in pick.values() if v))
    cols = weekly_field_arrays(con, first_week, last_week, "campaign", wanted)
    n_weeks = (last_week - first_week).days // 7 + 1
    weeks = tuple(first_week + timedelta(days=7 * k) for k in range(n_weeks))
    channel = pd.Categorical(cols["channel"])
    keep = channel.codes >= 0
    week_col = ((cols["week_start"][keep] - np.datetime64(first_week, "D")) // np.timedelta64(7, "D")).astype(np.int64)
    values = np.zeros((int(keep.sum()), len(MEASURES)))
    for i, m in enumerate(MEASURES):
        if pick[m]:
            values[:, i] = cols[pick[m]][keep]
    ch_code, ch_names = pd.factorize(channel[keep])
    ch_code = np.asarray(ch_code, dtype=np.int64)
    raw = pd.Categorical(cols["campaign"])[keep]
    raw_code = np.asarray(raw.codes, dtype=np.int64)
    # The normalised name of each distinct raw name (and "" for none), coded in order of first use.
    key_of_raw, keys = pd.factorize(np.array([normalise(n) for n in raw.categories] + [""], dtype=object))
    key_code = np.asarray(key_of_raw, dtype=np.int64)[raw_code]    # code −1 (no campaign) takes the last: ""
    n_ch, n_keys = len(ch_names), len(keys)

    with_campaign = keys[key_code] != ""
    pair = ch_code * n_keys + key_code
    camp_code = np.full(len(pair), -1, dtype=np.int64)
    camp_code[with_campaign], camp_pairs = pd.factorize(pair[with_campaign])
    n_camp = len(camp_pairs)

    units = n_ch + n_camp
    x = np.zeros((units, n_weeks, len(MEASURES)))
    present = np.zeros((units, n_weeks), dtype=bool)
    spent = np.zeros((units, n_weeks), dtype=bool)
    positive = values[:, 0] > 0
    for unit_of, rows in ((ch_code, slice(None)), (n_ch + camp_code[with_campaign], with_campaign)):
        wk = week_col[rows]
        cell = unit_of * n_weeks + wk
        for i in range(len(MEASURES)):
            x[:, :, i] += np.bincount(cell, weights=values[rows][:, i], minlength=units * n_weeks).reshape(units, n_weeks)
        present[unit_of, wk] = True
        spent[unit_of[positive[rows]], wk[positive[rows]]] = True

    names = _display_names(raw, camp_code, positive, n_camp)
    campaigns = tuple((int(p // n_keys), str(keys[p % n_keys]), names[i]) for i, p in enumerate(camp_pairs))
    channel_keys = [set() for _ in range(n_ch)]
    for c, k in set(zip(ch_code[positive].tolist(), key_code[positive].tolist())):
        channel_keys[c].add(str(keys[k]))
    return Units(weeks, tuple(str(c) for c in ch_names), campaigns, x, present, spent,
                 tuple(frozenset(s) for s in channel_keys), first_spend_by_campaign(con))


def _display_names(raw: pd.Categorical, camp_code: np.ndarray, positive: np.ndarray, n_camp: int) -> list[str]:
    """Each campaign's display name: of its newest row with spend (the read is ordered by week),
    else of its first row."""
    pick = np.full(n_camp, -1, dtype=np.int64)
    rows = np.flatnonzero(camp_code >= 0)
    codes, first = np.unique(camp_code[rows], return_index=True)
    pick[codes] = rows[first]
    rows = np.flatnonzero((camp_code >= 0) & positive)[::-1]
    codes, last = np.unique(camp_code[rows], return_index=True)
    pick[codes] = rows[last]
    names = list(raw.categories)
    codes = raw.codes
    return ["" if codes[r] < 0 else str(names[codes[r]]) for r in pick]
