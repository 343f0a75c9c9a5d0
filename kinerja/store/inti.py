"""The core every part of ``Storage`` stands on: which engine holds the data, where, and one connection or one
transaction at a time (``Inti``). The parts (``baca``, ``revisi``, ``orang``, ``jejak``, ``salin``) add their
calls to it; ``gudang`` puts them together."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja.store.bantu import Koneksi
from kinerja.store.skema import DUCKDB, POSTGRESQL, TIPE_DASAR, Dialek

if TYPE_CHECKING:  # each engine's driver is loaded with it: a store on PostgreSQL never loads DuckDB, nor the reverse
    from kinerja.store.mesin_duckdb import MesinDuckdb
    from kinerja.store.mesin_postgres import MesinPostgres

_MUNGKIN_POSTGRES = re.compile(r"\s*(?:postgres(?:ql)?://|[A-Za-z_]+\s*=)", re.IGNORECASE)
"""What every PostgreSQL address begins with (``mesin_postgres.alamat_postgres`` decides): a file's path that does
not begin so is DuckDB's without loading psycopg, which a command on a DuckDB file never needs."""


def _postgres(alamat: Path | str) -> bool:
    """``alamat_postgres``, asked only of an address that may be PostgreSQL's."""
    if not isinstance(alamat, str) or not _MUNGKIN_POSTGRES.match(alamat):
        return False
    from kinerja.store.mesin_postgres import alamat_postgres

    return alamat_postgres(alamat)


TUNGGU_DETIK = 5.0
"""How long an operation waits for the database by default (another process's lock, the writer's turn)."""


class Inti:
    """One store's engine (``mesin_duckdb`` or ``mesin_postgres``) and its dialect; every SQL statement of the parts
    runs inside ``_buka`` or ``_transaksi``."""

    def __init__(self, alamat: Path | str, *, tunggu_detik: float,
                 siapkan_skema: Callable[[Koneksi, Dialek], None]) -> None:
        """``alamat``: a DuckDB file's path, or a ``postgresql://`` URL. ``tunggu_detik``: how long an operation
        waits for the database (another process's lock, the writer's turn) before it says ``DatabaseBusy``.
        ``siapkan_skema``: brings a connection's tables up to date (the migrations), for the engine."""
        self._mesin: MesinDuckdb | MesinPostgres
        self._dialek = POSTGRESQL if _postgres(alamat) else DUCKDB
        siapkan = lambda con: siapkan_skema(con, self._dialek)  # noqa: E731 - the migrations, for the engine
        if self._dialek is POSTGRESQL:
            from kinerja.store.mesin_postgres import MesinPostgres

            self._mesin = MesinPostgres(str(alamat), tunggu_detik, siapkan, TIPE_DASAR)
        else:
            from kinerja.store.mesin_duckdb import MesinDuckdb

            self._mesin = MesinDuckdb(alamat, tunggu_detik, siapkan)
        self.tunggu_detik = tunggu_detik

    @property
    def path(self) -> Path | None:
        """The DuckDB file; None on PostgreSQL."""
        return self._mesin.path

    @property
    def alamat(self) -> str:
        """Where the data lives, as given: the file's path or the server's URL (a cache key, the ``--db`` value)."""
        return self._mesin.alamat

    @property
    def nama(self) -> str:
        """Where the data lives, as shown to people: the file's name, or the URL without its password."""
        return self._mesin.nama

    @property
    def tampil(self) -> str:
        """Where the data lives, for a message: the file's full path, or the URL without its password."""
        return str(self._mesin.path) if self._mesin.path is not None else self._mesin.nama

    @property
    def mesin(self) -> str:
        """``duckdb`` or ``postgresql``."""
        return self._mesin.mesin

    def ada(self) -> bool:
        """Whether the database exists (a DuckDB file: only a write creates it; PostgreSQL: the store's tables)."""
        return self._mesin.ada()

    def _buka(self, *, tulis: bool = False) -> AbstractContextManager[Koneksi]:
        """A connection for one operation (on DuckDB outside an explicit transaction; on PostgreSQL in one)."""
        return self._mesin.buka(tulis=tulis)

    def _transaksi(self, *, tulis: bool = False, kembalikan: bool = False) -> AbstractContextManager[Koneksi]:
        """One transaction: everything inside lands, or nothing does (``kembalikan``: a dry run, nothing kept)."""
        return self._mesin.transaksi(tulis=tulis, kembalikan=kembalikan)

    def tanda_versi(self) -> tuple[int, ...]:
        """A cheap fingerprint of the stored data: changes whenever a write lands, whichever process wrote.

        DuckDB: size and modification time of the file and its write-ahead log (checking does not open the
        database). PostgreSQL: the newest revision and audit line, so every app server sees every other's writes.
        """
        return self._mesin.tanda_versi()
