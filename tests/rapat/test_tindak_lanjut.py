"""Follow-up of rencana aksi through realisasi.csv: the status column read in the words people write, a word
that is no status refused by its row, and a blank keeping what the meeting set."""

from __future__ import annotations

from kinerja.masuk.importing import rencanakan, terapkan
from kinerja_core.akses import Pelaku

KEPALA = "tahun;triwulan;kode_unit;kode_iku;realisasi;status_aksi;catatan_aksi\n"


def test_status_aksi_dari_csv(storage):
    isi = (KEPALA + "2019;1;KPPBCBOGOR;BGR-01;;Done;tuntas April\n2019;2;KPPBCBOGOR;BGR-01;;dalam proses;\n").encode()
    rencana = rencanakan([("tl.csv", isi)], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    terapkan(rencana, storage, Pelaku.sistem("uji"))
    r = storage.baca(2019).realisasi.query("kode_iku == 'BGR-01'").set_index("triwulan")
    assert r.loc[1, ["status_aksi", "catatan_aksi", "realisasi"]].tolist() == ["selesai", "tuntas April", 33.1]
    assert r.loc[2, "status_aksi"] == "berjalan"
    # a later file without the status keeps it
    terapkan(rencanakan([("r.csv", b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;1;KPPBCBOGOR;BGR-01;34\n")],
                        storage), storage, Pelaku.sistem("uji"))
    r = storage.baca(2019).realisasi.query("kode_iku == 'BGR-01' and triwulan == 1").iloc[0]
    assert (r["status_aksi"], r["realisasi"]) == ("selesai", 34.0)


def test_status_aksi_tak_dikenal_ditolak_per_baris(storage):
    isi = (KEPALA + "2019;1;KPPBCBOGOR;BGR-01;;mungkin;\n").encode()
    rencana = rencanakan([("tl.csv", isi)], storage)
    assert [(k.baris, k.kolom) for k in rencana.kesalahan] == [(2, "status_aksi")]
    assert "'mungkin' bukan status rencana aksi" in rencana.kesalahan[0].teks
