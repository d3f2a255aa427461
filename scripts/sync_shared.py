"""Refresh the repository's copies of the team's shared material.

    python scripts/sync_shared.py            # from ../shared beside the repository
    python scripts/sync_shared.py --from DIR

What is copied (the repository must stand on its own: its tests, benchmarks and README use
only these copies, never ../shared):

- `devset/` -> `gold/devset/`: every article, gold file, README.md and SCHEMA.md; files the
  source no longer has are removed, so the copy is exactly the source;
- `data/states.tsv`, `data/weapons.tsv` and their SOURCES files -> `kg/lexicon/`, the tables
  the gazetteer loads (same columns);
- `ONTOLOGY.md` -> `docs/ONTOLOGY.md`, the data contract.

The CNS missile-test table (`data/nk-missile-tests.tsv`) is not copied: its terms of use were
not determined (README, Data and licences). Prints what changed; exits 1 if the source is
missing. Run the tests afterwards: the devset floors may move with new gold.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIES = (
    ("data/states.tsv", "kg/lexicon/states.tsv"),
    ("data/states.SOURCES.md", "kg/lexicon/states.SOURCES.md"),
    ("data/weapons.tsv", "kg/lexicon/weapons.tsv"),
    ("data/weapons.SOURCES.md", "kg/lexicon/weapons.SOURCES.md"),
    ("ONTOLOGY.md", "docs/ONTOLOGY.md"),
)


def _copy(src: Path, dst: Path, changed: list[str]) -> None:
    if dst.is_file() and filecmp.cmp(src, dst, shallow=False):
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    changed.append(str(dst.relative_to(ROOT)))


def sync(shared: Path) -> list[str]:
    """Copy the shared material into the repository; the repository paths that changed."""
    devset = shared / "devset"
    if not devset.is_dir():
        raise SystemExit(f"{devset}: no devset folder here; pass --from the shared folder")
    changed: list[str] = []
    target = ROOT / "gold" / "devset"
    wanted = {p.name for p in devset.iterdir() if p.is_file()}
    for name in sorted(wanted):
        _copy(devset / name, target / name, changed)
    for stale in sorted(p for p in target.iterdir() if p.is_file() and p.name not in wanted):
        stale.unlink()
        changed.append(f"{stale.relative_to(ROOT)} (removed)")
    for src, dst in COPIES:
        _copy(shared / src, ROOT / dst, changed)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        print(f"{args.shared}: not a folder; pass --from the shared folder", file=sys.stderr)
        return 1
    changed = sync(args.shared)
    print("\n".join(changed) if changed else "nothing changed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
