"""The page of `kg view` in a real browser: Debian's chromium, driven by pip's playwright.

Every request that is not `file:` or `data:` is aborted and counted: the page must make none.
The tests read vis-network's own data (`network.body.data.nodes`) and click the canvas where a
node is drawn. Never `playwright install`: the browser is /usr/bin/chromium (`apt-get install
chromium`); without it these tests skip.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from view_fixtures import HOSTILE_ARTICLE, KGR, PAYLOAD_IMG, PAYLOAD_SCRIPT, hand_rows

from kg.cli import main
from kg.network import actors_graph, events_graph

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]  # fmt: skip
ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
LOCAL = ("file:", "data:")
PANEL_SHOWN = "!document.getElementById('kg-panel').hidden"
NODES_REPORTED = re.compile(r"wrote .+: (\d+) nodes, (\d+) edges")

pytestmark = pytest.mark.browser


@dataclass
class Opened:
    page: Any  # playwright.sync_api.Page
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def node(self, predicate: str) -> str:
        """The id of the one vis node whose data satisfies the JS expression over `n`."""
        ids = self.js(f"network.body.data.nodes.get({{filter: function (n) {{ return {predicate}; }}}})"
                      ".map(function (n) { return n.id; })")  # fmt: skip
        assert len(ids) == 1, f"{predicate}: {ids}"
        return str(ids[0])

    def hidden(self, node_id: str) -> bool:
        return bool(self.js("(id) => !!network.body.data.nodes.get(id).hidden", node_id))

    def click_node(self, node_id: str) -> None:
        """Click where the node is drawn, once the view has stopped moving (focus and fit are
        animated); fit the whole network first if the node is off the canvas."""
        self.settle(node_id)
        inside = """(id) => {
            const d = network.canvasToDOM(network.getPositions([id])[id]);
            const r = document.getElementById('mynetwork').getBoundingClientRect();
            return d.x > 10 && d.y > 10 && d.x < r.width - 10 && d.y < r.height - 10;
          }"""
        if not self.js(inside, node_id):
            self.js("network.fit()")
            self.settle(node_id)
        self.page.mouse.click(*self.node_xy(node_id))

    def settle(self, node_id: str) -> None:
        where = self.node_xy(node_id)
        still = 0
        for _ in range(100):
            self.page.wait_for_timeout(100)
            where, before = self.node_xy(node_id), where
            still = still + 1 if where == before else 0
            if still == 3:
                return

    def node_xy(self, node_id: str) -> tuple[float, float]:
        x, y = self.js(
            """(id) => {
                 const p = network.getPositions([id])[id];
                 const d = network.canvasToDOM(p);
                 const r = document.getElementById('mynetwork').getBoundingClientRect();
                 return [d.x + r.left, d.y + r.top];
               }""",
            node_id,
        )
        return float(x), float(y)

    def wait(self, expression: str, what: str, seconds: float = 30) -> None:
        """Poll until the JS expression is true (page.wait_for_function would evaluate a string,
        which the page's Content-Security-Policy, without 'unsafe-eval', forbids)."""
        for _ in range(int(seconds * 10)):
            if self.js(expression):
                return
            self.page.wait_for_timeout(100)
        raise AssertionError(f"timed out waiting for {what}; page errors: {self.errors}")

    def panel(self) -> str:
        return str(self.js("document.getElementById('kg-panel').hidden ? '' : "
                           "document.getElementById('kg-panel-body').innerText"))  # fmt: skip


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_view(browser: Any) -> Iterator[Callable[[Path], Opened]]:
    contexts = []

    def opener(path: Path) -> Opened:
        context = browser.new_context(viewport={"width": 1400, "height": 850})
        contexts.append(context)
        opened = Opened(context.new_page())

        def route(route: Any) -> None:
            url = route.request.url
            if url.startswith(LOCAL):
                route.continue_()
            else:
                opened.outside.append(url)
                route.abort()

        context.route("**/*", route)
        opened.page.on("request", lambda r: None if r.url.startswith(LOCAL) else opened.outside.append(r.url))
        opened.page.on("pageerror", lambda e: opened.errors.append(str(e)))
        opened.page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        opened.page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        opened.page.goto(path.as_uri())
        opened.wait("window.kgReady === true", "the layout to stabilize")
        return opened

    yield opener
    for context in contexts:
        context.close()


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, Path]:
    """`kg build seeds/ && kg view -o seeds.html`: the page, the node count the CLI reported, the store."""
    folder = tmp_path_factory.mktemp("seeds")
    store = folder / "kg-store"
    cli("build", str(SEEDS), "--store", str(store), "-q")
    reported = NODES_REPORTED.search(cli("view", "-o", str(folder / "seeds.html"), "--store", str(store)))
    assert reported
    return folder / "seeds.html", int(reported.group(1)), store


