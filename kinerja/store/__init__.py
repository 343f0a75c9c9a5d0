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

_MODUL = ("kinerja.store.skema", "kinerja.store.galat", "kinerja.store.bukti", "kinerja.store.tahap",
          "kinerja.store.gudang")
"""Where the names of ``__all__`` are found, the lightest first: an error or a column list loads no pandas."""

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


def __getattr__(nama: str) -> object:
    """A name of ``__all__``, from the first module of ``_MODUL`` that has it (loaded now, once)."""
    if nama in __all__:
        for modul in _MODUL:
            if hasattr(asal := importlib.import_module(modul), nama):
                globals()[nama] = nilai = getattr(asal, nama)
                return nilai
    raise AttributeError(f"module {__name__!r} has no attribute {nama!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
