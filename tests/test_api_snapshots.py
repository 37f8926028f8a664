"""The API picks up a new snapshot without a restart, and never fails a request for it.

A real uvicorn server on 127.0.0.1 serves the snapshot a real publication wrote; the
publication is then written again, from a warehouse with more institutions, into the same
folder (a new file renamed over the old one, as every night) while requests keep coming. A
file that is not a snapshot, renamed into place, is not served: the old one stays.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import requests
from api_server import serve  # tests/ helper module
from directory_factory import build_directory  # tests/ helper module
from test_hsds import OFFICES

from api.app import ApiSettings, create_app
from api.snapshot import SnapshotStore, SnapshotUnavailable
from warehouse.publish import SNAPSHOT_NAME, write_publication


@pytest.fixture(scope="module")
def warehouses(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection]]:
    small = build_directory(tmp_path_factory.mktemp("small") / "w.duckdb")
    larger = build_directory(tmp_path_factory.mktemp("larger") / "w.duckdb", OFFICES)
    yield small, larger
    small.close()
    larger.close()


def total(base: str, path: str = "/services") -> int:
    response = requests.get(f"{base}{path}", timeout=10)
    assert response.status_code == 200, response.text
    return int(response.json()["total_items"])


def organization_names(base: str) -> set[str]:
    body = requests.get(f"{base}/organizations?per_page=500", timeout=10).json()
    return {o["name"] for o in body["contents"]}


def test_a_new_publication_is_served_without_a_restart(
    warehouses: tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection], tmp_path: Path
) -> None:
    small, larger = warehouses
    out = tmp_path / "out"
    write_publication(small, out)
    snapshot = out / SNAPSHOT_NAME
    with serve(snapshot) as base:
        before = total(base)
        assert "Starostwo Powiatowe w Skarżysku-Kamiennej" not in organization_names(base)

        statuses: list[int] = []
        totals: set[int] = set()
        stop = threading.Event()

        def keep_asking() -> None:
            with requests.Session() as session:
                while not stop.is_set():
                    for path in ("/services?page=1", "/services?format=ndjson"):
                        response = session.get(f"{base}{path}", timeout=10)
                        statuses.append(response.status_code)
                        if path.endswith("page=1"):
                            totals.add(int(response.json()["total_items"]))

        askers = [threading.Thread(target=keep_asking) for _ in range(3)]
        for asker in askers:
            asker.start()
        try:
            write_publication(larger, out)
        finally:
            stop.set()
            for asker in askers:
                asker.join()

        after = total(base)
        assert after > before
        assert "Starostwo Powiatowe w Skarżysku-Kamiennej" in organization_names(base)
        assert statuses and set(statuses) == {200}, "no request failed during the swap"
        assert totals <= {before, after}, "each response came from one snapshot or the other"


def test_a_broken_file_renamed_into_place_is_not_served(
    warehouses: tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection], tmp_path: Path
) -> None:
    small, larger = warehouses
    out = tmp_path / "out"
    write_publication(small, out)
    snapshot = out / SNAPSHOT_NAME
    with serve(snapshot) as base:
        before = total(base)
        broken = out / "broken.duckdb"
        broken.write_bytes(b"not a DuckDB file" * 100)
        os.replace(broken, snapshot)
        assert total(base) == before, "the old snapshot is still served"
        assert requests.get(f"{base}/services/not-a-uuid", timeout=10).status_code == 400

        write_publication(larger, out)
        assert total(base) > before


def test_a_snapshot_without_hsds_tables_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    plain = tmp_path / "plain.duckdb"
    duckdb.connect(str(plain)).close()
    with pytest.raises(SnapshotUnavailable, match="plain.duckdb: cannot be served"):
        create_app(ApiSettings(snapshot=plain))
    with pytest.raises(SnapshotUnavailable, match="no snapshot there"):
        SnapshotStore(tmp_path / "missing.duckdb").open()


def test_a_replaced_file_stays_open_for_the_request_holding_it(
    warehouses: tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection], tmp_path: Path
) -> None:
    small, larger = warehouses
    out = tmp_path / "out"
    write_publication(small, out)
    store = SnapshotStore(out / SNAPSHOT_NAME)
    store.open()
    with store.lease() as old:
        write_publication(larger, out)
        with store.lease() as new:
            assert new is not old
            assert new.counts["service"] > old.counts["service"]
        with old.cursor() as cursor:  # the request that started on the old file finishes
            row = cursor.execute("SELECT count(*) FROM snap.hsds.service").fetchone()
            assert row is not None and row[0] == old.counts["service"]
    with pytest.raises(duckdb.ConnectionException):
        old.cursor()  # closed once its last lease ended
    store.close()
