"""How fast Dasbor Kinerja is at ministry scale: prints a table and writes bench/results.md. Asserts nothing.

    python bench/run.py                       # 10k and 300k realisasi rows
    python bench/run.py --sizes 10k,300k,3M   # 3M takes several minutes
    python bench/run.py --sizes 10k --ulang 1 # a quick run through (while changing the bench)
    python bench/run.py --ulang 3             # repeats per figure (the median; the best against a floor)
    python bench/run.py --postgresql postgresql://kinerja@127.0.0.1:5432   # PostgreSQL rows too
    python bench/run.py --hanya-tolak --ulang 3   # only how fast hostile uploads are refused (~1 min)
    python bench/run.py --hanya-dokumen --ulang 3   # only the quarterly report, PDF and DOCX, 30 and 300 IKU

For each size a synthetic ministry (``bench/sintetis.py``: 1 ministry, 30 eselon I, offices, 15 IKU each,
5 years) is written as people export it (``;``, decimal commas, BOM), then timed:
import against DuckDB's bare ``read_csv`` of the same files; scoring a ministry-year and one office
against the plain pandas row-wise approach; the server-side run of each page after a filter change
(Streamlit's AppTest) at the root and at one office; the Dialog page's next slide; the PPTX for 150 IKU;
and the peak memory of an import and of a page run. Targets are those of issue 11 (2 cores).
Against the floors of issue 32 (``bench/lantai.py``: what the database alone needs, no ``kinerja`` imported), each
side a whole process, interpreter start-up included, best of ``--ulang`` run by turns in the same run:
"impor (proses utuh)" (``python -m kinerja import FILES --db NEW.duckdb``) against "lantai impor (proses utuh)" (a
new DuckDB file, keyed tables straight from ``read_csv``, every row copied into a JSON log, one commit; target
≤ 1.5×, ≤ 2× at 3M), and "score kementerian-tahun (proses utuh)" (``python -m kinerja score … --format json``)
against "lantai score" (one SQL query on the same store, read-only, rows printed as JSON; target ≤ 1.5×).
With ``--postgresql SERVER`` the same import, scoring and Ringkasan runs are timed on PostgreSQL too, in a
database the benchmark creates on that server and drops afterwards, with the copy of the DuckDB file into it; and,
as whole processes, the import against the floor written for PostgreSQL (``COPY`` into keyed tables and the log;
target ≤ 1.5×), ``python -m kinerja copy`` of the DuckDB store as seconds beyond that floor (target ≤ 2 s), and
``score`` as seconds beyond ``python -m kinerja --help``'s start-up (target ≤ 0.3 s). A throwaway server for it:
``initdb -A trust -U kinerja`` and ``pg_ctl … -o "-p PORT -c fsync=off"`` from /usr/lib/postgresql/*/bin, as
``tests/conftest.py``'s ``server_postgres`` does.
The quarterly report (``python -m kinerja report --kind triwulan``'s work: build and render) as PDF and DOCX for a
unit with 30 IKU and one with 300 (targets < 3 s and < 20 s, issue 31), on a small store of their own.
Last, how long the upload limits take to refuse hostile files (``BERKAS_TOLAK``: a 0.5 MB and a 4.6 MB .xlsx of
empty elements, a 28 MB CSV of 1.3 million rows; target ≤ 2 s) and the memory that takes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

AKAR_REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR_REPO))

import duckdb  # noqa: E402
import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402

from bench import sintetis  # noqa: E402
from kinerja import cli  # noqa: E402
from kinerja.masuk.importing import rencanakan, terapkan  # noqa: E402
from kinerja.masuk.loading import Jenis  # noqa: E402
from kinerja.rapat import deck, dialog  # noqa: E402
from kinerja.store import Storage  # noqa: E402
from kinerja_core.akses import Pelaku  # noqa: E402
from kinerja_core.capaian import nilai_iku  # noqa: E402
from kinerja_core.model import Iku, Konsolidasi, Perspektif, Polaritas  # noqa: E402

HALAMAN = ("pages/ringkasan.py", "pages/progres.py", "pages/peta.py", "pages/kaskade.py", "pages/dialog.py",
           "pages/unggah.py", "pages/riwayat.py", "pages/jejak.py")
TAHUN, TRIWULAN = 2025, 3


def ukuran(teks: str) -> int:
    """'300k' → 300000, '3M' → 3000000."""
    teks = teks.strip().lower()
    kali = {"k": 1_000, "m": 1_000_000}.get(teks[-1], 1)
    return int(float(teks.rstrip("km")) * kali)


def median(fungsi: Callable[[], object], ulang: int) -> float:
    """The median wall time of ``ulang`` calls, in seconds."""
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu)


LANTAI = str(AKAR_REPO / "bench" / "lantai.py")
"""The floors of issue 32, each run as its own process (``python bench/lantai.py impor-duckdb …``)."""


def proses_utuh(*argumen: str, hapus: Path | None = None) -> float:
    """The wall time of one whole process ``python ARGUMEN…`` (interpreter start-up included), its output discarded;
    ``hapus``: a DuckDB file removed first, outside the timer (a new file each run)."""
    if hapus is not None:
        for f in (hapus, hapus.with_name(hapus.name + ".wal")):
            f.unlink(missing_ok=True)
    mulai = time.perf_counter()
    proses = subprocess.run([sys.executable, *argumen], cwd=AKAR_REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, check=False)
    waktu = time.perf_counter() - mulai
    assert proses.returncode == 0, (argumen, proses.stderr.decode(errors="replace")[-2000:])
    return waktu


def terbaik_berselang(lantai: Callable[[], float], nyata: Callable[[], float], ulang: int) -> tuple[float, float]:
    """The best of ``ulang`` runs of a floor and of the real command, run by turns (floor, real, floor …) so that
    both meet the same machine, however busy: each callable returns its own time (``proses_utuh``)."""
    waktu_lantai, waktu_nyata = [], []
    for _ in range(ulang):
        waktu_lantai.append(lantai())
        waktu_nyata.append(nyata())
    return min(waktu_lantai), min(waktu_nyata)


def rasio(nyata: float, lantai: float, target: str) -> str:
    """'2.10× lantai (target ≤ 1,5×)'."""
    return f"{nyata / lantai:.2f}× lantai (target ≤ {target}×)"


def impor(data: sintetis.Kementerian, db: Path) -> None:
    """The whole import, every check and the preview included, as ``python -m kinerja import`` does it."""
    if db.exists():
        db.unlink()
    storage = Storage(db)
    rencana = rencanakan([(p.name, p.read_bytes()) for p in data.berkas], storage)
    assert rencana.sah, rencana.kesalahan[:3]
    terapkan(rencana, storage, Pelaku.sistem("bench"))


def lantai_tulis(data: sintetis.Kementerian, db: Path) -> Callable[[], None]:
    """The least any import that keeps its undo must do once the files are read: write the rows (already parsed
    and checked, outside the timer) into the store's own tables, keys and all, copy them into the revision
    log, commit. No check, no preview, no count: a floor for the import, not a way to import."""
    from kinerja.store.skema import KOLOM, TABEL

    rencana = rencanakan([(p.name, p.read_bytes()) for p in data.berkas], Storage(db.with_name("lantai-0.duckdb")))
    masuk = {nama: data for nama, data in ((j.value, rencana.data(j)) for j in Jenis) if not data.empty}

    def tulis() -> None:
        if db.exists():
            db.unlink()
        storage = Storage(db)
        with storage._transaksi(tulis=True) as con:  # the store's own file, schema and transaction
            con.execute("INSERT INTO revisi (id, waktu, pengguna, berkas, sha256, jenis, baru, berubah, sama) "
                        "VALUES (1, now(), 'bench', 'lantai', '', 'impor', 0, 0, 0)")
            for nama in (n for n in TABEL if n in masuk):
                con.register("masuk", pa.Table.from_pandas(masuk[nama][KOLOM[nama]], preserve_index=False))
                con.execute(f"INSERT INTO {nama} SELECT * FROM masuk")
                con.execute(f"INSERT INTO revisi_{nama} SELECT 1, * FROM masuk")
                con.unregister("masuk")

    return tulis


@contextlib.contextmanager
def db_postgres(server: str, nama: str):
    """A fresh database ``nama`` on ``server``, dropped afterwards; yields its URL."""
    import psycopg

    from kinerja.store.mesin_postgres import tutup

    def admin(perintah: str) -> None:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as con:
            con.execute(perintah)

    url = f"{server}/{nama}"
    admin(f"DROP DATABASE IF EXISTS {nama} WITH (FORCE)")
    admin(f"CREATE DATABASE {nama}")
    try:
        yield url
    finally:
        tutup(url)
        admin(f"DROP DATABASE IF EXISTS {nama} WITH (FORCE)")


def impor_pg(data: sintetis.Kementerian, server: str) -> None:
    """The same whole import into an empty PostgreSQL database."""
    with db_postgres(server, "kinerja_bench_impor") as url:
        storage = Storage(url)
        rencana = rencanakan([(p.name, p.read_bytes()) for p in data.berkas], storage)
        assert rencana.sah, rencana.kesalahan[:3]
        terapkan(rencana, storage, Pelaku.sistem("bench"))


def ukur_postgres(data: sintetis.Kementerian, db: Path, server: str, ulang: int, catat: Callable[..., None]) -> None:
    """The PostgreSQL rows: import, copy of the DuckDB file, scoring, the Ringkasan after a filter change."""
    u = 1 if data.jumlah_realisasi >= 1_000_000 else max(1, ulang // 2)
    catat("PostgreSQL: impor (semua pemeriksaan + pratinjau + simpan)", median(lambda: impor_pg(data, server), u))
    berkas = list(map(str, data.berkas))

    def di_db_baru(*argumen: str) -> Callable[[], float]:  # a whole process into a new, empty database ({url})
        def jalankan() -> float:
            with db_postgres(server, "kinerja_bench_proses") as url:
                return proses_utuh(*(url if a == "{url}" else a for a in argumen))
        return jalankan

    t_lantai, t_impor = terbaik_berselang(
        di_db_baru(LANTAI, "impor-postgresql", "{url}", *berkas),
        di_db_baru("-m", "kinerja", "import", *berkas, "--db", "{url}", "--user", "bench"), u)
    catat("PostgreSQL: lantai impor COPY (proses utuh)", t_lantai, "s", "COPY → tabel berkunci + log JSON + commit")
    catat("PostgreSQL: impor (proses utuh)", t_impor, "s", rasio(t_impor, t_lantai, "1,5"))
    t_salin = min(di_db_baru("-m", "kinerja", "copy", "--from", str(db), "--to", "{url}")() for _ in range(u))
    catat("PostgreSQL: copy berkas DuckDB (proses utuh)", t_salin, "s",
          f"{t_salin - t_lantai:.2f} s di atas lantai impor COPY (target ≤ 2 s)")
    with db_postgres(server, "kinerja_bench") as url:
        mulai = time.perf_counter()
        Storage(db).salin_ke(Storage(url))
        catat("PostgreSQL: salin berkas DuckDB ke PostgreSQL (copy)", time.perf_counter() - mulai)
        catat("PostgreSQL: score kementerian-tahun", median(lambda: skor_cli(url), ulang))
        t_mulai = min(proses_utuh("-m", "kinerja", "--help") for _ in range(ulang))
        # the command's own start-up on PostgreSQL: its module and the driver (psycopg), which --help never loads
        t_mulai_skor = min(proses_utuh("-c", "import kinerja.cli.skor, kinerja.store.mesin_postgres")
                           for _ in range(ulang))
        t_skor = min(proses_utuh("-m", "kinerja", "score", "--tahun", str(TAHUN), "--triwulan", str(TRIWULAN),
                                 "--format", "json", "--db", url) for _ in range(ulang))
        catat("PostgreSQL: score kementerian-tahun (proses utuh)", t_skor, "s",
              f"{t_skor - t_mulai:.2f} s di atas start-up --help {t_mulai:.2f} s; {t_skor - t_mulai_skor:.2f} s di "
              f"atas start-up score + psycopg {t_mulai_skor:.2f} s (target ≤ 0,3 s)")
        catat("PostgreSQL: score satu kantor", median(lambda: skor_cli(url, "--unit", data.kantor), ulang))
        for unit, nama in ((data.akar, "akar"), (data.kantor, "kantor")):
            catat(f"PostgreSQL: ringkasan setelah ganti triwulan ({nama})",
                  halaman_setelah_filter(url, unit, "pages/ringkasan.py", ulang))


def baca_duckdb(data: sintetis.Kementerian) -> None:
    """DuckDB's bare read of the three files into tables: the floor an import is compared with."""
    con = duckdb.connect()
    for p in data.berkas:
        con.execute(f"CREATE TABLE {p.stem} AS SELECT * FROM read_csv(?, delim=';', decimal_separator=',', "
                    "header=true)", [str(p)])
    con.close()


