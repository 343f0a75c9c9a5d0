"""The DuckDB engine: one database file, held only while this process is working on it.

DuckDB lets one process hold a database file at a time. So that the command
line works while the app is running, no process keeps the file open longer
than a burst of operations: each operation does its work in one transaction
on a cursor of its own, and the file stays open for ``SEWA_DETIK`` after the
last one (a lease), so the next operation of the burst does not open it
again (an open costs tens of milliseconds). Then it is closed; a lease that
has lasted ``SEWA_MAKS`` is closed at once and not taken again for
``JEDA_ADIL``, so a busy process still leaves the file to others. After each
operation the write-ahead log is checkpointed into the file, as a close
would: a copy of the file is whole, and ``tanda_versi`` changes with every
write. A file that changed on disk since the lease began (deleted, replaced,
written past the store, its permissions changed) is opened afresh; a file
opened read-only never serves a write. A file held by another process is
retried for a few seconds, then reported as ``DatabaseBusy`` ("coba lagi"),
never a crash or a hang. Within one process, operations on a file take turns.

DuckDB's lock on the file is a POSIX record lock: closing *any* descriptor of
the file in this process releases it while the connection stays open. So
nothing in a process that uses the store may open the database file itself
(copy it, hash it, read its header) while the store holds it; the store does
not, and a file changed on disk is opened afresh, never written over.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from kinerja.store.galat import DatabaseBusy, MasalahBasisData

_SKEMA_SIAP: set[str] = set()
_KUNCI_SKEMA = threading.Lock()
_KUNCI_BERKAS: dict[str, threading.Lock] = {}
_KOSONG: list[duckdb.DuckDBPyConnection] = []
"""The empty store in memory that reads of a missing file see (``MesinDuckdb._kosong``): one per process."""

SEWA_DETIK = 0.1
"""How long a file stays open after an operation, for the next one of a burst: shorter than another process's
start-up, far shorter than its wait (``tunggu_detik``)."""
SEWA_MAKS = 1.0
"""The longest a lease runs (from the open) before the file is closed after an operation, however busy."""
JEDA_ADIL = 0.5
"""After a lease ran ``SEWA_MAKS``, how long every operation opens and closes the file again, as without leases:
the gaps between them are another process's turn."""


@dataclass
class _Sewa:
    """A file held open between operations: the connection, whether it is read-only, when it was opened, the
    file's ``_sidik`` when the last operation ended, and the timer that closes it."""

    con: duckdb.DuckDBPyConnection
    hanya_baca: bool
    dibuka: float
    sidik: tuple[object, ...]
    generasi: int
    penutup: threading.Timer


_SEWA: dict[str, _Sewa] = {}
"""The lease of each file (by ``identitas``), read and changed only under the file's ``_giliran``."""
_JEDA: dict[str, float] = {}
_GENERASI = [0]

MAGIC_DUCKDB = b"DUCK"
"""Bytes 8–11 of every DuckDB database file."""

_GALAT_BERKAS = (duckdb.IOException, duckdb.FatalException, duckdb.InternalException,
                 duckdb.SerializationException)
"""DuckDB errors that mean the file could not be read or written (damaged, truncated, disk full)."""


def _giliran(path: Path) -> threading.Lock:
    """The lock that makes this process's operations on one database file take turns."""
    return _giliran_kunci(str(path.resolve()))


def _giliran_kunci(kunci: str) -> threading.Lock:
    with _KUNCI_SKEMA:
        return _KUNCI_BERKAS.setdefault(kunci, threading.Lock())


def _sidik(path: Path) -> tuple[object, ...]:
    """What a held file must still look like to be used again: the file and its write-ahead log (which inode,
    size, modification and change times, permissions) and its folder's permissions. Any write past this process's
    lease, a replacement, a deletion or a chmod changes it."""
    sidik: list[object] = []
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            st = os.stat(p)
            sidik += [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_mode, st.st_uid]
        except FileNotFoundError:
            sidik.append(None)
    try:
        st = os.stat(path.parent)
        sidik += [st.st_ino, st.st_mode, st.st_uid]
    except FileNotFoundError:
        sidik.append(None)
    return tuple(sidik)


