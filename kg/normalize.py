"""Candidates -> events: dates resolved against the dateline, one event per real occasion.

Within one article, several sentences often tell the same event ("North Korea fired a
missile..." / "The missile was launched at about 5:30 a.m. Wednesday..."). A candidate joins
the most recent compatible event of its type (same agent or overlapping parties, dates that
do not contradict, weapons that agree); otherwise it starts a new one. Two triggers of one
sentence are never the same event ("failed launches ... before it successfully test-fired one").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from kg.dates import add_months, resolve_each
from kg.extract.candidate import Candidate, Note
from kg.lexicon import Lexicon, NamedEvent
from kg.models import (
    PRECISION_RANK,
    Article,
    Event,
    EventType,
    Exercise,
    Factuality,
    Launch,
    Mention,
    Outcome,
    PartialDate,
    Treaty,
    WeaponRef,
)

COUNTED = (Factuality.ASSERTED, Factuality.CLAIMED)


@dataclass(slots=True)
class Group:
    type: EventType
    members: list[tuple[Candidate, PartialDate | None]] = field(default_factory=list)

    @property
    def last_sentence(self) -> int:
        return max(c.sentence_index for c, _ in self.members)

    @property
    def sentences(self) -> set[int]:
        return {c.sentence_index for c, _ in self.members}

    def date(self) -> PartialDate | None:
        """The event's date: a start or signing date first, then any date the text gives for
        the event itself, and only then the date of a report about it."""
        dated = [(c, d) for c, d in self.members if d is not None]
        strong = [(c, d) for c, d in dated if not _weak_date(c)]
        starts = [d for c, d in strong if c.date_role in ("start", "signed")]
        if starts:
            return starts[0]
        if strong:
            # "this year" told first, "on Wednesday" after: the day inside the year is the date
            first = strong[0][1]
            return max((d for _, d in strong if d.within(first)), key=lambda d: PRECISION_RANK[d.precision])
        ends = [d for c, d in dated if c.date_role == "end"]  # "closed Joint Sea-2024 on July 14"
        if ends:
            return ends[0]
        return dated[0][1] if dated else None

    def strong_date(self) -> PartialDate | None:
        dated = [d for c, d in self.members if d is not None and not _weak_date(c)]
        return dated[0] if dated else None

    def actors(self) -> list[str]:
        explicit = [a for c, _ in self.members if not c.needs_actor for a in c.actors]
        implicit = [a for c, _ in self.members for a in c.actors]
        return list(dict.fromkeys(explicit or implicit))

    def weapons(self) -> list[WeaponRef]:
        return list(dict.fromkeys(w for c, _ in self.members for w in c.weapons))

    def names(self) -> list[str]:
        return [c.name for c, _ in self.members if c.name]

    def modal(self) -> bool:
        return all(c.factuality not in COUNTED for c, _ in self.members)


def _weak_date(cand: Candidate) -> bool:
    """A date that places the event without dating it: the day it was reported, the day drills
    end, the dateline's month of drills told as under way ("the exercise will conclude on
    Friday": a start told later, "began on November 19", is the date), or "the same day" of a
    sentence that refers back to the event."""
    return (
        cand.date_role in ("report", "end")
        or (cand.ongoing and cand.date_phrase is None)
        # "The same day, Flynn said ..., citing the launch": the launch told before, whatever day
        # the sentence is about
        or (cand.definite and cand.days_after_previous is not None)
    )


def _known_signed(group: Group, lexicon: Lexicon) -> list[NamedEvent]:
    """The lexicon's entries, with a year of signing, of the treaties a group names."""
    return [k for n in group.names() if (k := lexicon.named_event("Treaty", n)) and k.signed]


def _signed_that_year(
    group: Group, date: PartialDate | None, told: PartialDate | None, lexicon: Lexicon
) -> bool:
    """True if a treaty the group names was signed in the year of `date`: "the Comprehensive
    Nuclear-Test-Ban Treaty ... the United States, which signed the document in 1996" is that
    treaty, another of its signatories. `told`: the group's own date."""
    if group.type is not EventType.TREATY or date is None:
        return False
    if told is not None and told.year != date.year:
        return False  # the Russian-Iranian treaty of 2025, named like the Russian-Korean one of 2024
    return any(k.signed == date.year for k in _known_signed(group, lexicon))


def _document_kind(cand: Candidate, lexicon: Lexicon) -> str | None:
    """The kind of document a treaty mention names ("a joint statement", "the memorandum of
    understanding", "the Lahore Declaration"), or None for a word that may name any ("the pact")."""
    kinds = lexicon.cue_terms("treaty_document_kind")
    if cand.name:  # "the Panmunjom Declaration for Peace, ...": the first kind word of the name
        return next((k for w in cand.name.split() if (k := kinds.get(w.casefold()))), None)
    return kinds.get(cand.trigger_lemma)


def _canonical(lexicon: Lexicon, event_type: EventType, name: str) -> str:
    """A named event's name as the lexicon reports it, case folded: one name however it is
    written ("INF", "the INF Treaty": the Intermediate-Range Nuclear Forces Treaty)."""
    return lexicon.canonical_event_name(event_type.value, name).casefold()


def _same_named(lexicon: Lexicon, event_type: EventType, name: str, names: list[str]) -> bool:
    """True if `name` is one of a group's canonical `names`; an exercise's series told without
    its edition is the edition the story tells ("BALTOPS 24 ... BALTOPS wraps up on June 20"),
    and the other way round. Two editions with their figures are never the same; a bare series
    name is told apart from an edition only by a date of another year (`_compatible`), so an
    undated "Joint Sword" beside "Joint Sword-2024B" joins it."""
    called = _canonical(lexicon, event_type, name)
    if called in names:
        return True
    if event_type is not EventType.EXERCISE:
        return False
    series = lexicon.series_name(called)
    bare = {n for n in names if lexicon.series_name(n) == n}
    if series == called:  # "BALTOPS" after "BALTOPS 24"
        return any(lexicon.series_name(n) == called for n in names if n not in bare)
    return series in bare  # "BALTOPS 24" after "BALTOPS"


