#!/usr/bin/env bash
# Creates .venv, installs the project with its pinned dependencies, compiles the catalogs,
# builds the place index.
# Sourced by scripts/run and scripts/test; safe to run again (it skips what is done).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
STAMP=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$STAMP" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[dev]'
    touch "$STAMP"
fi
.venv/bin/python scripts/i18n.py compile
# The place index is built once next to the database (seconds), so starting the bot does not.
.venv/bin/python -m bot.domain.places >/dev/null
