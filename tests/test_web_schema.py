"""Schemathesis against the OpenAPI schema: generated requests to every operation, every
response checked against the schema (status codes, content types, bodies) and for server errors."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from newsevents.records import Doc
from newsevents.settings import Settings
from newsevents.store import Store
from newsevents.web import create_app

TOKEN = "schema-token"
# The schema is loaded when the module is collected (schemathesis makes one test per operation),
# so the app's database is made then; the seed article goes into it before the first test.
FOLDER = Path(tempfile.mkdtemp(prefix="newsevents-schema-"))
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)
APP = create_app(Settings.load({"db": str(FOLDER / "schema.db")}), TOKEN)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def seeded(seed_doc: Doc, pipeline: Any) -> None:
    with Store.open(FOLDER / "schema.db") as store:
        store.save(seed_doc)
    APP.state.jobs.pipeline = pipeline


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_web_schema_every_operation_conforms(case: Any) -> None:
    # Two things a schema cannot say, so acceptance of schema-valid data is not checked there:
    # a cursor is opaque (any string fits, only ones the API made are accepted), and what value
    # a correction may take depends on the field named in its path.
    opaque = bool(case.query and "cursor" in case.query)
    per_field = case.operation.path.endswith("/corrections/{field}")
    case.call_and_validate(
        headers={"Authorization": f"Bearer {TOKEN}"},
        excluded_checks=[positive_data_acceptance] if opaque or per_field else [],
    )
