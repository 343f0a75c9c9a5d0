"""The store: one storage interface (``Storage``), two engines behind it — DuckDB in one file, the default, and
PostgreSQL for an institution running several app servers (``KINERJA_DB=postgresql://…``) — the schema with its
versioned migrations, and every SQL statement of the product. Nothing above this package knows which engine
holds the data."""

from kinerja.store.bukti import KOLOM_BUKTI
from kinerja.store.galat import DatabaseBusy, MasalahBasisData
from kinerja.store.gudang import (
    BATAS_RINCIAN_BATAL,
    KOLOM,
    KUNCI,
    TABEL,
    TIDAK_DIKENAL,
    AksesDitolak,
    ImporDitolak,
    KodeTersimpan,
    KopDitolak,
    KopDokumen,
    PengaturanSiklus,
    PermintaanDitolak,
    Revisi,
    RevisiDitolak,
    SesiBerakhir,
    SiklusDitolak,
    Snapshot,
    Storage,
    TinjauanBatal,
)
from kinerja.store.tahap import KOLOM_TAHAP, hari_ini

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
