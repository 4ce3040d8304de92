"""The benchmark's Google Ads export, formatted like the UI download of the Campaign report with
a Day segment (`bench.generate`)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from bench.gen_account import CURRENCY, GOOGLE_TYPES, Campaigns


def _grouped_int(v: np.ndarray) -> list[str]:
    return [f'"{x:,}"' if x >= 1000 else str(x) for x in v.tolist()]


def _grouped_2(v: np.ndarray) -> list[str]:
    return [f'"{x:,.2f}"' if x >= 1000 else f"{x:.2f}" for x in v.tolist()]


def _plain_2(v: np.ndarray) -> list[str]:
    return [f"{x:.2f}" for x in v.tolist()]


def _ratio(num: np.ndarray, den: np.ndarray, pct: bool, grouped: bool = False) -> list[str]:
    out = []
    for a, b in zip(num.tolist(), den.tolist()):
        if not b:
            out.append(" --")
        elif pct:
            out.append(f"{100 * a / b:.2f}%")
        else:
            x = a / b
            out.append(f'"{x:,.2f}"' if grouped and x >= 1000 else f"{x:.2f}")
    return out


def _csv_text(s: str) -> str:
    return f'"{s.replace(chr(34), chr(34) * 2)}"' if ("," in s or '"' in s) else s


HEADER = ["Day", "Campaign status", "Campaign", "Campaign type", "Budget", "Budget type", "Currency code",
          "Bid strategy type", "Impr.", "Clicks", "CTR", "Avg. CPC", "Cost", "Conversions", "Cost / conv.",
          "Conv. rate", "Conv. value", "Conv. value / cost"]


def _long_date(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def write_google_ads(path: Path, c: Campaigns, rows: dict[str, np.ndarray], days: np.ndarray) -> int:
    """Write the Campaign report (Day segment) as the plain-CSV UI download; return data rows."""
    sel = np.flatnonzero(c.source[rows["camp"]] == "google_ads")
    # The UI sorts by the table's sort column; take Day, then campaign name.
    camp, day = rows["camp"][sel], rows["day"][sel]
    order = np.lexsort((c.name[camp].astype(str), day))
    sel = sel[order]
    camp, day = rows["camp"][sel], rows["day"][sel]
    start, end = days[0].astype(date), days[-1].astype(date)
    names = [_csv_text(s) for s in c.name.tolist()]
    budgets = [(" --" if i % 11 == 0 else (f'"{b:,.2f}"' if b >= 1000 else f"{b:.2f}"))
               for i, b in enumerate(np.round(c.base_spend.astype(float) * 1.4 / 5) * 5 + 5)]
    day_text = np.datetime_as_string(days, unit="D").tolist()
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("Campaign report\n")
        f.write(f"{_long_date(start)} - {_long_date(end)}\n")   # en-GB: unquoted
        f.write(",".join(HEADER) + "\n")
        chunk = 200_000
        for lo in range(0, len(sel), chunk):
            s = sel[lo:lo + chunk]
            cc = rows["camp"][s]
            sp, im, cl = rows["spend"][s], rows["impressions"][s], rows["clicks"][s]
            cv, val = rows["conversions"][s], rows["conversion_value"][s]
            cols = [
                [day_text[d] for d in rows["day"][s].tolist()],
                c.status[cc].tolist(),
                [names[i] for i in cc.tolist()],
                c.ctype[cc].tolist(),
                [budgets[i] for i in cc.tolist()],
                ["Daily"] * len(s),
                [CURRENCY] * len(s),
                c.bid[cc].tolist(),
                _grouped_int(im),
                _grouped_int(cl),
                _ratio(cl, im, pct=True),
                _ratio(sp, cl, pct=False),
                _plain_2(sp),
                _grouped_2(cv),
                _ratio(sp, cv, pct=False, grouped=True),
                _ratio(cv, cl, pct=True),
                _grouped_2(val),
                _ratio(val, sp, pct=False, grouped=True),
            ]
            f.write("\n".join(map(",".join, zip(*cols))) + "\n")
        # Totals, each a separate cumulative total (summing them would double count).
        g = rows["camp"][sel]
        def total(label: str, mask: np.ndarray, dashes: bool) -> str:
            sp, im, cl = rows["spend"][sel][mask].sum(), rows["impressions"][sel][mask].sum(), rows["clicks"][sel][mask].sum()
            cv, val = rows["conversions"][sel][mask].sum(), rows["conversion_value"][sel][mask].sum()
            e = " --" if dashes else ""
            one = lambda f, *a: f(*(np.array([x]) for x in a))[0]  # noqa: E731
            return ",".join([label, e, e, e, e, e, CURRENCY, e, one(_grouped_int, im), one(_grouped_int, cl),
                             one(lambda a, b: _ratio(a, b, True), cl, im), one(lambda a, b: _ratio(a, b, False), sp, cl),
                             f"{sp:.2f}", one(_grouped_2, round(cv, 2)), one(lambda a, b: _ratio(a, b, False, True), sp, cv),
                             one(lambda a, b: _ratio(a, b, True), cv, cl), one(_grouped_2, round(val, 2)),
                             one(lambda a, b: _ratio(a, b, False, True), val, sp)])
        everything = np.ones(len(sel), dtype=bool)
        f.write(total("Total: Campaigns", everything, True) + "\n")
        f.write(total("Total: Account", everything, False) + "\n")
        for t in GOOGLE_TYPES:
            f.write(total(f"Total: {t}", c.ctype[g] == t, False) + "\n")
    return len(sel)