def _other_document(group: Group, cand: Candidate, lexicon: Lexicon) -> bool:
    """ "signed a friendship treaty ... In a joint statement issued Monday, Putin and Jiang ...":
    a statement, a declaration and a memorandum are documents of their own, not the treaty told
    beside them, even on the same day with the same parties. Two mentions of different kinds are
    one document only when the later refers back ("the agreement")."""
    if cand.name and _canonical(lexicon, cand.type, cand.name) in {
        _canonical(lexicon, cand.type, n) for n in group.names()
    }:
        return False  # "the range the INF banned": the INF Treaty told, whatever its kind word
    kind = _document_kind(cand, lexicon)
    kinds = {_document_kind(c, lexicon) for c, _ in group.members}
    if kind in kinds:
        return False
    if kind is not None and any(k is not None for k in kinds):
        return True  # "the Lahore Declaration" and "the memorandum of understanding"
    if kind is None and cand.identifying_date:
        return False  # "recalling a 1994 pact with Russia": the Budapest Memorandum of that year
    return not cand.definite and (kind is not None or kinds != {None})


def _outcomes_conflict(group: Group, cand: Candidate) -> bool:
    told = {o for c, _ in group.members for o in c.outcomes} - {"flight"}
    new = set(cand.outcomes) - {"flight"}
    return bool(told and new and told.isdisjoint(new))


def _dates_compatible(a: PartialDate | None, b: PartialDate | None) -> bool:
    return a is None or b is None or a == b


def _jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def _compatible(
    group: Group,
    cand: Candidate,
    date: PartialDate | None,
    lexicon: Lexicon,
    today: PartialDate | None = None,
) -> bool:
    if group.type is not cand.type or cand.distinct:
        return False
    if cand.type is EventType.TREATY and _other_document(group, cand, lexicon):
        return False
    if cand.indefinite and set(cand.actors) != set(group.actors()):
        return False  # "a four-day combined exercise" of KOR and USA is not the KOR strike drills
    if cand.sentence_index in group.sentences and (cand.distinct or _outcomes_conflict(group, cand)):
        return False  # two triggers of one sentence are one event unless the text sets them apart
    if (cand.factuality in COUNTED) == group.modal() and not (
        cand.definite and cand.factuality not in COUNTED
    ):
        return False  # a plan and a report are different events, unless the plan refers back
    if _weak_date(cand):
        date = None  # the day it was reported, or the day drills ended, does not contradict their start
    gdate = group.strong_date()
    reported = [d for c, d in group.members if d is not None and c.date_role == "report"]
    if gdate is None and reported and date is not None and _long_before(date, reported[0]):
        return False  # "said on Wednesday the North had fired two Musudans" is not April's launch
    if (
        cand.type is EventType.LAUNCH
        and gdate is None
        and today is not None
        and date is not None
        and min(group.sentences) <= 1
        and not group.members[0][0].definite
        # told by a verb: "in response to North Korea's launch of a ballistic missile" refers
        and group.members[0][0].trigger_lemma not in lexicon.cue_terms("launch_noun")
        and _a_year_before(date, today)
    ):
        # "China test-fired an ICBM into the Pacific Ocean. ... In 1980, China launched an ICBM":
        # a story's lead tells its news, not the launch of 1980
        return False
    if (
        cand.type is EventType.EXERCISE
        and (cand.definite or cand.name)
        and date is not None
        and gdate is not None
        and (date.iso().startswith(gdate.iso()) or gdate.iso().startswith(date.iso()))
    ):
        gdate = date  # an exercise runs for days: "2024-05" and "2024-05-23" are the same drills
    nested = date is not None and gdate is not None and (date.within(gdate) or gdate.within(date))
    gw = {w.name for w in group.weapons()}
    cw = {w.name for w in cand.weapons}
    if not _dates_compatible(gdate, date) and not (
        cand.type is not EventType.LAUNCH and (cand.definite or cand.name)
    ):
        # a coarser date that holds the day told: the same launch when an ordinal dates it or a
        # definite mention names its weapon ("The Trident test last month failed")
        same_weapon = cand.type is EventType.LAUNCH and bool(gw & cw)
        if not (nested and (cand.ordinal_dated or (cand.definite and same_weapon))):
            return False
    if cand.type is EventType.LAUNCH:
        actors = group.actors()
        if cand.actors and actors and cand.actors[0] not in actors and not cand.needs_actor:
            return False
        operators = {
            s for w in cand.weapons if w.operator for s in lexicon.fielded_by(w.name) or [w.operator]
        }
        if actors and operators and not operators & set(actors) and not gw & cw:
            # "the submarine Bryansk fired a Sineva" is not the US launch told before; the weapon
            # that launch fired is ("Australian soldiers launched a PrSM, the first time the
            # weapon has been fired here": whoever else fields it)
            return False
        if gw and cw and not gw & cw:
            return False
        platforms = {c.platform for c, _ in group.members if c.platform}
        if cand.platform and platforms and cand.platform not in platforms:
            return False  # "warships fired Kalibrs ... Tu-95MS bombers also fired cruise missiles"
        gclasses = [c.weapon_class for c, _ in group.members if c.weapon_class]
        if cand.weapon_class and gclasses and not (cand.definite and cw and not gw):
            # (not when a reference back names the weapon of a launch told by its class only:
            # "hypersonic missile tests in April ... the weapon it tested in April, the Hwasong-16B")
            # against the most specific class told: an SRBM launch told as "missiles" is no IRBM
            deepest = max(gclasses, key=lexicon.class_depth)
            if not lexicon.classes_compatible(deepest, cand.weapon_class):
                return False
        if date is None and gdate is None:
            return cand.definite or not cand.weapons or bool(gw & cw)
        if cand.ordinal_dated:
            # "its first test-firing over the weekend" is the launch of Sunday; "The first
            # launch was in November 2006" is another
            return nested
        # "its test over the weekend" of the Agni III fired on Sunday: that launch
        return date is None or gdate is None or date == gdate or (cand.definite and nested and bool(gw & cw))
    names = [_canonical(lexicon, cand.type, n) for n in group.names()]
    if (
        cand.type is EventType.EXERCISE
        and cand.name
        and date is not None
        and gdate is not None
        and date.year != gdate.year
    ):
        return False  # "Last year's Malabar was held off Sydney": another edition of the series
    if cand.name and names:
        return _same_named(lexicon, cand.type, cand.name, names) and (
            date is None or gdate is None or date == gdate or cand.date_role != "start"
        )
    if cand.name and not names:
        # "signed a pact on Friday ... compared it with the Outer Space Treaty": another treaty
        this = lexicon.named_event(cand.type.value, cand.name)
        if this is not None and this.signed and gdate is not None and gdate.year != this.signed:
            return False
        # "Australia is taking part in the Malabar exercises": a share of the states told, when
        # the states the name is known for are among them (not "India is also taking part in
        # Pitch Black", Australia's, after drills of India, Japan and the United States)
        share = (
            bool(cand.actors)
            and set(cand.actors) <= set(group.actors())
            and (this is None or set(this.parties) <= set(group.actors()))
        )
        # "PNG and the US have signed a new defence pact ... Blinken and Daki signed the Defence
        # Cooperation Agreement on Monday night": the name and the day of the pact just told
        return (
            cand.sentence_index - group.last_sentence <= 2
            and (not cand.actors or share or _jaccard(cand.actors, group.actors()) >= 0.5)
            and (
                date is None
                # not "this new treaty replaces the 1961 Treaty of Friendship": another, older one
                or (
                    gdate is None
                    and cand.type is EventType.TREATY
                    and not (cand.identifying_date or cand.succeeded)
                )
            )
        ) or (date is not None and date == gdate)
    if cand.definite and cand.identifying_date and date is not None and gdate is not None and date != gdate:
        return False  # "the 1953 armistice" is not the declaration signed on Friday
    if cand.type is EventType.TREATY and cand.identifying_date and date is not None and not cand.name:
        known = _known_signed(group, lexicon)
        signed = {k.signed for k in known}
        if signed and date.year not in signed:
            return False  # "the 1961 treaty" is not the Comprehensive Strategic Partnership Treaty of 2024
        parties = {*group.actors(), *(p for k in known for p in k.parties)}
        if signed and set(cand.actors) <= parties:
            return True  # "ending a 1987 pact with Moscow" is the INF Treaty just told
    if (
        cand.definite
        and not cand.needs_actor
        and cand.actors
        and group.actors()
        and cand.trigger_lemma != "participate"
    ):
        told = set(group.actors())
        # "the document" the United States, Israel and China signed is the treaty told with the
        # United States: a treaty's parties add up; "joined the Russian part of the drills" told
        # with Russia and Belarus: a share of the event's states is the event
        # ("Singapore, Japan and Malaysia are full participants in the exercises" the two hosts opened:
        # an exercise's states add up too)
        nested = set(cand.actors) <= told or (
            cand.type in (EventType.TREATY, EventType.EXERCISE) and told <= set(cand.actors)
        )
        nested = nested or _signed_that_year(group, date, gdate, lexicon)
        if _jaccard(cand.actors, group.actors()) < 0.5 and not nested:
            return False  # "their joint air patrol" (Russia, China) is not "the drills" told before
    if cand.definite:
        # "the drills", "the pact": the latest event of the kind, unless the text dates a new
        # signing or start ("Signed in April 2010 ..., the treaty ..."), or dates something
        # the event has no date for yet ("the 1953 armistice" is not the summit's declaration)
        if cand.type is EventType.TREATY and date is not None and gdate is None:
            # "The accord was signed in Pyongyang in September 2018": the treaty told before
            # gets its date; "the 1953 armistice" names its own, other than a declaration's
            return (cand.date_role == "signed" and not cand.identifying_date) or any(
                c.trigger_lemma == cand.trigger_lemma for c, _ in group.members
            )
        return date is None or gdate is None or date == gdate or cand.date_role not in ("start", "signed")
    if cand.actors and group.actors() and _jaccard(cand.actors, group.actors()) < 0.5:
        return False
    if cand.type is EventType.TREATY and cand.actors and group.actors() and date and gdate:
        # "the 2018 inter-Korean military agreement" is the Comprehensive Military Agreement of
        # 2018-09-19 told before: the same parties and an agreeing date
        return date.iso().startswith(gdate.iso()) or gdate.iso().startswith(date.iso())
    return date is not None and date == gdate


