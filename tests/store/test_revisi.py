"""Revisions: every commit is one, undo restores exactly, and the store always equals a replay of the
surviving revisions. Also concurrent uploads and a process killed in the middle of a commit. On both engines,
but for the kill, which is about DuckDB's file (PostgreSQL's server rolls back a dead client's transaction)."""

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.store import TABEL, RevisiDitolak, Storage
from kinerja_core.akses import Pelaku
from tests.conftest import AKAR, salinan_contoh

KEDUA_MESIN = True
KEPALA = "tahun;triwulan;kode_unit;kode_iku;realisasi;kendala"


def data(storage: Storage) -> dict[str, pd.DataFrame]:
    return {nama: storage.tabel(nama) for nama in TABEL}


def sama(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for nama in TABEL:
        pd.testing.assert_frame_equal(a[nama], b[nama], obj=nama)


def csv(*baris: str) -> bytes:
    return "\n".join([KEPALA, *baris]).encode()


def unggah(storage: Storage, isi: bytes, pengguna: str = "uji"):
    rencana = rencanakan([("r.csv", isi)], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    return terapkan(rencana, storage, Pelaku.sistem(pengguna))


def test_batal_mengembalikan_persis(storage):
    sebelum = data(storage)
    revisi = unggah(storage, csv("2019;3;KPPBCBOGOR;BGR-01;10;baru", "2019;4;KPPBCBOGOR;BGR-01;50;",
                                 "2019;2;KPPBCBOGOR;BGR-02;;catatan"))
    assert (revisi.id, revisi.pengguna, revisi.berkas, revisi.baru, revisi.berubah) == (2, "uji", "r.csv", 1, 2)
    assert len(revisi.sha256) == 64
    batal = storage.batalkan(revisi.id, pelaku=Pelaku.sistem("admin"))
    assert (batal.id, batal.jenis, batal.membatalkan, batal.berubah, batal.dihapus) == (3, "batal", 2, 2, 1)
    sama(sebelum, data(storage))
    daftar = {r.id: r for r in storage.daftar_revisi()}
    assert daftar[2].dibatalkan_oleh == 3
    with pytest.raises(RevisiDitolak, match="sudah dibatalkan oleh revisi 3"):
        storage.batalkan(2, pelaku=Pelaku.sistem("admin"))
    with pytest.raises(RevisiDitolak, match="pembatalan"):
        storage.batalkan(3, pelaku=Pelaku.sistem("admin"))
    with pytest.raises(RevisiDitolak, match="tidak ada"):
        storage.batalkan(99, pelaku=Pelaku.sistem("admin"))


def test_batal_menghormati_revisi_sesudahnya(storage):
    pertama = unggah(storage, csv("2019;3;KPPBCBOGOR;BGR-01;10;", "2019;3;KPPBCBOGOR;BGR-02;11;"))
    unggah(storage, csv("2019;3;KPPBCBOGOR;BGR-02;22;"))
    storage.batalkan(pertama.id, pelaku=Pelaku.sistem("admin"))
    r = storage.baca(2019).realisasi.set_index(["kode_iku", "triwulan"])["realisasi"]
    assert r[("BGR-01", 3)] == 48.2  # back to the sample value
    assert r[("BGR-02", 3)] == 22.0  # the later revision still stands


def test_batal_ditolak_bila_meninggalkan_realisasi_tanpa_iku(storage):
    iku = (b"tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
           b"target_tw3;target_tw4\n2019;KPPBCBOGOR;BGR-17;Sosialisasi;Customer;maximize;sum;2;1;1;1;1\n")
    revisi_iku = terapkan(rencanakan([("iku.csv", iku)], storage), storage, Pelaku.sistem("uji"))
    unggah(storage, csv("2019;1;KPPBCBOGOR;BGR-17;1;"))
    sebelum = data(storage)
    with pytest.raises(RevisiDitolak, match="realisasi IKU BGR-17 masih ada"):
        storage.batalkan(revisi_iku.id, pelaku=Pelaku.sistem("admin"))
    sama(sebelum, data(storage))
    assert storage.daftar_revisi()[0].id == 3  # the refused undo left no revision behind


# --- property: the store equals a replay of the surviving revisions -------------------------------------------

IKU_UJI = ["BGR-01", "BGR-02", "BGR-05"]
baris = st.tuples(st.sampled_from(IKU_UJI), st.integers(1, 4), st.sampled_from([None, 1.0, 2.5, 40.0]),
                  st.sampled_from([None, "a", "b"]))
unggahan = st.lists(baris, min_size=1, max_size=4, unique_by=lambda b: (b[0], b[1]))
langkah = st.lists(st.one_of(st.tuples(st.just("unggah"), unggahan), st.tuples(st.just("batal"), st.integers(0, 20))),
                   min_size=1, max_size=7)


def isi_unggahan(daftar) -> bytes:
    return csv(*(f"2019;{q};KPPBCBOGOR;{kode};{'' if r is None else r};{k or ''}" for kode, q, r, k in daftar))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(langkah=langkah)
def test_unggah_dan_batal_sama_dengan_memutar_ulang_revisi_yang_tersisa(mesin, request, langkah):
    with salinan_contoh(mesin, request) as db, salinan_contoh(mesin, request) as db_ulang:
        storage = Storage(db)
        catatan = {}  # revision id → what it uploaded; revision 1, the sample data, always stands
        hidup = []
        for jenis, nilai in langkah:
            if jenis == "unggah":
                isi = isi_unggahan(nilai)
                catatan[unggah(storage, isi).id] = isi
                hidup.append(max(catatan))
            elif hidup:
                target = hidup[nilai % len(hidup)]
                sebelum = data(storage)
                try:
                    storage.batalkan(target, pelaku=Pelaku.sistem("uji"))
                    hidup.remove(target)
                except RevisiDitolak:
                    sama(sebelum, data(storage))
        # replay: revision 1 (the sample data, as _db_contoh was built from scratch), then the survivors
        ulang = Storage(db_ulang)
        for revisi in hidup:
            terapkan(rencanakan([("r.csv", catatan[revisi])], ulang), ulang, Pelaku.sistem("ulang"))
        sama(data(ulang), data(storage))


# --- concurrency and crashes ----------------------------------------------------------------------------------

def test_dua_unggahan_bersamaan_dalam_satu_server(storage):
    """Two browser sessions saving at the same moment: both land, one after the other, nothing lost."""
    mulai = threading.Barrier(2, timeout=60)
    hasil, galat = {}, []

    def simpan(nilai):
        try:
            rencana = rencanakan([(f"r{nilai}.csv", csv(f"2019;3;KPPBCBOGOR;BGR-01;{nilai};",
                                                        f"2019;3;KPPBCBOGOR;BGR-0{nilai // 10};{nilai};"))], storage)
            mulai.wait()
            hasil[nilai] = terapkan(rencana, storage, Pelaku.sistem(f"sesi{nilai}"))
        except Exception as e:  # noqa: BLE001 - reported by the assertion below
            mulai.abort()
            galat.append(e)

    utas = [threading.Thread(target=simpan, args=(n,)) for n in (20, 30)]
    for u in utas:
        u.start()
    for u in utas:
        u.join(timeout=120)
    assert not galat
    assert sorted(r.id for r in hasil.values()) == [2, 3]
    terakhir = max(hasil.values(), key=lambda r: r.id)
    r = storage.baca(2019).realisasi.set_index(["kode_iku", "triwulan"])["realisasi"]
    assert r[("BGR-01", 3)] == float(terakhir.pengguna.removeprefix("sesi"))
    assert (r[("BGR-02", 3)], r[("BGR-03", 3)]) == (20.0, 30.0)  # neither upload lost its other row
    assert [v.pengguna for v in storage.daftar_revisi()][:2] == [terakhir.pengguna,
                                                                  min(hasil.values(), key=lambda r: r.id).pengguna]


def kinerja(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kinerja", *args], cwd=AKAR, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_dua_proses_mengimpor_bersamaan(db_contoh, tmp_path):
    """Two administrators running the command line at once: both succeed in turn or one is told to retry."""
    berkas = []
    for n in (7, 8):
        f = tmp_path / f"r{n}.csv"
        f.write_bytes(csv(f"2019;3;KPPBCBOGOR;BGR-01;{n};"))
        berkas.append(f)
    proses = [kinerja("import", str(f), "--db", str(db_contoh), "--user", f.stem) for f in berkas]
    keluaran = [(p.wait(timeout=120), *p.communicate()) for p in proses]
    berhasil = [berkas[i].stem for i, (kode, _, _) in enumerate(keluaran) if kode == 0]
    for kode, _, galat in keluaran:
        assert kode == 0 or "Coba lagi" in galat
    assert berhasil
    storage = Storage(db_contoh)
    revisi = storage.daftar_revisi()
    assert sorted(r.pengguna for r in revisi[: len(berhasil)]) == sorted(berhasil)
    nilai = storage.baca(2019).realisasi.query("kode_iku == 'BGR-01' and triwulan == 3")["realisasi"].item()
    assert nilai == float(revisi[0].pengguna[1:])  # the later revision's value stands


@pytest.fixture(scope="module")
def db_besar(tmp_path_factory, _db_contoh) -> tuple[Path, Path]:
    """The sample database plus 20 000 IKU, and a realisasi file of 80 000 rows for them."""
    folder = tmp_path_factory.mktemp("besar")
    path = folder / "besar.duckdb"
    shutil.copy(_db_contoh, path)
    iku = [("tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
            "target_tw3;target_tw4")]
    iku += [f"2020;BTP;B-{i};IKU {i};Customer;maximize;sum;1;1;1;1;1" for i in range(20000)]
    terapkan(rencanakan([("iku.csv", "\n".join(iku).encode())], Storage(path)), Storage(path), Pelaku.sistem("uji"))
    realisasi = folder / "realisasi.csv"
    realisasi.write_text("\n".join([KEPALA, *(f"2020;{q};BTP;B-{i};{q},5;" for i in range(20000) for q in (1, 2, 3, 4))]))
    return path, realisasi


def hitung(path: Path) -> tuple[int, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        realisasi = con.execute("SELECT count(*) FROM realisasi WHERE tahun = 2020").fetchone()[0]
        revisi = con.execute("SELECT count(*) FROM revisi").fetchone()[0]
    return realisasi, revisi


@pytest.mark.hanya_duckdb
@pytest.mark.parametrize("bagian", [0.6, 0.9])
def test_proses_dibunuh_di_tengah_commit_meninggalkan_data_lama_atau_baru(db_besar, tmp_path, bagian):
    sumber, realisasi = db_besar
    # how long a whole import takes on this machine, to aim the kill inside it
    ukur = tmp_path / "ukur.duckdb"
    shutil.copy(sumber, ukur)
    awal = time.monotonic()
    assert kinerja("import", str(realisasi), "--db", str(ukur)).wait(timeout=300) == 0
    lama = time.monotonic() - awal
    assert hitung(ukur) == (80000, 3)

    path = tmp_path / "bunuh.duckdb"
    shutil.copy(sumber, path)
    proses = kinerja("import", str(realisasi), "--db", str(path))
    time.sleep(lama * bagian)
    os.kill(proses.pid, signal.SIGKILL)
    proses.wait(timeout=30)
    assert hitung(path) in {(0, 2), (80000, 3)}  # old data or new data, never a mix
    # and the file is healthy: the next import works and lands completely
    assert kinerja("import", str(realisasi), "--db", str(path)).wait(timeout=300) == 0
    assert hitung(path)[0] == 80000
