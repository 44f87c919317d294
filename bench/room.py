"""Training room benchmark: N participants as real Streamlit sessions answering one live session.

Run from the repository root:  .venv/bin/python -m bench.room [--participants 60] [--questions 2]
It is a benchmark, not a test: it prints a table and never fails on a number.

One `streamlit run` on 127.0.0.1 with a fresh SQLite database. The trainer's console (1366x768)
and the projector (1920x1080) are headless Chromium pages; the trainer's clicks move the session.
Each participant is a real Streamlit session driven over its websocket exactly as a phone's tab
drives it (see BrowserlessSession): it opens the join link, keeps ?p= when the page writes it,
reruns its question fragment whenever the server asks (run_every), and taps an answer button.
60 Chromium tabs would not fit beside the server on two cores; the server cannot tell the
difference, and the server is what is measured.

Measures, per question (answers spread over --spread seconds, a fifth of the room changing its
mind a moment later):
  answer -> projector   from a participant's tap being sent to the projector's chart title
                        (drawn by plotly in Chromium) counting that answer: the k-th answer to be
                        confirmed stored is matched with the first moment the chart shows k;
  question -> phones    from the trainer's click to every phone showing the new question;
  server memory         RSS growth of the server process per joined participant session;
  server CPU            CPU time of the server process while the room answers, per wall second;
  errors                refused or unconfirmed taps, exceptions drawn, lost websockets,
                        timeouts, and stored counts that differ from the answers sent.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.async_api import Page, async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, WebSocketException

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, start_streamlit, stop_streamlit

ROOT = Path(__file__).resolve().parent.parent
MAX_PARTICIPANTS = 200
SET_ID = "referral-criteria-20"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# The projector's chart title reads "N answers": note each change with the browser's clock.
WATCH_CHART_JS = """() => {
  window.__answerCounts = [];
  const read = () => {
    const title = document.querySelector('[data-testid="stPlotlyChart"] .gtitle');
    const match = title && title.textContent.match(/^(\\d+) answers?$/);
    if (!match) return;
    const seen = window.__answerCounts, count = Number(match[1]);
    if (!seen.length || seen[seen.length - 1][0] !== count) seen.push([count, Date.now()]);
  };
  new MutationObserver(read).observe(document.body,
                                     {subtree: true, childList: true, characterData: true});
  read();
}"""


class BrowserlessSession:
    """One real Streamlit session driven over its websocket, as a browser tab would drive it.

    It sends the frontend's BackMsgs (a rerun with the address's query string, a button press as a
    trigger, the auto-reruns a `st.fragment(run_every=…)` asks for), follows the address when the
    page writes st.query_params, and keeps what each run drew.
    """

    def __init__(self, base_url: str, page: str, query: str):
        self.base_url, self.page, self.query = base_url, page, query
        self.buttons: dict[str, tuple[str, str]] = {}  # user key -> (widget id, fragment id)
        self.texts: list[str] = []                     # text drawn by the latest run
        self.exceptions: list[str] = []
        self.lost: str | None = None                   # why the websocket went, if it did
        self._ws = None
        self._finished: asyncio.Queue = asyncio.Queue()
        self._turn = asyncio.Lock()  # one rerun at a time, as the frontend queues them
        self._tasks: list[asyncio.Task] = []
        self._auto_reruns: dict[str, asyncio.Task] = {}

    async def open(self, timeout: float) -> None:
        host = self.base_url.split("://", 1)[1]
        self._ws = await connect(f"ws://{host}/_stcore/stream", subprotocols=["streamlit"],
                                 origin=self.base_url, max_size=None, open_timeout=timeout)
        self._tasks.append(asyncio.create_task(self._receive()))
        await self.rerun(timeout=timeout)

    async def close(self) -> None:
        for task in [*self._tasks, *self._auto_reruns.values()]:
            task.cancel()
        if self._ws is not None:
            await self._ws.close()

    async def rerun(self, trigger: str | None = None, fragment_id: str = "", auto: bool = False,
                    timeout: float = 30) -> float:
        """Run the page (or one fragment), pressing the button whose key is `trigger`; returns
        the wall-clock time the request was sent."""
        async with self._turn:
            message = BackMsg()
            state = message.rerun_script
            state.query_string = self.query
            state.page_name = self.page
            state.context_info.url = f"{self.base_url}/{self.page}"
            state.context_info.timezone = "UTC"
            state.is_auto_rerun = auto
            if trigger is not None:
                widget_id, fragment_id = self.buttons[trigger]
                state.widget_states.widgets.add(id=widget_id, trigger_value=True)
            state.fragment_id = fragment_id
            if not fragment_id:
                self.buttons.clear()
            self.texts = []
            while not self._finished.empty():
                self._finished.get_nowait()
            sent = time.time()
            await self._ws.send(message.SerializeToString())
            await asyncio.wait_for(self._finished.get(), timeout)
            return sent

    async def _receive(self) -> None:
        try:
            async for data in self._ws:
                message = ForwardMsg()
                message.ParseFromString(data)
                kind = message.WhichOneof("type")
                if kind == "delta":
                    self._read_delta(message.delta)
                elif kind == "page_info_changed":
                    self.query = message.page_info_changed.query_string
                elif kind == "auto_rerun":
                    self._schedule(message.auto_rerun.interval, message.auto_rerun.fragment_id)
                elif kind == "script_finished":
                    if message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        self.texts = []  # a st.rerun(): what counts is the run that follows
                    else:
                        self._finished.put_nowait(message.script_finished)
        except (ConnectionClosed, WebSocketException) as error:
            self.lost = repr(error)

    def _read_delta(self, delta) -> None:
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        body = getattr(element, kind)
        if kind == "button":
            self.buttons[body.id.split("-", 2)[-1]] = (body.id, delta.fragment_id)
        elif kind == "exception":
            self.exceptions.append(body.message)
        elif kind in ("markdown", "alert", "heading", "text"):
            self.texts.append(body.body)

    def _schedule(self, interval: float, fragment_id: str) -> None:
        previous = self._auto_reruns.pop(fragment_id, None)
        if previous:
            previous.cancel()
        self._auto_reruns[fragment_id] = asyncio.create_task(self._every(interval, fragment_id))

    async def _every(self, interval: float, fragment_id: str) -> None:
        while self.lost is None:
            await asyncio.sleep(interval)
            try:
                await self.rerun(fragment_id=fragment_id, auto=True)
            except (TimeoutError, ConnectionClosed):
                return

    def choice_keys(self, number: int) -> list[str]:
        prefix = f"room_join_choice_{number}_"
        return sorted((k for k in self.buttons if k.startswith(prefix)),
                      key=lambda k: int(k.rsplit("_", 1)[1]))


# ---------------------------------------------------------------- server measures


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


# ---------------------------------------------------------------- the run


class Run:
    def __init__(self, args, base_url: str, server_pid: int, code: str, trainer: Page,
                 screen: Page):
        self.args, self.base_url, self.pid, self.code = args, base_url, server_pid, code
        self.trainer, self.screen = trainer, screen
        self.errors: list[str] = []
        self.latencies: list[float] = []
        self.propagation: list[float] = []
        self.cpu_percent: list[float] = []
        self.participants: list[BrowserlessSession] = []

    def error(self, what: str) -> None:
        if len(self.errors) < 1000:
            self.errors.append(what)

    async def join_all(self) -> None:
        gate = asyncio.Semaphore(8)  # joins in small waves, as a room scanning a QR code does

        async def join_one(index: int) -> None:
            phone = BrowserlessSession(self.base_url, "join", f"code={self.code}")
            async with gate:
                try:
                    await phone.open(timeout=60)
                except (TimeoutError, OSError, WebSocketException) as error:
                    self.error(f"participant {index} could not join: {error!r}")
                    return
            if "p=" not in phone.query or phone.exceptions:
                self.error(f"participant {index} joined without a participant token")
            self.participants.append(phone)

        await asyncio.gather(*(join_one(i) for i in range(self.args.participants)))
        progress(f"{len(self.participants)} participants joined")

    async def trainer_click(self, key: str) -> float:
        # The element drawn by the latest run: a fragment rerun can leave stale copies a moment.
        button = self.trainer.locator(f'.st-key-{key}[data-stale="false"] button').first
        await button.wait_for(timeout=60_000)
        clicked = time.time()
        await button.click()
        return clicked

    async def ask(self, number: int) -> None:
        asked = await self.trainer_click("room_next")
        progress(f"question {number} asked")
        # Watch from the new question's empty chart on, not the last question's full one.
        await self.screen.wait_for_function(
            """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .gtitle')]
                     .some(title => title.textContent === '0 answers')""", timeout=60_000)
        await self.screen.evaluate(WATCH_CHART_JS)
        deadline = time.monotonic() + 60

        async def sees_question(phone: BrowserlessSession) -> None:
            while not phone.choice_keys(number):
                if phone.lost or time.monotonic() > deadline:
                    self.error(f"a phone never showed question {number}")
                    return
                await asyncio.sleep(0.05)
            self.propagation.append(time.time() - asked)

        await asyncio.gather(*(sees_question(p) for p in self.participants))
        progress(f"question {number} on the phones")

    async def answer(self, number: int) -> tuple[list[float], list[int]]:
        """Every phone taps once within the spread; a fifth tap again. Returns first-tap times."""
        rng = random.Random(number)
        sent_times: list[tuple[float, float]] = []  # (tap sent, stored answer confirmed)
        chosen: list[int] = []

        async def tap(phone: BrowserlessSession, index: int) -> None:
            await asyncio.sleep(rng.uniform(0, self.args.spread))
            keys = phone.choice_keys(number)
            if not keys:
                return  # counted already: this phone never showed the question
            final = None
            for attempt, choice in enumerate(_taps(rng, len(keys))):
                try:
                    sent = await phone.rerun(trigger=keys[choice], timeout=30)
                except (TimeoutError, ConnectionClosed, KeyError) as error:
                    self.error(f"participant {index}: tap not answered ({error!r})")
                    break
                if not any(text.startswith("**Stored:**") for text in phone.texts):
                    self.error(f"participant {index}: tap not confirmed as stored")
                    break
                if attempt == 0:
                    sent_times.append((sent, time.time()))
                final = choice
                await asyncio.sleep(1.0)
            if final is not None:
                chosen.append(final)

        cpu_before, wall_before = cpu_seconds(self.pid), time.monotonic()
        await asyncio.gather(*(tap(p, i) for i, p in enumerate(self.participants)))
        progress(f"question {number}: {len(sent_times)} answers sent")
        await self.wait_for_projector(len(sent_times))
        self.cpu_percent.append(100 * (cpu_seconds(self.pid) - cpu_before)
                                / (time.monotonic() - wall_before))
        return sent_times, chosen

    async def wait_for_projector(self, count: int) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            seen = await self.screen.evaluate("() => window.__answerCounts")
            if seen and seen[-1][0] >= count:
                return
            await asyncio.sleep(0.1)
        self.error(f"the projector never showed {count} answers")

    async def measure(self, sent_times: list[tuple[float, float]]) -> None:
        """The k-th answer stored (in the order the phones had it confirmed) is on the projector
        once the chart first counts k answers."""
        seen = await self.screen.evaluate("() => window.__answerCounts")
        in_store_order = sorted(sent_times, key=lambda times: times[1])
        for rank, (sent, _) in enumerate(in_store_order, start=1):
            shown = next((at / 1000 for count, at in seen if count >= rank), None)
            if shown is not None:
                self.latencies.append(max(0.0, shown - sent))


def _taps(rng: random.Random, choices: int) -> list[int]:
    first = rng.randrange(choices)
    return [first, rng.randrange(choices)] if rng.random() < 0.2 else [first]


async def bench(args, base_url: str, server_pid: int, code: str, trainer_token: str,
                view_key: str) -> dict:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                   args=CHROMIUM_ARGS)
        trainer_context = await browser.new_context(viewport={"width": 1366, "height": 768})
        screen_context = await browser.new_context(viewport={"width": 1920, "height": 1080})
        trainer, screen = await trainer_context.new_page(), await screen_context.new_page()
        for page in (trainer, screen):
            page.set_default_timeout(60_000)
        await trainer.goto(f"{base_url}/room?code={code}&key={trainer_token}")
        await screen.goto(f"{base_url}/room-screen?code={code}&view={view_key}")
        for page in (trainer, screen):
            await page.wait_for_selector(IDLE, state="attached")
        progress("trainer console and projector open")
        run = Run(args, base_url, server_pid, code, trainer, screen)
        await asyncio.sleep(3)
        rss_before = rss_mb(server_pid)
        await run.join_all()
        await asyncio.sleep(3)
        rss_joined = rss_mb(server_pid)
        answered: list[tuple[int, list[int]]] = []
        for number in range(1, args.questions + 1):
            await run.ask(number)
            sent_times, chosen = await run.answer(number)
            await run.measure(sent_times)
            answered.append((number, chosen))
            await run.trainer_click("room_close")  # as a trainer does: one step, then look
            await trainer.wait_for_selector("text=Answers closed")
            await run.trainer_click("room_reveal")
            await trainer.wait_for_selector("text=Answer shown")
        rss_answered = rss_mb(server_pid)
        await run.trainer_click("room_end")
        await trainer.wait_for_selector("text=Summary")
        for phone in run.participants:
            run.errors += [f"exception drawn: {e}" for e in phone.exceptions]
            if phone.lost:
                run.error(f"websocket lost: {phone.lost}")
        await asyncio.gather(*(p.close() for p in run.participants))
        await browser.close()
    return {"run": run, "answered": answered, "rss": (rss_before, rss_joined, rss_answered)}


def stored_counts_match(code: str, trainer_token: str, answered) -> list[str]:
    """The database's counts against the choices the phones last made, question by question."""
    from components.room.service import get_store, session_summary

    problems = []
    summaries = {s.number: s for s in session_summary(get_store(), code, trainer_token)}
    for number, chosen in answered:
        expected = [chosen.count(i) for i in range(len(summaries[number].counts))]
        if list(summaries[number].counts) != expected:
            problems.append(f"question {number}: stored {list(summaries[number].counts)}, "
                            f"sent {expected}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=60)
    parser.add_argument("--questions", type=int, default=2)
    parser.add_argument("--spread", type=float, default=15.0,
                        help="seconds over which the room's first taps are spread")
    parser.add_argument("--timeout", type=float, default=600.0, help="whole run, seconds")
    args = parser.parse_args()
    if not 1 <= args.participants <= MAX_PARTICIPANTS:
        parser.error(f"--participants must be 1 to {MAX_PARTICIPANTS}")
    if not 1 <= args.questions <= 6:
        parser.error("--questions must be 1 to 6 (the ready set has six)")

    scratch = Path(tempfile.mkdtemp(prefix="trd-room-bench-"))
    os.environ["TRD_MAP_DATA_HOME"] = str(scratch / "var")
    os.environ.pop("TRD_MAP_DATABASE_URL", None)
    from components.content import read_content
    from components.room.service import get_store, open_session, questions_from_set
    from components.room_ui import screen_key

    content = read_content(ROOT / "data")
    questions = questions_from_set(content, SET_ID)[:args.questions]
    opened = open_session(get_store(), "Benchmark session", questions)
    server, base_url = start_streamlit(ROOT / "streamlit_app.py", scratch / "streamlit.log")
    started = time.monotonic()
    try:
        result = asyncio.run(asyncio.wait_for(
            bench(args, base_url, server.pid, opened.code, opened.trainer_token,
                  screen_key(opened.trainer_token)), args.timeout))
    finally:
        stop_streamlit(server)
    run: Run = result["run"]
    run.errors += stored_counts_match(opened.code, opened.trainer_token, result["answered"])
    before, joined, answered = result["rss"]
    n = max(1, len(run.participants))
    rows = [
        ("participants joined (+ trainer console and projector)",
         f"{len(run.participants)} of {args.participants}", f"{args.participants}"),
        ("errors", str(len(run.errors)), "0"),
        ("answer -> projector chart, p50", f"{statistics.median(run.latencies):.2f} s"
         if run.latencies else "-", ""),
        ("answer -> projector chart, p95", f"{percentile(run.latencies, 0.95):.2f} s"
         if run.latencies else "-", "<= 3 s"),
        ("answer -> projector chart, max", f"{max(run.latencies):.2f} s"
         if run.latencies else "-", ""),
        ("trainer's click -> question on every phone, p95",
         f"{percentile(run.propagation, 0.95):.2f} s" if run.propagation else "-", ""),
        ("server memory per participant session (joined)", f"{(joined - before) / n:.2f} MB",
         "<= 2 MB"),
        ("server memory per participant session (after answering)",
         f"{(answered - before) / n:.2f} MB", "<= 2 MB"),
        ("server RSS: before joins / joined / after answering",
         f"{before:.0f} / {joined:.0f} / {answered:.0f} MB", ""),
        ("server CPU while the room answers (mean per question)",
         f"{statistics.mean(run.cpu_percent):.0f}% of one core" if run.cpu_percent else "-", ""),
    ]
    print(f"Training room benchmark: {args.participants} participants, {args.questions} "
          f"question(s), first taps spread over {args.spread:g} s, {len(run.latencies)} answers "
          f"timed; {os.cpu_count()} cores; {time.monotonic() - started:.0f} s\n")
    print("| measure | value | target |")
    print("|---|---:|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    for line in run.errors[:20]:
        print(f"error: {line}")


if __name__ == "__main__":
    main()
