"""Every page in every region: the region's crisis line is shown and kept as the reader moves on,
the checker's urgent advice and referral summary use the region's numbers, and a broken region
or site file is named in the sidebar while every page still works."""
from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from components.content import DATA_DIR_ENV
from components.navigation import PAGES
from components.regions import read_regions
from components.site import SITE_ENV
from tests.conftest import DATA_DIR, ROOT

SHIPPED = ("us", "uk", "ca", "au", "ie")
US_LINE = "In the US, call or text 988; call 911 in an emergency."
URGENT_CASE = "plan-and-intent"  # a practice case with suicidal intent ticked


@pytest.fixture(scope="module")
def regions(content):
    return read_regions(DATA_DIR / "regions", content)[0]


def region_param(app: AppTest) -> str | None:
    """?region= as the address holds it (AppTest keeps a typed value as a list, a set one as text)."""
    value = app.query_params.get("region")
    return value[0] if isinstance(value, list) else value


def page_text(app: AppTest) -> str:
    parts = [*app.markdown, *app.caption, *app.error, *app.warning, *app.info, *app.success]
    return "\n".join(str(part.value) for part in parts)


@pytest.mark.parametrize("region_id", SHIPPED)
def test_every_page_keeps_the_region_and_shows_its_crisis_line(run_page, regions, region_id):
    """One session per region walks every page: the link's ?region= is remembered by the session
    and written back to the address on each page, so the crisis line never falls back."""
    line = regions[region_id].crisis_line
    app = run_page("app_pages/map.py", timeout=60, region=region_id)
    for page in PAGES:
        app.switch_page(page.script)
        app.run()
        assert not app.exception, (page.id, [e.value for e in app.exception])
        assert line in page_text(app), page.id
        if region_id != "us":
            assert US_LINE not in page_text(app), page.id
            if page.frame:  # a frame-less page shares a link of its own and draws no picker
                assert region_param(app) == region_id, page.id


def test_the_sidebar_picker_changes_the_region_and_the_address(run_page, regions):
    app = run_page("app_pages/refer.py")
    picker = app.sidebar.selectbox(key="frame_region")
    assert picker.label == "Where you practise" and picker.value == "us"
    picker.set_value("au").run()
    assert regions["au"].crisis_line in page_text(app)
    assert region_param(app) == "au"
    assert "call 000 (Triple Zero)" in page_text(app), "When to refer's urgent tier follows"
    app.sidebar.selectbox(key="frame_region").set_value("us").run()
    assert "region" not in app.query_params, "the default region needs no parameter"


def test_a_link_to_an_unknown_region_says_so_and_shows_the_default(run_page):
    app = run_page("app_pages/refer.py", region="atlantis")
    assert not app.exception
    assert any("names a region that does not exist" in i.value for i in app.info)
    assert US_LINE in page_text(app)


def commit_urgent_case(run_page, region_id: str) -> AppTest:
    app = run_page("app_pages/checker.py", timeout=60, region=region_id, case=URGENT_CASE)
    app.radio(key="checker_answer_choice").set_value("reconsider-diagnosis").run()
    app.button(key="checker_commit").click().run()
    return app


@pytest.mark.parametrize("region_id", SHIPPED)
def test_urgent_advice_and_summary_use_the_region_numbers(run_page, regions, region_id,
                                                          monkeypatch):
    monkeypatch.setenv(SITE_ENV, str(ROOT / "examples" / "site-example.yaml"))
    region = regions[region_id]
    app = commit_urgent_case(run_page, region_id)
    assert not app.exception
    urgent = [e.value for e in app.error if "Urgent" in e.value]
    assert urgent, "the urgent banner and advice are shown"
    assert all(region.crisis_line in text or "call" in text for text in urgent)
    assert region.crisis_line in urgent[0]
    summary = app.code[0].value
    assert f"Region: {region.name}. Emergency number: {region.emergency_number}." in summary
    assert "Northvale Crisis Resolution Team (fictional)" in summary
    assert "Northvale Crisis Resolution Team (fictional)" in page_text(app)
    if region_id in ("uk", "au", "ie"):
        assert not any(n in text for n in ("911", "988") for text in urgent), region_id
        assert "911" not in summary.split("Region:")[0]
        assert f"call {region.emergency_number}" in urgent[0]


def test_without_a_site_pack_the_checker_says_how_to_add_one(run_page, monkeypatch):
    monkeypatch.delenv(SITE_ENV, raising=False)
    app = commit_urgent_case(run_page, "uk")
    assert any("No local referral directory is loaded" in c.value for c in app.caption)
    assert "Local services that fit" not in app.code[0].value


def test_a_broken_region_file_is_named_and_the_default_line_stays(run_page, data_copy,
                                                                  monkeypatch):
    uk = data_copy / "regions" / "uk.yaml"
    uk.write_text(uk.read_text(encoding="utf-8").replace("emergency_number:", "emergncy_number:"),
                  encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    for script in ("app_pages/map.py", "app_pages/checker.py", "app_pages/services.py"):
        app = run_page(script, region="uk")
        assert not app.exception, script
        assert US_LINE in page_text(app), script
        warning = app.sidebar.warning[0].value
        assert "data/regions/uk.yaml: uk: emergncy_number: unknown field" in warning
        assert "data/regions/uk.yaml: uk: emergency_number: required field is missing" in warning
        assert "showing United States" in warning
        assert app.title, script


def test_without_any_region_pack_the_content_line_stays(run_page, data_copy, monkeypatch):
    shutil.rmtree(data_copy / "regions")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    app = run_page("app_pages/checker.py")
    assert not app.exception
    assert US_LINE in page_text(app)
    assert "TRD_MAP_REGION setting: us" in app.sidebar.warning[0].value


def test_the_default_region_is_a_setting(run_page, regions, monkeypatch):
    monkeypatch.setenv("TRD_MAP_REGION", "ie")
    app = run_page("app_pages/about.py")
    assert regions["ie"].crisis_line in page_text(app)
    assert "region" not in app.query_params


def test_a_broken_site_file_is_named_and_every_page_still_works(run_page, tmp_path, monkeypatch):
    site = tmp_path / "site.yaml"
    site.write_text((ROOT / "examples" / "site-example.yaml").read_text(encoding="utf-8")
                    .replace("typical_wait: 2 weeks", "typical_wayt: 2 weeks"), encoding="utf-8")
    monkeypatch.setenv(SITE_ENV, str(site))
    for script in ("app_pages/ladder.py", "app_pages/services.py"):
        app = run_page(script, option="ect")
        assert not app.exception, script
        warning = app.sidebar.warning[0].value
        assert f"{site}: northvale-perinatal: typical_wayt: unknown field" in warning
        assert f"{site}: northvale-perinatal: typical_wait: required field is missing" in warning
