"""Provisional or verified on every screen (issue 30), as a person meets it (AppTest on a copy of the sample): the
stage of each IKU beside its figures with one legend per page, the NKO "sementara" until every IKU under it is
final, and the sidebar's "Hanya angka terverifikasi" that treats the figures of unverified unit-quarters as not
reported before anything is scored."""

from __future__ import annotations

import re
from io import BytesIO

import numpy as np
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from kinerja import scores
from kinerja.masuk import exporting
from kinerja.store import Storage
from kinerja.texts import angka
from kinerja.web import tanda_tahap
from kinerja_core.akses import Pelaku
from kinerja_core.siklus import Langkah
from tests.web.test_app import baca_tabel, jumlah, pilih_unit
from tests.web.test_gerbang import buka

LEGENDA = "Tahap angka: ✎ Draf · ➜ Diajukan · ✓ Terverifikasi · ↩ Dikembalikan · ◆ Final"


def langkah(storage: Storage, unit: str, triwulan: int, *daftar: Langkah) -> None:
    """Take these steps on a unit-quarter of 2019, each by another operator (no one verifies their own)."""
    for i, lk in enumerate(daftar):
        storage.langkah_tahap(2019, triwulan, unit, lk, pelaku=Pelaku.sistem(f"x{i}"),
                              alasan="Data dukung belum lengkap" if lk in (Langkah.KEMBALIKAN, Langkah.BUKA) else None)


SAMPAI_FINAL = (Langkah.AJUKAN, Langkah.VERIFIKASI, Langkah.FINALKAN)


@pytest.fixture
def at(storage, monkeypatch, _apptest_navigasi) -> AppTest:
    app = buka(storage, monkeypatch)  # the open demo: every unit, no sign-in
    app.sidebar.selectbox(key="tahun").set_value(2019).run()
    app.sidebar.radio(key="triwulan").set_value(3).run()
    return app


def kartu_nko(at: AppTest) -> str:
    (kartu,) = [m.value for m in at.markdown if 'class="kinerja-nko"' in m.value]
    return kartu


def angka_nko(at: AppTest) -> str:
    return re.search(r'<div class="angka">([^<]*)</div>', kartu_nko(at))[1]


def legenda(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if 'data-testid="legenda-tahap"' in m.value]


def verifikasi_saja(at: AppTest, nyala: bool = True) -> AppTest:
    at.sidebar.toggle(key="hanya_terverifikasi").set_value(nyala).run()
    assert not at.exception, at.exception
    return at


def test_ringkasan_kolom_tahap_dan_legenda(storage, at):
    pilih_unit(at, "KPPBCBOGOR", sub_unit=False)
    tabel = baca_tabel(at, "tabel_iku")
    kolom = list(tabel.columns)
    assert kolom.index("Tahap") == kolom.index("Capaian (%)") + 1  # beside the figure it qualifies
    assert set(tabel["Tahap"]) == {"✎ Draf"}
    assert len(legenda(at)) == 1 and LEGENDA in legenda(at)[0]
    assert "sementara · 16 dari 16 IKU belum final" in kartu_nko(at)

    langkah(storage, "KPPBCBOGOR", 3, Langkah.AJUKAN)
    at.run()
    assert set(baca_tabel(at, "tabel_iku")["Tahap"]) == {"➜ Diajukan"}
    langkah(storage, "KPPBCBOGOR", 3, Langkah.KEMBALIKAN)
    at.run()
    assert set(baca_tabel(at, "tabel_iku")["Tahap"]) == {"↩ Dikembalikan"}


def test_tahap_per_unit_triwulan(storage, at):
    langkah(storage, "KPPBCBOGOR", 3, Langkah.AJUKAN, Langkah.VERIFIKASI)
    langkah(storage, "KPPBCBEKASI", 2, Langkah.AJUKAN)  # another quarter: not this view's
    pilih_unit(at, "KWBCJABAR")
    tabel = baca_tabel(at, "tabel_iku")
    tahap = dict(zip(tabel["Unit"], tabel["Tahap"]))
    assert tahap["KPPBC TMP A Bogor"] == "✓ Terverifikasi" and tahap["KPPBC TMP A Bekasi"] == "✎ Draf"
    at.sidebar.radio(key="triwulan").set_value(2).run()
    tahap = dict(zip(*(baca_tabel(at, "tabel_iku")[k] for k in ("Unit", "Tahap"))))
    assert tahap["KPPBC TMP A Bogor"] == "✎ Draf" and tahap["KPPBC TMP A Bekasi"] == "➜ Diajukan"


