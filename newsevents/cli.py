"""The command line: a thin layer that parses arguments, calls the library and formats results."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO, TypeVar, cast

import click

from newsevents import acled, evaluate, evaluate_places
from newsevents.errors import ArticleError, InputError, NewsEventsError, StoreError
from newsevents.export import Format, event_json, write_events
from newsevents.export_incidents import IncidentFormat, describe_incident, write_incidents
from newsevents.gazetteer import Gazetteer
from newsevents.incidents import MergeRules
from newsevents.patterns import PLOVER_CATEGORIES
from newsevents.pipeline import Outcome, Pipeline
from newsevents.records import Doc
from newsevents.settings import SETTINGS_TABLE, Settings
from newsevents.stages.ingest import read_articles
from newsevents.stages.parse import load_model
from newsevents.store import Store
from newsevents.store_filters import EventFilter, IncidentFilter

F = TypeVar("F", bound=Callable[..., Any])
FIX_OUT = "check that its folder exists and is writable"
log = logging.getLogger("newsevents")


class _EchoHandler(logging.Handler):
    """newsevents' warnings as one line each on the current stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"newsevents: warning: {record.getMessage()}", err=True)


class Failures:
    """Counts the per-article problems of a run; each is reported as one line on stderr."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, error: NewsEventsError) -> None:
        self.count += 1
        click.echo(f"newsevents: {error}", err=True)


def db_option(fn: F) -> F:
    return click.option(
        "--db",
        envvar="NEWSEVENTS_DB",
        default="newsevents.db",
        show_default=True,
        help="SQLite database file (or set NEWSEVENTS_DB).",
    )(fn)


def published_option(fn: F) -> F:
    return click.option(
        "--published",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        help="Publication date (YYYY-MM-DD), the anchor for relative dates like 'on Monday'.",
    )(fn)


def lexicon_option(fn: F) -> F:
    return click.option(
        "--lexicon",
        "lexicons",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="Extra event lexicon (TOML) added to the built-in one; may be repeated.",
    )(fn)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsevents")
def cli() -> None:
    """Turn news reports into a geocoded, evidenced database of political and conflict events."""
    if not any(isinstance(h, _EchoHandler) for h in log.handlers):
        log.addHandler(_EchoHandler())
        # other libraries' log lines (trafilatura's "discarding data") are not for our users
        logging.getLogger().addHandler(logging.NullHandler())
    log.setLevel(logging.WARNING)


@cli.command()
@click.argument("article", nargs=-1, required=True)
@published_option
@lexicon_option
@click.option(
    "--all", "include_all", is_flag=True, help="Also print negated, hypothetical, generic."
)
def extract(
    article: tuple[str, ...],
    published: dt.datetime | None,
    lexicons: tuple[str, ...],
    include_all: bool,
) -> None:
    """Print the events of ARTICLE as JSON (no database).

    One .txt or .html file prints one indented JSON object; anything else (several files, a
    folder, a .jsonl, stdin) prints one object per line, each as soon as it is done.

    Example: newsevents extract story.txt --published 2017-11-13
    """
    settings = Settings.load({"lexicons": lexicons or None})
    failures = Failures()
    single = len(article) == 1 and Path(article[0]).suffix.lower() in (".txt", ".html", ".htm")
    for outcome in _process(article, settings, published, failures):
        if outcome.doc is not None:
            record = outcome.doc.to_dict(include_all=include_all)
            click.echo(json.dumps(record, indent=2 if single else None, ensure_ascii=False))
    _exit(failures)


@cli.command("classify")
@click.argument("article", nargs=-1, required=True)
@published_option
@lexicon_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article.")
def classify_cmd(
    article: tuple[str, ...],
    published: dt.datetime | None,
    lexicons: tuple[str, ...],
    as_json: bool,
) -> None:
    """Print the one ACLED-style sub-type that best describes each article or snippet.

    The names (ARMED_CLASH, PEACE_PROTEST, NATURAL_DISASTER, ...) and their ACLED event type and
    sub-event type are listed in the README; the non-ACLED ones have none.

    Example: newsevents classify story.txt
    """
    settings = Settings.load({"lexicons": lexicons or None})
    failures = Failures()
    for outcome in _process(article, settings, published, failures):
        if outcome.doc is not None:
            click.echo(_classified(outcome.doc, as_json))
    _exit(failures)


def _classified(doc: Doc, as_json: bool) -> str:
    subtype = acled.classify(doc)
    pair = acled.ACLED_TABLE[subtype]
    if as_json:
        record: dict[str, str | None] = {"article": doc.article.id, "subtype": subtype.value}
        record |= pair.to_dict() if pair else {"event_type": None, "sub_event_type": None}
        return json.dumps(record, ensure_ascii=False)
    described = f"{pair.event_type} / {pair.sub_event_type}" if pair else "(not an ACLED type)"
    return f"{doc.article.id}\t{subtype.value}\t{described}"


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@published_option
@lexicon_option
def ingest(
    paths: tuple[str, ...], db: str, published: dt.datetime | None, lexicons: tuple[str, ...]
) -> None:
    """Extract events from files, folders, globs or - (stdin) and store them in the database.

    An article already stored (same normalised text) is skipped. Bad inputs are reported one
    line each and the rest goes on; the exit code is 1 if any input failed.

    Example: newsevents ingest articles/ --db conflict.db
    """
    settings = Settings.load({"db": db, "lexicons": lexicons or None})
    failures = Failures()
    new = events = 0
    rules = MergeRules.from_settings(settings)
    with Store.open(settings.db, rules=rules) as store, _progress() as bar:
        for outcome in _process(paths, settings, published, failures, skip=store.has_article):
            if outcome.doc is not None and _saved(store, outcome.doc, failures):
                new += 1
                events += len(outcome.doc.events)
            bar.update(1)
            bar.set_postfix(events=events, refresh=False)
        total_articles, total_events = store.count()
    click.echo(
        f"stored {new} new article(s) with {events} event(s); database {settings.db} holds "
        f"{total_articles} article(s), {total_events} event(s)",
        err=True,
    )
    _exit(failures)


@cli.command("events")
@db_option
@click.option(
    "--type",
    "type_",
    type=click.Choice(PLOVER_CATEGORIES, case_sensitive=False),
    help="PLOVER category, e.g. ASSAULT.",
)
@click.option("--country", help="ISO-3166 alpha-3 of actor, recipient or place (or IGO/NGO).")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="From this day.")
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), help="Up to this day.")
@click.option("--near", metavar="LAT,LON,KM", help="Within KM kilometres of a point.")
@click.option("--all", "include_all", is_flag=True, help="Include non-asserted events.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
def events_cmd(
    db: str,
    type_: str | None,
    country: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    near: str | None,
    include_all: bool,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored events, filtered.

    Example: newsevents events --type ASSAULT --near 37.95,126.68,50 --format csv
    """
    f = EventFilter(
        type=type_.upper() if type_ else None,
        country=country.upper() if country else None,
        since=since.date() if since else None,
        until=until.date() if until else None,
        near=_parse_near(near) if near else None,
        polarity=None if include_all else "asserted",
        limit=limit,
    )
    with _existing_store(db) as store:
        write_events(store.iter_events(f), cast(Format, fmt), sys.stdout)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson"]), required=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
