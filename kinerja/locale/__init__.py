"""The message catalogues: ``<kode>/LC_MESSAGES/kinerja.po`` per language, their ``.mo``, and the extraction.

The msgids are keys (``status.hijau``), the ``.po`` files hold the words: ``id`` the app's own, ``en`` English, and
any other folder here with a ``kinerja.po`` is one more language. A ``.po`` is compiled to its ``.mo`` when the
``.mo`` is missing or older (written next to it if the folder is writable, else kept in memory), so a fresh clone
needs no build step.

The code's messages are extracted with Babel (``kinerja.texts.t`` / ``tn`` / ``N_`` / ``N_jamak``), the command
line way (from the project's root)::

    PYTHONPATH=. pybabel extract -F kinerja/locale/babel.cfg --no-default-keywords -k t -k t_aman -k tn:1,1 -k N_ \\
        -k N_jamak:1,1 -o kinerja/locale/messages.pot kinerja pages app.py

or ``python -m kinerja.locale`` (the same, from any folder). ``pybabel extract`` reads Python through
``ekstrak_python`` (babel.cfg), which, unlike Babel's own reader, takes both keys of ``t("a" if x else "b")``.
"""

from __future__ import annotations

import ast
import io
import os
import tempfile
import threading
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

FOLDER = Path(__file__).resolve().parent
DOMAIN = "kinerja"
AKAR = FOLDER.parent.parent
"""The project's root: where ``kinerja/``, ``pages/`` and ``app.py`` are."""
KATA_KUNCI = {"t": None, "t_aman": None, "tn": (1, 1), "N_": None, "N_jamak": (1, 1), "Pesan": None,
              "jamak": (1, 1)}
"""Babel keyword specs of the functions that take a msgid (``tn:1,1``: a plural entry whose msgid_plural is the
key too; the count is the call's second argument)."""
_KUNCI = threading.Lock()


def po(kode: str) -> Path:
    return FOLDER / kode / "LC_MESSAGES" / f"{DOMAIN}.po"


def bahasa_tersedia() -> list[str]:
    """The language codes with a catalogue here, sorted."""
    return sorted(p.name for p in FOLDER.iterdir() if po(p.name).is_file())


def _mo(kode: str) -> bytes:
    """The compiled catalogue of ``kode``: the ``.mo`` as it is when it is newer than the ``.po``, else compiled
    now and written next to the ``.po`` (atomically: another session may be reading it) where that is allowed."""
    sumber, mo = po(kode), po(kode).with_suffix(".mo")
    if mo.is_file() and mo.stat().st_mtime >= sumber.stat().st_mtime:
        return mo.read_bytes()
    with sumber.open("rb") as f:
        katalog = read_po(f, locale=kode, domain=DOMAIN)
    isi = io.BytesIO()
    write_mo(isi, katalog)
    try:
        fd, sementara = tempfile.mkstemp(dir=mo.parent, prefix=".kinerja-", suffix=".mo")
    except OSError:  # a read-only installation: the catalogue is compiled at every start instead
        return isi.getvalue()
    with os.fdopen(fd, "wb") as f:
        f.write(isi.getvalue())
    os.replace(sementara, mo)
    return isi.getvalue()


class _Hilang(Translations):
    """The last fallback: a msgid no catalogue has is an error (a ``KeyError``), never the key shown as text."""

    def __init__(self) -> None:
        super().__init__()

    def gettext(self, message: str) -> str:
        raise KeyError(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise KeyError(msgid1)


_TERJEMAHAN: dict[str, Translations] = {}


def terjemahan(kode: str) -> Translations:
    """The catalogue of language ``kode``, loaded (and compiled if need be) once per process."""
    try:
        return _TERJEMAHAN[kode]
    except KeyError:
        pass
    with _KUNCI:
        if kode not in _TERJEMAHAN:
            hasil = Translations(io.BytesIO(_mo(kode)), domain=DOMAIN)
            hasil.add_fallback(_Hilang())
            _TERJEMAHAN[kode] = hasil
    return _TERJEMAHAN[kode]


def entri(kode: str) -> Mapping[str | tuple[str, int], str]:
    """Every message of ``kode`` as gettext keeps it: ``msgid`` → text, ``(msgid, i)`` → plural form ``i``."""
    return {k: v for k, v in terjemahan(kode)._catalog.items() if k != ""}


def ekstrak_python(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
                   options: Mapping[str, Any]) -> Iterator[tuple[int, str, list[str | None], list[str]]]:
    """A Babel extraction method for Python: each call of a keyword function with its positional arguments
    (a string literal as itself, anything else as None); a conditional ``"a" if x else "b"`` argument gives one
    call per branch, where Babel's own reader would glue the two strings together."""
    pohon = ast.parse(fileobj.read())
    for simpul in ast.walk(pohon):
        if not isinstance(simpul, ast.Call):
            continue
        nama = getattr(simpul.func, "id", None) or getattr(simpul.func, "attr", None)
        if nama is None or nama not in keywords or not simpul.args:
            continue
        lain = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                for a in simpul.args[1:]]
        for pertama in _cabang(simpul.args[0]):
            yield simpul.lineno, nama, [pertama, *lain], []


def _cabang(argumen: ast.expr) -> list[str | None]:
    if isinstance(argumen, ast.IfExp):
        return _cabang(argumen.body) + _cabang(argumen.orelse)
    return [argumen.value if isinstance(argumen, ast.Constant) and isinstance(argumen.value, str) else None]


def pesan_kode() -> Iterator[tuple[str | tuple[str, ...], tuple[str, int]]]:
    """Each message the code uses (kinerja/, pages/, app.py) with where: ``msgid``, or ``(msgid, msgid)`` for a
    plural one, and (file, line)."""
    metode = [("**.py", f"{__name__}:ekstrak_python")]
    for folder in ("kinerja", "pages"):
        for berkas, baris, pesan, _, _ in extract_from_dir(AKAR / folder, metode, keywords=KATA_KUNCI):
            yield pesan, (f"{folder}/{berkas}", baris)
    for baris, pesan, _, _ in extract_from_file(f"{__name__}:ekstrak_python", AKAR / "app.py", keywords=KATA_KUNCI):
        yield pesan, ("app.py", baris)


def ekstrak() -> Catalog:
    """The messages the code uses, as ``pybabel extract`` finds them: the content of messages.pot."""
    katalog = Catalog(domain=DOMAIN, project="Dasbor Kinerja", version="1", fuzzy=False)
    for pesan, lokasi in pesan_kode():
        katalog.add(pesan, None, [lokasi])
    return katalog
