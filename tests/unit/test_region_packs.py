"""Region packs: the shipped ones are valid and sourced; each kind of broken file is named by file,
entry and field and left out, without touching the others; wording localises the urgent advice."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from components.handout import make_handout_html
from components.regions import (
    RegionSet,
    choose_region,
    localise,
    localise_content,
    pack_problems,
    read_regions,
    region_summary_lines,
)
from tests.conftest import DATA_DIR

REGIONS = DATA_DIR / "regions"
SHIPPED = ("us", "uk", "ca", "au", "ie")
US_NUMBERS = ("911", "988")


@pytest.fixture(scope="module")
def regions(content):
    found, problems = read_regions(REGIONS, content)
    assert problems == []
    return found


@pytest.fixture
def regions_copy(tmp_path: Path) -> Path:
    target = tmp_path / "regions"
    shutil.copytree(REGIONS, target)
    return target


def broken(folder: Path, content, region_id: str, edit: Callable[[dict], object]
           ) -> tuple[dict, list[str]]:
    path = folder / f"{region_id}.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(document)
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    found, problems = read_regions(folder, content)
    return found, [str(p) for p in problems]


def test_the_five_shipped_regions_load_without_problems(regions):
    assert set(SHIPPED) <= set(regions)


@pytest.mark.parametrize("region_id", SHIPPED)
def test_each_region_names_its_emergency_number_in_its_crisis_line(regions, region_id):
    region = regions[region_id]
    assert region.emergency_number in region.crisis_line
    assert all(contact.sources for contact in region.crisis_contacts)


@pytest.mark.parametrize("region_id", [r for r in SHIPPED if r not in ("us", "ca")])
def test_outside_north_america_the_urgent_advice_names_no_us_number(content, regions, region_id):
    region = regions[region_id]
    for text in [*(f.advice for f in content.referral.red_flags),
                 *(a.text for a in content.referral.advice)]:
        local = localise(text, region)
        assert not any(number in local for number in US_NUMBERS), local
    urgent = next(a.text for a in content.referral.advice if a.id == "urgent")
    assert region.emergency_number.split()[0] in localise(urgent, region)


def test_canada_keeps_911_and_names_its_own_988_helpline(content, regions):
    urgent = next(a.text for a in content.referral.advice if a.id == "urgent")
    local = localise(urgent, regions["ca"])
    assert "call 911" in local and "988 Suicide Crisis Helpline" in local
    assert "Lifeline" not in local


def test_every_unconfirmed_status_says_what_is_missing(regions):
    unconfirmed = [s for r in regions.values() for s in r.statuses if s.status == "not-confirmed"]
    assert unconfirmed, "the shipped packs admit what they could not confirm"
    assert all(s.gaps.strip() for s in unconfirmed)


def test_each_region_states_esketamine_status(regions):
    assert all(any(s.option == "esketamine" for s in r.statuses) for r in regions.values())


def test_the_summary_lines_name_region_number_and_guideline(regions):
    lines = region_summary_lines(regions["uk"])
    assert lines[0] == "Region: United Kingdom. Emergency number: 999."
    assert any("NICE NG222" in line for line in lines)


def test_address_beats_session_beats_default(regions):
    region_set = RegionSet(regions, (), "us")
    assert choose_region(region_set, "uk", "au") == "uk"
    assert choose_region(region_set, "UK", None) == "uk"
    assert choose_region(region_set, "xx", "au") == "au"
    assert choose_region(region_set, None, None) == "us"


# ---------------------------------------------------------------- broken files


def test_missing_field_names_file_entry_and_field(regions_copy, content):
    found, problems = broken(regions_copy, content, "uk", lambda d: d.pop("emergency_number"))
    assert problems == ["data/regions/uk.yaml: uk: emergency_number: required field is missing"]
    assert "uk" not in found and "us" in found


def test_unknown_option_id_is_named(regions_copy, content):
    found, problems = broken(regions_copy, content, "au",
                             lambda d: d["statuses"][1].update(option="magic-tms"))
    assert problems == ["data/regions/au.yaml: au: statuses[1].option: unknown treatment id "
                        "'magic-tms'"]
    assert "au" not in found


# Each broken pack: which region, what is broken, and the one problem it must name.
ONE_PROBLEM_CASES = {
    "unknown source id": (
        "ie", lambda d: d["crisis_contacts"][0]["sources"].append("made-up-2099"),
        "data/regions/ie.yaml: ie: crisis_contacts[0].sources[2]: unknown source id "
        "'made-up-2099'"),
    "confirmed status without sources": (
        "ca", lambda d: d["statuses"][0].update(sources=[]),
        "data/regions/ca.yaml: ca: statuses[0]: a confirmed status names its sources (or use "
        "status: not-confirmed)"),
    "unconfirmed status without gaps": (
        "ie", lambda d: d["statuses"][1].update(gaps=""),
        "data/regions/ie.yaml: ie: statuses[1]: a status that could not be confirmed says why in "
        "`gaps`"),
    "id that is not the file name": (
        "uk", lambda d: d.update(id="gb"),
        "data/regions/uk.yaml: gb: id: the id must be the file's name, 'uk' (found: 'gb')"),
    "wording that matches nothing in the advice": (
        "au", lambda d: d["wording"][0].update(us="dial nine-one-one"),
        "data/regions/au.yaml: au: wording[0].us: this phrase is not in the shared advice "
        "(data/referral.yaml), so it would change nothing"),
}


@pytest.mark.parametrize("case", ONE_PROBLEM_CASES)
def test_each_broken_pack_names_its_one_problem_and_is_left_out(regions_copy, content, case):
    region_id, edit, expected = ONE_PROBLEM_CASES[case]
    found, problems = broken(regions_copy, content, region_id, edit)
    assert problems == [expected]
    assert region_id not in found and "us" in found


def test_misspelt_field_is_named(regions_copy, content):
    _, problems = broken(regions_copy, content, "uk",
                         lambda d: d.update(crisis_lines=d.pop("crisis_line")))
    assert "data/regions/uk.yaml: uk: crisis_lines: unknown field (check the spelling against " \
           "the other entries)" in problems
    assert "data/regions/uk.yaml: uk: crisis_line: required field is missing" in problems


def test_yaml_syntax_error_names_the_line_and_keeps_other_regions(regions_copy, content):
    (regions_copy / "ie.yaml").write_text("id: ie\nname: [unclosed\n", encoding="utf-8")
    found, problems = read_regions(regions_copy, content)
    assert len(problems) == 1 and str(problems[0]).startswith("data/regions/ie.yaml: -: line ")
    assert set(found) == {"us", "uk", "ca", "au"}


def test_empty_file_is_named(regions_copy, content):
    (regions_copy / "uk.yaml").write_text("", encoding="utf-8")
    _, problems = read_regions(regions_copy, content)
    assert [str(p) for p in problems] == ["data/regions/uk.yaml: -: -: file is empty"]


def test_the_validator_fails_on_a_broken_region_pack(tmp_path, content, capsys):
    data = tmp_path / "data"
    (data / "regions").mkdir(parents=True)
    for path in REGIONS.glob("*.yaml"):
        shutil.copy(path, data / "regions" / path.name)
    (data / "regions" / "uk.yaml").write_text("id: uk\n", encoding="utf-8")
    problems = pack_problems(content, data)
    assert any(str(p).startswith("data/regions/uk.yaml: uk: name: required") for p in problems)
    assert "INVALID: 4 region pack(s)" in capsys.readouterr().out


def test_the_handout_in_the_uk_prints_uk_numbers_and_leaves_the_content_alone(content, regions):
    uk = regions["uk"]
    handout = make_handout_html(localise_content(content, uk), uk.crisis_line)
    body = handout.split("<h2")[0] + handout[handout.find("<h2"):handout.rfind("SAMHSA")]
    assert "call 999" in body and "Samaritans (call 116 123" in body
    assert "911" not in body
    assert "call 911" in make_handout_html(content), "the shared content is unchanged"
    assert localise_content(content, regions["us"]) is content


def test_the_fallback_region_claims_no_number_the_content_does_not_give(content):
    """With no pack loaded, the summary keeps the shared content's crisis line and invents no
    emergency number in code."""
    from components.regions import fallback_region, region_summary_lines

    lines = region_summary_lines(fallback_region(content))
    assert lines == ["Region: United States.", f"Crisis line: {content.frame.crisis_line.text}"]
