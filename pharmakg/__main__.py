"""``python -m pharmakg`` runs the command line."""

from pharmakg.cli import main

if __name__ == "__main__":
    main(prog_name="pharmakg")