def _weak(cand: Candidate, date: PartialDate | None) -> bool:
    """A launch mention that names no weapon, class, date or site, or drills in general: it
    can support an event already told, not start one."""
    if cand.generic:
        return True
    return cand.type is EventType.LAUNCH and not (
        cand.weapons or cand.weapon_class or date or cand.site or cand.count
    )


def _resolve_dates(
    cand: Candidate, anchor: dt.date | None, previous: PartialDate | None
) -> list[PartialDate | None]:
    dates = _resolve_raw(cand, anchor, previous)
    if cand.type is EventType.EXERCISE and _consecutive_days(dates) and not cand.apart:
        # "drills on Thursday and Friday": one exercise, dated by its start ("on Monday and
        # again on Tuesday" tells two)
        return dates[:1]
    if cand.date_role == "during":  # a day inside a multi-day exercise dates it to the month
        return [PartialDate(d.year, d.month) if d is not None and d.month is not None else d for d in dates]
    return dates


def _consecutive_days(dates: list[PartialDate | None]) -> bool:
    """True for two or more days that follow each other ("on May 10 and 11")."""
    days = [dt.date(d.year, d.month, d.day) for d in dates if d is not None and d.month and d.day]
    return len(days) == len(dates) > 1 and all((b - a).days == 1 for a, b in pairwise(days))


def _resolve_raw(
    cand: Candidate, anchor: dt.date | None, previous: PartialDate | None
) -> list[PartialDate | None]:
    if cand.days_after_previous is not None:
        if cand.days_after_previous == 0 or previous is None or previous.precision != "day":
            return [previous]
        assert previous.month is not None and previous.day is not None
        day = dt.date(previous.year, previous.month, previous.day) + dt.timedelta(cand.days_after_previous)
        return [PartialDate.of(day)]
    if cand.date_phrase:
        dates = resolve_each(cand.date_phrase, anchor, future=cand.future)
        if cand.present and not cand.future and anchor is not None:
            ahead = resolve_each(cand.date_phrase, anchor, future=True)
            if len(ahead) == len(dates):
                dates = [
                    min(d, a, key=lambda x: _days_from(x, anchor)) for d, a in zip(dates, ahead, strict=True)
                ]
        if dates and cand.date_offset:
            return [_shifted(d, cand.date_offset) for d in dates]
        if dates and cand.month_offset:
            return [_months_shifted(d, cand.month_offset) for d in dates]
        if dates:
            return list(dates)
    if cand.ongoing and anchor is not None:
        return [PartialDate(anchor.year, anchor.month)]
    return [None]


