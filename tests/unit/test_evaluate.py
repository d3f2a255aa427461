"""kg.evaluate: the scoring rules on hand-built records, and the devset gold against itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import KgError
from kg.evaluate import (
    Counts,
    GoldArticle,
    PredictedArticle,
    Scores,
    dates_agree,
    floors_met,
    format_scores,
    jaccard,
    load_gold,
    load_gold_dir,
    score,
)
from kg.models import (
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

DEVSET = Path(__file__).resolve().parents[2] / "gold" / "devset"
D = PartialDate.from_iso
A, C, E, N = Factuality.ASSERTED, Factuality.CLAIMED, Factuality.EXPECTED, Factuality.NEGATED
L, X, T = EventType.LAUNCH, EventType.EXERCISE, EventType.TREATY


def gold(*events: Event, states: tuple[str, ...] = (), id: str = "a") -> GoldArticle:
    return GoldArticle(id, None, frozenset(states), events, tuple(f"ev{i}" for i in range(len(events))))


def pred(*events: Event, states: tuple[str, ...] = (), id: str = "a") -> dict[str, PredictedArticle]:
    return {id: PredictedArticle(id, frozenset(states), events)}


def run(g: GoldArticle, p: dict[str, PredictedArticle]) -> Scores:
    return score([g], p)


def launch(agent: str = "PRK", date: str | None = "2017-03-22", **kw: object) -> Launch:
    return Launch(agent=agent, date=D(date) if date else None, **kw)  # type: ignore[arg-type]


def exercise(parts: tuple[str, ...], date: str | None = "2017-03-22", **kw: object) -> Exercise:
    return Exercise(participants=parts, date=D(date) if date else None, **kw)  # type: ignore[arg-type]


def treaty(parts: tuple[str, ...], date: str | None = "2018-09-19", **kw: object) -> Treaty:
    return Treaty(signatories=parts, date=D(date) if date else None, **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("2017-03", "2017-03-22", True),
        ("2017-03-22", "2017-03", True),
        ("2017", "2017-11-29", True),
        ("2017-03-21", "2017-03-22", False),
        ("2017-02", "2017-03-22", False),
        ("2016", "2017", False),
        (None, "2017-03-22", True),
        ("2017-03-22", None, True),
        (None, None, True),
    ],
)
def test_dates_agree_at_the_shorter_precision(a: str | None, b: str | None, agree: bool) -> None:
    assert dates_agree(D(a) if a else None, D(b) if b else None) is agree


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((), (), 1.0),
        (("USA",), (), 0.0),
        ((), ("USA",), 0.0),
        (("USA", "KOR"), ("KOR", "USA"), 1.0),
        (("USA", "KOR"), ("USA",), 0.5),
        (("USA", "KOR"), ("usa", "JPN"), 1 / 3),
    ],
)
def test_jaccard(a: tuple[str, ...], b: tuple[str, ...], expected: float) -> None:
    assert jaccard(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("counts", "p", "r", "f"),
    [
        (Counts(1, 1, 0), 0.5, 1.0, 2 / 3),
        (Counts(0, 0, 0), 1.0, 1.0, 1.0),
        (Counts(0, 0, 3), 0.0, 0.0, 0.0),
        (Counts(0, 2, 0), 0.0, 0.0, 0.0),
    ],
)
def test_counts_ratios(counts: Counts, p: float, r: float, f: float) -> None:
    assert (counts.precision, counts.recall, counts.f1) == pytest.approx((p, r, f))


# ---------------------------------------------------------------- matching, table-driven

# (case id, gold events, predicted events, {type: (tp, fp, fn)})
MATCH_CASES: list[tuple[str, tuple[Event, ...], tuple[Event, ...], dict[EventType, tuple[int, int, int]]]] = [
    ("exact match", (launch(),), (launch(),), {L: (1, 0, 0)}),
    ("gold month, predicted day", (launch(date="2017-03"),), (launch(date="2017-03-22"),), {L: (1, 0, 0)}),
    ("gold day, predicted month", (launch(date="2017-03-22"),), (launch(date="2017-03"),), {L: (1, 0, 0)}),
    ("different days", (launch(date="2017-03-21"),), (launch(date="2017-03-22"),), {L: (0, 1, 1)}),
    ("gold date missing", (launch(date=None),), (launch(),), {L: (1, 0, 0)}),
    ("predicted date missing", (launch(),), (launch(date=None),), {L: (1, 0, 0)}),
    ("agent mismatch", (launch("PRK"),), (launch("KOR"),), {L: (0, 1, 1)}),
    ("agent case-insensitive", (launch("PRK"),), (launch("prk"),), {L: (1, 0, 0)}),
    (
        "predicted agent missing",
        (launch("PRK"),),
        (Launch(agent=None, date=D("2017-03-22")),),
        {L: (0, 1, 1)},
    ),
    ("type mismatch", (launch(),), (exercise(("PRK",)),), {L: (0, 0, 1), X: (0, 1, 0)}),
    ("jaccard exactly 0.5", (exercise(("USA", "KOR")),), (exercise(("USA",)),), {X: (1, 0, 0)}),
    (
        "jaccard 0.49",
        (exercise(tuple(f"Q{i:02d}" for i in range(100))),),
        (exercise(tuple(f"Q{i:02d}" for i in range(49))),),
        {X: (0, 1, 1)},
    ),
    (
        "jaccard 0.5 with 100 codes",
        (exercise(tuple(f"Q{i:02d}" for i in range(100))),),
        (exercise(tuple(f"Q{i:02d}" for i in range(50))),),
        {X: (1, 0, 0)},
    ),
    ("jaccard 1/3", (exercise(("USA", "KOR")),), (exercise(("USA", "JPN")),), {X: (0, 1, 1)}),
    ("treaty both empty", (treaty(()),), (treaty(()),), {T: (1, 0, 0)}),
    ("treaty gold empty", (treaty(()),), (treaty(("KOR",)),), {T: (0, 1, 1)}),
    ("treaty 2 of 3", (treaty(("KOR", "PRK", "USA")),), (treaty(("KOR", "PRK")),), {T: (1, 0, 0)}),
    ("two predictions for one gold", (launch(),), (launch(), launch()), {L: (1, 1, 0)}),
    ("one prediction for two gold", (launch(), launch()), (launch(),), {L: (1, 0, 1)}),
    ("gold expected ignored", (launch(factuality=E),), (), {L: (0, 0, 0)}),
    ("gold negated ignored", (exercise(("USA",), factuality=N),), (), {X: (0, 0, 0)}),
    ("gold claimed counts", (launch(factuality=C),), (), {L: (0, 0, 1)}),
    ("predicted claimed matches asserted", (launch(),), (launch(factuality=C),), {L: (1, 0, 0)}),
    ("predicted expected ignored", (), (launch(factuality=E),), {L: (0, 0, 0)}),
    ("predicted negated ignored", (launch(),), (launch(factuality=N),), {L: (0, 0, 1)}),
    ("no prediction at all", (launch(), treaty(("KOR",))), (), {L: (0, 0, 1), T: (0, 0, 1)}),
]


@pytest.mark.parametrize(
    ("gold_events", "pred_events", "expected"), [c[1:] for c in MATCH_CASES], ids=[c[0] for c in MATCH_CASES]
)
def test_event_counts(
    gold_events: tuple[Event, ...],
    pred_events: tuple[Event, ...],
    expected: dict[EventType, tuple[int, int, int]],
) -> None:
    scores = run(gold(*gold_events), pred(*pred_events))
    got = {t: (c.tp, c.fp, c.fn) for t, c in scores.by_type.items()}
    assert got == {t: expected.get(t, (0, 0, 0)) for t in (L, X, T)}
    overall = scores.overall
    assert (overall.tp, overall.fp, overall.fn) == tuple(map(sum, zip(*got.values(), strict=True)))


def test_greedy_prefers_full_date_then_attribute_agreement() -> None:
    g = (
        launch(date="2017-03", weapon_class="missile", outcome=Outcome.FAILURE),
        launch(date="2017-03-22", weapon_class="ballistic missile", outcome=Outcome.SUCCESS),
    )
    # Both predictions are eligible for both gold events; the exact-date pair is taken
    # first, then the remaining one goes to the remaining gold event.
    p = (
        launch(date="2017-03-22", weapon_class="missile", outcome=Outcome.FAILURE),
        launch(date="2017-03", weapon_class="ballistic missile", outcome=Outcome.SUCCESS),
    )
    scores = run(gold(*g), pred(*p))
    [detail] = scores.details
    assert [(m.gold, m.predicted) for m in detail.matched] == [(g[0], p[1]), (g[1], p[0])]

    # With equal dates the tie is broken by attribute agreement.
    g2 = (launch(outcome=Outcome.FAILURE), launch(outcome=Outcome.SUCCESS))
    p2 = (launch(outcome=Outcome.SUCCESS), launch(outcome=Outcome.FAILURE))
    [detail2] = run(gold(*g2), pred(*p2)).details
    assert [(m.gold, m.predicted) for m in detail2.matched] == [(g2[0], p2[1]), (g2[1], p2[0])]


def test_greedy_prefers_higher_jaccard() -> None:
    g = (exercise(("USA", "KOR")), exercise(("USA", "KOR", "JPN")))
    p = (exercise(("USA", "KOR", "JPN")), exercise(("USA", "KOR")))
    [detail] = run(gold(*g), pred(*p)).details
    assert [(m.gold, m.predicted) for m in detail.matched] == [(g[0], p[1]), (g[1], p[0])]


def test_events_match_only_within_their_article() -> None:
    scores = score(
        [gold(launch(), id="a"), gold(id="b")], {"b": PredictedArticle("b", frozenset(), (launch(),))}
    )
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (0, 1, 1)
    assert not scores.details[0].predicted


def test_predicted_articles_without_gold_are_not_scored() -> None:
    scores = score([gold(launch())], {**pred(launch()), **pred(launch(), id="zzz")})
    assert scores.unscored == ("zzz",)
    assert (scores.overall.tp, scores.overall.fp) == (1, 0)


def test_duplicate_gold_article_is_an_error() -> None:
    with pytest.raises(KgError, match="twice"):
        score([gold(), gold()], {})


# ---------------------------------------------------------------- modality errors


@pytest.mark.parametrize(
    ("gold_events", "pred_events", "errors", "fp"),
    [
        pytest.param((launch(date=None, factuality=E),), (launch(),), 1, 1, id="expected output as asserted"),
        pytest.param(
            (exercise(("USA", "KOR"), factuality=N),), (exercise(("USA", "KOR")),), 1, 1, id="negated"
        ),
        pytest.param((launch(factuality=E),), (launch(factuality=C),), 1, 1, id="expected output as claimed"),
        pytest.param(
            (launch(factuality=E),), (launch(factuality=E),), 0, 0, id="expected output as expected"
        ),
        pytest.param((launch(factuality=E),), (launch("KOR"),), 0, 1, id="would not match"),
        # The prediction goes to the asserted gold event first; no modality error.
        pytest.param((launch(), launch(factuality=E)), (launch(),), 0, 0, id="matched to asserted gold"),
        # One prediction cannot be two modality errors.
        pytest.param((launch(factuality=E), launch(factuality=N)), (launch(),), 1, 1, id="one-to-one"),
    ],
)
def test_modality_errors(
    gold_events: tuple[Event, ...], pred_events: tuple[Event, ...], errors: int, fp: int
) -> None:
    scores = run(gold(*gold_events), pred(*pred_events))
    assert len(scores.modality_errors) == errors
    assert scores.overall.fp == fp
    for error in scores.modality_errors:
        assert error.gold.factuality in (E, N)
        assert error.predicted.factuality in (A, C)
        assert error.article_id == "a"


# ---------------------------------------------------------------- attribute accuracy


def _attrs(scores: Scores) -> dict[str, tuple[int, int]]:
    return {k: (a.correct, a.total) for k, a in scores.attributes.items() if a.total}


@pytest.mark.parametrize(
    ("g", "p", "expected"),
    [
        pytest.param(
            launch(weapon_class="missile", site="Wonsan", outcome=Outcome.FAILURE, count=1),
            launch(weapon_class="Missile", site=" wonsan ", outcome=Outcome.FAILURE, count=1),
            {
                "Launch.weapon_class": (1, 1),
                "Launch.site": (1, 1),
                "Launch.outcome": (1, 1),
                "Launch.count": (1, 1),
                "Launch.date": (1, 1),
            },
            id="all stated attributes agree, case-insensitive",
        ),
        pytest.param(
            launch(date=None),
            launch(weapon_class="missile", site="Wonsan", count=3),
            {"Launch.outcome": (1, 1)},
            id="only gold-stated attributes count (outcome always)",
        ),
        pytest.param(
            launch(date="2017-03", site="Wonsan", count=4),
            launch(date="2017-03-22", site="Sunan area", count=None),
            {"Launch.site": (0, 1), "Launch.count": (0, 1), "Launch.date": (0, 1), "Launch.outcome": (1, 1)},
            id="another site, date exact, missing count is wrong",
        ),
        pytest.param(
            launch(
                weapon=WeaponRef("Musudan", "medium-range ballistic missile"),
                weapon_class="medium-range ballistic missile",
            ),
            launch(weapon=WeaponRef("musudan", "medium-range ballistic missile")),
            {
                "Launch.weapon": (1, 1),
                "Launch.weapon_class": (1, 1),
                "Launch.outcome": (1, 1),
                "Launch.date": (1, 1),
            },
            id="weapon name; weapon_class falls back to the weapon's class",
        ),
        pytest.param(
            launch(weapon=WeaponRef("Musudan", "medium-range ballistic missile")),
            launch(weapon=WeaponRef("ballistic missile", "ballistic missile", generic=True)),
            {
                "Launch.weapon": (0, 1),
                "Launch.weapon_class": (0, 1),
                "Launch.outcome": (1, 1),
                "Launch.date": (1, 1),
            },
            id="a generic weapon names no weapon; classes from the weapons",
        ),
        pytest.param(
            exercise(("USA", "KOR"), name="Foal Eagle", weapons=(WeaponRef("B-1B", None),)),
            exercise(("KOR", "USA", "JPN"), name="foal eagle"),
            {"Exercise.participants": (0, 1), "Exercise.name": (1, 1), "Exercise.date": (1, 1)},
            id="exercise participants set equality; weapons not scored",
        ),
        pytest.param(
            exercise((), date=None),
            exercise((), date="2017", name="Foal Eagle"),
            {},
            id="empty gold list not counted",
        ),
        pytest.param(
            treaty(("KOR", "PRK"), name="Panmunjom Declaration"),
            treaty(("PRK", "KOR"), name="Panmunjom  declaration", date="2018-09"),
            {"Treaty.signatories": (1, 1), "Treaty.name": (1, 1), "Treaty.date": (0, 1)},
            id="treaty",
        ),
    ],
)
def test_attribute_accuracy(g: Event, p: Event, expected: dict[str, tuple[int, int]]) -> None:
    scores = run(gold(g), pred(p))
    assert scores.overall.tp == 1
    assert _attrs(scores) == expected
    correct = sum(c for c, _ in expected.values())
    total = sum(t for _, t in expected.values())
    assert (scores.attribute_accuracy.correct, scores.attribute_accuracy.total) == (correct, total)


def test_attributes_are_not_counted_for_unmatched_events() -> None:
    scores = run(gold(launch(site="Wonsan")), pred(launch("KOR", site="Wonsan")))
    assert scores.attribute_accuracy.total == 0
    assert scores.attribute_accuracy.accuracy == 1.0


# ---------------------------------------------------------------- states


def test_states_micro_averaged() -> None:
    g = [gold(states=("PRK", "KOR", "USA", "JPN"), id="a"), gold(states=("IRN",), id="b")]
    p = {
        "a": PredictedArticle("a", frozenset({"PRK", "KOR", "CHN"}), ()),
        "b": PredictedArticle("b", frozenset({"IRN"}), ()),
    }
    s = score(g, p).states
    assert (s.tp, s.fp, s.fn) == (3, 1, 2)
    assert (s.precision, s.recall) == pytest.approx((3 / 4, 3 / 5))
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    [da, db] = score(g, p).details
    assert (da.states_missed, da.states_spurious) == (frozenset({"USA", "JPN"}), frozenset({"CHN"}))
    assert (db.states_missed, db.states_spurious) == (frozenset(), frozenset())


# ---------------------------------------------------------------- floors and formatting


def _mixed_scores() -> Scores:
    g = gold(
        launch(site="Wonsan", weapon_class="missile"),
        launch(date="2016"),
        launch(date=None, factuality=E),
        states=("PRK", "USA"),
    )
    ev = (Mention(0, 10, "fired from Sunan area"),)
    p = pred(
        launch(site="Sunan area", weapon_class="missile", evidence=ev),
        launch("KOR", date="2017-01-01", evidence=(Mention(0, 5, "Seoul fired"),)),
        launch(date="2018", evidence=(Mention(0, 5, "will fire"),)),
        states=("PRK", "JPN"),
    )
    return run(g, p)


def test_floors_met() -> None:
    scores = _mixed_scores()
    assert floors_met(scores, {"overall.f1": 0.0, "states.f1": 0.5}) == []
    failed = floors_met(scores, {"Launch.recall": 0.9, "attributes.Launch.site": 0.5, "Treaty.f1": 1.0})
    assert len(failed) == 2
    assert failed[0].startswith("Launch.recall = 0.5000 is below its floor 0.9000")
    assert failed[1].startswith("attributes.Launch.site = 0.0000")
    with pytest.raises(KgError, match="unknown accuracy floor"):
        floors_met(scores, {"overal.f1": 0.5})


def test_format_text_and_verbose() -> None:
    scores = _mixed_scores()
    text = format_scores(scores)
    assert "Launch" in text and "overall" in text and "modality errors: 1" in text
    assert "Launch.site" in text and "states" in text
    assert "spurious" not in text
    verbose = format_scores(scores, verbose=True)
    assert "== a" in verbose
    assert "missed    Launch PRK 2016" in verbose and "gold: “ev1”" in verbose
    assert "spurious  Launch KOR 2017-01-01" in verbose and "Seoul fired" in verbose
    assert "site: gold 'Wonsan', predicted 'Sunan area'" in verbose
    assert "fired from Sunan area" in verbose
    assert "states missed: USA" in verbose and "states spurious: JPN" in verbose


def test_format_json_has_the_same_numbers_in_a_stable_order() -> None:
    scores = _mixed_scores()
    data = json.loads(format_scores(scores, "json"))
    assert list(data) == ["events", "attributes", "states", "modality_errors", "unscored_articles"]
    assert list(data["events"]) == ["Launch", "Exercise", "Treaty", "overall"]
    launch_counts = scores.by_type[L]
    assert data["events"]["Launch"] == {
        "tp": launch_counts.tp,
        "fp": launch_counts.fp,
        "fn": launch_counts.fn,
        "precision": round(launch_counts.precision, 4),
        "recall": round(launch_counts.recall, 4),
        "f1": round(launch_counts.f1, 4),
    }
    assert data["attributes"]["Launch.site"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    assert data["modality_errors"]["count"] == 1
    assert data["modality_errors"]["errors"][0]["predicted_evidence"] == "will fire"
    assert format_scores(scores, "json") == format_scores(scores, "json")
    verbose = json.loads(format_scores(scores, "json", verbose=True))
    assert verbose["details"][0]["missed"][0]["evidence"] == "ev1"
    with pytest.raises(KgError, match="unknown score format"):
        format_scores(scores, "csv")


# ---------------------------------------------------------------- gold files


def _write(tmp: Path, data: object, text: str = "the quote\n", name: str = "x") -> Path:
    path = tmp / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    (tmp / f"{name}.txt").write_text(text, encoding="utf-8")
    return path


def _good() -> dict[str, object]:
    return {
        "id": "x",
        "dateline": "2017-03-23",
        "states": ["PRK"],
        "events": [
            {
                "type": "Launch",
                "agent": "PRK",
                "date": "2017-03-22",
                "weapon": "Musudan",
                "weapon_class": "missile",
                "site": None,
                "outcome": "failure",
                "count": 1,
                "factuality": "asserted",
                "evidence": "the quote",
            },
            {
                "type": "Exercise",
                "participants": ["USA", "KOR"],
                "date": None,
                "name": None,
                "weapons": ["B-1B"],
                "factuality": "expected",
                "evidence": "quote",
            },
        ],
    }


def test_load_gold_records(tmp_path: Path) -> None:
    article = load_gold(_write(tmp_path, _good()))
    assert article.id == "x" and article.states == {"PRK"}
    assert article.evidence == ("the quote", "quote")
    assert article.events[0] == Launch(
        agent="PRK",
        weapon=WeaponRef("Musudan", "missile"),
        weapon_class="missile",
        date=D("2017-03-22"),
        outcome=Outcome.FAILURE,
        count=1,
        confidence=1.0,
    )
    assert article.events[1] == Exercise(
        participants=("USA", "KOR"), weapons=(WeaponRef("B-1B", None),), factuality=E, confidence=1.0
    )


def test_gold_launch_may_leave_its_agent_unknown(tmp_path: Path) -> None:
    # "a missile was fired into the Sea of Japan" with no launching state named: the record's
    # agent is optional, and a missing agent only matches a missing one when scoring.
    article = load_gold(_write(tmp_path, _mutate("events/0/agent", None)))
    assert isinstance(article.events[0], Launch) and article.events[0].agent is None


def _mutate(path: str, value: object) -> dict[str, object]:
    data = json.loads(json.dumps(_good()))
    target = data
    keys = path.split("/")
    for k in keys[:-1]:
        target = target[int(k)] if isinstance(target, list) else target[k]
    if value is KeyError:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    return data  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("id", "y", "'id' is 'y'"),
        ("states", ["North Korea"], "not an ISO 3166-1 alpha-3 code"),
        ("events/0/date", "March 2017", "events\\[0\\]: 'date'"),
        ("events/0/factuality", "reported", "'factuality' must be one of"),
        ("events/0/outcome", "partial", "'outcome' must be one of"),
        ("events/0/count", 0, "'count' must be a positive integer"),
        ("events/0/site", KeyError, "missing key\\(s\\) site"),
        ("events/0/agent", "North Korea", "'agent': 'North Korea' is not an ISO 3166-1 alpha-3 code"),
        ("events/1/type", "Drill", "'type' must be Launch, Exercise or Treaty"),
        ("events/1/evidence", "not in the text", "not a substring of x.txt"),
        ("dateline", "2017-03", "full date"),
        ("events", {}, "'events' must be a list"),
    ],
)
def test_load_gold_rejects_malformed_files(tmp_path: Path, path: str, value: object, message: str) -> None:
    file = _write(tmp_path, _mutate(path, value))
    with pytest.raises(KgError, match=message) as info:
        load_gold(file)
    assert str(file) in str(info.value)


def test_load_gold_rejects_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("{\n  'id': 1\n}", encoding="utf-8")
    with pytest.raises(KgError, match=r"x\.json:2: not valid JSON"):
        load_gold(path)


def test_load_gold_dir_needs_the_article_beside_each_gold_file(tmp_path: Path) -> None:
    _write(tmp_path, _good())
    (tmp_path / "x.txt").unlink()
    with pytest.raises(KgError, match=r"no article x\.txt"):
        load_gold_dir(tmp_path)
    with pytest.raises(KgError, match="not a directory of gold files"):
        load_gold_dir(tmp_path / "missing")
    (tmp_path / "x.json").unlink()
    with pytest.raises(KgError, match="no gold files"):
        load_gold_dir(tmp_path)


# ---------------------------------------------------------------- the devset against itself


def test_devset_gold_scored_against_itself_is_perfect() -> None:
    articles = load_gold_dir(DEVSET)
    assert len(articles) == 86
    assert sum(len(a.events) for a in articles) == 526
    predicted = {a.id: PredictedArticle(a.id, a.states, a.events) for a in articles}
    scores = score(articles, predicted)
    assert all(value == 1.0 for value in scores.metrics().values()), scores.metrics()
    assert scores.modality_errors == ()
    assert scores.overall.fp == scores.overall.fn == 0
    assert scores.overall.tp == 461  # 440 asserted + 21 claimed
    assert scores.attribute_accuracy.total > 0
    assert all(m.gold == m.predicted for d in scores.details for m in d.matched)
    assert floors_met(scores, dict.fromkeys(scores.metrics(), 1.0)) == []


def test_verbose_lists_uncounted_predictions() -> None:
    scores = run(gold(launch()), pred(launch(), launch(date="2018", factuality=E)))
    assert (scores.overall.tp, scores.overall.fp) == (1, 0)
    assert "uncounted Launch PRK 2018" in format_scores(scores, verbose=True)


_dates = st.sampled_from([None, "2017", "2017-03", "2017-03-22", "2017-03-21", "2016-05"])
_codes = st.lists(st.sampled_from(["PRK", "KOR", "USA", "JPN"]), max_size=3, unique=True).map(tuple)
_launches = st.builds(
    launch,
    agent=st.sampled_from(["PRK", "KOR"]),
    date=_dates,
    site=st.sampled_from([None, "Wonsan", "Sunan"]),
    count=st.sampled_from([None, 1, 4]),
    outcome=st.sampled_from(list(Outcome)),
    factuality=st.sampled_from(list(Factuality)),
)
_exercises = st.builds(
    exercise,
    _codes,
    date=_dates,
    name=st.sampled_from([None, "Foal Eagle"]),
    factuality=st.sampled_from(list(Factuality)),
)


@given(st.lists(st.one_of(_launches, _exercises), max_size=8))
def test_any_gold_scored_against_itself_is_perfect(events: list[Event]) -> None:
    g = gold(*events, states=("PRK",))
    scores = run(g, pred(*events, states=("PRK",)))
    assert all(value == 1.0 for value in scores.metrics().values())
    assert scores.modality_errors == ()


# ---------------------------------------------------------------- attribute refinements


def _attribute_ok(attribute: str, g: Launch, p: Launch) -> bool:
    [detail] = run(gold(g), pred(p)).details
    [match] = detail.matched
    [check] = [c for c in match.checks if c.attribute == attribute]
    return check.correct


@pytest.mark.parametrize(
    ("gold_name", "predicted", "ok"),
    [
        ("Rodong", "Nodong", True),  # an alias equals its canonical name
        ("Hwasong-7", "Rodong", True),  # two aliases of one system
        ("Hwasong 15", "hwasong-15", True),  # case, spaces and hyphens
        ("Qadr-H", "Ghadr-H", True),
        ("Babur-2", "Babur", False),  # a variant is not its base system
        ("Hwasong-15", "Hwasong-14", False),
    ],
)
def test_weapons_compare_through_the_weapons_table(gold_name: str, predicted: str, ok: bool) -> None:
    g = launch(weapon=WeaponRef(gold_name, None))
    p = launch(weapon=WeaponRef(predicted, None))
    assert _attribute_ok("weapon", g, p) is ok


@pytest.mark.parametrize(
    ("gold_class", "predicted", "ok"),
    [
        ("ballistic missile", "short-range ballistic missile", True),  # narrower is right
        ("missile", "intercontinental ballistic missile", True),
        ("short-range ballistic missile", "ballistic missile", False),  # broader is not
        ("cruise missile", "ballistic missile", False),
    ],
)
def test_a_narrower_weapon_class_counts(gold_class: str, predicted: str, ok: bool) -> None:
    g, p = launch(weapon_class=gold_class), launch(weapon_class=predicted)
    assert _attribute_ok("weapon_class", g, p) is ok


@pytest.mark.parametrize(
    ("gold_site", "predicted", "ok"),
    [
        ("Kittaeryong area", "Kittaeryong", True),
        ("Sohae", "the Sohae launch site", True),
        ("Tongchang-ri area", "Tongchang-ri", True),
        ("coast of Odisha", "Odisha coast", True),
        ("Sohae", "Tongchang-ri", False),
        ("Wonsan", "Sunan", False),
    ],
)
def test_sites_compare_without_generic_words(gold_site: str, predicted: str, ok: bool) -> None:
    assert _attribute_ok("site", launch(site=gold_site), launch(site=predicted)) is ok


def test_unknown_gold_keys_are_ignored(tmp_path: Path) -> None:
    data = _good()
    data["url"] = "https://example.org/story"  # type: ignore[index]
    data["events"][0]["dateline_from"] = "the wire dateline"  # type: ignore[index]
    article = load_gold(_write(tmp_path, data))
    assert len(article.events) == 2
