"""Golden numbers for the metrics layer, worked out by hand on a tiny workspace.

The week under test is Mon 2026-11-16 … Sun 2026-11-22; the previous week 2026-11-09 … 15.

Ad rows this week
    google_ads  Paid Search  Brand_Search  11-16  spend 1000 NOK  clicks 100  impr 2000   conv 10  value 5000
    google_ads  Paid Search  Generic       11-17  spend 3000 NOK  clicks  50  impr 10000  conv  2  value 1000
    meta        Paid Social  Retarget      11-18  spend  100 EUR  clicks  20  impr 5000   conv  4  value    0
    EUR → NOK 11.0 on 11-18, so Meta spend is 1100 NOK; ad spend = 1000 + 3000 + 1100 = 5100 NOK
previous week
    google_ads  Paid Search  Brand_Search  11-10  spend  800  clicks 80  impr 1600  conv 4  value 2000
GA4 rows this week (lead_events NULL → key events count)
    11-16 Paid Search   campaign "brand search"  sessions  90  key 8  lead 6  purchases 2
    11-17 Organic Search "(organic)"              sessions 400  key 5  lead NULL (→ 5)
    11-18 Paid Social   campaign "retarget"       sessions  30  key 2  lead 1
    → GA4 leads 6 + 5 + 1 = 12, of which paid 6 + 1 = 7; sessions 520
Other costs: "Byrå" 3000 NOK for November → 100 a day → 700 in the week.
"""
from __future__ import annotations

from datetime import date

import pytest

from metrics import aggregate, evaluate, leads, weekly
from metrics.leads import basis, compare, derive
from tests.metrics_support import D, put
from warehouse import db, settings, workspaces

WEEK = D("2026-11-16")


def _base(con) -> None:
    put(con, "ad_performance", [
        {"day": "2026-11-16", "campaign": "Brand_Search", "spend": 1000, "clicks": 100, "impressions": 2000,
         "conversions": 10, "conversion_value": 5000},
        {"day": "2026-11-17", "campaign": "Generic", "spend": 3000, "clicks": 50, "impressions": 10000,
         "conversions": 2, "conversion_value": 1000},
        {"day": "2026-11-10", "campaign": "Brand_Search", "spend": 800, "clicks": 80, "impressions": 1600,
         "conversions": 4, "conversion_value": 2000},
    ])
    put(con, "ad_performance", [
        {"day": "2026-11-18", "campaign": "Retarget", "channel": "Paid Social", "campaign_type": "Traffic",
         "currency": "EUR", "spend": 100, "clicks": 20, "impressions": 5000, "conversions": 4},
    ], source="meta", account="m1")
    put(con, "web_analytics", [
        {"day": "2026-11-16", "channel_group": "Paid Search", "campaign": "brand search", "medium": "cpc",
         "sessions": 90, "key_events": 8, "lead_events": 6, "purchases": 2},
        {"day": "2026-11-17", "sessions": 400, "key_events": 5},
        {"day": "2026-11-18", "channel_group": "Paid Social", "campaign": "retarget", "medium": "paid",
         "sessions": 30, "key_events": 2, "lead_events": 1},
    ])
    put(con, "costs", [{"month": "2026-11-01", "item": "Byrå", "amount": 3000,
                        "period_start": "2026-11-01", "period_end": "2026-11-30"}])
    con.execute("INSERT INTO fx_rates VALUES (DATE '2026-11-18', 'EUR', 11.0)")


@pytest.fixture()
def con(tmp_path):
    ws = workspaces.create("golden", tmp_path)
    with db.connect(ws.path) as c:
        _base(c)
        yield c


def _crm(con) -> None:
    """CRM deals: two qualified leads this week (one paid), one unqualified; two deals won this week.

    created 11-16 "Brand Search" (→ Paid Search via the ad campaign), won 11-20 for 500 EUR (11.0 → 5500 NOK)
    created 11-17 channel Organic Search
    created 11-18 "Generic", not qualified
    created 11-02 "Generic", won 11-19 for 20000 NOK
    """
    put(con, "crm_deals", [
        {"deal_id": "1", "created_date": "2026-11-16", "campaign": "Brand Search", "won_date": "2026-11-20",
         "value": 500, "currency": "EUR"},
        {"deal_id": "2", "created_date": "2026-11-17", "channel": "Organic Search"},
        {"deal_id": "3", "created_date": "2026-11-18", "campaign": "Generic", "is_qualified": False},
        {"deal_id": "4", "created_date": "2026-11-02", "campaign": "Generic", "won_date": "2026-11-19", "value": 20000},
    ])


