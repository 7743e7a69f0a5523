"""A static page of the desk's verdicts: `factcheck report` (entries.py gathers, svg.py
draws, html.py and markdown.py write)."""
