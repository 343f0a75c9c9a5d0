"""Pieces every document uses: the letterhead, the head of unit's signature block, a safe file name, and the table
cells for numbers, capaian and lights.

Each cell's ``teks`` is written in the current language by the app's own formatters (``kinerja.texts``) and its
``angka`` is the very number ``python -m kinerja score`` prints, so a spreadsheet and the page say the same.
Everything stays plain text: a name like ``=SUM(A1)`` is kept as typed, for the renderer to write as text.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from kinerja.dokumen import DokumenDitolak
from kinerja.dokumen.model import Penanda, Rata, Sel
from kinerja.pesan import Pesan
from kinerja.texts import KOSONG, angka, label_status, nama_tahap, persen, t, tanggal_panjang
from kinerja_core.model import Status
from kinerja_core.siklus import Tahap

if TYPE_CHECKING:
    from kinerja.store import Storage

GARIS_ISIAN = "_" * 28
"""A line to fill in by hand where a head of unit's name, NIP, position or town is not stored."""

KOLOM_PIMPINAN = ("nama_pimpinan", "nip_pimpinan", "jabatan_pimpinan", "kota")
"""The unit table's columns a signature block is made of (blank or absent: a line to fill in by hand)."""


class UnitTidakDikenal(DokumenDitolak, LookupError):
    """A document asked for a unit the store does not have."""

    def __init__(self, kode_unit: str) -> None:
        super().__init__(Pesan("galat.unit_tidak_dikenal", {"nilai": kode_unit}))
        self.kode_unit = kode_unit


def kop(storage: Storage) -> tuple[str, bytes | None]:
    """The institution's name and logo for the letterhead (``Storage.kop_dokumen``: the installation's setting);
    ('', None) until an admin sets them."""
    k = storage.kop_dokumen()
    return k.nama_instansi, k.logo


def teks(nilai: object) -> str:
    """A stored text as it is ('' for a blank: None, NaN, only spaces), never 'nan' or 'None'; inner line breaks
    and spaces are kept.

    >>> teks(None), teks(float("nan")), teks("  "), teks("Kasi PKC\\nKasi P2")
    ('', '', '', 'Kasi PKC\\nKasi P2')
    """
    if nilai is None or (not isinstance(nilai, str) and pd.api.types.is_scalar(nilai) and pd.isna(nilai)):
        return ""
    s = str(nilai)
    return s if s.strip() else ""


def _ambil(baris: Mapping[str, Any] | object, kolom: str) -> object:
    if isinstance(baris, Mapping):
        return baris.get(kolom)
    if isinstance(baris, pd.Series):
        return baris.get(kolom)
    return getattr(baris, kolom, None)


def baris_unit(unit: pd.DataFrame, kode_unit: str) -> dict[str, object]:
    """The row of ``kode_unit`` in a stored unit table (``Storage.baca_lebar``'s first DataFrame) as a dict, the
    signature columns ('' when the store has them not yet) included; ``UnitTidakDikenal`` when it is absent.

    >>> unit = pd.DataFrame({"kode_unit": ["BTP"], "nama_unit": ["Balai Teknologi Polimer"], "kode_induk": ["PTM"]})
    >>> baris_unit(unit, "BTP")["nama_pimpinan"]
    ''
    """
    pilih = unit[unit["kode_unit"] == kode_unit]
    if pilih.empty:
        raise UnitTidakDikenal(kode_unit)
    baris = pilih.iloc[0].to_dict()
    for k in KOLOM_PIMPINAN:
        baris[k] = teks(baris.get(k))
    return baris


def format_nip(nip: object) -> str:
    """An NIP (18 digits) grouped the way it is printed under a signature: birth date, start of service, sex,
    number; a value that is not 18 digits as stored; '' when blank.

    >>> format_nip("197001011995011001"), format_nip(" 19700101 199501 1 001 "), format_nip("123"), format_nip(None)
    ('19700101 199501 1 001', '19700101 199501 1 001', '123', '')
    """
    asli = teks(nip).strip()
    angka_saja = re.sub(r"\s", "", asli)
    if re.fullmatch(r"\d{18}", angka_saja):
        return f"{angka_saja[:8]} {angka_saja[8:14]} {angka_saja[14]} {angka_saja[15:]}"
    return asli


