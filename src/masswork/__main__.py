"""``python -m masswork`` runs the command line."""

from .launch import main

main()
