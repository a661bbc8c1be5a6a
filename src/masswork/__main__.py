"""``python -m masswork`` runs the command line."""

from .cli import main

main()
