"""Which marketing channel an ad row belongs to: one table for every parser, plus the workspace's overrides.

Channels are GA4's default channel groups, so ad spend and GA4 sessions meet on the same names.
How each platform's campaign types map, and why (GA4 help "[GA4] Default channel group"):

| source        | campaign type (as exported)               | channel        | GA4 rule it follows                                  |
|---------------|-------------------------------------------|----------------|------------------------------------------------------|
| google_ads    | Search                                    | Paid Search    | search site + paid medium                            |
| google_ads    | Display                                   | Display        | display medium / Google Display Network              |
| google_ads    | Video                                     | Paid Video     | video site (YouTube) + paid medium                   |
| google_ads    | Shopping                                  | Paid Shopping  | shopping campaign / shopping site + paid medium      |
| google_ads    | Performance Max                           | Cross-network  | "ads that appear on a variety of networks"; GA4 files auto-tagged PMax traffic here |
| google_ads    | Demand Gen (formerly Discovery)           | Cross-network  | runs on YouTube, Discover, Gmail and Display at once; GA4 reports its auto-tagged traffic as Cross-network, not Paid Social (Paid Social is for social sites) |
| google_ads    | Smart, App, Local, Multi-channel          | Cross-network  | several networks at once                             |
| google_ads    | Hotel                                     | Paid Search    | shown on Google Search / Maps                        |
| google_ads    | anything else / missing                   | Paid Search    | a Google Ads report without a type is most often Search |
| meta          | (all)                                     | Paid Social    | social site (Facebook, Instagram) + paid medium      |
| linkedin      | (all)                                     | Paid Social    | social site + paid medium                            |
| tiktok        | (all)                                     | Paid Social    | social site + paid medium                            |
| microsoft_ads | (all; Audience campaigns → Display)       | Paid Search    | search site (Bing) + paid medium                     |

A workspace can override this in the table `channel_map (source, match_kind, match_value, channel)`:
`match_kind = 'campaign'` matches one campaign name, `'campaign_type'` one campaign type; a campaign
rule wins over a type rule, and both win over the table above. `apply_overrides` is the one place that
does this; `connectors.importing` calls it for every ad file just before loading.
"""
from __future__ import annotations

from typing import Final

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from connectors import sniff

CHANNELS: Final[tuple[str, ...]] = (
    "Paid Search", "Paid Social", "Paid Video", "Paid Shopping", "Display", "Cross-network", "Paid Other",
    "Organic Search", "Organic Social", "Organic Video", "Organic Shopping", "Email", "Referral", "Direct",
    "Affiliates", "Audio", "SMS", "Mobile Push Notifications", "Unassigned",
)

# Folded campaign type → channel, per source. Keys are lower-case, spaces kept.
_BY_TYPE: Final[dict[str, dict[str, str]]] = {
    "google_ads": {
        "search": "Paid Search", "søk": "Paid Search", "søkenettverk": "Paid Search",
        "display": "Display", "visning": "Display",
        "video": "Paid Video",
        "shopping": "Paid Shopping", "handel": "Paid Shopping",
        "performance max": "Cross-network", "pmax": "Cross-network",
        "demand gen": "Cross-network", "discovery": "Cross-network", "etterspørselsgenerering": "Cross-network",
        "smart": "Cross-network", "app": "Cross-network", "local": "Cross-network", "multi channel": "Cross-network",
        "multi-channel": "Cross-network", "hotel": "Paid Search",
    },
    "microsoft_ads": {"audience": "Display", "search": "Paid Search", "shopping": "Paid Shopping",
                      "performance max": "Cross-network"},
}
_DEFAULT: Final[dict[str, str]] = {
    "google_ads": "Paid Search",
    "microsoft_ads": "Paid Search",
    "meta": "Paid Social",
    "linkedin": "Paid Social",
    "tiktok": "Paid Social",
}


