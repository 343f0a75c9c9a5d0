"""The reporting cycle's stage in the Dialog's deck and exports (issue 30): each IKU slide states its unit-quarter's
stage, the summary says whether the NKO is sementara, the table export names the stage in words."""

from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook

from kinerja import scores
from kinerja.masuk import exporting
from kinerja.rapat import dialog, ekspor
from kinerja.store import Storage
from kinerja_core.akses import Pelaku
from kinerja_core.siklus import Langkah, Tahap
from tests.rapat.test_deck import buka, periksa_muat, teks


def langkah(storage: Storage, unit: str, triwulan: int, *daftar: Langkah) -> None:
    """Take these steps on a unit-quarter, each by another operator (no one verifies their own submission)."""
    for i, lk in enumerate(daftar):
        storage.langkah_tahap(2019, triwulan, unit, lk, pelaku=Pelaku.sistem(f"operator-{i}"))


def susun(storage: Storage, unit: str = "KPPBCBOGOR") -> dialog.Dialog:
    """The Dialog as the page builds it: the scores carry each IKU's stage (``baca.skor``)."""
    snap = storage.baca(2019)
    pilih = scores.pilih_unit(scores.lebar(snap.iku, snap.realisasi),
                              scores.pohon(snap.unit).subpohon(unit, dengan_sub_unit=True))
    skor_iku = scores.dengan_tahap(scores.skor(pilih, 3), storage.tahap_tahun(2019), 3)
    return dialog.susun(snap, unit, 3, skor_iku=skor_iku)


def test_dek_menyebut_tahap_dan_nko_sementara(storage):
    langkah(storage, "KPPBCBOGOR", 3, Langkah.AJUKAN)
    isi = susun(storage)
    assert {s.tahap for s in isi.slide} == {Tahap.DIAJUKAN}
    assert isi.ringkasan.belum_final == (16, 16) and isi.ringkasan.nko_sementara
    berkas = buka(isi)
    slide = list(berkas.slides)
    assert "NKO sementara · 16 dari 16 IKU belum final" in teks(slide[1])
    iku = [s for s in slide if "BGR-01" in teks(s)]
    assert iku and all("➜ Diajukan" in teks(s) for s in iku)
    periksa_muat(berkas)  # the stage's line stays inside the slide


def test_dek_setelah_final_tidak_sementara(storage):
    langkah(storage, "KPPBCBOGOR", 3, Langkah.AJUKAN, Langkah.VERIFIKASI, Langkah.FINALKAN)
    isi = susun(storage)
    assert not isi.ringkasan.nko_sementara
    slide = list(buka(isi).slides)
    assert "NKO final · semua IKU final" in teks(slide[1]) and "sementara" not in teks(slide[1])
    assert all("◆ Final" in teks(s) for s in slide if "BGR-01 ·" in teks(s))


def test_dek_gabungan_menyebut_tahap_tiap_unit(storage):
    langkah(storage, "KPPBCBOGOR", 3, Langkah.AJUKAN, Langkah.VERIFIKASI)
    isi = susun(storage, "KWBCJABAR")
    tahap = {s.iku.kode_unit: s.tahap for s in isi.slide}
    assert tahap["KPPBCBOGOR"] is Tahap.TERVERIFIKASI and tahap["KPPBCBEKASI"] is Tahap.DRAF
    berkas = buka(isi)
    for s in list(berkas.slides)[2:2 + len(isi.slide)]:
        assert "✓ Terverifikasi" in teks(s) or "✎ Draf" in teks(s)


def test_ekspor_menyebut_tahap_dalam_kata(storage):
    langkah(storage, "KPPBCBOGOR", 3, Langkah.AJUKAN, Langkah.VERIFIKASI)
    isi = susun(storage)
    tabel = dialog.tabel_ekspor(isi)
    assert list(tabel.columns)[-1] == "tahap" and set(tabel["tahap"]) == {"Terverifikasi"}
    csv = exporting.ke_csv(tabel).decode("utf-8-sig")
    assert csv.splitlines()[0].endswith(";tahap") and ";Terverifikasi" in csv
    lembar = load_workbook(BytesIO(ekspor.ke_xlsx(isi, "KPPBCBOGOR")))["dialog"]
    judul = [c.value for c in lembar[1]]
    assert "Tahap" in judul
    assert lembar.cell(2, judul.index("Tahap") + 1).value == "Terverifikasi"


def test_tanpa_tahap_dek_seperti_sebelumnya(storage):
    """A Dialog built from scores without stages (the command line, older callers) says nothing of them."""
    isi = dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3)
    assert isi.ringkasan.belum_final is None and isi.slide[0].tahap is None
    assert "tahap" not in dialog.tabel_ekspor(isi).columns
    assert "sementara" not in teks(list(buka(isi).slides)[1])
