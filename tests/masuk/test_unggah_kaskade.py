"""Cascading through the product: links uploaded in iku.csv, every refused link named by its row, a parent's
realisasi computed from its children (and refused when uploaded), the same in the committing transaction."""

from __future__ import annotations

import pandas as pd
import pytest

from kinerja import scores
from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.store import ImporDitolak, Storage
from kinerja.texts import teks_pesan
from kinerja_core.akses import Pelaku

UNIT = ("kode_unit;nama_unit;kode_induk\nBPPT;BPPT;\nTIEM;Kedeputian TIEM;BPPT\nPTM;Pusat Teknologi Material;TIEM\n"
        "BTP;Balai Teknologi Polimer;PTM\nB2TKS;Balai Besar Teknologi Kekuatan Struktur;PTM\n")
KEPALA = ("tahun;kode_unit;kode_iku;nama_iku;perspektif;satuan;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
          "target_tw3;target_tw4;kode_unit_induk;kode_iku_induk;agregasi_anak;sumber\n")
IKU = KEPALA + (
    "2017;BPPT;PNBP;PNBP BPPT;Stakeholder;Rp miliar;maximize;sum;10;5;5;5;5;;;jumlah;pnbp\n"
    "2017;PTM;PNBP;PNBP PTM;Stakeholder;Rp miliar;maximize;sum;10;3;3;3;3;BPPT;PNBP;Jumlah;PNBP\n"
    "2017;BTP;PNBP;PNBP BTP;Stakeholder;Rp miliar;maximize;sum;10;1;1,1;1,5;2,1;PTM;pnbp;;pnbp\n"
    "2017;B2TKS;PNBP;PNBP B2TKS;Stakeholder;Rp miliar;maximize;sum;10;2;2;2;2;PTM;PNBP;;pnbp\n"
    "2017;BTP;IKM;Indeks Kepuasan Mitra;Customer;%;maximize;last;10;;;;90,9;;;;Sasaran Mutu\n"
)
REALISASI = ("tahun;triwulan;kode_unit;kode_iku;realisasi\n2017;1;BTP;PNBP;1\n2017;2;BTP;PNBP;1,1\n"
             "2017;3;BTP;PNBP;1,5\n2017;1;B2TKS;PNBP;2\n2017;2;B2TKS;PNBP;2,5\n")


def unggah(storage: Storage, **berkas: str):
    return rencanakan([(f"{nama}.csv", isi.encode()) for nama, isi in berkas.items()], storage)


@pytest.fixture
def kaskade(tmp_path) -> Storage:
    storage = Storage(tmp_path / "k.duckdb")
    rencana = unggah(storage, unit=UNIT, iku=IKU, realisasi=REALISASI)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    terapkan(rencana, storage, Pelaku.sistem("uji"))
    return storage


def test_induk_dihitung_dari_anak_di_setiap_jalur_baca(kaskade):
    """PTM = BTP + B2TKS per quarter, BPPT = PTM; TW III is open while B2TKS has not reported it."""
    _, lebar = kaskade.baca_lebar(2017)
    nilai = lebar.set_index(["kode_unit", "kode_iku"])[scores.KOLOM_REALISASI]
    assert nilai.loc[("PTM", "PNBP")].tolist()[:2] == [3.0, pytest.approx(3.6)]
    assert nilai.loc[("BPPT", "PNBP")].tolist()[:2] == [3.0, pytest.approx(3.6)]
    assert pd.isna(nilai.loc[("PTM", "PNBP")].iloc[2]) and pd.isna(nilai.loc[("BPPT", "PNBP")].iloc[2])
    # an office's own view reads only its rows; the Pusat's view still counts its Balai (read below it)
    _, pusat = kaskade.baca_lebar(2017, "PTM", sub_unit=False)
    assert pusat[scores.KOLOM_REALISASI].iloc[0].tolist()[:2] == [3.0, pytest.approx(3.6)]
    # the snapshot (Dialog, exports) says the same
    snap = kaskade.baca(2017, "BPPT", sub_unit=False)
    assert snap.realisasi[["triwulan", "realisasi"]].values.tolist() == [[1, 3.0], [2, pytest.approx(3.6)]]
    skor = scores.skor(scores.lebar(snap.iku, snap.realisasi), 2)
    assert skor["realisasi"].tolist() == [pytest.approx(6.6)] and skor["capaian"].tolist() == [66.0]


