"""A deterministic corpus generator: N articles in the seed format, recombined from real text.

The sentences come from gold/devset and seeds/ (so the text keeps the syntax, the cue
words and the density of events of real reports); each generated article draws its paragraphs
from one source article and a few sentences from others, then swaps the states, weapons and
sites it names for others of the same kind, under a dateline drawn between 2012 and 2024.
The same (n, seed) always gives the same files, byte for byte.

    python benchmarks/corpus.py OUT_DIR --articles 2000
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "seeds", ROOT / "gold" / "devset")

# Swappable names, by kind. A name is only replaced by another of the same list, whole words only.
STATES = (
    "North Korea", "South Korea", "Japan", "China", "Russia", "Iran", "Taiwan", "India", "Pakistan",
    "Israel", "Ukraine", "Belarus", "Australia", "the Philippines",
)  # fmt: skip
WEAPONS = (
    "Hwasong-14", "Hwasong-15", "Hwasong-12", "Hwasong-8", "Musudan", "KN-23", "Pukguksong-2",
    "Hwasong-17", "Hwasong-18", "Nodong", "Scud", "Iskander", "Kinzhal", "Shahab-3", "Sejjil",
)  # fmt: skip
SITES = (
    "Wonsan", "Sohae", "Tongchang-ri", "Pyongyang", "Sunan", "Hamhung", "Kusong", "Semnan",
    "Plesetsk", "Kapustin Yar", "Jiuquan", "Busan", "Taebaek", "Ryongrim",
)  # fmt: skip
SOURCES_LINE = ("SEOUL", "TOKYO", "WASHINGTON", "BEIJING", "MOSCOW", "TEHRAN", "(Reuters)", "(AP)", "")

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[A-Z\"“‘(])")
_DATELINE = re.compile(r"^ date \d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    paragraphs: tuple[tuple[str, ...], ...]  # sentences of each paragraph


def load_sources(folders: tuple[Path, ...] = SOURCES) -> list[Source]:
    """Every seed-format article of `folders` (sorted by name, duplicates by name dropped)."""
    seen: dict[str, Source] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            if path.stem in seen:
                continue
            lines = path.read_text(encoding="utf-8").split("\n", 1)
            if not _DATELINE.match(lines[0]) or len(lines) < 2:
                continue
            paragraphs = tuple(
                tuple(s.strip() for s in _SENTENCE_END.split(" ".join(p.split())) if s.strip())
                for p in lines[1].split("\n\n")
                if p.strip()
            )
            seen[path.stem] = Source(path.stem, paragraphs)
    if not seen:
        raise SystemExit(f"no seed-format articles found in {', '.join(map(str, folders))}")
    return [seen[name] for name in sorted(seen)]


def _swap(text: str, names: tuple[str, ...], rng: random.Random) -> str:
    shuffled = list(names)
    rng.shuffle(shuffled)
    mapping = dict(zip(names, shuffled, strict=True))
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b"
    )
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def article(index: int, sources: list[Source], seed: int = 0) -> tuple[str, str]:
    """The id and the text (seed format) of generated article `index`."""
    rng = random.Random(f"{seed}:{index}")
    base = sources[index % len(sources)]
    paragraphs = [list(p) for p in base.paragraphs]
    rng.shuffle(paragraphs[1:])  # keep the lead paragraph first, as a wire story does
    for _ in range(rng.randint(1, 3)):  # a background sentence or two from another report
        other = rng.choice(sources)
        extra = rng.choice(rng.choice(other.paragraphs))
        paragraphs.insert(rng.randint(1, len(paragraphs)), [extra])
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    for names in (STATES, WEAPONS, SITES):
        body = _swap(body, names, rng)
    dateline = date(2012, 1, 1) + timedelta(days=rng.randrange(13 * 365))
    source = rng.choice(SOURCES_LINE)
    head = f" date {dateline.isoformat()}" + (f" {source}" if source else "")
    return f"bench-{index:06d}", f"{head}\n\n{body}\n"


def generate(out: Path, n: int, seed: int = 0, start: int = 0) -> list[Path]:
    """Write articles start..start+n-1 into `out` (created if needed); returns their paths.
    (Articles 0..n-1 of a seed, then n..n+99 of the same seed, are a corpus and 100 new articles.)"""
    out.mkdir(parents=True, exist_ok=True)
    sources = load_sources()
    paths = []
    for index in range(start, start + n):
        article_id, text = article(index, sources, seed)
        path = out / f"{article_id}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def words(paths: list[Path]) -> int:
    """Whitespace-separated words of the article bodies (the dateline line excluded)."""
    return sum(len(p.read_text(encoding="utf-8").split("\n", 1)[1].split()) for p in paths)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = generate(args.out, args.articles, args.seed)
    print(f"{len(paths)} articles, {words(paths)} words in {args.out}")


if __name__ == "__main__":
    main()