def _cards(con, week=WEEK):
    (row,) = evaluate.compare_week(con, week, "all", today=D("2026-11-26"))
    return row


def test_week_cards_from_ga4_leads(con):
    c = _cards(con)
    k = c.kpis
    assert leads.lead_source(con) == "ga4"                      # no CRM, GA4 present
    assert k["spend"].week.value == pytest.approx(5100)          # 1000 + 3000 + 100 EUR × 11
    assert k["spend"].previous.value == pytest.approx(800)
    assert k["leads"].week.value == 12                           # 6 + 5 + 1
    assert k["cpl"].week.value == pytest.approx(5100 / 7)        # paid CPL: paid GA4 leads 6 + 1 = 7 → 728.57
    assert k["blended_cpl"].week.value == pytest.approx(5800 / 12)  # (5100 + 700 costs) / 12 = 483.33
    assert k["roas"].week.value == pytest.approx(6000 / 5100)    # platform value 5000 + 1000 + 0
    assert k["conversion_rate"].week.value == pytest.approx(12 / 520)
    assert k["ctr"].week.value == pytest.approx(170 / 17000)     # clicks 170 / impressions 17000
    assert k["cpc"].week.value == pytest.approx(5100 / 170)
    assert k["cpm"].week.value == pytest.approx(5100 / 17000 * 1000)
    # No CRM and not a shop: new customers are unknown, so CAC is None (never 0 or ∞).
    assert k["cac"].week.value is None and k["cac"].week.reason == "no_data"
    # The previous week had no GA4 rows: leads None, CPL None — no data is not zero.
    assert k["leads"].previous.value is None
    assert k["cpl"].previous.value is None and k["cpl"].previous.reason == "no_data"
    assert c.in_progress is False


def test_sums_over_sums_not_average_of_ratios(con):
    settings.put(con, "lead_source", "platform")
    per_campaign = {g.key[2]: g for g in aggregate.window_sums(con, WEEK, D("2026-11-22"), "campaign")}
    b = basis(con)
    cpls = [evaluate.result("cpl", derive(per_campaign[n], b)).value for n in ("Brand_Search", "Generic", "Retarget")]
    assert cpls == pytest.approx([100, 1500, 275])               # 1000/10, 3000/2, 1100/4
    assert sum(cpls) / 3 == pytest.approx(625)                   # the trap: average of ratios
    assert _cards(con).kpis["cpl"].week.value == pytest.approx(318.75)   # 5100 / 16: the right answer


def test_channel_grain_and_ga4_campaign_join(con):
    rows = {r.key[0]: r for r in evaluate.compare_week(con, WEEK, "channel", today=D("2026-11-26"))}
    ps, social, organic = rows["Paid Search"], rows["Paid Social"], rows["Organic Search"]
    assert None not in rows            # the unassigned November costs belong to the whole workspace only
    # Paid Search: spend 4000, GA4 leads 6 ('brand search' joins Brand_Search) → CPL 666.67
    assert ps.kpis["spend"].week.value == pytest.approx(4000)
    assert ps.kpis["leads"].week.value == 6
    assert ps.kpis["cpl"].week.value == pytest.approx(4000 / 6)
    assert social.kpis["cpl"].week.value == pytest.approx(1100 / 1)
    # Organic Search has leads but no ad rows: spend and CPL are None, not 0.
    assert organic.kpis["leads"].week.value == 5
    assert organic.kpis["spend"].week.value is None and organic.kpis["cpl"].week.value is None
    # Previous week: Paid Search 800 spend; 4-week rolling (26 Oct – 22 Nov) 4800 spend.
    assert ps.kpis["spend"].previous.value == pytest.approx(800)
    assert ps.kpis["spend"].rolling_4w.value == pytest.approx(4800)
    assert ps.kpis["spend"].last_year.value is None          # no data a year earlier
    # The GA4 row matched by name takes the ad campaign's spelling at campaign grain.
    camp = {(g.key[0], g.key[2]): g for g in aggregate.window_sums(con, WEEK, D("2026-11-22"), "campaign")}
    assert camp[("Paid Search", "Brand_Search")]["ga4_leads"] == 6
    assert camp[("Paid Search", "Brand_Search")]["spend"] == 1000


