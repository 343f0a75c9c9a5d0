"""Riwayat: an undo shows what it will change and asks before it changes anything. On both engines (the
preview is the undo done in a transaction that is rolled back)."""

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kinerja.masuk.importing import rencanakan, rincian_batal, terapkan
from kinerja.store import RevisiDitolak, Storage
from kinerja_core.akses import Pelaku
from tests.conftest import AKAR

KEDUA_MESIN = True
KEPALA = "tahun;triwulan;kode_unit;kode_iku;realisasi;kendala"


def unggah(storage: Storage, *baris: str) -> int:
    rencana = rencanakan([("koreksi.csv", "\n".join([KEPALA, *baris]).encode())], storage)
    assert rencana.sah, rencana.kesalahan
    return terapkan(rencana, storage, Pelaku.sistem("Siti")).id


def semua(storage: Storage) -> dict[str, pd.DataFrame]:
    return {n: storage.tabel(n) for n in ("realisasi", "revisi")}


def test_tinjauan_sama_dengan_pembatalan_dan_tidak_mengubah_apa_pun(storage):
    revisi = unggah(storage, "2019;3;KPPBCBOGOR;BGR-01;10;", "2019;4;KPPBCBOGOR;BGR-01;11;Kendala baru")
    sebelum = semua(storage)
    tinjauan = storage.tinjau_batal(revisi, pelaku=Pelaku.sistem("Admin"))
    for nama, tabel in semua(storage).items():
        pd.testing.assert_frame_equal(sebelum[nama], tabel, obj=nama)  # a preview changes nothing
    rincian = rincian_batal(tinjauan)
    assert rincian[["kunci", "perubahan", "rincian"]].values.tolist() == [
        ["2019 / 3 / KPPBCBOGOR / BGR-01", "berubah", "realisasi: 10 → 48,2"],
        ["2019 / 4 / KPPBCBOGOR / BGR-01", "dihapus", ""],
    ]
    batal = storage.batalkan(revisi, pelaku=Pelaku.sistem("Admin"))
    assert (batal.berubah, batal.dihapus, batal.sama) == (tinjauan.berubah, tinjauan.dihapus, tinjauan.sama)


def test_tinjauan_menolak_seperti_pembatalan(storage):
    with pytest.raises(RevisiDitolak, match="tidak ada"):
        storage.tinjau_batal(99, pelaku=Pelaku.sistem("Admin"))


def test_batalkan_di_halaman_riwayat_bertanya_dulu(db_contoh, monkeypatch, _apptest_navigasi):
    storage = Storage(db_contoh)
    revisi = unggah(storage, "2019;3;KPPBCBOGOR;BGR-01;10;")
    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=60).run()
    at.switch_page("pages/riwayat.py").run()
    at.selectbox(key="riwayat_revisi").set_value(revisi)
    assert not at.button(key="riwayat_tinjau").disabled
    assert not [b for b in at.button if b.key == "riwayat_batal"]  # no undo before the review
    sebelum = semua(Storage(db_contoh))

    at.button(key="riwayat_tinjau").click().run()
    assert not at.exception, at.exception
    assert any("mengubah 1 baris" in m.value for m in at.markdown)
    tabel = at.container(key="riwayat_rincian").dataframe[0].value
    assert tabel.iloc[0].tolist()[-1] == "realisasi: 10 → 48,2"
    for nama, data in semua(Storage(db_contoh)).items():
        pd.testing.assert_frame_equal(sebelum[nama], data, obj=nama)  # still nothing changed

    at.button(key="riwayat_urung").click().run()  # changed their mind
    assert not [b for b in at.button if b.key == "riwayat_batal"]
    at.button(key="riwayat_tinjau").click().run()
    at.button(key="riwayat_batal").click().run()
    assert at.success[0].value.startswith(f"Revisi {revisi} dibatalkan")
    r = storage.baca(2019).realisasi.query("kode_iku == 'BGR-01' and triwulan == 3")["realisasi"].item()
    assert r == 48.2


@pytest.mark.parametrize("zona,offset,nama", [(None, "+07:00", "WIB"), ("Asia/Makassar", "+08:00", "WITA"),
                                               ("Asia/Jayapura", "+09:00", "WIT")])
def test_waktu_revisi_dalam_zona_waktu_unit(storage, monkeypatch, zona, offset, nama):
    from kinerja.web import tampilan

    if zona:
        monkeypatch.setenv("KINERJA_ZONA_WAKTU", zona)
    (r,) = storage.daftar_revisi()
    assert r.waktu.isoformat().endswith(offset)
    assert tampilan.baris_revisi(r)["Waktu"].endswith(f" {nama}")
