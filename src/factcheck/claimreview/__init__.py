"""schema.org ClaimReview in and out: the desk's reviews as the fact-check world exchanges them.

- `export`: each reviewed claim as a ClaimReview (JSON-LD), with stable `@id`s;
- `read`: the forms ClaimReview takes in the wild (a bare object, a list, `@graph`, a Fact
  Check Tools API response or element, a Data Commons feed) read into plain reviews;
- `records`: plain reviews turned into claim, source and rating records, with stable IDs.
"""
