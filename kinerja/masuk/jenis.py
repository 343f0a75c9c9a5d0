"""The kinds of file an upload can be and the columns of each; recognising a kind from its header.

``KOLOM`` lists the required and optional columns of each kind, ``KOLOM_INFO``
those our templates add for the reader. A header is normalised (``Kode Unit`` is
kode_unit) and its kind recognised from it (``kenali_jenis``); when none is, or
columns are missing, the kind it most likely means and the column each stray
name most likely means are suggested (``_jenis_terdekat``, ``_kolom_asing``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from enum import Enum

from kinerja.pesan import Pesan


class Jenis(str, Enum):
    """The kind of an uploaded file; the order is the order they are applied in."""

    UNIT = "unit"
    IKU = "iku"
    REALISASI = "realisasi"
    KOMPONEN = "komponen"


KOLOM: dict[Jenis, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Jenis.UNIT: (("kode_unit", "nama_unit"),
                 ("kode_induk", "nama_pimpinan", "nip_pimpinan", "jabatan_pimpinan", "kota")),
    Jenis.IKU: (
        ("tahun", "kode_unit", "kode_iku", "nama_iku", "perspektif", "polaritas", "konsolidasi", "bobot",
         "target_tw1", "target_tw2", "target_tw3", "target_tw4"),
        ("sasaran_strategis", "satuan", "konversi_120", "realisasi_terburuk", "sumber", "kode_unit_induk",
         "kode_iku_induk", "agregasi_anak", "rumus_komponen", "batas_bawah", "bilangan_bulat",
         "bukti_wajib", "definisi", "sumber_data", "pic_iku", "target_renstra", "tahun_renstra"),
    ),
    Jenis.REALISASI: (
        ("tahun", "triwulan", "kode_unit", "kode_iku", "realisasi"),
        ("kendala", "rencana_aksi", "pic", "tenggat", "status_aksi", "catatan_aksi"),
    ),
    Jenis.KOMPONEN: (("tahun", "triwulan", "kode_unit", "kode_iku", "komponen", "nilai"), ()),
}
"""Required and optional columns of each kind, as DOMAIN.md names them."""

KOLOM_INFO: dict[Jenis, tuple[str, ...]] = {
    Jenis.UNIT: ("nama_induk",),
    Jenis.IKU: ("nama_unit",),
    Jenis.REALISASI: ("nama_unit", "nama_iku", "satuan", "target_triwulan"),
    Jenis.KOMPONEN: ("nama_unit", "nama_iku", "rumus_komponen"),
}
"""Columns our templates add for the reader's sake: ignored on upload without a notice."""

TARGET = ("target_tw1", "target_tw2", "target_tw3", "target_tw4")

KOLOM_KODE = ("kode_unit", "kode_iku", "kode_induk", "kode_unit_induk", "kode_iku_induk")
KOLOM_ANGKA = (*TARGET, "bobot", "realisasi", "realisasi_terburuk", "batas_bawah", "nilai", "target_renstra",
               "tahun_renstra")


def _nama_kolom(judul: str) -> str:
    """'Kode Unit ' → 'kode_unit', 'Target TW1' → 'target_tw1'."""
    return "_".join(judul.strip().strip('"').lower().replace("-", " ").split())


def kenali_jenis(kolom: Iterable[str]) -> Jenis | None:
    """The kind of file a header belongs to.

    >>> kenali_jenis(["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi"])
    <Jenis.REALISASI: 'realisasi'>
    """
    ada = set(kolom)
    if {"komponen", "nilai"} <= ada:
        return Jenis.KOMPONEN
    if {"triwulan", "realisasi"} <= ada:
        return Jenis.REALISASI
    if "nama_iku" in ada or "target_tw1" in ada:
        return Jenis.IKU
    if "nama_unit" in ada:
        return Jenis.UNIT
    return None


# --- suggestions for a header that is not ours ----------------------------------------------------

_SINONIM_JUDUL = {"indikator": "iku", "i": "1", "ii": "2", "iii": "3", "iv": "4", "tw": "tw", "triwulan": "tw"}
"""Header words people write for ours, word by word (``target_tw_i`` is target_tw1), used only to suggest."""


def _kerangka_judul(nama: str) -> str:
    """A header reduced for comparison: words read through _SINONIM_JUDUL, joined without separators."""
    return "".join(_SINONIM_JUDUL.get(w, w) for w in nama.split("_"))


def _jenis_terdekat(kolom: Iterable[str]) -> Jenis | None:
    """For a header no kind is recognised from: the kind it most likely means, so its missing columns can be
    suggested; else None. A kind scores its required columns present plus the unknown columns that read as one
    of its missing columns (``kode_indikator`` as ``kode_iku``); the best needs two and must beat the rest.

    >>> _jenis_terdekat(["tahun", "kode_unit", "kode_indikator", "triwulan", "nilai_realisasi"])
    <Jenis.REALISASI: 'realisasi'>
    """
    kolom = list(kolom)
    ada = set(kolom)
    skor = sorted(((len(ada & set(KOLOM[j][0])) + sum(s is not None for _, s in _saran_kolom(kolom, j)), j)
                   for j in Jenis), key=lambda x: -x[0])
    if skor[0][0] >= 2 and skor[0][0] > skor[1][0]:
        return skor[0][1]
    return None


def _saran_kolom(kolom: Iterable[str], jenis: Jenis) -> list[tuple[str, str | None]]:
    """The columns of a header that ``jenis`` does not know, each with the missing column of that kind it most
    likely means (None when none is close)."""
    kolom = [k for k in kolom if k != "baris"]
    wajib, pilihan = KOLOM[jenis]
    dikenal = (*wajib, *pilihan, *KOLOM_INFO[jenis])
    calon = {_kerangka_judul(k): k for k in (*wajib, *pilihan) if k not in kolom}
    hasil: list[tuple[str, str | None]] = []
    for k in kolom:
        if k in dikenal:
            continue
        kunci = _kerangka_judul(k)
        mirip = [kunci] if kunci in calon else difflib.get_close_matches(kunci, list(calon), n=1, cutoff=0.75)
        hasil.append((k, calon[mirip[0]] if mirip else None))
    return hasil


def _kolom_asing(kolom: Iterable[str], jenis: Jenis) -> Pesan | None:
    """The columns of a header that ``jenis`` does not know, each with the missing column it most likely means,
    as the tail of a message about the header ("; unknown columns: …"); None when it knows them all.

    >>> from kinerja.texts import teks_pesan
    >>> teks_pesan(_kolom_asing(["tahun", "nama_indikator", "target_tw_i", "catatan"], Jenis.IKU))[28:]
    'nama_indikator (mungkin maksudnya nama_iku?), target_tw_i (mungkin maksudnya target_tw1?), catatan'
    """
    asing = [k if s is None else Pesan("galat.saran_kolom", {"kolom": k, "saran": s})
             for k, s in _saran_kolom(kolom, jenis)]
    return Pesan("galat.kolom_asing", {"daftar": Pesan.daftar(asing)}) if asing else None