@click.option("--all", "include_all", is_flag=True, help="Include non-asserted events.")
def export(db: str, fmt: str, out: str | None, include_all: bool) -> None:
    """Export stored events as JSON Lines, CSV or GeoJSON.

    The output file is written whole or not at all.

    Example: newsevents export --format geojson --out events.geojson
    """
    with _existing_store(db) as store:
        stored = store.iter_events(EventFilter(polarity=None if include_all else "asserted"))
        if out is None:
            written = write_events(stored, cast(Format, fmt), sys.stdout)
        else:
            with _atomic_writer(Path(out)) as fh:
                written = write_events(stored, cast(Format, fmt), fh)
    note = f" ({written.skipped} without a location left out)" if written.skipped else ""
    click.echo(f"exported {written.events} event(s){note}", err=True)


# --- incidents (issue 5): merged reports of one event -------------------------------------------


@cli.command("incidents")
@db_option
@click.option("--type", "type_", type=click.Choice(PLOVER_CATEGORIES, case_sensitive=False))
@click.option("--country", help="ISO-3166 alpha-3 of actor, recipient or place.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="From this day.")
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), help="Up to this day.")
@click.option("--near", metavar="LAT,LON,KM", help="Within KM kilometres of a point.")
@click.option(
    "--min-reports", type=click.IntRange(min=1), default=1, help="At least N independent reports."
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many incidents.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "jsonl", "geojson", "acled"]),
    default="table",
    show_default=True,
    help="acled: an ACLED-style CSV.",
)
@click.option("--out", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
@click.option("--rebuild", is_flag=True, help="Regroup every stored event first (new settings).")
def incidents_cmd(
    db: str,
    type_: str | None,
    country: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    near: str | None,
    min_reports: int,
    limit: int | None,
    fmt: str,
    out: str | None,
    rebuild: bool,
) -> None:
    """List incidents: every report of one real-world event merged into one record.

    Example: newsevents incidents --type ASSAULT --min-reports 2 --format acled --out acled.csv
    """
    f = IncidentFilter(
        type=type_.upper() if type_ else None,
        country=country.upper() if country else None,
        since=since.date() if since else None,
        until=until.date() if until else None,
        near=_parse_near(near) if near else None,
        min_reports=min_reports,
        limit=limit,
    )
    with _existing_store(db, incident_rules=True) as store:
        if rebuild:
            click.echo(f"regrouped into {store.rebuild_incidents()} incident(s)", err=True)
        if out is None:
            written = write_incidents(
                store.iter_incidents(f), cast(IncidentFormat, fmt), sys.stdout
            )
        else:
            with _atomic_writer(Path(out)) as fh:
                written = write_incidents(store.iter_incidents(f), cast(IncidentFormat, fmt), fh)
    if written.skipped:
        why = "without a location" if fmt == "geojson" else "with no ACLED event type"
        click.echo(f"{written.skipped} incident(s) {why} left out", err=True)


@cli.command("incident")
@click.argument("incident_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def incident_cmd(incident_id: str, db: str, fmt: str) -> None:
    """Show one incident: its merged values, what each source said, and their evidence.

    Example: newsevents incident I4a32863591b2997
    """
    with _existing_store(db) as store:
        found = store.incident(incident_id)
        if found is None:
            raise InputError(
                incident_id, "no such incident", "list them with `newsevents incidents`"
            )
        if fmt == "json":
            record = {
                **found.to_dict(),
                "reports_detail": [event_json(se) for se in store.incident_events(found)],
            }
            click.echo(json.dumps(record, indent=2, ensure_ascii=False))
        else:
            click.echo(describe_incident(found, store.incident_events(found)), nl=False)


@cli.command()
def settings() -> None:
    """List every setting, its default and environment variable.

    Example: newsevents settings
    """
    for name, default, help_text in SETTINGS_TABLE:
        click.echo(f"NEWSEVENTS_{name.upper():<16} {default!r:<28} {help_text}")


@cli.group("eval")
def eval_group() -> None:
    """Score newsevents against gold data in a standard format (yours or ours)."""


def json_option(fn: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")(fn)


@eval_group.command("plover-gsr")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@lexicon_option
@json_option
def eval_plover(path: Path, lexicons: tuple[str, ...], as_json: bool) -> None:
    """Score event type and actor countries on PLOVER gold-standard records (JSONL).

    Example: newsevents eval plover-gsr dev.jsonl --json
    """
    records = evaluate.read_plover_gsr(path)
    settings = Settings.load({"lexicons": lexicons or None})
    report = evaluate.score_plover_gsr(records, Pipeline(settings, names=evaluate.PLOVER_STAGES))
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.table())


# eval acled-subtype goes here
@eval_group.command("acled-subtype")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@lexicon_option
@json_option
def eval_acled(path: Path, lexicons: tuple[str, ...], as_json: bool) -> None:
    """Score the ACLED-style sub-type of whole snippets against a gold TSV file.

    The file has a header and tab-separated columns id, EventSnippet, SubType (ARMED_CLASH,
    PEACE_PROTEST, ... as listed in the README).

    Example: newsevents eval acled-subtype benchmarks/data/acled-dev.tsv --json
    """
    records = evaluate.read_acled_subtype(path)
    settings = Settings.load({"lexicons": lexicons or None})
    report = evaluate.score_acled_subtype(records, Pipeline(settings, names=evaluate.ACLED_STAGES))
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.table())


@eval_group.command("geoparse")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@json_option
def eval_geoparse(path: Path, as_json: bool) -> None:
    """Score toponym detection and resolution on GeoWebNews or LGL/TR-News-style XML.

    Resolution is scored on the gold toponyms that have coordinates, resolving the gold spans.

    Example: newsevents eval geoparse ../shared/data/geoparse/GWN.xml --json
    """
    articles = evaluate_places.read_geoparse_xml(path)
    settings = Settings.load()
    report = evaluate_places.score_geoparse(
        articles, load_model(settings.model), Gazetteer.load(settings.cache_dir)
    )
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.table())


