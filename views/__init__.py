"""Views of the graph: a self-contained interactive HTML graph and a summary report page.

>>> from phakhi.views import render_graph_view, render_report
"""
from phakhi.views.html import render_graph_view, write_graph_view
from phakhi.views.report import render_report, write_report

__all__ = ["render_graph_view", "write_graph_view", "render_report", "write_report"]
