"""What the commands print, as data or for people (JSON itself is written by factcheck.jsonout,
which the folder's listing uses too):

    plaintable   tables for a pipe: plain text, no terminal codes
    render       every command's tables and JSON, through one format switch (render.emit)
    extracted    the tables and JSON of `extract`
    matched      the tables and JSON of `match`

Rich is imported here only, never by the library below, and claim text never reaches Rich
markup (the console has markup off; styles go through Text objects).
"""
