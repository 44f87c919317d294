"""Case discussions: placeholder until its issue fills it."""
from components.ui import render_coming_soon, render_page_header

render_page_header("Case discussions", "This page is part of TRD Map's first release.")
render_coming_soon("This page")