def test_channel_map_overrides_the_rows_channel(con):
    con.execute("INSERT INTO channel_map VALUES ('meta', 'campaign', 'retarget', 'Display')")
    rows = {r.key[0]: r for r in evaluate.compare_week(con, WEEK, "channel", today=D("2026-11-26"))}
    assert "Paid Social" not in rows or rows["Paid Social"].kpis["spend"].week.value is None
    # GA4's 'retarget' row follows the ad campaign into Display too: 1100 NOK for 1 lead.
    assert rows["Display"].kpis["spend"].week.value == pytest.approx(1100)
    assert rows["Display"].kpis["leads"].week.value == 1


def test_same_week_last_year_is_52_weeks_back(con):
    put(con, "ad_performance", [{"day": "2025-11-19", "campaign": "Generic", "spend": 640, "conversions": 2}],
        account="old")
    c = _cards(con)
    # 2026-11-16 − 364 days = Monday 2025-11-17; the row on Wed 2025-11-19 is in that week.
    assert c.kpis["spend"].last_year.value == pytest.approx(640)


def test_lead_source_selection_and_overclaim(con):
    g = aggregate.window_sums(con, WEEK, D("2026-11-22"))[0]
    cmp = compare(g, basis(con))
    assert (cmp.chosen, cmp.platform, cmp.ga4, cmp.ga4_paid, cmp.crm) == ("ga4", 16, 12, 7, None)
    assert cmp.reference == "ga4" and cmp.overclaim == pytest.approx(16 / 7)   # platforms claim 2.29×
    assert leads.lead_comparison(con, WEEK, D("2026-11-22")) == cmp
    settings.put(con, "lead_source", "platform")
    cmp = compare(g, basis(con))
    assert cmp.chosen == "platform" and cmp.value == 16
    assert cmp.reference == "ga4" and cmp.overclaim == pytest.approx(16 / 7)  # still measured against GA4
    assert _cards(con).kpis["leads"].week.value == 16
    settings.put(con, "lead_source", "auto")
    _crm(con)
    assert leads.lead_source(con) == "crm"                     # CRM data exists → CRM wins
    g = aggregate.window_sums(con, WEEK, D("2026-11-22"))[0]
    cmp = compare(g, basis(con))
    # Qualified CRM leads this week: deals 1 (paid, Brand Search) and 2 (organic); deal 3 is not qualified.
    assert (cmp.crm, cmp.crm_paid) == (2, 1)
    assert cmp.overclaim == pytest.approx(16 / 1)
    settings.put(con, "lead_source", "ga4")                    # the setting overrides auto
    assert leads.lead_source(con) == "ga4"


def test_crm_cac_roas_with_fx_and_cost_spread(con):
    _crm(con)
    k = _cards(con).kpis
    assert k["leads"].week.value == 2
    assert k["cpl"].week.value == pytest.approx(5100)             # 5100 spend / 1 paid CRM lead
    # CAC: (5100 ad + 700 costs) / 2 deals won (11-19, 11-20) = 2900
    assert k["cac"].week.value == pytest.approx(2900)
    assert k["cac"].week.numerator == pytest.approx(5800) and k["cac"].week.denominator == 2
    # ROAS from CRM (auto with CRM): 20000 NOK + 500 EUR × 11.0 (latest rate before 11-20) = 25500 → 5.0
    assert k["roas"].week.value == pytest.approx(5.0)
    # Marketing share of revenue: 5800 / 25500 = 22.7 % — above the 5–10 % rule of thumb.
    assert k["marketing_share"].week.value == pytest.approx(5800 / 25500)
    assert k["customers"].week.value == 2 and k["qualified_leads"].week.value == 2
    assert k["revenue"].week.value == pytest.approx(25500)
    assert leads.spend_share_band(5800 / 25500) == "above"
    assert leads.spend_share_band(0.12, pushing=True) == "within"
    assert leads.spend_share_band(0.04) == "below"
    # The previous week had no CRM events: 0 leads (a real zero once a CRM exists), CPL None.
    assert k["leads"].previous.value == 0
    assert k["cpl"].previous.value is None and k["cpl"].previous.reason == "no_denominator"


