"""Treaties: the parties of a signing (its subject, by-agent, "with" and "between" phrases),
the fixed parties of a named treaty (kg/lexicon/named_events.tsv), a treaty told by its year or
noun with the parties the sentence gives in another role ("India and Pakistan notify each other
under a 2005 pact"); a place of signing is not a party; a withdrawal, suspension or
de-ratification is not an event, the treaty it concerns is (asserted, dated by its own year,
never by the withdrawal's; devset README); a generic deal with no identifiable party is no event.

Rows are (signatories, date, name, factuality); each case also asserts that nothing else (no
launch, no exercise) comes out. The dateline is a Tuesday: "on Monday" is 2025-03-10.
"""

from __future__ import annotations

import pytest
from behaviour_terms import DATELINE, MON, known_failure

pytestmark = pytest.mark.model

INF = "Intermediate-Range Nuclear Forces Treaty"

Row = tuple[object, ...]


@pytest.fixture
def only_treaties(launches, exercises, treaties):  # type: ignore[no-untyped-def]
    """The treaty rows of a text, after checking that it tells no launch and no exercise."""

    def run(text: str) -> list[Row]:
        assert launches(text, DATELINE) == []
        assert exercises(text, DATELINE) == []
        return list(treaties(text, DATELINE))

    return run


# ---------------------------------------------------------------------------- signing


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Russia and North Korea signed a mutual defence pact on Monday.",
            (("PRK", "RUS"), MON, None, "asserted"),
        ),
        (
            "Australia and Papua New Guinea signed a security treaty on Monday.",
            (("AUS", "PNG"), MON, None, "asserted"),
        ),
        (
            "On Monday, India and the United States signed a ten-year defence framework agreement.",
            (("IND", "USA"), MON, None, "asserted"),
        ),
        (
            "Pakistan and Saudi Arabia struck a mutual defence pact on Monday.",
            (("PAK", "SAU"), MON, None, "asserted"),
        ),
        ("Greece and France sealed a defence deal on Monday.", (("FRA", "GRC"), MON, None, "asserted")),
        (
            "South Korea and Poland inked an arms agreement on Monday.",
            (("KOR", "POL"), MON, None, "asserted"),
        ),
    ],
)
def test_coordinated_signers_are_the_parties(only_treaties, text: str, row: Row) -> None:  # type: ignore[no-untyped-def]
    assert only_treaties(text) == [row]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "China signed a security pact with the Solomon Islands on Monday.",
            (("CHN", "SLB"), MON, None, "asserted"),
        ),
        (
            "Russia signed a strategic partnership treaty with Iran on Monday.",
            (("IRN", "RUS"), MON, None, "asserted"),
        ),
        (
            "On Monday Japan signed a defence agreement with Australia.",
            (("AUS", "JPN"), MON, None, "asserted"),
        ),
        ("France signed a defence accord with India on Monday.", (("FRA", "IND"), MON, None, "asserted")),
        (
            "Turkey concluded a military agreement with Qatar on Monday.",
            (("QAT", "TUR"), MON, None, "asserted"),
        ),
        (
            "Vietnam signed a maritime cooperation pact with Indonesia on Monday.",
            (("IDN", "VNM"), MON, None, "asserted"),
        ),
    ],
)
def test_a_treaty_signed_with_another_state(only_treaties, text: str, row: Row) -> None:  # type: ignore[no-untyped-def]
    assert only_treaties(text) == [row]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "A defence cooperation agreement was signed by Japan and Italy on Monday.",
            (("ITA", "JPN"), MON, None, "asserted"),
        ),
        ("The pact was signed by Russia and Belarus on Monday.", (("BLR", "RUS"), MON, None, "asserted")),
        (
            "A security treaty between Australia and Fiji was signed on Monday.",
            (("AUS", "FJI"), MON, None, "asserted"),
        ),
        (
            "The two countries' 1961 treaty of friendship, signed by China and North Korea, remains in force.",
            (("CHN", "PRK"), "1961", None, "asserted"),
        ),
        (
            "At a ceremony in Prague, Presidents Obama and Medvedev signed the arms reduction treaty.",
            (("RUS", "USA"), None, None, "asserted"),
        ),
    ],
)
def test_a_treaty_signed_by_its_parties(only_treaties, text: str, row: Row) -> None:  # type: ignore[no-untyped-def]
    assert only_treaties(text) == [row]


# ---------------------------------------------------------------------------- named treaties

NAMED = [
    (
        "The INF Treaty outlawed land-based missiles that could fly 500 to 5,500 kilometers.",
        (("RUS", "USA"), None, INF, "asserted"),
    ),
    (
        "New START caps each side's deployed strategic warheads at 1,550.",
        (("RUS", "USA"), None, "New START", "asserted"),
    ),
    (
        "New START, signed in 2010, limits each side to 1,550 deployed warheads.",
        (("RUS", "USA"), "2010", "New START", "asserted"),
    ),
    (
        "The Intermediate-Range Nuclear Forces Treaty was signed in December 1987.",
        (("RUS", "USA"), "1987-12", INF, "asserted"),
    ),
    (
        "Russia and the United States signed the New START treaty in Prague in April 2010.",
        (("RUS", "USA"), "2010-04", "New START", "asserted"),
    ),
    (
        "The Japan-U.S. Security Treaty obliges Washington to defend Japan.",
        (("JPN", "USA"), None, "Japan-U.S. Security Treaty", "asserted"),
    ),
    (
        "The Anti-Ballistic Missile Treaty limited missile defences for three decades.",
        (("RUS", "USA"), None, "Anti-Ballistic Missile Treaty", "asserted"),
    ),
    # a name with a space for its hyphen is still the treaty the lexicon knows, with its parties
    (
        "Washington suspended its obligations under the Intermediate Range Nuclear Forces Treaty.",
        (("RUS", "USA"), None, "Intermediate Range Nuclear Forces Treaty", "asserted"),
    ),
    (
        "The Anti Ballistic Missile Treaty barred nationwide missile defences.",
        (("RUS", "USA"), None, "Anti Ballistic Missile Treaty", "asserted"),
    ),
]

# a named treaty exists whatever its clause's modal says: it is what "will give" or "may deploy"
NAMED += [
    (
        "The AUKUS pact will give Australia nuclear-powered submarines.",
        (("AUS", "GBR", "USA"), None, "AUKUS", "asserted"),
    ),
    ("New START will expire in February 2026.", (("RUS", "USA"), None, "New START", "asserted")),
    (
        "Under New START, each side may deploy no more than 1,550 warheads.",
        (("RUS", "USA"), None, "New START", "asserted"),
    ),
    # the sentence's first word and the article before a name are not part of it
    (
        "Under the INF Treaty, neither side could field missiles with ranges between 500 and 5,500 km.",
        (("RUS", "USA"), None, INF, "asserted"),
    ),
    (
        "Under UNCLOS, foreign warships may pass through the strait.",
        ((), None, "United Nations Convention on the Law of the Sea", "asserted"),
    ),
    # not a treaty that will be signed
    (
        "The Treaty of Nancy will be signed by the French and Polish leaders.",
        (("FRA", "POL"), None, "Treaty of Nancy", "expected"),
    ),
]

NAMED_GAPS = [
    pytest.param(
        "Russia said on Monday it would stay within the limits of New START.",
        (("RUS", "USA"), None, "New START", "asserted"),
        marks=known_failure(
            "a pledge about an existing treaty makes it expected, dated next Monday (2025-03-17)"
        ),
    ),
]


@pytest.mark.parametrize(("text", "row"), NAMED + NAMED_GAPS)
def test_a_named_treaty_brings_its_parties(only_treaties, text: str, row: Row) -> None:  # type: ignore[no-untyped-def]
    assert only_treaties(text) == [row]


# ---------------------------------------------------------------------------- told by year or noun

BY_YEAR = [
    (
        "The 2018 accord between the two Koreas created a no-fly zone near the border.",
        (("KOR", "PRK"), "2018", None, "asserted"),
    ),
    (
        "A 1987 treaty between Washington and Moscow eliminated an entire class of missiles.",
        (("RUS", "USA"), "1987", None, "asserted"),
    ),
    (
        "The 1961 treaty between China and North Korea commits each to defend the other.",
        (("CHN", "PRK"), "1961", None, "asserted"),
    ),
    (
        "The United States is bound to defend Japan under a 1960 security treaty between the two countries.",
        (("JPN", "USA"), "1960", None, "asserted"),
    ),
    (
        "South Korea suspended the 2018 military agreement with North Korea on Monday.",
        (("KOR", "PRK"), "2018", None, "asserted"),
    ),
]

