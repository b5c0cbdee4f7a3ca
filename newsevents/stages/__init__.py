"""The built-in pipeline stages; importing this package registers them all."""

from newsevents.stages import (  # noqa: F401  (imported for their @stage registrations)
    actors,
    casualties,
    dates,
    events,
    parse,
    places,
    quotes,
)
