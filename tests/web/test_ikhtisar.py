"""The headline of a view without a browser: the meeting's quarter, what an NKO covers, the notes' comparison."""

import datetime
import doctest

import pandas as pd
import pytest

from kinerja import scores
from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.rapat import dialog
from kinerja_core.akses import Pelaku
from kinerja_core.model import TRIWULAN


def test_contoh_di_docstring():
    hasil = doctest.testmod(scores)
    assert hasil.attempted > 0 and hasil.failed == 0


def _iku(unit_target: dict[str, tuple[float | None, ...]]) -> pd.DataFrame:
    return pd.DataFrame([{"kode_unit": u, "kode_iku": f"{u}1", **{f"target_tw{q}": t[q - 1] for q in TRIWULAN}}
                         for u, t in unit_target.items()])


def _lapor(*baris: tuple[str, int, float | None]) -> pd.DataFrame:
    return pd.DataFrame([{"kode_unit": u, "kode_iku": f"{u}1", "triwulan": q, "realisasi": r} for u, q, r in baris],
                        columns=["kode_unit", "kode_iku", "triwulan", "realisasi"])


SEMUA = (1.0, 1.0, 1.0, 1.0)


@pytest.mark.parametrize(("iku", "lapor", "harapan"), [
    # nothing reported yet: TW I
    (_iku({"A": SEMUA}), _lapor(), 1),
    # the only unit reports TW II: TW II
    (_iku({"A": SEMUA}), _lapor(("A", 1, 1.0), ("A", 2, 1.0)), 2),
    # two of three report TW II, one of three TW III: TW II
    (_iku({"A": SEMUA, "B": SEMUA, "C": SEMUA}),
     _lapor(("A", 2, 1.0), ("B", 2, 1.0), ("A", 3, 1.0)), 2),
    # half is not most: one of two units in TW III stays at TW II where both reported
    (_iku({"A": SEMUA, "B": SEMUA}), _lapor(("A", 2, 1.0), ("B", 2, 1.0), ("A", 3, 1.0)), 2),
    # a notes-only row (blank realisasi) is not a report
    (_iku({"A": SEMUA}), _lapor(("A", 1, 1.0), ("A", 2, None)), 1),
    # a unit not measured in TW IV (an annual survey elsewhere) does not hold TW IV back
    (_iku({"A": SEMUA, "B": (1.0, 1.0, 1.0, None)}),
     _lapor(("A", 3, 1.0), ("B", 3, 1.0), ("A", 4, 1.0)), 4),
    # nobody has a majority anywhere: the quarter most units reported, the latest on a tie
    (_iku({"A": SEMUA, "B": SEMUA, "C": SEMUA}), _lapor(("A", 1, 1.0), ("B", 3, 1.0)), 3),
])
def test_triwulan_rapat(iku, lapor, harapan):
    assert scores.triwulan_rapat(iku, lapor) == harapan


def test_triwulan_rapat_data_contoh(storage):
    assert scores.triwulan_rapat(storage.baca(2019).iku, storage.baca(2019).realisasi) == 3
    assert scores.triwulan_rapat(storage.baca(2017).iku, storage.baca(2017).realisasi) == 4
    isi = ("tahun;triwulan;kode_unit;kode_iku;realisasi\n"
           + "".join(f"2019;TW IV;KPPBCBEKASI;BKS-0{i};50\n" for i in range(1, 7))).encode()
    terapkan(rencanakan([("tw4.csv", isi)], storage), storage, Pelaku.sistem("Bekasi"))
    assert scores.triwulan_rapat(storage.baca(2019).iku, storage.baca(2019).realisasi) == 3


def test_ikhtisar_unit_induk_dan_gabungan(storage):
    snap = storage.baca(2019)
    nama = dict(zip(snap.unit["kode_unit"], snap.unit["nama_unit"]))
    jabar = scores.skor(scores.pilih_unit(scores.lebar(snap.iku, snap.realisasi),
                                          ["KWBCJABAR", "KPPBCBEKASI", "KPPBCBOGOR"]), 3)
    sendiri = scores.ikhtisar(jabar, "KWBCJABAR", nama)
    assert sendiri.nko_milik_sendiri and sendiri.jumlah.total == 27
    assert (sendiri.cakupan_nko.total, sendiri.cakupan_nko.dinilai) == (5, 5)
    assert sendiri.judul_nko == "NKO Kantor Wilayah DJBC Jawa Barat"
    assert sendiri.teks_lingkup == "IKU Kantor Wilayah DJBC Jawa Barat dan 2 sub-unit"
    gabungan = scores.ikhtisar(jabar, "KEMENKEU", nama, ["Customer"])
    assert not gabungan.nko_milik_sendiri and gabungan.judul_nko == "NKO gabungan · perspektif Customer"
    assert gabungan.teks_cakupan_nko == "mencakup 6 dari 7 IKU · 1 belum diukur"  # 1 + 1 + 5 Customer IKU


def test_catatan_sama():
    tersimpan = {"kendala": "Antrean", "rencana_aksi": None, "pic": "Budi", "tenggat": datetime.date(2019, 11, 15)}
    sama = dict(kendala=" Antrean ", rencana_aksi="", pic="Budi", tenggat=None)
    assert dialog.catatan_sama(tersimpan, **sama)
    assert dialog.catatan_sama(tersimpan, **sama | {"tenggat": datetime.date(2019, 11, 15)})
    assert not dialog.catatan_sama(tersimpan, **sama | {"tenggat": datetime.date(2019, 11, 16)})
    assert not dialog.catatan_sama(tersimpan, **sama | {"rencana_aksi": "Tambah loket"})
    assert not dialog.catatan_sama(tersimpan, **sama | {"pic": ""})
