"""Site pack: the fictional example is valid and obviously fictional; every kind of broken file is
named by file, service and field; the right local services are chosen for each place."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from components.site import (
    EXAMPLE_SITE,
    filter_services,
    local_summary_lines,
    read_site,
    services_csv,
    services_for_option,
    services_offering,
)
from tests.conftest import ROOT

EXAMPLE = ROOT / EXAMPLE_SITE


@pytest.fixture(scope="module")
def site(content):
    loaded, problems = read_site(EXAMPLE, content)
    assert problems == []
    return loaded


def broken(tmp_path: Path, content, edit: Callable[[dict], object]) -> list[str]:
    document = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    edit(document)
    path = tmp_path / "site.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    loaded, problems = read_site(path, content)
    assert loaded is None
    return [str(p).replace(str(path), "site.yaml") for p in problems]


def test_the_example_is_plainly_fictional(site):
    assert "fictional" in site.site
    assert all("(fictional)" in service.name for service in site.services)
    # Ofcom's drama range 01632 960000–960999 reaches no one.
    assert all(re.fullmatch(r"01632 960\d{3}", s.phone) for s in site.services if s.phone)


def test_urgent_advice_finds_the_crisis_team(site):
    assert [s.id for s in services_offering(site, ["crisis-team"])] == ["northvale-crisis-team"]
    lines = local_summary_lines(site, "urgent")
    assert lines[0].startswith("Local services that fit (directory: Northvale")
    assert "Northvale Crisis Resolution Team (fictional)" in lines[1]
    assert "01632 960002" in lines[1]


def test_routine_referral_lists_the_specialist_clinic_first(site):
    names = [s.id for s in services_offering(
        site, ["specialist-trd-clinic", "community-mental-health", "psychiatric-advice"])]
    assert names == ["northvale-mood-clinic", "northvale-cmht"]


def test_each_option_finds_its_own_service_or_the_specialist_route(site):
    assert [s.id for s in services_for_option(site, "rtms", "specialist")] == [
        "northvale-neuromodulation"]
    assert [s.id for s in services_for_option(site, "esketamine", "certified-centre")] == [
        "northvale-mood-clinic"]
    assert services_for_option(site, "lithium", "shared-care") == []
    assert services_for_option(None, "ect", "specialist") == []


def test_filters_combine_offers_and_words(site):
    assert [s.id for s in filter_services(site, ["tms"], "")] == ["northvale-neuromodulation"]
    assert [s.id for s in filter_services(site, [], "midwives")] == ["northvale-perinatal"]
    assert filter_services(site, ["perinatal"], "psychiatrist") == []
    assert len(filter_services(site, [], "")) == len(site.services)


def test_csv_has_one_row_per_service_with_every_field(site):
    rows = list(csv.DictReader(io.StringIO(services_csv(site.services))))
    assert len(rows) == len(site.services)
    assert rows[1]["Service"] == "Northvale Crisis Resolution Team (fictional)"
    assert rows[1]["Offers"] == "Crisis team" and rows[1]["Last checked"] == "2026-11-01"


# ---------------------------------------------------------------- broken files


def test_missing_field_names_the_service(tmp_path, content):
    problems = broken(tmp_path, content, lambda d: d["services"][2].pop("typical_wait"))
    assert problems == ["site.yaml: northvale-neuromodulation: typical_wait: required field is "
                        "missing"]


def test_unknown_offer_is_named_with_its_value(tmp_path, content):
    problems = broken(tmp_path, content, lambda d: d["services"][0]["offers"].append("yoga"))
    assert len(problems) == 1
    assert problems[0].startswith("site.yaml: northvale-mood-clinic: offers[2]: Input should be")
    assert "(found: 'yoga')" in problems[0]


def test_bad_date_is_named(tmp_path, content):
    problems = broken(tmp_path, content,
                      lambda d: d["services"][1].update(last_checked="last spring"))
    assert len(problems) == 1
    assert problems[0].startswith("site.yaml: northvale-crisis-team: last_checked: ")


def test_duplicate_service_id_is_named(tmp_path, content):
    problems = broken(tmp_path, content,
                      lambda d: d["services"][3].update(id="northvale-mood-clinic"))
    assert problems == ["site.yaml: northvale-mood-clinic: services[3].id: duplicate id: another "
                        "local-service already uses it"]


def test_no_services_is_refused(tmp_path, content):
    problems = broken(tmp_path, content, lambda d: d.update(services=[]))
    assert problems == ["site.yaml: -: services: List should have at least 1 item after "
                        "validation, not 0"]


def test_missing_file_is_named(tmp_path, content):
    loaded, problems = read_site(tmp_path / "nowhere.yaml", content)
    assert loaded is None
    assert [p.message for p in problems] == ["file is missing"]


def test_text_that_is_not_a_mapping_is_named(tmp_path, content):
    path = tmp_path / "site.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    _, problems = read_site(path, content)
    assert [p.message for p in problems] == ["the top level must be named sections (key: value)"]
