"""TRD Map benchmark: per-page script time and time-to-drawn, as ratios against bare Streamlit pages.

Run from the repository root:  .venv/bin/python -m bench.run [--runs 3] [--sessions 20]
It is a benchmark, not a test: it prints a table and never fails on a number.
Measures, in one run:
  script ms   median server time of a rerun (AppTest, content cache warm), frame + page;
  drawn ms    median browser time from navigation until the script finished and every plotly
              chart painted, in a fresh (cold) browser context, 1366x768;
  memory      server RSS growth per extra concurrent browser session on the map page.
Baselines: a bare one-line page and a page with one 100-point plotly chart, served and timed the
same way in the same run.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright
from streamlit.testing.v1 import AppTest

from components.navigation import HOME_PAGE_ID, PAGES
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, start_streamlit, stop_streamlit

ROOT = Path(__file__).resolve().parent.parent
BARE = "import streamlit as st\nst.write('hello')\n"
ONE_CHART = (
    "import plotly.express as px\nimport streamlit as st\n"
    "st.plotly_chart(px.line(x=list(range(100)), y=[i * i % 37 for i in range(100)]))\n"
)
DRAWN_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (!document.querySelector('[data-testid="stMain"] [data-testid="stElementContainer"]')) return false;
  if (document.querySelector('[data-testid="stMain"] [data-testid="stSkeleton"]')) return false;
  return [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .every(chart => chart.querySelector('.main-svg'));
}"""


def script_ms(app: AppTest, page_script: str | None, runs: int) -> float:
    app.run()
    if page_script:
        app.switch_page(page_script)
        app.run()  # first run on the page fills the caches
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        app.run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def drawn_ms(browser: Browser, url: str, runs: int) -> float:
    timings = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        tab = context.new_page()
        started = time.perf_counter()
        tab.goto(url)
        tab.wait_for_function(DRAWN_JS, timeout=60_000, polling=25)
        timings.append((time.perf_counter() - started) * 1000)
        context.close()
    return statistics.median(timings)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def memory_per_session_mb(browser: Browser, server_pid: int, url: str, sessions: int) -> float:
    contexts = []
    try:
        def open_session():
            context = browser.new_context()
            tab = context.new_page()
            tab.goto(url)
            tab.wait_for_function(DRAWN_JS, timeout=60_000)
            contexts.append(context)

        open_session()
        time.sleep(1)
        before = rss_mb(server_pid)
        for _ in range(sessions):
            open_session()
        time.sleep(2)
        return (rss_mb(server_pid) - before) / sessions
    finally:
        for context in contexts:
            context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sessions", type=int, default=20)
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="trd-bench-"))
    baselines = {"bare page": BARE, "one-chart page": ONE_CHART}
    scripts = {}
    for name, code in baselines.items():
        path = scratch / f"{name.replace(' ', '_').replace('-', '_')}.py"
        path.write_text(code)
        scripts[name] = path

    rows: list[tuple[str, float, float]] = []
    for name, path in scripts.items():
        rows.append((name, script_ms(AppTest.from_file(str(path)), None, args.runs), 0.0))
    for spec in PAGES:
        app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
        page_script = None if spec.id == HOME_PAGE_ID else spec.script
        rows.append((spec.id, script_ms(app, page_script, args.runs), 0.0))

    servers = {name: start_streamlit(path, scratch / f"{path.stem}.log") for name, path in
               scripts.items()}
    servers["app"] = start_streamlit(ROOT / "streamlit_app.py", scratch / "app.log")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=CHROMIUM_ARGS)
            drawn = {name: drawn_ms(browser, servers[name][1], args.runs) for name in scripts}
            for spec in PAGES:
                path = "" if spec.id == HOME_PAGE_ID else spec.id
                drawn[spec.id] = drawn_ms(browser, f"{servers['app'][1]}/{path}", args.runs)
            app_server, app_url = servers["app"]
            per_session = memory_per_session_mb(browser, app_server.pid, app_url, args.sessions)
            browser.close()
    finally:
        for server, _ in servers.values():
            stop_streamlit(server)

    bare_script = rows[0][1]
    chart_drawn = drawn["one-chart page"]
    print(f"TRD Map benchmark ({args.runs} runs each, medians; 1366x768 cold browser contexts)\n")
    print("| page | script ms | x bare script | drawn ms | x one-chart drawn |")
    print("|---|---:|---:|---:|---:|")
    for name, script, _ in rows:
        print(f"| {name} | {script:.1f} | {script / bare_script:.2f} | {drawn[name]:.0f} | "
              f"{drawn[name] / chart_drawn:.2f} |")
    print(f"\nServer memory growth per extra concurrent session ({args.sessions} sessions on the map "
          f"page): {per_session:.2f} MB")
    print("Targets: drawn <= 1.3x one-chart; rerun script < 50 ms; memory < 10 MB per session.")


if __name__ == "__main__":
    main()
