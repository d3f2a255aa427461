"""Launch sites: the place a "from" (or "at") phrase names, trimmed to its name as written.

"from the eastern coastal town of Wonsan" -> "Wonsan"; "from an area near Pyongyang" -> "area
near Pyongyang"; "from the Hodo peninsula" -> "Hodo peninsula"; "from waters near the port of
Sinpo" -> "Sinpo"; "from railway cars in North Pyongan province" -> "North Pyongan province";
"from the vicinity of Wonsan" -> "vicinity of Wonsan"; "from the Sohae Satellite Launching
Ground" -> "Sohae".

The words that decide it live in cues.tsv: generic place nouns (whose name is a modifier or an
"of" phrase), those whose head stays in the name ("Kangwon province"), nouns of places near a
named one ("the vicinity of", "the outskirts of"), launch platforms and waters (looked through
to the place they are at), and facility words trimmed off a site's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.cues import cues
from kg.extract.sentence import SentenceView, lemmas
from kg.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class PlaceWords:
    generic: frozenset[str]  # "town", "area", "county": the name is elsewhere in the phrase
    keep_head: frozenset[str]  # "province", "peninsula", "island": part of the name
    relative: frozenset[str]  # "vicinity", "outskirts": kept with their "of" phrase
    through: frozenset[str]  # "launcher", "submarine", "waters": look for the place they are at
    ship_prefixes: frozenset[str]  # "HMS", "USS": a ship's name, a platform, not a place
    facility: tuple[tuple[str, ...], ...]  # trailing words trimmed off a name, longest first
    directions: frozenset[str]  # "east", "western": no name of a place
    water_heads: frozenset[str]  # "sea", "bay", "gulf": named with "of" ("the Sea of Okhotsk")
    water_names: frozenset[str]  # "Mediterranean", "Pacific": waters named without a head word


_CACHE: dict[str, PlaceWords] = {}


def place_words(lexicon: Lexicon) -> PlaceWords:
    found = _CACHE.get(lexicon.version)
    if found is None:
        facility = sorted(
            (tuple(term.lower().split()) for term in lexicon.cue_terms("site_facility")),
            key=len,
            reverse=True,
        )
        found = _CACHE[lexicon.version] = PlaceWords(
            generic=frozenset(lexicon.cue_terms("place_noun")),
            keep_head=frozenset(lexicon.cue_terms("place_noun_named")),
            relative=frozenset(lexicon.cue_terms("place_noun_relative")),
            through=frozenset(lexicon.cue_terms("platform_noun"))
            | frozenset(lexicon.cue_terms("water_noun"))
            | frozenset(lexicon.cue_terms("target_noun")),
            ship_prefixes=frozenset(lexicon.cue_terms("ship_prefix")),
            facility=tuple(facility),
            directions=frozenset(lexicon.cue_terms("direction_word")),
            water_heads=frozenset(lexicon.cue_terms("sea_word"))
            | frozenset(lexicon.cue_terms("water_name_head")),
            water_names=frozenset(lexicon.cue_terms("water_name")),
        )
    return found


def place_label(tok: Token, view: SentenceView) -> str | None:
    """The site a phrase's head names, as written and trimmed to its name; None when the phrase
    names no place."""
    words = place_words(view.lexicon)
    return _label(tok, view, words, depth=0)


def _label(head: Token, view: SentenceView, words: PlaceWords, depth: int) -> str | None:
    if depth > 3:
        return None
    lemma = head.lemma_.lower()
    ship = head.pos_ == "PROPN" and any(t.text in words.ship_prefixes for t in head.subtree if t.i <= head.i)
    if lemma in words.through or head.i in view.weapons or head.i in view.classes or ship:
        # "a mobile launcher at the Plesetsk cosmodrome", "waters near the port of Sinpo",
        # "railway cars in North Pyongan province"
        for prep in _preps(head, ("at", "in", "from", "near", "off", "of")):
            for obj in _objects(prep):
                label = _label(obj, view, words, depth + 1)
                if label:
                    return label
        return None
    if head.lower_ in ("near", "around"):  # "from near Pyongyang", "from around Sariwon"
        for obj in _objects(head):
            inner = _label(obj, view, words, depth + 1)
            if inner:  # "from near the eastern port city of Wonsan" -> "near Wonsan"
                return f"{head.lower_} {inner}"
        return " ".join(t.text for t in head.subtree)
    if head.pos_ == "PROPN":
        # "the Sea of Okhotsk", "the Bay of Audierne": a name that goes on with "of" and a name
        tail = [
            obj
            for prep in _preps(head, ("of",))
            if prep.i == head.i + 1
            for obj in _objects(prep)
            if obj.pos_ == "PROPN"
        ]
        if tail and head.lower_ in words.water_heads:
            return f"{_name(head, view)} of {_name(tail[0], view)}"
        return _trim(_name(head, view), words, view)  # as written: "Toyang-ri", "Sunan", "Hodo peninsula"
    compounds = [
        ch
        for ch in head.children
        if ch.dep_ == "compound"
        and ch.pos_ == "PROPN"
        and ch.i < head.i
        and not all(t.lower_ in words.directions for t in ch.subtree)  # "the east coast"
        and not (
            ch.lemma_.lower() in words.generic
            and all(t.lower_ in words.directions for t in ch.subtree if t.i != ch.i)
        )
    ]  # "the east coast port of Sinpo": the coast is no name
    if lemma in words.relative or head.lower_ in words.relative:
        for prep in _preps(head, ("of",)):  # "the vicinity of Wonsan", "the outskirts of Pyongyang"
            for obj in _objects(prep):
                inner = _label(obj, view, words, depth + 1)
                if inner:
                    return f"{head.text} of {inner}"
        return None
    if lemma in words.generic or lemma in words.keep_head:
        if compounds:
            # the proper name before the head: "the Plesetsk state testing cosmodrome" -> Plesetsk
            start = min(t.i for t in compounds[0].subtree if t.dep_ != "det")
            end = start
            while end < head.i and (view.doc[end].pos_ == "PROPN" or view.doc[end].text in ("-", "'s")):
                end += 1
            name = view.doc[start:end].text
            if end < head.i:
                return _trim(name, words, view)
            # "Kangwon province", "the Hodo peninsula": the head is part of the name
            return _trim(f"{name} {head.text}" if lemma in words.keep_head else name, words, view)
        for prep in _preps(head, ("of",)):
            for obj in _objects(prep):
                if obj.pos_ == "PROPN":
                    return _label(obj, view, words, depth + 1)
        for prep in _preps(head, ("near",)):
            near = " ".join(t.text for t in prep.subtree)
            return f"{head.text} {near}" if lemma == "area" else near
        # "its missile test centre at Biscarrosse", "a silo on north Vandenberg": where it is
        # ("a position in March" names a time)
        dated = {i for p in view.date_phrases() for i in range(p.start, p.end)}
        for prep in _preps(head, ("at", "in", "on")):
            for obj in _objects(prep):
                if obj.i in dated:
                    continue
                label = _label(obj, view, words, depth + 1)
                if label:
                    return label
    return None


def _a_place(prep: Token, view: SentenceView) -> bool:
    """True if a phrase names its object as a place ("at the Plesetsk cosmodrome"), not only by
    a name, which after "fired at" is what was aimed at."""
    words = place_words(view.lexicon)
    return any(t.lemma_.lower() in words.generic | words.keep_head for t in prep.subtree)


def _names_water(label: str, words: PlaceWords) -> bool:
    """True for a sea, a bay or a gulf: "Barents Sea", "Sea of Japan", "eastern Mediterranean"."""
    return any(w.lower() in words.water_heads or w in words.water_names for w in label.split())


def _preps(head: Token, words: tuple[str, ...]) -> list[Token]:
    return [ch for ch in head.children if ch.dep_ == "prep" and ch.lower_ in words]


def _objects(prep: Token) -> list[Token]:
    if prep.lower_ == "out":  # "flew a Minuteman III out of Vandenberg": the objects of its "of"
        return [o for ch in prep.children if ch.dep_ == "prep" and ch.lower_ == "of" for o in _objects(ch)]
    out = [
        ch
        for ch in prep.children
        if ch.dep_ in ("pobj", "pcomp")
        or (ch.dep_ in ("prep", "advmod") and ch.lower_ in ("near", "around", "under"))
    ]
    # "from under the White Sea": the place under which
    return [g for ch in out for g in (_objects(ch) if ch.lower_ == "under" else [ch])]


def _name(head: Token, view: SentenceView) -> str:
    """A proper name with its compounds and hyphens: "Toyang-ri", "Pyongyang's Sunan airfield" ->
    "Sunan airfield" (a possessive state is not part of it)."""
    if head.i > 0 and head.doc[head.i - 1].text == "(":
        # "the Integrated Test Range (ITR)": the name before the abbreviation in brackets
        named = [ch for ch in head.lefts if ch.dep_ in ("nmod", "compound") and ch.i < head.i - 1]
        if named:
            return _name(named[-1], view)
    words = place_words(view.lexicon)
    water = head.lower_ in words.water_heads or head.text in words.water_names
    first = head.i
    for ch in sorted((t for t in head.lefts if t.dep_ in ("compound", "punct", "amod")), key=lambda t: -t.i):
        # the name's own words ("Toyang-ri", "Sunan", "Satish Dhawan Space Centre"), not a
        # possessor's ("North Korea's") nor a modifier in lower case or naming a state
        if ch.dep_ == "amod" and (not ch.text[:1].isupper() or view.is_state(ch)):
            if not (water and ch.i == first - 1 and ch.lower_ in words.directions):
                continue  # but "the eastern Mediterranean", "the western Pacific": part of where
            first = ch.i
            continue
        if ch.i == first - 1 and all(t.dep_ in ("compound", "punct", "amod") or t is ch for t in ch.subtree):
            first = ch.left_edge.i
    if first == head.i:
        # "Wheeler's Island": a possessor that is a name but no state is the name's first word
        for ch in head.lefts:
            if ch.dep_ == "poss" and ch.pos_ == "PROPN" and ch.i == head.i - 2 and not view.is_state(ch):
                if view.doc[ch.i + 1].tag_ == "POS":
                    first = ch.i
    return view.doc[first : head.i + 1].text


def _trim(name: str, words: PlaceWords, view: SentenceView) -> str:
    """A site without the facility words news adds to it: "Sohae Satellite Launching Ground" ->
    "Sohae"; "Imam Khomeini Space Center" stays (not a facility word of the table), and so does
    a facility whose name would be left a word that names no site ("the Integrated Test Range",
    not "Integrated")."""
    tokens = name.split()
    lower = [t.lower() for t in tokens]
    for suffix in words.facility:
        if len(lower) > len(suffix) and tuple(lower[-len(suffix) :]) == suffix:
            rest = " ".join(tokens[: -len(suffix)])
            return rest if view.lexicon.site_owner(rest) is not None else name
    return name


# Prepositions on the way from a launch to the place it came from ("crews at the Kapustin Yar
# testing ground", "a launcher in North Pyongan province", "into the sea from Kangwon province");
# grammar, not vocabulary
SITE_PATH_PREPS = frozenset(
    {"from", "at", "in", "of", "near", "off", "aboard", "on", "into", "toward", "towards"}
)


def _a_distance_from(prep: Token, view: SentenceView) -> bool:
    """True for a "from" phrase that measures a distance from a place, not the place: "far from
    Belarus", "about 200 km from Moscow" (distance_word in cues.tsv)."""
    if prep.i == 0 or prep.lower_ != "from":
        return False
    return prep.doc[prep.i - 1].lower_ in view.lexicon.cue_terms("distance_word")


