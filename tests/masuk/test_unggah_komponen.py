"""Komponen through the product: a formula in iku.csv (``rumus_komponen``), its raw data in komponen.csv, the
realisasi computed from them on every read path, the preview showing both, and every refusal named by its row
(a formula that does not read, a komponen the formula does not name, a realisasi uploaded for a computed IKU),
checked again in the committing transaction and by an undo."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

from kinerja import scores
from kinerja.masuk.importing import rencanakan, tabel_pratinjau, terapkan
from kinerja.rapat import dialog
from kinerja.store import ImporDitolak, RevisiDitolak, Storage
from kinerja.texts import teks_pesan
from kinerja_core.akses import Pelaku

UNIT = ("kode_unit;nama_unit;kode_induk\nKWBC;Kanwil DJBC Jawa Barat;\nBGR;KPPBC Bogor;KWBC\n"
        "BKS;KPPBC Bekasi;KWBC\n")
KEPALA = ("tahun;kode_unit;kode_iku;nama_iku;perspektif;satuan;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
          "target_tw3;target_tw4;kode_unit_induk;kode_iku_induk;agregasi_anak;rumus_komponen\n")
IKU = KEPALA + (
    '2019;BGR;TW;Persentase layanan tepat waktu;Customer;%;maximize;average;10;95;95;95;95;;;;'
    '"Rasio(Tepat_Waktu; layanan)"\n'
    "2019;BGR;PNR;Penerimaan;Stakeholder;Rp miliar;maximize;sum;10;10;10;10;10;KWBC;PNR;;"
    '"jumlah(bea_masuk; cukai; pajak_impor)"\n'
    "2019;BKS;PNR;Penerimaan;Stakeholder;Rp miliar;maximize;sum;10;5;5;5;5;KWBC;PNR;;\n"
    "2019;KWBC;PNR;Penerimaan Kanwil;Stakeholder;Rp miliar;maximize;sum;10;15;15;15;15;;;jumlah;\n"
    '2019;BGR;SLS;Berkas diselesaikan;Internal Process;berkas;maximize;sum;10;100;100;100;100;;;;'
    '"selisih(masuk; tunggakan)"\n'
)
KOMPONEN = ("tahun;triwulan;kode_unit;kode_iku;komponen;nilai\n"
            "2019;TW I;BGR;TW;tepat_waktu;466\n2019;TW I;BGR;TW;layanan;500\n"
            "2019;TW II;BGR;TW;TEPAT_WAKTU;481\n2019;TW II;BGR;TW;layanan;500\n"
            "2019;TW III;BGR;TW;tepat_waktu;492\n"  # TW III: the number of services not yet in
            "2019;1;BGR;PNR;bea_masuk;4,5\n2019;1;BGR;PNR;cukai;3,25\n2019;1;BGR;PNR;pajak_impor;2\n"
            "2019;1;BGR;SLS;masuk;120\n2019;1;BGR;SLS;tunggakan;15\n")
REALISASI = "tahun;triwulan;kode_unit;kode_iku;realisasi;kendala\n2019;1;BKS;PNR;6;\n2019;3;BGR;TW;;Jaringan CEISA\n"


def unggah(storage: Storage, **berkas: str):
    return rencanakan([(f"{nama}.csv", isi.encode()) for nama, isi in berkas.items()], storage)


def simpan(storage: Storage, **berkas: str):
    rencana = unggah(storage, **berkas)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    return terapkan(rencana, storage, Pelaku.sistem("uji"))


def pesan(rencana) -> list[str]:
    return [str(k) for k in rencana.kesalahan]


@pytest.fixture
def komponen(tmp_path) -> Storage:
    storage = Storage(tmp_path / "k.duckdb")
    simpan(storage, unit=UNIT, iku=IKU, realisasi=REALISASI, komponen=KOMPONEN)
    return storage


def realisasi(storage: Storage, unit: str, iku: str) -> list[float | None]:
    _, lebar = storage.baca_lebar(2019)
    baris = lebar.set_index(["kode_unit", "kode_iku"]).loc[(unit, iku), scores.KOLOM_REALISASI]
    return [None if pd.isna(v) else v for v in baris.tolist()]


def test_realisasi_dihitung_dari_komponen(komponen):
    """466 of 500 → 93,2; 481 of 500 → 96,2; TW III waits for the number of services; sum and difference too."""
    assert realisasi(komponen, "BGR", "TW") == [93.2, 96.2, None, None]
    assert realisasi(komponen, "BGR", "PNR")[0] == pytest.approx(9.75)
    assert realisasi(komponen, "BGR", "SLS")[0] == 105.0
    # a computed child counts in its parent's sum: Kanwil = Bogor (from komponen) + Bekasi (uploaded)
    assert realisasi(komponen, "KWBC", "PNR")[0] == pytest.approx(15.75)
    # the snapshot (Dialog, exports) says the same, and keeps the note uploaded for TW III
    snap = komponen.baca(2019, "BGR", sub_unit=False)
    r = snap.realisasi[snap.realisasi["kode_iku"] == "TW"]
    assert r["realisasi"].tolist()[:2] == [93.2, 96.2] and r["kendala"].tolist()[2] == "Jaringan CEISA"
    assert sorted(snap.komponen.loc[snap.komponen["kode_iku"] == "TW", "komponen"].unique()) == ["layanan",
                                                                                                 "tepat_waktu"]
    # scored through TW II: the average of 93,2 and 96,2 against 95
    skor = scores.skor(scores.lebar(snap.iku, snap.realisasi), 2).set_index("kode_iku")
    assert skor.loc["TW", "realisasi"] == pytest.approx(94.7)
    # a meeting stands at the quarter the computed realisasi reached (TW I here: TW II's TW is computed, the
    # rest not reported), as the stored realisasi would make it
    _, _, lapor = komponen.unit_tahun(2019)
    assert set(lapor.loc[lapor["kode_iku"] == "TW", "triwulan"]) == {1, 2}


def test_pratinjau_menunjukkan_komponen_dan_realisasi_dihitung(komponen):
    """The preview of a komponen file: each row with the realisasi its quarter computes to and its komponen."""
    rencana = unggah(komponen, komponen="tahun;triwulan;kode_unit;kode_iku;komponen;nilai\n"
                                        "2019;3;BGR;TW;layanan;500\n2019;2;BGR;TW;layanan;0\n")
    assert rencana.sah, pesan(rencana)
    tabel = tabel_pratinjau(rencana.berkas[0], rencana.perubahan[0]).set_index("Baris")
    assert tabel.loc[2, "Realisasi dihitung"] == "98,4 (492 tepat waktu dari 500 layanan)"
    assert tabel.loc[3, "Realisasi dihitung"] == "— (481 tepat waktu dari 0 layanan)"  # over 0: not computable
    assert tabel.loc[3, "Rincian perubahan"] == "nilai: 500 → 0"


@pytest.mark.parametrize(("rumus", "kata"), [
    ("rasio(a)", "jumlah komponen tidak sesuai untuk rasio"),
    ("kali(a; b)", "bentuk 'kali' tidak dikenal"),
    ("rasio(a; A)", "komponen 'a' disebut dua kali"),
    ("rasio(a; b", "bukan berbentuk bentuk(a; b)"),
    ("jumlah(1a; b)", "nama komponen '1a' tidak sah"),
    ("__import__('os')", "bukan berbentuk bentuk(a; b)"),
])
def test_rumus_salah_ditolak_dengan_barisnya(tmp_path, rumus, kata):
    storage = Storage(tmp_path / "k.duckdb")
    iku = KEPALA + f'2019;BGR;X;X;Customer;%;maximize;last;10;;;;90;;;;"{rumus}"\n'
    rencana = unggah(storage, unit=UNIT, iku=iku)
    assert len(rencana.kesalahan) == 1
    k = rencana.kesalahan[0]
    assert (k.berkas, k.baris, k.kolom) == ("iku.csv", 2, "rumus_komponen") and kata in k.teks, k.teks


def test_rumus_dan_agregasi_sekaligus_ditolak(tmp_path):
    iku = KEPALA + '2019;KWBC;X;X;Customer;%;maximize;last;10;;;;90;;;jumlah;"rasio(a; b)"\n'
    (k,) = unggah(Storage(tmp_path / "k.duckdb"), unit=UNIT, iku=iku).kesalahan
    assert (k.baris, k.kolom) == (2, "rumus_komponen") and "agregasi_anak atau rumus_komponen" in k.teks


def test_komponen_salah_ditolak_dengan_barisnya(komponen):
    rencana = unggah(komponen, komponen="tahun;triwulan;kode_unit;kode_iku;komponen;nilai\n"
                                        "2019;1;BGR;TW;selesai;5\n"  # not in its formula
                                        "2019;1;BKS;PNR;cukai;5\n"  # an IKU without a formula
                                        "2019;1;BGR;XX;layanan;5\n"  # no such IKU
                                        "2019;1;BGR;TW;2layanan;5\n"  # not a name
                                        "2019;1;BGR;TW;layanan;lima\n"  # not a number
                                        "2019;1;BGR;TW;Layanan;7\n")  # the same key as row 6, in another case
    kesalahan = {(k.baris, k.kolom): k.teks for k in rencana.kesalahan}
    assert "tidak memiliki komponen 'selesai'; rumusnya rasio(tepat_waktu; layanan)" in kesalahan[(2, "komponen")]
    assert "BKS PNR tahun 2019 tidak memiliki rumus_komponen" in kesalahan[(3, "kode_iku")]
    assert "IKU 'XX' unit BGR tahun 2019 tidak dikenal" in kesalahan[(4, "kode_iku")]
    assert "nama komponen '2layanan' tidak sah" in kesalahan[(5, "komponen")]
    assert "bukan angka" in kesalahan[(6, "nilai")]
    assert "baris ganda: kunci 2019 / 1 / BGR / TW / layanan sudah ada di baris 6" in kesalahan[(7, None)]


def test_realisasi_iku_berkomponen_ditolak(komponen):
    rencana = unggah(komponen, realisasi="tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;3;BGR;TW;97\n")
    (k,) = rencana.kesalahan
    assert (k.baris, k.kolom) == (2, "realisasi")
    assert "dihitung dari komponennya (rasio(tepat_waktu; layanan))" in k.teks
    # a note on that quarter (realisasi blank) is welcome
    assert unggah(komponen, realisasi="tahun;triwulan;kode_unit;kode_iku;realisasi;kendala\n"
                                      "2019;3;BGR;TW;;Server\n").sah


def test_transaksi_memeriksa_komponen_lagi(komponen):
    """A komponen upload checked against one formula; before it commits, another process renames the komponen:
    the commit refuses the whole upload and nothing changes."""
    rencana = unggah(komponen, komponen="tahun;triwulan;kode_unit;kode_iku;komponen;nilai\n2019;3;BGR;TW;layanan;500\n")
    assert rencana.sah
    simpan(komponen, iku=KEPALA + '2019;BGR;TW;Persentase layanan tepat waktu;Customer;%;maximize;average;10;95;95;95;'
                                  '95;;;;"rasio(tepat_waktu; layanan_masuk)"\n')
    sebelum = komponen.baca(2019).komponen
    with pytest.raises(ImporDitolak, match="BGR TW: layanan"):
        terapkan(rencana, komponen, Pelaku.sistem("uji"))
    pd.testing.assert_frame_equal(komponen.baca(2019).komponen, sebelum)
    # and a realisasi checked before the IKU took a formula is refused at the commit too
    rencana = unggah(komponen, realisasi="tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;1;BKS;PNR;7\n")
    assert rencana.sah
    simpan(komponen, iku=KEPALA + '2019;BKS;PNR;Penerimaan;Stakeholder;Rp miliar;maximize;sum;10;5;5;5;5;KWBC;PNR;;'
                                  '"jumlah(bea_masuk; cukai)"\n')
    with pytest.raises(ImporDitolak, match="BKS PNR"):
        terapkan(rencana, komponen, Pelaku.sistem("uji"))


@pytest.mark.parametrize("rumus", ["rasio( tepat_waktu ,layanan )", "RASIO(Tepat_Waktu,layanan)",
                                   "rasio(tepat_waktu;layanan)"])
def test_komponen_diterima_saat_simpan_persis_bila_pratinjau_menerima(komponen, rumus):
    """A formula stored as typed (before formulas were kept in their canonical spelling, or by a copy), with the
    spacing and separators ``baca_rumus`` reads: the commit re-checks with the preview's rule
    (``aturan_unggah.komponen_disebut``), so it accepts exactly the komponen the preview accepts. The SQL pattern
    the commit used before refused 'layanan' of 'rasio( tepat_waktu ,layanan )' that the preview had accepted."""
    with komponen._transaksi(tulis=True) as con:
        con.execute("UPDATE iku SET rumus_komponen = $r WHERE kode_unit = 'BGR' AND kode_iku = 'TW'", {"r": rumus})
    diterima = unggah(komponen, komponen="tahun;triwulan;kode_unit;kode_iku;komponen;nilai\n2019;3;BGR;TW;layanan;500\n")
    assert diterima.sah, pesan(diterima)
    terapkan(diterima, komponen, Pelaku.sistem("uji"))
    assert realisasi(komponen, "BGR", "TW")[2] == pytest.approx(98.4)  # 492 of 500
    asing = "tahun;triwulan;kode_unit;kode_iku;komponen;nilai\n2019;3;BGR;TW;cukai;1\n"
    assert [k.kode for k in unggah(komponen, komponen=asing).kesalahan] == ["galat.komponen_asing"]
    with pytest.raises(ImporDitolak, match="BGR TW: cukai"):  # the commit, with no preview before it
        komponen.simpan({"komponen": pd.read_csv(io.StringIO(asing), sep=";")},
                        pelaku=Pelaku.sistem("uji"), berkas="k.csv", sha256="")


def test_batal_komponen_dan_iku_nya(tmp_path):
    storage = Storage(tmp_path / "k.duckdb")
    simpan(storage, unit=UNIT)
    iku = simpan(storage, iku=IKU)
    kom = simpan(storage, komponen=KOMPONEN)
    assert realisasi(storage, "BGR", "TW")[:2] == [93.2, 96.2]
    with pytest.raises(RevisiDitolak, match="komponen IKU"):  # the IKU may not go while its komponen stay
        storage.batalkan(iku.id, pelaku=Pelaku.sistem("uji"))
    storage.batalkan(kom.id, pelaku=Pelaku.sistem("uji"))
    assert realisasi(storage, "BGR", "TW") == [None] * 4 and storage.baca(2019).komponen.empty


def test_slide_dialog_dan_deck_menyebut_komponen(komponen):
    snap = komponen.baca(2019, "KWBC")
    isi = dialog.susun(snap, "KWBC", 2)
    slide = {(s.iku.kode_unit, s.iku.kode_iku): s for s in isi.slide}
    assert slide[("BGR", "TW")].asal == "dihitung dari komponennya, TW II: 481 tepat waktu dari 500 layanan"
    assert slide[("KWBC", "PNR")].asal == "dihitung dari 2 IKU turunan (jumlah)"
    assert slide[("BKS", "PNR")].asal == ""
    # the Kanwil alone (sub-units off): its children are not in view, the words still say where it comes from
    sendiri = dialog.susun(komponen.baca(2019, "KWBC", sub_unit=False), "KWBC", 2, dengan_sub_unit=False)
    assert sendiri.slide[0].asal == "dihitung dari IKU turunannya (jumlah)"


def test_iku_yang_kini_dihitung_disebut_di_pratinjau(komponen):
    """Bekasi's PNR has an uploaded TW I realisasi; giving it a formula says in the preview that the stored value
    no longer counts (it stays stored), instead of changing the number on screen without a word."""
    rencana = unggah(komponen, iku=KEPALA + "2019;BKS;PNR;Penerimaan;Stakeholder;Rp miliar;maximize;sum;10;5;5;5;5;"
                                           'KWBC;PNR;;"jumlah(bea_masuk; cukai)"\n')
    assert rencana.sah, pesan(rencana)
    assert ("IKU BKS PNR tahun 2019 kini menghitung realisasinya sendiri: realisasi yang tersimpan untuk TW I tidak "
            "dipakai lagi (tetap tersimpan, dan dipakai kembali bila pengaturannya dikosongkan)"
            ) in [teks_pesan(c) for c in rencana.berkas[0].catatan]
    terapkan(rencana, komponen, Pelaku.sistem("uji"))
    assert realisasi(komponen, "BKS", "PNR") == [None] * 4
    # unchanged settings say nothing
    assert not unggah(komponen, iku=IKU).berkas[0].catatan


def test_contoh_dengan_komponen_sama_dengan_realisasi_diunggah(tmp_path):
    """Golden: the bundled sample scores exactly as before its komponen existed. The same year loaded with BGR-11
    and BGR-14's realisasi uploaded as numbers (14 of 14 = 100; 21, 52, 78 of 100) and no formula gives the same
    capaian, status and NKO at every quarter and unit, so nothing but the source of those numbers changed."""
    from kinerja.masuk.importing import muat_contoh
    from tests.conftest import DATA

    contoh = Storage(tmp_path / "contoh.duckdb")
    muat_contoh(contoh)
    iku = (DATA / "iku.csv").read_text(encoding="utf-8").splitlines()
    tanpa_rumus = "\n".join(re.sub(r';"[^"]*"$', ";", b) for b in iku) + "\n"  # rumus_komponen blank everywhere
    assert tanpa_rumus.count("rasio") == 0 and tanpa_rumus.count("\n") == len(iku)
    realisasi = (DATA / "realisasi.csv").read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join([
        "2019;TW II;KPPBCBOGOR;BGR-11;100;;", "2019;TW I;KPPBCBOGOR;BGR-14;21;;", "2019;TW II;KPPBCBOGOR;BGR-14;52;;",
        "2019;TW III;KPPBCBOGOR;BGR-14;78;;"]) + "\n"
    diunggah = Storage(tmp_path / "diunggah.duckdb")
    simpan(diunggah, unit=(DATA / "unit.csv").read_text(encoding="utf-8"), iku=tanpa_rumus, realisasi=realisasi)
    for q in (1, 2, 3):
        a, b = (scores.skor(s.baca_lebar(2019)[1], q) for s in (contoh, diunggah))
        kolom = ["kode_unit", "kode_iku", "target", "realisasi", "capaian", "status"]
        pd.testing.assert_frame_equal(a[kolom], b[kolom])
        assert scores.hitung_nko(a).nilai == scores.hitung_nko(b).nilai
    assert realisasi_tersimpan(contoh, "BGR-14") == [] and len(realisasi_tersimpan(diunggah, "BGR-14")) == 3


def realisasi_tersimpan(storage: Storage, kode_iku: str) -> list[float]:
    """The realisasi rows stored (not computed) for a Bogor IKU of 2019."""
    return storage.iku_dan_realisasi(pd.DataFrame({"tahun": [2019], "kode_unit": ["KPPBCBOGOR"],
                                                   "kode_iku": [kode_iku]}))[1]["realisasi"].dropna().tolist()