def _days_from(date: PartialDate, anchor: dt.date) -> int:
    """How many days the first day of a date lies from the anchor, either way."""
    return abs((dt.date(date.year, date.month or 1, date.day or 1) - anchor).days)


def _shifted(date: PartialDate, days: int) -> PartialDate | None:
    """A day `days` later (earlier when negative); a month or year moved by days says nothing."""
    if date.month is None or date.day is None:
        return None
    return PartialDate.of(dt.date(date.year, date.month, date.day) + dt.timedelta(days))


def _months_shifted(date: PartialDate, months: int) -> PartialDate | None:
    """The month `months` later (earlier when negative), to the month; a year says nothing."""
    return None if date.month is None else add_months(date.year, date.month, months)


def _a_year_before(date: PartialDate, today: PartialDate) -> bool:
    """True if all of `date` lies a year or more before `today`."""
    assert today.month is not None
    return (today.year - date.year) * 12 + today.month - (date.month or 12) >= 12


def _long_before(date: PartialDate, report: PartialDate) -> bool:
    """True if an event dated `date` lies a month or more before a report dated `report`: news
    reports launches within days, so that report is about another launch."""
    if date.month is None or report.month is None:
        return date.year < report.year
    return (report.year - date.year) * 12 + (report.month - date.month) >= 2 or (
        date.day is not None
        and report.day is not None
        and (dt.date(report.year, report.month, report.day) - dt.date(date.year, date.month, date.day)).days
        > 31
    )


def _before(date: PartialDate, anchor: dt.date) -> bool:
    return date.iso() < PartialDate.of(anchor).truncate(date.precision).iso()


def _after(date: PartialDate, anchor: dt.date) -> bool:
    return date.iso() > PartialDate.of(anchor).truncate(date.precision).iso()


def merge(
    candidates: Sequence[Candidate],
    article: Article,
    lexicon: Lexicon,
    notes: Sequence[Note] = (),
    headings: frozenset[int] = frozenset(),
    days: Sequence[tuple[int, str]] = (),
) -> tuple[Event, ...]:
    """Group candidates into events, in the order the article first tells them.

    Candidates of `headings` (sentence indexes of headlines and other heading lines) come
    last: a headline restates the story's lead, so it joins the event the story tells first
    of its type and actors, weapon or name, and starts one of its own only when none is told.

    `days` are the date phrases of the article's sentences (sentence index, phrase): "On the
    day the council voted" and "the same day" are the day told last, an event's or not ("the
    council approved it on October 25").
    """
    groups: list[Group] = []
    last_date: PartialDate | None = None
    last_at = -1  # the sentence that told last_date
    last_of_type: dict[EventType, PartialDate] = {}  # the last day told of each type of event
    told_days = [
        (i, d)
        for i, phrase in days
        for d in (resolve_each(phrase, article.date) if article.date else [])
        if d.precision == "day"
    ]
    headings = _restating(candidates, headings)
    today = PartialDate.of(article.date) if article.date is not None else None
    order = sorted(
        candidates, key=lambda c: (c.sentence_index in headings, c.sentence_index, c.sentence.start)
    )
    for cand in order:
        if cand.sentence_index in headings:
            restated = _headline_event(groups, cand, lexicon)
            if restated is not None:
                # its evidence, not its states when the story gives them: a headline names the
                # story's other side too ("India hits back at China over objection to Yudh Abhyas")
                if restated.actors():
                    cand = replace(cand, actors=(), needs_actor=True)
                restated.members.append((cand, None))
                continue
        previous = last_date
        if cand.days_after_previous is not None:
            # a day told after the last event's, in a sentence before this one
            later = [d for i, d in told_days if last_at < i < cand.sentence_index]
            previous = later[-1] if later else last_date
        if cand.beside_told:
            previous = last_of_type.get(cand.type)  # "two missiles were also launched"
        dates = _resolve_dates(cand, article.date, previous)
        edition = lexicon.edition_year(cand.name or "") if cand.type is EventType.EXERCISE else None
        for date in dates:
            one = cand
            if edition is not None and date is not None and date.year != edition:
                # "Talisman Sabre 2025, the biennial war games that began in 2005": a date of the
                # series, not of the edition its name gives
                date, one = None, replace(cand, date_role="")
            if len(dates) > 1 and cand.count is not None and cand.count == len(dates):
                one = replace(one, count=1)
            elif len(dates) > 1 and cand.plural and cand.trigger_lemma in lexicon.cue_terms("launch_noun"):
                one = replace(one, plural=False)  # "the previous tests, in 2009 and 2012": one each
            if one.factuality is Factuality.EXPECTED and date is not None and article.date is not None:
                if _before(date, article.date):  # "replacing the 1953 armistice": it exists already
                    one = replace(one, factuality=Factuality.ASSERTED)
            if one.refers_to_pair and (not one.actors or one.needs_actor):
                told = [g for g in groups if g.type is one.type and len(g.actors()) == 2] or [
                    g for g in groups if g.type is one.type and len(g.actors()) > 2
                ]
                if told:  # "the two sides": the latest pair of parties
                    one = replace(one, actors=tuple(max(told, key=lambda g: g.last_sentence).actors()))
            if one.edition and not one.name:
                # "The 2023 edition involved 30,000 personnel": of the series the story last named
                series = [g for g in groups if g.type is EventType.EXERCISE and g.names()]
                if not series:
                    continue
                ref = max(series, key=lambda g: g.last_sentence)
                one = replace(
                    one,
                    name=lexicon.series_name(ref.names()[0]),
                    actors=one.actors or tuple(ref.actors()),
                    needs_actor=False,
                )
            if one.same_site and one.type is EventType.LAUNCH:
                # "A second missile ... was launched from the same area": the site told last
                sited = [(c.sentence_index, c.site) for g in groups for c, _ in g.members if c.site]
                if sited:
                    one = replace(one, site=max(sited, key=lambda pair: pair[0])[1])
            target = None
            ordered = sorted(groups, key=lambda g: g.last_sentence, reverse=True)  # most recently told first
            if one.definite:
                # "The armistice was signed by ...": the armistice told before, if any; "the
                # missile was fired from Mupyong-ri": the launch of the state it is about
                def rank(g: Group, one: Candidate = one) -> tuple[bool, bool, bool]:
                    same_actor = bool(one.actors) and one.actors[0] in g.actors()
                    same_word = any(c.trigger_lemma == one.trigger_lemma for c, _ in g.members)
                    # told before, not only beside it ("this new treaty replaces the 1961 Treaty ...")
                    only_here = one.type is EventType.TREATY and all(
                        c.sentence_index == one.sentence_index for c, _ in g.members
                    )
                    return (only_here, not same_actor, not same_word)

                ordered = sorted(ordered, key=rank)  # stable: the latest first among equals
            if one.name and one.type is EventType.TREATY and date is None:
                # an undated mention of a treaty's name told before is that treaty, before any
                # unnamed one told since ("Will there be a new treaty? ... the range the INF
                # banned"); an exercise's name is a series' too ("The Malabar series began ...")
                called = _canonical(lexicon, one.type, one.name)
                ordered = sorted(
                    ordered, key=lambda g: called not in {_canonical(lexicon, g.type, n) for n in g.names()}
                )
            for group in ordered:
                if _compatible(group, one, date, lexicon, today):
                    target = group
                    break
            if target is None and one.renews:
                # "agreed in early 2021 to extend it": the treaty told last (by name if it has one)
                told = [g for g in groups if g.type is EventType.TREATY and (g.names() or not one.name)]
                if one.name:
                    told = [g for g in told if one.name.casefold() in (n.casefold() for n in g.names())]
                if not told:
                    continue
                ref = max(told, key=lambda g: (bool(g.names()), g.last_sentence))
                one = replace(one, name=one.name or next(iter(ref.names()), None), actors=tuple(ref.actors()))
            if target is None:
                if _weak(one, date):
                    continue  # "condemned the launch" with nothing to attach it to says nothing new
                if (
                    one.definite
                    and one.type is EventType.TREATY
                    and not one.name
                    and not one.identifying_date
                ):
                    named = [
                        g
                        for g in groups
                        if g.type is EventType.TREATY
                        and g.names()
                        and any(c.trigger_lemma == one.trigger_lemma for c, _ in g.members)
                    ]
                    if named:  # "Signed in April 2010 ..., the treaty caps": the treaty told before
                        ref = max(named, key=lambda g: g.last_sentence)
                        one = replace(one, name=ref.names()[0], actors=one.actors or tuple(ref.actors()))
                target = Group(one.type)
                groups.append(target)
            known = target.strong_date()
            if known is not None and date is not None and date != known and not date.within(known):
                if one.date_role not in ("start", "signed"):
                    date = None  # a later date of an event already dated ("watched the exercise on Monday")
            target.members.append((one, date))
            if date is not None and date.precision == "day":
                last_date, last_at = date, cand.sentence_index
                last_of_type[cand.type] = date
    _attach_notes(groups, notes, lexicon)
    groups = _fold_summaries(groups)
    groups = _fold_shot_down(groups)
    groups = _fold_into_named_exercises(groups, _named_parties(groups, lexicon))
    _date_drills_by_their_launches(groups)
    _date_launches_by_their_drill(groups)
    parties = _named_parties(groups, lexicon)
    classes_told = _classes_told(groups, lexicon)
    return tuple(
        _event(g, article, lexicon, parties.get(id(g)), classes_told)
        for g in groups
        if _worth_keeping(g, parties.get(id(g)))
    )


