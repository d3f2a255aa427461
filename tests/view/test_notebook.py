"""notebooks/explore.ipynb: committed without outputs, runs headless from top to bottom (nbclient)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
KERNEL = "kg-tests-python"


def test_committed_without_outputs() -> None:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
            source = "".join(cell["source"])
            lines = source.splitlines()
            imports = [line.split()[1] for line in lines if line.startswith(("import ", "from "))]
            assert {name.split(".")[0] for name in imports} <= {"kg", "os", "sys", "pathlib"}, imports


@pytest.fixture
def kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A kernel spec for this very interpreter, so the notebook sees the kg under test (a fresh
    machine has ipykernel from pip but may have no, or another, `python3` spec)."""
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    spec_json = {"argv": argv, "display_name": KERNEL, "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(spec_json), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")  # jupyter_core's future path layout, without its warning
    monkeypatch.delenv("KG_STORE", raising=False)
    return KERNEL


@pytest.mark.model
def test_runs_headless(kernel: str) -> None:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook, kernel_name=kernel, timeout=300, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()
    texts = []
    html = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", output
            texts.append(output.get("text", ""))
            html.append(output.get("data", {}).get("text/html", ""))
    text = "".join(texts)
    assert "built 2 article(s)" in text
    assert "Launches:" in text and "Exercises:" in text and "Actor relations:" in text
    assert "weighted_degree" in text and "PRK" in text
    frames = [h for h in html if h.startswith("<iframe srcdoc=")]
    assert len(frames) == 1 and "vis.Network" in frames[0].replace("&quot;", '"')