def test_cost_spread_over_a_partial_window(con):
    # 3000 for November = 100 a day; the window 2026-11-28 … 2026-12-04 holds 3 November days → 300.
    g = aggregate.window_sums(con, D("2026-11-28"), D("2026-12-04"))[0]
    assert g["other_costs"] == pytest.approx(300)
    # 31 days of December at 3100 → 100 a day too.
    put(con, "costs", [{"month": "2026-12-01", "item": "Verktøy", "amount": 3100,
                        "period_start": "2026-12-01", "period_end": "2026-12-31"}], account="manual2")
    g = aggregate.window_sums(con, D("2026-11-28"), D("2026-12-04"))[0]
    assert g["other_costs"] == pytest.approx(700)


def test_shop_without_crm_counts_ga4_purchases_as_customers(con):
    settings.put(con, "business_type", "shop")
    assert _cards(con).kpis["cac"].week.value == pytest.approx(5800 / 2)   # 2 GA4 purchases


def test_missing_fx_rate_is_reported_not_mixed(con):
    put(con, "ad_performance", [{"day": "2026-11-19", "campaign": "US", "currency": "USD", "spend": 50,
                                 "conversions": 5}], source="linkedin", account="li")
    k = _cards(con).kpis
    assert k["spend"].week.value == pytest.approx(5100)          # the USD row is left out entirely …
    settings.put(con, "lead_source", "platform")
    assert _cards(con).kpis["leads"].week.value == 16            # … its conversions too
    miss = aggregate.missing_fx(con, WEEK, D("2026-11-22"))
    assert [(m.family, m.currency, m.rows, m.amount) for m in miss] == [("ad", "USD", 1, 50.0)]
    assert weekly.week_summary(con, WEEK).missing_fx == tuple(miss)      # the Monday page says so
    con.execute("INSERT INTO fx_rates VALUES (DATE '2026-11-01', 'USD', 10.0)")
    assert _cards(con).kpis["spend"].week.value == pytest.approx(5600)   # 50 USD × 10.0 (latest earlier rate)
    assert aggregate.missing_fx(con, WEEK, D("2026-11-22")) == []


def test_blocks_count_only_where_they_fit(con):
    # A November block without a day segment: 3000 NOK, 6 conversions.
    put(con, "ad_performance", [{"period_start": "2026-11-01", "period_end": "2026-11-30", "campaign": "Block",
                                 "spend": 3000, "conversions": 6}], account="blk")
    settings.put(con, "lead_source", "platform")
    assert _cards(con).kpis["spend"].week.value == pytest.approx(5100)          # not in the week
    assert _cards(con).kpis["spend"].rolling_4w.value == pytest.approx(5900)    # nor in 26 Oct – 22 Nov (5100 + 800)
    nov = evaluate.window_kpi(con, "spend", "all", D("2026-11-01"), D("2026-11-30"))
    assert nov.value == pytest.approx(5900 + 3000)                              # the whole month holds it
    weeks = aggregate.weekly_sums(con, D("2026-10-26"), D("2026-11-23"))
    assert sum(g["spend"] for g in weeks) == pytest.approx(5900)                # never split into weeks
    assert evaluate.window_kpi(con, "cpl", "all", D("2026-11-01"), D("2026-11-30")).value == pytest.approx(8900 / 26)