def skor_cli(db: Path | str, *argumen: str) -> None:
    """``python -m kinerja score`` in this process (interpreter start-up left out), output discarded."""
    with contextlib.redirect_stdout(io.StringIO()):
        kode = cli.main(["score", "--tahun", str(TAHUN), "--triwulan", str(TRIWULAN), "--format", "json",
                         "--db", str(db), *argumen])
    assert kode == 0


def skor_pandas_per_baris(data: sintetis.Kementerian) -> None:
    """What a peer writes: read the CSVs with pandas, join, and score each IKU with a row-wise ``apply``."""
    def berkas(jenis: str) -> Path:  # the one file, or the year's file where the ministry is split by year
        return next(p for p in data.berkas if p.stem in (jenis, f"{jenis}_{TAHUN}"))

    iku = pd.read_csv(berkas("iku"), sep=";", decimal=",", encoding="utf-8-sig")
    realisasi = pd.read_csv(berkas("realisasi"), sep=";", decimal=",", encoding="utf-8-sig")
    iku = iku[iku["tahun"] == TAHUN]
    realisasi = realisasi[realisasi["tahun"] == TAHUN].assign(
        q=lambda d: d["triwulan"].str.split().str[-1].map({"I": 1, "II": 2, "III": 3, "IV": 4}))
    lebar = realisasi.pivot_table(index=["kode_unit", "kode_iku"], columns="q", values="realisasi").reset_index()
    gabung = iku.merge(lebar, on=["kode_unit", "kode_iku"], how="left")

    def skor(r: pd.Series) -> float | None:
        i = Iku(r.kode_unit, r.kode_iku, r.nama_iku, Polaritas(r.polaritas), Konsolidasi(r.konsolidasi), r.bobot,
                tuple(None if pd.isna(r[f"target_tw{q}"]) else r[f"target_tw{q}"] for q in range(1, 5)),
                Perspektif(r.perspektif))
        return nilai_iku(i, tuple(None if pd.isna(r.get(q)) else r.get(q) for q in range(1, 5)), TRIWULAN).capaian.nilai

    gabung.apply(skor, axis=1)