@eval_group.command("event-location")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N sentences.")
@json_option
def eval_event_location(path: Path, limit: int | None, as_json: bool) -> None:
    """Score where each event happened on sentences with VERB and LOCATION spans (JSONL).

    A prediction is right when its span overlaps a gold LOCATION span, or when both say none.

    Example: newsevents eval event-location train.jsonl --limit 1000 --json
    """
    records = evaluate_places.read_event_locations(path)[:limit]
    report = evaluate_places.score_event_location(records, Settings.load())
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.table())


@cli.group("train")
def train_group() -> None:
    """Fit a model of newsevents on your annotated data."""


@train_group.command("event-location")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the model (JSON); use it with NEWSEVENTS_LOCATION_MODEL.",
)
@json_option
def train_event_location(path: Path, out: Path, as_json: bool) -> None:
    """Fit the event-location model on sentences with VERB and LOCATION spans (JSONL).

    Prints how a model fitted on half the records does on the other half, against the
    attachment rules alone; then fits on all records and writes the model.

    Example: newsevents train event-location train.jsonl --out location.json
    """
    records = evaluate_places.read_event_locations(path)
    settings = Settings.load()
    from tqdm import tqdm

    shown = tqdm(records, unit=" sentences", disable=not sys.stderr.isatty(), file=sys.stderr)
    samples = evaluate_places.location_samples(shown, settings)
    if len(samples) < evaluate_places.MIN_TRAINING:
        raise InputError(
            str(path),
            f"{len(samples)} well-formed records; fitting and checking a model needs "
            f"at least {evaluate_places.MIN_TRAINING}",
            fix="annotate more sentences (VERB and LOCATION spans), or add them to the file",
        )
    model, report = evaluate_places.train_event_location(samples, path.name)
    with _atomic_writer(out) as fh:
        fh.write(model.to_json())
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.table())
    click.echo(f"wrote {out} ({len(model.weights)} weights)", err=True)


