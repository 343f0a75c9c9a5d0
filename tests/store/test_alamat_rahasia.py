"""Issue 27, finding 4: a PostgreSQL password never shows, in whatever form libpq takes it.

A database address is shown in the sidebar to every visitor, in the command line's messages, in the message of
an unreachable or unreadable server and in psycopg's pool log. libpq takes a password in the URL's userinfo, in
its query (``?password=``, ``?sslpassword=``, a percent-encoded key), or in a ``key=value`` connection string
(quoted, with backslash escapes); each is masked, and a password that libpq would read differently from how it
was meant (an unencoded ``@`` or ``/``) is refused before a connection is tried, so no part of it reaches an
error message either.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from kinerja.store import MasalahBasisData, Storage
from kinerja.store.mesin_postgres import alamat_postgres, tanpa_sandi, tutup
from tests.conftest import AKAR, teks_md

RAHASIA = "RAHASIA"

# (address, as it may be shown)
TAMPIL = [
    # the URL's userinfo, both schemes, any case of the scheme, several hosts, an empty user name
    ("postgresql://kinerja:RAHASIA@db.internal:5432/kinerja", "postgresql://kinerja:***@db.internal:5432/kinerja"),
    ("postgres://kinerja:RAHASIA@db/kinerja", "postgres://kinerja:***@db/kinerja"),
    ("POSTGRESQL://kinerja:RAHASIA@db/kinerja", "POSTGRESQL://kinerja:***@db/kinerja"),
    ("postgresql://kinerja:RAHASIA@h1:5432,h2:5433/kinerja?target_session_attrs=read-write",
     "postgresql://kinerja:***@h1:5432,h2:5433/kinerja?target_session_attrs=read-write"),
    ("postgresql://:RAHASIA@db/kinerja", "postgresql://:***@db/kinerja"),
    # percent-encoded, or not encoded as it should have been (libpq reads those differently: refused, still masked)
    ("postgresql://kinerja:RA%40HA%2FSIA@db/kinerja", "postgresql://kinerja:***@db/kinerja"),
    ("postgresql://kinerja:RA@HASIA@db/kinerja", "postgresql://kinerja:***@db/kinerja"),
    ("postgresql://kinerja:RA/HASIA@db/kinerja", "postgresql://kinerja:***@db/kinerja"),
    ("postgresql://kinerja:RA?HASIA@db/kinerja", "postgresql://kinerja:***@db/kinerja"),
    ("postgresql://kinerja:RA:HASIA@db/kinerja", "postgresql://kinerja:***@db/kinerja"),
    # the query
    ("postgresql://kinerja@db/kinerja?password=RAHASIA", "postgresql://kinerja@db/kinerja?password=***"),
    ("postgresql://kinerja@db/kinerja?sslmode=require&password=RAHASIA&application_name=dasbor",
     "postgresql://kinerja@db/kinerja?sslmode=require&password=***&application_name=dasbor"),
    ("postgresql://db/kinerja?user=kinerja&sslpassword=RAHASIA", "postgresql://db/kinerja?user=kinerja&sslpassword=***"),
    ("postgresql://kinerja@db/kinerja?%70assword=RAHASIA", "postgresql://kinerja@db/kinerja?%70assword=***"),
    ("postgresql://kinerja@db/kinerja?Password=RAHASIA", "postgresql://kinerja@db/kinerja?Password=***"),
    ("postgresql://kinerja@db/kinerja?password=RA&HASIA", "postgresql://kinerja@db/kinerja?password=***"),
    ("postgresql://kinerja@db/kinerja?password=RA%26HASIA&port=5433",
     "postgresql://kinerja@db/kinerja?password=***&port=5433"),
    ("postgresql://db/kinerja?password=RA@HASIA", "postgresql://db/kinerja?password=***"),
    ("postgresql://kinerja:RAHASIA@db/kinerja?password=RAHASIA", "postgresql://kinerja:***@db/kinerja?password=***"),
    ("postgresql://db/kinerja?oauth_client_secret=RAHASIA", "postgresql://db/kinerja?oauth_client_secret=***"),
    # a key=value connection string: spaces around '=', quotes, backslash escapes, any case of the key
    ("host=db dbname=kinerja user=kinerja password=RAHASIA", "host=db dbname=kinerja user=kinerja password=***"),
    ("password = RAHASIA host=db", "password = *** host=db"),
    ("host=db password='RA HA\\' SIASIA' dbname=kinerja", "host=db password=*** dbname=kinerja"),
    ("host=db password=RA\\ HASIA dbname=kinerja", "host=db password=*** dbname=kinerja"),
    ("host='db'password=RAHASIA", "host='db'password=***"),
    ("host=db password='RAHASIA", "host=db password=***"),
    ("host=db sslpassword=RAHASIA sslkey=/etc/k.pem", "host=db sslpassword=*** sslkey=/etc/k.pem"),
    ("host=db PASSWORD=RAHASIA", "host=db PASSWORD=***"),
    # nothing to hide
    ("postgresql://kinerja@db/kinerja", "postgresql://kinerja@db/kinerja"),
    ("postgresql://kinerja@db:5432/kinerja?sslmode=require", "postgresql://kinerja@db:5432/kinerja?sslmode=require"),
    ("host=db dbname=kinerja passfile=/etc/kinerja.pgpass", "host=db dbname=kinerja passfile=/etc/kinerja.pgpass"),
    ("data/kinerja.duckdb", "data/kinerja.duckdb"),
]


@pytest.mark.parametrize(("alamat", "tampil"), TAMPIL)
def test_sandi_tidak_pernah_tampil(alamat, tampil):
    assert tanpa_sandi(alamat) == tampil
    for bagian in ("RAHASIA", "HASIA", "SIA"):
        assert bagian not in tanpa_sandi(alamat)


@pytest.mark.parametrize(("alamat", "postgres"), [
    ("postgresql://kinerja@db/kinerja", True),
    ("postgres://kinerja@db/kinerja", True),
    ("PostgreSQL://kinerja@db/kinerja", True),
    ("host=db dbname=kinerja user=kinerja password=x", True),
    ("dbname=kinerja", True),
    ("  password = 'x y' host=db", True),
    ("data/kinerja.duckdb", False),
    ("/srv/host=db/kinerja.duckdb", False),
    ("kinerja=1.duckdb", False),
    ("", False),
])
def test_bentuk_alamat_postgres(alamat, postgres):
    """A libpq key=value connection string is a PostgreSQL address, not a DuckDB file named after the password."""
    assert alamat_postgres(alamat) is postgres


def _rantai(e: BaseException | None) -> str:
    teks = []
    while e is not None:
        teks.append(str(e))
        e = e.__cause__ or e.__context__
    return "\n".join(teks)


@pytest.mark.parametrize("alamat", [
    "postgresql://kinerja@127.0.0.1:1/x?password=RAHASIA",
    "POSTGRESQL://kinerja:RAHASIA@127.0.0.1:1/x",
    "host=127.0.0.1 port=1 dbname=x user=kinerja password=RAHASIA",
    "postgresql://kinerja:p%zzRAHASIA@127.0.0.1:1/x",  # libpq's own message quotes a bad escape with its text
    "postgresql://kinerja:RAHASIA1/RAHASIA2@127.0.0.1:1/x",  # libpq reads RAHASIA1 as host kinerja's port
    "postgresql://127.0.0.1:RAHASIA1/RAHASIA2@h/x",  # libpq: 'invalid integer value "RAHASIA1" … "port"'
    "postgresql://kinerja:RAHASIA1@RAHASIA2@127.0.0.1:1/x",  # libpq reads RAHASIA2@127.0.0.1 as the host
    "postgresql://kinerja@127.0.0.1:1/x?password=RA&HASIA",  # libpq: 'missing … separator …: "HASIA"'
])
def test_server_tidak_terjangkau_tanpa_sandi(alamat, tmp_path, monkeypatch, caplog):
    """The message, what it was raised from, and psycopg's pool log: no part of the password."""
    monkeypatch.chdir(tmp_path)  # an address taken for a DuckDB file must not make one here
    caplog.set_level(logging.DEBUG)
    try:
        with pytest.raises(MasalahBasisData) as galat:
            Storage(alamat, tunggu_detik=1).baca()
    finally:
        tutup(alamat)
    assert "PostgreSQL" in str(galat.value)
    assert "HASIA" not in _rantai(galat.value)
    assert "HASIA" not in caplog.text
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("alamat", [
    "postgresql://kinerja@127.0.0.1:1/x?password=RAHASIA",
    "host=127.0.0.1 port=1 dbname=x user=kinerja password=RAHASIA",
    "postgresql://kinerja@127.0.0.1:1/x?password=RA&HASIA",
])
def test_baris_perintah_tanpa_sandi(alamat, tmp_path):
    """``score`` against an unreachable server: it says so (exit 1, no traceback), and never the password."""
    lingkungan = {k: v for k, v in os.environ.items() if k != "KINERJA_DB"}
    hasil = subprocess.run([sys.executable, "-m", "kinerja", "score", "--tahun", "2019", "--triwulan", "3",
                            "--db", alamat], check=False, capture_output=True, text=True, cwd=tmp_path, timeout=120,
                           env=lingkungan | {"PYTHONPATH": str(AKAR)})
    assert hasil.returncode == 1
    assert "PostgreSQL" in hasil.stderr and "Traceback" not in hasil.stderr
    assert "HASIA" not in hasil.stderr + hasil.stdout
    assert not list(tmp_path.iterdir())


def _teks_semua(simpul: object) -> list[str]:
    """Every element AppTest rendered, as its protobuf text (labels, values, captions, options, help)."""
    teks = []
    proto = getattr(simpul, "proto", None)
    if proto is not None:
        teks.append(str(proto))
    for anak in getattr(simpul, "children", {}).values():
        teks.extend(_teks_semua(anak))
    return teks


@pytest.mark.parametrize("mesin", ["postgresql"])
def test_bilah_samping_tanpa_sandi(db_contoh, monkeypatch, _apptest_navigasi):
    """KINERJA_DB with ``?password=`` (trust auth accepts any): the sidebar names the database, not the password."""
    alamat = f"{db_contoh}?password={RAHASIA}"
    monkeypatch.setenv("KINERJA_DB", alamat)
    try:
        at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=60).run()
        assert not at.exception, at.exception
        assert f"Basis data: {db_contoh}?password=***" in [teks_md(c.value) for c in at.sidebar.caption]
        semua = _teks_semua(at._tree)
        assert semua and not [t for t in semua if RAHASIA in t]
    finally:
        tutup(alamat)
