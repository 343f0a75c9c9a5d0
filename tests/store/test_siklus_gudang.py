"""The reporting cycle through the store, on both engines: the steps with their grants and audit lines, the
refusals that change nothing, what a write to a submitted, verified or final quarter meets, and data dukung."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from kinerja.store import AksesDitolak, PengaturanSiklus, SiklusDitolak, Storage
from kinerja.texts import dalam_bahasa
from kinerja_core.akses import SEMUA, Cara, Hibah, Pelaku, Peran
from kinerja_core.siklus import Aturan, Langkah, Tahap

KEDUA_MESIN = True
TAHUN, TW, UNIT = 2019, 3, "KPPBCBOGOR"
OPERATOR = Pelaku.sistem("root")


def orang(nama: str) -> Pelaku:
    return Pelaku(nama, Cara.MASUK, "uji")


@pytest.fixture
def gudang(db_contoh: Path | str) -> Storage:
    """The sample with rina (pengisi of Bogor), budi (verifikator of the Kanwil above it), vera (verifikator of
    Bogor itself) and sari (admin of every unit)."""
    s = Storage(db_contoh)
    for nama, peran, unit in (("rina", Peran.PENGISI, UNIT), ("budi", Peran.VERIFIKATOR, "KWBCJABAR"),
                              ("vera", Peran.VERIFIKATOR, UNIT), ("sari", Peran.ADMIN, SEMUA)):
        s.tambah_pengguna(nama, None, pelaku=OPERATOR)
        s.beri_hak(nama, Hibah(peran, unit), pelaku=OPERATOR)
    return s


def _tahap(s: Storage, unit: str = UNIT, triwulan: int = TW) -> Tahap:
    return s.keadaan_tahap(TAHUN, triwulan, unit).tahap


def test_siklus_penuh_tercatat_di_jejak(gudang: Storage) -> None:
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.AJUKAN, pelaku=orang("rina"))
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.KEMBALIKAN, pelaku=orang("budi"), alasan="Realisasi IKU 3 belum September")
    status = gudang.daftar_tahap(TAHUN, TW, "KWBCJABAR", sub_unit=True, hari=dt.date(2019, 10, 16)).set_index("kode_unit")
    assert status.loc[UNIT, "tahap"] == "dikembalikan" and status.loc[UNIT, "alasan"] == "Realisasi IKU 3 belum September"
    assert status.loc[UNIT, "terlambat_hari"] == 2  # the submit deadline (14 October) counts again
    assert status.loc["KPPBCBEKASI", "tahap"] == "draf"
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.AJUKAN, pelaku=orang("rina"))
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.VERIFIKASI, pelaku=orang("budi"))
    keadaan = gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.FINALKAN, pelaku=orang("sari"))
    assert (keadaan.tahap, keadaan.diajukan_oleh, keadaan.diverifikasi_oleh, keadaan.final_oleh) == (
        Tahap.FINAL, "rina", "budi", "sari")
    baris = gudang.daftar_tahap(TAHUN, TW, UNIT).iloc[0]
    assert baris["tahap"] == "final" and pd.isna(baris["tenggat_berikutnya"]) and pd.isna(baris["terlambat_hari"])
    jejak = gudang.jejak(kode_unit=UNIT)
    assert list(jejak["tindakan"].head(5)) == ["siklus_finalkan", "siklus_verifikasi", "siklus_ajukan",
                                                "siklus_kembalikan", "siklus_ajukan"]
    assert list(jejak["pengguna"].head(5)) == ["sari", "budi", "rina", "budi", "rina"]


def test_alasan_tersimpan_sebagai_kode_dibaca_dalam_bahasa_pembaca(gudang: Storage) -> None:
    from kinerja.texts import teks_pesan
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.AJUKAN, pelaku=orang("rina"))
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.KEMBALIKAN, pelaku=orang("budi"), alasan="Lampiran kurang")
    rincian = gudang.jejak(kode_unit=UNIT)["rincian"].iloc[0]
    assert rincian.startswith('{"kunci":"jejak.siklus_kembalikan"')
    assert teks_pesan(rincian) == "KPPBCBOGOR TW III 2019 dikembalikan: Lampiran kurang"
    with dalam_bahasa("en"):
        assert teks_pesan(rincian) == "KPPBCBOGOR TW III 2019 returned: Lampiran kurang"


def _ditolak(gudang: Storage, jenis: type[Exception], langkah: Langkah, nama: str, **kw: object) -> str:
    sebelum = gudang.daftar_tahap(TAHUN, TW, UNIT)
    with pytest.raises(jenis) as e:
        gudang.langkah_tahap(TAHUN, TW, UNIT, langkah, pelaku=orang(nama), **kw)  # type: ignore[arg-type]
    pd.testing.assert_frame_equal(gudang.daftar_tahap(TAHUN, TW, UNIT), sebelum)  # nothing changed
    return str(e.value)


def test_setiap_penolakan_tidak_mengubah_apa_pun(gudang: Storage) -> None:
    assert "tidak bisa verifikasi" in _ditolak(gudang, SiklusDitolak, Langkah.VERIFIKASI, "budi")  # not submitted
    assert "perlu peran pengisi" in _ditolak(gudang, AksesDitolak, Langkah.AJUKAN, "budi")  # a verifikator fills nothing
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.AJUKAN, pelaku=orang("sari"))
    assert "tidak boleh juga verifikasi" in _ditolak(gudang, SiklusDitolak, Langkah.VERIFIKASI, "sari")
    assert "verifikator pada KPPBCBOGOR sendiri" in _ditolak(gudang, AksesDitolak, Langkah.VERIFIKASI, "vera")
    assert "perlu alasan" in _ditolak(gudang, SiklusDitolak, Langkah.KEMBALIKAN, "budi", alasan="  ")
    assert "tidak bisa finalkan" in _ditolak(gudang, SiklusDitolak, Langkah.FINALKAN, "rina")  # not verified yet
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.VERIFIKASI, pelaku=orang("budi"))
    assert "perlu peran admin" in _ditolak(gudang, AksesDitolak, Langkah.FINALKAN, "budi")
    assert "tidak boleh juga finalkan" in _ditolak(gudang, SiklusDitolak, Langkah.FINALKAN, "sari")
    ditolak = gudang.jejak(kode_unit=UNIT)
    assert (ditolak["tindakan"] == "ditolak").sum() == 3  # the refusals for want of a role are audited


def test_verifikator_unit_sendiri_bila_instalasi_mengizinkan(gudang: Storage) -> None:
    gudang.atur_siklus(PengaturanSiklus(aturan=Aturan(verifikasi_unit_sendiri=True)), pelaku=OPERATOR)
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.AJUKAN, pelaku=orang("rina"))
    assert gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.VERIFIKASI, pelaku=orang("vera")).tahap is Tahap.TERVERIFIKASI


def test_kunci_tenggat_dan_buka_kembali(gudang: Storage) -> None:
    gudang.atur_siklus(PengaturanSiklus(aturan=Aturan(kunci_tenggat=True)), pelaku=orang("sari"))
    telat = dt.date(2019, 10, 15)
    with pytest.raises(SiklusDitolak, match=r"sudah lewat \(2019-10-14\)"):
        gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.AJUKAN, pelaku=orang("rina"), hari=telat)
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.BUKA, pelaku=orang("sari"), alasan="Server kantor mati", hari=telat)
    assert gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.AJUKAN, pelaku=orang("rina"), hari=telat).tahap is Tahap.DIAJUKAN


def test_pengaturan_hanya_oleh_admin_semua_unit(gudang: Storage) -> None:
    with pytest.raises(AksesDitolak):
        gudang.atur_siklus(PengaturanSiklus(aturan=Aturan(kunci_tenggat=True)), pelaku=orang("budi"))
    assert gudang.pengaturan_siklus() == PengaturanSiklus()


PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_data_dukung_disimpan_didaftar_dan_hanya_untuk_yang_berhak(gudang: Storage) -> None:
    gudang.tambah_pengguna("tono", None, pelaku=OPERATOR)
    gudang.beri_hak("tono", Hibah(Peran.PEMBACA, "KPPBCBEKASI"), pelaku=OPERATOR)
    iku = gudang.baca(TAHUN, UNIT).iku["kode_iku"].iloc[0]
    nama = 'bukti <b>"tebal"</b>.pdf'
    bukti_id = gudang.tambah_bukti(TAHUN, TW, UNIT, iku, nama=nama, jenis="pdf", isi=PDF, pelaku=orang("rina"))
    daftar = gudang.daftar_bukti(TAHUN, TW, UNIT)
    assert daftar[["id", "kode_iku", "nama", "jenis", "ukuran", "oleh"]].values.tolist() == [
        [bukti_id, iku, nama, "pdf", len(PDF), "rina"]]
    assert gudang.ambil_bukti(bukti_id, pelaku=orang("budi")).isi == PDF  # the Kanwil above reads it
    with pytest.raises(AksesDitolak):
        gudang.ambil_bukti(bukti_id, pelaku=orang("tono"))  # a reader of another office does not
    assert gudang.daftar_bukti(TAHUN, TW, hibah=[Hibah(Peran.PEMBACA, "KPPBCBEKASI")]).empty
    with pytest.raises(AksesDitolak):
        gudang.tambah_bukti(TAHUN, TW, UNIT, iku, nama="x.pdf", jenis="pdf", isi=PDF, pelaku=orang("budi"))


def test_data_dukung_di_folder_yang_diatur(gudang: Storage, tmp_path: Path) -> None:
    gudang.atur_siklus(PengaturanSiklus(folder_bukti=str(tmp_path / "bukti")), pelaku=OPERATOR)
    iku = gudang.baca(TAHUN, UNIT).iku["kode_iku"].iloc[0]
    bukti_id = gudang.tambah_bukti(TAHUN, TW, UNIT, iku, nama="a.pdf", jenis="pdf", isi=PDF, pelaku=orang("rina"))
    assert [p.name for p in (tmp_path / "bukti").iterdir()] == [gudang.daftar_bukti(TAHUN).iloc[0]["sha256"]]
    assert gudang.ambil_bukti(bukti_id, pelaku=orang("rina")).isi == PDF


def test_data_dukung_triwulan_final_ditolak(gudang: Storage) -> None:
    iku = gudang.baca(TAHUN, UNIT).iku["kode_iku"].iloc[0]
    for langkah, nama in ((Langkah.AJUKAN, "rina"), (Langkah.VERIFIKASI, "budi"), (Langkah.FINALKAN, "sari")):
        gudang.langkah_tahap(TAHUN, TW, UNIT, langkah, pelaku=orang(nama))
    with pytest.raises(SiklusDitolak, match="KPPBCBOGOR TW III 2019: Final"):
        gudang.tambah_bukti(TAHUN, TW, UNIT, iku, nama="a.pdf", jenis="pdf", isi=PDF, pelaku=orang("rina"))
    assert gudang.daftar_bukti(TAHUN).empty
    gudang.tambah_bukti(TAHUN, 4, UNIT, iku, nama="a.pdf", jenis="pdf", isi=PDF, pelaku=orang("rina"))  # TW IV is open


KEPALA = "tahun;triwulan;kode_unit;kode_iku;realisasi;kendala;rencana_aksi;pic;tenggat;status_aksi;catatan_aksi"


def _unggah(gudang: Storage, *baris: str, nama: str = "rina"):
    from kinerja.masuk.importing import rencanakan
    return rencanakan([("realisasi.csv", "\n".join([KEPALA, *baris]).encode())], gudang, orang(nama))


def _koma(nilai: float) -> str:
    return f"{nilai:.4f}".replace(".", ",")


def _final(gudang: Storage, triwulan: int = TW) -> None:
    for langkah, nama in ((Langkah.AJUKAN, "rina"), (Langkah.VERIFIKASI, "budi"), (Langkah.FINALKAN, "sari")):
        gudang.langkah_tahap(TAHUN, triwulan, UNIT, langkah, pelaku=orang(nama))


def _baris_tersimpan(gudang: Storage, triwulan: int = TW) -> pd.Series:
    r = gudang.baca(TAHUN, UNIT, sub_unit=False).realisasi
    return r[r["triwulan"] == triwulan].iloc[0]


def test_triwulan_final_terkunci_di_pratinjau_dan_saat_simpan(gudang: Storage) -> None:
    from kinerja.masuk.importing import terapkan
    lama = _baris_tersimpan(gudang)
    iku = lama["kode_iku"]
    sah = _unggah(gudang, f"2019;3;{UNIT};{iku};{_koma(lama['realisasi'] + 1)};;;;;;")  # checked before the quarter is final
    assert sah.sah
    _final(gudang)
    rencana = _unggah(gudang, f"2019;3;{UNIT};{iku};{_koma(lama['realisasi'] + 1)};;;;;;")
    assert [(k.kode, k.baris, k.nilai) for k in rencana.kesalahan] == [("galat.triwulan_terkunci", 2, UNIT)]
    assert "KPPBCBOGOR TW III 2019 berstatus Final: datanya terkunci" in rencana.kesalahan[0].teks
    sebelum = gudang.baca(TAHUN, UNIT).realisasi
    with pytest.raises(SiklusDitolak, match=r"terkunci \(KPPBCBOGOR TW III 2019: Final\)"):
        terapkan(sah, gudang, orang("rina"))  # the commit decides again, with the same rule
    pd.testing.assert_frame_equal(gudang.baca(TAHUN, UNIT).realisasi, sebelum)
    # what the quarter does not lock goes through: the same values again, an action's follow-up, another quarter
    tetap = _unggah(gudang, f"2019;3;{UNIT};{iku};;;;Kasubsi;2019-12-31;selesai;sudah dikirim")
    assert tetap.sah, [k.teks for k in tetap.kesalahan]
    terapkan(tetap, gudang, orang("rina"))
    assert _baris_tersimpan(gudang)["status_aksi"] == "selesai"
    assert _baris_tersimpan(gudang)["realisasi"] == lama["realisasi"]


def test_perubahan_setelah_verifikasi_kembali_ke_draf(gudang: Storage) -> None:
    from kinerja.masuk.importing import terapkan
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.AJUKAN, pelaku=orang("rina"))
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.VERIFIKASI, pelaku=orang("budi"))
    lama = _baris_tersimpan(gudang)
    rencana = _unggah(gudang, f"2019;3;{UNIT};{lama['kode_iku']};{_koma(lama['realisasi'] + 1)};;;;;;")
    assert rencana.sah
    assert str(rencana.berkas[0].catatan[-1]) == (
        "KPPBCBOGOR TW III 2019 sudah Terverifikasi; perubahan ini mengembalikannya ke Draf dan perlu diajukan lagi.")
    assert _tahap(gudang) is Tahap.TERVERIFIKASI  # the preview changes nothing
    terapkan(rencana, gudang, orang("rina"))
    assert _tahap(gudang) is Tahap.DRAF
    assert gudang.jejak(kode_unit=UNIT)["tindakan"].head(2).tolist() == ["impor", "siklus_draf"]


def test_pembatalan_yang_menyentuh_triwulan_final_ditolak(gudang: Storage) -> None:
    from kinerja.masuk.importing import terapkan
    lama = _baris_tersimpan(gudang)
    revisi = terapkan(_unggah(gudang, f"2019;3;{UNIT};{lama['kode_iku']};{_koma(lama['realisasi'] + 1)};;;;;;"), gudang,
                      orang("rina"))
    _final(gudang)
    with pytest.raises(SiklusDitolak, match="KPPBCBOGOR TW III 2019: Final"):
        gudang.batalkan(revisi.id, pelaku=OPERATOR)
    with pytest.raises(SiklusDitolak):
        gudang.tinjau_batal(revisi.id, pelaku=OPERATOR)  # the undo's preview says the same before anything
    assert _baris_tersimpan(gudang)["realisasi"] == lama["realisasi"] + 1
    gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.BUKA, pelaku=orang("sari"), alasan="Koreksi data")
    gudang.batalkan(revisi.id, pelaku=OPERATOR)  # reopened: the undo goes through
    assert _baris_tersimpan(gudang)["realisasi"] == lama["realisasi"]


def test_bukti_wajib_menahan_pengajuan_sampai_ada(gudang: Storage) -> None:
    from kinerja.masuk.importing import rencanakan, terapkan
    iku = gudang.baca(TAHUN, UNIT, sub_unit=False).iku
    baris = iku[iku["target_tw3"].notna()].iloc[0]
    kepala = ";".join(c for c in iku.columns)
    sel = [("1" if k == "bukti_wajib" else "" if pd.isna(v) else str(v).replace(".", ","))
           for k, v in baris.items()]
    rencana = rencanakan([("iku.csv", f"{kepala}\n{';'.join(sel)}".encode())], gudang, OPERATOR)
    assert rencana.sah, [k.teks for k in rencana.kesalahan]
    terapkan(rencana, gudang, OPERATOR)
    with pytest.raises(SiklusDitolak, match=f"IKU {baris['kode_iku']} wajib dilengkapi data dukung"):
        gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.AJUKAN, pelaku=orang("rina"))
    assert _tahap(gudang) is Tahap.DRAF
    gudang.tambah_bukti(TAHUN, TW, UNIT, baris["kode_iku"], nama="bukti.pdf", jenis="pdf", isi=PDF, pelaku=orang("rina"))
    assert gudang.langkah_tahap(TAHUN, TW, UNIT, Langkah.AJUKAN, pelaku=orang("rina")).tahap is Tahap.DIAJUKAN