# --- the seeds ----------------------------------------------------------------------------


@pytest.mark.model
def test_seed_page_is_offline_and_shows_what_the_cli_reported(
    seeds_page: tuple[Path, int, Path], open_view: Callable[[Path], Opened]
) -> None:
    path, reported, _ = seeds_page
    view = open_view(path)
    assert view.js("network.body.data.nodes.length") == reported
    assert view.outside == []
    assert view.errors == []
    labels = set(view.js("network.body.data.nodes.get().map(function (n) { return n.label; })"))
    assert {"PRK launch 2017-03-22", "PRK launch 2024-06-26", "PRK", "KOR", "USA", "JPN", "RUS"} <= labels
    assert view.js("network.physics.options.enabled") is False  # physics stopped once stable
    assert view.js("window.kgShown") is None  # no filter applied yet: everything shown
    assert not any(view.hidden(n) for n in view.js("network.body.data.nodes.getIds()"))


@pytest.mark.model
def test_clicking_an_event_shows_its_sentences(
    seeds_page: tuple[Path, int, Path], open_view: Callable[[Path], Opened]
) -> None:
    view = open_view(seeds_page[0])
    launch = view.node("n.label === 'PRK launch 2024-06-26'")
    view.click_node(launch)
    view.wait(PANEL_SHOWN, "the details panel")
    text = view.panel()
    assert "North Korea fired a suspected ballistic missile" in text
    assert "seed-2024-06-26-pyongyang, 2024-06-26" in text
    assert view.js("network.getSelectedNodes()") == [launch]


@pytest.mark.model
def test_date_filter_hides_what_it_should(
    seeds_page: tuple[Path, int, Path], open_view: Callable[[Path], Opened]
) -> None:
    view = open_view(seeds_page[0])
    old = view.node("n.label === 'PRK launch 2017-03-22'")
    new = view.node("n.label === 'PRK launch 2024-06-26'")
    wonsan = view.node("n.label === 'Wonsan'")  # the site of the 2017 launch only
    undated = view.node("n.kind === 'Exercise' && n.label === 'JPN–KOR–USA exercise'")
    view.page.fill("#kg-from", "2024-01-01")
    view.page.dispatch_event("#kg-from", "change")
    assert view.hidden(old) and view.hidden(wonsan)
    assert not view.hidden(new) and not view.hidden(undated)
    view.page.uncheck('input[name="kg-undated"]')
    assert view.hidden(undated) and not view.hidden(new)
    view.page.fill("#kg-to", "2024-06-25")
    view.page.dispatch_event("#kg-to", "change")
    assert view.hidden(new)
    view.page.click("#kg-reset")
    assert not view.hidden(old) and not view.hidden(new) and not view.hidden(undated)


@pytest.mark.model
def test_state_filter_and_search(
    seeds_page: tuple[Path, int, Path], open_view: Callable[[Path], Opened]
) -> None:
    view = open_view(seeds_page[0])
    launch = view.node("n.label === 'PRK launch 2024-06-26'")
    exercise = view.node("n.kind === 'Exercise' && n.label === 'JPN–USA exercise'")
    view.page.select_option("#kg-state", "JPN")
    assert view.hidden(launch) and not view.hidden(exercise)
    view.page.select_option("#kg-state", "")
    view.page.fill("#kg-search", "Wonsan")
    view.page.press("#kg-search", "Enter")
    wonsan = view.node("n.label === 'Wonsan'")
    assert view.js("network.getSelectedNodes()") == [wonsan]
    assert view.js("network.getScale()") == pytest.approx(1.3)  # focused
    assert "PRK launch 2017-03-22" in view.panel()
    view.page.click("#kg-fit")
    view.page.wait_for_timeout(300)
    assert view.js("network.getScale()") < 1.3  # and the view is free again