def channel_for(source: str, campaign_type: str | None) -> str:
    """The default channel of one campaign type (see the table in the module doc)."""
    t = (campaign_type or "").strip().casefold()
    return _BY_TYPE.get(source, {}).get(t, _DEFAULT.get(source, "Paid Other"))


def default_channels(source: str, campaign_type: pd.Series | None, index: pd.Index) -> pd.Series:
    """`channel_for` over a whole column (vectorised: one lookup per distinct type)."""
    if campaign_type is None:
        return pd.Series(channel_for(source, None), index=index, dtype="str")
    # One lookup per distinct type: find the distinct values, map those, take by position.
    arr = pc.fill_null(sniff.arrow_strings(campaign_type), "")
    uniques = pc.unique(arr)
    mapped = pa.array([channel_for(source, t) for t in uniques.to_pylist()], type=pa.string())
    taken = mapped.take(pc.index_in(arr, value_set=uniques))
    return pd.Series(pd.array(taken, dtype="str"), index=index)


def overrides(con: duckdb.DuckDBPyConnection, source: str) -> pd.DataFrame:
    """The workspace's channel_map rows for one source (match_kind, match_value, channel)."""
    rows = con.execute(
        "SELECT match_kind, match_value, channel FROM channel_map WHERE source = ?", [source]
    ).fetchall()
    return pd.DataFrame(rows, columns=["match_kind", "match_value", "channel"])


def apply_overrides(con: duckdb.DuckDBPyConnection, source: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Return `frame` (ad_performance rows) with the workspace's channel_map applied.

    Matching ignores case and surrounding spaces. A campaign rule beats a campaign-type rule.
    """
    rules = overrides(con, source)
    if rules.empty or frame.empty:
        return frame
    out = frame.copy()
    channel = out["channel"].to_numpy(dtype=object).copy()
    for kind, col in (("campaign_type", "campaign_type"), ("campaign", "campaign")):  # type first, campaign last wins
        sub = rules[rules["match_kind"] == kind]
        if sub.empty:
            continue
        lookup = {str(v).strip().casefold(): c for v, c in zip(sub["match_value"], sub["channel"])}
        keys = out[col].fillna("").astype(str).str.strip().str.casefold()
        mapped = keys.map(lookup)
        hit = mapped.notna().to_numpy()
        channel[hit] = mapped[hit].to_numpy()
    out["channel"] = np.asarray(channel, dtype=object)
    return out


# GA4 channel group values as Norwegian (and a few other) UIs may write them → GA4's English names.
_GA4_NAMES: Final[dict[str, str]] = {
    "organisk søk": "Organic Search", "betalt søk": "Paid Search", "direkte": "Direct", "henvisning": "Referral",
    "organisk sosialt": "Organic Social", "betalt sosialt": "Paid Social", "e-post": "Email", "epost": "Email",
    "ikke tilordnet": "Unassigned", "organisk video": "Organic Video", "betalt video": "Paid Video",
    "visning": "Display", "displayannonser": "Display", "organisk shopping": "Organic Shopping",
    "betalt shopping": "Paid Shopping", "tilknyttede selskaper": "Affiliates", "affiliates": "Affiliates",
    "kryssnettverk": "Cross-network", "annet betalt": "Paid Other", "lyd": "Audio",
    "mobilvarsler": "Mobile Push Notifications",
}
_BY_FOLD: Final[dict[str, str]] = {c.casefold(): c for c in CHANNELS}


def ga4_channel_group(values: pd.Series) -> pd.Series:
    """GA4 channel-group cells in English names where known (Norwegian UI words mapped); others kept as written."""
    def one(v: object) -> str:
        s = str(v).strip() if v is not None else ""
        if not s:
            return "(not set)"
        f = s.casefold()
        return _BY_FOLD.get(f) or _GA4_NAMES.get(f) or s
    uniques = {v: one(v) for v in pd.unique(values)}
    return values.map(uniques).astype(object)
