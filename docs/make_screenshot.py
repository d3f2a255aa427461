"""Make docs/seeds-view.png: `kg build seeds/ && kg view -o seeds.html`, opened in headless chromium.

The same setup as tests/view/test_browser.py: Debian's chromium driven by pip's playwright,
every request that is not file: or data: aborted (the script fails if there was one). It clicks
the 2024-06-26 launch so that the picture shows its source sentence.

    python docs/make_screenshot.py [OUTPUT.png]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]  # fmt: skip
LOCAL = ("file:", "data:")


def main(output: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store, page_path = Path(tmp) / "kg-store", Path(tmp) / "seeds.html"
        kg = [sys.executable, "-m", "kg"]
        subprocess.run([*kg, "build", str(ROOT / "seeds"), "--store", str(store), "-q"], check=True)
        subprocess.run([*kg, "view", "-o", str(page_path), "--store", str(store)], check=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 860}, device_scale_factor=1)
            outside: list[str] = []
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(LOCAL) else (
                outside.append(r.request.url), r.abort()))  # fmt: skip
            page.goto(page_path.as_uri())
            for _ in range(300):  # polled: the page's CSP forbids wait_for_function's eval
                if page.evaluate("window.kgReady === true"):
                    break
                page.wait_for_timeout(100)
            launch = page.evaluate(
                "network.body.data.nodes.get({filter: n => n.label === 'PRK launch 2024-06-26'})[0].id"
            )
            x, y = page.evaluate(
                """(id) => {
                     const d = network.canvasToDOM(network.getPositions([id])[id]);
                     const r = document.getElementById('mynetwork').getBoundingClientRect();
                     return [d.x + r.left, d.y + r.top];
                   }""",
                launch,
            )
            page.mouse.click(x, y)
            page.mouse.move(5, 5)  # no tooltip in the picture
            page.wait_for_timeout(800)  # the panel opens and the network fits beside it
            page.screenshot(path=str(output))
            browser.close()
        if outside:
            raise SystemExit(f"the page made outside requests: {outside}")
    print(f"wrote {output}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "seeds-view.png")