def launch_site(
    view: SentenceView, trigger: Token, scope: list[Token], elsewhere: frozenset[int] = frozenset()
) -> str | None:
    """The place a launch (or "the missile" of one) came from: a "from" or "at" phrase on the
    trigger, its object or another word of its scope, "near" a place that is no state on the
    trigger or on what a launch noun tested ("the test of the Khorramshahr missile near Semnan"),
    a named sea, gulf or bay it was fired in ("crews at the Kapustin Yar testing ground
    fired", "flew 380 km from Pyongyang's Sunan airfield"), or on the verb a launch noun is the
    object of ("detected the launch from Mupyong-ri"). `elsewhere`: tokens of clauses the parser
    hung on this trigger that tell another launch (kg.extract.launch._stray_clauses)."""
    holders = [trigger]
    holders += [t for t in scope if t.dep_ in ("dobj", "nsubjpass", "nsubj") and t.head.i == trigger.i]
    holders += [
        t
        for t in scope
        if t not in holders
        and t.pos_ in ("NOUN", "PROPN", "VERB")
        # not a noun of an adjunct about something else: "despite warnings from Seoul"
        and not (t.head.dep_ == "prep" and t.head.lower_ not in SITE_PATH_PREPS)
    ]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        holders.append(trigger.head)
    happening = view.happening_verb(trigger) if trigger.pos_ == "NOUN" else None
    if happening is not None:
        # "The test was carried out from Abdul Kalam Island", "The launch took place from Vandenberg"
        holders.append(happening)
    for holder in holders:
        # "at" places a launcher ("crews at the Kapustin Yar testing ground"); on another verb it
        # is where something was aimed ("missiles aimed at the Al Udeid air base")
        # "near" on the launch itself ("tested a Khorramshahr missile near Semnan") or on what a
        # launch noun tested ("the test of the Khorramshahr missile near Semnan")
        tested = trigger.pos_ == "NOUN" and holder.head.lower_ == "of" and holder.head.head.i == trigger.i
        preps: tuple[str, ...]
        if holder is trigger or tested:
            preps = ("from", "at", "out", "near")
        else:
            preps = ("from", "at", "out") if holder.pos_ != "VERB" else ("from", "out")
        for prep in _preps(holder, preps):
            if holder is happening and _a_distance_from(prep, view):
                # "took place far from Belarus", "took place 200 km from Moscow": where it was not
                # ("flew 380 km from Sunan airfield" on a launch verb tells where it flew from)
                continue
            for obj in _objects(prep):
                if prep.lower_ == "near" and obj.i in view.states:
                    continue  # "fired missiles near Taiwan": where they came down or were aimed
                if (
                    holder is trigger
                    and prep.lower_ == "at"
                    and obj.pos_ == "PROPN"
                    and not _a_place(prep, view)
                ):
                    continue  # "fired a hypersonic missile at Kyiv": the target
                label = place_label(obj, view)
                if (
                    label
                    and holder is trigger
                    and prep.lower_ == "at"
                    and any(ch.dep_ == "dobj" and ch.i < prep.i for ch in trigger.children)
                    and view.lexicon.site_owner(label) is None
                    and not _names_water(label, place_words(view.lexicon))
                ):
                    # "launched a Tomahawk missile at a Houthi site", "fired missiles at a US base":
                    # what it was fired at ("at a target in the Barents Sea" still tells the sea)
                    continue
                if label:
                    return label
    # "fired a Sineva while submerged in the Barents Sea", "launched a Sineva in the Barents
    # Sea": a sea a submarine fired from
    words = place_words(view.lexicon)
    # its own clauses, less those the parser hung on it that belong to an earlier launch
    # (`elsewhere`), and those that came to it that way
    within = {t.i for t in scope} | {trigger.i}
    clauses = [ch for ch in trigger.children if ch.dep_ in ("advcl", "dobj") and ch.i not in elsewhere]
    clauses += [t for t in scope if t.dep_ == "advcl" and t.head.i not in within]
    for holder in (trigger, *clauses):
        for prep in _preps(holder, ("in", "under")):
            for obj in _objects(prep):
                # "fired a new round of missiles in the Persian Gulf": a named sea, gulf or bay
                if obj.pos_ == "PROPN" and obj.lower_ in words.water_heads and obj.i > obj.left_edge.i:
                    return place_label(obj, view) or _name(obj, view)
    # "two destroyers in the eastern Mediterranean fired interceptors", "a submarine in the
    # Barents Sea launched": where the platform that fired was
    for subj in (t for t in trigger.children if t.dep_ == "nsubj" and t.lemma_.lower() in words.through):
        for prep in _preps(subj, ("in", "at")):
            for obj in _objects(prep):
                label = place_label(obj, view)
                if label:
                    return label
    # "test-fired an Agni-P missile off the coast of Odisha": off a named place, said so
    # ("a night trial of the Agni-Prime missile off the Odisha coast", "conducted the test off ...")
    off_holders = [trigger, *(t for t in trigger.children if t.dep_ in ("dobj", "nsubjpass"))]
    if trigger.pos_ == "NOUN":
        off_holders += [
            g for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of" for g in _objects(p)
        ]
        # the verb that carried the test out, not one of watching it ("tracked the launch off Japan")
        conducted = trigger.dep_ == "dobj" and bool(lemmas(trigger.head) & cues(view.lexicon).conduct)
        off_holders += [trigger.head] if conducted else []
        off_holders += [happening] if happening is not None else []
    for holder in off_holders:
        for prep in _preps(holder, ("off",)):
            for obj in _objects(prep):
                label = place_label(obj, view)
                if label:
                    return f"off {label}"
    return None


def same_place(view: SentenceView, trigger: Token, scope: list[Token]) -> bool:
    """True if the launch came "from the same area" ("site", "airfield", ...): the place of a
    launch told before, which the merge looks up (kg.normalize)."""
    words = place_words(view.lexicon)
    places = words.generic | words.keep_head
    told = list(scope)
    happening = view.happening_verb(trigger) if trigger.pos_ == "NOUN" else None
    if happening is not None:  # "The second launch was conducted from the same island"
        told += [t for prep in _preps(happening, ("from", "at")) for t in prep.subtree]
    return any(
        t.lower_ == "same"
        and t.dep_ == "amod"
        and t.head.lemma_.lower() in places
        and t.head.dep_ == "pobj"
        and t.head.head.lower_ in ("from", "at")
        for t in told
    )


__all__ = ["launch_site", "place_label", "place_words", "same_place"]
