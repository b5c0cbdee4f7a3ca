"""``python -m newsevents``: the same as the ``newsevents`` command."""

from newsevents.cli import main

main()