@pytest.mark.model
def test_cli_state_option_preselects_the_page_filter(
    seeds_page: tuple[Path, int, Path], open_view: Callable[[Path], Opened], tmp_path: Path
) -> None:
    _, _, store = seeds_page
    out = str(tmp_path / "prk.html")
    stderr = cli("view", "--mode", "actors", "--state", "PRK", "-o", out, "--store", str(store))
    reported = NODES_REPORTED.search(stderr)
    assert reported
    view = open_view(tmp_path / "prk.html")
    assert view.js("network.body.data.nodes.length") == int(reported.group(1))
    assert view.js("document.getElementById('kg-state').value") == "PRK"
    assert view.outside == [] and view.errors == []


# --- hostile text -------------------------------------------------------------------------


@pytest.mark.model
def test_a_hostile_article_runs_no_script(tmp_path: Path, open_view: Callable[[Path], Opened]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    store = str(tmp_path / "kg-store")
    cli("build", str(tmp_path / "in"), "--store", store, "-q")
    cli("view", "-o", str(tmp_path / "evil.html"), "--store", store)
    view = open_view(tmp_path / "evil.html")
    launch = view.node("n.kind === 'Launch'")
    view.click_node(launch)
    view.wait(PANEL_SHOWN, "the details panel")
    assert PAYLOAD_SCRIPT in view.panel() and PAYLOAD_IMG in view.panel()  # shown as text
    assert view.js("typeof window.__pwned") == "undefined"
    assert view.js("document.querySelectorAll('#kg-panel script, #kg-panel img').length") == 0
    assert view.dialogs == [] and view.outside == [] and view.errors == []


def test_hostile_names_and_sentences_stay_text_everywhere(
    tmp_path: Path, open_view: Callable[[Path], Opened]
) -> None:
    from kg.view import render

    rows = hand_rows(hostile=True)
    for mode, graph in (("events", events_graph(rows)), ("actors", actors_graph(rows))):
        path = tmp_path / f"{mode}.html"
        render(graph, rows, title=f"evil {PAYLOAD_SCRIPT}", note=f"note {PAYLOAD_IMG}").write(path)
        view = open_view(path)
        assert view.js("document.title") == f"evil {PAYLOAD_SCRIPT}"
        assert PAYLOAD_IMG in view.js("document.getElementById('kg-note').textContent")
        if mode == "events":
            exercise = KGR + "exercise-a"
            view.page.mouse.move(*view.node_xy(exercise))  # hover: vis-network's tooltip
            tooltip = "document.querySelector('div.vis-tooltip')"
            view.wait(f"!!{tooltip} && {tooltip}.style.visibility !== 'hidden'", "the tooltip")
            assert PAYLOAD_IMG in view.js(f"{tooltip}.innerText")
            view.click_node(exercise)
            view.wait(PANEL_SHOWN, "the details panel")
            assert PAYLOAD_IMG in view.panel()
            view.page.fill("#kg-search", "Foal Eagle")
            view.page.press("#kg-search", "Enter")
            view.click_node(KGR + "launch-b")
            assert PAYLOAD_SCRIPT in view.panel()
        else:
            evidence = view.js("network.body.data.edges.get().filter(function (e) { return e.relation === "
                               "'exercise'; })[0].id")  # fmt: skip
            view.js("(id) => network.body.emitter.emit('click', {nodes: [], edges: [id]})", evidence)
            assert "South Korea (KOR) – United States (USA)" in view.panel()
        assert view.js("typeof window.__pwned") == "undefined"
        assert view.js("document.querySelectorAll('img').length") == 0
        assert view.dialogs == [] and view.outside == [] and view.errors == []
