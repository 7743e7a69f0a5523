"""A claims folder as a command asks for it: the one way in for every command that reads one.

A command says what it wants (the whole corpus, the claims as `list` shows them, one claim's
view, the topics, what `validate` says) and the Folder chooses the cheapest way to answer from
what the cache holds: the listing stored for a folder unchanged since a clean load, that
listing brought up to date after an edit of a few files, or a load of the folder (store.py).
The choice was written out in each command; it lives here, once, so that a new command gets
it by asking. Nothing here imports typer or rich.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from factcheck.filters import ClaimFilter, Listable
    from factcheck.folder.cache import Cache
    from factcheck.folder.listing import Listing, Stored
    from factcheck.folder.problems import Problem
    from factcheck.folder.query import ClaimView, TopicCount
    from factcheck.folder.store import Corpus, Summary
    from factcheck.model import Claim

STDIN = "-"
# How `list` shows claims: each one's JSON, a table's rows, or whole records (CSV, JSON Lines).
Shape = Literal["json", "rows", "records"]


@dataclass(frozen=True)
class ClaimsListed:
    """What `list` shows: each claim's JSON, where it was kept or made already (`json`, in
    order), and the claims as a table shows them (rows of the listing, or claims loaded)."""

    json: list[memoryview] | None
    claims: Sequence[Listable]


@dataclass
class Folder:
    """`where`: a claims folder, one .toml file, or "-" for one document on `stdin`.
    `cache`: None when the cache is off (--no-cache) or cannot be used."""

    where: str
    cache: Cache | None = None
    stdin: bytes | None = None
    _corpus: Corpus | None = field(default=None, repr=False)
    # A listing to keep once the answer is written (settle): the corpus loaded, each claim's
    # JSON when `list --json` made it already, and its claims in `list` order when all listed.
    _unlisted: tuple[Corpus, dict[str, memoryview] | None, list[Claim] | None] | None = field(
        default=None, repr=False
    )
    _listing: Listing | None = field(default=None, repr=False)
    # The state kept_for_state found the folder in (None: changed since a clean load).
    _found_state: bytes | None = field(default=None, repr=False)

    @classmethod
    def named(cls, where: str, cached: bool = True) -> Folder:
        """The folder (or file) at `where`, with the user's cache unless `cached` is off or
        there is no place for one (no home: docs/cache.md)."""
        if not cached:
            return cls(where, None)
        from factcheck.folder.cache import users_cache

        return cls(where, users_cache())

    @property
    def loaded(self) -> Corpus | None:
        """The corpus, if an answer needed the folder loaded; None if the cache answered."""
        return self._corpus

    @property
    def root(self) -> Path:
        return Path(self.where)

    @property
    def listable(self) -> bool:
        """A folder named, not standard input, with the cache on: what a listing is kept for."""
        return self.where != STDIN and self.cache is not None

    def corpus(self) -> Corpus:
        """Every record, validated; records with problems left out and named in the corpus's
        `left_out` (store.load with keep_going). Loaded once, however often asked."""
        if self._corpus is None:
            from factcheck.folder.store import STDIN as SHOWN_STDIN
            from factcheck.folder.store import load, load_document

            if self.where == STDIN:
                self._corpus = load_document(SHOWN_STDIN, self.stdin or b"", keep_going=True)
            else:
                self._corpus = load(self.root, self.cache, keep_going=True)
        return self._corpus

    def stored_listing(self) -> Stored | None:
        """The listing kept for this folder, when not a byte of it changed since a clean
        load (what `list --json` prints as stored bytes); None otherwise."""
        from factcheck.folder import listing

        return listing.from_cache(self.root, self.cache) if self.listable else None

    def listing(self, stored: Stored | None = None) -> Listing | None:
        """The folder's claims as `list` filters and shows them, from its listing: unchanged,
        or brought up to date after an edit of a few files; None when it must be loaded.
        Read once a run (a command that shows five claims asks five times)."""
        from factcheck.folder import listing

        if not self.listable:
            return None
        if self._listing is None:
            stored = stored if stored is not None else self.stored_listing()
            self._listing = (
                stored.claims() if stored is not None
                else listing.after_edit(self.root, self.cache)
            )  # fmt: skip
        return self._listing

    def listed_claims(self) -> Iterable[Listable]:
        """The claims to count or filter: from the listing when it can, else loaded."""
        listed = self.listing()
        return listed.claims if listed is not None else self._loaded_and_listed().claims.values()

    def claim_view(self, claim_id: str) -> ClaimView:
        """One claim with its source, rating, figures and what disputes it: from its file's
        cache entry when the listing can say where it is, else from the loaded folder."""
        from factcheck.folder import query

        listed = self.listing()
        if listed is not None:
            view = query.listed_claim_view(self.root, self.cache, listed, claim_id)
            if view is not None:
                return view
        return query.claim_view(self._loaded_and_listed(), claim_id)

    def _loaded_and_listed(self) -> Corpus:
        """The folder loaded where its listing could not answer, and its listing kept when
        that would serve the next run: without it, `show` and `topics` on a cache they
        filled themselves loaded the folder every time, since only `list` kept a listing
        (docs/performance.md)."""
        corpus = self.corpus()
        if self.worth_a_listing(corpus):
            self._unlisted = (corpus, None, None)  # kept once the answer is written: settle
        return corpus

    def listed(
        self, wanted: ClaimFilter, shape: Literal["json", "rows", "records"]
    ) -> ClaimsListed:
        """What `list` shows for this filter, as `json` (each claim's JSON), table `rows` or
        whole `records` (CSV, JSON Lines): from the listing kept for the folder when it can
        (the JSON as printed last time, cut from the listing, never parsed; or its rows),
        else from the folder loaded, whose listing is then kept for the next run (settle).
        The listing keeps no draft mark, nor whole records: those load the folder. Raises
        UnknownValue for a filter value no record has."""
        from factcheck import filters

        as_json = shape == "json"
        if shape == "records" or wanted.drafts:
            return self._listed_loaded(wanted, as_json, keep=False)
        stored = self.stored_listing()
        if stored is not None and as_json and wanted.is_everything():
            fragments = stored.fragments()
            if fragments is not None:
                return ClaimsListed(fragments, [])
        listed = self.listing(stored)
        if listed is not None:
            filters.require_known_among(listed.claims, listed.sources, listed.ratings,
                                        wanted.topics, wanted.speaker, wanted.source,
                                        wanted.rating)  # fmt: skip
            chosen = filters.listed_in_order(listed.claims, wanted)
            return ClaimsListed([c.json for c in chosen] if as_json else None, chosen)
        return self._listed_loaded(wanted, as_json, keep=True)

    def _listed_loaded(self, wanted: ClaimFilter, as_json: bool, keep: bool) -> ClaimsListed:
        from factcheck.folder import listing, query

        corpus = self.corpus()
        query.require_known(corpus, wanted.topics, wanted.speaker, wanted.source, wanted.rating)
        kept = query.list_claims(corpus, wanted)
        if not (keep and self.worth_a_listing(corpus)):
            return ClaimsListed(None, kept)
        fragments = listing.claims_json_by_id(corpus) if as_json else None  # a table: at settle
        every = len(kept) == len(corpus.claims)  # then `kept` is all of them, in list order
        self._unlisted = (corpus, fragments, kept if every else None)
        return ClaimsListed(None if fragments is None else [fragments[c.id] for c in kept], kept)

    def settle(self) -> None:
        """What serves the next run, done once this one's answer is written (the command
        line calls it after the command): the listing of a folder loaded for `list`, `show`
        or `topics`, which costs what keeping a first `list`'s listing costs
        (docs/performance.md)."""
        unlisted, self._unlisted = self._unlisted, None
        if unlisted is not None and unlisted[0] is self._corpus:
            from factcheck.folder import listing

            corpus, fragments, in_order = unlisted
            fragments = fragments if fragments is not None else listing.claims_json_by_id(corpus)
            listing.remember(corpus, fragments, self.cache, in_order)

    def topic_counts(self) -> list[TopicCount]:
        from factcheck.folder import query

        return query.topic_counts(self.listed_claims())

    def summary(self) -> Summary:
        """What `validate` says of a valid folder, or a ClaimsError naming every problem:
        strict, unlike corpus(); from the cache's record of a clean load when it can."""
        from factcheck.folder.store import Summary, load, load_document

        if self.where == STDIN:
            return Summary.of(load_document("<stdin>", self.stdin or b""))
        if self.cache is None:
            return Summary.of(load(self.root))
        from factcheck.folder.listing import summarise

        return summarise(self.root, self.cache)

    def worth_a_listing(self, corpus: Corpus) -> bool:
        """Whether a listing of this load would serve the next run (listing.worth_remembering)."""
        from factcheck.folder import listing

        return self.listable and listing.worth_remembering(corpus)

    def derived(self, kind: str, key: bytes) -> memoryview | None:
        """What a command derived from the folder's records and kept under `key` (match's
        index); None when there is none, the cache is off, or the claims came on stdin."""
        if self.cache is None or self.where == STDIN:
            return None
        return self.cache.get_derived(self.root, kind, key)

    def keep_derived(self, kind: str, key: bytes, pieces: Sequence[bytes | memoryview]) -> None:
        if self.cache is not None and self.where != STDIN:
            self.cache.put_derived(self.root, kind, key, pieces)

    def remembered(self, kind: str, question: bytes, answer: Callable[[Corpus], bytes],
                   sound: Callable[[bytes], bool],
                   unloaded: Callable[[], bytes | None] | None = None) -> bytes:  # fmt: skip
        """The answer to a question about the records (`answer` of the loaded folder, as
        bytes), kept per state of the folder: when not a byte of it changed since a clean
        load that answered the same question, the kept answer, and the folder is not loaded;
        else what `unloaded` answers without loading it (None: it cannot); else computed, and
        kept under the state of the bytes it was computed from, when the folder loaded
        cleanly. A kept answer is checked like every entry (its checksum, its key) and must
        be `sound`, else it is computed again (docs/cache.md)."""
        if not self.listable:
            return answer(self.corpus())
        kept = self.kept_for_state(kind, question)
        if kept is not None and sound(bytes(kept)):
            return bytes(kept)
        found = unloaded() if unloaded is not None else None
        if found is not None:
            return found
        corpus = self.corpus()
        result = answer(corpus)
        self.keep_for_state(kind, question, corpus, [result])
        return result

    def kept_for_state(self, kind: str, question: bytes) -> memoryview | None:
        """What was kept for this question when the folder was last found in the state it
        is in now, not a byte changed since a clean load; None otherwise (and the state found
        is remembered for keep_for_state)."""
        if not self.listable:
            return None
        from factcheck.folder.cache import unchanged_since_clean

        before = unchanged_since_clean(self.root, self.cache)
        self._found_state = before.state if before is not None else None
        if before is None:
            return None
        return self.derived(kind, _question_key(before.state, question))

    def keep_for_state(self, kind: str, question: bytes, corpus: Corpus,
                       pieces: Sequence[bytes | memoryview]) -> None:  # fmt: skip
        """Keep an answer computed from `corpus` under the state of the bytes it was loaded
        from, when it loaded cleanly, and only if that is the state the folder was found in
        by kept_for_state, when it was found in one."""
        state = corpus.state
        found = self._found_state
        if state is not None and (found is None or state == found):
            self.keep_latest(kind, question, _question_key(state, question), pieces)

    def latest(self, kind: str, question: bytes) -> bytes | None:
        """The key of what was kept last for this question about this folder (keep_latest),
        whatever state of the folder it was made for."""
        pointer = self.derived("last", _latest_key(self.root, kind, question))
        return None if pointer is None or len(pointer) != LATEST_KEY_SIZE else bytes(pointer)

    def keep_latest(self, kind: str, question: bytes, key: bytes,
                    pieces: Sequence[bytes | memoryview] | None) -> None:  # fmt: skip
        """Keep `pieces` under `key` (None: kept there already) as the folder's one answer
        of this kind to this question: the one kept for another state of the folder goes.
        Each edit had left one more behind, and at 50k claims match's index is 37 MB: four
        edits made the cache 8x the folder (docs/cache.md). An edit undone computes its
        answer again, brought up to date from the latest where the command can."""
        if self.cache is None or self.where == STDIN:
            return
        before = self.latest(kind, question)
        if pieces is not None:
            self.keep_derived(kind, key, pieces)
        if before != key:
            self.keep_derived("last", _latest_key(self.root, kind, question), [key])
            if before is not None:
                self.cache.drop_derived(kind, before)

    def add(self, target: Path, text: str, before: Sequence[Problem] = ()) -> None:
        """Append records to a claims file of the folder, checked first: if the folder, loaded
        as it would be, has a problem it did not have `before`, it is raised (ClaimsError) and
        nothing is written. A file that has problems itself is not added to. Writers take the
        folder's lock for all of it, so that two commands adding at once never lose each
        other's records; a write that fails is an OutputFailure, and nothing is changed."""
        from factcheck.folder import records
        from factcheck.folder.discovery import shown
        from factcheck.folder.problems import ClaimsError, Problem

        own = [p for p in before if p.path == shown(target)]
        if own:
            refusal = Problem(shown(target), "has the problems above; fix them before adding "
                              "to it, or name another file (nothing was written)")  # fmt: skip
            raise ClaimsError([*own, refusal])
        self._checked(target, lambda original: records.appended(original, text), before)

    def edit(
        self, target: Path, change: Callable[[str], str], before: Sequence[Problem] = ()
    ) -> None:
        """Rewrite a claims file of the folder as `change` makes it from the file as it is,
        with the same lock and the same check as `add`."""

        def rewritten(original: bytes | None) -> bytes:
            return change((original or b"").decode("utf-8")).encode("utf-8")

        self._checked(target, rewritten, before)

    def _checked(
        self, target: Path, made: Callable[[bytes | None], bytes], before: Sequence[Problem]
    ) -> None:
        """Under the folder's lock, the file as `made` makes it from the file as it is, checked
        first: the folder is loaded as if it were written, and a problem it did not have
        `before` is raised (ClaimsError) with nothing written; else the file is written
        atomically. No reader ever sees a refused write."""
        from factcheck.errors import OutputFailure
        from factcheck.folder import records
        from factcheck.folder.atomic import remove_leftovers
        from factcheck.folder.discovery import as_if_written
        from factcheck.folder.problems import ClaimsError
        from factcheck.folder.store import load

        with records.folder_lock(self.root):
            if target.parent != self.root:
                remove_leftovers(target.parent)  # a killed write's, as folder_lock does
            data = made(target.read_bytes() if target.exists() else None)
            with as_if_written(self.root, target, data):
                after = load(self.root, self.cache, keep_going=True)
            known = {_unplaced(p) for p in before}
            new = [p for p in after.left_out if _unplaced(p) not in known]
            if new:
                raise ClaimsError(new)
            try:
                records.write_atomically(target, data)
            except OSError as error:  # a full disk, a read-only folder, a name too long
                raise OutputFailure(f"cannot write {target}: {error.strerror or error}; "
                                    "nothing was changed") from None  # fmt: skip
        self._corpus = None  # what was loaded before no longer is the folder
        self._listing = None


def _question_key(state: bytes, question: bytes) -> bytes:
    import hashlib

    return hashlib.blake2b(state + b"\0" + question, digest_size=LATEST_KEY_SIZE).digest()


LATEST_KEY_SIZE = 32  # every key keep_latest is given: _question_key's, match's


def _latest_key(root: Path, kind: str, question: bytes) -> bytes:
    """Where the key of the latest answer of a kind to a question about a folder is kept."""
    import hashlib

    where = os.fsencode(os.path.abspath(root))
    return hashlib.blake2b(kind.encode() + b"-last\0" + where + b"\0" + question,
                           digest_size=32).digest()  # fmt: skip


def _unplaced(problem: Problem) -> tuple[str, str | None, str | None, str]:
    """A problem without its line: appending to a file moves no line before the end."""
    return problem.path, problem.record, problem.field, problem.message
