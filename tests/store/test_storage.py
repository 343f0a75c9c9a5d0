"""The store on both engines (a real DuckDB file, a real PostgreSQL database): seed, upsert, all-or-nothing writes;
and on DuckDB a busy file."""

import subprocess
import sys
import textwrap
import time

import duckdb
import pandas as pd
import psycopg
import pytest

from kinerja.masuk.importing import muat_contoh, rencanakan, terapkan
from kinerja.store import DatabaseBusy, Storage
from kinerja_core.akses import Pelaku

KEDUA_MESIN = True


def isi(storage: Storage) -> dict[str, pd.DataFrame]:
    """Every stored row, for before/after comparisons."""
    snap = storage.baca()
    return {"unit": snap.unit, "iku": snap.iku, "realisasi": snap.realisasi, "komponen": snap.komponen}


def sama_persis(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for nama in a:
        pd.testing.assert_frame_equal(a[nama], b[nama])


def realisasi_csv(*baris: str) -> bytes:
    return ("tahun;triwulan;kode_unit;kode_iku;realisasi;kendala;rencana_aksi\n" + "\n".join(baris) + "\n").encode()


def test_seed_pada_basis_data_kosong(db_kosong):
    storage = Storage(db_kosong)
    assert storage.kosong()
    assert muat_contoh(storage) is True
    data = isi(storage)
    # 115 realisasi rows stored, read with the 20 computed quarters beside them (BPPT's four IKU from the Pusat,
    # Bogor's BGR-11 and BGR-14 from their komponen)
    assert (len(data["unit"]), len(data["iku"]), len(data["realisasi"]), len(data["komponen"])) == (9, 43, 135, 8)
    assert muat_contoh(storage) is False  # never seeds twice
    assert len(isi(storage)["realisasi"]) == 135
    assert storage.daftar_tahun() == [2019, 2017]


def test_upsert_mengubah_dan_menambah(storage):
    rencana = rencanakan([("r.csv", realisasi_csv(
        "2019;TW III;KPPBCBOGOR;BGR-01;50;;",           # changed value
        "2019;TW IV;KPPBCBOGOR;BGR-01;46,5;;",           # new quarter
        "2019;TW II;KPPBCBOGOR;BGR-02;;Cukai turun;",   # blank realisasi: keeps the stored one, adds a note
    ))], storage)
    assert rencana.sah
    (p,) = rencana.perubahan
    assert (p.baru, p.berubah, p.sama) == (1, 2, 0)
    sebelum = storage.baca(2019).realisasi.set_index(["kode_iku", "triwulan"])
    terapkan(rencana, storage, Pelaku.sistem("uji"))
    r = storage.baca(2019).realisasi.set_index(["kode_iku", "triwulan"])
    assert r.loc[("BGR-01", 3), "realisasi"] == 50
    assert r.loc[("BGR-01", 4), "realisasi"] == 46.5
    assert r.loc[("BGR-02", 2), "realisasi"] == sebelum.loc[("BGR-02", 2), "realisasi"]
    assert r.loc[("BGR-02", 2), "kendala"] == "Cukai turun"
    assert len(r) == len(sebelum) + 1


def test_unggahan_yang_sama_dua_kali_tidak_mengubah_apa_pun(storage):
    berkas = [("r.csv", realisasi_csv("2019;3;KPPBCBOGOR;BGR-01;50;;"))]
    terapkan(rencanakan(berkas, storage), storage, Pelaku.sistem("uji"))
    sebelum = isi(storage)
    rencana = rencanakan(berkas, storage)
    assert not rencana.ada_perubahan and rencana.perubahan[0].sama == 1
    terapkan(rencana, storage, Pelaku.sistem("uji"))
    sama_persis(sebelum, isi(storage))


def test_unggahan_gagal_tidak_mengubah_apa_pun(storage):
    sebelum = isi(storage)
    rencana = rencanakan([
        ("iku.csv", (b"tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;"
                     b"target_tw2;target_tw3;target_tw4\n2019;KPPBCBOGOR;BGR-99;IKU baru;Customer;maximize;sum;5;1;1;1;1\n")),
        ("realisasi.csv", realisasi_csv("2019;3;KPPBCBOGOR;BGR-99;1;;", "2019;3;KPPBCBOGOR;BGR-01;x;;")),
    ], storage)
    assert not rencana.sah
    with pytest.raises(ValueError):
        terapkan(rencana, storage, Pelaku.sistem("uji"))
    sama_persis(sebelum, isi(storage))


def test_kegagalan_di_tengah_transaksi_dibatalkan_seluruhnya(storage):
    """Units and IKU written before a failing realisasi insert are rolled back with it."""
    sebelum = isi(storage)
    unit = pd.DataFrame({"kode_unit": ["BARU"], "nama_unit": ["Unit baru"], "kode_induk": [None]})
    iku = sebelum["iku"].head(1).assign(nama_iku="nama diganti")
    realisasi = sebelum["realisasi"].head(1).assign(triwulan=7)  # violates CHECK (triwulan BETWEEN 1 AND 4)
    with pytest.raises((duckdb.ConstraintException, psycopg.errors.CheckViolation)):
        storage.simpan({"unit": unit, "iku": iku, "realisasi": realisasi}, pelaku=Pelaku.sistem("uji"), berkas="x", sha256="")
    sama_persis(sebelum, isi(storage))


def test_rujukan_tidak_dikenal(storage):
    rencana = rencanakan([("r.csv", realisasi_csv("2019;3;KPPBCBOGOR;BGR-77;1;;", "2018;3;KPPBCBOGOR;BGR-01;1;;"))],
                         storage)
    assert [str(k) for k in rencana.kesalahan] == [
        ("r.csv, baris 2, kolom kode_iku: IKU 'BGR-77' unit KPPBCBOGOR tahun 2019 tidak dikenal "
         "(belum ada di iku.csv maupun basis data) — mungkin maksudnya BGR-07?"),
        ("r.csv, baris 3, kolom kode_iku: IKU 'BGR-01' unit KPPBCBOGOR tahun 2018 tidak dikenal "
         "(belum ada di iku.csv maupun basis data) — kode ini terdaftar untuk unit KPPBCBOGOR tahun 2019"),
    ]


def test_iku_baru_dan_realisasinya_dalam_satu_unggahan(storage):
    rencana = rencanakan([
        ("unit.csv", b"kode_unit;nama_unit;kode_induk\nKPPBCCKR;KPPBC TMP A Cikarang;KWBCJABAR\n"),
        ("iku.csv", (b"tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;"
                     b"target_tw2;target_tw3;target_tw4\n2019;KPPBCCKR;CKR-01;Penerimaan;Stakeholder;maximize;sum;"
                     b"100;10;10;10;10\n")),
        ("realisasi.csv", realisasi_csv("2019;1;KPPBCCKR;CKR-01;12;;")),
    ], storage)
    assert rencana.sah, rencana.kesalahan
    terapkan(rencana, storage, Pelaku.sistem("uji"))
    assert "KPPBCCKR" in set(storage.baca(2019).unit["kode_unit"])


def test_induk_tidak_dikenal(storage):
    rencana = rencanakan([("unit.csv", b"kode_unit;nama_unit;kode_induk\nX;Unit X;TIDAKADA\nY;Unit Y;Y\n")], storage)
    assert [str(k) for k in rencana.kesalahan] == [
        "unit.csv, baris 2, kolom kode_induk: kode induk 'TIDAKADA' tidak dikenal",
        "unit.csv, baris 3, kolom kode_induk: siklus: unit Y akan menjadi induk dirinya sendiri (Y → Y; panah menuju induk)",
    ]


def test_tanda_versi_berubah_setelah_menulis(storage):
    sebelum = storage.tanda_versi()
    terapkan(rencanakan([("r.csv", realisasi_csv("2019;3;KPPBCBOGOR;BGR-01;1;;"))], storage), storage, Pelaku.sistem("uji"))
    assert storage.tanda_versi() != sebelum


@pytest.fixture
def pemegang_kunci(db_contoh):
    """Another process holding the database file open, as a long import would."""
    kode = textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db_contoh)!r})
        print("siap", flush=True)
        sys.stdin.read()
    """)
    proses = subprocess.Popen([sys.executable, "-c", kode], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proses.stdout.readline().strip() == "siap"
    yield proses
    proses.stdin.close()
    proses.wait(timeout=10)


@pytest.mark.hanya_duckdb
def test_berkas_sibuk_memberi_pesan_coba_lagi(db_contoh, pemegang_kunci):
    storage = Storage(db_contoh, tunggu_detik=0.5)
    mulai = time.monotonic()
    with pytest.raises(DatabaseBusy, match="Coba lagi"):
        storage.baca()
    assert time.monotonic() - mulai < 5  # gives up, never hangs


@pytest.mark.hanya_duckdb
def test_berkas_dilepas_setelah_setiap_operasi(storage, tmp_path):
    storage.baca()
    # another process can open it right away: nothing keeps it open between operations
    hasil = subprocess.run(
        [sys.executable, "-c", f"import duckdb; duckdb.connect({str(storage.path)!r}).close(); print('ok')"],
        capture_output=True, text=True, timeout=30,
    )
    assert hasil.stdout.strip() == "ok", hasil.stderr
