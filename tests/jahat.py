"""Hostile names and notes (issue 27, finding 1), stored in a database as an upload or the Dialog would store them,
for the tests that check every page shows them as text: tests/web/test_teks_aman_halaman.py (AppTest) and
tests/e2e/test_teks_aman_browser.py (Chromium).

Every payload carries the word ``JAHAT``, so a test can tell that the page did show it (as text).
"""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path

from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.rapat.dialog import Arahan
from kinerja.rapat.simpan import simpan_rapat
from kinerja.store import Storage
from kinerja_core.akses import Pelaku

DATA = Path(__file__).resolve().parent.parent / "data"

HTML_JAHAT = '<a href="http://evil.example/">JAHAT</a><img src=http://evil.example/i.png>'
"""Markup that plotly and an HTML block would obey: a live link and an image fetched from elsewhere."""

MD_JAHAT = ("JAHAT\n\n![a](http://evil.example/x.png)\n\n# JAHAT judul\n\n| a | b |\n|---|---|\n| JAHAT | 2 |\n\n"
            "JAHAT setext\n===\n\n    JAHAT kode")
"""Markdown that a blank line lets loose even behind ``html.escape``: an image fetched, a heading, a table."""

NAMA_KANWIL = f"Kanwil {HTML_JAHAT}\n\n![a](http://evil.example/k.png)\n# JAHAT kanwil"
NAMA_BOGOR = f"Bogor {HTML_JAHAT}\n\n![a](http://evil.example/b.png)\n# JAHAT bogor"
SATUAN = '<a href="http://evil.example/">Rp</a>\n\n![a](http://evil.example/s.png)'  # at most 100 characters
"""The names of KWBCJABAR and KPPBCBOGOR, and the satuan of BGR-01."""


def _csv(baris: list[list[str]]) -> bytes:
    keluar = io.StringIO()
    csv.writer(keluar, delimiter=";", lineterminator="\n").writerows(baris)
    return keluar.getvalue().encode()


def berkas_jahat() -> list[tuple[str, bytes]]:
    """unit.csv, iku.csv and realisasi.csv that give the sample data hostile names and notes: KWBCJABAR and
    KPPBCBOGOR renamed; BGR-01 (the first Dialog slide), BGR-05 (the one the Dialog summary lists) and every IKU
    of BTP, PTM and BPPT in 2017 (the cascade) with hostile names; BGR-01 with a hostile sasaran strategis and
    satuan; BGR-01's kendala, rencana aksi, PIC and tindak-lanjut note (TW I and TW III) hostile."""
    unit = _csv([["kode_unit", "nama_unit", "kode_induk"], ["KWBCJABAR", NAMA_KANWIL, "DJBC"],
                 ["KPPBCBOGOR", NAMA_BOGOR, "KWBCJABAR"]])
    with open(DATA / "iku.csv", encoding="utf-8") as f:
        iku = list(csv.reader(f, delimiter=";"))
    kolom = {k: i for i, k in enumerate(iku[0])}
    baris_iku = [iku[0]]
    for b in iku[1:]:
        if (b[kolom["kode_unit"]], b[kolom["kode_iku"]]) in (("KPPBCBOGOR", "BGR-01"), ("KPPBCBOGOR", "BGR-05")) or (
                b[kolom["kode_unit"]] in ("BTP", "PTM", "BPPT")):
            b = list(b)
            b[kolom["nama_iku"]] += f" {HTML_JAHAT}\n\n{MD_JAHAT}"
            if b[kolom["kode_iku"]] == "BGR-01":
                b[kolom["sasaran_strategis"]] = f"Sasaran {HTML_JAHAT}\n\n{MD_JAHAT}"
                b[kolom["satuan"]] = SATUAN
            baris_iku.append(b)
    catatan = [f"{isi} {HTML_JAHAT}\n\n{MD_JAHAT}" for isi in ("Kendala", "Rencana aksi", "Catatan aksi")]
    pic = f"PIC {HTML_JAHAT}\n\n![a](http://evil.example/p.png)"
    realisasi = _csv([
        ["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi", "kendala", "rencana_aksi", "pic", "status_aksi",
         "catatan_aksi"],
        ["2019", "TW I", "KPPBCBOGOR", "BGR-01", "33,1", *catatan[:2], pic, "berjalan", catatan[2]],
        ["2019", "TW III", "KPPBCBOGOR", "BGR-01", "48,2", *catatan[:2], pic, "", ""],
    ])
    return [("unit.csv", unit), ("iku.csv", _csv(baris_iku)), ("realisasi.csv", realisasi)]


RAPAT = {
    "tempat": f"Aula {HTML_JAHAT}\n\n![a](http://evil.example/t.png)\n# JAHAT tempat",
    "pimpinan": f"Kepala {HTML_JAHAT}\n\n| a | b |\n|---|---|\n| JAHAT | 2 |",
    "peserta": "Kasi PKC\n\n![a](http://evil.example/ps.png)",
    "arahan": [Arahan(f"Percepat penagihan {HTML_JAHAT}", f"Kasi {HTML_JAHAT}\n\n| a | b |", datetime.date(2019, 11, 30)),
               Arahan("![a](http://evil.example/ar.png)", "![p](http://evil.example/pic.png)"),
               Arahan("# JAHAT arahan")],
}
"""The Dialog meeting of KPPBCBOGOR, 2019 TW III (its arahan each with a PIC, one with a tenggat)."""


def simpan_jahat(db: Path | str) -> None:
    """Store the hostile files and meeting in ``db`` (the sample data), as an upload and the Dialog would."""
    storage = Storage(db)
    pelaku = Pelaku.sistem("uji keamanan")
    rencana = rencanakan(berkas_jahat(), storage, pelaku)
    assert rencana.sah, [(k.berkas, k.baris, k.kolom, k.teks) for k in rencana.kesalahan]
    terapkan(rencana, storage, pelaku)
    simpan_rapat(storage, "KPPBCBOGOR", 2019, 3, tanggal=datetime.date(2019, 10, 2), pelaku=pelaku, **RAPAT)