def _classes_told(groups: list[Group], lexicon: Lexicon) -> dict[str, str]:
    """weapon name -> the class the article gives it beside its name where that is narrower than
    the catalogue's ("its intercontinental ballistic missile Agni-V" when the catalogue only
    knows a ballistic missile): the class of its other launches too ("The maiden flight of the
    Agni-V took place in April 2012")."""
    out: dict[str, str] = {}
    told = [
        (w, c.weapon_class)
        for group in groups
        if group.type is EventType.LAUNCH
        for c, _ in group.members
        if c.class_from_weapon_phrase and c.weapon_class
        for w in c.weapons
    ]
    for weapon, label in told:
        known = out.get(weapon.name, weapon.weapon_class)
        if known is None or (known != label and lexicon.is_broader_or_equal(known, label)):
            out[weapon.name] = label
    return out


def _fold_summaries(groups: list[Group]) -> list[Group]:
    """A launch told by a month or year and a count that the launches of its agent and weapon
    dated within that period add up to ("fired off three Musudans in April, which all ended in
    failure" ... "three this year, two on April 28 and one on April 15") is those launches told
    again: what it adds (the failure) goes to each, and it is no launch of its own."""
    out: list[Group] = []
    for group in groups:
        parts = _summed_parts(group, groups)
        if not parts:
            out.append(group)
            continue
        for part in parts:
            part.members += [(replace(c, count=None, date_phrase=None), None) for c, _ in group.members]
    return out


def _fold_shot_down(groups: list[Group]) -> list[Group]:
    """A launch told only by what defenders shot down is the share of a salvo the text told,
    when that salvo's agent fired on the same day at least as many ("Russia fired 60 missiles at
    Ukraine on Monday ... Ukraine's air force said it shot down 50 missiles on Monday"): no
    launch of its own."""
    out: list[Group] = []
    for group in groups:
        if group.type is EventType.LAUNCH and all(c.shot_down for c, _ in group.members):
            count, date = _group_count(group), group.date()
            salvo = [
                g
                for g in groups
                if g is not group
                and g.type is EventType.LAUNCH
                and not all(c.shot_down for c, _ in g.members)
                and g.actors()[:1] == group.actors()[:1]
                and date is not None
                and g.date() == date
                and (count is None or (_group_count(g) or 0) >= count)
            ]
            if salvo:
                continue
        out.append(group)
    return out


def _group_count(group: Group) -> int | None:
    return max((c.count for c, _ in group.members if c.count is not None), default=None)


