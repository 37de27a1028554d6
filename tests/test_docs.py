"""The docs and generated files keep up with the code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import govbudget

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


def _run(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "tools" / script), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )


def test_rule_reference_is_up_to_date() -> None:
    result = _run("make_rule_docs.py")

    assert 0 == result.returncode, result.stderr


def test_bundled_example_is_up_to_date() -> None:
    result = _run("make_futian_example.py")

    assert 0 == result.returncode, result.stderr


def test_every_docs_page_is_in_the_nav() -> None:
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    pages = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}

    missing = sorted(page for page in pages if page not in nav)

    assert [] == missing


def test_every_public_name_is_documented() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md"))
    names = [n for n in govbudget.__all__ if not n.startswith("_")]

    missing = [name for name in names if not re.search(rf"\b{re.escape(name)}\b", text)]

    assert [] == missing


def test_public_names_import() -> None:
    for name in govbudget.__all__:
        assert hasattr(govbudget, name), name


def test_readme_python_example_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)

    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
