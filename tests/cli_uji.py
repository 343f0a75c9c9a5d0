"""``python -m kinerja`` for the tests: one runner instead of one per module.

By default the command runs **in this process** — ``kinerja.cli.main(argv)`` with its own stdin, stdout and stderr and
without ``KINERJA_DB`` in the environment — which is the same code as ``python -m kinerja`` (``kinerja/__main__.py`` is
``sys.exit(main())``) minus an interpreter's start-up, about 1.5 s a call. A test about the process itself (its
stdin, a signal, a lock held by another process, a resource limit) asks for one with ``proses=True``, or gets one by
passing ``subprocess.run`` options (``preexec_fn`` …).

Either way the answer is a ``subprocess.CompletedProcess`` with ``returncode``, ``stdout`` and ``stderr`` as text.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from kinerja.cli import main
from kinerja.store import mesin_postgres
from kinerja.texts import BAHASA_BAWAAN, bahasa, pakai_bahasa

AKAR = Path(__file__).resolve().parent.parent


def kinerja(*args: object, masukan: str | None = None, env: Mapping[str, str] | None = None, proses: bool = False,
            **opsi: object) -> subprocess.CompletedProcess[str]:
    """Run ``python -m kinerja ARGS`` (``masukan``: its stdin; ``env``: variables added to the environment)."""
    argv = [str(a) for a in args]
    if proses or opsi:
        lingkungan = {k: v for k, v in os.environ.items() if k != "KINERJA_DB"} | dict(env or {})
        return subprocess.run([sys.executable, "-m", "kinerja", *argv], capture_output=True, text=True, cwd=AKAR,
                              input=masukan, env=lingkungan, check=False, **{"timeout": 300, **opsi})  # type: ignore[call-overload]
    keluar, galat = _aliran(), _aliran()
    pool_lama = set(mesin_postgres._POOL)
    with _lingkungan(env), _aliran_sistem(_aliran((masukan or "").encode()), keluar, galat):
        try:
            kode = main(argv)
        except SystemExit as e:  # argparse: exit 2 with its message on stderr; --help: exit 0
            kode = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        finally:  # a process's connections end with it: a test may drop its database next
            for url in set(mesin_postgres._POOL) - pool_lama:
                mesin_postgres.tutup(url)
    return subprocess.CompletedProcess(["kinerja", *argv], kode, _teks(keluar), _teks(galat))


def _aliran(isi: bytes = b"") -> io.TextIOWrapper:
    """A text stream with a byte buffer under it, as a process's own (a command may write bytes to ``.buffer``)."""
    return io.TextIOWrapper(io.BytesIO(isi), encoding="utf-8", newline=None if isi else "")


def _teks(aliran: io.TextIOWrapper) -> str:
    aliran.flush()
    buffer = aliran.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8").replace("\r\n", "\n")


@contextmanager
def _aliran_sistem(masuk: io.TextIOWrapper, keluar: io.TextIOWrapper, galat: io.TextIOWrapper) -> Iterator[None]:
    lama = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = masuk, keluar, galat
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = lama


@contextmanager
def _lingkungan(tambahan: Mapping[str, str] | None) -> Iterator[None]:
    """The environment of a fresh process: without ``KINERJA_DB`` unless given, and the language as it was after."""
    lama = dict(os.environ)
    bahasa_lama = bahasa()
    os.environ.pop("KINERJA_DB", None)
    os.environ.update(tambahan or {})
    pakai_bahasa(BAHASA_BAWAAN)  # a new process speaks the default until told otherwise
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(lama)
        pakai_bahasa(bahasa_lama)