def _summed_parts(group: Group, groups: list[Group]) -> list[Group]:
    date, count = group.date(), _group_count(group)
    if group.type is not EventType.LAUNCH or date is None or date.precision == "day" or not count:
        return []
    names = {w.name for w in group.weapons()}
    parts = [
        g
        for g in groups
        if g is not group
        and g.type is EventType.LAUNCH
        and g.actors() == group.actors()
        and (d := g.date()) is not None
        and d.precision == "day"
        and d.within(date)
        and (not names or not g.weapons() or names & {w.name for w in g.weapons()})
        and g.modal() == group.modal()
    ]
    # all of them, or those its own sentence lists ("three this year alone, two on April 28 and
    # one on April 15", told the day of a fourth)
    for some in (parts, [g for g in parts if set(g.sentences) & set(group.sentences)]):
        counts = [_group_count(g) for g in some]
        if len(some) > 1 and all(counts) and sum(c or 0 for c in counts) == count:
            return some
    return []


def _restating(candidates: Sequence[Candidate], headings: frozenset[int]) -> frozenset[int]:
    """The heading sentences that restate one event of a kind: a round-up's headline ("shells,
    a hypersonic IRBM and three rounds of cruise missiles") tells several and is read in place,
    as the story's other sentences."""
    kinds: dict[tuple[int, EventType], set[object]] = {}
    for c in candidates:
        if c.sentence_index in headings and (c.weapons or c.weapon_class or c.name):
            kinds.setdefault((c.sentence_index, c.type), set()).add((c.name, c.weapon_class, *c.weapons))
    return headings - {i for (i, _), told in kinds.items() if len(told) > 1}


def _headline_event(groups: list[Group], cand: Candidate, lexicon: Lexicon) -> Group | None:
    """The event a heading's candidate restates: the first told of its type and modality that
    shares an actor, a weapon or the first word of a name ("Balikatan 2024 opens" and "the 39th
    Balikatan exercises") and names no other weapon or kind of weapon (a round-up's headline,
    "shells, a hypersonic IRBM and three rounds of cruise missiles", is not its first launch)."""
    for group in groups:
        if group.type is not cand.type or (cand.factuality not in COUNTED) != group.modal():
            continue
        weapons = {w.name for w in group.weapons()}
        if cand.weapons and weapons and not weapons & {w.name for w in cand.weapons}:
            continue
        classes = [c.weapon_class for c, _ in group.members if c.weapon_class]
        if cand.weapon_class and classes:
            deepest = max(classes, key=lexicon.class_depth)
            if not lexicon.classes_compatible(deepest, cand.weapon_class):
                continue
        names = {n.split()[0].casefold() for n in group.names()}
        if (
            not (cand.name or cand.weapons)  # "drill to end Friday": the story's drills
            or set(cand.actors) & set(group.actors())
            or {w.name for w in cand.weapons} & {w.name for w in group.weapons()}
            or (cand.name and cand.name.split()[0].casefold() in names)
        ):
            return group
    return None


def _another_of_the_name(group: Group, known: NamedEvent) -> bool:
    """True for a treaty the text names like one the lexicon knows but signs in another year
    between other states: "Putin and Pezeshkian signed the Treaty on Comprehensive Strategic
    Partnership" (2025) is not the one Russia and North Korea signed under that name in 2024."""
    date = group.strong_date()
    actors = set(group.actors())
    return (
        known.signed is not None
        and date is not None
        and date.year != known.signed
        and len(actors) >= 2
        and not actors <= set(known.parties)
    )


def _named_parties(groups: list[Group], lexicon: Lexicon) -> dict[int, list[str]]:
    """The parties of named exercises and treaties, by group: a treaty the lexicon knows
    ("New START") has its signatories whatever else the sentence names ("signed in Prague");
    an exercise it knows has its fixed partners besides those the text names ("Max Thunder ...
    eight U.S. F-22s" is still South Korean too). A name the lexicon does not know takes the
    parties another mention of the same name in the article gave ("Malabar 2020" ... "The first
    phase of Malabar 2020")."""
    out: dict[int, list[str]] = {}
    told: dict[str, list[str]] = {}  # casefolded name -> parties the text gave, latest last
    for group in groups:
        if group.type is EventType.LAUNCH:
            continue
        actors = group.actors()
        for name in group.names():
            if actors:
                told[name.casefold()] = actors
    for group in groups:
        if group.type is EventType.LAUNCH or not group.names():
            continue
        actors = group.actors()
        for name in group.names():
            known = lexicon.named_event(group.type.value, name)
            if known is not None and known.parties:
                if group.type is EventType.TREATY and _another_of_the_name(group, known):
                    break  # the Russian-Iranian treaty of 2025 named like the Russian-Korean one of 2024
                if group.type is EventType.TREATY:
                    out[id(group)] = list(known.parties)
                else:
                    out[id(group)] = list(dict.fromkeys([*actors, *known.parties]))
                break
            if not actors and name.casefold() in told:
                out[id(group)] = told[name.casefold()]
                break
    for group in groups:
        if group.type is not EventType.TREATY or group.actors() or id(group) in out or not group.names():
            continue
        if not any(c.succeeded for c, _ in group.members):
            continue  # only a treaty the told one replaces or follows shares its parties
        # "this new treaty replaces the 1961 Treaty of Friendship, ...": a treaty told without
        # parties that a treaty with parties in its sentence replaces or follows is between the
        # same states
        beside = [
            g
            for g in groups
            if g is not group
            and g.type is EventType.TREATY
            and len(g.actors()) >= 2
            and g.sentences & group.sentences
        ]
        if beside:
            out[id(group)] = max(beside, key=lambda g: g.last_sentence).actors()
    return out


#: Days an exercise named in the story may run on after the day it is dated by
EXERCISE_SPAN_DAYS = 7


def _fold_into_named_exercises(groups: list[Group], parties: dict[int, list[str]]) -> list[Group]:
    """Drills told without a name that are the named exercise the story tells of the same
    states ("Iran's Revolutionary Guards pressed on with naval war games on Thursday" after
    "Great Prophet 9 opened on Wednesday"; "a typhoon cut short Taiwan's biggest war games" in
    a round-up that names Han Kuang): dated within the week after its start, or undated and
    not indefinite ("a combined live-fire drill" of the allies is one of many); never one told
    apart ("another", "a separate drill")."""
    named = [
        g for g in groups if g.type is EventType.EXERCISE and g.names() and parties.get(id(g), g.actors())
    ]
    out: list[Group] = []
    for group in groups:
        target = None
        if (
            group.type is EventType.EXERCISE
            and not group.names()
            and group.actors()
            and not any(c.distinct for c, _ in group.members)
        ):
            date = group.date()
            for other in named:
                start = other.date()
                if (
                    set(group.actors()) != set(parties.get(id(other), other.actors()))
                    or group.modal() != other.modal()
                ):
                    continue
                undated_reference = date is None and not any(c.indefinite for c, _ in group.members)
                if undated_reference or (
                    date is not None and start is not None and _within_days(date, start, EXERCISE_SPAN_DAYS)
                ):
                    target = other
                    break
        if target is None:
            out.append(group)
        else:
            target.members += [
                (replace(c, date_role="" if c.date_role == "start" else c.date_role), d)
                for c, d in group.members
            ]
    return out


