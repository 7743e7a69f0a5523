"""Building many small objects at once, without the cyclic garbage collector in the way.

Loading a folder, or reading its listing, allocates hundreds of thousands of small acyclic
objects; each burst made the collector rescan everything already built, and one full
collection over a large folder's records took as long as reading them (docs/performance.md).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while records are built; afterwards, the objects
    built are frozen out of later collections, for the same reason."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()
