"""JSON as factcheck writes it: bytes from the serializer to stdout, every character that a
terminal would act on escaped as JSON allows, and every way writing fails one OutputError.

Kept apart from output/ (tables, Rich) so that what only writes JSON need not load Rich.
"""

from __future__ import annotations

import errno
import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from factcheck.errors import OutputFailure

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from factcheck.model import Claim

# What JSON does not escape by itself (it does every character below 0x20), as UTF-8 bytes:
# DEL, C1 (U+0080-009F), U+202A-202E, U+2066-2069, and the invisible characters (zero-width,
# separators, tags: unicode.INVISIBLE).
# UTF-8 never has these byte sequences in another place.
_UNSAFE_IN_JSON = re.compile(
    rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae\x8b-\x8f\xa8\xa9]|\xe2\x81[\xa6-\xa9\xa0-\xa4]"
    rb"|\xd8\x9c|\xef\xbb\xbf|\xef\xbf[\xb9-\xbb]|\xf3\xa0[\x80\x81][\x80-\xbf]"
)
# The first byte of each sequence above. Counting a byte is a fast scan and running the pattern
# over a large output is not, so the pattern runs only where one of these bytes stands.
_UNSAFE_LEADS = (b"\x7f", b"\xc2", b"\xd8", b"\xe2", b"\xef", b"\xf3")


@functools.cache
def _any() -> TypeAdapter[Any]:
    # Made at first use, not at import: what only writes bytes it has needs no pydantic.
    from pydantic import TypeAdapter

    return TypeAdapter(Any)


class OutputError(OutputFailure):
    """Standard output could not take what was written: full disk, closed stream, closed pipe."""

    def __init__(self, reason: str, cut_short: bool = False) -> None:
        super().__init__(reason)
        self.cut_short = cut_short  # the reader went away (a closed pipe): not worth a message


F = TypeVar("F", bound=Callable[..., Any])


