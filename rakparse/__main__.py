"""``python -m rakparse`` runs the CLI."""

from rakparse.cli import main

main()