def test_nko_sementara_sampai_semua_final(storage, at):
    """The Kanwil's NKO is its own IKU's (Kontrak Kinerja): sementara until the Kanwil's quarter is final,
    whatever its offices' stages."""
    pilih_unit(at, "KWBCJABAR")
    assert "sementara · 5 dari 5 IKU belum final" in kartu_nko(at)
    for unit in ("KPPBCBEKASI", "KPPBCBOGOR"):
        langkah(storage, unit, 3, *SAMPAI_FINAL)
    at.run()
    assert "sementara · 5 dari 5 IKU belum final" in kartu_nko(at)
    langkah(storage, "KWBCJABAR", 3, Langkah.AJUKAN, Langkah.VERIFIKASI)
    at.run()
    assert "sementara · 5 dari 5 IKU belum final" in kartu_nko(at)  # verified is not final yet
    storage.langkah_tahap(2019, 3, "KWBCJABAR", Langkah.FINALKAN, pelaku=Pelaku.sistem("admin"))
    at.run()
    kartu = kartu_nko(at)
    assert "sementara" not in kartu and 'data-tahap="final"' in kartu
    assert set(baca_tabel(at, "tabel_iku")["Tahap"]) == {"◆ Final"}


def _nko_tersaring(storage: Storage, unit: str, triwulan_terverifikasi: set[int]) -> str:
    """The NKO of ``unit``'s own IKU through TW III with only the given quarters' realisasi, worked out here from
    the stored rows (the quarters not verified blanked by hand), as the card writes it."""
    snap = storage.baca(2019, unit, sub_unit=False)
    lebar = scores.lebar(snap.iku, snap.realisasi)
    for q in {1, 2, 3, 4} - triwulan_terverifikasi:
        lebar[f"realisasi_tw{q}"] = np.nan
    return angka(scores.hitung_nko(scores.skor(lebar, 3)).nilai, tetap=True)


def test_hanya_terverifikasi_abu_abu_dan_nko_mengikuti(storage, at):
    pilih_unit(at, "KPPBCBOGOR", sub_unit=False)
    nko_semua, jumlah_semua = angka_nko(at), jumlah(at)
    verifikasi_saja(at)
    assert any("Hanya angka terverifikasi" in i.value for i in at.info)
    assert jumlah(at) == "16 IKU: 16 abu-abu"  # nothing verified yet: every figure as not reported
    assert angka_nko(at) != nko_semua

    langkah(storage, "KPPBCBOGOR", 3, Langkah.AJUKAN, Langkah.VERIFIKASI)  # TW III only: TW I and II still out
    at.run()
    assert angka_nko(at) == _nko_tersaring(storage, "KPPBCBOGOR", {3})
    for q in (1, 2):
        langkah(storage, "KPPBCBOGOR", q, *SAMPAI_FINAL)
    at.run()
    assert (angka_nko(at), jumlah(at)) == (nko_semua, jumlah_semua)  # every quarter so far verified or final
    verifikasi_saja(at, False)
    assert not any("Hanya angka terverifikasi" in i.value for i in at.info)


def test_hanya_terverifikasi_unit_lain_abu_abu(storage, at):
    for q in (1, 2, 3):
        langkah(storage, "KPPBCBOGOR", q, Langkah.AJUKAN, Langkah.VERIFIKASI)
    pilih_unit(at, "KWBCJABAR")
    sebelum = baca_tabel(at, "tabel_iku")
    verifikasi_saja(at)
    sesudah = baca_tabel(at, "tabel_iku")
    bogor, bekasi = (sesudah["Unit"] == n for n in ("KPPBC TMP A Bogor", "KPPBC TMP A Bekasi"))
    assert sesudah[bekasi]["Status"].str.contains("Abu-abu").all()
    assert sesudah[bogor]["Status"].tolist() == sebelum[sebelum["Unit"] == "KPPBC TMP A Bogor"]["Status"].tolist()
    assert sesudah[bogor]["Capaian (%)"].tolist() == sebelum[sebelum["Unit"] == "KPPBC TMP A Bogor"][
        "Capaian (%)"].tolist()


