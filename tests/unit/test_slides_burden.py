"""The onset-vs-burden slide keeps the sizes its names were placed for, so they stay apart."""
from __future__ import annotations

from components.charts import LABEL_FONT_PX
from components.onset_charts import BURDEN_HEIGHT_PX, make_onset_burden_figure
from components.schema.sources import short_citations
from components.slides import BURDEN_LEGEND_ABOVE_PX, build_slide, slide_number


def test_the_burden_slide_keeps_the_house_label_size_and_plot_height(content):
    figure = build_slide(content, slide_number(content, "onset-burden")).figure
    page = make_onset_burden_figure(content.treatments.options, content.treatments.rungs,
                                    short_citations(content.sources.sources))
    names = [a for a in figure.layout.annotations if a.showarrow]
    assert names and all(a.font.size == LABEL_FONT_PX for a in names)
    assert [(a.ax, a.ay) for a in names] == [(a.ax, a.ay) for a in page.layout.annotations
                                             if a.showarrow]
    # The legend moves beside the plot, so the plot keeps the page's height in a shorter figure.
    assert figure.layout.height == BURDEN_HEIGHT_PX - BURDEN_LEGEND_ABOVE_PX
    assert figure.layout.legend.orientation == "v" and figure.layout.legend.x > 1
    assert page.layout.legend.orientation == "h"
