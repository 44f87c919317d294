"""Local services page: the region's facts, the directory filtered by offer and words with a CSV,
and how to add a directory when none is loaded; the map card and the ladder show it too."""
from __future__ import annotations

import pytest

from components.site import SITE_ENV
from tests.conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "site-example.yaml")
PAGE = "app_pages/services.py"


@pytest.fixture
def with_site(monkeypatch):
    monkeypatch.setenv(SITE_ENV, EXAMPLE)


def test_the_page_shows_the_region_facts_and_unconfirmed_statuses(run_page):
    app = run_page(PAGE, region="ie")
    assert not app.exception
    assert [t.value for t in app.title] == ["Local services"]
    assert app.header[0].value == "Where you practise: Ireland"
    text = "\n".join(m.value for m in app.markdown)
    assert "**Emergency number:** 112 or 999" in text
    assert "No national guideline confirmed" in text
    table = app.table[0].value
    assert list(table["Option"]) == ["Esketamine", "rTMS (10 Hz)", "ECT", "IV ketamine"]
    assert list(table["Status"])[1:] == ["Not confirmed"] * 3


def test_without_a_site_pack_the_page_says_how_to_add_one(run_page, monkeypatch):
    monkeypatch.delenv(SITE_ENV, raising=False)
    app = run_page(PAGE)
    assert not app.exception
    notice = app.info[-1].value
    assert "TRD_MAP_SITE=/path/to/site.yaml" in notice and "examples/site-example.yaml" in notice
    assert not app.dataframe


def test_the_directory_filters_by_offer_and_words(run_page, with_site):
    app = run_page(PAGE, region="uk")
    assert not app.exception
    assert len(app.dataframe[0].value) == 5
    assert "5 of 5 services shown." in [c.value for c in app.caption]
    app.multiselect(key="services_offers").set_value(["tms"]).run()
    assert list(app.dataframe[0].value["Service"]) == ["Northvale Neuromodulation Service (fictional)"]
    app.multiselect(key="services_offers").set_value([]).run()
    app.text_input(key="services_search").input("midwives").run()
    assert list(app.dataframe[0].value["Service"]) == [
        "Northvale Perinatal Mental Health Service (fictional)"]
    app.text_input(key="services_search").input("nothing like this").run()
    assert not app.dataframe
    assert any("No service matches" in i.value for i in app.info)
    assert app.text_input(key="services_search").label == "Search the directory"
    assert app.multiselect(key="services_offers").label == "Offers"


def test_the_map_referral_card_lists_where_to_refer(run_page, with_site):
    app = run_page("app_pages/map.py", node="specialist-referral")
    assert not app.exception
    text = "\n".join(m.value for m in app.markdown)
    assert "**Where to refer locally**" in text
    assert "Northvale Mood Disorders Clinic (fictional)" in text
    assert "Crisis Resolution Team" not in text.split("Where to refer locally")[1]


def test_the_map_card_says_how_to_add_a_directory_without_one(run_page, monkeypatch):
    monkeypatch.delenv(SITE_ENV, raising=False)
    app = run_page("app_pages/map.py", node="specialist-referral")
    assert any("No local referral directory is loaded" in c.value for c in app.caption)


def test_a_ladder_option_shows_who_provides_it_and_its_status_in_the_region(run_page, with_site):
    app = run_page("app_pages/ladder.py", region="au", option="rtms")
    assert not app.exception
    text = "\n".join(m.value for m in app.markdown)
    assert "**In Australia**" in text
    assert "Approved and publicly funded: On the Medicare Benefits Schedule" in text
    assert "Northvale Neuromodulation Service (fictional)" in text.split("Who provides it")[1]


def test_in_the_us_the_ladder_adds_no_second_status(run_page, monkeypatch):
    monkeypatch.delenv(SITE_ENV, raising=False)
    app = run_page("app_pages/ladder.py", option="esketamine")
    text = "\n".join(m.value for m in app.markdown)
    assert "**In United States**" not in text
    assert "**Who provides it locally**" in text
