"""Runs the programs side by side, interleaved, and reports medians against the floor.

Interleaving (round 1: every program, round 2: every program, …, in a shuffled
order each round) spreads a busy moment of a shared machine over all of them
instead of one.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from bench.measure import Run, measure
from bench.programs import FLOOR, POSTURE_BREAK, Program

FIGURES = (
    ("to_tray_s", "start to tray", "{:.2f} s"),
    ("rss_mb", "RSS", "{:.0f} MB"),
    ("pss_mb", "PSS", "{:.1f} MB"),
    ("cpu_s", "idle CPU", "{:.2f} s"),
    ("wakeups", "wake-ups", "{:.0f}"),
)


@dataclass
class Comparison:
    """Every run of every program, in the order measured."""

    idle_seconds: float
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def median(self, label: str, figure: str) -> float:
        return statistics.median(run.as_dict()[figure] for run in self.runs[label])

    def spread(self, label: str, figure: str) -> tuple[float, float]:
        values = [run.as_dict()[figure] for run in self.runs[label]]
        return min(values), max(values)

    def as_dict(self) -> dict[str, object]:
        return {
            "idle_seconds": self.idle_seconds,
            "runs": {label: [run.as_dict() for run in runs] for label, runs in self.runs.items()},
            "medians": {
                label: {figure: self.median(label, figure) for figure, _, _ in FIGURES}
                for label in self.runs
            },
        }


def compare(programs: Sequence[Program], rounds: int, idle_seconds: float) -> Comparison:
    comparison = Comparison(idle_seconds, {program.label: [] for program in programs})
    order = list(programs)
    for program in order:  # a warm-up run each, not counted: byte-code and disk caches filled
        print(f"  warm-up: {program.label}: {measure(program, 0)}", flush=True)
    shuffle = random.Random(20261128)
    for round_number in range(1, rounds + 1):
        shuffle.shuffle(order)
        for program in order:
            run = measure(program, idle_seconds)
            comparison.runs[program.label].append(run)
            print(f"  round {round_number}: {program.label}: {run}", flush=True)
    return comparison


def _ratios(comparison: Comparison, label: str, against: str) -> str:
    start, pss = (
        comparison.median(label, figure) / comparison.median(against, figure)
        for figure in ("to_tray_s", "pss_mb")
    )
    return f"{start:.2f}x start, {pss:.2f}x PSS"


def table(comparison: Comparison) -> str:
    """Medians (min-max) per program, then each against the floor, and Posture Break
    against each."""
    header = "| | " + " | ".join(title for _, title, _ in FIGURES) + " |"
    lines = [header, "|" + " --- |" * (len(FIGURES) + 1)]
    for label in comparison.runs:
        cells = []
        for figure, _, shape in FIGURES:
            low, high = comparison.spread(label, figure)
            median = shape.format(comparison.median(label, figure))
            cells.append(f"{median} ({shape.format(low)}-{shape.format(high)})")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    for label, runs in comparison.runs.items():
        ready = sorted(run.ready_s for run in runs if run.ready_s is not None)
        if ready:
            lines.append("")
            lines.append(
                f"{label} ready (menu built, reminders scheduled; from its log): "
                f"{statistics.median(ready):.2f} s ({ready[0]:.2f} s-{ready[-1]:.2f} s)"
            )
    if FLOOR.label in comparison.runs:
        lines += ["", f"Against the {FLOOR.label}, start to tray and PSS (medians):"]
        lines += [
            f"- {label}: {_ratios(comparison, label, FLOOR.label)}" for label in comparison.runs
        ]
    if POSTURE_BREAK.label in comparison.runs:
        lines += ["", f"{POSTURE_BREAK.label} against each, start to tray and PSS (medians):"]
        lines += [
            f"- {label}: {_ratios(comparison, POSTURE_BREAK.label, label)}"
            for label in comparison.runs
            if label != POSTURE_BREAK.label
        ]
    return "\n".join(lines)
