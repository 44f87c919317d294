"""TRD Map load benchmark: K concurrent browser-like sessions through HAProxy on a local cluster.

Run from the repository root:
    .venv/bin/python -m bench.load [--sessions 60] [--replicas 1 2] [--hold 30] [--time-limit 600]

For each replica count it starts scripts/cluster (replicas + HAProxy + PostgreSQL, loopback only),
opens a training-room session as its trainer (question 1 asked), and lets K people arrive within
--ramp seconds. Each person follows a learner's route through the balancer, with its own cookie jar:
    GET the page (the balancer's sticky cookie is set) → WebSocket /_stcore/stream →
    map → map card (node=tms) → ladder → checker with a case → join the room → tap an answer
and then holds the session for --hold seconds as a phone in the room does: the join page's
fragment asks for a refresh every 1.5 s, and each refresh is a server run too.

The client is Streamlit's own protocol, not Chromium: BackMsg/ForwardMsg protobufs over the
WebSocket, as the browser's frontend sends them (rerun with page name and query string, a button
press as a trigger widget state, fragment auto-reruns). "Drawn ms" is the time from asking for a
page to the server's script-finished message, with every element of the page received: the
server's and the network's share of drawing a page, not the browser's painting (bench.run measures
that for one user in Chromium). It is a benchmark, not a test: it prints tables, never fails on a
number, and is bounded (at most 200 sessions, --time-limit seconds per replica count).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect
from websockets.typing import Subprotocol

from components.content import read_content
from components.room.service import next_question, open_session, questions_from_set
from components.room.store import open_store
from tests.cluster.cluster import COOKIE, Cluster, running_cluster
from tests.conftest import DATA_DIR

MAX_SESSIONS = 200
STEP_TIMEOUT_S = 90
DONE = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
# (step name, page url path, query string); the room steps follow.
ROUTE = (("map", "", ""), ("map card", "", "node=tms"), ("ladder", "ladder", ""),
         ("checker + case", "checker", "case=half-working-ssri"))


class RouteError(Exception):
    """A step failed the way a person would notice (an error shown, a page that never came)."""


@dataclass
class Drawn:
    """What one server run sent: its texts, its buttons (widget ids by key) and how it ended."""
    texts: list[str] = field(default_factory=list)
    buttons: dict[str, str] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)


@dataclass
class Person:
    """One browser session: its cookie jar, WebSocket and the address bar's query string."""
    base_url: str
    timings: dict[str, list[float]]
    session: requests.Session = field(default_factory=requests.Session)
    query: str = ""
    page: str = ""
    auto_rerun: tuple[float, str] | None = None  # (interval s, fragment id) the page asked for
    socket: object = None
    failed: bool = False

    async def open(self, path: str) -> None:
        reply = await asyncio.to_thread(self.session.get, f"{self.base_url}/{path}", timeout=30)
        if reply.status_code != 200:
            raise RouteError(f"GET /{path}: HTTP {reply.status_code}")
        for endpoint in ("_stcore/health", "_stcore/host-config"):
            await asyncio.to_thread(self.session.get, f"{self.base_url}/{endpoint}", timeout=30)
        cookies = "; ".join(f"{name}={value}" for name, value in self.session.cookies.items())
        self.socket = await connect(
            self.base_url.replace("http://", "ws://") + "/_stcore/stream", max_size=None,
            subprotocols=[Subprotocol("streamlit")], open_timeout=STEP_TIMEOUT_S,
            additional_headers={"Cookie": cookies, "Origin": self.base_url})

    @property
    def replica(self) -> str:
        return self.session.cookies.get(COOKIE, "")

    async def run(self, step: str, page: str, query: str, *, trigger: str = "",
                  fragment: str = "") -> Drawn:
        """Ask for a run as the frontend does and read until the server says it finished."""
        message = BackMsg()
        state = message.rerun_script
        state.page_name, state.query_string = page, query
        if trigger:
            widget = state.widget_states.widgets.add()
            widget.id, widget.trigger_value = trigger, True
        if fragment:
            state.fragment_id, state.is_auto_rerun = fragment, True
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        drawn = Drawn()
        async with asyncio.timeout(STEP_TIMEOUT_S):
            while True:
                forward = ForwardMsg()
                forward.ParseFromString(await self.socket.recv())
                kind = forward.WhichOneof("type")
                if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                    _read_element(forward.delta.new_element, drawn)
                elif kind == "page_info_changed":
                    query = self.query = forward.page_info_changed.query_string
                elif kind == "auto_rerun":
                    self.auto_rerun = (forward.auto_rerun.interval, forward.auto_rerun.fragment_id)
                elif kind == "script_finished" and forward.script_finished in DONE:
                    break
        self.timings[step].append((time.perf_counter() - started) * 1000)
        self.page, self.query = page, query
        if drawn.exceptions:
            raise RouteError(f"{step}: exception shown: {drawn.exceptions[0][:200]}")
        return drawn


