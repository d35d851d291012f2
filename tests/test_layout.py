"""The shape of the code a newcomer relies on: domain rules know nothing of Telegram."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_nothing_under_bot_domain_imports_telegram_or_handlers() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "bot" / "domain").rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in ("telegram", "handlers")
    ]
    assert offenders == []


def test_every_feature_package_has_one_register() -> None:
    features = [p for p in (ROOT / "handlers").iterdir() if (p / "__init__.py").exists()]
    registering = {
        p.name
        for p in features
        if "def register(" in (p / "__init__.py").read_text(encoding="utf-8")
    }
    assert registering == {p.name for p in features} - {"shared"}
