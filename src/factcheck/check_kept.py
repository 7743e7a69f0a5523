"""`check`'s answer for a folder, as the command prints it: brought up to date from the parts
kept before an edit of a few files (check_parts.py), kept for the folder as it is
(Folder.remembered), or computed (issue 29). The answer kept is b"1" or b"0" (a verdict that
fails, or none) then the report's JSON as `--json` prints it; it is read back only when it is
JSON that json_bytes could have written and, where a table is drawn from it, a report that
pydantic validates (docs/cache.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck import jsonout

if TYPE_CHECKING:
    from factcheck.checks import CheckFilter, CheckReport
    from factcheck.choices import Verdict
    from factcheck.folder.access import Folder
    from factcheck.folder.store import Corpus


@dataclass(frozen=True)
class Answer:
    failed: bool
    report_json: memoryview  # as `check --json` prints it
    report: CheckReport | None  # parsed, when asked for


def answer(folder: Folder, check_filter: CheckFilter, failing: list[Verdict], drafts: bool,
           parsed: bool) -> Answer:  # fmt: skip
    """The check report for the folder, filtered, failing on these verdicts (and on drafts'
    when `drafts`); the report parsed too when `parsed` (for a table or CSV)."""
    reports: list[CheckReport] = []  # computed now, or read back from what was kept
    everything = not check_filter.topics and not check_filter.claim_ids

    def after_edit() -> bytes | None:
        from factcheck import check_parts
        from factcheck.checks import CheckReport

        found = check_parts.after_edit(folder, failing, drafts, check_filter)
        if found is None:
            return None
        failed, printed = found
        if parsed:
            reports.append(CheckReport.model_validate_json(printed))
        return (b"1" if failed else b"0") + printed

    kept = folder.remembered(
        "check", _question(check_filter, failing, drafts),
        lambda corpus: _checked(corpus, check_filter, failing, drafts, reports,
                                folder if everything else None),
        _sound(parsed, reports), after_edit,
    )  # fmt: skip
    return Answer(kept[:1] == b"1", memoryview(kept)[1:], reports[-1] if parsed else None)


def _question(check_filter: CheckFilter, failing: list[Verdict], drafts: bool) -> bytes:
    """What shapes the answer besides the folder: the key it is kept under."""
    return json.dumps([check_filter.topics, check_filter.claim_ids, failing, drafts]).encode()


def _sound(parsed: bool, reports: list[CheckReport]) -> Callable[[bytes], bool]:
    """Whether a kept answer may be used: a verdict flag, then JSON that json_bytes could have
    written (nothing a terminal would obey); when it is to be parsed, a report that parses."""

    def sound(kept: bytes) -> bool:
        from pydantic import ValidationError

        from factcheck.checks import CheckReport

        if kept[:1] not in (b"0", b"1") or not jsonout.made_by_json_bytes(kept[1:]):
            return False
        if parsed:
            try:
                reports.append(CheckReport.model_validate_json(kept[1:]))
            except ValidationError:
                return False
        return True

    return sound


def _checked(corpus: Corpus, check_filter: CheckFilter, failing: list[Verdict], drafts: bool,
             reports: list[CheckReport], keep_parts: Folder | None) -> bytes:  # fmt: skip
    """The answer for the loaded folder; an unfiltered report's parts kept in `keep_parts`,
    for the next run after an edit."""
    from factcheck import check_parts
    from factcheck.checks import run_checks
    from factcheck.folder import query

    query.require_known(corpus, topics=check_filter.topics)
    for claim_id in check_filter.claim_ids:
        query.require_claim(corpus, claim_id)
    report = run_checks(corpus, check_filter, failing, drafts_fail=drafts)
    reports.append(report)
    printed = jsonout.json_bytes(report)
    if keep_parts is not None:
        check_parts.keep(keep_parts, corpus, report, printed)
    return (b"1" if report.failed else b"0") + printed
