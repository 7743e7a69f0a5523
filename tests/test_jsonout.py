"""JSON as factcheck writes it (jsonout.py): each claim's piece of `list --json`, and the
pieces written back as the whole."""

from __future__ import annotations

import io
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import jsonout
from factcheck.model import Claim


def claim(n: int, text: str) -> Claim:
    return Claim.model_validate(
        {"id": f"c-{n}", "text": text, "speaker": "Kim Lee", "topics": ["t"],
         "quantities": {"n": {"value": "4,561", "unit": text[:20] or None}}}
    )  # fmt: skip


def written(write, *args) -> bytes:
    buffer = io.BytesIO()

    class Out:
        def __init__(self) -> None:
            self.buffer = buffer

        def write(self, text: str) -> None:
            buffer.write(text.encode())

        def flush(self) -> None:
            pass

    saved, sys.stdout = sys.stdout, Out()
    try:
        write(*args)
    finally:
        sys.stdout = saved
    return buffer.getvalue()


# Text that looks like the place where two items meet, and the characters JSON escapes.
TEXTS = st.text(alphabet=st.sampled_from(list('\n  },{"\\\u2028\u202e\x7fa\u00e9')), max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXTS.filter(str.strip), max_size=6))
def test_pieces_written_back_are_the_whole(texts):
    claims = [claim(n, text) for n, text in enumerate(texts)]
    pieces = jsonout.claims_json(claims)
    assert len(pieces) == len(claims)
    whole = written(jsonout.write_json, claims)
    assert written(jsonout.write_json_fragments, pieces) == whole
    for one, piece in zip(claims, pieces, strict=True):
        assert bytes(piece) == jsonout.json_bytes([one])[2:-2]


def test_many_pieces_are_written_in_batches_as_one_list():
    claims = [claim(n, f"Text {n}") for n in range(jsonout.FRAGMENTS_PER_WRITE + 5)]
    pieces = jsonout.claims_json(claims)
    assert written(jsonout.write_json_fragments, pieces) == written(jsonout.write_json, claims)


def test_json_lines_are_written_as_they_come(monkeypatch):
    """match --queries wrote nothing until every query was matched (issue 31)."""
    from factcheck import jsonout

    written: list[bytes] = []
    monkeypatch.setattr(jsonout, "_write_bytes", lambda data: written.append(bytes(data)))

    def items():
        for n in range(250):
            if n == jsonout.LINES_PER_WRITE + 1:
                assert written, "no line was written before the rest were made"
            yield {"n": n}

    jsonout.write_jsonl(items())
    assert b"".join(written).count(b"\n") == 250 and len(written) == 3


@given(st.binary(max_size=64))
def test_made_by_json_bytes_refuses_every_control_character_but_the_newline(raw):
    has_control = any(b < 0x20 and b != 0x0A for b in raw)
    if has_control:
        assert not jsonout.made_by_json_bytes(raw)


def test_made_by_json_bytes_takes_what_json_bytes_wrote_and_nothing_a_terminal_obeys():
    printed = jsonout.json_bytes({"text": "tab\there, bell\x07, escape\x1b[31m"})
    assert b"\n" in printed
    assert jsonout.made_by_json_bytes(printed)
    for control in [*range(0x0A), *range(0x0B, 0x20)]:
        assert not jsonout.made_by_json_bytes(printed[:-2] + bytes([control]) + printed[-2:])
    assert not jsonout.made_by_json_bytes(b'{"text": "\xe2\x80\xae"}')  # right-to-left override
