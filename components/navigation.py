"""The app's pages: one registry that the router builds from and that content links are checked against."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    id: str  # the url path, and the id content uses to link here
    title: str
    icon: str
    script: str
    section: str
    # "hidden": reachable by link only (e.g. a participant's join page), never in the menu.
    visibility: str = "visible"
    # False for screens the app's frame must not cover (a projector's audience view, a phone's
    # join page): such a page draws the crisis line itself, as a footer.
    frame: bool = True


PAGES: tuple[PageSpec, ...] = (
    PageSpec("map", "TRD map", ":material/hub:", "app_pages/map.py", "Learn"),
    PageSpec("refer", "When to refer", ":material/outgoing_mail:", "app_pages/refer.py", "Learn"),
    PageSpec("ladder", "Treatment ladder", ":material/stairs:", "app_pages/ladder.py", "Learn"),
    PageSpec("timelines", "Timelines", ":material/timeline:", "app_pages/timelines.py", "Compare"),
    PageSpec(
        "onset", "Onset & commitment", ":material/schedule:", "app_pages/onset.py", "Compare"
    ),
    PageSpec("crosswalk", "Guideline crosswalk", ":material/compare_arrows:",
             "app_pages/crosswalk.py", "Compare"),
    PageSpec(
        "checker", "Trial checker", ":material/fact_check:", "app_pages/checker.py", "Practice"
    ),
    PageSpec("cases", "Case discussions", ":material/groups:", "app_pages/cases.py", "Practice"),
    PageSpec("quiz", "Knowledge check", ":material/quiz:", "app_pages/quiz.py", "Practice"),
    PageSpec("room", "Training room", ":material/how_to_vote:", "app_pages/room.py", "Practice"),
    PageSpec("room-screen", "Training room projector", ":material/cast:",
             "app_pages/room_screen.py", "Practice", visibility="hidden", frame=False),
    PageSpec("join", "Join a training room", ":material/login:", "app_pages/room_join.py",
             "Practice", visibility="hidden", frame=False),
    PageSpec(
        "presentation", "Presentation", ":material/slideshow:", "app_pages/presentation.py",
        "Practice",
    ),
    PageSpec(
        "talks", "Talk builder", ":material/co_present:", "app_pages/talk_builder.py", "Practice"
    ),
    PageSpec("slides", "Slides", ":material/slideshow:", "app_pages/talk_slides.py", "Practice",
             visibility="hidden", frame=False),
    PageSpec("presenter", "Presenter view", ":material/speaker_notes:",
             "app_pages/talk_presenter.py", "Practice", visibility="hidden"),
    PageSpec(
        "glossary", "Glossary & search", ":material/search:", "app_pages/glossary.py", "Reference"
    ),
    PageSpec("sources", "Sources", ":material/library_books:", "app_pages/sources.py", "Reference"),
    PageSpec("services", "Local services", ":material/local_hospital:", "app_pages/services.py",
             "Reference"),
    PageSpec("about", "About", ":material/info:", "app_pages/about.py", "Reference"),
)

HOME_PAGE_ID = "map"
# A hidden page at /map that opens the home map with the same query; links to the map use it.
MAP_LINK_SCRIPT = "app_pages/map_link.py"
PAGE_BY_ID: dict[str, PageSpec] = {page.id: page for page in PAGES}


def draws_frame(url_path: str) -> bool:
    """Whether the page at this url path shows the app frame (the home page's path is "")."""
    spec = PAGE_BY_ID.get(url_path or HOME_PAGE_ID)
    return spec.frame if spec else True


def sections() -> dict[str, list[PageSpec]]:
    """Pages grouped by navigation section, in registry order."""
    grouped: dict[str, list[PageSpec]] = {}
    for page in PAGES:
        grouped.setdefault(page.section, []).append(page)
    return grouped