def test_sumber_tersimpan(kaskade):
    iku = kaskade.baca(2017).iku.set_index(["kode_unit", "kode_iku"])
    assert iku.loc[("BTP", "IKM"), "sumber"] == "sasaran_mutu" and iku.loc[("PTM", "PNBP"), "sumber"] == "pnbp"
    assert iku.loc[("PTM", "PNBP"), "agregasi_anak"] == "jumlah"
    assert iku.loc[("BTP", "PNBP"), ["kode_unit_induk", "kode_iku_induk"]].tolist() == ["PTM", "PNBP"]  # as registered


def pesan(rencana) -> list[tuple[int | None, str | None, str]]:
    return [(k.baris, k.kolom, k.teks) for k in rencana.kesalahan]


@pytest.mark.parametrize("baris, kolom, kata", [
    ("2017;BTP;X;X;Stakeholder;;maximize;sum;1;1;1;1;1;PTM;TIDAKADA;;\n", "kode_iku_induk",
     "IKU induk PTM TIDAKADA tahun 2017 tidak ada"),
    ("2017;BTP;X;X;Stakeholder;;maximize;sum;1;1;1;1;1;B2TKS;PNBP;;\n", "kode_unit_induk",
     "unit B2TKS tidak berada di atas unit BTP"),
    ("2017;BTP;X;X;Stakeholder;;maximize;sum;1;1;1;1;1;PTM;;;\n", "kode_iku_induk",
     "isi kode_unit_induk dan kode_iku_induk berdua"),
    ("2017;BTP;X;X;Stakeholder;;maximize;sum;1;1;1;1;1;;;terbesar;\n", "agregasi_anak",
     "'terbesar' bukan agregasi anak"),
    ("2017;BTP;X;X;Stakeholder;;maximize;sum;1;1;1;1;1;;;;renstra\n", "sumber", "'renstra' bukan sumber"),
])
def test_tautan_salah_ditolak_dengan_barisnya(kaskade, baris, kolom, kata):
    rencana = unggah(kaskade, iku=KEPALA + baris)
    assert not rencana.sah
    ((nomor, dikolom, teks),) = pesan(rencana)
    assert (nomor, dikolom) == (2, kolom) and kata in teks, teks


def test_tautan_ke_tahun_lain_dan_siklus_ditolak(kaskade):
    lain_tahun = KEPALA + "2018;BTP;PNBP;PNBP BTP;Stakeholder;;maximize;sum;1;1;1;1;1;PTM;PNBP;;\n"
    ((nomor, kolom, teks),) = pesan(unggah(kaskade, iku=lain_tahun))
    assert (nomor, kolom) == (2, "kode_iku_induk") and "tidak ada di tahun 2018, hanya di tahun 2017" in teks
    # PTM's PNBP made to support BTP's, which supports PTM's: refused as a cycle (and as a link downwards)
    siklus = KEPALA + "2017;PTM;PNBP;PNBP PTM;Stakeholder;;maximize;sum;10;3;3;3;3;BTP;PNBP;jumlah;\n"
    teks = [p for _, _, p in pesan(unggah(kaskade, iku=siklus))]
    assert any("siklus kaskade: BTP PNBP → PTM PNBP → BTP PNBP" in p for p in teks), teks


def test_realisasi_induk_yang_diunggah_ditolak(kaskade):
    rencana = unggah(kaskade, realisasi="tahun;triwulan;kode_unit;kode_iku;realisasi\n2017;3;PTM;PNBP;4\n"
                                        "2017;3;BTP;IKM;\n")
    ((nomor, kolom, teks),) = pesan(rencana)
    assert (nomor, kolom) == (2, "realisasi") and "dihitung dari IKU turunannya" in teks
    # notes for such an IKU (a blank realisasi) are welcome
    assert unggah(kaskade, realisasi="tahun;triwulan;kode_unit;kode_iku;realisasi;kendala\n"
                                     "2017;3;PTM;PNBP;;Menunggu laporan B2TKS\n").sah


