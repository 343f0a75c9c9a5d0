"""The English table matches the Indonesian one entry for entry: the same keys in the same order, the same
``{placeholders}``, nothing empty, and nothing left untranslated except codes, proper names and words that are
spelled the same in both languages."""

from __future__ import annotations

import re
import string

import pytest

from kinerja.texts import TEKS
from kinerja.texts_en import TEKS_EN

ID = TEKS["id"]

KODE_DAN_NAMA = ("Dialog Kinerja Organisasi", "Dialog Kinerja", "IKU", "NKO", "PIC", "TW")
"""Codes and proper names that stay as they are in English: an Indonesian value made only of these (and
placeholders and punctuation) may be the English value too, e.g. "{n} IKU: {rincian}" or "TW {romawi}"."""

SAMA_DALAM_BAHASA_INGGRIS = {
    # the Indonesian word is also the English one
    "filter.unit": "Unit",
    "kolom.nama_unit": "Unit",
    "jenis.unit": "unit",
    "filter.status": "Status",
    "kolom.status": "Status",
    "aksi.status": "Status",
    "jejak.cara.sistem": "operator",
    "agregasi.minimum": "minimum",
    "dialog.asal": "Realisasi {teks}",  # realisasi is the product's term in both languages
    # each language's name in its own words, on both tables
    "bahasa.id": "Bahasa Indonesia",
    "bahasa.en": "English",
}


def isian(teks: str) -> list[tuple[str, str | None, str | None]]:
    """The replacement fields of a format string: (name, conversion, format spec), sorted."""
    return sorted((nama, konversi, bentuk) for _, nama, bentuk, konversi in string.Formatter().parse(teks)
                  if nama is not None)


def harfiah(teks: str) -> str:
    """The literal text of a format string, without its replacement fields."""
    return "".join(potongan for potongan, *_ in string.Formatter().parse(teks))


def ada_huruf(teks: str) -> bool:
    return any(c.isalpha() for c in teks)


def test_kunci_sama():
    assert set(TEKS_EN) == set(ID), (sorted(set(ID) - set(TEKS_EN)), sorted(set(TEKS_EN) - set(ID)))
    assert list(TEKS_EN) == list(ID), "same order as TEKS['id']"


@pytest.mark.parametrize("kunci", list(ID))
def test_isian_sama(kunci: str):
    assert isian(TEKS_EN[kunci]) == isian(ID[kunci])


@pytest.mark.parametrize("kunci", list(ID))
def test_tidak_kosong(kunci: str):
    assert TEKS_EN[kunci].strip(), kunci


@pytest.mark.parametrize("kunci", list(ID))
def test_tepi_sama(kunci: str):
    """Values appended to others keep their leading " — " / ", " and trailing ": " etc."""
    tepi = r"^\s*|\s*$"
    assert re.findall(tepi, TEKS_EN[kunci]) == re.findall(tepi, ID[kunci])
    assert TEKS_EN[kunci].count("\n") == ID[kunci].count("\n")


@pytest.mark.parametrize("kunci", list(ID))
def test_diterjemahkan(kunci: str):
    asli, inggris = ID[kunci], TEKS_EN[kunci]
    if inggris != asli:
        return
    sisa = harfiah(asli)
    for kata in KODE_DAN_NAMA:
        sisa = sisa.replace(kata, "")
    assert not ada_huruf(sisa) or SAMA_DALAM_BAHASA_INGGRIS.get(kunci) == asli, (
        f"{kunci}: {asli!r} is not translated")


def test_daftar_pengecualian_masih_berlaku():
    """Every allow-listed key still exists and is still identical in both tables (the list does not go stale)."""
    for kunci, teks in SAMA_DALAM_BAHASA_INGGRIS.items():
        assert ID[kunci] == teks == TEKS_EN[kunci], kunci


def test_terformat():
    """Every English value formats with the Indonesian value's fields."""
    for kunci, teks in TEKS_EN.items():
        nilai = {nama: "x" for nama, _, _ in isian(ID[kunci])}
        teks.format(**nilai)
