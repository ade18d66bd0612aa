"""``python -m screen`` runs the ``hrdd`` command."""

from .cli import main

if __name__ == "__main__":
    main()