def test_transaksi_memeriksa_tautan_lagi(kaskade):
    """What the preview checked is checked again where it is committed (another process may have changed it)."""
    iku = kaskade.baca(2017).iku
    hilang = iku[(iku["kode_unit"] == "BTP") & (iku["kode_iku"] == "PNBP")].assign(kode_iku_induk="HILANG")
    with pytest.raises(ImporDitolak, match="IKU yang didukung tidak ada"):
        kaskade.simpan({"iku": hilang}, pelaku=Pelaku.sistem("uji"), berkas="iku.csv", sha256="")
    with pytest.raises(ImporDitolak, match="dihitung dari IKU turunannya"):
        kaskade.simpan({"realisasi": pd.DataFrame({"tahun": [2017], "triwulan": [4], "kode_unit": ["BPPT"],
                                                   "kode_iku": ["PNBP"], "realisasi": [9.0]})},
                       pelaku=Pelaku.sistem("uji"), berkas="realisasi.csv", sha256="")
    assert kaskade.baca(2017).realisasi["realisasi"].notna().sum() == 5 + 4  # unchanged: 5 uploaded, 4 computed


def test_batal_tidak_meninggalkan_tautan_yatim(kaskade):
    """Undoing the upload of an IKU that others now support would leave their links pointing at nothing."""
    from kinerja.store import RevisiDitolak

    induk = terapkan(unggah(kaskade, iku=KEPALA + "2017;PTM;MITRA;Jumlah mitra;Customer;;maximize;sum;5;1;1;1;1;;;;\n"),
                     kaskade, Pelaku.sistem("uji"))
    terapkan(unggah(kaskade, iku=KEPALA + "2017;BTP;MITRA;Jumlah mitra BTP;Customer;;maximize;sum;5;1;1;1;1;PTM;MITRA;;\n"),
             kaskade, Pelaku.sistem("uji"))
    with pytest.raises(RevisiDitolak, match="IKU masih mendukung IKU yang akan hilang"):
        kaskade.batalkan(induk.id, pelaku=Pelaku.sistem("uji"))


# issue 28 item 6: the worst office by polarity, pooled komponen, and no parent without a child
UNIT_KANWIL = "kode_unit;nama_unit;kode_induk\nKW;Kanwil;\nK1;KPP Satu;KW\nK2;KPP Dua;KW\n"
KEPALA_R = KEPALA.rstrip("\n") + ";rumus_komponen\n"


def test_terburuk_pada_iku_minimize_memilih_kantor_terlambat(tmp_path):
    """Service days (minimize): the Kanwil's value under `terburuk` is the slowest office's 9 days (merah), where
    `minimum` picked the 2 days of the fastest and scored 120."""
    storage = Storage(tmp_path / "t.duckdb")
    iku = KEPALA + ("2026;KW;W;Waktu layanan;Customer;hari;minimize;last;10;5;5;5;5;;;terburuk;\n"
                    "2026;K1;W;Waktu layanan;Customer;hari;minimize;last;10;5;5;5;5;KW;W;;\n"
                    "2026;K2;W;Waktu layanan;Customer;hari;minimize;last;10;5;5;5;5;KW;W;;\n")
    rencana = unggah(storage, unit=UNIT_KANWIL, iku=iku,
                     realisasi="tahun;triwulan;kode_unit;kode_iku;realisasi\n2026;1;K1;W;2\n2026;1;K2;W;9\n")
    assert rencana.sah, pesan(rencana)
    terapkan(rencana, storage, Pelaku.sistem("uji"))
    snap = storage.baca(2026, "KW", sub_unit=False)
    skor = scores.skor(scores.lebar(snap.iku, snap.realisasi), 1)
    assert skor["realisasi"].tolist() == [9.0] and skor["status"].tolist() == ["merah"]


