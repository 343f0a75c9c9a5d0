"""The one way a document is made, for the command line and the pages alike: check the request, check the person may
read the unit, build the document (``kinerja.dokumen.<jenis>.susun``) and render it (``kinerja.dokumen.<format>``).

Builders and renderers are imported here, when a document is asked for, never before: a kind whose module is not
installed is refused in words (``JenisTidakTersedia``), and the command line's start-up stays small.

>>> from kinerja.store import Storage
>>> from kinerja_core.akses import Pelaku
>>> buat(Storage("data/kinerja.duckdb"), Permintaan("pk", 2019, "KPPBCBOGOR"), "docx",
...      pelaku=Pelaku.sistem("operator")).nama  # doctest: +SKIP
'pk_KPPBCBOGOR_2019.docx'
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from kinerja.dokumen import (
    FORMAT,
    JENIS,
    MIME,
    PERLU_TRIWULAN,
    DokumenDitolak,
    JenisTidakTersedia,
    Permintaan,
)
from kinerja.pesan import Pesan
from kinerja.store import AksesDitolak
from kinerja.texts import dalam_bahasa
from kinerja_core.akses import SEMUA, Pelaku, akar_terlihat, leluhur

if TYPE_CHECKING:
    from kinerja.store import Storage


@dataclass(frozen=True)
class Berkas:
    """A made document: its file name (``triwulan_KPPBCBOGOR_2019_tw3.pdf``), media type and bytes."""

    nama: str
    mime: str
    data: bytes = dataclasses.field(repr=False)


def buat(storage: Storage, p: Permintaan, format: str, *, pelaku: Pelaku, baca_terbuka: bool = False,
         kemajuan: Callable[[str], None] | None = None) -> Berkas:
    """The document ``p`` asks for, as ``format`` (pdf, docx, xlsx), for ``pelaku``. ``kemajuan`` hears each step as
    it starts: ``"susun"`` (reading the store and building the document), then ``"render"`` (making the file).

    Refused, with nothing made:
    - ``DokumenDitolak``: a kind or format not in ``JENIS`` / ``FORMAT``; a quarterly kind (``PERLU_TRIWULAN``)
      without a quarter 1–4; a unit the store does not have (codes compare without regard to case, and the
      document uses the code as first registered); and what the builder refuses (``TidakAdaRapat``: the minutes
      of a quarter with no meeting stored);
    - ``JenisTidakTersedia`` (a ``DokumenDitolak``): the kind's module is not installed;
    - ``kinerja.store.AksesDitolak``: ``pelaku`` may not read the unit. The command line's operator may read every
      unit, as may anyone in the open demo before the installation is locked, and anyone at all when the
      installation lets everyone read (``baca_terbuka``, ``KINERJA_BACA_TERBUKA``); a signed-in person needs a
      grant (any role) on the unit or a unit above it, as the store holds it now.
    """
    if p.jenis not in JENIS:
        raise DokumenDitolak(Pesan("dok.buat.pilihan", {"nilai": p.jenis, "pilihan": ", ".join(JENIS)}))
    if format not in FORMAT:
        raise DokumenDitolak(Pesan("dok.buat.pilihan", {"nilai": format, "pilihan": ", ".join(FORMAT)}))
    if p.jenis in PERLU_TRIWULAN and p.triwulan not in (1, 2, 3, 4):
        raise DokumenDitolak(Pesan("dok.buat.perlu_triwulan", {"jenis": _nama(p.jenis)}))
    p = dataclasses.replace(p, kode_unit=periksa_baca(storage, p.kode_unit, pelaku, baca_terbuka=baca_terbuka))
    penyusun = modul_jenis(p.jenis)
    penggambar = importlib.import_module(f"kinerja.dokumen.{format}")
    with dalam_bahasa(p.bahasa):
        if kemajuan:
            kemajuan("susun")
        dok = penyusun.susun(storage, p)
        if kemajuan:
            kemajuan("render")
        data = penggambar.render(dok)
    return Berkas(f"{dok.nama_berkas}.{format}", MIME[format], data)


def periksa_baca(storage: Storage, kode_unit: str, pelaku: Pelaku, *, baca_terbuka: bool = False) -> str:
    """The unit's code as stored, once ``pelaku`` may read it (one consistent read of the grants and the unit tree);
    ``DokumenDitolak`` for an unknown unit, ``AksesDitolak`` for one the person may not read."""
    with storage.membaca() as baca:
        hibah = baca.hak(pelaku)
        unit = baca.kode().unit
    induk = {str(k): (v if isinstance(v, str) else None) for k, v in zip(unit["kode_unit"], unit["kode_induk"])}
    kode = next((k for k in induk if k.casefold() == kode_unit.strip().casefold()), None)
    if kode is None:
        raise DokumenDitolak(Pesan("galat.unit_tidak_dikenal", {"nilai": kode_unit}))
    if hibah is None or baca_terbuka:
        return kode
    akar = akar_terlihat(hibah)
    if SEMUA not in akar and not set(leluhur(induk, kode)) & akar:
        raise AksesDitolak(Pesan("dok.buat.ditolak", {"identitas": pelaku.identitas, "unit": kode}))
    return kode


def modul_jenis(jenis: str) -> ModuleType:
    """The builder module of ``jenis`` (``kinerja.dokumen.triwulan`` …); ``JenisTidakTersedia`` when it is not
    installed (a missing module of its own name only: an import error inside it is a fault, raised as it is)."""
    nama = f"kinerja.dokumen.{jenis}"
    try:
        return importlib.import_module(nama)
    except ModuleNotFoundError as e:
        if e.name != nama:
            raise
        raise JenisTidakTersedia(Pesan("dok.buat.tidak_tersedia", {"jenis": _nama(jenis)})) from e


def _nama(jenis: str) -> Pesan | str:
    """A kind's name as a message, said in the language of whoever reads the refusal (``nama_jenis``'s words); a
    kind not in ``JENIS`` as it was asked for."""
    return Pesan(f"dok.jenis.{jenis}") if jenis in JENIS else jenis


def tersedia(jenis: str) -> bool:
    """Whether the builder of ``jenis`` is installed (its module can be found), without importing it."""
    return importlib.util.find_spec(f"kinerja.dokumen.{jenis}") is not None
