"""Issue 28 items 3 and 8, declared: an IKU may declare the lowest value a realisasi can take (``batas_bawah``) and
whole numbers (``bilangan_bulat``) in iku.csv. "Sudah pasti" and what is still needed follow the declaration, and
an upload is held to it (a value below it or a fraction is refused by its row, in the preview and the commit)."""

from __future__ import annotations

import math

import pytest

from kinerja import scores
from kinerja.masuk import exporting
from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.masuk.loading import Jenis, baca_berkas
from kinerja.store import Storage
from kinerja.texts import dalam_bahasa
from kinerja_core.akses import Pelaku
from kinerja_core.kebutuhan import Keadaan, kebutuhan_realisasi, rentang_iku
from kinerja_core.model import Iku, Konsolidasi, Polaritas

KEDUA_MESIN = True

UNIT = "kode_unit;nama_unit;kode_induk\nU;Unit;\n"
KEPALA = ("tahun;kode_unit;kode_iku;nama_iku;perspektif;satuan;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
          "target_tw3;target_tw4;batas_bawah;bilangan_bulat\n")
IKU = KEPALA + ("2026;U;TUMBUH;Pertumbuhan layanan;Stakeholder;%;maximize;average;10;2;2;2;2;;\n"
                "2026;U;PESERTA;Peserta pelatihan;Customer;peserta pelatihan (org);maximize;sum;10;10;10;10;10;;1\n"
                "2026;U;KASUS;Kasus tuntas;Customer;poin;maximize;sum;10;3;3;3;3;;ya\n")
REALISASI = "tahun;triwulan;kode_unit;kode_iku;realisasi\n2026;1;U;TUMBUH;6,5\n2026;2;U;TUMBUH;5,5\n2026;3;U;TUMBUH;4,5\n"


def _unggah(storage: Storage, **berkas: str):
    return rencanakan([(f"{nama}.csv", isi.encode()) for nama, isi in berkas.items()], storage)


def _simpan(storage: Storage, **berkas: str) -> None:
    rencana = _unggah(storage, **berkas)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    terapkan(rencana, storage, Pelaku.sistem("uji"))


@pytest.fixture
def gudang(db_kosong) -> Storage:
    storage = Storage(db_kosong)
    _simpan(storage, unit=UNIT, iku=IKU, realisasi=REALISASI)
    return storage


def _pesan(rencana) -> list[tuple[str, int | None, str | None, str]]:
    return [(k.berkas, k.baris, k.kolom, k.teks) for k in rencana.kesalahan]


# --- the core: the declaration decides where the satuan's words cannot -------------------------------------

TUMBUH = Iku("U", "G", "Pertumbuhan layanan", Polaritas.MAXIMIZE, Konsolidasi.AVERAGE, 10, (2.0,) * 4, satuan="%")


def test_pertumbuhan_tanpa_batas_tidak_sudah_pasti():
    """The issue's example: 6,5 / 5,5 / 4,5 against 2; a TW IV of −9 % ends it kuning, so not 'sudah pasti'."""
    k = kebutuhan_realisasi(TUMBUH, (6.5, 5.5, 4.5, None), 3)
    assert k.keadaan is Keadaan.PERLU


def test_pertumbuhan_dengan_batas_bawah_nol_sudah_pasti():
    iku = Iku(**{**TUMBUH.__dict__, "batas_bawah": 0.0})
    assert kebutuhan_realisasi(iku, (6.5, 5.5, 4.5, None), 3).keadaan is Keadaan.AMAN


def test_bilangan_bulat_dinyatakan_tanpa_kata_satuan():
    iku = Iku("U", "K", "Kasus tuntas", Polaritas.MAXIMIZE, Konsolidasi.SUM, 10, (3.0,) * 4, satuan="poin",
              bilangan_bulat=True)
    assert rentang_iku(iku).bulat
    k = kebutuhan_realisasi(iku, (3.0, 3.0, 0.4, None), 3)
    lo, _ = k.batas_aman()
    assert lo == math.ceil(lo)  # asked as a whole number of cases, never 2,6


# --- reading iku.csv ----------------------------------------------------------------------------------------

def test_iku_csv_membaca_batas_dan_bulat():
    b = baca_berkas("iku.csv", IKU.encode())
    assert b.sah, [str(k) for k in b.kesalahan]
    assert b.data["bilangan_bulat"].tolist() == [False, True, True]
    assert math.isnan(b.data["batas_bawah"].iloc[0])


def test_target_di_bawah_batas_ditolak_menurut_baris():
    isi = KEPALA + "2026;U;X;x;Stakeholder;%;maximize;sum;10;-1;2;2;2;0;\n"
    b = baca_berkas("iku.csv", isi.encode())
    assert [(k.baris, k.kolom) for k in b.kesalahan] == [(2, "target_tw1")], [str(k) for k in b.kesalahan]


