"""The storage interface, ``Storage``: every SQL statement of the product, written once for both engines.

``Storage("data/kinerja.duckdb")`` keeps the data in one DuckDB file (``mesin_duckdb``: the default, one process
at a time); ``Storage("postgresql://…")`` in a PostgreSQL database shared by several app servers
(``mesin_postgres``). The engine opens a transaction and hands over a connection; what happens inside is the
same SQL on both, so the pages, the command line, the importer and the scoring never know which one is behind.

Every write is a revision: the rows an upload said are logged beside the
data, so an undo can rebuild exactly what the surviving revisions make.

Methods take and return pandas DataFrames with the columns of ``KOLOM``;
nothing here knows about scoring or Streamlit.

``Storage`` is put together here from its parts, one module per concern: ``inti`` (the engine, a connection, a
transaction), ``baca`` (reads; computed realisasi in ``turunan``), ``revisi`` (upload and undo; an upload against
the store in ``beda``, the checks inside the committing transaction in ``periksa``), ``orang`` (people, grants,
sessions, the sign-in rate limit; the grants checked in ``hak``), ``tahap`` (the reporting cycle), ``bukti`` (its data dukung) and ``pengingat`` (its reminders), ``kop``
(the documents' letterhead), ``jejak`` (the audit trail), ``salin`` (the
copy to another database) and ``skor`` (what ``python -m kinerja score`` reads, as plain columns); ``bantu`` holds what they share, ``migrasi`` brings a database's tables up to date
(``skema.MIGRASI``) when it is first opened.
"""

from __future__ import annotations

from pathlib import Path

from kinerja.store.baca import BagianBaca, KodeTersimpan, Snapshot
from kinerja.store.bantu import Koneksi, _ke_pandas, _sebagai_arrow, _sekarang  # noqa: F401 - importable from here
from kinerja.store.beda import _sql_beda  # noqa: F401 - importable from here, as before the parts
from kinerja.store.bukti import BagianBukti, Bukti
from kinerja.store.galat import (
    AksesDitolak,
    ImporDitolak,
    KopDitolak,
    MasalahBasisData,
    PermintaanDitolak,
    RevisiDitolak,
    SesiBerakhir,
    SiklusDitolak,
)
from kinerja.store.inti import TUNGGU_DETIK
from kinerja.store.jejak import BagianJejak
from kinerja.store.kop import BagianKop, KopDokumen
from kinerja.store.migrasi import siapkan_skema
from kinerja.store.orang import TIDAK_DIKENAL, BagianOrang
from kinerja.store.pengingat import BagianPengingat, DataPengingat
from kinerja.store.revisi import BATAS_RINCIAN_BATAL, BagianRevisi, Revisi, TinjauanBatal
from kinerja.store.salin import BagianSalin
from kinerja.store.skema import KOLOM, KUNCI, TABEL
from kinerja.store.skor import BagianSkor
from kinerja.store.tahap import PengaturanSiklus

__all__ = [
    "BATAS_RINCIAN_BATAL",
    "KOLOM",
    "KUNCI",
    "TABEL",
    "TIDAK_DIKENAL",
    "AksesDitolak",
    "Bukti",
    "DataPengingat",
    "ImporDitolak",
    "KodeTersimpan",
    "Koneksi",
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
]


class Storage(BagianBaca, BagianRevisi, BagianOrang, BagianBukti, BagianPengingat, BagianKop, BagianJejak,
              BagianSalin, BagianSkor):
    """The unit tree, the IKU catalogue with targets, realisasi, komponen, meetings, their revisions, people and the
    audit trail: in a DuckDB file or a PostgreSQL database, the same calls either way. Its calls come from its
    parts, each on the same engine:

    >>> [bagian.__name__ for bagian in Storage.__bases__]  # doctest: +NORMALIZE_WHITESPACE
    ['BagianBaca', 'BagianRevisi', 'BagianOrang', 'BagianBukti', 'BagianPengingat', 'BagianKop', 'BagianJejak',
     'BagianSalin', 'BagianSkor']
    """

    def __init__(self, alamat: Path | str, *, tunggu_detik: float = TUNGGU_DETIK) -> None:
        """``alamat``: a DuckDB file's path, or a ``postgresql://`` URL. ``tunggu_detik``: how long an operation
        waits for the database (another process's lock, the writer's turn) before it says ``DatabaseBusy``."""
        super().__init__(alamat, tunggu_detik=tunggu_detik, siapkan_skema=siapkan_skema)

