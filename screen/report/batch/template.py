"""The decisions template `hrdd screen --decisions-template` writes: every open hit,
with the fields an analyst fills in left empty (YAML with instructions, or CSV)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ...decisions import FIELDS
from ..escape import neutralise

HEADER = """\
# hrdd decisions: for each hit you have reviewed, fill in `decision` (false_positive or
# confirmed), `reviewer`, `date` (YYYY-MM-DD) and `reason`; `expires` is optional.
# A decision applies to exactly this input name and listed record, and only while the
# record is unchanged (`fingerprint`). Entries left without a decision are not applied.
# Use it with: hrdd screen FILE --decisions THIS_FILE
"""


def render_template(entries: Sequence[dict[str, object]], fmt: str = "yaml") -> str:
    if fmt == "csv":
        buf = io.StringIO(newline="")
        w = csv.DictWriter(buf, fieldnames=list(FIELDS), lineterminator="\r\n")  # CR or LF in a cell: quoted
        w.writeheader()
        for e in entries:
            w.writerow({k: neutralise(v) for k, v in e.items()})
        return buf.getvalue()
    import yaml

    return HEADER + yaml.safe_dump({"decisions": list(entries)}, allow_unicode=True, sort_keys=False, width=1000)
