"""Launch occasions listed in one sentence: "It fired one short-range ballistic missile on
Sept. 25, two more on Sept. 28 and two the following day", "THE TALLY: two KN-23s from near
Wonsan on July 25; two projectiles each from the Kalma area on July 31 and from Yonghung on
Aug. 2; ...", "Iran had launched 170 drones, 30 cruise missiles and 120 ballistic missiles".

Round-ups and chronologies tell several launches in one sentence, most of them elliptical (no
verb of their own: "two more on Sept. 28"), which the parser cannot attach reliably. This
module reads such a list from the surface: the sentence is cut into items at commas,
semicolons, colons and "and", and relative clauses are cut off each item ("..., a solid-fuel
design that resembles Russia's Iskander"). Items add up until they have said both when (a
date, "the following day") and what (a count, weapon, class or site): that closes an
occasion. An item with its own count and projectile after one that had its own closes the
one before (different weapons fired together are told apart), as does an item that opens with a
system named right after another ("Fateh-110 and Zelzal missiles"). What an occasion leaves out it
takes from the one before: the class ("two more"), the count when that one said "each", the
site when it says "the same site". Days that restate a period ("two launches this year, on
April 23 and July 9") are occasions in that period's year, one each when the count is of the
days; a sum told before its items ("two Minuteman IIIs from Vandenberg this year, one on June 4
and another on June 6") is no occasion of its own, and what it says holds for each item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kg.dates import days_after_previous, in_year_of, resolve_each
from kg.extract.sentence import DatePhrase, SentenceView
from kg.models import WeaponRef

if TYPE_CHECKING:
    from spacy.tokens import Token

_DATE_GLUE = frozenset({"on", "in", "and", "or", "again", "then", "also", "later", "the", "of"})  # grammar

PlaceOf = Callable[["Token", SentenceView], "str | None"]
_PROBE = dt.date(2001, 6, 15)


@dataclass(frozen=True, slots=True)
class Occasion:
    """One launch occasion of a list: what its items say (None: not said)."""

    start: int  # doc index of its first token
    end: int  # doc index past its last token
    date_phrase: str | None = None
    days_after: int | None = None  # "the following day": after the occasion before
    count: int | None = None
    weapons: tuple[WeaponRef, ...] = ()
    weapon_class: str | None = None
    site: str | None = None
    each: bool = False  # "two projectiles each from A and from B": the count is per occasion
    same_site: bool = False  # "from the same site"
    coordinated: bool = False  # its projectile is coordinated with one before ("Kalibr and Tsirkon missiles")
    launch_word: bool = False  # it names another launch ("a second shot on Jan. 11") if not what was fired
    named_after: bool = False  # it opens with a system named right after another ("Fateh-110 and Zelzal")
    other_thing: bool = False  # it counts something no launch is of ("some 170 drones")


def _items(
    view: SentenceView, start: int, separators: frozenset[str], relatives: frozenset[str]
) -> list[list[Token]]:
    """The sentence from token `start` cut at separators, each item cut before a relative
    clause; date phrases are never cut ("Oct. 4, 2007")."""
    in_date = {i for p in view.date_phrases() for i in range(p.start, p.end)}
    items: list[list[Token]] = [[]]
    relative = False
    for tok in view.sent:
        if tok.i < start:
            continue
        if tok.i not in in_date and (
            tok.lower_ in separators or (tok.dep_ == "cc" and tok.lower_ in ("and", "or"))
        ):
            items.append([])
            relative = False
            continue
        if tok.lower_ in relatives and tok.tag_ in ("WDT", "WP", "WRB", "IN"):
            relative = True  # "..., a solid-fuel design that resembles ...": a description
        if not relative:
            items[-1].append(tok)
    return [item for item in items if item]


def find_occasions(
    view: SentenceView,
    start: int,
    *,
    launchable: frozenset[str],
    numbers: Mapping[str, int],
    place_of: PlaceOf,
    verbs: frozenset[int] = frozenset(),
) -> list[Occasion]:
    """The occasions listed from token `start` to the end of the sentence, in order; [] when
    the sentence lists fewer than two. `verbs`: the doc indices of the sentence's launch verbs;
    an item with a launch verb of its own after one that had another starts a new occasion
    ("the air force launched Kinzhal missiles, while warships fired Kalibr cruise missiles")."""
    lexicon = view.lexicon
    separators = frozenset(lexicon.cue_terms("list_separator"))
    relatives = frozenset(lexicon.cue_terms("relative_word"))
    # a number before universal time is a clock time ("2300 GMT Saturday"), as before a unit a measure
    units = frozenset(lexicon.cue_terms("measure_unit")) | frozenset(lexicon.cue_terms("universal_time_word"))
    in_date = {i: p for p in view.date_phrases() for i in range(p.start, p.end)}
    occasions: list[Occasion] = []
    periods: dict[int, str] = {}  # occasion -> the period its day restates ("this year, on April 23")
    runs: dict[int, int] = {}  # last occasion of a run of days ("on May 31 and Aug. 24") -> its length
    cofired: set[int] = set()  # closed by the next projectile of the same phrase, before any date
    pending = Occasion(start, start)
    has_own = False  # pending has a count and projectile of its own
    capability = frozenset(lexicon.cue_terms("capability_word"))
    # "nations able to hit several targets with a single missile": what a weapon can do
    can_do = {t.i for word in view.sent if word.lemma_.lower() in capability for t in word.subtree}
    for tokens in _items(view, start, separators, relatives):
        if can_do:
            tokens = [t for t in tokens if t.i not in can_do]
            if not tokens:
                continue
        pending_verb = any(pending.start <= v < pending.end for v in verbs)
        if any(t.i in verbs for t in tokens) and pending_verb and (pending.weapons or pending.weapon_class):
            occasions.append(pending)  # "..., while warships fired Kalibr cruise missiles"
            pending = Occasion(tokens[0].i, tokens[0].i)
            has_own = False
        if tokens[0].i > start and view.doc[tokens[0].i - 1].text == ":":
            # "Tuesday's launch was Pyongyang's fifth: a single missile on Sept. 25, ...": what
            # comes before a colon sums the list up; only a weapon it names carries over
            pending = Occasion(
                tokens[0].i, tokens[0].i, weapons=pending.weapons, weapon_class=pending.weapon_class
            )
            has_own = False
        if tokens[0].i > start and view.doc[tokens[0].i - 1].text == ";" and pending.end > pending.start:
            # a semicolon closes an item: what was left after the last occasion's date ("on Jan.
            # 17, two more, which ..., flew 380 km from Sunan airfield;") is still about it
            undated = pending.date_phrase is None and pending.days_after is None
            if undated and occasions:
                occasions[-1] = _fill(occasions[-1], pending)
                pending = Occasion(tokens[0].i, tokens[0].i)
                has_own = False
        item = _read(view, tokens, in_date, launchable, numbers, units, place_of)
        bare_date = (
            (item.date_phrase is not None or item.days_after is not None)
            and not (item.count is not None or item.weapons or item.weapon_class or item.site)
            # nothing but the date: "..., and Aug. 24"; not "hours before the Nov. 22 launch window"
            and all(t.i in in_date or t.lower_ in _DATE_GLUE or t.is_punct for t in tokens)
        )
        follows = (
            bare_date
            and occasions
            and pending.end <= pending.start
            and occasions[-1].end == tokens[0].i - 1
            and view.doc[tokens[0].i - 1].text != ";"  # "...; on Jan. 25, two cruise missiles": a new item
        )
        if (
            follows
            and view.doc[tokens[0].i - 1].text == ","
            and _exactness(item.date_phrase) > _exactness(occasions[-1].date_phrase) > 0
        ):
            # "two launches this year, on April 23 and July 9": the period restated as its days
            period = periods[len(occasions) - 1] = occasions[-1].date_phrase or ""
            occasions[-1] = replace(
                occasions[-1],
                end=tokens[-1].i + 1,
                date_phrase=in_year_of(item.date_phrase or "", period),
                days_after=item.days_after,
            )
            pending = Occasion(tokens[-1].i + 1, tokens[-1].i + 1)
            continue
        if follows and _a_day_or_month(occasions[-1].date_phrase):
            # "crashed into the sea on May 31 and Aug. 24": the occasion before, on another day
            runs[len(occasions)] = runs.pop(len(occasions) - 1, 1) + 1
            period = periods[len(occasions)] = periods.get(len(occasions) - 1, "")
            occasions.append(
                replace(
                    occasions[-1],  # keeps the start: what the items said of it still holds
                    end=tokens[-1].i + 1,
                    date_phrase=in_year_of(item.date_phrase or "", period) if period else item.date_phrase,
                    days_after=item.days_after,
                )
            )
            pending = Occasion(tokens[-1].i + 1, tokens[-1].i + 1)
            continue
        told_what = bool(item.weapons or item.weapon_class)
        if (
            item.named_after
            and pending.end <= pending.start
            and occasions
            and occasions[-1].end == tokens[0].i - 1
            and item.weapons[:1] != occasions[-1].weapons[:1]
        ):
            # "On Monday, the Guards fired Fateh-110 and Zelzal missiles": the occasion the date
            # closed at the first name has a second system fired with it, on its day
            occasions.append(
                replace(item, date_phrase=occasions[-1].date_phrase, days_after=occasions[-1].days_after)
            )
            pending = Occasion(tokens[-1].i + 1, tokens[-1].i + 1)
            continue
        own = item.count is not None and told_what
        other_kind = (item.weapons[:1], item.weapon_class) != (pending.weapons[:1], pending.weapon_class)
        if (
            item.coordinated
            and told_what
            and other_kind
            and (pending.weapons or pending.weapon_class)
            and pending.date_phrase is None
        ):
            # "fired Kalibr cruise missiles and Tsirkon hypersonic missiles": each its own launch
            own, has_own = True, True
        if own and has_own:
            occasions.append(pending)  # "30 cruise missiles and 120 ballistic missiles"
            if pending.date_phrase is None and pending.days_after is None:
                cofired.add(len(occasions) - 1)
            pending = Occasion(tokens[0].i, tokens[0].i)
            has_own = False
        elif own and pending.count is not None and not (pending.weapons or pending.weapon_class):
            pending = Occasion(
                tokens[0].i, tokens[0].i
            )  # "170 drones, 30 cruise missiles": drones are not launches
        pending = _join(pending, item)
        has_own = has_own or own
        dated = pending.date_phrase is not None or pending.days_after is not None
        told = (
            pending.count is not None
            or bool(pending.weapons or pending.weapon_class or pending.site)
            or pending.launch_word  # "...; a second "hypersonic" shot on Jan. 11", "the second in 2013"
        )
        if dated and told:
            # an occasion has what it was and when: "two more on Sept. 28"; "..., the following
            # day, fired four more" (the date may come first)
            occasions.append(pending)
            pending = Occasion(tokens[-1].i + 1, tokens[-1].i + 1)
            has_own = False
    if has_own:
        occasions.append(pending)
    for k in sorted(cofired, reverse=True):
        # "four short-range ballistic missiles and two cruise missiles on Monday": one date for both
        nxt = occasions[k + 1] if k + 1 < len(occasions) else None
        if nxt is not None:
            occasions[k] = replace(occasions[k], date_phrase=nxt.date_phrase, days_after=nxt.days_after)
    for last, n in runs.items():
        if all(occasions[k].count == n for k in range(last - n + 1, last + 1)):
            # "two launches, on Feb. 27 and March 5": the count is of the days, one each
            for k in range(last - n + 1, last + 1):
                occasions[k] = replace(occasions[k], count=1)
    occasions = _summed_up(_inherit(occasions))
    return occasions if len(occasions) >= 2 else []


def _summed_up(occasions: list[Occasion]) -> list[Occasion]:
    """The occasions without a first one that only sums up the others: "two Minuteman IIIs from
    Vandenberg this year, one on June 4 and another on June 6" are two launches, each from
    Vandenberg (what the sum says of them all holds for each)."""
    if len(occasions) < 3:
        return occasions
    first, rest = occasions[0], occasions[1:]
    counts = [o.count for o in rest]
    if first.count is None or None in counts or sum(c for c in counts if c is not None) != first.count:
        return occasions
    if _exactness(first.date_phrase) >= min(_exactness(o.date_phrase) for o in rest):
        return occasions
    rest = [
        replace(
            o,
            site=o.site or first.site,
            weapons=o.weapons or first.weapons,
            weapon_class=o.weapon_class or first.weapon_class,
        )
        for o in rest
    ]
    rest[0] = replace(rest[0], start=first.start)  # the first item holds the sum's verb
    return rest


def _read(
    view: SentenceView,
    tokens: list[Token],
    in_date: dict[int, DatePhrase],
    launchable: frozenset[str],
    numbers: Mapping[str, int],
    units: frozenset[str],
    place_of: PlaceOf,
) -> Occasion:
    """What one item says."""
    date_phrase: str | None = None
    days_after: int | None = None
    for tok in tokens:
        phrase = in_date.get(tok.i)
        if phrase is None:
            continue
        text = phrase.text
        before = view.doc[phrase.start - 1].lower_ if phrase.start > view.sent.start else ""
        if before in ("since", "until", "till", "by"):
            continue  # another event's date
        if _fielded(view, phrase):
            continue  # "a Minuteman III, first deployed in 1970": the weapon's date, not a launch's
        if resolve_each(text, None) or resolve_each(text, _PROBE):
            date_phrase = date_phrase or text
        elif days_after_previous(text) is not None and days_after is None:
            days_after = days_after_previous(text)
    count = None
    prefixes = view.lexicon.cue_terms("measure_prefix")
    for k, tok in enumerate(tokens):
        if tok.i in in_date:
            continue
        nxt = tokens[k + 1].lower_ if k + 1 < len(tokens) else ""
        # "a" counts one only on a projectile coordinated with another ("two ballistic missiles
        # and a cruise missile", "a Zircon and four Kalibrs"), not on any noun of a longer item
        # ("its test of an ICBM")
        article = (
            tok.lower_ in ("a", "an")
            and tok.dep_ == "det"
            and (tok.head.dep_ == "conj" or any(ch.dep_ == "conj" for ch in tok.head.children))
            and (tok.head.i in view.classes or tok.head.i in view.weapons or tok.head.i in view.span_root)
        )
        value = numbers.get(tok.lower_) if tok.lower_ not in ("a", "an") or article else None
        if tok.lower_ == "another" and (nxt in numbers or nxt.replace(",", "").isdecimal()):
            value = None  # "another two on Saturday", "another pair": the number that follows
        if value is None and tok.text.replace(",", "").isdecimal():
            value = int(tok.text.replace(",", ""))
        prev = tokens[k - 1].lower_ if k > 0 else ""
        named = k > 0 and tokens[k - 1].i == tok.i - 1 and tokens[k - 1].pos_ == "PROPN"
        if (
            value is not None
            and not named  # "a Type 88 missile": the number is part of a name
            and nxt not in units
            and nxt != "-"
            and not nxt.startswith(("km", "kilomet", "mile"))
            and prev not in prefixes  # "at up to Mach 10"
        ):
            count = value
            break
    # "some 170 drones": a count of something that is no launch
    other = count is not None and _counts_other(view, tok)
    count = None if other else count
    weapons = tuple(w for w in view.weapon_refs(tokens) if w.weapon_class in launchable)
    classes = [label for _i, label in view.class_words(tokens) if label in launchable]
    depth = {label: view.lexicon.class_depth(label) for label in classes}
    wclass = max(classes, key=lambda lab: depth[lab]) if classes else None
    known = weapons[0].weapon_class if weapons else None
    if wclass is not None and known is not None and view.lexicon.is_broader_or_equal(wclass, known):
        wclass = known  # "a Shaheen-III ballistic missile" is an MRBM: the catalog knows more
    site = None
    same_site = False
    for k, tok in enumerate(tokens):
        if tok.lower_ != "from":
            continue
        rest = [t.lower_ for t in tokens[k + 1 : k + 4]]
        if rest[:1] == ["the"] and rest[1:2] == ["same"]:
            same_site = True  # "from the same site", "from the same area"
        else:
            objects = [
                ch for ch in tok.children if ch.dep_ in ("pobj", "pcomp", "prep") and ch.i not in in_date
            ]
            site = place_of(objects[0], view) if objects else None
        break
    named_after = bool(weapons) and _named_after_named(view, tokens)
    return Occasion(
        start=tokens[0].i,
        end=tokens[-1].i + 1,
        date_phrase=date_phrase,
        days_after=days_after,
        count=count,
        weapons=weapons,
        weapon_class=wclass,
        site=site,
        each=any(t.lower_ == "each" for t in tokens),
        other_thing=other,
        same_site=same_site,
        launch_word=any(
            t.lemma_.lower() in view.lexicon.cue_terms("launch_noun")
            and any(
                ch.lower_ in view.lexicon.cue_terms("ordinal_word") or ch.lower_ == "another"
                for ch in t.children
            )
            for t in tokens
        )
        or _elliptic_ordinal(view, tokens),
        coordinated=any(
            t.dep_ == "conj"
            and t.head.i < tokens[0].i
            and (t.i in view.classes or t.i in view.weapons or t.i in view.span_root)
            and (t.head.i in view.classes or t.head.i in view.weapons or t.head.i in view.span_root)
            for t in tokens
        )
        or named_after,
        named_after=named_after,
    )


def _elliptic_ordinal(view: SentenceView, tokens: list[Token]) -> bool:
    """True for an item that is an ordinal standing for the launch told ("the second in
    September 2013", "the third, the first canister launch, in January 2015"): the ordinal
    opens the item and no noun follows it."""
    words = [t for t in tokens if t.dep_ != "det" and not t.is_punct]
    if not words or words[0].lower_ not in view.lexicon.cue_terms("ordinal_word"):
        return False
    following = view.doc[words[0].i + 1] if words[0].i + 1 < view.sent.end else None
    return following is None or following.pos_ not in ("NOUN", "PROPN", "ADJ")


def _named_after_named(view: SentenceView, tokens: list[Token]) -> bool:
    """True when the item opens with a weapon's name right after another weapon's name and a
    comma or "and": "the Tondar-69, Fateh-110 and Zelzal", "the home-made Fateh and Tondar
    missiles" name systems fired side by side, whatever the parser made of the phrase (it often
    reads a name as an adjective or a punctuation mark). Not after "or" ("a Hwasong-15 or
    Hwasong-17": one missile the text cannot name)."""
    first = next((t for t in tokens if t.dep_ != "det"), None)
    if first is None or first.i not in view.weapons or first.i <= view.sent.start:
        return False
    k = tokens[0].i - 1
    if view.doc[k].lower_ not in (",", "and"):
        return False
    while k > view.sent.start and view.doc[k].lower_ in (",", "and"):
        k -= 1
    before = view.weapons.get(k)
    return before is not None and before != view.weapons[first.i]


def _fielded(view: SentenceView, phrase: DatePhrase) -> bool:
    """The date of a weapon's showing or fielding, in a clause of a fielding verb on the weapon
    ("an ICBM first shown at a military parade in 2017", "first deployed in 1970"; fielding_verb in
    cues.tsv); not a date after a comma the parser hung on it ("first deployed in 1970, from
    Vandenberg on Tuesday")."""
    verb = view.verb_of(phrase)
    if verb is None or verb.lemma_.lower() not in view.lexicon.cue_terms("fielding_verb"):
        return False
    if verb.dep_ not in ("acl", "relcl", "advcl", "amod"):
        return False  # "state TV showed the launch on Tuesday": the main clause, not a clause on the weapon
    return verb.i < phrase.start and not any(t.text == "," for t in view.doc[verb.i : phrase.start])


def _a_day_or_month(phrase: str | None) -> bool:
    """True for "May 31", "in August": a date an occasion happened on, not a period such as
    "this year" that several fall in."""
    dates = resolve_each(phrase, _PROBE) if phrase else []
    return bool(dates) and all(d.month is not None for d in dates)


_EXACTNESS = {"year": 1, "month": 2, "day": 3}


def _exactness(phrase: str | None) -> int:
    """How exactly a phrase dates: 3 for days, 2 for months, 1 for years, 0 for no date."""
    dates = resolve_each(phrase, _PROBE) if phrase else []
    return min((_EXACTNESS[d.precision] for d in dates), default=0)


def _counts_other(view: SentenceView, number: Token) -> bool:
    """True if a number counts a noun that is no projectile and holds none ("some 170 drones",
    not "30 cruise missiles", "six rounds of missiles" or "two launches")."""
    noun = number.head
    if number.dep_ != "nummod" or noun.pos_ != "NOUN":
        return False
    launchy = view.lexicon.cue_terms("launch_noun").keys() | view.lexicon.cue_terms("projectile_noun").keys()
    listed = ("conj", "cc", "appos", "punct")  # the items after it ("170 drones, 30 cruise missiles")
    conjoined = {t.i for ch in noun.children if ch.dep_ in listed for t in ch.subtree}
    own = [t for t in noun.subtree if t.i not in conjoined]
    return noun.lemma_.lower() not in launchy and not any(
        t.i in view.classes or t.i in view.weapons or t.i in view.span_root for t in own
    )


def _join(pending: Occasion, item: Occasion) -> Occasion:
    """What the items of one occasion say together: the first of each that says it."""
    return Occasion(
        start=min(pending.start, item.start) if pending.end > pending.start else item.start,
        end=item.end,
        date_phrase=pending.date_phrase or item.date_phrase,
        days_after=pending.days_after if pending.days_after is not None else item.days_after,
        count=pending.count if pending.count is not None else item.count,
        weapons=pending.weapons or item.weapons,
        weapon_class=pending.weapon_class or item.weapon_class,
        site=pending.site or item.site,
        each=pending.each or item.each,
        same_site=pending.same_site or item.same_site,
        launch_word=pending.launch_word or item.launch_word,
    )


def _fill(occ: Occasion, more: Occasion) -> Occasion:
    """An occasion with what a later part of its item says and it did not."""
    return replace(
        occ,
        end=more.end,
        count=occ.count if occ.count is not None else more.count,
        weapons=occ.weapons or more.weapons,
        weapon_class=occ.weapon_class or more.weapon_class,
        site=occ.site or more.site,
    )


def _inherit(occasions: list[Occasion]) -> list[Occasion]:
    """What an occasion leaves out, from the one before: the class and weapon ("two more on
    Sept. 28"), the count when that one said "each", the site when it says "the same site"."""
    out: list[Occasion] = []
    for occ in occasions:
        if out:
            prev = out[-1]
            if not occ.weapons and occ.weapon_class is None:
                occ = replace(occ, weapons=prev.weapons, weapon_class=prev.weapon_class)
            if occ.count is None and prev.each:
                occ = replace(occ, count=prev.count, each=True)
            if occ.same_site and occ.site is None:
                occ = replace(occ, site=prev.site)
        out.append(occ)
    return out


__all__ = ["Occasion", "find_occasions"]