def _ambil_sewa(kunci: str) -> _Sewa | None:
    """Take the file's lease out of the table (under the file's ``_giliran``): the operation now owns it."""
    sewa = _SEWA.pop(kunci, None)
    if sewa is not None:
        sewa.penutup.cancel()
    return sewa


_AKHIR = threading.Event()
"""Set at exit: from then on only ``_tutup_semua`` closes a file, no timer does."""


def _habis(kunci: str, generasi: int) -> None:
    """The lease's time is up: close the file, unless an operation holds it now (it renews the lease when done)."""
    giliran = _giliran_kunci(kunci)
    if not giliran.acquire(blocking=False):
        return
    try:
        sewa = _SEWA.get(kunci)
        if sewa is not None and sewa.generasi == generasi and not _AKHIR.is_set():
            del _SEWA[kunci]
            sewa.con.close()
    finally:
        giliran.release()


@atexit.register
def _tutup_semua() -> None:
    """At exit, close every held file: nothing is pending (each operation checkpointed), the lock is released.

    Every file's turn is taken, so no timer is still inside DuckDB when the interpreter stops its daemon threads
    (a thread stopped inside DuckDB's C++ aborts the process: "FATAL: exception not rethrown")."""
    _AKHIR.set()
    with _KUNCI_SKEMA:
        semua = list(_KUNCI_BERKAS.items())
    for kunci, giliran in semua:
        if not giliran.acquire(timeout=5):  # an operation of a daemon thread still runs: it closes its own
            continue
        try:
            sewa = _ambil_sewa(kunci)
            if sewa is not None:
                sewa.con.close()
        finally:
            giliran.release()


def _terkunci(e: duckdb.Error) -> bool:
    """Whether opening failed because another process holds the file's lock."""
    return "lock" in str(e).lower()


def _tanpa_izin(e: duckdb.Error) -> bool:
    teks = str(e).lower()
    return "permission denied" in teks or "read-only file system" in teks


def _masalah_berkas(e: duckdb.Error) -> bool:
    """Whether a DuckDB error means the file could not be read or written (damaged, truncated, disk full)."""
    teks = str(e)
    return isinstance(e, _GALAT_BERKAS) or "Could not write" in teks or "Could not read" in teks or (
        "Failed to commit" in teks)


def _periksa_berkas(path: Path) -> None:
    """Refuse, before DuckDB touches it, anything at ``path`` that is not a DuckDB database file.

    DuckDB would open a CSV file as an empty database and a zero-byte file
    fails deep inside; both are said plainly instead, and the file is left alone.
    """
    if path.is_dir():
        raise MasalahBasisData("gudang.folder", path)
    try:
        with path.open("rb") as f:
            kepala = f.read(12)
    except PermissionError:
        return  # unreadable: DuckDB's own open reports it, as a permission problem
    if not kepala:
        raise MasalahBasisData("gudang.kosong", path)
    if kepala[8:12] != MAGIC_DUCKDB:
        raise MasalahBasisData("gudang.bukan_duckdb", path)


def _sebab(e: BaseException) -> str:
    """The first line of a DuckDB error without its class prefix, for a message in words."""
    teks = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return teks.split(": ", 1)[1] if teks.startswith(("IO Error: ", "Error: ")) else teks


