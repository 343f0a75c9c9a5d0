"""The upload corpus (tests/fixtures/unggahan): every good file lands with the expected counts; every bad
file is refused with row- and column-located messages, and the database stays exactly as it was. On both engines."""

import json
from pathlib import Path

import pandas as pd
import pytest

from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.store import TABEL, Storage
from kinerja_core.akses import Pelaku

KEDUA_MESIN = True  # the whole corpus lands (or is refused, changing nothing) alike on both engines
KORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "unggahan"
HARAPAN = json.loads((KORPUS / "harapan.json").read_text(encoding="utf-8"))


def isi_basis_data(storage: Storage) -> dict[str, pd.DataFrame]:
    """Every row of every table (data and revisions), in a stable order."""
    return {nama: storage.tabel(nama) for nama in (*TABEL, "revisi", *(f"revisi_{n}" for n in TABEL))}


def test_korpus_cukup_besar_dan_lengkap():
    berkas = {p.name for p in KORPUS.iterdir()} - {"harapan.json"}
    assert berkas == set(HARAPAN)
    assert len(berkas) >= 40
    assert sum(not h["sah"] for h in HARAPAN.values()) >= 20


@pytest.mark.parametrize("nama", [n for n, h in HARAPAN.items() if h["sah"]])
def test_berkas_baik_tersimpan(nama, storage):
    h = HARAPAN[nama]
    rencana = rencanakan([(nama, (KORPUS / nama).read_bytes())], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    (p,) = rencana.perubahan
    assert (p.baru, p.berubah, p.sama) == (h["baru"], h["berubah"], h["sama"])
    assert sum(len(b.catatan) for b in rencana.berkas) == h["catatan"]
    revisi = terapkan(rencana, storage, Pelaku.sistem("uji"))
    assert (revisi.baru, revisi.berubah, revisi.sama) == (h["baru"], h["berubah"], h["sama"])
    # the same file again is a no-op revision
    ulang = terapkan(rencanakan([(nama, (KORPUS / nama).read_bytes())], storage), storage, Pelaku.sistem("uji"))
    assert (ulang.baru, ulang.berubah) == (0, 0)


@pytest.mark.parametrize("nama", [n for n, h in HARAPAN.items() if not h["sah"]])
def test_berkas_buruk_ditolak_tanpa_mengubah_apa_pun(nama, storage):
    sebelum = isi_basis_data(storage)
    rencana = rencanakan([(nama, (KORPUS / nama).read_bytes())], storage)
    assert not rencana.sah
    ditemukan = [(k.baris, k.kolom, str(k)) for k in rencana.kesalahan]
    for baris, kolom, potongan in HARAPAN[nama]["kesalahan"]:
        assert any(b == baris and k == kolom and potongan in teks for b, k, teks in ditemukan), (
            f"diharapkan baris {baris}, kolom {kolom}: {potongan!r}; ditemukan {ditemukan}")
        assert all(teks.startswith(nama) for _, _, teks in ditemukan)  # every message names the file
    with pytest.raises(ValueError):
        terapkan(rencana, storage, Pelaku.sistem("uji"))
    sesudah = isi_basis_data(storage)
    for tabel in sebelum:
        pd.testing.assert_frame_equal(sebelum[tabel], sesudah[tabel], obj=tabel)


def test_teks_berbahaya_disimpan_sebagai_teks(storage):
    nama = "15_teks_html.csv"
    terapkan(rencanakan([(nama, (KORPUS / nama).read_bytes())], storage), storage, Pelaku.sistem("uji"))
    baris = storage.baca(2019).realisasi.query("kode_iku == 'BGR-09' and triwulan == 3").iloc[0]
    assert (baris["kendala"], baris["rencana_aksi"]) == ("<script>alert(1)</script>", "**tebal** =1+1")


def test_batas_ukuran_berkas(storage, monkeypatch):
    monkeypatch.setattr("kinerja.masuk.loading.BATAS_UKURAN_MB", 0)
    rencana = rencanakan([("besar.csv", b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;3;A;B;1\n")], storage)
    assert [str(k) for k in rencana.kesalahan] == [
        "besar.csv: berkas 0.0 MB melebihi batas 0 MB; bagi menjadi beberapa berkas"]


def test_batas_jumlah_baris(storage, monkeypatch):
    monkeypatch.setattr("kinerja.masuk.loading.BATAS_BARIS", 2)
    isi = "tahun;triwulan;kode_unit;kode_iku;realisasi\n" + "2019;3;KPPBCBOGOR;BGR-01;1\n" * 3
    rencana = rencanakan([("r.csv", isi.encode())], storage)
    assert [str(k) for k in rencana.kesalahan] == [
        "r.csv: berkas berisi 3 baris, melebihi batas 2 baris; bagi menjadi beberapa berkas"]


def test_dua_berkas_dengan_kunci_sama(storage):
    isi = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;3;KPPBCBOGOR;BGR-01;1\n"
    rencana = rencanakan([("a.csv", isi), ("b.csv", isi)], storage)
    assert [str(k) for k in rencana.kesalahan] == [
        "b.csv, baris 2: baris ganda: kunci 2019 / 3 / KPPBCBOGOR / BGR-01 sudah ada di a.csv baris 2"]
