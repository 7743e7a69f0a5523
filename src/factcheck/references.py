"""How a record names a claim's figure: 'claim-id.quantity'. Plain string helpers, apart
from the models, so that what only reads references (check's kept report) does not build
the record models to use them."""

from __future__ import annotations


def split_reference(reference: str) -> tuple[str, str]:
    """'claim-id.quantity' -> ('claim-id', 'quantity')."""
    claim_id, _, name = reference.partition(".")
    return claim_id, name


def part_reference(claim_id: str, part_of: str) -> str:
    """The full 'claim.quantity' that a `part_of` names, a bare name meaning the same claim."""
    return part_of if "." in part_of else f"{claim_id}.{part_of}"