def _read_element(element, drawn: Drawn) -> None:
    kind = element.WhichOneof("type")
    if kind == "exception":
        drawn.exceptions.append(element.exception.message)
    elif kind == "button":
        drawn.buttons[element.button.id.rsplit("-", 1)[-1]] = element.button.id
    elif kind in ("markdown", "alert", "heading", "text"):
        drawn.texts.append(getattr(element, kind).body)


def _shows(drawn: Drawn, pattern: str) -> bool:
    return any(re.search(pattern, text) for text in drawn.texts)


async def person_route(person: Person, code: str, choice: int) -> None:
    """One learner's route, ending on the room's join page with an answer stored."""
    await person.open("")
    for step, page, query in ROUTE:
        drawn = await person.run(step, page, query)
        if not drawn.texts:
            raise RouteError(f"{step}: the page drew no text")
    drawn = await person.run("join room", "join", f"code={code}")
    if "p=" not in person.query:
        raise RouteError(f"join room: no participant token in the address ({drawn.texts[:2]})")
    key = f"room_join_choice_1_{choice}"
    if key not in drawn.buttons:
        raise RouteError(f"join room: no answer button {key}")
    drawn = await person.run("tap an answer", "join", person.query, trigger=drawn.buttons[key])
    if not _shows(drawn, rf"Stored:\*\* your answer is {'ABCD'[choice]}\."):
        raise RouteError("tap an answer: the phone does not say the answer was stored")


async def hold(person: Person, step: str, until: asyncio.Event) -> None:
    """Stay on the join page as a phone does, its fragment refreshing, until `until` is set."""
    if not person.auto_rerun:
        raise RouteError("the join page asked for no refresh")
    interval, fragment = person.auto_rerun
    while not until.is_set():
        await asyncio.sleep(interval)
        await person.run(step, "join", person.query, fragment=fragment)


@dataclass
class Phases:
    """The two phases of one load run: people arriving and walking their route, then all of
    them holding the room's join page open at once."""
    errors: list[str]
    route_seconds: float
    route_draws: int
    held_open: int
    hold_seconds: float
    hold_draws: int
    cpu_route: dict[str, float]
    cpu_hold: dict[str, float]


async def run_load(people: list[Person], code: str, ramp_s: float, hold_s: float,
                   cluster: Cluster) -> Phases:
    started = time.monotonic()
    cpu_start = cpu_snapshot(cluster)
    errors: list[str] = []
    all_arrived, hold_over = asyncio.Event(), asyncio.Event()
    finished_routes = 0

    async def arrive(number: int, person: Person) -> None:
        nonlocal finished_routes
        await asyncio.sleep(ramp_s * number / len(people))
        try:
            try:
                await person_route(person, code, number % 4)
            finally:
                finished_routes += 1
                if finished_routes == len(people):
                    all_arrived.set()
            await hold(person, "phone refresh (arriving)", all_arrived)
            await hold(person, "phone refresh (all held)", hold_over)
        except Exception as error:  # any failure is one person's error, counted and reported
            errors.append(f"{type(error).__name__}: {error}"[:240])
            person.failed = True
        finally:
            if person.socket is not None:
                await person.socket.close()

    async def phases() -> tuple[float, int, dict, int, dict]:
        await all_arrived.wait()
        route_end, cpu_mid = time.monotonic(), cpu_snapshot(cluster)
        open_now = sum(1 for person in people if not person.failed and person.socket is not None)
        holds_before = len(people[0].timings["phone refresh (all held)"])
        await asyncio.sleep(hold_s)
        hold_over.set()
        hold_draws = len(people[0].timings["phone refresh (all held)"]) - holds_before
        return route_end, open_now, cpu_mid, hold_draws, cpu_snapshot(cluster)

    watcher = asyncio.create_task(phases())
    await asyncio.gather(*(arrive(n, p) for n, p in enumerate(people)))
    route_end, open_now, cpu_mid, hold_draws, cpu_end = await watcher
    timings = people[0].timings
    route_draws = sum(len(v) for k, v in timings.items() if not k.startswith("phone refresh"))
    return Phases(errors, route_end - started, route_draws, open_now, hold_s, hold_draws,
                  cpu_used(cpu_start, cpu_mid), cpu_used(cpu_mid, cpu_end))


def cpu_snapshot(cluster: Cluster) -> dict[str, dict[int, int]]:
    """User + system CPU clock ticks so far of each process, by group (replica, haproxy, ...)."""
    snapshot: dict[str, dict[int, int]] = {}
    for name, group in process_groups(cluster).items():
        snapshot[name] = {}
        for pid in group:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                snapshot[name][pid] = int(fields[11]) + int(fields[12])
            except (OSError, IndexError):
                pass
    return snapshot


def cpu_used(before: dict[str, dict[int, int]], after: dict[str, dict[int, int]]) -> dict[str, float]:
    """CPU seconds each group used between two snapshots; a process that started in between
    (a new PostgreSQL backend) counts whole, one that ended in between is not seen."""
    ticks = os.sysconf("SC_CLK_TCK")
    return {name: sum(used - before.get(name, {}).get(pid, 0) for pid, used in pids.items()) / ticks
            for name, pids in after.items()}


