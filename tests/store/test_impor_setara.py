"""An import into PostgreSQL (its rows sent with one COPY per table, ``KoneksiPg.register``) stores exactly what the
same import stores in DuckDB: every table of the installation, the revision logs that undo replays included, after
the sample, an upload that changes, blanks and adds rows, the Dialog's meeting with its arahan, and an undo
(issue 32)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pandas as pd

from kinerja.masuk.importing import muat_contoh, rencanakan, terapkan
from kinerja.rapat.dialog import Arahan
from kinerja.rapat.simpan import simpan_rapat
from kinerja.store import Storage
from kinerja.store.skema import KOLOM_SALIN
from kinerja_core.akses import Pelaku
from tests.conftest import AKAR, buang_db_postgres, db_postgres_baru

WAKTU = {"waktu", "dibuat", "berakhir", "diubah_pada", "diajukan_pada", "diverifikasi_pada", "final_pada"}
"""Columns that hold when a row was written: two imports a moment apart differ there and nowhere else."""

KOREKSI = (
    b"tahun;triwulan;kode_unit;kode_iku;realisasi;kendala;rencana_aksi;pic;tenggat\n"
    b'2019;TW III;KPPBCBOGOR;BGR-01;48,25;"Kendala ""baru""; dengan titik koma\nbaris kedua";;Kasi PKC;30/11/2019\n'
    b"2019;TW IV;KPPBCBOGOR;BGR-01;;;Sosialisasi;;\n"
    b"2019;TW I;KPPBCBOGOR;BGR-02;0;;;;\n"
)


def riwayat(storage: Storage) -> dict[str, pd.DataFrame]:
    """Every table as the copy reads it, without the moments rows were written (ids, users and values stay)."""
    hasil = {}
    for nama, kolom in KOLOM_SALIN.items():
        data = storage.tabel(nama).drop(columns=[k for k in kolom if k in WAKTU])
        hasil[nama] = data.sort_values(list(data.columns), ignore_index=True, na_position="first")
    return hasil


def isi(storage: Storage) -> None:
    pelaku = Pelaku.sistem("uji")
    muat_contoh(storage)
    rencana = rencanakan([("koreksi.csv", KOREKSI)], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    terapkan(rencana, storage, pelaku)
    simpan_rapat(storage, "KPPBCBOGOR", 2019, 3, tanggal=datetime.date(2019, 10, 2), tempat="Aula", pimpinan="Ka",
                 peserta="A\nB", arahan=[Arahan("Percepat penagihan", "Kasi PKC", datetime.date(2019, 11, 30))],
                 pelaku=pelaku)
    batal = terapkan(rencanakan([("koreksi.csv", KOREKSI.replace(b"48,25", b"50"))], storage), storage, pelaku)
    storage.batalkan(batal.id, pelaku=pelaku)


def test_impor_postgresql_menyimpan_persis_seperti_duckdb(tmp_path: Path, server_postgres: str) -> None:
    duck = Storage(tmp_path / "k.duckdb")
    url = db_postgres_baru(server_postgres)
    try:
        pg = Storage(url)
        for storage in (duck, pg):
            isi(storage)
        a, b = riwayat(duck), riwayat(pg)
        assert len(a["revisi_realisasi"]) > 100 and len(a["revisi_arahan_rapat"]) == 1  # the logs hold rows
        for nama in KOLOM_SALIN:
            pd.testing.assert_frame_equal(a[nama], b[nama], obj=nama, check_dtype=False)
    finally:
        buang_db_postgres(url)


def test_salin_dengan_tahap_dan_bukti_utuh_ke_postgresql_dan_kembali(tmp_path: Path, server_postgres: str) -> None:
    """``copy`` to PostgreSQL and back: stages with their booleans and times, data dukung with their bytes (refused
    before: CSV, which COPY reads, carried no bytes), the audit trail, all arrive row for row."""
    from tests.cli_uji import kinerja

    asal = tmp_path / "asal.duckdb"
    isi(Storage(asal))
    bukti = tmp_path / "bukti.png"
    bukti.write_bytes((AKAR / "docs" / "laporan-triwulan.png").read_bytes())
    umum = ("--tahun", "2019", "--triwulan", "3", "--unit", "KPPBCBOGOR", "--db", str(asal))
    assert kinerja("evidence", "add", str(bukti), "--iku", "BGR-01", *umum).returncode == 0
    assert kinerja("submit", *umum).returncode == 0
    url = db_postgres_baru(server_postgres)
    try:
        kembali = tmp_path / "kembali.duckdb"
        assert kinerja("copy", "--from", str(asal), "--to", url).returncode == 0
        assert kinerja("copy", "--from", url, "--to", str(kembali)).returncode == 0
        a, pg, b = Storage(asal), Storage(url), Storage(kembali)
        assert len(a.tabel("bukti")) == 1 and len(a.tabel("tahap")) == 1
        for nama in KOLOM_SALIN:
            for salinan in (pg, b):
                pd.testing.assert_frame_equal(salinan.tabel(nama), a.tabel(nama), obj=nama, check_dtype=False)
    finally:
        buang_db_postgres(url)