# --- an upload is held to the declaration, in the preview --------------------------------------------------

def test_realisasi_di_bawah_batas_dan_pecahan_ditolak(gudang):
    iku = IKU.replace("2026;U;TUMBUH;Pertumbuhan layanan;Stakeholder;%;maximize;average;10;2;2;2;2;;",
                      "2026;U;TUMBUH;Pertumbuhan layanan;Stakeholder;%;maximize;average;10;2;2;2;2;0;")
    realisasi = ("tahun;triwulan;kode_unit;kode_iku;realisasi\n2026;4;U;TUMBUH;-9\n2026;1;U;PESERTA;12,5\n"
                 "2026;1;U;KASUS;3\n")
    rencana = _unggah(gudang, iku=iku, realisasi=realisasi)
    pesan = _pesan(rencana)
    assert [(b, r, k) for b, r, k, _ in pesan] == [("realisasi.csv", 2, "realisasi"), ("realisasi.csv", 3, "realisasi")]
    assert "di bawah batas_bawah" in pesan[0][3] and "bukan bilangan bulat" in pesan[1][3]
    bawah, pecahan = rencana.kesalahan  # in no language: a code and raw values, written when read
    assert (bawah.kode, dict(bawah.pesan.isian), bawah.nilai) == (
        "galat.realisasi_di_bawah_batas", {"nilai": -9.0, "batas": 0.0}, -9.0)
    assert (pecahan.kode, pecahan.nilai) == ("galat.realisasi_tidak_bulat", 12.5)
    with dalam_bahasa("en"):
        assert "12.5" in pecahan.teks


def test_batas_baru_yang_dilanggar_realisasi_tersimpan_ditolak(gudang):
    _simpan(gudang, realisasi="tahun;triwulan;kode_unit;kode_iku;realisasi\n2026;4;U;TUMBUH;-1\n")
    iku = IKU.replace(";average;10;2;2;2;2;;", ";average;10;2;2;2;2;0;")
    (berkas, baris, kolom, pesan), = _pesan(_unggah(gudang, iku=iku))
    assert (berkas, baris, kolom) == ("iku.csv", 2, "batas_bawah") and "TW IV" in pesan
    (k,) = _unggah(gudang, iku=iku).kesalahan
    assert (k.kode, k.nilai) == ("galat.batas_dilanggar_tersimpan", 0.0)
    # corrected in the same upload: the stored value is replaced, so the declaration holds
    rencana = _unggah(gudang, iku=iku, realisasi="tahun;triwulan;kode_unit;kode_iku;realisasi\n2026;4;U;TUMBUH;1\n")
    assert rencana.sah, _pesan(rencana)


def test_templat_iku_membawa_pernyataan_dan_unggah_ulang_tanpa_perubahan(gudang):
    snap = gudang.baca(2026)
    templat = exporting.templat(Jenis.IKU, snap, ["U"], 2026, 1)
    assert dict(zip(templat["kode_iku"], templat["bilangan_bulat"])) == {"TUMBUH": "", "PESERTA": "1", "KASUS": "1"}
    isi = templat.to_csv(sep=";", index=False)
    rencana = _unggah(gudang, iku=isi)
    assert rencana.sah and not rencana.ada_perubahan, _pesan(rencana)


def test_kebutuhan_di_ringkasan_mengikuti_pernyataan(gudang):
    _, data = gudang.baca_lebar(2026)
    keb = scores.tabel_kebutuhan(scores.skor(data, 3), 3)
    assert "TUMBUH" in keb["kode_iku"].tolist()  # growth can still fall below zero: not sure yet
    _simpan(gudang, iku=IKU.replace(";average;10;2;2;2;2;;", ";average;10;2;2;2;2;0;"))
    _, data = gudang.baca_lebar(2026)
    keb = scores.tabel_kebutuhan(scores.skor(data, 3), 3)
    assert "TUMBUH" not in keb["kode_iku"].tolist()  # sudah pasti hijau: not an item of what is still needed


def test_transaksi_memeriksa_lagi_batas_yang_datang_setelah_pratinjau(gudang):
    """The preview saw no bound; another process declared one before the commit: refused whole, nothing stored."""
    from kinerja.store import ImporDitolak

    rencana = _unggah(gudang, realisasi="tahun;triwulan;kode_unit;kode_iku;realisasi\n2026;4;U;TUMBUH;-9\n")
    assert rencana.sah, _pesan(rencana)
    _simpan(gudang, iku=IKU.replace(";average;10;2;2;2;2;;", ";average;10;2;2;2;2;0;"))
    with pytest.raises(ImporDitolak, match="TUMBUH TW 4"):
        terapkan(rencana, gudang, Pelaku.sistem("uji"))
    _, data = gudang.baca_lebar(2026)
    assert data.set_index("kode_iku").loc["TUMBUH", "realisasi_tw4"] != -9
