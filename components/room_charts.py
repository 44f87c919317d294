"""Pure figure builder for the training room: the room's answers to one question as bars."""
from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from components.charts import LABEL_FONT_PX, apply_house_style, palette

# Bars sit one per choice, read from a projector at the back of a room: a tall row, big text.
ROW_PX = 78
CHOICE_WRAP_CHARS = 46  # a choice label wraps here so a long one does not squeeze the bars
ANSWER_FONT_PX = 22
# Okabe-Ito blue for every choice until the reveal; then the right answer stays blue and carries
# a tick in its label, and the others turn a grey that reads on both themes (colour is not the
# only sign).
CHOICE_COLOUR = palette()[0]
NOT_CORRECT_COLOUR = "#8a8f98"


@dataclass(frozen=True)
class AnswerRow:
    """One line of the chart's text equivalent: a choice and how many chose it."""

    letter: str
    choice: str
    answers: int
    share_percent: int
    correct: bool | None  # None until the answer is revealed


def choice_letter(index: int) -> str:
    """A, B, C…: what the room calls out and what the phone's buttons show."""
    return chr(ord("A") + index)


def answer_rows(choices: Sequence[str], counts: Sequence[int], correct_index: int | None
                ) -> list[AnswerRow]:
    """The chart as rows (for the table screen readers meet, and for the CSV of counts)."""
    if len(choices) != len(counts):
        raise ValueError(f"{len(counts)} counts for {len(choices)} choices")
    total = sum(counts)
    return [AnswerRow(choice_letter(i), choice, count,
                      round(100 * count / total) if total else 0,
                      None if correct_index is None else i == correct_index)
            for i, (choice, count) in enumerate(zip(choices, counts, strict=True))]


def chart_title(total: int) -> str:
    """The figure's title: the count a projector audience and the benchmark both read."""
    return f"{total} answer{'' if total == 1 else 's'}"


def make_answers_figure(choices: Sequence[str], counts: Sequence[int],
                        correct_index: int | None = None) -> go.Figure:
    """Horizontal bars, one per choice in the question's order (A at the top).

    `correct_index` is None while the question is open or closed but not yet revealed: every bar
    then has the same colour, so the chart cannot give the answer away on the projector.
    """
    rows = answer_rows(choices, counts, correct_index)
    labels = []
    for row in rows:
        mark = " ✓" if row.correct else ""
        wrapped = "<br>".join(textwrap.wrap(row.choice, CHOICE_WRAP_CHARS)) or row.choice
        labels.append(f"<b>{row.letter}{mark}</b>  {wrapped}")
    colours = [CHOICE_COLOUR if row.correct is not False else NOT_CORRECT_COLOUR for row in rows]
    figure = go.Figure(go.Bar(
        x=[row.answers for row in rows], y=labels, orientation="h", marker_color=colours,
        text=[f"{row.answers} ({row.share_percent}%)" for row in rows], textposition="outside",
        textfont={"size": ANSWER_FONT_PX}, cliponaxis=False,
        hovertemplate="%{y}<br>%{x} answers<extra></extra>",
    ))
    apply_house_style(figure, title=chart_title(sum(counts)),
                      height=max(260, 90 + ROW_PX * len(rows)))
    top = max(counts, default=0)
    figure.update_layout(title_font_size=26, bargap=0.25, showlegend=False)
    # Room to the right of the longest bar for its "n (p%)" text; whole numbers only.
    figure.update_xaxes(range=[0, max(1, top) * 1.3], dtick=max(1, -(-top // 5)), title=None,
                        showgrid=True, zeroline=True)
    figure.update_yaxes(autorange="reversed", tickfont_size=LABEL_FONT_PX + 4)
    return figure
