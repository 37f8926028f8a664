"""Entity resolution for institution records (issue 5).

Pipeline: `features` (one normalised row per record, per distinct value, and the counts the
ladders weigh agreement by) → `blocking` (named SQL rules, pair counts logged) → `ladders` (a
level per field for every candidate pair) → `model` (logistic weights per level, shipped as
model_weights.json, and the rules no weight can express) → `scoring` → `decisions` (the
coordinators' judgements win) → `cluster` (joins with cannot-links; stable ids) → `review`
(cases for coordinators). `resolve.resolve` runs it on the nightly `records` table,
`standalone.match_file` on a csv/parquet file, `incremental` on a night's changes only.
"""

from transforms.er.resolve import Decision, Resolution, resolve
from transforms.er.standalone import MatchFileSummary, match_file

__all__ = ["Decision", "MatchFileSummary", "Resolution", "match_file", "resolve"]