def _within_days(date: PartialDate, start: PartialDate, days: int) -> bool:
    """True if a day-precise `date` falls on `start` or up to `days` days after it."""
    if date.precision != "day" or start.precision != "day":
        return date.within(start)  # "2025" is not the exercise of "March 10": too coarse to tell
    end = _shifted(start, days)
    return end is not None and start.iso() <= date.iso() <= end.iso()


def _date_drills_by_their_launches(groups: list[Group]) -> None:
    """ "South Korean and U.S. troops fired missiles on Wednesday ... The combined drill, held at
    7 a.m., used ...": an undated drill whose parties fired missiles just before takes their date."""
    for group in groups:
        if group.type is not EventType.EXERCISE or group.date() is not None:
            continue
        first = min(group.sentences)
        parties = set(group.actors())
        for launch in groups:
            agents = set(launch.actors())
            if (
                launch.type is EventType.LAUNCH
                and agents
                and agents <= parties
                and 0 <= first - launch.last_sentence <= 1
            ):
                date = launch.date()
                if date is not None:
                    cand = group.members[0][0]
                    group.members.append((replace(cand, date_role="start"), date))
                    break


def _date_launches_by_their_drill(groups: list[Group]) -> None:
    """ "Putin oversaw an exercise of the strategic forces on Wednesday ... A Yars was launched
    from Plesetsk ...": an undated launch told within the three sentences after a dated
    exercise of its agent's is part of it and takes its day."""
    for launch in groups:
        if launch.type is not EventType.LAUNCH or launch.date() is not None or launch.modal():
            continue
        first = min(launch.sentences)
        agents = set(launch.actors())

        def told_last(g: Group, first: int = first) -> int:
            """The drill's latest dated mention up to the launch ("what the Kremlin called a planned
            exercise" on Saturday, told again just before the launches)."""
            return max(
                (c.sentence_index for c, d in g.members if d is not None and c.sentence_index <= first),
                default=-99,
            )

        drills = [
            g
            for g in groups
            if g.type is EventType.EXERCISE and 0 <= first - told_last(g) <= 3 and not g.modal()
        ]
        if not drills or not agents:
            continue
        drill = max(drills, key=told_last)  # the one told last; undated, no date
        date = drill.date()
        if date is not None and date.precision == "day" and agents <= set(drill.actors()):
            cand = launch.members[0][0]
            launch.members.append((replace(cand, date_role="during"), date))


def _worth_keeping(group: Group, parties: list[str] | None = None) -> bool:
    """A launch needs an agent and an exercise a participant; a treaty needs a party, a name
    ("the Outer Space Treaty" binds many states the text need not name) or a date ("the 1953
    armistice"). What is left is a word ("the drills", "a nuclear deal") the rules could not
    tie to anyone or anything."""
    if group.actors() or parties:
        return True
    return group.type is EventType.TREATY and (bool(group.names()) or group.date() is not None)


def _attach_notes(groups: list[Group], notes: Sequence[Note], lexicon: Lexicon) -> None:
    """Notes go to the latest launch told within the two sentences before: a named missile
    ("the missile, the Hwasong-14, climbed ...") names the weapon of a launch by its operator
    that has none; an outcome ("It crossed Hokkaido and plunged into the Pacific") adds to it.
    An outcome of every launch ("All the missiles hit their targets") goes to each launch by the
    latest one's agents told within three sentences before."""
    for note in notes:
        agents: list[str] | None = None  # of the latest launch, for a note on every launch just told
        for group in sorted(groups, key=lambda g: g.last_sentence, reverse=True):
            if group.type is not EventType.LAUNCH or min(group.sentences) > note.sentence_index:
                continue
            if note.sentence_index - group.last_sentence > (3 if agents else 2) or group.modal():
                continue
            if agents is not None and sorted(group.actors()) != agents:
                continue
            weapon = note.weapon
            if weapon is not None and (
                group.weapons() or (weapon.operator and weapon.operator not in group.actors())
            ):
                continue
            told = [c.weapon_class for c, _ in group.members if c.weapon_class]
            if weapon is not None and told and not lexicon.may_name(told[0], weapon.weapon_class):
                continue  # "Shavit rockets used to launch satellites" names no ballistic missile told before
            first = group.members[0][0]
            member = replace(
                first,
                sentence=note.sentence,
                sentence_index=note.sentence_index,
                weapons=(weapon,) if weapon else (),
                weapon_class=None,
                class_from_weapon_phrase=False,
                outcomes=note.outcomes,
                count=None,
                site=note.site,
                date_phrase=None,
                date_role="",
            )
            group.members.append((member, None))
            if not note.every_launch:
                break
            agents = agents if agents is not None else sorted(group.actors())


def _factuality(group: Group, date: PartialDate | None, anchor: dt.date | None) -> Factuality:
    facts = [c.factuality for c, _ in group.members]
    if anchor is not None and any(
        c.factuality is Factuality.EXPECTED and d is not None and _after(d, anchor) for c, d in group.members
    ):
        return Factuality.EXPECTED  # "The five-day drill, due to begin Monday"
    counted = [f for f in facts if f in COUNTED]
    if counted:
        if group.type is EventType.LAUNCH:
            speakers = [c.speaker for c, _ in group.members if c.factuality in COUNTED]
            if speakers and all(s in ("agent", "single", "media") for s in speakers):
                fact = Factuality.CLAIMED
            else:
                fact = Factuality.ASSERTED
        else:
            fact = Factuality.ASSERTED
        if date is not None and anchor is not None and _after(date, anchor):
            return Factuality.EXPECTED
        return fact
    fact = Factuality.NEGATED if Factuality.NEGATED in facts else Factuality.EXPECTED
    if fact is Factuality.EXPECTED and date is not None and anchor is not None and _before(date, anchor):
        return Factuality.ASSERTED
    return fact


