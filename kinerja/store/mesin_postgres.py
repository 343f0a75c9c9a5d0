"""The PostgreSQL engine: the shared store of an institution-wide installation (``KINERJA_DB=postgresql://…``).

Several app servers and the command line write to one database at once. Every write transaction first takes
the installation's writer's turn (a transaction-level advisory lock), so what a write checks — the next
revision id, the IKU a realisasi needs, the person's grants — cannot change under it before it commits, and
revision ids stay 1, 2, 3 … without gaps. A wait for that turn, or for a connection, has a limit
(``tunggu_detik``) and then says "coba lagi" (``DatabaseBusy``). A read is one REPEATABLE READ transaction:
one consistent view, never blocked by a writer.

The server may restart or fail over under a running app server. The pool checks each connection as it hands it
out and replaces a dead one, so the next operation works without restarting the app. An operation whose connection
dies under it is rolled back by the server and refused here with "coba lagi" (``KoneksiTerputus``): a write is
never repeated behind the user's back (the upload is refused whole, nothing of it stored). One lost while its
COMMIT was under way may or may not have landed, and no one can ask the dead session: it says so and where to look
(``KomitTidakPasti``), never "nothing stored". The engine's own short
reads (the data version every page run and the Dialog's live refresh ask for) are asked once more on a fresh
connection.

The connection speaks the part of DuckDB's Python API the store uses (``execute`` with ``$name`` parameters,
``fetchone``, ``fetchall``, ``df``, ``register`` of a table of rows), so the store's SQL is written once for
both engines. Answers become DataFrames through DuckDB's own conversion, so both engines give the same dtypes.
"""

from __future__ import annotations

import io
import math
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import unquote

import psycopg
from psycopg import IsolationLevel
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import ConnectionPool, PoolTimeout

from kinerja.store.galat import DatabaseBusy, KomitTidakPasti, KoneksiTerputus, MasalahBasisData
from kinerja.store.skema import POSTGRESQL, VERSI_TERBARU

if TYPE_CHECKING:  # loaded where rows become tables: a read of plain rows (``score``) needs none of them
    import duckdb
    import numpy as np
    import pandas as pd
    import pyarrow as pa

AWALAN = ("postgresql://", "postgres://")
"""How a database URL names PostgreSQL (``alamat_postgres``: a libpq ``key=value`` string does too)."""

KUNCI_PENULIS = 0x4B494E4A
"""The advisory lock every write transaction holds: one writer at a time per database ('KINJ')."""

UKURAN_POOL = 8
"""Connections one app server keeps at most (a Streamlit server runs every session's script in its own thread)."""

T = TypeVar("T")

_TEKS = POSTGRESQL.teks
"""Text compared and sorted by code point, as DuckDB does."""

_POOL: dict[str, ConnectionPool] = {}
_SIAP: set[str] = set()
_KUNCI = threading.Lock()
_DUCK = threading.local()



@lru_cache(maxsize=1)
def _arrow() -> dict[int, pa.DataType]:
    """PostgreSQL type oids → the Arrow type DuckDB gives the same column (bool, int8, int2, int4, text, varchar,
    float4, float8, numeric, date, timestamp)."""
    import pyarrow as pa

    return {16: pa.bool_(), 20: pa.int64(), 21: pa.int32(), 23: pa.int32(), 25: pa.string(), 1043: pa.string(),
            700: pa.float64(), 701: pa.float64(), 1700: pa.float64(), 1082: pa.date32(), 1114: pa.timestamp("us")}


_SKEMA = re.compile(r"(postgres(?:ql)?)://", re.IGNORECASE)
"""A PostgreSQL URL's scheme (``AWALAN``): libpq takes it in lower case only, this app in any (lowered for libpq)."""

