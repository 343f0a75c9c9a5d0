"""The store: one storage interface (``Storage``), two engines behind it — DuckDB in one file, the default, and
PostgreSQL for an institution running several app servers (``KINERJA_DB=postgresql://…``) — the schema with its
versioned migrations, and every SQL statement of the product. Nothing above this package knows which engine
holds the data.

Each name is loaded from its module when first asked for (PEP 562), so a part that needs no pandas (the errors,
``bacaan_skor`` of ``python -m kinerja score``) does not load every part of ``Storage`` with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kinerja.store.bukti import KOLOM_BUKTI
    from kinerja.store.galat import (
        AksesDitolak,
        DatabaseBusy,
        ImporDitolak,
        KopDitolak,
        MasalahBasisData,
        PermintaanDitolak,
        RevisiDitolak,
        SesiBerakhir,
        SiklusDitolak,
    )
    from kinerja.store.gudang import (
        BATAS_RINCIAN_BATAL,
        TIDAK_DIKENAL,
        KodeTersimpan,
        KopDokumen,
        PengaturanSiklus,
        Revisi,
        Snapshot,
        Storage,
        TinjauanBatal,
    )
    from kinerja.store.skema import KOLOM, KUNCI, TABEL
    from kinerja.store.tahap import KOLOM_TAHAP, hari_ini

_MODUL = {
    "kinerja.store.bukti": ("KOLOM_BUKTI",),
    "kinerja.store.galat": ("AksesDitolak", "DatabaseBusy", "ImporDitolak", "KopDitolak", "MasalahBasisData",
                            "PermintaanDitolak", "RevisiDitolak", "SesiBerakhir", "SiklusDitolak"),
    "kinerja.store.gudang": ("BATAS_RINCIAN_BATAL", "TIDAK_DIKENAL", "KodeTersimpan", "KopDokumen",
                             "PengaturanSiklus", "Revisi", "Snapshot", "Storage", "TinjauanBatal"),
    "kinerja.store.skema": ("KOLOM", "KUNCI", "TABEL"),
    "kinerja.store.tahap": ("KOLOM_TAHAP", "hari_ini"),
}
_ASAL = {nama: modul for modul, nama_nama in _MODUL.items() for nama in nama_nama}

__all__ = [
    "BATAS_RINCIAN_BATAL",
    "KOLOM",
    "KOLOM_BUKTI",
    "KOLOM_TAHAP",
    "KUNCI",
    "TABEL",
    "TIDAK_DIKENAL",
    "AksesDitolak",
    "DatabaseBusy",
    "ImporDitolak",
    "KodeTersimpan",
    "KopDitolak",
    "KopDokumen",
    "MasalahBasisData",
    "PengaturanSiklus",
    "PermintaanDitolak",
    "Revisi",
    "RevisiDitolak",
    "SesiBerakhir",
    "SiklusDitolak",
    "Snapshot",
    "Storage",
    "TinjauanBatal",
    "hari_ini",
]
"""Every name, each from its module in ``_MODUL``."""


def __getattr__(nama: str) -> object:
    """A name of ``__all__``, from the module that defines it (loaded now, once)."""
    if nama not in _ASAL:
        raise AttributeError(f"module {__name__!r} has no attribute {nama!r}")
    nilai = getattr(importlib.import_module(_ASAL[nama]), nama)
    globals()[nama] = nilai
    return nilai


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
