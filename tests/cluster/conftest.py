"""Cluster fixtures: one scripts/cluster run (2 replicas + HAProxy + PostgreSQL on loopback) for the
whole test session, and Chromium contexts that enter through the balancer."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.cluster.cluster import COOKIE, Cluster, running_cluster
from tests.e2e.conftest import LAPTOP

# Two replicas, PostgreSQL and Chromium share two cores here: a rerun may take seconds.
expect.set_options(timeout=30_000)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    with running_cluster(replicas=2) as running:
        yield running


@pytest.fixture
def new_context(browser) -> Iterator[Callable[..., BrowserContext]]:
    """Fresh browser contexts (separate cookie jars, like separate people); `replica=` pins one to a
    replica by presetting the balancer's cookie, as if its earlier requests had landed there."""
    contexts: list[BrowserContext] = []

    def open_context(cluster: Cluster, replica: str | None = None) -> BrowserContext:
        context = browser.new_context(viewport=LAPTOP, accept_downloads=True)
        context.set_default_timeout(30_000)
        context.set_default_navigation_timeout(90_000)
        if replica:
            context.add_cookies([{"name": COOKIE, "value": replica, "url": cluster.url}])
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


def replica_of(context: BrowserContext) -> str | None:
    """The replica the balancer has pinned this browser to (its sticky cookie)."""
    return next((cookie["value"] for cookie in context.cookies() if cookie["name"] == COOKIE), None)
