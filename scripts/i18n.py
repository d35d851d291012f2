"""Message catalogs: extract, update, check and compile.

    python scripts/i18n.py update          extract messages from the code into messages.pot
                                            and merge them into every language's catalog
    python scripts/i18n.py check           fail when a message of the code is missing from a
                                            catalog, untranslated, fuzzy, or has placeholders
                                            that differ from the English original
    python scripts/i18n.py compile         write the .mo files the bot loads
    python scripts/i18n.py translate LANG F.json
                                            merge translations into LANG's catalog from a JSON
                                            object {"English message": "переклад" | ["форма 1",
                                            "2", "3"]} (a plural message: one string per form)

English is the source language: its catalog is filled from the messages themselves. The
languages are `bot.i18n.SPOKEN`, the list the bot itself reads.
"""

from __future__ import annotations

import fcntl
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.i18n import LANGUAGES  # noqa: E402

LOCALES = ROOT / "locales"
TEMPLATE = LOCALES / "messages.pot"
SOURCE_DIRS = ("bot", "handlers", "storage")
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_][a-z0-9_]*)\}(?!\})")
# Characters a language's catalog must not use, with the one to use instead.
TYPOGRAPHY = {"uk": {"'": "’", "ʼ": "’"}}


@contextmanager
def locked() -> Iterator[None]:
    """Several people may update catalogs at once; writes are serialised."""
    LOCALES.mkdir(exist_ok=True)
    with (LOCALES / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "messages.po"


def extract() -> Catalog:
    template = Catalog(project="twinbot", msgid_bugs_address="", fuzzy=False)
    for folder in SOURCE_DIRS:
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / folder,
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
            comment_tags=("Translators:",),
            strip_comment_tags=True,
        ):
            template.add(
                message,
                None,
                [(f"{folder}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    return template


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(
            handle, catalog, width=100, ignore_obsolete=True, sort_output=True, include_lineno=False
        )


def update() -> None:
    with locked():
        template = extract()
        write(TEMPLATE, template)
        for lang in LANGUAGES:
            path = po_path(lang)
            catalog = read(path, lang) if path.exists() else Catalog(locale=lang, fuzzy=False)
            catalog.update(template, no_fuzzy_matching=True)
            if lang == "en":
                for message in catalog:
                    if message.id and not _complete(message):
                        message.string = message.id
            write(path, catalog)


def _complete(message: object) -> bool:
    string = message.string  # type: ignore[attr-defined]
    if isinstance(string, (tuple, list)):
        return all(string)
    return bool(string)


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def check() -> int:
    problems: list[str] = []
    wanted = {m.id if isinstance(m.id, str) else m.id[0]: m for m in extract() if m.id}
    for lang in LANGUAGES:
        path = po_path(lang)
        if not path.exists():
            problems.append(f"{lang}: catalog missing ({path.relative_to(ROOT)})")
            continue
        catalog = read(path, lang)
        present = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
        for key, source in wanted.items():
            message = present.get(key)
            where = ", ".join(f"{f}:{n}" for f, n in source.locations[:1])
            if message is None:
                problems.append(f"{lang}: missing {key!r} ({where})")
                continue
            if message.fuzzy or not _complete(message):
                problems.append(f"{lang}: untranslated {key!r} ({where})")
                continue
            ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
            strings = (
                message.string if isinstance(message.string, (tuple, list)) else (message.string,)
            )
            if isinstance(message.id, (tuple, list)) and len(strings) != catalog.num_plurals:
                problems.append(f"{lang}: {key!r} needs {catalog.num_plurals} plural forms")
            expected = set().union(*(_placeholders(i) for i in ids))
            for wrong, right in TYPOGRAPHY.get(lang, {}).items():
                if any(wrong in string for string in strings):
                    problems.append(f"{lang}: {key!r} writes {wrong!r} where {right!r} belongs")
            for string in strings:
                if _placeholders(string) - expected - {"n"}:
                    problems.append(f"{lang}: {key!r} has unknown placeholders in {string!r}")
                missing = expected - _placeholders(string) - {"n"}
                if missing:
                    problems.append(f"{lang}: {key!r} drops {sorted(missing)} in {string!r}")
    for problem in problems:
        print(problem)
    print(f"catalog check: {len(wanted)} messages, {len(problems)} problems")
    return 1 if problems else 0


def compile_catalogs() -> None:
    for lang in LANGUAGES:
        catalog = read(po_path(lang), lang)
        with po_path(lang).with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)


def translate(lang: str, source: Path) -> None:
    entries: dict[str, str | list[str]] = json.loads(source.read_text(encoding="utf-8"))
    with locked():
        catalog = read(po_path(lang), lang)
        unknown = []
        for key, value in entries.items():
            message = catalog.get(key)
            if message is None:
                unknown.append(key)
                continue
            message.string = tuple(value) if isinstance(value, list) else value
            message.flags.discard("fuzzy")
        write(po_path(lang), catalog)
    for key in unknown:
        print(f"not in the catalog (run update first?): {key!r}")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "update":
        update()
    elif argv[0] == "check":
        return check()
    elif argv[0] == "compile":
        compile_catalogs()
    elif argv[0] == "translate" and len(argv) == 3 and argv[1] in LANGUAGES:
        translate(argv[1], Path(argv[2]))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