BY_YEAR_GAPS = [
    pytest.param(
        "Under a 2005 pact, Pakistan and India inform each other before testing ballistic missiles.",
        (("IND", "PAK"), "2005", None, "asserted"),
        marks=known_failure(
            "no parties (the states are the subject of another verb), and a spurious PAK launch"
        ),
    ),
    (
        "A 2005 agreement between India and Pakistan requires advance notice of missile tests.",
        (("IND", "PAK"), "2005", None, "asserted"),
    ),
    pytest.param(
        "Under a 1951 treaty with the United States, the Philippines can call on American help.",
        (("PHL", "USA"), "1951", None, "asserted"),
    ),
    pytest.param(
        "Seoul and Pyongyang's 2018 military agreement banned drills near the border.",
        (("KOR", "PRK"), "2018", None, "asserted"),
    ),
    pytest.param(
        "Japan and Australia's 2022 security pact covers intelligence sharing.",
        (("AUS", "JPN"), "2022", None, "asserted"),
    ),
]


@pytest.mark.parametrize(("text", "row"), BY_YEAR + BY_YEAR_GAPS)
def test_a_treaty_told_by_year_or_noun_has_the_parties_of_the_sentence(
    only_treaties, text: str, row: Row
) -> None:  # type: ignore[no-untyped-def]
    assert only_treaties(text) == [row]


# ---------------------------------------------------------------------------- withdrawals and suspensions

WITHDRAWN = [
    (
        "Washington quit the 1987 Intermediate-Range Nuclear Forces Treaty in 2019, citing Russian violations.",
        (("RUS", "USA"), "1987", INF, "asserted"),
    ),
    ("In 2019 Washington pulled out of the 1987 INF Treaty.", (("RUS", "USA"), "1987", INF, "asserted")),
    (
        "Russia suspended the 2010 New START treaty on Monday.",
        (("RUS", "USA"), "2010", "New START", "asserted"),
    ),
    (
        "The United States left the 1972 ABM Treaty in 2002.",
        (("RUS", "USA"), "1972", "Anti-Ballistic Missile Treaty", "asserted"),
    ),
    (
        "Moscow withdrew from the 1992 Open Skies Treaty in 2021.",
        (("RUS",), "1992", "Open Skies Treaty", "asserted"),
    ),
    (
        "Russia said on Monday it was suspending the 1987 INF Treaty.",
        (("RUS", "USA"), "1987", INF, "asserted"),
    ),
]

WITHDRAWN_GAPS = [
    pytest.param(
        "The United States withdrew from the INF Treaty in 2019.",
        (("RUS", "USA"), None, INF, "asserted"),
    ),
    pytest.param(
        "North Korea withdrew from the Nuclear Non-Proliferation Treaty in 2003.",
        (("PRK",), None, "Nuclear Non-Proliferation Treaty", "asserted"),
    ),
    pytest.param(
        "Russia suspended its participation in New START on Monday.",
        (("RUS", "USA"), None, "New START", "asserted"),
    ),
    pytest.param(
        "Russia revoked its ratification of the Comprehensive Nuclear-Test-Ban Treaty on Monday.",
        (("RUS",), None, "Comprehensive Nuclear-Test-Ban Treaty", "asserted"),
    ),
    pytest.param(
        "North Korea scrapped the 2018 military agreement with South Korea on Monday.",
        (("KOR", "PRK"), "2018", None, "asserted"),
        marks=known_failure("comes out negated: scrapping a treaty does not unmake it"),
    ),
    pytest.param(
        "North Korea said on Monday it was scrapping its 2018 military pact with South Korea.",
        (("KOR", "PRK"), "2018", None, "asserted"),
        marks=known_failure("comes out negated, and 'its' (North Korea) is not a party"),
    ),
    pytest.param(
        "Iran threatened on Monday to leave the Nuclear Non-Proliferation Treaty.",
        (("IRN",), None, "Nuclear Non-Proliferation Treaty", "asserted"),
        marks=known_failure("comes out expected: a threat to leave a treaty does not make the treaty a plan"),
    ),
]


@pytest.mark.parametrize(("text", "row"), WITHDRAWN + WITHDRAWN_GAPS)
def test_a_withdrawal_is_not_an_event_the_treaty_is(only_treaties, text: str, row: Row) -> None:  # type: ignore[no-untyped-def]
    assert only_treaties(text) == [row]


# ---------------------------------------------------------------------------- factuality of treaties


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Japan and Britain plan to sign a defence agreement next month.",
            (("GBR", "JPN"), "2025-04", None, "expected"),
        ),
        (
            "India and Bangladesh are expected to sign a border security pact next week.",
            (("BGD", "IND"), "2025-03", None, "expected"),
        ),
        (
            "Kenya and Ethiopia did not sign the security pact on Monday as planned.",
            (("ETH", "KEN"), MON, None, "negated"),
        ),
        pytest.param(
            "Talks between Iran and the United States ended on Monday without an agreement.",
            (("IRN", "USA"), MON, None, "negated"),
            marks=known_failure(
                "comes out asserted with no parties: talks that ended without a deal are a negated treaty"
            ),
        ),
    ],
)
def test_a_planned_or_failed_treaty(only_treaties, text: str, row: Row) -> None:  # type: ignore[no-untyped-def]
    assert only_treaties(text) == [row]


