"""TRD Map export benchmark: seconds to build the longest ready talk as PowerPoint and PDF, and the handout PDF.

Run from the repository root:  .venv/bin/python -m bench.export [--runs 5]
It is a benchmark, not a test: it prints a table and never fails on a number.
Each file is built once to warm imports and the content, then `--runs` times; the table shows the
median and slowest wall-clock seconds against the targets (PPTX < 2 s, talk PDF < 5 s), and the
median CPU seconds of this process, which other work on a shared machine does not inflate.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

from components.content import content_data_dir, read_content
from components.exports import handout_pdf, talk_pdf, talk_pptx
from components.exports.deck import build_deck
from components.talks import ready_talks

TARGETS_S = {"PowerPoint": 2.0, "PDF, A4": 5.0, "PDF, US Letter": 5.0}


def seconds(build: Callable[[], bytes], runs: int) -> tuple[float, float, float, int]:
    """Median and slowest wall time and median CPU time of `runs` builds after a warm-up, in
    seconds, and the file's size in bytes."""
    size = len(build())
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        build()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall), max(wall), statistics.median(cpu), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    content = read_content(content_data_dir())
    talk = max(ready_talks(content), key=lambda t: len(t.items))
    line = content.frame.crisis_line.text
    builds: dict[str, Callable[[], bytes]] = {
        "PowerPoint": lambda: talk_pptx(content, talk, line),
        "PDF, A4": lambda: talk_pdf(content, talk, line, "A4"),
        "PDF, US Letter": lambda: talk_pdf(content, talk, line, "Letter"),
        "Handout PDF, A4": lambda: handout_pdf(content, line, "A4"),
    }
    print(f"TRD Map export benchmark: “{talk.title}”, {build_deck(content, talk).pages} slides "
          f"({args.runs} runs each after a warm-up)\n")
    print("| file | median s | slowest s | target s | median CPU s | size kB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, build in builds.items():
        median, slowest, cpu, size = seconds(build, args.runs)
        target = TARGETS_S.get(name)
        print(f"| {name} | {median:.2f} | {slowest:.2f} | {f'< {target:g}' if target else '-'} | "
              f"{cpu:.2f} | {size / 1024:.0f} |")
    print(f"\nLoad average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs.")
    print("The app builds each file once per content version, talk, crisis line and paper "
          "(components/export_ui.py), so these are first-download times.")


if __name__ == "__main__":
    main()