def _apptest(db: Path | str, unit: str):
    from streamlit.testing.v1 import AppTest

    os.environ["KINERJA_DB"] = str(db)
    at = AppTest.from_file(str(AKAR_REPO / "app.py"), default_timeout=600).run()
    at.sidebar.selectbox(key="unit").set_value(unit).run()
    return at


def halaman_setelah_filter(db: Path | str, unit: str, halaman: str, ulang: int) -> float:
    """The server-side run of ``halaman`` after the quarter changes (alternating TW II / TW III), median."""
    at = _apptest(db, unit)
    at.switch_page(halaman).run()
    assert not at.exception, (halaman, at.exception)
    waktu = []
    for i in range(ulang):
        radio = at.sidebar.radio(key="triwulan")
        radio.set_value(radio.options[1 + (i + 1) % 2])
        mulai = time.perf_counter()
        at.run()
        waktu.append(time.perf_counter() - mulai)
        assert not at.exception, (halaman, at.exception)
    return statistics.median(waktu)


def slide_berikut(db: Path, unit: str, ulang: int) -> float:
    """The Dialog page's run after "Berikutnya", median."""
    at = _apptest(db, unit)
    at.switch_page("pages/dialog.py").run()
    waktu = []
    for _ in range(ulang):
        tombol = at.button(key="dialog_berikutnya")
        mulai = time.perf_counter()
        tombol.click().run()
        waktu.append(time.perf_counter() - mulai)
        assert not at.exception, at.exception
    return statistics.median(waktu)


