"""Issue 29 item 4: what is stored is language-free. The audit trail keeps each line as a code with its values,
put into words by whoever reads it, in their language; a line stored before (words) still reads as written.
The store's refusals carry the same codes, so tests and the trail assert on codes, not on sentences."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from kinerja.masuk.exporting import tabel_jejak
from kinerja.pesan import Pesan
from kinerja.store import RevisiDitolak, Storage
from kinerja.texts import dalam_bahasa, t
from kinerja_core.akses import Pelaku

KEDUA_MESIN = True
ZONA = ZoneInfo("Asia/Jakarta")


def _rincian(storage: Storage) -> list[str]:
    return tabel_jejak(storage.jejak(), ZONA)[t("jejak.kolom.rincian")].tolist()


def test_baris_jejak_ditulis_dalam_bahasa_inggris_dibaca_dalam_bahasa_indonesia(storage):
    with dalam_bahasa("en"):  # an English-speaking operator writes
        storage.tambah_pengguna("rina", "x", pelaku=Pelaku.sistem("root"))
        assert _rincian(storage)[0] == "added user rina (local password)"
        inggris = _rincian(storage)[0]
    with dalam_bahasa("id"):  # an Indonesian reader reads it in Indonesian
        indonesia = _rincian(storage)[0]
    assert indonesia != inggris and "rina" in indonesia
    disimpan = Pesan.baca(storage.jejak()["rincian"].iloc[0])
    assert disimpan.kunci == "jejak.pengguna_tambah" and disimpan.isian["cara"] == Pesan("akses.lokal")


def test_baris_jejak_lama_berupa_kata_tetap_terbaca(storage):
    """A database from before codes were stored keeps its words; they are shown as they were written."""
    with storage._transaksi(tulis=True) as con:
        con.execute("INSERT INTO jejak (id, waktu, pengguna, cara, asal, tindakan, revisi, rincian) VALUES "
                    "((SELECT COALESCE(max(id), 0) + 1 FROM jejak), TIMESTAMP '2019-10-02 03:15:00', 'lama', "
                    "'lama', '', 'impor', NULL, 'realisasi.csv: 3 baru, 0 berubah, 12 sama')")
    with dalam_bahasa("en"):
        assert _rincian(storage)[0] == "realisasi.csv: 3 baru, 0 berubah, 12 sama"


def test_judul_kolom_jejak_dalam_bahasa_pembaca(storage):
    storage.tambah_pengguna("rina", "x", pelaku=Pelaku.sistem("root"))
    with dalam_bahasa("en"):
        assert list(tabel_jejak(storage.jejak(), ZONA).columns) == [
            "Time", "User", "Signed in by", "From", "Action", "Revision", "Unit", "Details"]
    assert list(tabel_jejak(storage.jejak(), ZONA).columns) == [
        "Waktu", "Pengguna", "Cara masuk", "Dari", "Tindakan", "Revisi", "Unit", "Rincian"]


def test_penolakan_membawa_kode_dan_berkata_dalam_bahasa_pembaca(storage):
    with pytest.raises(RevisiDitolak) as e:
        storage.batalkan(9999, pelaku=Pelaku.sistem("root"))
    assert e.value.pesan == Pesan("revisi.tidak_ada", {"id": 9999})
    with dalam_bahasa("en"):
        inggris = str(e.value)
    with dalam_bahasa("id"):
        indonesia = str(e.value)
    assert "9999" in inggris and "9999" in indonesia and inggris != indonesia