# ---------------------------------------------------------------------------- the place of signing


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("India and the United States signed a defence pact in Tokyo on Monday.", ("IND", "USA")),
        ("Armenia and Azerbaijan signed a peace agreement in Washington on Monday.", ("ARM", "AZE")),
        ("Kenya and Somalia signed a border security pact in Addis Ababa on Monday.", ("KEN", "SOM")),
        (
            "In Moscow on Monday, Belarus and Kazakhstan signed a military cooperation agreement.",
            ("BLR", "KAZ"),
        ),
        ("The leaders of Egypt and Sudan signed a defence pact in Paris on Monday.", ("EGY", "SDN")),
        ("Sweden and Finland signed a security pact in London on Monday.", ("FIN", "SWE")),
        (
            "Vietnam and the Philippines signed a maritime security agreement during a visit to Tokyo on Monday.",
            ("PHL", "VNM"),
        ),
        pytest.param(
            "Meeting in Beijing, Iran and Saudi Arabia signed an agreement to restore ties on Monday.",
            ("IRN", "SAU"),
            marks=known_failure("the place of the meeting, Beijing, is taken as a party (CHN)"),
        ),
    ],
)
def test_the_place_of_signing_is_not_a_party(only_treaties, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert only_treaties(text) == [(parties, MON, None, "asserted")]


# ---------------------------------------------------------------------------- generic deals

GENERIC = [
    "Officials said a nuclear deal was still possible.",
    "Analysts said any arms control agreement would take years to negotiate.",
    "A peace deal remains out of reach, diplomats said.",
    "Arms control treaties have lost their force in recent years, experts say.",
    "Negotiators said a new deal could be reached within weeks.",
]

GENERIC_GAPS = [
    pytest.param(
        "Talks on a nuclear deal resumed on Monday.",
    ),
    pytest.param(
        "The deal was criticised by lawmakers on Monday.",
    ),
    pytest.param(
        "Lawmakers debated the merits of defence pacts on Monday.",
    ),
]


@pytest.mark.parametrize("text", GENERIC + GENERIC_GAPS)
def test_a_generic_deal_with_no_parties_is_no_event(only_treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    assert only_treaties(text) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "New START has been the last treaty capping their arsenals since the 1987 Intermediate-Range Nuclear Forces Treaty collapsed in 2019.",
            "1987",
        ),
        ("The United States and Russia signed New START in 2010; it expires in February 2026.", "2010"),
    ],
)
def test_a_treaty_keeps_its_own_year_not_that_of_its_end(treaties, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    assert date in [r[1] for r in treaties(text, DATELINE)]


@pytest.mark.parametrize(
    "text",
    [
        "In the Japan-DPRK Pyongyang Declaration, signed by Junichiro Koizumi and Kim Jong Il, the North "
        "agrees to extend its moratorium on missile launches beyond 2003.",
        "Under the accord that Iran and the United States signed, Tehran agreed to keep its limits beyond 2030.",
    ],
)
def test_a_year_a_treaty_reaches_beyond_is_not_its_date(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "extend its moratorium beyond 2003": how long it binds, not when it was signed."""
    rows = treaties(text, DATELINE)
    assert rows and all(r[1] not in ("2003", "2030") for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Diplomacy has stalled since a February summit between the two leaders in Hanoi ended without a deal.",
        "Talks between Iran and the United States ended on Monday without an agreement.",
    ],
)
def test_a_meeting_without_a_deal_has_no_deal(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(r[3] == "negated" for r in treaties(text, DATELINE))


@pytest.mark.parametrize(
    "text",
    [
        "In August, Russia suspended on-site inspections under New START, the treaty signed in 2010 that caps the number of warheads the two countries can deploy.",
        "Analysts pointed to New START, the treaty signed in 2010 that caps American and Russian arsenals.",
        "Russia halted data exchanges under New START, the treaty signed in 2010.",
    ],
)
def test_a_named_treaty_and_its_apposition_are_one_treaty(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    rows = treaties(text, DATELINE)
    assert [(r[0], r[1], r[2]) for r in rows] == [(("RUS", "USA"), "2010", "New START")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia and North Korea ratified the Comprehensive Strategic Partnership Treaty on Monday. The document was signed in Pyongyang on June 19.",
        "Kim Jong Un has ratified the Treaty on Comprehensive Strategic Partnership. The document was signed by Putin and Kim on June 19.",
        "The parliament approved the Comprehensive Strategic Partnership Treaty. Putin and Kim signed the document in Pyongyang on June 19.",
        "Moscow ratified its treaty with Pyongyang, the Comprehensive Strategic Partnership Treaty. The document was signed on June 19.",
        "Pyongyang ratified the Comprehensive Strategic Partnership Treaty with Russia. Kim signed the document with Putin on June 19.",
    ],
)
def test_the_document_signed_is_the_treaty_told_before(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    rows = [r for r in treaties(text, "2024-11-12") if r[1] is not None]
    assert [(r[0], r[1]) for r in rows] == [(("PRK", "RUS"), "2024-06-19")]


@pytest.mark.parametrize(
    "text",
    [
        "Kim ratified the Comprehensive Strategic Partnership Treaty with Russia. The 1961 Soviet-North Korean treaty lapsed in 1996.",
        "Russia ratified the Comprehensive Strategic Partnership Treaty with North Korea; the 1961 treaty between Moscow and Pyongyang had a similar clause.",
        "The Comprehensive Strategic Partnership Treaty with North Korea took effect. The 1961 treaty between the two countries had lapsed.",
        pytest.param(
            "Putin signed the law ratifying the Comprehensive Strategic Partnership Treaty with North Korea. The earlier 1961 treaty had a defence clause too.",
            marks=known_failure("'The earlier 1961 treaty had ...' is not found as a treaty"),
        ),
        "North Korea ratified the Comprehensive Strategic Partnership Treaty with Russia, which replaces the 1961 treaty of the two states.",
    ],
)
def test_a_treaty_named_by_its_year_is_not_the_named_one(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    """'The 1961 treaty' after a named treaty told undated is another treaty, not the named one
    dated 1961, and it does not take that name."""
    rows = treaties(text, "2024-11-12")
    assert all(r[2] is None for r in rows if r[1] == "1961")
    assert any(r[1] == "1961" for r in rows)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("The United States ended a 1987 pact with Moscow on Friday.", ("RUS", "USA")),
        ("Japan signed a defence pact with the Philippines on Monday.", ("JPN", "PHL")),
        ("Russia broke a 1994 agreement with Ukraine, officials said on Monday.", ("RUS", "UKR")),
        ("Pyongyang scrapped its 2018 agreement with Seoul on Monday.", ("KOR", "PRK")),
        ("Iran suspended a 2015 deal with the United States on Monday.", ("IRN", "USA")),
    ],
)
def test_a_pact_with_one_party_is_the_others_too(only_treaties, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert [r[0] for r in only_treaties(text)] == [parties]


@pytest.mark.parametrize(
    "text",
    [
        "The United States left the Intermediate-Range Nuclear Forces Treaty on Friday, ending a 1987 pact with Moscow.",
        "Washington quit the INF Treaty on Friday, abandoning a 1987 pact with Russia.",
        "Russia suspended New START on Friday, freezing a 2010 pact with Washington.",
        "Kyiv marked the anniversary of the Budapest Memorandum on Thursday, recalling a 1994 pact with Russia.",
        "Russia left the Open Skies Treaty, a 1992 pact with the West, on Friday.",
    ],
)
def test_a_pact_of_the_named_treatys_year_is_that_treaty(only_treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    rows = only_treaties(text)
    assert len(rows) == 1 and rows[0][2] is not None


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("New Delhi has kept the 1960 Indus Waters Treaty in abeyance since April.", ("IND", "PAK")),
        ("Both sides invoked the Simla Agreement on Monday.", ("IND", "PAK")),
        ("The drills showcase the ANZUS treaty.", ("AUS", "NZL", "USA")),
        (
            "Officials pointed to the 1951 pact binding Australia, New Zealand and the United States.",
            ("AUS", "NZL", "USA"),
        ),
        (
            "The two leaders revisited a 1972 accord binding India and Pakistan to settle disputes bilaterally.",
            ("IND", "PAK"),
        ),
    ],
)
def test_the_parties_of_a_treaty_told_without_them(treaties, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """A treaty the lexicon knows has its parties; "a pact binding X and Y" names them."""
    rows = treaties(text, "2025-07-11")
    assert [r[0] for r in rows] == [parties]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Russia and North Korea signed a partnership agreement on Wednesday. This new treaty replaces the 1961 Treaty of Friendship and Mutual Assistance.",
            "Treaty of Friendship and Mutual Assistance",
        ),
        (
            "India and the United States signed a defence pact on Tuesday. The pact followed the Logistics Exchange Memorandum of Agreement, signed in 2016.",
            "Logistics Exchange Memorandum of Agreement",
        ),
        (
            "Japan and Britain signed an access agreement on Wednesday. The agreement builds on the Defence Equipment and Technology Transfer Agreement of 2013.",
            "Defence Equipment and Technology Transfer Agreement",
        ),
        (
            "Iran and Russia signed a partnership treaty on Friday. The treaty supersedes the Treaty on the Basis of Mutual Relations of 2001.",
            "Treaty on the Basis of Mutual Relations",
        ),
        (
            "Poland and the United States signed a cooperation agreement on Monday. The deal updates the Enhanced Defence Cooperation Agreement of 2020.",
            "Enhanced Defence Cooperation Agreement",
        ),
    ],
)
def test_a_treaty_the_new_one_follows_is_between_the_same_states(treaties, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """ "This new treaty replaces the 1961 Treaty of Friendship": the treaty it replaces, follows
    or builds on, told with no parties of its own, is between the same states."""
    rows = treaties(text, "2025-06-20")
    named = [r for r in rows if r[2] == name]
    assert len(named) == 1
    new = next(r[0] for r in rows if r[2] != name)
    assert len(new) == 2 and named[0][0] == new


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "The New START Treaty to Reduce Strategic Nuclear Weapons, signed in 2010, limits each side to 1,550 warheads.",
            "2010",
        ),
        ("New START, the treaty Russia signed with the United States in 2010, expires in February.", "2010"),
        (
            "The Intermediate-Range Nuclear Forces Treaty, signed in December 1987, banned a whole class of missiles.",
            "1987-12",
        ),
        (
            "The Anti-Ballistic Missile Treaty, which Washington and Moscow signed in 1972, limited missile defences.",
            "1972",
        ),
        (
            "The Budapest Memorandum on Security Assurances, signed on Dec. 5, 1994, gave Ukraine guarantees.",
            "1994-12-05",
        ),
    ],
)
def test_a_named_treaty_takes_the_date_of_its_signing_clause(treaties, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "New START, the treaty it signed with the United States in 2010": the signing clause
    dates the named treaty, wherever in the name's phrase the parser hangs it."""
    [row] = treaties(text, "2025-11-06")
    assert row[1] == date


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("The declaration builds on the Lancaster House treaties of November 2010.", ("FRA", "GBR")),
        ("Both sides still invoke the Indus Waters treaty.", ("IND", "PAK")),
        ("The talks referred to the Simla agreement.", ("IND", "PAK")),
        ("Seoul cited the Comprehensive Military agreement of 2018.", ("KOR", "PRK")),
        ("Lawyers cited the Enhanced Defense Cooperation agreement on Monday.", ("PHL", "USA")),
    ],
)
def test_a_known_treaty_with_its_kind_in_lower_case(treaties, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """ "the Lancaster House treaties": a known name whose last word, the kind of agreement, is
    written in lower case (or in the plural) is still that treaty, with its parties."""
    assert [r[0] for r in treaties(text, "2025-07-11")] == [parties]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "New START was signed in Prague in April 2010. Biden and Putin agreed in early 2021 to extend it "
            "for five years, until February 2026.",
            [
                (("RUS", "USA"), "2010-04", "New START", "asserted"),
                (("RUS", "USA"), "2021", "New START", "asserted"),
            ],
        ),
        (
            "New START, the treaty Russia signed with the United States in 2010 and extended for five years in "
            "2021, expires in February.",
            [
                (("RUS", "USA"), "2010", "New START", "asserted"),
                (("RUS", "USA"), "2021", "New START", "asserted"),
            ],
        ),
        (
            "India and Pakistan signed the Indus Waters Treaty in 1960. The two sides renewed it in 1988, officials said.",
            [
                (("IND", "PAK"), "1960", "Indus Waters Treaty", "asserted"),
                (("IND", "PAK"), "1988", "Indus Waters Treaty", "asserted"),
            ],
        ),
        (
            "Russia and China signed a friendship treaty in July 2001. Moscow and Beijing agreed in June 2021 to "
            "extend it for five years.",
            [(("CHN", "RUS"), "2001-07", None, "asserted"), (("CHN", "RUS"), "2021-06", None, "asserted")],
        ),
        (
            "Russia and the US signed New START in April 2010. It was extended once already, for five years in early 2021.",
            [
                (("RUS", "USA"), "2010-04", "New START", "asserted"),
                (("RUS", "USA"), "2021", "New START", "asserted"),
            ],
        ),
    ],
)
def test_an_extension_is_an_event_of_the_treaty_told(
    treaties, text: str, rows: list[tuple[object, ...]]
) -> None:  # type: ignore[no-untyped-def]
    """ "agreed in early 2021 to extend it", "signed in 2010 and extended in 2021": the extension
    is an event of the treaty (its name and parties), dated by the extension; "until February
    2026" is when it runs out, not when it was extended."""
    assert treaties(text, "2025-11-06") == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "Russia and China signed a friendship treaty in 2001. On Monday the two leaders agreed to extend "
            "the pact for another five years.",
            [(("CHN", "RUS"), "2001", None, "asserted"), (("CHN", "RUS"), "2025-11-03", None, "asserted")],
        ),
        (
            "The United States and Russia signed New START in 2010. Washington and Moscow exchanged notes on "
            "3 February 2021 extending the treaty by five years.",
            [
                (("RUS", "USA"), "2010", "New START", "asserted"),
                (("RUS", "USA"), "2021-02-03", "New START", "asserted"),
            ],
        ),
        (
            "India and Pakistan signed the Indus Waters Treaty in 1960. The two governments renewed the "
            "treaty in 1988.",
            [
                (("IND", "PAK"), "1960", "Indus Waters Treaty", "asserted"),
                (("IND", "PAK"), "1988", "Indus Waters Treaty", "asserted"),
            ],
        ),
        (
            "Russia and China signed a friendship treaty in 2001. On the 20th anniversary of the 2001 treaty, "
            "Moscow and Beijing agreed to prolong the treaty.",
            [(("CHN", "RUS"), "2001", None, "asserted"), (("CHN", "RUS"), None, None, "asserted")],
        ),
        (
            "Japan and Australia signed a security pact in 2007. Both countries extended the agreement in "
            "March 2022.",
            [(("AUS", "JPN"), "2007", None, "asserted"), (("AUS", "JPN"), "2022-03", None, "asserted")],
        ),
    ],
)
def test_an_extension_of_the_treaty_named_by_a_noun_is_its_own_event(
    treaties, text: str, rows: list[tuple[object, ...]]
) -> None:  # type: ignore[no-untyped-def]
    """ "agreed to extend the pact", "notes extending the treaty by five years": a treaty noun
    that refers back, extended in the past, is the told treaty's extension, dated by its own
    clause and never by the treaty's year ("on the anniversary of the 2001 treaty"); undated
    when the clause gives no date."""
    assert treaties(text, "2025-11-06") == rows


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Before that, the US signed defense agreements with Sweden, Norway, Estonia and Poland.",
            [("SWE", "USA"), ("NOR", "USA"), ("EST", "USA"), ("POL", "USA")],
        ),
        (
            "Japan has signed reciprocal access agreements with Australia and Britain.",
            [("AUS", "JPN"), ("GBR", "JPN")],
        ),
        (
            "Russia concluded military cooperation agreements with Mali, Niger and Burkina Faso last year.",
            [("MLI", "RUS"), ("NER", "RUS"), ("BFA", "RUS")],
        ),
        (
            "India has signed logistics pacts with the US, France and Japan.",
            [("IND", "USA"), ("FRA", "IND"), ("IND", "JPN")],
        ),
        (
            "China signed security deals with the Solomon Islands and Vanuatu in 2022.",
            [("CHN", "SLB"), ("CHN", "VUT")],
        ),
    ],
)
def test_agreements_in_the_plural_with_several_states_are_one_each(
    treaties, text: str, parties: list[tuple[str, ...]]
) -> None:  # type: ignore[no-untyped-def]
    """ "signed defense agreements with Sweden, Norway and Poland": a bilateral agreement with
    each, not one treaty of all of them."""
    assert [r[0] for r in treaties(text, "2025-11-06")] == parties


