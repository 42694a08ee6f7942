"""The published output: a static site in each publication language and a schema.org
ClaimReview feed, made from the claims that are published and pass the gate, and nothing else.

context      which claims, languages, scale and address (prepare)
site         every page in memory (Jinja2 templates in templates/)
claimreview  one claim as a ClaimReview; the DataFeed
privacy      the self-check: no private name in any rendered file
write        manifest, incremental writes, added/changed/removed (publish)

Needs the `publish` extra (jinja2, babel).
"""

from .context import Context, prepare
from .write import MANIFEST, Outcome, publish

__all__ = ["MANIFEST", "Context", "Outcome", "prepare", "publish"]
