"""What the document tests share: ``score``'s answer to compare with, every string of a document, a table by its
caption, and storing extra files through the upload's own checks."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator
from pathlib import Path

from kinerja.dokumen.model import Dokumen, Tabel
from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.store import Storage
from tests.cli_uji import kinerja


def skor_json(db: Path | str, tahun: int, triwulan: int, unit: str, *, sub_unit: bool = False) -> dict:
    """What ``python -m kinerja score --format json`` prints for this unit (and its sub-units), year and quarter."""
    hasil = kinerja("score", "--tahun", tahun, "--triwulan", triwulan, "--unit", unit,
                    *(["--sub-unit"] if sub_unit else []), "--format", "json", "--db", db)
    assert hasil.returncode == 0, hasil.stderr
    return json.loads(hasil.stdout)


def semua_teks(nilai: object) -> Iterator[str]:
    """Every string in a document (headings, paragraphs, cells, captions, signature lines)."""
    if isinstance(nilai, str):
        yield nilai
    elif isinstance(nilai, (tuple, list)):
        for v in nilai:
            yield from semua_teks(v)
    elif dataclasses.is_dataclass(nilai) and not isinstance(nilai, type):
        for f in dataclasses.fields(nilai):
            yield from semua_teks(getattr(nilai, f.name))


def tabel(dok: Dokumen, awal: str) -> Tabel:
    """The document's one table whose caption starts with ``awal``."""
    cocok = [b for b in dok.tabel() if b.judul.startswith(awal)]
    assert len(cocok) == 1, [b.judul for b in dok.tabel()]
    return cocok[0]


def csv_titik_koma(baris: list[list[str]]) -> bytes:
    keluar = io.StringIO()
    csv.writer(keluar, delimiter=";", lineterminator="\n").writerows(baris)
    return keluar.getvalue().encode()


def impor(db: Path | str, berkas: list[tuple[str, bytes]]) -> None:
    """Store files as an upload would (the checks and the commit of ``python -m kinerja import``)."""
    from kinerja_core.akses import Pelaku

    storage, pelaku = Storage(db), Pelaku.sistem("uji dokumen")
    rencana = rencanakan(berkas, storage, pelaku)
    assert rencana.sah, [(k.berkas, k.baris, k.kolom, k.teks) for k in rencana.kesalahan]
    terapkan(rencana, storage, pelaku)
