"""Three wire reports that tell the same exercise, launch and treaty, for the tests of
`kgo:sameEventAs` through the model (tests/cli/test_same_events.py, the partial builds of
tests/scale/test_incremental_build.py). Importable from any test as `same_event_reports`."""

from __future__ import annotations

# {article id: text}. Two wire reports of the same Ulchi Freedom Guardian (one by an alias),
# launch and treaty; a third article on the exercise of the year before, another occasion.
ARTICLES = {
    "wire-a": (
        " date 2017-08-22 AP\n\n"
        "South Korea and the United States began their annual Ulchi Freedom Guardian exercise on Monday.\n\n"
        "North Korea fired a ballistic missile from Wonsan on Tuesday, South Korea's military said.\n\n"
        "China and North Korea signed a mutual defence treaty in July 1961.\n"
    ),
    "wire-b": (
        " date 2017-08-24 Reuters\n\n"
        "The Ulchi-Freedom Guardian drills by the U.S. and South Korean forces started on Monday and "
        "will run until next week.\n\n"
        "North Korea launched a ballistic missile from Wonsan on Tuesday, Japan said.\n\n"
        "North Korea and China signed a defence pact in 1961.\n"
    ),
    "wire-c": (
        " date 2016-08-23 AP\n\n"
        "South Korea and the United States began the Ulchi Freedom Guardian exercise on Monday.\n"
    ),
}