def test_new_year_week_boundaries(tmp_path):
    ws = workspaces.create("ny", tmp_path)
    with db.connect(ws.path) as con:
        put(con, "ad_performance", [
            {"day": "2026-12-28", "spend": 100, "conversions": 1},   # Monday, ISO 2026-W53
            {"day": "2026-12-31", "spend": 200, "conversions": 1},
            {"day": "2027-01-01", "spend": 300, "conversions": 1},   # Friday, still week 2026-12-28
            {"day": "2027-01-03", "spend": 400, "conversions": 1},   # Sunday, last day of that week
            {"day": "2027-01-04", "spend": 500, "conversions": 1},   # Monday, ISO 2027-W01
        ])
        weeks = {g.key[0]: g["spend"] for g in aggregate.weekly_sums(con, D("2026-12-21"), D("2027-01-04"))}
        assert weeks == {date(2026, 12, 28): 1000, date(2027, 1, 4): 500}
        c = evaluate.compare_week(con, D("2027-01-01"), today=D("2027-01-20"))[0]
        assert c.week_start == D("2026-12-28")
        assert c.kpis["spend"].week.value == 1000 and c.kpis["cpl"].week.value == 250
        assert evaluate.compare_week(con, D("2027-01-04"), today=D("2027-01-20"))[0].kpis["spend"].previous.value == 1000


def test_running_week_is_in_progress(con):
    assert evaluate.compare_week(con, WEEK, today=D("2026-11-22"))[0].in_progress is True   # Sunday: not over
    assert evaluate.compare_week(con, WEEK, today=D("2026-11-23"))[0].in_progress is False


def test_empty_workspace_is_none_everywhere(tmp_path):
    ws = workspaces.create("empty", tmp_path)
    with db.connect(ws.path) as con:
        (row,) = evaluate.compare_week(con, WEEK, today=D("2026-11-26"))
        for name, c in row.kpis.items():
            assert c.week.value is None, name
            assert c.week.reason == "no_data", name
        assert evaluate.compare_week(con, WEEK, "channel") == []


def test_platform_and_campaign_grains(con):
    # By platform: GA4 leads follow the ad campaign they joined ('brand search' → google_ads,
    # 'retarget' → meta); the organic GA4 row has no platform.
    src = {r.key[0]: r.kpis for r in evaluate.compare_week(con, WEEK, "source", today=D("2026-11-26"))}
    assert src["google_ads"]["spend"].week.value == pytest.approx(4000)
    assert src["google_ads"]["cpl"].week.value == pytest.approx(4000 / 6)
    assert src["meta"]["cpl"].week.value == pytest.approx(1100)
    assert src["meta"]["ctr"].week.value == pytest.approx(20 / 5000)
    assert src[None]["leads"].week.value == 5 and src[None]["spend"].week.value is None
    # By campaign: Generic has spend but GA4 saw no lead for it: 0 leads (GA4 covers the week), CPL None.
    camp = {r.key[2]: r.kpis for r in evaluate.compare_week(con, WEEK, "campaign", today=D("2026-11-26"))}
    assert camp["Brand_Search"]["cpl"].week.value == pytest.approx(1000 / 6)
    assert camp["Brand_Search"]["cpl"].previous.value is None            # no GA4 data the week before
    assert camp["Generic"]["leads"].week.value == 0
    assert camp["Generic"]["cpl"].week.reason == "no_denominator"
    assert camp["Generic"]["ad_conversion_rate"].week.value == pytest.approx(2 / 50)
    assert camp["Retarget"]["roas"].week.value == 0                      # no conversion value: a real 0
    # Scopes of targets read the same numbers: channel 'paid  search' and campaign 'brand-search'.
    assert evaluate.window_kpi(con, "cpl", "channel:paid  search", WEEK, D("2026-11-22")).value == pytest.approx(4000 / 6)
    assert evaluate.window_kpi(con, "cpl", "campaign:brand-search", WEEK, D("2026-11-22")).value == pytest.approx(1000 / 6)


