"""`python -m annales` is the `annales` command."""

from .cli import main

main(prog_name="annales")