@pytest.mark.parametrize(
    "text",
    [
        "Russia and China signed agreements on trade and energy in 2022.",
        "The US, Japan and South Korea signed three agreements at Camp David in August 2023.",
    ],
)
def test_agreements_between_the_same_parties_are_not_split(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(treaties(text, "2025-11-06")) == 1


@pytest.mark.parametrize(
    ("text", "other"),
    [
        (
            "Russia and North Korea signed a partnership treaty on Friday. Critics compared the pact with the Outer Space Treaty.",
            "Outer Space Treaty",
        ),
        (
            "Iran and Russia signed a treaty on Friday. Analysts said the deal did not breach the Non-Proliferation Treaty.",
            "Non-Proliferation Treaty",
        ),
        (
            "Russia and Belarus signed a security treaty on Friday. Officials said the treaty was unlike the INF Treaty.",
            "Intermediate-Range Nuclear Forces Treaty",
        ),
        (
            "Japan and the Philippines signed an agreement on Monday. Officials likened the accord to the ANZUS Treaty.",
            "ANZUS",
        ),
        (
            "Saudi Arabia and Pakistan signed a defence pact on Wednesday. Some compared the pact with the North Atlantic Treaty.",
            "North Atlantic Treaty",
        ),
    ],
)
def test_a_known_treaty_of_another_year_is_not_the_name_of_the_new_one(
    treaties, text: str, other: str
) -> None:  # type: ignore[no-untyped-def]
    """ "signed a partnership treaty on Friday ... compared the pact with the Outer Space
    Treaty": a treaty the lexicon knows, signed in another year, is another treaty, not the
    name of the one just signed."""
    rows = treaties(text, "2025-06-20")
    assert [r[2] for r in rows] == [None, other]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Russia and North Korea signed a partnership treaty on Friday. The new treaty replaces the 1961 Treaty of Friendship.",
            ("PRK", "RUS"),
        ),
        (
            "Russia and North Korea signed a partnership treaty on Friday. This new treaty replaces the 1961 Treaty of Friendship.",
            ("PRK", "RUS"),
        ),
    ],
)
def test_the_new_treaty_is_the_one_just_told(treaties, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """ "The new treaty replaces ...": the treaty just signed, which the replaced one shares its
    parties with; not a treaty of its own."""
    rows = treaties(text, "2025-06-20")
    assert [r[0] for r in rows] == [parties, parties]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Russia and North Korea signed a partnership treaty on Friday, which Washington said violated the Non-Proliferation Treaty.",
            marks=known_failure(
                "the named treaty takes the states of its sentence, those of the other treaty included"
            ),
        ),
        pytest.param(
            "Russia and North Korea signed a partnership treaty on Friday; both remain outside the Ottawa Treaty.",
            marks=known_failure(
                "the named treaty takes the states of its sentence, those of the other treaty included"
            ),
        ),
    ],
)
def test_a_named_treaty_beside_a_new_one_shares_its_parties_only_when_succeeded(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    """Only a treaty the new one replaces, follows or builds on is between the same states."""
    rows = treaties(text, "2025-06-20")
    assert [r[0] for r in rows if r[2] is not None] in ([()], [])


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Presidents George W. Bush and Vladimir Putin today signed a nuclear arms-reduction treaty.",
            ("RUS", "USA"),
        ),
        ("John Major and Jacques Chirac signed the Chequers declaration in 1995.", ("FRA", "GBR")),
        ("Angela Merkel and Emmanuel Macron signed the Aachen treaty in January 2019.", ("DEU", "FRA")),
        ("Tony Blair and Jacques Chirac signed the Saint-Malo declaration in 1998.", ("FRA", "GBR")),
        ("Anthony Albanese and Rishi Sunak announced the submarine deal in March 2023.", ("AUS", "GBR")),
    ],
)
def test_leaders_who_sign_stand_for_their_states(treaties, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """Heads of state and government past and present (the leader cues) stand for their states."""
    assert [r[0] for r in treaties(text, "2025-06-20")] == [parties]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Iran and Saudi Arabia agreed on Friday to restore diplomatic ties under a deal brokered by China.",
            ("IRN", "SAU"),
        ),
        (
            "Armenia and Azerbaijan signed a peace deal brokered by the United States on Friday.",
            ("ARM", "AZE"),
        ),
        (
            "Israel and Lebanon agreed to a ceasefire deal mediated by the United States and France on Tuesday.",
            ("ISR", "LBN"),
        ),
        (
            "Thailand and Cambodia signed a peace accord in Kuala Lumpur on Sunday, in a ceremony hosted by Malaysia.",
            ("KHM", "THA"),
        ),
        (
            "Ethiopia and Eritrea signed a peace agreement brokered by Saudi Arabia in Jeddah on Sunday.",
            ("ERI", "ETH"),
        ),
    ],
)
def test_who_brokers_or_hosts_an_agreement_is_no_party(treaties, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """ "a deal brokered by China", "mediated by the United States and France", "hosted by
    Malaysia": the mediator is no signatory; and a deal that ties are restored "under" exists."""
    rows = treaties(text, "2024-01-24")
    assert [(r[0], r[3]) for r in rows] == [(parties, "asserted")]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "India and Pakistan agreed to a ceasefire on May 10.",
            (("IND", "PAK"), "2025-05-10", None, "asserted"),
        ),
        (
            "Thailand and Cambodia signed a ceasefire in Kuala Lumpur on Monday.",
            (("KHM", "THA"), "2025-06-23", None, "asserted"),
        ),
        (
            "Armenia and Azerbaijan agreed a truce on Tuesday after two days of clashes.",
            (("ARM", "AZE"), "2025-06-24", None, "asserted"),
        ),
        (
            "Israel and Iran agreed to a ceasefire on Tuesday, the White House said.",
            (("IRN", "ISR"), "2025-06-24", None, "asserted"),
        ),
        (
            "Ethiopia and Eritrea fought a border war. The two neighbours signed a ceasefire in Algiers in June 2000.",
            (("ERI", "ETH"), "2000-06", None, "asserted"),
        ),
    ],
)
def test_a_ceasefire_two_states_agree_is_an_agreement(treaties, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    """Gold annotates a ceasefire between states as a Treaty; "the two neighbours" are the pair
    the article told."""
    assert treaties(text, "2025-06-27") == [row]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Israel and Lebanon signed a US-brokered deal on Tuesday.", ("ISR", "LBN")),
        ("Armenia and Azerbaijan signed a US-brokered peace agreement on Friday.", ("ARM", "AZE")),
        ("Ethiopia and Eritrea signed a Saudi-mediated accord on Sunday.", ("ERI", "ETH")),
    ],
)
def test_the_broker_in_a_compound_is_no_party(treaties, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    [row] = treaties(text, "2025-06-27")
    assert row[0] == parties


@pytest.mark.parametrize(
    "text",
    [
        "Papua New Guinea and the United States signed a defence pact and a maritime surveillance deal on Monday.",
        "India and the United States signed a logistics agreement and a communications accord on Tuesday.",
        "Japan and Australia concluded a reciprocal access agreement and an intelligence pact on Friday.",
        "On Wednesday, Russia and Iran signed a partnership treaty and a separate energy agreement.",
        "France and Britain signed a nuclear cooperation treaty and a defence pact in London on Thursday.",
    ],
)
def test_two_treaty_nouns_in_a_coordination_are_two_treaties(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "signed a new defence pact and a maritime surveillance deal": two agreements."""
    assert len(treaties(text, "2024-06-28")) == 2


@pytest.mark.parametrize(
    ("text", "name", "date"),
    [
        (
            "Papua New Guinea and the United States have signed a new defence pact. Officials signed the Defence Cooperation Agreement in Port Moresby on Monday.",
            "Defence Cooperation Agreement",
            "2024-06-24",
        ),
        (
            "Japan and Britain have concluded a defence pact. The Reciprocal Access Agreement was signed in London on Wednesday.",
            "Reciprocal Access Agreement",
            "2024-06-26",
        ),
        (
            "India and the United States have signed a military pact. The two sides signed the Basic Exchange and Cooperation Agreement on Tuesday.",
            "Basic Exchange and Cooperation Agreement",
            "2024-06-25",
        ),
        (
            "The Philippines and the US have a new defence deal. They signed the Enhanced Defense Cooperation Agreement on Monday.",
            "Enhanced Defense Cooperation Agreement",
            "2024-06-24",
        ),
        (
            "Saudi Arabia and Pakistan have signed a defence pact. Their leaders signed the Strategic Mutual Defence Agreement in Riyadh on Wednesday.",
            "Strategic Mutual Defence Agreement",
            "2024-06-26",
        ),
    ],
)
def test_a_pact_told_undated_is_the_named_one_signed_next(  # type: ignore[no-untyped-def]
    treaties, text: str, name: str, date: str
) -> None:
    """ "have signed a new defence pact ... signed the Defence Cooperation Agreement on Monday":
    one treaty, with the name and day the next sentences give."""
    assert [(r[1], r[2]) for r in treaties(text, "2024-06-28")] == [(date, name)]


def test_a_treaty_the_new_one_replaces_stays_another(treaties) -> None:  # type: ignore[no-untyped-def]
    text = "Russia and North Korea have signed a partnership treaty. It replaces the 1961 Treaty of Friendship and Mutual Assistance."
    assert len(treaties(text, "2024-06-28")) == 2


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a framework, memorandum, arrangement or MoU is an agreement when it is what is signed
        (
            "Kenya and the United States signed a defence framework on Monday.",
            [(("KEN", "USA"), "2023-09-25", None, "asserted")],
        ),
        (
            "Japan concluded a security cooperation framework with Australia on Tuesday.",
            [(("AUS", "JPN"), "2023-09-26", None, "asserted")],
        ),
        (
            "A memorandum of understanding on defence cooperation was signed by India and Britain on Monday.",
            [(("GBR", "IND"), "2023-09-25", None, "asserted")],
        ),
        (
            "Greece and France inked a defence arrangement on Tuesday.",
            [(("FRA", "GRC"), "2023-09-26", None, "asserted")],
        ),
        (
            "Norway and Sweden signed an MoU on air defence on Monday.",
            [(("NOR", "SWE"), "2023-09-25", None, "asserted")],
        ),
        # not when it is only a frame for something
        ("The law gives the navy a legal framework for joint training with Japan and Australia.", []),
        ("South Korea and Japan discussed a framework for talks on Monday.", []),
    ],
)
def test_a_framework_or_memorandum_signed_is_an_agreement(treaties, text: str, rows: list[Row]) -> None:  # type: ignore[no-untyped-def]
    assert treaties(text, "2023-09-27") == rows


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a day or month after a treaty's name dates it; it is no part of the name
        ("Australia and Indonesia signed the Lombok Treaty on Monday.", "Lombok Treaty"),
        (
            "Japan and the Philippines signed the Reciprocal Access Agreement on July 8.",
            "Reciprocal Access Agreement",
        ),
        (
            "The Comprehensive Strategic Partnership Treaty of June 2024 binds Russia and North Korea.",
            "Comprehensive Strategic Partnership Treaty",
        ),
        # "on", "of", "for" followed by words of the name are part of it
        (
            "Russia and Belarus signed the Treaty on Security Guarantees on Friday.",
            "Treaty on Security Guarantees",
        ),
        ("India and Pakistan signed the Lahore Declaration on Sunday.", "Lahore Declaration"),
        # "in" between words of a name is part of it
        (
            "Russia and NATO states signed the Conventional Armed Forces in Europe Treaty in 1990.",
            "Conventional Armed Forces in Europe Treaty",
        ),
    ],
)
def test_a_date_after_a_treaty_name_is_not_part_of_it(treaties, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert [r[2] for r in treaties(text, "2025-07-12")] == [name]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a joint statement its parties issue, adopt or sign is an agreement, dated by that act
        (
            "India and Pakistan issued a joint statement on Monday after talks in Lahore.",
            [(("IND", "PAK"), "2023-09-25", None, "asserted")],
        ),
        (
            "In a joint statement issued on Tuesday, Russia and China pledged closer military ties.",
            [(("CHN", "RUS"), "2023-09-26", None, "asserted")],
        ),
        (
            "Japan and the Philippines adopted a joint statement on maritime security on Monday.",
            [(("JPN", "PHL"), "2023-09-25", None, "asserted")],
        ),
        # one that reacts to what others did is no agreement
        ("Britain, France and Germany issued a joint statement condemning the launch on Monday.", []),
        ("Japan and South Korea issued a joint statement on Monday denouncing the drills.", []),
        # nor one only quoted
        ("The drills would last ten days, Japan and the Philippines said in a joint statement.", []),
    ],
)
def test_a_joint_statement_its_parties_issue_is_an_agreement(treaties, text: str, rows: list[Row]) -> None:  # type: ignore[no-untyped-def]
    assert treaties(text, "2023-09-27") == rows


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a treaty and a joint statement of the same day and parties are two documents
        (
            "Russia and China signed a friendship treaty on Monday. In a joint statement issued "
            "the same day, the two countries called for a multipolar world.",
            2,
        ),
        (
            "India and Pakistan signed the Lahore Declaration on Sunday. A memorandum of understanding "
            "on nuclear risks was signed by India and Pakistan the same day.",
            2,
        ),
        (
            "Japan and Australia issued a joint statement on Tuesday. The two countries also signed "
            "a security agreement on Tuesday.",
            2,
        ),
        # a word that may name any document refers back to the one told
        (
            "Japan and Australia signed a joint declaration on security on Tuesday. The agreement "
            "commits the two countries to closer defence ties.",
            1,
        ),
        (
            "Seoul and Pyongyang signed a military pact on Monday. The pact was signed by the two "
            "defence ministers in Pyongyang.",
            1,
        ),
    ],
)
def test_documents_of_different_kinds_are_different_agreements(treaties, text: str, count: int) -> None:  # type: ignore[no-untyped-def]
    assert len(treaties(text, "2023-09-27")) == count


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # "the two leaders" are the states of the two leaders named last, not the two states
        # the article talks about most
        (
            "South Korea and the United States called off their August drills. The decision came "
            "after Donald Trump met Kim Jong Un in Singapore on Monday, where the two leaders signed "
            "a joint statement.",
            ("PRK", "USA"),
        ),
        (
            "South Korea and the United States will scale back their drills. Trump met Kim Jong Un "
            "on Monday. The two leaders signed a joint statement on denuclearization.",
            ("PRK", "USA"),
        ),
        (
            "Japan and the United States will hold drills near Taiwan. Vladimir Putin met Xi Jinping "
            "in Moscow on Monday, and the two leaders signed a declaration on a multipolar world.",
            ("CHN", "RUS"),
        ),
        (
            "India sent troops to drills in Egypt. Narendra Modi and Shehbaz Sharif met on Monday; "
            "both leaders signed a joint statement on the border.",
            ("IND", "PAK"),
        ),
        (
            "Germany and France held talks on air defence. Emmanuel Macron received Olaf Scholz on "
            "Monday, and the two leaders signed a joint declaration on defence.",
            ("DEU", "FRA"),
        ),
    ],
)
def test_the_two_leaders_are_the_states_of_the_leaders_named(
    treaties, text: str, parties: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    assert [tuple(sorted(r[0])) for r in treaties(text, "2023-09-26")] == [tuple(sorted(parties))]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # partners told in turn, each with a date of its own: one agreement each
        (
            "Japan already has similar pacts with Australia, signed in January 2022, and with "
            "Britain, signed in London in January 2023.",
            [(("AUS", "JPN"), "2022-01"), (("GBR", "JPN"), "2023-01")],
        ),
        (
            "Tokyo signed its first access agreement with Australia in January 2022 and a second "
            "with Britain in January 2023.",
            [(("AUS", "JPN"), "2022-01"), (("GBR", "JPN"), "2023-01")],
        ),
        (
            "India concluded logistics pacts with France in March 2018 and with Japan in September 2020.",
            [(("FRA", "IND"), "2018-03"), (("IND", "JPN"), "2020-09")],
        ),
        # one partner, or a second state with no date of its own, is one agreement
        ("Japan signed a pact with Australia in January 2022.", [(("AUS", "JPN"), "2022-01")]),
        (
            "Japan signed a pact with Australia in January 2022, after talks with Britain.",
            [(("AUS", "JPN"), "2022-01")],
        ),
    ],
)
def test_partners_each_with_a_date_have_an_agreement_each(treaties, text: str, rows: list[Row]) -> None:  # type: ignore[no-untyped-def]
    assert [(tuple(sorted(r[0])), r[1]) for r in treaties(text, "2024-07-08")] == rows


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # "X is the first country to sign ...": X signs
        (
            "The Philippines became the third country to conclude such a pact with Japan on Monday.",
            ("JPN", "PHL"),
        ),
        (
            "Finland became the first Nordic state to sign a defence agreement with the United States on Monday.",
            ("FIN", "USA"),
        ),
        (
            "Kenya is the first African nation to sign a defence framework with the United States.",
            ("KEN", "USA"),
        ),
        (
            "The Philippines becomes the third country, and the first in Asia, to conclude such a pact with Japan.",
            ("JPN", "PHL"),
        ),
        ("Sweden was the last to sign the pact with Norway on Monday.", ("NOR", "SWE")),
    ],
)
def test_the_nth_country_to_sign_signs(treaties, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert [tuple(sorted(r[0])) for r in treaties(text, "2024-07-09")] == [parties]


def test_issuing_dates_a_statement_not_a_treaty(treaties) -> None:  # type: ignore[no-untyped-def]
    """ "issued" makes and dates a joint statement; of a treaty it tells nothing."""
    rows = treaties("Russia issued a warning about the INF Treaty on Monday.", "2019-02-05")
    assert [(r[1], r[2]) for r in rows] == [(None, INF)]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # the partner of what an agreement is "to" do is a party
        (
            "Finland on Monday signed an agreement to enhance military cooperation with the United States.",
            ("FIN", "USA"),
        ),
        ("India signed a pact to deepen defence ties with Japan on Monday.", ("IND", "JPN")),
        ("Kenya concluded an accord on Monday to expand security cooperation with Britain.", ("GBR", "KEN")),
        # the subject of a gerund the parser hangs on a preposition
        ("The deal answers Turkey signing a similar agreement with Libya in November.", ("LBY", "TUR")),
        (
            "Athens acted in response to Turkey signing a maritime accord with Libya in November.",
            ("LBY", "TUR"),
        ),
    ],
)
def test_the_partner_of_what_an_agreement_is_for(treaties, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert [tuple(sorted(r[0])) for r in treaties(text, "2023-12-19")][-1:] == [parties]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # a treaty in a clause of another time does not take the main clause's date
        (
            "Greece and Egypt signed a maritime deal on Thursday, months after Turkey signed a similar agreement with Libya.",
            ("LBY", "TUR"),
        ),
        (
            "Japan and the Philippines signed a pact on Thursday, a year after Japan signed a similar pact with Britain.",
            ("GBR", "JPN"),
        ),
        (
            "Egypt and Greece signed an accord on Thursday, weeks after Turkey concluded a deal with Libya.",
            ("LBY", "TUR"),
        ),
    ],
)
def test_a_treaty_in_a_clause_of_another_time_is_not_dated_by_the_main_clause(  # type: ignore[no-untyped-def]
    treaties, text: str, parties: tuple[str, ...]
) -> None:
    rows = [r for r in treaties(text, "2023-12-19") if tuple(sorted(r[0])) == parties]
    assert [r[1] for r in rows] == [None]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Egypt, which ratified the Non-Proliferation Treaty in 1981, wants a nuclear-free Middle East.",
            ("EGY",),
        ),
        (
            "Kazakhstan, which joined the Chemical Weapons Convention in 2000, destroyed no stockpile.",
            ("KAZ",),
        ),
        ("North Korea, which quit the Non-Proliferation Treaty in 2003, tested a bomb in 2006.", ("PRK",)),
        ("Russia, which withdrew from the Open Skies Treaty in 2021, blamed Washington.", ("RUS",)),
        ("Poland, which left the Ottawa Convention this year, is laying mines on its border.", ("POL",)),
    ],
)
def test_a_party_told_by_a_relative_pronoun_is_its_antecedent(
    treaties, text: str, parties: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    """ "Egypt, which ratified the treaty": who ratifies, joins or leaves a treaty is a party to
    it, and "which" is the state it follows."""
    rows = treaties(text, "2025-11-06")
    assert [r[0] for r in rows] == [parties]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "The CTBT bans all nuclear tests. The United States never ratified the treaty. The United States, "
            "Israel and China have signed the document but not ratified it.",
            ("CHN", "ISR", "USA"),
        ),
        (
            "Iran ratified the NPT in 1970. Brazil, Egypt and Iran all ratified the treaty decades ago.",
            ("BRA", "EGY", "IRN"),
        ),
        (
            "The Open Skies Treaty allowed surveillance flights. Russia quit the treaty in 2021. Russia, the "
            "United States and Canada had all ratified the treaty.",
            ("CAN", "RUS", "USA"),
        ),
        (
            "Lithuania, Latvia and Poland have all signed the Ottawa Convention. Poland has now left the convention.",
            ("LTU", "LVA", "POL"),
        ),
        (
            "The Chemical Weapons Convention took effect in 1997. Japan ratified the convention. China and Japan "
            "both ratified the convention in the 1990s.",
            ("CHN", "JPN"),
        ),
    ],
)
def test_a_multilateral_treatys_parties_add_up(treaties, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """ "the treaty", "the document" naming more parties than the mention before it, or fewer:
    the same treaty, its parties added up, not a second treaty."""
    rows = treaties(text, "2025-11-06")
    assert len(rows) == 1 and set(rows[0][0]) == set(parties)


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Under the Agreed Framework, North Korea froze its plutonium reactor.",
            (("PRK", "USA"), None, "Agreed Framework", "asserted"),
        ),
        (
            "The three leaders welcomed the Camp David Principles as a guide for the decade.",
            (("JPN", "KOR", "USA"), None, "Camp David Principles", "asserted"),
        ),
        (
            "Riyadh said the Strategic Mutual Defence Agreement covers any aggression against either state.",
            (("PAK", "SAU"), None, "Strategic Mutual Defence Agreement", "asserted"),
        ),
        (
            "Beijing cited the Treaty of Good-Neighbourliness and Friendly Cooperation in its statement.",
            (("CHN", "RUS"), None, "Treaty of Good-Neighbourliness and Friendly Cooperation", "asserted"),
        ),
        (
            "The Elysee Treaty has bound Paris and Berlin since the 1960s.",
            (("DEU", "FRA"), None, "Elysee Treaty", "asserted"),
        ),
    ],
)
def test_a_treaty_the_catalogue_knows_brings_its_parties(only_treaties, text: str, row: Row) -> None:  # type: ignore[no-untyped-def]
    """kg's named-treaty table beyond the arms-control treaties of the devset (an alias is
    reported as written)."""
    assert only_treaties(text) == [row]


@pytest.mark.parametrize(
    "text",
    [
        "The INF Treaty was signed in December 1987. Will there be a new treaty? "
        "Washington wants one that covers the missiles the INF banned.",
        "Moscow and Washington signed New START in April 2010. Would a new accord be possible? "
        "Experts say New START has worked.",
        "The Simla Agreement was signed in July 1972. Is a fresh agreement in sight? "
        "Islamabad still cites the Simla Agreement.",
    ],
)
def test_a_treatys_name_told_again_is_that_treaty_not_the_one_asked_about(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    """An undated mention of a treaty's name refers to the treaty of that name, not to the new
    one a question or a plan told since."""
    named = [r for r in treaties(text, DATELINE) if r[2] is not None]
    assert len(named) == 1 and named[0][1] is not None, named


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Donald Tusk and Emmanuel Macron signed the treaty in Nancy on Monday.", ("FRA", "POL")),
        (
            "Nicolas Maduro and Vladimir Putin signed a strategic partnership treaty on Monday.",
            ("RUS", "VEN"),
        ),
        ("Richard Marles and Gilberto Teodoro signed a defence pact in Manila on Monday.", ("AUS", "PHL")),
        ("Anthony Albanese and Prabowo Subianto signed a defence agreement on Monday.", ("AUS", "IDN")),
        (
            "Shehbaz Sharif and Mohammed bin Salman signed a mutual defence pact in Riyadh on Monday.",
            ("PAK", "SAU"),
        ),
    ],
)
def test_signers_named_without_their_state_are_its_parties(
    only_treaties, text: str, parties: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    """Leaders and ministers sign for their states: a signing told by their names alone."""
    assert [r[0] for r in only_treaties(text)] == [parties]


def test_the_two_leaders_are_those_named_last_not_the_last_treatys_parties(treaties) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States and South Korea scrapped a cost-sharing deal on Monday. After Trump's "
        "meeting with Kim Jong Un in Singapore in June 2018, where the two leaders signed a joint "
        "statement, the allies scaled back their drills."
    )
    assert (("PRK", "USA"), "2018-06", None, "asserted") in treaties(text, DATELINE)


# A treaty kept with no party found by the rules (it has a name or a date) has the states its
# sentence names; not an armistice, which the commands at war sign (treaty_noun_of_commands).
# On the held-out sets the gold gives such a treaty the states of its sentence far more often
# than none (README, Accuracy).
BESIDE = [
    ("Iran insists it remains a member of the 1968 Nuclear Non-Proliferation Treaty.", ("IRN",)),
    (
        "Hard-liners in Tehran have again raised the idea of Iran quitting the Non-Proliferation Treaty.",
        ("IRN",),
    ),
    ("Seoul and Tokyo extended their 2016 intelligence-sharing pact on Friday.", ("JPN", "KOR")),
    ("Under the Lisbon Accord, Brazil and Chile notify each other of missile tests.", ("BRA", "CHL")),
    ("Australia's place in the Pelindaba Treaty came up in the talks.", ("AUS",)),
]


@pytest.mark.parametrize(("text", "parties"), BESIDE)
def test_a_treaty_without_parties_has_the_states_of_its_sentence(
    treaties, text: str, parties: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    assert [r[0] for r in treaties(text, DATELINE)] == [parties]


@pytest.mark.parametrize(
    "text",
    [
        "The US often flies bombers over the peninsula, which is still at war because the 1950-1953 Korean War ended with an armistice.",
        "Pyongyang said on Monday it no longer recognises the 1953 armistice.",
    ],
)
def test_an_armistice_takes_no_state_of_its_sentence(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(r[0] == () for r in treaties(text, DATELINE))


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "Tokyo and London signed a defence pact on Wednesday. Japan is allied with the United "
            "States under the security treaty the two countries signed in 1960.",
            [(("GBR", "JPN"), "2024-06-19"), (("JPN", "USA"), "1960")],
        ),
        (
            "Canberra and Manila signed a new pact on Wednesday. The Philippines is bound to the "
            "United States by a mutual defence treaty both countries signed in 1951.",
            [(("AUS", "PHL"), "2024-06-19"), (("PHL", "USA"), "1951")],
        ),
        (
            "Seoul and Tokyo agreed on Wednesday to share radar data. South Korea remains tied to "
            "the United States by the 1953 treaty the two countries signed in Washington.",
            [(("KOR", "USA"), "1953")],  # sharing data is no agreement; its pair is no party
        ),
    ],
)
def test_the_two_countries_are_the_two_states_named_in_its_clause(
    treaties, text: str, rows: list[Row]
) -> None:  # type: ignore[no-untyped-def]
    """ "the two countries" of a treaty told by a relative clause: the two states the clause
    names before it, not the parties of the treaty told last."""
    assert sorted((tuple(sorted(r[0])), r[1]) for r in treaties(text, "2024-06-19")) == sorted(rows)


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Canberra leans on ANZUS, the 1951 pact with the United States and New Zealand.",
            (("AUS", "NZL", "USA"), "1951", "ANZUS"),
        ),
        (
            "New START, the 2010 treaty that caps warheads, expires in February.",
            (("RUS", "USA"), "2010", "New START"),
        ),
        (
            "Moscow still cites the INF Treaty, the 1987 accord that banned ground-launched missiles.",
            (("RUS", "USA"), "1987", "Intermediate-Range Nuclear Forces Treaty"),
        ),
    ],
)
def test_a_named_treaty_takes_the_year_of_its_apposition(treaties, text: str, row: Row) -> None:  # type: ignore[no-untyped-def]
    assert [(tuple(sorted(r[0])), r[1], r[2]) for r in treaties(text, "2024-06-19")] == [row]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "India and the United States signed LEMOA in 2016 and COMCASA in 2018, officials said.",
            ["2016", "2018"],
        ),
        (
            "After signing LEMOA in 2016 and COMCASA in 2018, India and the United States signed BECA "
            "on Tuesday.",
            ["2016", "2018", "2020-10-27"],
        ),
        # a withdrawal's day is no signing: the treaty keeps its year
        (
            "The United States left the INF Treaty on Friday, ending a 1987 pact with Moscow.",
            ["1987"],
        ),
    ],
)
def test_agreements_listed_each_with_a_date_take_their_own(treaties, text: str, dates: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert sorted(r[1] for r in treaties(text, "2020-10-28")) == sorted(dates)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # no party named: the place of signing is none either
        ("March 24, 1992 - The Open Skies Treaty is signed in Helsinki.", ()),
        ("The Treaty of Pelindaba was signed in Cairo in April 1996.", ()),
        # one other state named: the capital of signing is most often the other party's
        (
            "It updates the 2001 Treaty on Foundations of Relations, signed in Moscow during "
            "Iranian President Mohammad Khatami's visit.",
            ("IRN", "RUS"),
        ),
    ],
)
def test_a_treaty_with_no_party_told_does_not_take_its_place_of_signing(  # type: ignore[no-untyped-def]
    treaties, text: str, parties: tuple[str, ...]
) -> None:
    assert [tuple(sorted(r[0])) for r in treaties(text, "2023-11-08")] == [parties]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "On Friday Vladimir Putin and Iranian President Masoud Pezeshkian signed the Treaty on "
            "Comprehensive Strategic Partnership in Moscow.",
            ("IRN", "RUS"),
        ),
        (
            "Russia and Iran signed a Comprehensive Strategic Partnership Treaty on Friday.",
            ("IRN", "RUS"),
        ),
        (
            "Russia and North Korea signed the Comprehensive Strategic Partnership Treaty in June 2024.",
            ("PRK", "RUS"),
        ),
    ],
)
def test_a_known_name_signed_in_another_year_by_other_states_is_their_treaty(
    treaties, text: str, parties: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    """The lexicon's parties of a named treaty (Russia and North Korea, 2024) are not forced on
    another treaty of the same name that the text signs in another year between other states."""
    rows = treaties(text, "2025-01-18")
    assert [r[0] for r in rows] == [parties]


@pytest.mark.parametrize(
    "text",
    [
        "And the Open Skies Treaty, signed in 1992, lost its force when Washington left.",
        "But the Open Skies Treaty, signed in 1992, lost its force when Washington left.",
        "Yet the Open Skies Treaty, signed in 1992, lost its force when Washington left.",
        "Signed in 1992, the Open Skies Treaty lost its force when Washington left.",
    ],
)
def test_a_treaty_name_opens_with_its_own_words(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    """A sentence's opening conjunction, participle or article is no part of the name, and the
    treaty keeps the year of its signing, not that of a withdrawal."""
    rows = treaties(text, "2023-11-07")
    assert [(r[2], r[1]) for r in rows] == [("Open Skies Treaty", "1992")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia revoked its ratification of the Comprehensive Nuclear-Test-Ban Treaty on Thursday. The United "
        "States, which signed the document in 1996, has not ratified it.",
        "Moscow withdrew from the Open Skies Treaty in 2021. The United States, which signed the accord in "
        "1992, had left it a year earlier.",
    ],
)
def test_a_signer_told_with_the_named_treatys_year_is_its_party(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "the United States of America, which signed the document in 1996": another party of the
    treaty named before, signed that year, not a treaty of its own."""
    rows = treaties(text, "2023-11-02")
    assert len(rows) == 1 and "USA" in rows[0][0]


def test_a_clause_coordinated_after_a_title_is_no_part_of_it(only_treaties) -> None:  # type: ignore[no-untyped-def]
    """'the Treaty on Security Guarantees and the Kremlin said ...': 'and the' may go on a title,
    not into the subject of a clause of its own."""
    [row] = only_treaties(
        "Russia and Belarus signed the Treaty on Security Guarantees and the Kremlin said it would take effect in March."
    )
    assert row[2] == "Treaty on Security Guarantees"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Moscow and Minsk signed the Treaty on the Creation of a Union State in December 1999.",
            "Treaty on the Creation of a Union State",
        ),
        (
            "Russia and Iran signed the Treaty on the Basis of Relations and the Principles of Cooperation "
            "in March 2001.",
            "Treaty on the Basis of Relations and the Principles of Cooperation",
        ),
        (
            "India and Pakistan signed the Agreement on the Prohibition of Attack against Nuclear "
            "Installations in December 1988.",
            "Agreement on the Prohibition of Attack against Nuclear Installations",
        ),
    ],
)
def test_a_title_with_articles_and_prepositions_is_one_name(only_treaties, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """A treaty's title goes on past 'on the', 'of a' and 'against': the whole title is its name."""
    [row] = only_treaties(text)
    assert row[2] == name


@pytest.mark.parametrize(
    ("text", "old"),
    [
        (
            "Russia and Iran signed a new partnership treaty on Friday. The new treaty, which replaces "
            "the Treaty on the Basis of Relations and Principles of Cooperation signed by the two "
            "countries in 2001, runs for 20 years.",
            ("Treaty on the Basis of Relations and Principles of Cooperation", "2001"),
        ),
        (
            "Russia and Iran signed a new partnership treaty on Friday. The document supersedes the "
            "Treaty of Friendship and Cooperation concluded by Moscow and Tehran in 1995, officials said.",
            ("Treaty of Friendship and Cooperation", "1995"),
        ),
    ],
)
def test_the_signing_clause_of_a_treaty_the_new_one_replaces_is_the_old_ones(
    only_treaties, text: str, old: tuple[str, str]
) -> None:  # type: ignore[no-untyped-def]
    """'the new treaty, which replaces the Treaty on the Basis ... signed in 2001': the year is
    the old treaty's, wherever the parser hangs the clause on its long name; the new one keeps
    Friday."""
    rows = only_treaties(text)
    dates = {r[2]: r[1] for r in rows}
    assert dates.get(old[0]) == old[1]
    assert [r[1] for r in rows if r[2] != old[0]] == ["2025-03-07"]


@pytest.mark.parametrize(
    "text",
    [
        "The drills were the largest since 1981, when Soviet forces trained with the Warsaw Treaty countries.",
        "Signed in Helsinki in 1992 by members of NATO and the former Warsaw Pact, the Open Skies Treaty allows flights.",
        "Warsaw Pact troops crossed into Czechoslovakia in August 1968.",
        "The exercise rehearsed the defence of the former Warsaw Pact states against an invasion.",
        "Poland and Hungary, once members of the Warsaw Pact, joined NATO in 1999.",
    ],
)
def test_a_treaty_name_for_the_bloc_it_bound_is_no_treaty(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "the Warsaw Treaty countries", "members of the Warsaw Pact", "the former Warsaw Pact": the
    name stands for the states the pact bound, no treaty event; nor is "Warsaw" in it Poland.
    Not so "the former INF Treaty" or "the state of the New START treaty" (test below)."""
    rows = treaties(text, "2020-11-22")
    # the Open Skies Treaty is the one treaty told, and no party of it is Poland's "Warsaw"
    assert [(r[0], r[2]) for r in rows] == ([((), "Open Skies Treaty")] if "Open Skies" in text else [])


@pytest.mark.parametrize(
    ("text", "parties", "date"),
    [
        (
            "The strike tests the memorandum of understanding on air safety over Syria, which Russia and "
            "the United States signed in October 2015.",
            ("RUS", "USA"),
            "2015-10",
        ),
        (
            "Officials cited the memorandum on maritime incidents, which China and Japan signed in 2018.",
            ("CHN", "JPN"),
            "2018",
        ),
        (
            "Pakistan tested a cruise missile on Thursday. The understanding on advance notice of missile "
            "tests reached with India in 2005 covers ballistic missiles only, he said.",
            ("IND", "PAK"),
            "2005",
        ),
        (
            "Japan launched a spy satellite on Monday. The pact on missile data signed with South Korea "
            "in 2016 lets it share radar tracks.",
            ("JPN", "KOR"),
            "2016",
        ),
        (
            "The framework on naval cooperation, which India and France signed in 2019, covers the Indian Ocean.",
            ("FRA", "IND"),
            "2019",
        ),
    ],
)
def test_an_agreement_named_only_as_signed_by_a_clause_or_participle(  # type: ignore[no-untyped-def]
    treaties, text: str, parties: tuple[str, ...], date: str
) -> None:
    """ "the memorandum ..., which Russia and the US signed in 2015" (the clause often hung on a
    noun of the phrase), "the understanding ... reached with India in 2005": an agreement, its
    parties the clause's subject or the partner and the story's state, its date the clause's."""
    rows = treaties(text, "2024-06-26")
    assert [(r[0], r[1]) for r in rows] == [(parties, date)]


@pytest.mark.parametrize(
    "text",
    [
        "Poland and the United States have signed a defence pact, under which US troops will be based in Poland from next year.",
        "Japan and Australia have signed an access agreement, under which their forces may train together from 2026.",
        "India and France have signed a logistics agreement, by which each side will open its bases to the other next year.",
        "Manila and Tokyo have signed a reciprocal access agreement, under which Japan will send troops in 2027.",
        "Seoul and Washington have signed a cost-sharing deal, under which South Korea will pay more from next year.",
    ],
)
def test_what_an_agreement_provides_does_not_date_it(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "have signed a defence pact, under which US troops will be based in Poland from next
    year": the clause tells the pact's terms, not its date; the pact is signed, not expected."""
    rows = treaties(text, "2024-06-26")
    assert [(r[1], r[3]) for r in rows] == [(None, "asserted")]


@pytest.mark.parametrize(
    "second",
    [
        "The two leaders also signed an agreement on information security.",
        "The ministers also signed a memorandum on defence industry cooperation.",
        "The two governments also signed a Declaration on Strategic Cooperation.",
        "They also signed a separate accord on intelligence sharing.",
        "Both sides also signed a framework on cyber security.",
    ],
)
def test_an_agreement_also_signed_is_another_of_the_same_day(treaties, second: str) -> None:  # type: ignore[no-untyped-def]
    """ "The two governments also signed a Declaration on Strategic Cooperation": an agreement
    besides the one told, on its day."""
    rows = treaties(f"Japan and Australia signed a defence pact on Monday. {second}", "2024-06-26")
    assert len(rows) == 2 and {r[1] for r in rows} == {"2024-06-24"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Reagan and Gorbachev signed the now defunct INF Treaty in December 1987.",
            "Intermediate-Range Nuclear Forces Treaty",
        ),
        ("The state of the New START treaty, signed in 2010, worries analysts.", "New START"),
    ],
)
def test_a_treaty_no_bloc_keeps_its_name(treaties, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """ "the now defunct INF Treaty" (no pact of a bloc), "the state of the New START treaty" (a
    member noun in the singular): the treaty, named."""
    assert [r[2] for r in treaties(text, "2020-11-22")] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The talks helped China and India reach a better understanding of each other's positions.",
        "China and Russia reached a common understanding on Ukraine on Monday.",
    ],
)
def test_an_understanding_of_views_is_no_agreement(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "reached a better understanding of each other's positions": an understanding names an
    agreement only when a participle or relative clause tells it concluded."""
    assert treaties(text, "2024-06-26") == []


def test_an_agreement_a_state_has_also_signed_is_not_dated_by_the_one_told(treaties) -> None:  # type: ignore[no-untyped-def]
    """ "Japan has also signed a similar pact with Britain": a perfect, not a signing on the day
    of the pact told."""
    rows = treaties(
        "Japan and Australia signed a defence pact on Monday. Japan has also signed a similar pact with Britain.",
        "2024-06-26",
    )
    assert sorted((r[0], r[1]) for r in rows) == [(("AUS", "JPN"), "2024-06-24"), (("GBR", "JPN"), None)]


@pytest.mark.parametrize(
    "second",
    [
        "Signed in Helsinki in 1992 by members of NATO, including the United States and Russia, it allows observation flights.",
        "Signed in 1992 by the United States and Russia, it allows unarmed observation flights.",
        "Signed in 1992 by the US and Russia, it entered into force only in 2002.",
    ],
)
def test_it_opened_by_a_participle_of_signing_is_the_treaty_told(treaties, second: str) -> None:  # type: ignore[no-untyped-def]
    """ "Signed in Helsinki in 1992 by ..., it allows ...": "it" is the treaty told before, and
    the participle tells its signing: its year and parties."""
    rows = treaties(f"The United States left the Treaty on Open Skies on Sunday. {second}", "2020-11-22")
    assert [(r[0], r[1]) for r in rows] == [(("RUS", "USA"), "1992")]