def writes_output(function: F) -> F:
    """Every way writing to stdout fails becomes one OutputError, never a traceback."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except OutputError:
            raise
        except BrokenPipeError:
            raise OutputError("output cut short: the reader closed the pipe", True) from None
        except OSError as error:
            reason = error.strerror or errno.errorcode.get(error.errno or 0, str(error))
            raise OutputError(f"cannot write output: {reason}") from None
        except (ValueError, AttributeError) as error:
            # A closed stdout (`>&-`) is None or a closed file, and says so only like this.
            if sys.stdout is None or getattr(sys.stdout, "closed", False):
                raise OutputError("cannot write output: standard output is closed") from None
            raise error

    return wrapper  # type: ignore[return-value]


def json_bytes(data: Any, indent: int | None = 2) -> bytes:
    """UTF-8 JSON with every unsafe character escaped as JSON allows (the value is unchanged).

    Kept in bytes from serializer to stdout: a large folder makes a large JSON, copied once.
    """
    return _escape_unsafe_json(_any().dump_json(data, indent=indent))


# Every byte but the control characters JSON escapes (all below 0x20 but the newline that
# indents it): deleting these leaves nothing from JSON that json_bytes wrote. bytes.translate
# runs over a 38 MB kept answer in 10 ms, where a regex search took 170 ms.
_NOT_CONTROL = bytes(b for b in range(256) if b >= 0x20 or b == 0x0A)


def made_by_json_bytes(raw: bytes) -> bool:
    """Whether `raw` holds nothing json_bytes would not have written: no control character
    (JSON escapes them), nothing it escapes as unsafe. A kept answer read back from the cache
    must pass this before it reaches a terminal."""
    return not raw.translate(None, _NOT_CONTROL) and _escape_unsafe_json(raw) is raw


def _escape_unsafe_json(raw: bytes) -> bytes:
    leads = [lead for lead in _UNSAFE_LEADS if lead in raw]
    candidates = sum(raw.count(lead) for lead in leads)
    if not candidates:
        return raw
    if candidates > len(raw) // 64:  # text in a script whose letters start so: scan it all
        return _UNSAFE_IN_JSON.sub(_json_escape, raw)
    starts = sorted(i for lead in leads for i in _offsets(raw, lead))
    pieces, done = [], 0
    for start in starts:
        match = _UNSAFE_IN_JSON.match(raw, start) if start >= done else None
        if match:
            pieces += [raw[done:start], _json_escape(match)]
            done = match.end()
    return b"".join([*pieces, raw[done:]]) if pieces else raw


def _offsets(raw: bytes, byte: bytes) -> Iterator[int]:
    found = raw.find(byte)
    while found != -1:
        yield found
        found = raw.find(byte, found + 1)


def _json_escape(match: re.Match[bytes]) -> bytes:
    code = ord(match.group().decode("utf-8"))
    if code > 0xFFFF:  # JSON writes a character beyond the BMP as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}".encode("ascii")
    return f"\\u{code:04x}".encode("ascii")


def html_safe(raw: bytes) -> bytes:
    """JSON that can sit inside an HTML <script> element: `<`, `>` and `&` written as \\u
    escapes (the value is unchanged), so that no claim text can close the element
    ("</script>") or open a comment, as every JSON-LD publisher writes it. Outside strings
    JSON has none of these characters, so replacing them everywhere is exact."""
    return raw.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")


@writes_output
def write_html_safe_json(data: Any) -> None:
    _write_bytes(html_safe(json_bytes(data)) + b"\n")


@writes_output
def write_html_safe_jsonl(items: Iterable[Any]) -> None:
    _write_bytes(b"".join(html_safe(json_bytes(i, indent=None)) + b"\n" for i in items))


def to_json(data: Any, indent: int | None = 2) -> str:
    return json_bytes(data, indent).decode("utf-8")


CHUNK = 1 << 20


def _write_bytes(data: bytes | memoryview) -> None:
    """Write it all or raise: a short write is an error, not a silent truncation."""
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:
        sys.stdout.write(bytes(data).decode("utf-8"))
        return
    sys.stdout.flush()
    view = memoryview(data)
    while view:
        written = binary.write(view[:CHUNK])
        if not written:
            raise OSError(errno.EIO, "short write to standard output")
        view = view[written:]
    binary.flush()


@writes_output
def write_bytes(data: bytes | memoryview) -> None:
    """JSON made earlier (a listing's, listing.py), as it is."""
    _write_bytes(data)


@writes_output
def write_json(data: Any) -> None:
    _write_bytes(json_bytes(data))
    _write_bytes(b"\n")  # apart: appending it would copy the whole output for one byte


@writes_output
def write_json_bytes(raw: bytes | memoryview) -> None:
    """JSON that json_bytes made earlier (kept in the cache), written as write_json would."""
    _write_bytes(raw)
    _write_bytes(b"\n")


@writes_output
def write_json_array(items: Iterable[Any]) -> None:
    """The bytes write_json would give for the list of `items`, written item by item: each
    is dumped inside a list of one, whose brackets are cut, so that its indentation is the
    list's."""
    opened = False
    for item in items:
        _write_bytes(b",\n" if opened else b"[\n")
        _write_bytes(memoryview(json_bytes([item]))[2:-2])  # a view: a topic's JSON not copied
        opened = True
    _write_bytes(b"\n]\n" if opened else b"[]\n")


def claims_json(claims: Sequence[Claim]) -> list[memoryview]:
    """Each claim's JSON exactly as it stands in `list --json`'s array, cut from one dump of
    them all (views into it, not copies)."""
    if not claims:
        return []
    dumped = json_bytes(list(claims))
    pieces = array_items(dumped, 2, len(dumped) - 2, 1)  # past "[\n", up to "\n]"
    if len(pieces) != len(claims):  # pragma: no cover - the layout above is pydantic's
        raise AssertionError("a claim's JSON did not split where items meet")
    return pieces


def array_items(dumped: bytes, start: int, end: int, depth: int) -> list[memoryview]:
    """The objects of a JSON array that json_bytes printed, between `start` and `end` (its
    items, without the brackets), each as it stands there (views, not copies). The array's
    items are indented `depth` levels: they meet at the only "}," that follows a line break
    and that indentation, since anything nested is indented deeper and a line break inside a
    string is written as \\n."""
    view, pieces = memoryview(dumped), []
    close = b"\n" + b"  " * depth + b"},\n"
    while (found := dumped.find(close, start, end)) >= 0:
        pieces.append(view[start : found + len(close) - 2])  # up to and with the "}"
        start = found + len(close)  # past "},\n": the next item's indentation and "{"
    pieces.append(view[start:end])
    return pieces


# Fragments written per batch: joining all of a large folder's at once builds one huge string
# for nothing.
FRAGMENTS_PER_WRITE = 1_000


@writes_output
def write_json_fragments(fragments: Sequence[bytes | memoryview]) -> None:
    """The bytes of write_json for the list whose items' JSON these are (claims_json)."""
    if not fragments:
        _write_bytes(b"[]\n")
        return
    _write_bytes(b"[\n")
    for start in range(0, len(fragments), FRAGMENTS_PER_WRITE):
        batch = fragments[start : start + FRAGMENTS_PER_WRITE]
        _write_bytes((b",\n" if start else b"") + b",\n".join(batch))
    _write_bytes(b"\n]\n")


# Lines of JSON Lines written per batch: `match --queries` of 100,000 lines wrote nothing until
# every query was matched (200 s before the first line); a script reading the stream may start
# at once.
LINES_PER_WRITE = 100


@writes_output
def write_jsonl(items: Iterable[Any]) -> None:
    batch: list[bytes] = []
    for item in items:
        batch.append(json_bytes(item, indent=None) + b"\n")
        if len(batch) == LINES_PER_WRITE:
            _write_bytes(b"".join(batch))
            batch = []
    if batch:
        _write_bytes(b"".join(batch))
