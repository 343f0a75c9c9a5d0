"""What the official documents need of the store (issue 31, migration 6): the head who signs for a unit and the place
(``nama_pimpinan``, ``nip_pimpinan``, ``jabatan_pimpinan``, ``kota``), an IKU's definition, data source, person in
charge and Renstra target (``definisi``, ``sumber_data``, ``pic_iku``, ``target_renstra``, ``tahun_renstra``). Stored,
read back, kept when an upload leaves them blank, undone by replay, copied between engines, and added to a database
made before them. On both engines."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pandas as pd
import pytest

from kinerja.masuk.importing import muat_contoh, rencanakan, terapkan
from kinerja.store import Storage, mesin_duckdb
from kinerja.store.mesin_postgres import tutup
from kinerja.store.skema import KOLOM_DOKUMEN, MIGRASI
from kinerja_core.akses import Pelaku
from tests.conftest import buang_db_postgres, db_postgres_baru
from tests.store.test_arahan_rapat import SEBELUM_MIGRASI_7
from tests.store.test_postgres import sql_mentah

KEDUA_MESIN = True
KOLOM_IKU = KOLOM_DOKUMEN["iku"]
KEPALA_IKU = ("tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
              "target_tw3;target_tw4")
IKU_BGR01 = "2019;KPPBCBOGOR;BGR-01;Penerimaan bea masuk;Stakeholder;maximize;sum;10;38,5;41,2;43,8;46,5"


def unggah(storage: Storage, nama: str, *baris: str):
    rencana = rencanakan([(nama, "\n".join(baris).encode())], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    return terapkan(rencana, storage, Pelaku.sistem("uji"))


def iku(storage: Storage, kode: str = "BGR-01") -> pd.Series:
    data = storage.baca(2019, "KPPBCBOGOR").iku
    return data[data["kode_iku"] == kode].iloc[0]


def unit(storage: Storage, kode: str = "KPPBCBOGOR") -> pd.Series:
    data = storage.baca().unit
    return data[data["kode_unit"] == kode].iloc[0]


def test_contoh_menyimpan_pimpinan_dan_manual_iku(storage: Storage) -> None:
    bogor = unit(storage)
    assert (bogor["nama_pimpinan"], bogor["nip_pimpinan"], bogor["jabatan_pimpinan"], bogor["kota"]) == (
        "Dewi Lestari Anggraini", "197503151998022001", "Kepala Kantor", "Bogor")
    assert storage.baca().unit["nip_pimpinan"].str.fullmatch(r"\d{18}").all()  # every sample unit, as text
    b3 = iku(storage, "BGR-03")
    assert b3["definisi"].startswith("Persentase dokumen layanan") and "\nRumus: " in b3["definisi"]
    assert (b3["sumber_data"], b3["pic_iku"], b3["target_renstra"], b3["tahun_renstra"]) == (
        "Aplikasi CEISA dan buku register layanan", "Kepala Seksi Pelayanan Kepabeanan dan Cukai", 97.0, 2024)
    assert pd.isna(iku(storage, "BGR-04")["definisi"])  # not every IKU has its manual filled in


def test_baca_lebar_memberi_kolom_dokumen(storage: Storage) -> None:
    unit_, lebar = storage.baca_lebar(2019, "KPPBCBOGOR", kolom=["nama_iku", *KOLOM_IKU])
    assert {"nama_pimpinan", "nip_pimpinan", "jabatan_pimpinan", "kota"} <= set(unit_.columns)
    assert unit_.set_index("kode_unit").loc["KPPBCBOGOR", "kota"] == "Bogor"
    assert list(lebar.columns[:3 + 1 + len(KOLOM_IKU)]) == ["tahun", "kode_unit", "kode_iku", "nama_iku", *KOLOM_IKU]
    b1 = lebar.set_index("kode_iku").loc["BGR-01"]
    assert (b1["target_renstra"], b1["tahun_renstra"], b1["pic_iku"]) == (215.0, 2024, "Kepala Seksi Perbendaharaan")
    assert str(lebar["tahun_renstra"].dtype) == "Int64"
    assert pd.isna(lebar.set_index("kode_iku").loc["BGR-04", "tahun_renstra"])
    # asked for nothing of the kind, it reads what it read before
    _, skor = storage.baca_lebar(2019, "KPPBCBOGOR", kolom=["nama_iku", "bobot"])
    assert "definisi" not in skor.columns


def test_kosong_mempertahankan_yang_tersimpan_dan_batal_mengembalikan(storage: Storage) -> None:
    """A blank keeps what is stored (as a realisasi's kendala does); a value replaces it; undoing the revision that
    changed ``definisi`` and ``nip_pimpinan`` brings the earlier ones back, and so does undoing a later one."""
    lama = iku(storage)
    # a file without the columns changes none of them
    unggah(storage, "iku.csv", KEPALA_IKU, IKU_BGR01.replace(";10;", ";11;"))
    sekarang = iku(storage)
    assert sekarang["bobot"] == 11 and all(sekarang[k] == lama[k] for k in KOLOM_IKU)
    # blank cells keep too; a value replaces
    ubah = unggah(storage, "iku.csv", f"{KEPALA_IKU};definisi;sumber_data;pic_iku;target_renstra;tahun_renstra",
                  f'{IKU_BGR01};"Definisi baru;\ndua baris";;;;')
    sekarang = iku(storage)
    assert sekarang["definisi"] == "Definisi baru;\ndua baris"
    assert (sekarang["sumber_data"], sekarang["target_renstra"], sekarang["tahun_renstra"]) == (
        lama["sumber_data"], 215.0, 2024)
    assert sekarang["bobot"] == 10  # a column that does not keep takes the file's value, as before
    pimpinan = unggah(storage, "unit.csv", "kode_unit;nama_unit;kode_induk;nip_pimpinan;kota",
                      "KPPBCBOGOR;KPPBC TMP A Bogor;KWBCJABAR;19800202 200501 1 009;")
    assert (unit(storage)["nip_pimpinan"], unit(storage)["kota"]) == ("198002022005011009", "Bogor")
    assert unit(storage)["nama_pimpinan"] == "Dewi Lestari Anggraini"

    storage.batalkan(pimpinan.id, pelaku=Pelaku.sistem("admin"))
    assert unit(storage)["nip_pimpinan"] == "197503151998022001"
    storage.batalkan(ubah.id, pelaku=Pelaku.sistem("admin"))
    kembali = iku(storage)
    assert kembali["definisi"] == lama["definisi"] and kembali["bobot"] == 11  # the revision before it stands
    assert all(kembali[k] == lama[k] for k in KOLOM_IKU)


def test_pratinjau_menunjukkan_perubahan_kolom_dokumen(storage: Storage) -> None:
    isi = (b"kode_unit;nama_unit;kode_induk;jabatan_pimpinan\n"
           b"KPPBCBOGOR;KPPBC TMP A Bogor;KWBCJABAR;Plt. Kepala Kantor\n"
           b"KPPBCBEKASI;KPPBC TMP A Bekasi;KWBCJABAR;\n")
    rencana = rencanakan([("unit.csv", isi)], storage)
    assert rencana.sah
    (p,) = rencana.perubahan
    assert (p.baru, p.berubah, p.sama) == (0, 1, 1)
    rincian = p.rincian.set_index("kode_unit")
    assert rincian.loc["KPPBCBOGOR", "rincian"] == "jabatan_pimpinan: Kepala Kantor → Plt. Kepala Kantor"
    assert rincian.loc["KPPBCBEKASI", "jabatan_pimpinan"] == "Kepala Kantor"  # blank: the stored one, unchanged
    rencana = rencanakan([("iku.csv", "\n".join([f"{KEPALA_IKU};pic_iku;target_renstra;tahun_renstra",
                                                  f"{IKU_BGR01};Kepala Seksi PKC;230,5;2025"]).encode())], storage)
    (p,) = rencana.perubahan
    assert p.rincian.loc[0, "rincian"].endswith("; pic_iku: Kepala Seksi Perbendaharaan → Kepala Seksi PKC; "
                                                "target_renstra: 215 → 230,5; tahun_renstra: 2024 → 2025")


def test_salin_membawa_kolom_dokumen(storage: Storage, db_kosong: Path | str, tmp_path: Path, mesin: str) -> None:
    """``copy`` to another database (on PostgreSQL: to DuckDB and back again): the new columns, in the tables and
    their revision logs, arrive; an undo there replays them."""
    unggah(storage, "unit.csv", "kode_unit;nama_unit;kode_induk;nama_pimpinan",
           "BTP;Balai Teknologi Polimer;PTM;Ratna S. P.")
    jalan = [storage, Storage(tmp_path / "lain.duckdb")] + ([Storage(db_kosong)] if mesin == "postgresql" else [])
    for asal, tujuan in pairwise(jalan):
        asal.salin_ke(tujuan)
    tujuan = jalan[-1]
    for tabel in ("unit", "iku", "revisi_unit", "revisi_iku"):
        pd.testing.assert_frame_equal(storage.tabel(tabel), tujuan.tabel(tabel), obj=tabel, check_dtype=False)
    assert unit(tujuan, "BTP")["nama_pimpinan"] == "Ratna S. P."
    assert iku(tujuan)["tahun_renstra"] == 2024
    tujuan.batalkan(tujuan.daftar_revisi()[0].id, pelaku=Pelaku.sistem("admin"))
    assert unit(tujuan, "BTP")["nama_pimpinan"] == "Ratna Sari Puspitasari"


def test_basis_data_versi_5_mendapat_kolom_dokumen(mesin: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """A store made before migration 6 (its tables without the columns, version 5 recorded): opening it adds them,
    blank, in the tables and their revision logs, keeps every row, and records version 6."""
    if mesin == "duckdb":
        db: Path | str = tmp_path / "v5.duckdb"
    else:
        db = db_postgres_baru(request.getfixturevalue("server_postgres"))
        request.addfinalizer(lambda: buang_db_postgres(db))  # type: ignore[arg-type]
    muat_contoh(Storage(db))
    if isinstance(db, str):
        tutup(db)  # a new process opens it (its schema looked at afresh)
    else:
        mesin_duckdb._SKEMA_SIAP.discard(str(db.resolve()))
    sql_mentah(db, *(f"ALTER TABLE {t} DROP COLUMN {k}" for nama, kolom in KOLOM_DOKUMEN.items()
                     for t in (nama, f"revisi_{nama}") for k in kolom),
               *SEBELUM_MIGRASI_7, "DELETE FROM skema_versi WHERE versi >= 6", "SELECT count(*) FROM iku")
    storage = Storage(db)
    snap = storage.baca()
    assert len(snap.unit) == 9 and len(snap.iku) == 43
    assert snap.unit[KOLOM_DOKUMEN["unit"]].isna().all().all() and snap.iku[KOLOM_IKU].isna().all().all()
    assert [v for (v,) in sql_mentah(db, "SELECT versi FROM skema_versi ORDER BY versi")] == [m.versi for m in MIGRASI]
    unggah(storage, "unit.csv", "kode_unit;nama_unit;kota", "BTP;Balai Teknologi Polimer;Serpong")
    assert unit(storage, "BTP")["kota"] == "Serpong"
    if isinstance(db, str):
        tutup(db)