KATA_KUNCI = frozenset({
    "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "channel_binding", "connect_timeout",
    "client_encoding", "options", "application_name", "fallback_application_name", "keepalives", "keepalives_idle",
    "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication", "gssencmode", "sslmode",
    "sslnegotiation", "requiressl", "sslcompression", "sslcert", "sslkey", "sslcertmode", "sslpassword", "sslrootcert",
    "sslcrl", "sslcrldir", "sslsni", "requirepeer", "require_auth", "min_protocol_version", "max_protocol_version",
    "ssl_min_protocol_version", "ssl_max_protocol_version", "krbsrvname", "gsslib", "gssdelegation", "service",
    "target_session_attrs", "load_balance_hosts", "oauth_issuer", "oauth_client_id", "oauth_client_secret",
    "oauth_scope", "scram_client_key", "scram_server_key", "sslkeylogfile", "ssl",
} | {o.keyword.decode() for o in psycopg.pq.Conninfo.get_defaults()})
"""libpq's connection keywords (those of the libpq installed too): a ``key=value`` string beginning with one is a
PostgreSQL address, and in a URL's query a value runs on to the next ``&`` that begins one."""

KUNCI_RAHASIA = frozenset({"password", "sslpassword", "oauth_client_secret", "scram_client_key", "scram_server_key"}
                          | {o.keyword.decode() for o in psycopg.pq.Conninfo.get_defaults() if o.dispchar == b"*"})
"""The keywords whose value is secret (libpq marks a password field ``*``): never shown, whatever their case."""

_KUNCI_NILAI = re.compile(r"(?:^|(?<=[\s']))([A-Za-z_]+)(\s*=\s*)('(?:[^'\\]|\\.)*'?|(?:[^\s\\]|\\.)*\\?)", re.DOTALL)
"""One ``key=value`` of a libpq connection string, read as libpq reads it: a value in single quotes (``\\'`` and
``\\\\`` escaped; an unclosed quote runs to the end), or up to the next unescaped white space."""


def alamat_postgres(alamat: object) -> bool:
    """Whether a database address is PostgreSQL's: a ``postgresql://`` (or ``postgres://``) URL, the scheme in any
    case, or a libpq ``key=value`` connection string beginning with one of libpq's keywords (``host=db
    dbname=kinerja user=kinerja``). Anything else is a DuckDB file.

    >>> alamat_postgres("host=db.internal dbname=kinerja"), alamat_postgres("data/kinerja.duckdb")
    (True, False)
    """
    if not isinstance(alamat, str):
        return False
    kunci = re.match(r"\s*([A-Za-z_]+)\s*=", alamat)
    return _SKEMA.match(alamat) is not None or (kunci is not None and kunci[1].lower() in KATA_KUNCI)


def tanpa_sandi(alamat: str) -> str:
    """The address as it may be shown: every password libpq could read in it becomes ``***`` — a URL's userinfo
    (to its last ``@``: an unencoded ``@``, ``/`` or ``?`` in a password hides the rest of it too), a secret
    parameter of its query in any case or percent-encoding (to the next ``&`` that begins a libpq parameter), or a
    secret ``key=value`` of a connection string (quoted, escaped).

    >>> tanpa_sandi("postgresql://kinerja:rahasia@db.kemenkeu.go.id/kinerja")
    'postgresql://kinerja:***@db.kemenkeu.go.id/kinerja'
    >>> tanpa_sandi("postgresql://kinerja@db/kinerja?sslmode=require&password=rahasia")
    'postgresql://kinerja@db/kinerja?sslmode=require&password=***'
    >>> tanpa_sandi("host=db user=kinerja password='rahasia sekali'")
    'host=db user=kinerja password=***'
    """
    return _pisah_sandi(alamat)[0]