def process_groups(cluster: Cluster) -> dict[str, list[int]]:
    groups = {name: [cluster.replica_pid(name)] for name in cluster.replica_names()}
    groups["haproxy"] = [int((cluster.run_dir / "haproxy.pid").read_text())]
    server_dir = (cluster.run_dir / "postgres.dir").read_text().strip()
    groups["postgres"] = [int(pid) for pid in os.listdir("/proc") if pid.isdigit()
                          and _is_postgres_of(int(pid), server_dir)]
    groups["load client"] = [os.getpid()]
    return groups


def _is_postgres_of(pid: int, server_dir: str) -> bool:
    """A postgres process of this cluster's server: its working directory is the data directory."""
    try:
        return os.readlink(f"/proc/{pid}/cwd").startswith(server_dir)
    except OSError:
        return False


@dataclass
class Outcome:
    replicas: int
    sessions: int
    held: int
    per_replica: dict[str, int]
    timings: dict[str, list[float]]
    phases: Phases


async def warm_up(cluster: Cluster, code: str) -> None:
    """One untimed route per replica first: each fills its content cache, as a running one has."""
    for replica in cluster.replica_names():
        person = Person(cluster.url, defaultdict(list))
        person.session.cookies.set(COOKIE, replica)
        try:
            await person_route(person, code, 0)
        finally:
            if person.socket is not None:
                await person.socket.close()


def measure(replicas: int, args) -> Outcome:
    with running_cluster(replicas=replicas) as cluster:
        if urlsplit(cluster.url).hostname != "127.0.0.1":
            raise SystemExit("the load goes to loopback only")
        store = open_store(cluster.database_url())
        content = read_content(DATA_DIR)
        room = open_session(store, "Load test",
                            questions_from_set(content, content.room_sets.sets[0].id))
        next_question(store, room.code, room.trainer_token, at_question=0)
        store.engine.dispose()
        asyncio.run(warm_up(cluster, room.code))
        timings: dict[str, list[float]] = defaultdict(list)
        people = [Person(cluster.url, timings) for _ in range(args.sessions)]
        phases = asyncio.run(asyncio.wait_for(
            run_load(people, room.code, args.ramp, args.hold, cluster),
            args.time_limit))
        per_replica: dict[str, int] = defaultdict(int)
        for person in people:
            per_replica[person.replica or "none"] += 1
        return Outcome(replicas, args.sessions, sum(not person.failed for person in people),
                       dict(per_replica), dict(timings), phases)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(outcomes: list[Outcome], args) -> None:
    print(f"\nTRD Map load: {args.sessions} sessions arriving within {args.ramp:g} s, then all held "
          f"open {args.hold:g} s; {os.cpu_count()} cores; load average now (other work on the "
          f"machine included): {os.getloadavg()[0]:.1f}\n")
    print("| replicas | sessions held | errors | page drawn p50 ms | p95 ms | route draws/s "
          "| held phones: refreshes/s | refresh p50/p95 ms | sessions per replica |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for o in outcomes:
        phases = o.phases
        route = [t for step, values in o.timings.items() if not step.startswith("phone refresh")
                 for t in values]
        held = o.timings.get("phone refresh (all held)", [])
        print(f"| {o.replicas} | {phases.held_open}/{o.sessions} open, {o.held} to the end | "
              f"{len(phases.errors)} | {percentile(route, .5):.0f} | {percentile(route, .95):.0f} | "
              f"{phases.route_draws / phases.route_seconds:.1f} | "
              f"{phases.hold_draws / phases.hold_seconds:.1f} | "
              f"{percentile(held, .5):.0f}/{percentile(held, .95):.0f} | "
              f"{', '.join(f'{k}: {v}' for k, v in sorted(o.per_replica.items()))} |")
    for o in outcomes:
        phases = o.phases
        print(f"\n{o.replicas} replica(s), drawn ms per step (p50 / p95 / count):")
        for step, values in o.timings.items():
            print(f"  {step:26s} {percentile(values, .5):7.0f} / {percentile(values, .95):7.0f} / "
                  f"{len(values)}")
        for name, cpu, seconds, draws in (
                ("route phase", phases.cpu_route, phases.route_seconds, phases.route_draws),
                ("hold phase", phases.cpu_hold, phases.hold_seconds, phases.hold_draws)):
            total = sum(cpu.values())
            print(f"  {name}: {seconds:.0f} s, {draws} server runs, {total / seconds:.2f} cores busy, "
                  f"{1000 * total / max(draws, 1):.0f} CPU ms per run; CPU s: "
                  + ", ".join(f"{group} {value:.2f}" for group, value in cpu.items()))
        for error in phases.errors[:5]:
            print(f"  error: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=60)
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--ramp", type=float, default=20.0, help="seconds over which people arrive")
    parser.add_argument("--hold", type=float, default=30.0, help="seconds each session is held")
    parser.add_argument("--time-limit", type=float, default=600.0, help="per replica count")
    args = parser.parse_args()
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be 1 to {MAX_SESSIONS}")
    report([measure(replicas, args) for replicas in args.replicas], args)


if __name__ == "__main__":
    main()
