"""The worked examples in the docstrings are tests too."""

import doctest
import importlib

import pytest

MODUL = [
    "kinerja_core.model", "kinerja_core.profil", "kinerja_core.konsolidasi", "kinerja_core.capaian",
    "kinerja_core.nko", "kinerja_core.unit", "kinerja_core.kebutuhan", "kinerja_core.akses", "kinerja_core.rumus",
    "kinerja_core.prognosis", "kinerja_core.tindak_lanjut", "kinerja_core.kolom", "kinerja_core.komponen",
    "kinerja_core.kaskade", "kinerja.masuk.loading", "kinerja.masuk.catat", "kinerja.masuk.dekode",
    "kinerja.masuk.gaya_angka", "kinerja.masuk.bersih", "kinerja.masuk.keluaran", "kinerja.masuk.jenis", "kinerja.masuk.periksa_jenis",
    "kinerja.texts", "kinerja.teks_aman", "kinerja.scores", "kinerja.web.tampilan", "kinerja.pohon_kaskade", "kinerja.pesan",
    "kinerja.store.gudang", "kinerja.store.mesin_postgres", "kinerja.store.kop", "kinerja.dokumen.bagian",
    "kinerja.dokumen.triwulan", "kinerja.dokumen.dko", "kinerja.dokumen.manual", "kinerja.dokumen.lkjip",
    "kinerja.dokumen.model", "kinerja.dokumen.pdf", "kinerja.dokumen.xlsx", "kinerja.masuk.importing",
    "kinerja.store.skor", "kinerja.cli.skor", "kinerja_core.tahap", "kinerja.masuk.perbandingan", "kinerja.store.periksa",
]


@pytest.mark.parametrize("nama", MODUL)
def test_docstring(nama):
    hasil = doctest.testmod(importlib.import_module(nama))
    assert hasil.attempted > 0
    assert hasil.failed == 0
