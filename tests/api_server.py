"""A real uvicorn server on 127.0.0.1 for the API tests (tests/test_api*.py), and the official
HSDS schemas they validate its responses against.

`serve(snapshot)` runs `api.app.create_app` on a free port in a thread and yields its base
URL. `HsdsValidator` resolves the official openapi.json (../shared/data/hsds/schema) and the
schemas it points to on raw.githubusercontent.com to the local copies, with additional
properties disallowed in the HSDS schemas, as the specification itself validates.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jsonschema
import uvicorn
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.app import ApiSettings, create_app
from api.openapi import HSDS_SCHEMAS
from warehouse.hsds_files import strict_schema

OPENAPI_URN = "urn:hsds:openapi"


@contextmanager
def serve(snapshot: Path) -> Iterator[str]:
    app = create_app(ApiSettings(snapshot=snapshot))
    # the socket is bound here and handed to the server, so no other process can take the
    # port between choosing it and listening on it (seen when test processes run side by side)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name=f"api-{port}", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the API server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        app.state.store.close()


class HsdsValidator:
    """Responses against the official openapi.json and the schemas it references."""

    def __init__(self, schema_dir: Path) -> None:
        self.openapi = json.loads((schema_dir / "openapi.json").read_text(encoding="utf-8"))
        resources = [(OPENAPI_URN, self.openapi)]
        for path in sorted(schema_dir.glob("*.json")) + sorted(schema_dir.glob("compiled/*.json")):
            if path.name == "openapi.json":
                continue
            relative = path.relative_to(schema_dir).as_posix()
            schema = strict_schema(json.loads(path.read_text(encoding="utf-8")))
            resources.append((f"{HSDS_SCHEMAS}/{relative}", schema))
        self.registry: Registry[Any] = Registry().with_resources(
            (uri, Resource.from_contents(contents, default_specification=DRAFT202012))
            for uri, contents in resources
        )
        self._validators: dict[str, jsonschema.protocols.Validator] = {}

    def _validator(self, ref: str) -> jsonschema.protocols.Validator:
        if ref not in self._validators:
            validator_class = jsonschema.Draft202012Validator
            self._validators[ref] = validator_class(
                {"$ref": ref},
                registry=self.registry,
                format_checker=validator_class.FORMAT_CHECKER,
            )
        return self._validators[ref]

    def response_ref(self, path: str) -> str:
        """Where the official document puts the 200 response schema of GET `path`."""
        pointer = "/".join(
            ["paths", path.replace("~", "~0").replace("/", "~1"), "get", "responses", "200"]
            + ["content", "application~1json", "schema"]
        )
        return f"{OPENAPI_URN}#/{pointer}"

    def errors(self, ref: str, document: Any) -> list[str]:
        return [
            f"/{'/'.join(str(p) for p in e.absolute_path)}: {e.message}"
            for e in self._validator(ref).iter_errors(document)
        ]

    def item_ref(self, schema_file: str) -> str:
        return f"{HSDS_SCHEMAS}/{schema_file}"
