"""What the behavioural tests share: the weapon-class labels rows carry (as the ontology's
weapon-class scheme spells them), the dateline most cases are read against, and the mark for a
known failure.

The dateline is a Tuesday, so "on Monday" is MON.
"""

from __future__ import annotations

import pytest

DATELINE = "2025-03-11"
MON = "2025-03-10"
TUE = "2025-03-11"

BM = "ballistic missile"
SRBM = "short-range ballistic missile"
MRBM = "medium-range ballistic missile"
IRBM = "intermediate-range ballistic missile"
ICBM = "intercontinental ballistic missile"
SLBM = "submarine-launched ballistic missile"
CM = "cruise missile"
SLV = "satellite launch vehicle"


def known_failure(reason: str) -> pytest.MarkDecorator:
    """A case the extractor gets wrong today, with what it does instead. Strict: when the
    extractor is fixed the case passes, the mark turns the run red, and it is removed."""
    return pytest.mark.xfail(strict=True, reason=reason)
