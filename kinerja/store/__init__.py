"""The store: one storage interface (``Storage``), two engines behind it — DuckDB in one file, the default, and
PostgreSQL for an institution running several app servers (``KINERJA_DB=postgresql://…``) — the schema with its
versioned migrations, and every SQL statement of the product. Nothing above this package knows which engine
holds the data."""

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
    PermintaanDitolak,
    Revisi,
    RevisiDitolak,
    SesiBerakhir,
    Snapshot,
    Storage,
    TinjauanBatal,
)

__all__ = [
    "BATAS_RINCIAN_BATAL", "KOLOM", "KUNCI", "TABEL", "TIDAK_DIKENAL", "AksesDitolak", "DatabaseBusy", "ImporDitolak",
    "KodeTersimpan", "MasalahBasisData", "PermintaanDitolak", "Revisi", "RevisiDitolak", "SesiBerakhir", "Snapshot", "Storage",
    "TinjauanBatal",
]
