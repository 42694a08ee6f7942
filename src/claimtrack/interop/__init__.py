"""Interop: outside fact-checks brought in as records, marked as checked elsewhere.

claimreview    schema.org ClaimReview JSON-LD (objects, lists, @graph, HTML pages)
factcheck_api  the JSON of Google's Fact Check Tools claims:search
csv_import     CSV with a documented header mapping
importer       OutsideCheck -> a claim and a source record, idempotent on the review URL

Every reader returns (checks, problems) and never raises on bad input: a file that cannot be
read is a Problem with its path and location, and the rest of the input is still imported.
"""

from .check import OutsideCheck
from .importer import ImportResult, import_checks, read_inputs

__all__ = ["ImportResult", "OutsideCheck", "import_checks", "read_inputs"]
