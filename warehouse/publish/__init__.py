"""The publish stage, in four layers: the tables a publication is made from (staging.py), the
files written from them (files.py), the checks they must pass (checks.py) and the analysts'
snapshot (snapshot.py); publication.py writes, checks and swaps in a publication all at once
or not at all. What other modules use is exposed here.
"""

from warehouse.publish.checks import check_parquet, check_personal_data, check_publication
from warehouse.publish.publication import (
    PUBLICATION_DIR,
    Publication,
    PublishError,
    write_publication,
)
from warehouse.publish.snapshot import SNAPSHOT_NAME
from warehouse.publish.staging import record_contact_history, stage_tables

__all__ = [
    "PUBLICATION_DIR",
    "SNAPSHOT_NAME",
    "Publication",
    "PublishError",
    "check_parquet",
    "check_personal_data",
    "check_publication",
    "record_contact_history",
    "stage_tables",
    "write_publication",
]