def deck_150(db: Path, eselon1: str) -> Callable[[], bytes]:
    """The minutes of a Dialog with 150 IKU (an eselon I and its offices), ready to build."""
    isi = dialog.susun(Storage(db).baca(TAHUN), eselon1, TRIWULAN)
    isi = dialog.Dialog(isi.ringkasan, isi.slide[:150], isi.rapat)
    assert len(isi.slide) == 150
    return lambda: deck.buat_deck(isi)


def memori_puncak_mb(*argumen: str, kode_keluar: int = 0) -> float:
    """The peak resident memory (VmHWM: the process's own, not inherited) of ``python -m kinerja ARGUMEN``, MB
    (the command must end with ``kode_keluar``: 1 for a file that is refused)."""
    with tempfile.NamedTemporaryFile(suffix=".txt") as hasil:
        kode = (
            "import runpy, sys\n"
            f"sys.argv = ['kinerja', *{list(argumen)!r}]\n"
            "try:\n"
            "    runpy.run_module('kinerja', run_name='__main__', alter_sys=True)\n"
            "finally:\n"
            "    puncak = next(b for b in open('/proc/self/status') if b.startswith('VmHWM:')).split()[1]\n"
            f"    open({hasil.name!r}, 'w').write(puncak)\n"
        )
        proses = subprocess.run([sys.executable, "-c", kode], cwd=AKAR_REPO, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE if kode_keluar else None, check=False)
        assert proses.returncode == kode_keluar, (argumen, proses.returncode, proses.stderr)
        return int(Path(hasil.name).read_text()) / 1024