# --- serve: the HTTP API and pages (newsevents/web/) ----------------------------------------------


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Serve the API (/api, schema at /openapi.json) and the map, event and upload pages.

    Listens on 127.0.0.1 only unless --host says otherwise. Writes need the token in
    NEWSEVENTS_TOKEN; when it is unset one is generated on first start, kept in the cache
    folder and printed.

    Example: newsevents serve --db conflict.db --port 8000
    """
    import uvicorn

    from newsevents.web import create_app
    from newsevents.web.app import LOCAL_HOSTS, NOT_BUILT, pages_built
    from newsevents.web.security import resolve_token

    settings = Settings.load({"db": db})
    token, made_at = resolve_token(settings.cache_dir)
    hosts = [*LOCAL_HOSTS, host] if host not in ("0.0.0.0", "::") else ["*"]
    app = create_app(settings, token, hosts=hosts)
    url = f"http://{host}:{port}/"
    click.echo(f"newsevents: serving {settings.db} on {url}", err=True)
    if not pages_built():
        log.warning(f"{NOT_BUILT}; the API works without them")
    if host not in LOCAL_HOSTS:
        log.warning(f"listening on {host}: anyone who can reach it can read the database")
    if made_at:
        click.echo(f"newsevents: write token {token} (kept in {made_at})", err=True)
        click.echo(f"newsevents: open {url}#token={token} to let the pages write", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _process(
    inputs: tuple[str, ...],
    settings: Settings,
    published: dt.datetime | None,
    failures: Failures,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[Outcome]:
    """Read inputs and run the pipeline over each article; failures are reported, not raised."""
    day = published.date() if published else None
    pipeline: Pipeline | None = None
    for item in read_articles(list(inputs), settings, stdin=sys.stdin, published=day):
        if isinstance(item, ArticleError):
            failures.report(item)
            continue
        if skip is not None and skip(item.id):
            yield Outcome(item, None)
            continue
        pipeline = pipeline or Pipeline(settings)
        outcome = next(pipeline.pipe([item]))
        if outcome.error is not None:
            failures.report(outcome.error)
        yield outcome


def _saved(store: Store, doc: Doc, failures: Failures) -> bool:
    """Save one article; a record the database refuses is reported and the batch goes on."""
    try:
        return store.save(doc)
    except StoreError as exc:
        failures.report(exc)
        return False


def _parse_near(value: str) -> tuple[float, float, float]:
    try:
        lat, lon, km = (float(v) for v in value.split(","))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not LAT,LON,KM (e.g. 37.95,126.68,50)") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise click.BadParameter(f"{value!r}: latitude, longitude or distance out of range")
    return lat, lon, km


def _existing_store(db: str, incident_rules: bool = False) -> Store:
    if not Path(db).exists():
        raise InputError(db, "no such database", "run `newsevents ingest PATH --db FILE` first")
    if incident_rules:
        return Store.open(db, rules=MergeRules.from_settings(Settings.load({"db": db})))
    return Store.open(db)


@contextmanager
def _progress() -> Iterator[Any]:
    """A tqdm bar on stderr when it is a terminal; silent otherwise."""
    from tqdm import tqdm

    bar = tqdm(unit=" articles", disable=not sys.stderr.isatty(), file=sys.stderr)
    try:
        yield bar
    finally:
        bar.close()


@contextmanager
def _atomic_writer(path: Path) -> Iterator[TextIO]:
    """Write to a temporary file beside ``path``; move it into place only on success."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as exc:
        raise InputError(str(path), f"cannot be written ({exc.strerror})", FIX_OUT) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        Path(tmp).replace(path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _exit(failures: Failures) -> None:
    if failures.count:
        click.echo(f"newsevents: {failures.count} input(s) failed; see the lines above", err=True)
        sys.exit(1)


def main() -> None:
    """Entry point: user errors become one line on stderr and exit code 2, never a traceback."""
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        # Ctrl-C: each article is stored in one transaction, so nothing is half-written.
        click.echo("newsevents: interrupted; articles stored so far are complete", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except NewsEventsError as exc:
        click.echo(f"newsevents: error: {exc}", err=True)
        sys.exit(2)


__all__ = ["cli", "main"]