def _pisah_sandi(alamat: str) -> tuple[str, tuple[str, ...]]:
    """``tanpa_sandi`` of the address, and the secrets it hid, as written and as decoded (to take out of a message)."""
    rahasia: list[str] = []

    def sembunyikan(nilai: str, terbaca: str) -> str:
        rahasia.extend((nilai, terbaca))
        return "***"

    skema = _SKEMA.match(alamat)
    if skema is None:
        def kunci_nilai(m: re.Match[str]) -> str:
            if m[1].lower() not in KUNCI_RAHASIA:
                return m[0]
            terbaca = m[3][1:].removesuffix("'") if m[3].startswith("'") else m[3]
            return m[1] + m[2] + sembunyikan(m[3], re.sub(r"\\(.)", r"\1", terbaca, flags=re.DOTALL))
        teks = _KUNCI_NILAI.sub(kunci_nilai, alamat)
    else:
        sisa, cari_dari = alamat[skema.end():], 0
        at = sisa.rfind("@")
        if at >= 0 and ":" in sisa[:at]:
            pengguna, sandi = sisa[:at].split(":", 1)
            sisa = f"{pengguna}:{sembunyikan(sandi, unquote(sandi))}{sisa[at:]}"
            cari_dari = len(pengguna) + 4
        tanya = sisa.find("?", cari_dari)
        if tanya >= 0:
            bagian, tampil = sisa[tanya + 1:].split("&"), []
            while bagian:
                kunci, sama, nilai = bagian.pop(0).partition("=")
                if sama and unquote(kunci).strip().lower() in KUNCI_RAHASIA:
                    while bagian and unquote(bagian[0].partition("=")[0]).strip().lower() not in KATA_KUNCI:
                        nilai += "&" + bagian.pop(0)  # an unencoded '&' in the password: still the password
                    tampil.append(f"{kunci}={sembunyikan(nilai, unquote(nilai))}")
                else:
                    tampil.append(kunci + sama + nilai)
            sisa = sisa[:tanya + 1] + "&".join(tampil)
        teks = alamat[:skema.end()] + sisa
    return teks, tuple(r for r in dict.fromkeys(rahasia) if r)


def _untuk_libpq(alamat: str, nama: str) -> str:
    """The address as libpq is given it (a URL's scheme in lower case), once libpq is known to read it as
    ``tanpa_sandi`` shows it. Refused (``MasalahBasisData``, without libpq's words, which quote what it could not
    read): an address libpq cannot parse (an unencoded ``%`` or ``&`` in a password), and a URL whose password holds
    an unencoded ``@``, ``/`` or ``?`` — libpq would take part of it for the host, port or database and name that
    part in its messages."""
    skema = _SKEMA.match(alamat)
    untuk_libpq = f"{skema[1].lower()}://{alamat[skema.end():]}" if skema else alamat
    try:
        conninfo_to_dict(untuk_libpq)
        terbaca = True
    except psycopg.Error:
        terbaca = False  # raised below, not from here: nothing chained to the refusal quotes the password
    if terbaca and skema is not None:
        sisa = alamat[skema.end():]
        at = sisa.rfind("@")
        libpq = re.match(r"[^@/]*@", sisa)  # libpq's userinfo ends at the first '@' and never passes a '/'
        terbaca = at < 0 or ":" not in sisa[:at] or (libpq is not None and libpq.end() == at + 1)
    if not terbaca:
        raise MasalahBasisData("gudang.pg_alamat_salah", nama)
    return untuk_libpq


@lru_cache(maxsize=1024)
def _ke_psycopg(sql: str) -> str:
    """``$name`` parameters (DuckDB's style) as ``%(name)s`` (psycopg's); a literal ``%`` doubled."""
    return re.sub(r"\$([A-Za-z_]\w*)", r"%(\1)s", sql.replace("%", "%%"))


def _duck() -> duckdb.DuckDBPyConnection:
    """This thread's in-memory DuckDB, which turns an Arrow answer into a DataFrame exactly as the DuckDB
    engine's answers are turned."""
    if not hasattr(_DUCK, "con"):
        import duckdb

        _DUCK.con = duckdb.connect()
    return _DUCK.con


def _kolom_arrow(nilai: list[object], tipe: pa.DataType | None) -> pa.Array:
    import pyarrow as pa

    if tipe == pa.float64():
        nilai = [float(v) if isinstance(v, Decimal) else v for v in nilai]
    return pa.array(nilai, type=tipe)


