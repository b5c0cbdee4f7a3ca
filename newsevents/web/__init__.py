"""The analyst's workbench behind ``newsevents serve``: a JSON API (``/api``, OpenAPI schema at
``/openapi.json``) and three pages (map and timeline, event, upload) built from ``web/``."""

from __future__ import annotations

from newsevents.web.app import create_app

__all__ = ["create_app"]