def confidence(group_size: int, has_actor: bool, explicit_actor: bool, has_date: bool, detail: bool) -> float:
    """One place for the confidence of an event: more evidence and more resolved slots, more confidence."""
    score = 0.45 + 0.1 * min(group_size - 1, 2)
    score += 0.15 if explicit_actor else (0.05 if has_actor else -0.1)
    score += 0.1 if has_date else 0.0
    score += 0.1 if detail else 0.0
    return round(max(0.1, min(score, 0.95)), 2)


def _evidence(group: Group) -> tuple[Mention, ...]:
    seen: dict[tuple[int, int], Mention] = {}
    for c, _ in group.members:
        seen.setdefault((c.sentence.start, c.sentence.end), c.sentence)
    return tuple(sorted(seen.values(), key=lambda m: m.start))


def _event(
    group: Group,
    article: Article,
    lexicon: Lexicon,
    parties: list[str] | None = None,
    classes_told: Mapping[str, str] | None = None,
) -> Event:
    date = group.date()
    fact = _factuality(group, date, article.date)
    actors = parties if parties is not None else group.actors()
    explicit = any(not c.needs_actor for c, _ in group.members)
    evidence = _evidence(group)
    if group.type is EventType.LAUNCH:
        weapons = group.weapons()
        weapon = weapons[0] if weapons else None
        wclass = None
        for c, _ in group.members:
            if c.class_from_weapon_phrase and c.weapon_class:
                wclass = c.weapon_class
                break
        if wclass is None and weapon is not None:
            wclass = (classes_told or {}).get(weapon.name, weapon.weapon_class)
            # "an intercontinental ballistic missile ... The missile was an Agni-V": what the text
            # said is narrower than the catalogue's "ballistic missile"
            narrower = [
                c.weapon_class
                for c, _ in group.members
                if c.weapon_class
                and wclass
                and c.weapon_class != wclass
                and lexicon.is_broader_or_equal(wclass, c.weapon_class)
            ]
            if narrower:
                wclass = max(narrower, key=lexicon.class_depth)
        if wclass is None:
            classes = [c.weapon_class for c, _ in group.members if c.weapon_class]
            if classes:
                wclass = max(classes, key=lambda lab: (lexicon.class_depth(lab), -classes.index(lab)))
        if wclass == "rocket" and any(
            cue in m.text.lower() for m in evidence for cue in lexicon.cue_terms("space_cue")
        ):
            wclass = "satellite launch vehicle"  # "its rockets for deploying satellites"
        outcome = _outcome(frozenset(o for c, _ in group.members for o in c.outcomes))
        # the largest count told: "a new missile" (KCNA) and "two missiles" (JCS) are one launch of two
        counts = [c.count for c, _ in group.members if c.count is not None]
        # the first site told, unless a later mention names a launch site the lexicon knows:
        # "from California" ... "lifted off from Vandenberg Space Force Base"
        sites = [c.site for c, _ in group.members if c.site]
        sites.sort(key=lambda s: lexicon.site_owner(s) is None)
        generic = WeaponRef(wclass, wclass, generic=True) if weapon is None and wclass else None
        return Launch(
            agent=actors[0] if actors else None,
            weapon=weapon or generic,
            weapon_class=wclass,
            date=date,
            site=sites[0] if sites else None,
            outcome=outcome,
            count=max(counts) if counts else _singular_count(group),
            factuality=fact,
            confidence=confidence(
                len(evidence), bool(actors), explicit, date is not None, weapon is not None or bool(sites)
            ),
            evidence=evidence,
        )
    names = group.names()
    if group.type is EventType.EXERCISE:
        # the edition of the series it was first told by ("BALTOPS ... BALTOPS 24")
        editions = [n for n in names[1:] if lexicon.series_name(n).casefold() == names[0].casefold()]
        names = editions[:1] + names
        return Exercise(
            participants=tuple(sorted(actors)),
            date=date,
            name=names[0] if names else None,
            weapons=tuple(group.weapons()),
            factuality=fact,
            confidence=confidence(len(evidence), bool(actors), explicit, date is not None, bool(names)),
            evidence=evidence,
        )
    if not actors:
        actors = _named_beside(group, lexicon)
    return Treaty(
        signatories=tuple(sorted(actors)),
        date=date,
        name=names[0] if names else None,
        factuality=fact,
        confidence=confidence(len(evidence), bool(actors), explicit, date is not None, bool(names)),
        evidence=evidence,
    )


def _named_beside(group: Group, lexicon: Lexicon) -> list[str]:
    """The parties of a treaty kept with no party (it has a name or a date): the states its
    first sentence names ("the government insists Iran remains a member of the 1968 Nuclear
    Non-Proliferation Treaty"). On unseen news such a sentence names the treaty's parties far
    more often than states in other roles (README, Accuracy); not for an armistice, which the
    commands at war sign (treaty_noun_of_commands)."""
    commands = lexicon.cue_terms("treaty_noun_of_commands")
    if all(c.trigger_lemma in commands for c, _ in group.members):
        return []
    # not a state named only as where it was signed ("The Open Skies Treaty is signed in
    # Helsinki"), unless one other state is named: a capital of signing is then most often the
    # other party's ("signed in Moscow during President Khatami's visit")
    first = group.members[0][0]
    states = list(first.sentence.states)
    others = [s for s in states if s not in first.places]
    return states if len(others) == 1 else others


def _singular_count(group: Group) -> int | None:
    """1 when no mention of the launch says how many and none tells it in the plural ("a
    missile", "the launch", "its first flight test"), else None ("fired missiles")."""
    return None if any(c.plural for c, _ in group.members) else 1


def _outcome(cues: frozenset[str]) -> Outcome:
    """Failure when only failure is reported (a flight that "came down" after it "failed" is
    still a failure); success when success or a completed flight is; unknown when the sources
    disagree ("successfully tested" vs "blew up") or say nothing."""
    failure = Outcome.FAILURE.value in cues
    success = Outcome.SUCCESS.value in cues
    if failure and success:
        return Outcome.UNKNOWN
    if failure:
        return Outcome.FAILURE
    if success or "flight" in cues:
        return Outcome.SUCCESS
    return Outcome.UNKNOWN
