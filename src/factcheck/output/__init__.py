"""What the commands print, as data or for people (JSON itself is written by factcheck.jsonout,
which the folder's listing uses too):

    terminal     the Rich console (markup off), text made safe to show, tables, CSV, the
                 pager, notes and errors
    plaintable   long tables for a pipe: plain text, no terminal codes, linear in the text
    render       the one format switch (emit: a table, JSON, JSONL or CSV), problems and
                 `validate`'s summary, and what the views below share
    claim_views  `list`, `topics` and `show`
    verdicts     `check` and `calc`
    conflicts    `compare`
    extracted    `extract`
    matched      `match`

Rich is imported here only, never by the library below, and claim text never reaches Rich
markup (the console has markup off; styles go through Text objects).
"""