def test_gabungan_menjumlahkan_komponen_anak(tmp_path):
    """481 of 500 and 1 of 2 services on time: the Kanwil's pooled 482 / 502 = 96,02 %, not the mean's 73,1 %."""
    storage = Storage(tmp_path / "g.duckdb")
    iku = KEPALA_R + (
        "2026;KW;TW;Layanan tepat waktu;Customer;%;maximize;last;10;95;95;95;95;;;gabungan;;\n"
        '2026;K1;TW;Layanan tepat waktu;Customer;%;maximize;last;10;95;95;95;95;KW;TW;;;"rasio(tepat; layanan)"\n'
        '2026;K2;TW;Layanan tepat waktu;Customer;%;maximize;last;10;95;95;95;95;KW;TW;;;"rasio(tepat; layanan)"\n')
    komponen = ("tahun;triwulan;kode_unit;kode_iku;komponen;nilai\n2026;1;K1;TW;tepat;481\n2026;1;K1;TW;layanan;500\n"
                "2026;1;K2;TW;tepat;1\n2026;1;K2;TW;layanan;2\n")
    rencana = unggah(storage, unit=UNIT_KANWIL, iku=iku, komponen=komponen)
    assert rencana.sah, pesan(rencana)
    terapkan(rencana, storage, Pelaku.sistem("uji"))
    snap = storage.baca(2026, "KW", sub_unit=False)
    skor = scores.skor(scores.lebar(snap.iku, snap.realisasi), 1)
    assert round(skor["realisasi"].iloc[0], 2) == 96.02
    # a gabungan parent whose child is not a rasio is refused on the parent's row
    salah = KEPALA_R + ("2026;KW;X;X;Customer;%;maximize;last;10;95;95;95;95;;;gabungan;;\n"
                        "2026;K1;X;X;Customer;%;maximize;last;10;95;95;95;95;KW;X;;;\n")
    ((nomor, kolom, teks),) = pesan_baris(unggah(storage, iku=salah))
    assert (nomor, kolom) == (2, "agregasi_anak") and "rasio" in teks, teks


def pesan_baris(rencana):
    return [(k.baris, k.kolom, k.teks) for k in rencana.kesalahan]


def test_induk_tanpa_anak_ditolak(kaskade):
    """An IKU taking its realisasi from children it does not have is refused (it would be asked for "jumlah paling
    sedikit 40" of nothing); so is a row that takes the last child away."""
    sendiri = KEPALA + "2017;TIEM;PNBP;PNBP TIEM;Stakeholder;Rp miliar;maximize;sum;10;5;5;5;5;;;jumlah;\n"
    ((nomor, kolom, teks),) = pesan_baris(unggah(kaskade, iku=sendiri))
    assert (nomor, kolom) == (2, "agregasi_anak") and "tidak ada IKU yang mendukungnya" in teks, teks
    # with its child in the same upload it is fine
    dengan_anak = sendiri + "2017;PTM;PNBP2;PNBP PTM 2;Stakeholder;Rp miliar;maximize;sum;10;3;3;3;3;TIEM;PNBP;;\n"
    assert unggah(kaskade, iku=dengan_anak).sah
    # both Balai unlinked from PTM's PNBP, which sums them
    lepas = KEPALA + ("2017;BTP;PNBP;PNBP BTP;Stakeholder;Rp miliar;maximize;sum;10;1;1,1;1,5;2,1;;;;\n"
                      "2017;B2TKS;PNBP;PNBP B2TKS;Stakeholder;Rp miliar;maximize;sum;10;2;2;2;2;;;;\n")
    hasil = pesan_baris(unggah(kaskade, iku=lepas))
    assert [(n, k) for n, k, _ in hasil] == [(2, "kode_iku_induk"), (3, "kode_iku_induk")], hasil
    assert "IKU turunan terakhir dari PTM PNBP" in hasil[0][2]


def test_transaksi_menolak_induk_tanpa_anak(kaskade):
    """The committing transaction refuses a parent without a child too (the preview may be stale)."""
    iku = kaskade.baca(2017).iku
    tiem = iku[(iku["kode_unit"] == "PTM") & (iku["kode_iku"] == "PNBP")].assign(
        kode_unit="TIEM", kode_unit_induk=None, kode_iku_induk=None, agregasi_anak="jumlah")
    with pytest.raises(ImporDitolak, match="tidak punya IKU turunan"):
        kaskade.simpan({"iku": tiem}, pelaku=Pelaku.sistem("uji"), berkas="iku.csv", sha256="")


def test_minimum_pada_iku_minimize_diperingatkan(tmp_path):
    """`minimum` keeps meaning the smallest value; on a minimize IKU the preview says that is the best office."""
    iku = KEPALA + ("2026;KW;W;Waktu layanan;Customer;hari;minimize;last;10;5;5;5;5;;;minimum;\n"
                    "2026;K1;W;Waktu layanan;Customer;hari;minimize;last;10;5;5;5;5;KW;W;;\n")
    rencana = unggah(Storage(tmp_path / "m.duckdb"), unit=UNIT_KANWIL, iku=iku)
    assert rencana.sah, pesan(rencana)
    (w,) = [w for w in rencana.peringatan if w.kunci == "peringatan.minimum_minimize"]
    peringatan = teks_pesan(w)
    assert "KW W" in peringatan and "terburuk" in peringatan
