"""hrdd: human-rights due-diligence screening against sanctions and export-control lists.

The package is named ``screen``; the console command is ``hrdd``.
"""

from __future__ import annotations

__version__ = "0.1.0"
