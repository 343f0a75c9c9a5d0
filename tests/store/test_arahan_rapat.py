"""The meeting's arahan with who carries each out and by when (issue 31, migration 7): stored as numbered rows beside
the meeting, a shorter list replacing a longer one, undone by replay, copied between engines, refused whole when a
row has an owner but no arahan, and a meeting saved before read as it was typed (one arahan per line, no owner).
On both engines."""

from __future__ import annotations

import datetime
from itertools import pairwise
from pathlib import Path

import pandas as pd
import pytest

from kinerja.rapat.dialog import Arahan, Rapat, rapat_dari
from kinerja.rapat.simpan import CatatanDitolak, simpan_rapat
from kinerja.store import Storage, mesin_duckdb
from kinerja.store.mesin_postgres import tutup
from kinerja.store.skema import MIGRASI
from kinerja_core.akses import Pelaku
from tests.store.test_postgres import sql_mentah

KEDUA_MESIN = True
SEKRETARIS = Pelaku.sistem("Sekretaris DKO")
DETAIL = dict(tanggal=datetime.date(2019, 10, 2), tempat="Aula KPPBC Bogor", pimpinan="Kepala Kantor",
              peserta="Kasi PKC\nKasi P2")
TIGA = [Arahan("Percepat penagihan BGR-03", "Kasi PKC", datetime.date(2019, 11, 30)),
        Arahan("Sosialisasi survei IKM", "Kasi P2"),
        Arahan("Laporkan kemajuan di DKO berikutnya", tenggat=datetime.date(2020, 1, 15))]

SEBELUM_MIGRASI_7 = ("DROP TABLE arahan_rapat", "DROP TABLE revisi_arahan_rapat",
                     "ALTER TABLE rapat DROP COLUMN jumlah_arahan", "ALTER TABLE revisi_rapat DROP COLUMN jumlah_arahan")
"""What turns a store back into one made before migration 7 (with ``DELETE FROM skema_versi WHERE versi >= 7``)."""


def rapat(storage: Storage, q: int = 3) -> Rapat:
    return rapat_dari(storage.baca(2019, "KPPBCBOGOR", sub_unit=False), "KPPBCBOGOR", q)


def simpan(storage: Storage, arahan: str | list[Arahan], q: int = 3):
    return simpan_rapat(storage, "KPPBCBOGOR", 2019, q, pelaku=SEKRETARIS, arahan=arahan, **DETAIL)


def test_arahan_dengan_pic_dan_tenggat_dibaca_kembali(storage: Storage) -> None:
    revisi = simpan(storage, TIGA)
    assert (revisi.baru, revisi.berubah) == (4, 0)  # the meeting and its three arahan, in one revision
    assert rapat(storage).daftar_arahan == TIGA
    assert rapat(storage, 2).kosong  # another quarter's meeting is another meeting
    # a row left empty in the form is no arahan; the others keep their order, their text trimmed
    simpan(storage, [Arahan("  Sosialisasi survei IKM ", " Kasi P2 "), Arahan(""), TIGA[0]])
    assert rapat(storage).daftar_arahan == [TIGA[1], TIGA[0]]


def test_daftar_lebih_pendek_menggantikan_dan_dibatalkan_kembali(storage: Storage) -> None:
    simpan(storage, TIGA)
    pendek = simpan(storage, [Arahan("Percepat penagihan BGR-03", "Kepala Seksi PKC")])
    assert rapat(storage).daftar_arahan == [Arahan("Percepat penagihan BGR-03", "Kepala Seksi PKC")]
    assert storage.tabel("arahan_rapat")["nomor"].tolist() == [1, 2, 3]  # rows 2 and 3 stay, not read: no delete
    simpan(storage, [])
    assert rapat(storage).daftar_arahan == [] and rapat(storage).tempat == "Aula KPPBC Bogor"
    storage.batalkan(storage.daftar_revisi()[0].id, pelaku=Pelaku.sistem("admin"))
    assert rapat(storage).daftar_arahan == [Arahan("Percepat penagihan BGR-03", "Kepala Seksi PKC")]
    storage.batalkan(pendek.id, pelaku=Pelaku.sistem("admin"))
    assert rapat(storage).daftar_arahan == TIGA