def xlsx_elemen_kosong(mib: int, k: int) -> bytes:
    """A workbook whose realisasi sheet holds its header, then ``mib`` MiB of empty elements: ``k`` × ``<row/>``
    and an empty cell with a random reference, over and over. The references keep it from compressing a thousand
    times: k=400 packs 100 MiB in 0.5 MB, k=165 packs 500 MiB in 4.6 MB (the files of issue 27, finding 7)."""
    acak = random.Random(27)
    blok = b"".join(b"<row/>" * k + b'<c r="A%d"/>' % acak.randrange(10**6) for _ in range((1 << 20) // (6 * k + 14)))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    judul = "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{k}</t></is></c>'
                    for i, k in enumerate(("tahun", "triwulan", "kode_unit", "kode_iku", "realisasi")))
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_rels/.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   f'relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
                   "</Relationships>")
        z.writestr("xl/workbook.xml", f'<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="realisasi" sheetId="1" '
                   'r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                   f'2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(f'<worksheet {ns}><sheetData><row r="1">{judul}</row>'.encode())
            for _ in range(mib):
                f.write(blok)
            f.write(b"</sheetData></worksheet>")
    return keluaran.getvalue()


BERKAS_TOLAK: tuple[tuple[str, str, Callable[[], bytes]], ...] = (
    ("xlsx 0,5 MB berisi 100 MiB elemen kosong", "kosong.xlsx", lambda: xlsx_elemen_kosong(100, 400)),
    ("xlsx 4,6 MB berisi 500 MiB elemen kosong", "kosong-besar.xlsx", lambda: xlsx_elemen_kosong(500, 165)),
    ("CSV 28 MB berisi 1,3 juta baris", "besar.csv",
     lambda: b"tahun;triwulan;kode_unit;kode_iku;realisasi\n" + b"2019;3;KPPBC;BGR-01;4\n" * 1_300_000),
)
"""Hostile uploads the limits must refuse in at most 2 s (issue 27, finding 7): what, file name, its bytes."""


def ukur_tolak(ulang: int, catat: Callable[..., None]) -> None:
    """How long each of BERKAS_TOLAK takes to be refused (the whole ``rencanakan``, median), the Python memory
    the refusal allocates (tracemalloc), and the peak memory of ``python -m kinerja import`` refusing it."""
    print("\nberkas berbahaya: ditolak dalam berapa lama", flush=True)
    with tempfile.TemporaryDirectory(prefix="kinerja-bench-tolak-") as d:
        folder = Path(d)
        storage = Storage(folder / "kinerja.duckdb")
        kosong = folder / "kosong.csv"
        kosong.write_bytes(b"")
        catat("memori puncak: import berkas kosong (ditolak; dasar proses)", memori_puncak_mb(
            "import", str(kosong), "--db", str(folder / "m.duckdb"), "--user", "bench", kode_keluar=1), "MB")
        for apa, nama, buat in BERKAS_TOLAK:
            isi = buat()
            rencana = rencanakan([(nama, isi)], storage)
            assert not rencana.sah, apa
            pesan = str(rencana.kesalahan[0]).removeprefix(f"{nama}: ")
            catat(f"tolak {apa}", median(lambda nama=nama, isi=isi: rencanakan([(nama, isi)], storage), ulang), "s",
                  f"{len(isi) / 1e6:.1f} MB; target ≤ 2 s; «{pesan[:70]}…»")
            tracemalloc.start()
            try:
                rencanakan([(nama, isi)], storage)
                puncak = tracemalloc.get_traced_memory()[1] / 2**20
            finally:
                tracemalloc.stop()
            catat(f"memori Python (tracemalloc): tolak {apa}", puncak, "MB", "di luar isi berkas itu sendiri")
            path = folder / nama
            path.write_bytes(isi)
            catat(f"memori puncak: import {apa} (ditolak)", memori_puncak_mb(
                "import", str(path), "--db", str(folder / "m.duckdb"), "--user", "bench", kode_keluar=1), "MB")
            path.unlink()


def pencatat(baris: list[tuple[str, float, str, str]]) -> Callable[..., None]:
    """``catat(apa, nilai, satuan="s", catatan="")``: one figure kept in ``baris`` and printed as it comes."""

    def catat(apa: str, nilai: float, satuan: str = "s", catatan: str = "") -> None:
        baris.append((apa, nilai, satuan, catatan))
        print(f"  {apa:<58} {nilai:9.3f} {satuan:<3} {catatan}", flush=True)

    return catat


def ukur(n: int, ulang: int, postgresql: str | None = None) -> list[tuple[str, float, str, str]]:
    """All figures for one size: (what, value, unit, target/ratio)."""
    baris: list[tuple[str, float, str, str]] = []
    catat = pencatat(baris)

    with tempfile.TemporaryDirectory(prefix="kinerja-bench-") as d:
        folder = Path(d)
        data = sintetis.buat(folder / "data", n)
        print(f"\n{data.jumlah_realisasi:,} realisasi · {data.jumlah_unit:,} unit · "
              f"{data.jumlah_unit * sintetis.IKU_PER_UNIT * len(sintetis.TAHUN):,} IKU", flush=True)
        db = folder / "kinerja.duckdb"
        u = 1 if n >= 1_000_000 else ulang
        t_duck = median(lambda: baca_duckdb(data), u)
        catat("DuckDB read_csv (3 berkas)", t_duck)
        t_impor = median(lambda: impor(data, db), u)
        catat("impor (semua pemeriksaan + pratinjau + simpan)", t_impor, "s",
              f"{t_impor / t_duck:.1f}× read_csv (target ≤ 3× dan ≤ 2 s)")
        t_lantai = median(lantai_tulis(data, folder / "lantai.duckdb"), u)
        catat("lantai: tulis baris + log revisi + commit (tanpa baca, tanpa pemeriksaan)", t_lantai, "s",
              f"baca + tulis saja: {(t_duck + t_lantai) / t_duck:.1f}× read_csv")
        berkas = list(map(str, data.berkas))
        lantai_db, baru = folder / "lantai-proses.duckdb", folder / "impor-proses.duckdb"
        t_lantai_p, t_impor_p = terbaik_berselang(
            lambda: proses_utuh(LANTAI, "impor-duckdb", str(lantai_db), *berkas, hapus=lantai_db),
            lambda: proses_utuh("-m", "kinerja", "import", *berkas, "--db", str(baru), "--user", "bench", hapus=baru),
            u)
        catat("lantai impor (proses utuh)", t_lantai_p, "s", "DuckDB baru: read_csv → tabel berkunci + log JSON + commit")
        catat("impor (proses utuh)", t_impor_p, "s", rasio(t_impor_p, t_lantai_p, "1,5" if n <= 300_000 else "2"))
        skor = ["score", "--tahun", str(TAHUN), "--triwulan", str(TRIWULAN), "--format", "json", "--db", str(db)]
        t_lantai_s, t_skor_p = terbaik_berselang(
            lambda: proses_utuh(LANTAI, "skor-duckdb", str(db), str(TAHUN), str(TRIWULAN)),
            lambda: proses_utuh("-m", "kinerja", *skor), ulang)
        catat("lantai score kementerian-tahun (proses utuh)", t_lantai_s, "s", "satu kueri SQL, baca saja, JSON")
        catat("score kementerian-tahun (proses utuh)", t_skor_p, "s", rasio(t_skor_p, t_lantai_s, "1,5"))
        t_skor = median(lambda: skor_cli(db), ulang)
        t_pandas = median(lambda: skor_pandas_per_baris(data), 1 if n >= 1_000_000 else max(1, ulang // 2))
        catat("score kementerian-tahun (--format json)", t_skor, "s",
              f"pandas per baris {t_pandas:.2f} s: {t_pandas / t_skor:.1f}× lebih cepat (target ≤ 0,5 s, ≥ 10×)")
        catat("score satu kantor", median(lambda: skor_cli(db, "--unit", data.kantor), ulang))
        for unit, nama in ((data.akar, "akar"), (data.kantor, "kantor")):
            for h in HALAMAN:
                catat(f"{Path(h).stem} setelah ganti triwulan ({nama})", halaman_setelah_filter(db, unit, h, ulang),
                      "s", "target ≤ 0,3 s" if n <= 300_000 else "target < 1 s")
        catat("Dialog: slide berikutnya (kantor)", slide_berikut(db, data.kantor, ulang), "s", "target ≤ 0,2 s")
        catat("PPTX 150 IKU", median(deck_150(db, data.eselon1), max(1, ulang // 2)), "s", "target ≤ 5 s")
        catat("memori puncak: impor", memori_puncak_mb(
            "import", *map(str, data.berkas), "--db", str(folder / "m.duckdb"), "--user", "bench"), "MB")
        catat("memori puncak: score kementerian-tahun", memori_puncak_mb(
            "score", "--tahun", str(TAHUN), "--triwulan", str(TRIWULAN), "--format", "json", "--db", str(db)), "MB")
        if postgresql:
            ukur_postgres(data, db, postgresql, ulang, catat)
    return baris


DOKUMEN_IKU = ((30, 3.0), (300, 20.0))
"""The quarterly reports timed: IKU of the unit, target in seconds (issue 31)."""


def data_dokumen(folder: Path) -> Path:
    """A store with one unit of 30 IKU and one of 300 (``U30``, ``U300``), TW I–III reported with kendala and
    rencana aksi, written as people export it and imported: what the quarterly report's timing reads."""
    perspektif = ("Stakeholder", "Customer", "Internal Process", "Learning & Growth")
    unit = ["kode_unit;nama_unit;kode_induk", "BENCH;Kementerian Uji;", "U30;Kantor Uji 30 IKU;BENCH",
            "U300;Kantor Uji 300 IKU;BENCH"]
    iku = [("tahun;kode_unit;kode_iku;nama_iku;sasaran_strategis;perspektif;satuan;polaritas;konsolidasi;bobot;"
            "target_tw1;target_tw2;target_tw3;target_tw4")]
    realisasi = ["tahun;triwulan;kode_unit;kode_iku;realisasi;kendala;rencana_aksi"]
    acak = random.Random(31)
    for kode, n in (("U30", 30), ("U300", 300)):
        for i in range(1, n + 1):
            k = f"{kode}-{i:03d}"
            iku.append(f"{TAHUN};{kode};{k};Persentase penyelesaian layanan nomor {i} tepat waktu;Sasaran strategis "
                       f"{i % 7 + 1};{perspektif[i % 4]};%;maximize;average;{1 + i % 5};90;90;92;95")
            for q in (1, 2, 3):
                realisasi.append(f"{TAHUN};{q};{kode};{k};{acak.uniform(60, 110):.2f}".replace(".", ",")
                                 + f";Kendala triwulan {q}: data dari daerah terlambat;Rencana aksi: percepat "
                                   f"rekonsiliasi bulanan")
    berkas = []
    for nama, baris in (("unit.csv", unit), ("iku.csv", iku), ("realisasi.csv", realisasi)):
        (folder / nama).write_text("\n".join(baris) + "\n", encoding="utf-8")
        berkas.append((nama, (folder / nama).read_bytes()))
    db = folder / "dokumen.duckdb"
    storage = Storage(db)
    rencana = rencanakan(berkas, storage, Pelaku.sistem("bench"))
    assert rencana.sah, [str(k) for k in rencana.kesalahan[:3]]
    terapkan(rencana, storage, Pelaku.sistem("bench"))
    return db


def ukur_dokumen(ulang: int, catat: Callable[..., None]) -> None:
    """The quarterly report of the 30- and the 300-IKU unit, PDF and DOCX: build (``triwulan.susun``) and render,
    as ``report`` does them (``kinerja.dokumen.buat``), median."""
    from kinerja.dokumen import Permintaan
    from kinerja.dokumen.buat import buat

    print("\ndokumen: laporan kinerja triwulanan", flush=True)
    with tempfile.TemporaryDirectory(prefix="kinerja-bench-dokumen-") as d:
        storage = Storage(data_dokumen(Path(d)))
        for n, target in DOKUMEN_IKU:
            p = Permintaan("triwulan", TAHUN, f"U{n}", TRIWULAN)
            for bentuk in ("pdf", "docx"):
                halaman = ""
                if bentuk == "pdf":
                    from pypdf import PdfReader

                    berkas = buat(storage, p, bentuk, pelaku=Pelaku.sistem("bench"))
                    halaman = f"{len(PdfReader(io.BytesIO(berkas.data)).pages)} halaman; "
                waktu = median(lambda p=p, bentuk=bentuk: buat(storage, p, bentuk, pelaku=Pelaku.sistem("bench")),
                               max(1, ulang // 2) if n > 30 else ulang)
                catat(f"laporan triwulan {bentuk.upper()} {n} IKU", waktu, "s", f"{halaman}target < {target:g} s")


def ukur_mulai(ulang: int, catat: Callable[..., None]) -> None:
    """What each command pays before it does anything (issue 32: a command pays only for what it uses): a whole
    process that imports the command's module, as ``python -m kinerja COMMAND`` does before it opens the database,
    and ``--help``, which imports the parser alone. Median of whole processes, interpreter start-up included."""
    from kinerja.cli import PERINTAH

    print("\nstart-up per perintah (proses utuh)", flush=True)

    def proses(*argumen: str) -> Callable[[], object]:
        return lambda: subprocess.run([sys.executable, *argumen], cwd=AKAR_REPO, check=True, capture_output=True)

    catat("python -c pass (lantai: interpreter saja)", median(proses("-c", "pass"), ulang), "s", "")
    catat("python -m kinerja --help", median(proses("-m", "kinerja", "--help"), ulang), "s", "target < 0,3 s")
    for modul in sorted({m for m, _ in PERINTAH.values()}):
        nama = ", ".join(k for k, (m, _) in PERINTAH.items() if m == modul)
        catat(f"{nama}: impor kinerja.cli.{modul}", median(proses("-c", f"import kinerja.cli.{modul}"), ulang), "s", "")


def siapkan_bytecode() -> None:
    """Compile the project's modules once, as an installation has them (pip writes the bytecode of what it installs,
    Python of what it imports): where the environment says not to write bytecode (``PYTHONDONTWRITEBYTECODE``, as on
    these machines), every measured process would otherwise compile each module it imports again, a cost no running
    installation pays. The floors' one small module is compiled the same way."""
    import compileall

    for folder in ("kinerja", "kinerja_core", "bench"):
        compileall.compile_dir(AKAR_REPO / folder, quiet=1)


def mesin() -> str:
    return f"{platform.machine()}, {os.cpu_count()} inti, Python {platform.python_version()}, {platform.system()}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="10k,300k", help="jumlah baris realisasi, dipisah koma (mis. 10k,300k,3M)")
    p.add_argument("--ulang", type=int, default=5, help="ulangan per angka (median)")
    p.add_argument("--keluaran", type=Path, help="berkas hasil (bawaan bench/results.md; dengan --hanya-tolak "
                   "tidak ada yang ditulis kecuali diminta)")
    p.add_argument("--postgresql", metavar="SERVER", help="server PostgreSQL (postgresql://user@host:port) untuk baris "
                   "PostgreSQL; basis data uji dibuat dan dihapus di sana")
    p.add_argument("--hanya-tolak", action="store_true", help="hanya waktu penolakan berkas berbahaya (BERKAS_TOLAK)")
    p.add_argument("--hanya-dokumen", action="store_true", help="hanya waktu laporan triwulan PDF/DOCX (30, 300 IKU)")
    p.add_argument("--hanya-mulai", action="store_true", help="hanya start-up tiap perintah (proses utuh)")
    args = p.parse_args(argv)
    siapkan_bytecode()
    hasil: dict[str, list[tuple[str, float, str, str]]] = {}
    if not args.hanya_tolak:
        hasil["Start-up"] = mulai = []

        ukur_mulai(args.ulang, pencatat(mulai))
        if args.hanya_mulai:
            return 0
    if not (args.hanya_tolak or args.hanya_dokumen or args.hanya_mulai):
        for teks in args.sizes.split(","):
            hasil[f"{teks.strip()} baris realisasi"] = ukur(ukuran(teks), args.ulang, args.postgresql)
    if not args.hanya_tolak:
        hasil["Dokumen"] = dokumen = []

        ukur_dokumen(args.ulang, pencatat(dokumen))
        if args.hanya_dokumen:
            return 0
    hasil["Berkas berbahaya ditolak"] = tolak = []

    ukur_tolak(args.ulang, pencatat(tolak))
    keluaran = args.keluaran or (None if args.hanya_tolak else AKAR_REPO / "bench" / "results.md")
    if keluaran is None:
        return 0
    perintah = "--hanya-tolak" if args.hanya_tolak else f"--sizes {args.sizes}"
    baris = [f"# Dasbor Kinerja — benchmark ({time.strftime('%Y-%m-%d')})", "",
             (f"Mesin: {mesin()}. Median dari {args.ulang} ulangan (proses utuh lawan lantai: yang terbaik; modul sudah "
              "dikompilasi ke bytecode, seperti pada instalasi). "
              f"`python bench/run.py {perintah}`"), ""]
    for judul, isi in hasil.items():
        baris += [f"## {judul}", "", "| ukuran | nilai | catatan |", "|---|---:|---|"]
        baris += [f"| {apa} | {nilai:.3f} {satuan} | {catatan} |" for apa, nilai, satuan, catatan in isi]
        baris.append("")
    keluaran.write_text("\n".join(baris), encoding="utf-8")
    print(f"\n→ {keluaran}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
