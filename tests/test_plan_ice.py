"""ICE backlog: golden scores, validation, ordering, suggestions, turning an action into an experiment."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from metrics import budget, ice
from metrics.safe_export import to_csv_bytes
from tests.plan_support import load_ads, workspace
from warehouse import db


@pytest.mark.parametrize(("i", "c", "e", "expected"), [
    (7, 8, 2, 504),     # 7 × 8 × 9
    (10, 10, 1, 1000),  # the maximum: 10 × 10 × 10
    (1, 1, 10, 1),      # the minimum: 1 × 1 × 1
    (5, 5, 5, 150),     # 5 × 5 × 6
    (8, 8, 3, 512),     # 8 × 8 × 8
    (6, 6, 4, 252),     # 6 × 6 × 7
])
def test_score_golden_numbers(i: int, c: int, e: int, expected: int) -> None:
    assert ice.score(i, c, e) == expected


def test_validation_reports_every_problem_at_once() -> None:
    problems = ice.validate(ice.Item("  ", 0, 11, 5.5, bucket="big", status="maybe"))  # type: ignore[arg-type]
    assert [(p.field, p.code, p.value) for p in problems] == [
        ("name", "required", None),
        ("impact", "out_of_range", 0),
        ("confidence", "out_of_range", 11),
        ("effort", "not_whole", 5.5),
        ("bucket", "unknown_choice", "big"),
        ("status", "unknown_choice", "maybe"),
    ]
    assert ice.validate(ice.Item("Ok", 1, 10, "7")) == []   # type: ignore[arg-type]  # "7" is a whole number
    assert [p.code for p in ice.validate(ice.Item("x" * 121, 5, 5, 5))] == ["too_long"]
    assert [p.code for p in ice.validate(ice.Item("Ok", True, 5, 5))] == ["not_whole"]  # type: ignore[arg-type]


def test_add_refuses_invalid_and_leaves_the_backlog_unchanged(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        with pytest.raises(ice.InvalidItem) as err:
            ice.add(con, ice.Item("Nytt nettsted", 5, 5, 0))
        assert [(p.field, p.code) for p in err.value.problems] == [("effort", "out_of_range")]
        assert ice.backlog(con).empty


def test_backlog_sorted_by_score_then_confidence_then_effort(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        p = ice.add(con, ice.Item("P", 7, 8, 2))    # 7·8·9 = 504, confidence 8
        q = ice.add(con, ice.Item("Q", 7, 9, 3))    # 7·9·8 = 504, confidence 9
        r = ice.add(con, ice.Item("R", 9, 7, 3))    # 9·7·8 = 504, confidence 7
        s = ice.add(con, ice.Item("S", 10, 10, 1))  # 1000
        t = ice.add(con, ice.Item("T", 2, 3, 9))    # 2·3·2 = 12
        frame = ice.backlog(con)
    assert list(frame["item_id"]) == [s, q, p, r, t]
    assert list(frame["score"]) == [1000, 504, 504, 504, 12]


def test_edit_and_delete(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        a = ice.add(con, ice.Item("Landingsside bad", 6, 5, 4, "Paid Search", None, "improvement", "Kari"))
        ice.update(con, a, ice.Item("Landingsside bad", 8, 5, 4, "Paid Search", "Ny tekst", "proven", "Jonas", "doing"))
        row = ice.backlog(con).iloc[0]
        assert (row["impact"], row["score"], row["bucket"], row["owner"], row["status"]) == (8, 8 * 5 * 7, "proven",
                                                                                            "Jonas", "doing")
        with pytest.raises(ice.InvalidItem):
            ice.update(con, a, ice.Item("Landingsside bad", 8, 5, 11))
        with pytest.raises(KeyError):
            ice.update(con, 999_999, ice.Item("x", 1, 1, 1))
        assert ice.delete(con, a) is True
        assert ice.delete(con, a) is False
        assert ice.backlog(con).empty


def test_suggestions_are_added_once_whatever_the_language(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        assert ice.missing_suggestions(con) == 4
        assert ice.add_suggestions(con, "nb") == 4
        assert ice.add_suggestions(con, "en") == 0   # idempotent, also across languages
        frame = ice.backlog(con)
        # site blockers 8·8·8 = 512, GBP + reviews 7·8·9 = 504, landing pages 8·7·6 = 336, e-mail 6·6·7 = 252
        assert list(frame["score"]) == [512, 504, 336, 252]
        assert list(frame["suggestion_key"]) == ["site_blockers", "gbp_reviews", "landing_pages", "email_welcome"]
        assert frame["name"].iloc[1] == "Optimaliser Google-bedriftsprofilen og samle anmeldelser"
        ice.delete(con, int(frame["item_id"].iloc[0]))
        assert ice.missing_suggestions(con) == 1
        assert ice.add_suggestions(con, "en") == 1
        assert "Remove the worst blockers on the website" in set(ice.backlog(con)["name"])


def test_an_action_becomes_an_experiment_in_the_experiment_bucket(tmp_path) -> None:
    path = workspace(tmp_path)
    load_ads(path, "tiktok", [("TikTok - test", "Paid Social", date(2026, 12, 1), date(2026, 12, 1), 300.0)])
    with db.connect(path) as con:
        item = ice.add(con, ice.Item("TikTok-video for bad", 5, 4, 3, "Paid Social", "Korte videoer", "improvement"))
        with pytest.raises(ice.InvalidItem):
            ice.start_experiment(con, item, ice.ExperimentSpec(date(2026, 11, 30), weeks=3))
        exp_id = ice.start_experiment(con, item, ice.ExperimentSpec(
            date(2026, 11, 30), weeks=6, budget=6000.0, campaign="tiktok_test", target_value=450.0))
        row = con.execute(
            "SELECT name, channel, campaign, bucket, start_date, planned_end, budget, target_value, status, ice_item_id "
            "FROM experiments WHERE experiment_id = ?", [exp_id]).fetchall()[0]
        # 6 weeks from Monday 30 Nov 2026: 42 days, the last one Sunday 10 Jan 2027
        assert row == ("TikTok-video for bad", "Paid Social", "tiktok_test", "experiment", date(2026, 11, 30),
                       date(2027, 1, 10), 6000.0, 450.0, "running", item)
        back = ice.backlog(con).iloc[0]
        assert (back["status"], back["bucket"], back["experiment_id"]) == ("doing", "experiment", exp_id)
        # the experiment names the campaign (normalised: "TikTok - test" = "tiktok_test" = "tiktok test"): its spend is experiment
        camps = budget.campaign_buckets(con)
        assert camps[["campaign", "bucket", "origin"]].values.tolist() == [["TikTok - test", "experiment", "experiment"]]


def test_backlog_csv_neutralises_formulas(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        ice.add(con, ice.Item('=HYPERLINK("http://x.example","klikk")', 5, 5, 5, "@kanal", "-1+2"))
        frame = ice.backlog(con)[["name", "channel", "description", "score"]]
    text = to_csv_bytes(frame).decode("utf-8-sig")
    assert text.splitlines()[1] == '"\'=HYPERLINK(""http://x.example"",""klikk"")",\'@kanal,\'-1+2,150'


rating = st.integers(min_value=1, max_value=10)


@given(rating, rating, rating)
def test_every_valid_rating_scores_between_1_and_1000(i: int, c: int, e: int) -> None:
    assert ice.validate(ice.Item("x", i, c, e)) == []
    s = ice.score(i, c, e)
    assert 1 <= s <= 1000 and s == i * c * (11 - e)
    # more effort never raises the score; more impact or confidence never lowers it
    if e < 10:
        assert ice.score(i, c, e + 1) < s
    if i < 10:
        assert ice.score(i + 1, c, e) > s


@given(st.integers().filter(lambda n: not 1 <= n <= 10))
def test_every_rating_outside_1_to_10_is_refused(n: int) -> None:
    problems = ice.validate(ice.Item("x", n, 5, 5))
    assert [(p.field, p.code, p.value) for p in problems] == [("impact", "out_of_range", n)]
