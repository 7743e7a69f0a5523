"""The `factcheck` command line: thin commands over the library, in layers.

    environment one run's state in one object: the global options' settings, the folders opened
    options     the options commands share
    folder      how a command gets the claims folder, and adds to it safely
    base        the Typer app, and the one error handler mapping problems to exit codes
    reading, validating, checking, comparing, adding, exchange, matching, extracting
                one module a group of commands, each registering on the app when imported
    main        the entry point: streams, global flags, the command modules a line needs

A module imports only from the layers above it in this list (tests/test_layering.py).
"""

from factcheck.cli.main import main

__all__ = ["main"]