def test_peta_kartu_sementara_dan_legenda(storage, at):
    pilih_unit(at, "KPPBCBOGOR", sub_unit=False)
    at.switch_page("pages/peta.py").run()
    assert not at.exception, at.exception
    assert len(legenda(at)) == 1
    kartu = [m.value for m in at.markdown if 'class="kinerja-nko"' in m.value]
    assert kartu and all('data-tahap="sementara"' in k for k in kartu)  # every perspektif and sasaran
    langkah(storage, "KPPBCBOGOR", 3, *SAMPAI_FINAL)
    at.run()
    kartu = [m.value for m in at.markdown if 'class="kinerja-nko"' in m.value]
    assert kartu and all('data-tahap="final"' in k for k in kartu)


def test_kaskade_tahap_tiap_unit(storage, at):
    storage.langkah_tahap(2017, 3, "PTM", Langkah.AJUKAN, pelaku=Pelaku.sistem("x"))
    at.sidebar.selectbox(key="tahun").set_value(2017).run()
    at.sidebar.radio(key="triwulan").set_value(3).run()
    at.sidebar.selectbox(key="unit").set_value("BPPT").run()
    at.switch_page("pages/kaskade.py").run()
    assert not at.exception, at.exception
    assert len(legenda(at)) == 1
    tabel = baca_tabel(at, "tabel_kaskade")
    kolom = list(tabel.columns)
    assert kolom.index("Tahap") == kolom.index("Capaian (%)") + 1
    tahap = dict(zip(tabel["Unit · nama IKU"].str.extract(r"(BPPT|PTM|BTP) ·")[0], tabel["Tahap"]))
    assert tahap == {"BPPT": "✎ Draf", "PTM": "➜ Diajukan", "BTP": "✎ Draf"}


def test_progres_tanda_tahap_per_triwulan(storage, at):
    langkah(storage, "KPPBCBOGOR", 2, *SAMPAI_FINAL)
    pilih_unit(at, "KPPBCBOGOR", sub_unit=False)
    at.switch_page("pages/progres.py").run()
    assert not at.exception, at.exception
    assert len(legenda(at)) == 1
    at.selectbox(key="progres_iku").set_value(("KPPBCBOGOR", "BGR-01")).run()
    tabel = baca_tabel(at, "tabel_progres")
    assert tabel["Tahap"].tolist() == ["✎ Draf", "◆ Final", "✎ Draf", "✎ Draf"]


def test_dialog_menyebut_tahap(storage, at):
    langkah(storage, "KPPBCBOGOR", 3, Langkah.AJUKAN, Langkah.VERIFIKASI)
    pilih_unit(at, "KPPBCBOGOR", sub_unit=False)
    at.switch_page("pages/dialog.py").run()
    assert not at.exception, at.exception
    teks = "".join(m.value for m in at.markdown)
    assert "NKO sementara · 16 dari 16 IKU belum final" in teks and LEGENDA in teks
    at.button(key="dialog_berikutnya").click().run()
    (slide,) = [m.value for m in at.markdown if 'data-testid="dialog-tahap"' in m.value]
    assert "Tahap: ✓ Terverifikasi" in slide


def test_unduhan_ringkasan_menyebut_tahap_dalam_kata(storage):
    """What the Ringkasan's CSV and Excel buttons are given: the stage in words, its own column at the end."""
    langkah(storage, "KPPBCBOGOR", 3, Langkah.AJUKAN)
    snap = storage.baca(2019, "KPPBCBOGOR", sub_unit=False)
    skor_iku = scores.dengan_tahap(scores.skor(scores.lebar(snap.iku, snap.realisasi), 3), storage.tahap_tahun(2019), 3)
    tabel = tanda_tahap.untuk_unduh(scores.tabel_iku(skor_iku, snap.unit))
    assert list(tabel.columns) == [*scores.KOLOM_TABEL_IKU, "tahap"] and set(tabel["tahap"]) == {"Diajukan"}
    assert exporting.ke_csv(tabel).decode("utf-8-sig").splitlines()[1].endswith(";Diajukan")
    lembar = load_workbook(BytesIO(exporting.ke_xlsx(tabel, "ringkasan", laporan=True)))["ringkasan"]
    assert [lembar.cell(1, lembar.max_column).value, lembar.cell(2, lembar.max_column).value] == ["Tahap", "Diajukan"]