def test_weekly_period_sums_keep_their_contract(con):
    """metrics.weekly.period_sums (the Monday cards) reads the same numbers."""
    sums = weekly.period_sums(con, WEEK, D("2026-11-22"))
    assert sums["spend"] == pytest.approx(5100)
    assert sums["paid_leads"] == 7 and sums["leads"] == 12
    assert sums["marketing_cost"] == pytest.approx(5800)
    # The Monday summary: the six cards, blended CPL and marketing share beside them, the lead sources.
    summary = weekly.week_summary(con, WEEK)
    assert summary.card("cpl").value == pytest.approx(5100 / 7)
    assert summary.card("blended_cpl").value == pytest.approx(5800 / 12)
    assert summary.card("marketing_share").value == pytest.approx(5800 / 6000)     # platform value as revenue
    assert summary.share_band == "above"
    assert summary.leads_by_source.overclaim == pytest.approx(16 / 7)
    assert summary.missing_fx == ()
    # The Monday channel table: EUR converted, GA4 leads joined to the campaigns that paid for them.
    table = weekly.channel_table(con, WEEK)
    assert list(table["channel"]) == ["Paid Search", "Paid Social", "Organic Search"]
    rows = {r["channel"]: r for r in table.to_dict("records")}
    assert (rows["Paid Search"]["spend"], rows["Paid Search"]["leads"]) == (4000, 6)
    assert rows["Paid Search"]["cpl"] == pytest.approx(4000 / 6)
    assert rows["Paid Search"]["previous_cpl"] is None         # no GA4 data the week before
    assert (rows["Paid Social"]["spend"], rows["Paid Social"]["cpl"]) == (pytest.approx(1100), pytest.approx(1100))
    assert (rows["Organic Search"]["spend"], rows["Organic Search"]["leads"], rows["Organic Search"]["cpl"]) == (None, 5, None)


def test_week_results_carry_target_and_status(con):
    from metrics.targets import TargetSpec, create_target

    # all: CPL 800 flat; Paid Search: CPL 600 flat (baseline = target, so the glide path is level).
    create_target(con, TargetSpec("cpl", "all", "800", "800", "2026-11-02", "2026-12-28"))
    create_target(con, TargetSpec("cpl", "channel:Paid Search", "600", "600", "2026-11-02", "2026-12-28"))
    rows = {r.key[0]: r.kpis for r in evaluate.compare_week(con, WEEK, "channel", today=D("2026-11-26"))}
    ps = rows["Paid Search"]["cpl"].week                 # 4000 / 6 = 666.67 against 600: +11 % → behind
    assert (ps.target, ps.status) == (600, "behind")
    social = rows["Paid Social"]["cpl"].week             # 1100 against the all target 800 → behind
    assert (social.target, social.status) == (800, "behind")
    assert rows["Organic Search"]["cpl"].week.status == "no_data"
    assert rows["Paid Search"]["leads"].week.status == "no_target"
    (whole,) = evaluate.compare_week(con, WEEK, today=D("2026-11-26"))
    assert whole.kpis["cpl"].week.status == "on_track"   # 728.57 is inside 800 ± 80
    running = evaluate.compare_week(con, WEEK, today=D("2026-11-20"))[0].kpis["cpl"].week
    assert (running.target, running.status) == (800, "in_progress")


def test_weekly_series_knows_which_weeks_ga4_covers(tmp_path):
    ws = workspaces.create("series", tmp_path)
    with db.connect(ws.path) as con:
        put(con, "ad_performance", [{"day": "2026-11-16", "spend": 100, "conversions": 1},
                                    {"day": "2026-11-23", "spend": 100, "conversions": 1}])
        put(con, "web_analytics", [{"day": "2026-11-17", "sessions": 10, "key_events": 2}])
        (w1, r1), (w2, r2) = evaluate.weekly_series(con, "cpl", "channel:Paid Search", D("2026-11-16"), D("2026-11-23"))
        # Week 16 Nov: GA4 has data (organic only), so Paid Search had 0 GA4 leads → no CPL, "nothing to divide by".
        assert (w1, r1.value, r1.denominator, r1.reason) == (D("2026-11-16"), None, 0, "no_denominator")
        # Week 23 Nov: no GA4 rows at all yet → unknown, not 0.
        assert (w2, r2.value, r2.denominator, r2.reason) == (D("2026-11-23"), None, None, "no_data")