def penanda_pimpinan(unit_row: Mapping[str, Any] | object, tanggal: datetime.date | None,
                     keterangan: str = "") -> Penanda:
    """The signature block of a unit's head, from the unit's row: position, name, 'NIP 19700101 199501 1 001', and
    'Bogor, 2 Oktober 2019'; whatever is not stored is a line to fill in by hand, so a document whose unit has no
    head stored still has the block.

    >>> b = penanda_pimpinan({"nama_pimpinan": "Rina", "nip_pimpinan": "197001011995011001",
    ...                       "jabatan_pimpinan": "Kepala Kantor", "kota": "Bogor"}, datetime.date(2019, 10, 2))
    >>> b.jabatan, b.nama, b.nip, b.tempat_tanggal
    ('Kepala Kantor', 'Rina', 'NIP 19700101 199501 1 001', 'Bogor, 2 Oktober 2019')
    >>> penanda_pimpinan({}, None).nip == f"NIP {GARIS_ISIAN}"
    True
    """
    jabatan = teks(_ambil(unit_row, "jabatan_pimpinan")).strip()
    nama = teks(_ambil(unit_row, "nama_pimpinan")).strip()
    nip = format_nip(_ambil(unit_row, "nip_pimpinan"))
    kota = teks(_ambil(unit_row, "kota")).strip()
    hari = tanggal_panjang(tanggal) if tanggal is not None else GARIS_ISIAN
    return Penanda(
        jabatan=jabatan or GARIS_ISIAN,
        nama=nama or GARIS_ISIAN,
        nip=t("dok.bagian.nip", nip=nip or GARIS_ISIAN),
        tempat_tanggal=t("dok.bagian.tempat_tanggal", tempat=kota or GARIS_ISIAN, tanggal=hari),
        keterangan=keterangan,
    )


def nama_berkas(jenis: str, kode_unit: str, tahun: int, triwulan: int | None = None) -> str:
    """A file name without extension that every system takes: letters, digits, '-' and '_' only.

    >>> nama_berkas("triwulan", "KPPBCBOGOR", 2019, 3), nama_berkas("pk", "../a b.c/ü", 2019)
    ('triwulan_KPPBCBOGOR_2019_tw3', 'pk_---a-b-c--_2019')
    """
    bagian = [jenis, kode_unit, str(int(tahun))] + ([f"tw{int(triwulan)}"] if triwulan is not None else [])
    return "_".join(re.sub(r"[^A-Za-z0-9-]", "-", b.encode("ascii", "replace").decode()) or "-" for b in bagian)


def tanggal_dokumen(tanggal: datetime.date | None) -> datetime.date:
    """The date printed beside the signatures: the one asked for, else today where the unit is."""
    if tanggal is not None:
        return tanggal
    from kinerja.store import hari_ini

    return hari_ini()


# --- cells ----------------------------------------------------------------------------------------------------------


def _angka_atau_none(nilai: object) -> float | None:
    if nilai is None or isinstance(nilai, str) or pd.isna(nilai):  # type: ignore[arg-type]
        return None
    x = float(nilai)  # type: ignore[arg-type]
    return x if math.isfinite(x) else None  # beyond a double's range: empty, as `score` prints it


def sel_teks(nilai: object, *, tebal: bool = False, rata: Rata = "kiri") -> Sel:
    """A text cell, the stored text as it is ('—' for a blank).

    >>> sel_teks("=SUM(A1)\\nbaris dua").teks, sel_teks(None).teks
    ('=SUM(A1)\\nbaris dua', '—')
    """
    return Sel(teks(nilai) or KOSONG, tebal=tebal, rata=rata)


def sel_angka(nilai: object, desimal: int = 2) -> Sel:
    """A target or realisasi: shown to ``desimal`` places in the current language ('5.700.000,5', '96,23'), kept
    whole as the number (what ``score`` prints); '—' and no number when missing.

    >>> sel_angka(96.23333333333333).teks, sel_angka(96.23333333333333).angka, sel_angka(None).teks
    ('96,23', 96.23333333333333, '—')
    """
    x = _angka_atau_none(nilai)
    return Sel(angka(x, desimal), angka=x, rata="kanan", format_angka="#,##0.00##")


def sel_capaian(nilai: object) -> Sel:
    """A capaian or an NKO: two decimals as the app shows it ('103,13 %'), the number rounded to two decimals as
    ``score`` prints it; '—' when grey. The core's capaian is already rounded half-up to two decimals.

    >>> sel_capaian(103.13).teks, sel_capaian(101.3).angka, sel_capaian(None).teks
    ('103,13 %', 101.3, '—')
    """
    x = _angka_atau_none(nilai)
    if x is None:
        return Sel(KOSONG, rata="kanan")
    x = float(np.round(x, 2))  # as `score` rounds its column (the core's capaian is already at 2 decimals)
    return Sel(persen(x), angka=x, rata="kanan", format_angka="0.00")


def sel_status(status: Status | str) -> Sel:
    """A light: its shape and word ('● Hijau'), coloured as the light."""
    s = Status(status)
    return Sel(label_status(s), status=s, rata="tengah")


def sel_tahap(tahap: Tahap | str | None) -> Sel:
    """A stage of the reporting cycle: its mark and word ('✓ Terverifikasi'); '—' without stages."""
    if tahap is None or (isinstance(tahap, float) and math.isnan(tahap)):
        return Sel(KOSONG, rata="tengah")
    return Sel(nama_tahap(tahap), rata="tengah")


def teks_nko(nilai: float | None) -> str:
    """'NKO 105,96' — or 'NKO —' when every IKU is grey."""
    return t("dok.bagian.nko", nilai=angka(nilai, 2, tetap=True) if nilai is not None else KOSONG)