def test_pic_tanpa_arahan_ditolak_dan_tidak_ada_yang_disimpan(storage: Storage) -> None:
    simpan(storage, TIGA)
    sebelum = (storage.tabel("rapat"), storage.tabel("arahan_rapat"), len(storage.daftar_revisi()))
    for salah in ([TIGA[0], Arahan("", "Kasi P2")], [Arahan(" ", tenggat=datetime.date(2019, 12, 1))]):
        with pytest.raises(CatatanDitolak, match=f"baris {len(salah)} kosong"):
            simpan(storage, salah)
    with pytest.raises(CatatanDitolak, match="PIC"):
        simpan(storage, [Arahan("Percepat", "Kasi\x01PKC")])  # a control character, named by its field
    sesudah = (storage.tabel("rapat"), storage.tabel("arahan_rapat"), len(storage.daftar_revisi()))
    for a, b in zip(sebelum[:2], sesudah[:2]):
        pd.testing.assert_frame_equal(a, b)
    assert sebelum[2] == sesudah[2]


def test_salin_membawa_arahan(storage: Storage, db_kosong: Path | str, tmp_path: Path, mesin: str) -> None:
    """``copy`` to another database (on PostgreSQL: to DuckDB and back again): the arahan and their log arrive; an
    undo there replays them."""
    simpan(storage, TIGA)
    simpan(storage, TIGA[:1])
    jalan = [storage, Storage(tmp_path / "lain.duckdb")] + ([Storage(db_kosong)] if mesin == "postgresql" else [])
    for asal, tujuan in pairwise(jalan):
        asal.salin_ke(tujuan)
    tujuan = jalan[-1]
    for tabel in ("rapat", "arahan_rapat", "revisi_rapat", "revisi_arahan_rapat"):
        pd.testing.assert_frame_equal(storage.tabel(tabel), tujuan.tabel(tabel), obj=tabel, check_dtype=False)
    assert rapat(tujuan).daftar_arahan == TIGA[:1]
    tujuan.batalkan(tujuan.daftar_revisi()[0].id, pelaku=Pelaku.sistem("admin"))
    assert rapat(tujuan).daftar_arahan == TIGA


def test_rapat_sebelum_migrasi_7_dibaca_seperti_diketik(db_contoh: Path | str) -> None:
    """A meeting stored before migration 7 held its arahan as text, one per line. Opening that store adds the table
    and the count; the old text reads as it did (one arahan per line, no PIC, no tenggat); the next save stores
    rows in its place, and undoing that save gives the text back."""
    storage = Storage(db_contoh)
    storage.simpan({"rapat": pd.DataFrame([{"tahun": 2019, "triwulan": 3, "kode_unit": "KPPBCBOGOR",
                                            "tanggal": pd.Timestamp("2019-10-02"), "tempat": "Aula",
                                            "pimpinan": None, "peserta": None, "jumlah_arahan": None,
                                            "arahan": "1. Percepat penagihan BGR-03\n- Sosialisasi survei IKM"}])
                    .astype({"tanggal": "datetime64[ns]"})}, pelaku=SEKRETARIS, berkas="rapat lama", sha256="")
    if isinstance(db_contoh, str):
        tutup(db_contoh)
    else:
        mesin_duckdb._SKEMA_SIAP.discard(str(db_contoh.resolve()))
    sql_mentah(db_contoh, *SEBELUM_MIGRASI_7, "DELETE FROM skema_versi WHERE versi >= 7", "SELECT 1")
    storage = Storage(db_contoh)
    lama = rapat(storage)
    assert lama.daftar_arahan == [Arahan("Percepat penagihan BGR-03"), Arahan("Sosialisasi survei IKM")]
    assert [v for (v,) in sql_mentah(db_contoh, "SELECT versi FROM skema_versi ORDER BY versi")] == [
        m.versi for m in MIGRASI]
    # the Dialog's form saves the list as shown, now with an owner: rows replace the text
    simpan(storage, [Arahan("Percepat penagihan BGR-03", "Kasi PKC"), Arahan("Sosialisasi survei IKM")])
    baru = rapat(storage)
    assert baru.arahan is None and baru.daftar_arahan[0] == Arahan("Percepat penagihan BGR-03", "Kasi PKC")
    storage.batalkan(storage.daftar_revisi()[0].id, pelaku=Pelaku.sistem("admin"))
    assert rapat(storage).daftar_arahan == lama.daftar_arahan
    if isinstance(db_contoh, str):
        tutup(db_contoh)