def _tipe_sql(tipe: pa.DataType) -> str:
    """The column type of a table of incoming rows, for a column the store does not declare (row numbers)."""
    import pyarrow as pa

    if pa.types.is_integer(tipe):
        return "BIGINT"
    if pa.types.is_floating(tipe):
        return "DOUBLE PRECISION"
    if pa.types.is_boolean(tipe):
        return "BOOLEAN"
    if pa.types.is_date(tipe):
        return "DATE"
    if pa.types.is_timestamp(tipe):
        return "TIMESTAMP"
    return _TEKS


def _sebagai_tabel(data: pa.Table | pd.DataFrame) -> pa.Table:
    import pyarrow as pa

    if isinstance(data, pa.Table):
        return data
    try:
        return pa.Table.from_pandas(data, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed types in one column: each value as its text
        teks = {k: data[k].map(lambda v: None if v is None or (isinstance(v, float) and math.isnan(v)) else str(v))
                for k in data.columns if data[k].dtype == object}
        return pa.Table.from_pandas(data.assign(**teks), preserve_index=False)


class Hasil:
    """The answer of one statement: rows, or a DataFrame / Arrow table with DuckDB's column types."""

    def __init__(self, cur: psycopg.Cursor) -> None:
        self._cur = cur

    def fetchone(self) -> tuple | None:
        return self._cur.fetchone()

    def fetchall(self) -> list[tuple]:
        return self._cur.fetchall()

    def to_arrow_table(self) -> pa.Table:
        import pyarrow as pa

        kolom = self._cur.description or []
        baris = self._cur.fetchall()
        isi = list(zip(*baris)) if baris else [()] * len(kolom)
        return pa.table({k.name: _kolom_arrow(list(v), _arrow().get(k.type_code)) for k, v in zip(kolom, isi)})

    def df(self) -> pd.DataFrame:
        return _duck().from_arrow(self.to_arrow_table()).df()

    def fetchnumpy(self) -> dict[str, np.ndarray]:
        """DuckDB's ``fetchnumpy``: each column as a NumPy array, of the values psycopg gives (None where NULL)."""
        import numpy as np

        kolom = self._cur.description or []
        baris = self._cur.fetchall()
        hasil = {}
        for k, nilai in zip(kolom, zip(*baris) if baris else [()] * len(kolom)):
            hasil[k.name] = np.empty(len(nilai), dtype=object)
            hasil[k.name][:] = nilai
        return hasil


class KoneksiPg:
    """One PostgreSQL connection inside one transaction, with the DuckDB-like calls the store makes."""

    def __init__(self, conn: psycopg.Connection, tipe_kolom: dict[str, str]) -> None:
        self._conn = conn
        self._tipe = tipe_kolom

    def execute(self, sql: str, param: dict[str, object] | None = None) -> Hasil:
        cur = self._conn.cursor()
        if param:
            cur.execute(_ke_psycopg(sql), param)
        else:
            cur.execute(sql)  # type: ignore[arg-type]
        return Hasil(cur)

    def sql(self, sql: str, *, params: dict[str, object] | None = None) -> Hasil:
        """DuckDB's relation call (``con.sql(q, params=…)``), answered like ``execute``."""
        return self.execute(sql, params)

    def register(self, nama: str, data: pa.Table | pd.DataFrame) -> None:
        """Rows as a temporary table ``nama`` for the rest of the transaction, sent with one COPY, each column
        typed as its values are (a column of blanks as the store declares it; file bytes as ``\\x`` and their
        hex, which PostgreSQL reads into a ``bytea``: CSV carries text)."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.csv as pa_csv

        tabel = _sebagai_tabel(data)
        kolom, isi = [], []
        for f, c in zip(tabel.schema, tabel.columns):
            if pa.types.is_dictionary(f.type):
                c = c.cast(f.type.value_type)
            tipe = _tipe_sql(c.type)
            if pa.types.is_null(c.type):  # a column of blanks: as the store declares it (blank dates stay dates)
                tipe = self._tipe.get(f.name, tipe)
            elif pa.types.is_timestamp(c.type) and self._tipe.get(f.name) == "DATE":
                c = pc.cast(c, pa.date32())
            elif pa.types.is_binary(c.type) or pa.types.is_large_binary(c.type):  # CSV carries text: bytea's hex
                tipe = "BYTEA"
                c = pa.array([None if b is None else "\\x" + b.hex() for b in c.to_pylist()], pa.string())
            kolom.append(f"{f.name} {_TEKS if tipe == 'VARCHAR' else tipe}")
            isi.append(c)
        self.execute(f"DROP TABLE IF EXISTS {nama}")
        self.execute(f"CREATE TEMP TABLE {nama} ({', '.join(kolom)}) ON COMMIT DROP")
        if not tabel.num_rows:
            return
        berkas = io.BytesIO()
        pa_csv.write_csv(pa.table(isi, names=tabel.column_names), berkas,
                         pa_csv.WriteOptions(include_header=False, quoting_style="needed"))
        with self._conn.cursor().copy(f"COPY {nama} FROM STDIN (FORMAT csv)") as salin:  # type: ignore[arg-type]
            salin.write(berkas.getvalue())

    def unregister(self, nama: str) -> None:
        self.execute(f"DROP TABLE IF EXISTS {nama}")


class MesinPostgres:
    """One PostgreSQL database, reached through a pool of connections shared by this process."""

    mesin = "postgresql"

    def __init__(self, url: str, tunggu_detik: float, siapkan: Callable[[KoneksiPg], None],
                 tipe_kolom: dict[str, str]) -> None:
        self.url = url
        self.alamat = url
        self.nama, self._rahasia = _pisah_sandi(url)
        self.path = None
        self.tunggu_detik = tunggu_detik
        self._siapkan = siapkan
        self._tipe = tipe_kolom

    @property
    def identitas(self) -> str:
        """Which database this is: its URL."""
        return self.url

    def _pool(self) -> ConnectionPool:
        with _KUNCI:
            pool = _POOL.get(self.url)
            if pool is None:
                pool = ConnectionPool(_untuk_libpq(self.url, self.nama), min_size=1, max_size=UKURAN_POOL,
                                      open=False, kwargs={"options": "-c TimeZone=UTC"},
                                      check=ConnectionPool.check_connection, name=f"kinerja {self.nama}")
                try:
                    pool.open(wait=True, timeout=self.tunggu_detik)
                except PoolTimeout as e:
                    pool.close()
                    raise MasalahBasisData("gudang.pg_tidak_terhubung", self.nama,
                                           sebab=_sebab(e, self._rahasia)) from e
                _POOL[self.url] = pool
            return pool

    @contextmanager
    def _koneksi(self) -> Iterator[psycopg.Connection]:
        """A live connection from the pool (checked as it is handed out: one the server dropped is replaced), given
        back afterwards (a broken one is discarded)."""
        conn: psycopg.Connection | None = None
        try:
            with self._pool().connection(timeout=self.tunggu_detik) as conn:
                yield conn
        except PoolTimeout as e:
            raise DatabaseBusy(self.nama) from e
        except psycopg.errors.LockNotAvailable as e:
            raise DatabaseBusy(self.nama) from e
        except psycopg.OperationalError as e:
            if conn is not None and conn.broken:  # the server restarted, failed over or ended the session
                raise KoneksiTerputus(self.nama) from e
            raise MasalahBasisData("gudang.pg_tidak_terhubung", self.nama, sebab=_sebab(e, self._rahasia)) from e

    @contextmanager
    def _mentah(self, *, tulis: bool, kembalikan: bool = False) -> Iterator[KoneksiPg]:
        with self._koneksi() as conn:
            conn.isolation_level = IsolationLevel.READ_COMMITTED if tulis else IsolationLevel.REPEATABLE_READ
            isi_selesai = False
            try:
                with conn.transaction(force_rollback=kembalikan):
                    con = KoneksiPg(conn, self._tipe)
                    con.execute(f"SET LOCAL lock_timeout = {max(1, int(self.tunggu_detik * 1000))}")
                    if tulis:
                        con.execute(f"SELECT pg_advisory_xact_lock({KUNCI_PENULIS})")
                    yield con
                    isi_selesai = True
            except psycopg.OperationalError as e:
                # lost while the COMMIT was on its way: the server may have stored it or not, and cannot be asked
                if tulis and isi_selesai and not kembalikan and conn.broken:
                    raise KomitTidakPasti(self.nama) from e
                raise

    def _baca(self, baca: Callable[[KoneksiPg], T]) -> T:
        """A short read the engine runs itself, in one transaction; asked once more, on a fresh connection, when the
        connection dies under it (the server restarting): a read repeated changes nothing. Never a write."""
        try:
            with self._mentah(tulis=False) as con:
                return baca(con)
        except KoneksiTerputus:
            with self._mentah(tulis=False) as con:
                return baca(con)

    def _siap(self) -> None:
        """Create or upgrade the schema on this process's first use of the database. A database already at this
        release's version is only looked at; one that needs a migration gets it holding the writer's turn, so
        two servers starting together migrate it once."""
        if self.url in _SIAP:
            return

        def versi_skema(con: KoneksiPg) -> object:
            ada = con.execute("SELECT to_regclass('skema_versi') IS NOT NULL").fetchone()[0]  # type: ignore[index]
            return con.execute("SELECT max(versi) FROM skema_versi").fetchone()[0] if ada else None  # type: ignore[index]

        if self._baca(versi_skema) != VERSI_TERBARU:
            with self._mentah(tulis=True) as con:
                self._siapkan(con)
        _SIAP.add(self.url)

    def ada(self) -> bool:
        """Whether the database holds the store's tables (a server without them is an empty store); known without
        a query once this process has prepared them."""
        if self.url in _SIAP:
            return True
        return self._baca(
            lambda con: con.execute("SELECT to_regclass('revisi') IS NOT NULL").fetchone()[0])  # type: ignore[index]

    def tanda_versi(self) -> tuple[int, ...]:
        """The newest revision and audit line, each its id and when it was written (µs): whatever any app server
        writes changes them, and a database made again at the same address (a restore, a fresh start) with as
        many revisions but other data does not repeat an old version. Two index look-ups."""
        self._siap()
        baris = self._baca(lambda con: con.execute(
            "SELECT r.id, r.waktu, j.id, j.waktu FROM (SELECT 1) AS satu "
            "LEFT JOIN (SELECT id, waktu FROM revisi ORDER BY id DESC LIMIT 1) AS r ON true "
            "LEFT JOIN (SELECT id, waktu FROM jejak ORDER BY id DESC LIMIT 1) AS j ON true").fetchone())
        return tuple(0 if v is None else v if isinstance(v, int) else int(v.timestamp() * 1_000_000)
                     for v in baris)  # type: ignore[union-attr]

    @contextmanager
    def buka(self, *, tulis: bool = False) -> Iterator[KoneksiPg]:
        with self.transaksi(tulis=tulis) as con:
            yield con

    @contextmanager
    def transaksi(self, *, tulis: bool = False, kembalikan: bool = False) -> Iterator[KoneksiPg]:
        """One transaction: everything inside lands, or nothing does (``kembalikan``: a dry run, nothing kept)."""
        self._siap()
        with self._mentah(tulis=tulis, kembalikan=kembalikan) as con:
            yield con


def tutup(url: str) -> None:
    """Close this process's connections to ``url`` (a test dropping its database; a copy finished)."""
    with _KUNCI:
        pool = _POOL.pop(url, None)
        _SIAP.discard(url)
    if pool is not None:
        pool.close()


def _sebab(e: BaseException, rahasia: tuple[str, ...] = ()) -> str:
    """The first line of what went wrong, without any of the address's secrets (``_pisah_sandi``)."""
    teks = str(e).strip()
    teks = teks.splitlines()[0] if teks else type(e).__name__
    for r in sorted(rahasia, key=len, reverse=True):
        teks = teks.replace(r, "***")
    return teks