class KoneksiDuckdb:
    """A DuckDB connection as the store is handed it. DuckDB refuses ``register``, ``unregister`` and ``sql`` while
    the connection's last ``execute`` result is unfinished (a ``fetchone`` leaves it so); here they finish it first,
    so the store may call them in any order, as on PostgreSQL. Every other call is DuckDB's own."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def __getattr__(self, nama: str) -> Any:
        return getattr(self._con, nama)

    def register(self, nama: str, data: object) -> duckdb.DuckDBPyConnection:
        self._con.complete()
        return self._con.register(nama, data)

    def unregister(self, nama: str) -> duckdb.DuckDBPyConnection:
        self._con.complete()
        return self._con.unregister(nama)

    def sql(self, query: str, **kwargs: Any) -> duckdb.DuckDBPyRelation:
        self._con.complete()
        return self._con.sql(query, **kwargs)


class MesinDuckdb:
    """One DuckDB file. ``siapkan`` brings a connection's schema up to date (the store's migrations); it runs
    once per file and process, and always on a file created just now."""

    mesin = "duckdb"

    def __init__(self, path: Path | str, tunggu_detik: float,
                 siapkan: Callable[[KoneksiDuckdb], None]) -> None:
        self.path = Path(path)
        self.alamat = str(self.path)
        self.nama = self.path.name
        self.tunggu_detik = tunggu_detik
        self._siapkan = siapkan

    def _kosong(self) -> duckdb.DuckDBPyConnection:
        """An empty store in memory with this store's tables, made once per process: what a read of a missing file
        sees. Each read takes a cursor of it (a connection of its own, its registered rows its own), so checking
        a first import reads no table anew and builds no schema per read."""
        with _KUNCI_SKEMA:
            if not _KOSONG:  # every store's tables are the same on DuckDB
                con = duckdb.connect(":memory:")
                self._siapkan(KoneksiDuckdb(con))
                _KOSONG.append(con)
            return _KOSONG[0]

    @property
    def identitas(self) -> str:
        """Which database this is, however it was named (``data/../data/k.duckdb`` is ``data/k.duckdb``)."""
        return str(self.path.resolve())

    def ada(self) -> bool:
        """Whether the database file exists (only a write creates it)."""
        return self.path.exists()

    def tanda_versi(self) -> tuple[int, ...]:
        """Size and modification time of the file and its write-ahead log: checking does not open the database."""
        tanda: list[int] = []
        for p in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                st = os.stat(p)
                tanda += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                tanda += [0, 0]
        return tuple(tanda)

    @contextmanager
    def buka(self, *, tulis: bool = False) -> Iterator[KoneksiDuckdb]:
        """Open the file for one operation, waiting a little while another process holds it.

        Only a write creates a missing database (and its folder); a read of a
        missing one sees an empty store, so a deleted file is not an error for
        a running app and ``score`` never leaves an empty file behind. A file
        that is not a DuckDB database is refused untouched. Within one process
        (the Streamlit server, all its sessions) operations on a file take
        turns: DuckDB's Python client is not safe when threads register
        DataFrames on connections of one shared database at the same time.
        """
        kunci = self.identitas
        with _giliran_kunci(kunci):
            sewa = _ambil_sewa(kunci)
            if sewa is not None and (sewa.sidik != _sidik(self.path) or (tulis and sewa.hanya_baca)):
                sewa.con.close()  # changed on disk since, or a write on a read-only open: open afresh
                sewa = None
            if sewa is not None:
                # The file is as the last operation left it, so it is still the DuckDB file checked then. It is not
                # read again: closing any descriptor of the file would drop this process's lock on it (POSIX).
                yield from self._buka_berkas(tulis=tulis, baru=False, sewa=sewa)
                return
            if not self.path.exists() and not tulis:
                with self._kosong().cursor() as con:
                    yield KoneksiDuckdb(con)
                return
            if self.path.exists():
                _periksa_berkas(self.path)
                baru = False
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                baru = True
            yield from self._buka_berkas(tulis=tulis, baru=baru, sewa=None)

    def _buka_berkas(self, *, tulis: bool, baru: bool, sewa: _Sewa | None) -> Iterator[KoneksiDuckdb]:
        if sewa is not None:
            con, hanya_baca, dibuka = sewa.con, sewa.hanya_baca, sewa.dibuka
        else:
            con, hanya_baca = self._sambung(tulis=tulis)
            dibuka = time.monotonic()
        selesai = False
        try:
            with con.cursor() as kursor:  # the operation's own: its registered tables and settings end with it
                koneksi = KoneksiDuckdb(kursor)
                if not hanya_baca:
                    self._siapkan_skema(koneksi, baru=baru)
                yield koneksi
            selesai = True
        except duckdb.Error as e:
            if not _masalah_berkas(e):
                raise
            raise MasalahBasisData("gudang.gagal_tulis" if tulis else "gudang.rusak", self.path, sebab=_sebab(e)) from e
        finally:
            if not selesai:
                con.close()  # after any error the file is opened afresh
        self._sewakan(con, hanya_baca=hanya_baca, dibuka=dibuka)

    def _sewakan(self, con: duckdb.DuckDBPyConnection, *, hanya_baca: bool, dibuka: float) -> None:
        """After an operation: checkpoint what it wrote into the file, then keep the file open for the next one
        (``SEWA_DETIK``), or close it when the lease has run ``SEWA_MAKS`` (and let others have it a while)."""
        kunci = self.identitas
        sekarang = time.monotonic()
        try:
            if not hanya_baca and self.path.with_name(self.path.name + ".wal").exists():
                con.execute("CHECKPOINT")  # what the close used to do: the file whole, its tanda_versi moved
        except duckdb.Error:
            # The operation has landed: its commit is in the log, which the next open replays. The close tries the
            # checkpoint once more, as it always did; the file is not kept open on a log that would not fold in.
            with contextlib.suppress(duckdb.Error):
                con.close()
            return
        if sekarang - dibuka >= SEWA_MAKS:
            _JEDA[kunci] = sekarang + JEDA_ADIL
        if sekarang - dibuka >= SEWA_MAKS or sekarang < _JEDA.get(kunci, 0.0):
            con.close()
            return
        _GENERASI[0] += 1
        penutup = threading.Timer(SEWA_DETIK, _habis, (kunci, _GENERASI[0]))
        penutup.daemon = True
        _SEWA[kunci] = _Sewa(con, hanya_baca, dibuka, _sidik(self.path), _GENERASI[0], penutup)
        penutup.start()

    def _sambung(self, *, tulis: bool) -> tuple[duckdb.DuckDBPyConnection, bool]:
        """Open the file (read-only when it may only be read), retrying while another process holds it."""
        batas = time.monotonic() + self.tunggu_detik
        jeda = 0.05
        hanya_baca = False
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=hanya_baca)
                break
            except duckdb.Error as e:
                if _tanpa_izin(e):
                    if tulis or hanya_baca:
                        raise MasalahBasisData("gudang.hanya_baca", self.path) from e
                    hanya_baca = True  # a read-only file can still be read
                    continue
                if not _terkunci(e):
                    kunci = "gudang.rusak" if "read enough bytes" in str(e) or "not a valid" in str(e) else (
                        "gudang.tidak_terbuka")
                    raise MasalahBasisData(kunci, self.path, sebab=_sebab(e)) from e
                if time.monotonic() >= batas:
                    raise DatabaseBusy(self.path) from e
                time.sleep(jeda * (1 + random.random()))
                jeda = min(jeda * 2, 0.5)
        return con, hanya_baca

    def _siapkan_skema(self, con: KoneksiDuckdb, *, baru: bool) -> None:
        """Bring the schema up to date once per file and process: concurrent CREATEs from two sessions would collide.

        A file created just now always gets it, even when this process prepared
        an earlier file at the same path (deleted while running).
        """
        kunci = str(self.path.resolve())
        if kunci in _SKEMA_SIAP and not baru:
            return
        with _KUNCI_SKEMA:
            if kunci not in _SKEMA_SIAP or baru:
                self._siapkan(con)
                _SKEMA_SIAP.add(kunci)

    @contextmanager
    def transaksi(self, *, tulis: bool = False, kembalikan: bool = False) -> Iterator[KoneksiDuckdb]:
        """One transaction: everything inside lands, or nothing does (``kembalikan``: a dry run, nothing kept).

        A write the file system refuses (disk full, file too large) becomes one
        clear ``MasalahBasisData`` (see ``_buka_berkas``); when the rollback
        itself fails, the uncommitted transaction dies with the connection.
        """
        with self.buka(tulis=tulis) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("ROLLBACK" if kembalikan else "COMMIT")
            except BaseException:
                with contextlib.suppress(duckdb.Error):  # the error being raised is the one that matters
                    con.execute("ROLLBACK")
                raise
