"""The directory's Open Referral HSDS 3.0 API: read-only, over the analysts' snapshot.

It sits on `warehouse` (the snapshot's HSDS tables and the document builder); nothing below
imports it. `wsparcie api serve` runs it (api/cli.py).
"""
