"""Matching an upload's codes to the stored ones: case never makes a new unit or IKU, look-alikes are refused.

DOMAIN.md: codes compare without regard to case (``bgr-01`` is ``BGR-01``) and
are shown as first registered. So every code of an upload is rewritten to the
spelling already stored (or, for a code new to the store, to its first spelling
in the upload), and the preview says so. A *new* code that differs from a
stored one only by a look-alike character — the letter O for the digit 0, I or
L for 1 — is refused naming the stored code: ``BGR-O1`` beside ``BGR-01`` is a
typo far more often than a new indicator.
"""

from __future__ import annotations

import pandas as pd

from kinerja.loading import Berkas, Jenis, Kesalahan
from kinerja.storage import KodeTersimpan
from kinerja.texts import t

KOLOM_UNIT = {Jenis.UNIT: ("kode_unit", "kode_induk"), Jenis.IKU: ("kode_unit",), Jenis.REALISASI: ("kode_unit",)}
"""The columns of each file kind that hold a unit code."""

_KEMBAR = str.maketrans("OIL", "011")
CONTOH_PER_CATATAN = 5
"""How many rewritten codes a notice names; the rest are counted."""


def kerangka(kode: str) -> str:
    """A code reduced to what the eye sees: case folded, O read as 0, I and L as 1.

    >>> kerangka("BGR-O1") == kerangka("bgr-01") == kerangka("BGR-0I")
    True
    >>> kerangka("KPPBC8OGOR") == kerangka("KPPBCBOGOR")
    False
    """
    return kode.upper().translate(_KEMBAR)


def samakan_kode(berkas: list[Berkas], tersimpan: KodeTersimpan, batas: int) -> tuple[list[Kesalahan], int]:
    """Rewrite every code in ``berkas`` (in place) to its registered spelling; refuse new look-alike codes.

    Unit codes first (an IKU code is registered per unit), then IKU codes.
    Each file gets a notice naming what was rewritten. Returns the look-alike
    errors (at most ``batas``) and how many more there were.
    """
    urut = [b for b in _urut(berkas) if not b.data.empty]
    ganti: dict[int, list[pd.DataFrame]] = {id(b): [] for b in urut}
    ejaan_unit = _ejaan([tersimpan.unit["kode_unit"], *(b.data[k] for b in urut for k in KOLOM_UNIT[b.jenis])])
    for b in urut:
        for k in KOLOM_UNIT[b.jenis]:
            ganti[id(b)].append(_terapkan(b, k, ejaan_unit, b.data[k].astype(object).str.upper()))
    dengan_iku = [b for b in urut if b.jenis in (Jenis.IKU, Jenis.REALISASI)]
    ejaan_iku = _ejaan([_kunci_iku(tersimpan.iku), *(_kunci_iku(b.data) for b in dengan_iku)],
                       [tersimpan.iku["kode_iku"], *(b.data["kode_iku"] for b in dengan_iku)])
    for b in dengan_iku:
        ganti[id(b)].append(_terapkan(b, "kode_iku", ejaan_iku, _kunci_iku(b.data)))
    for b in urut:
        b.catatan += _catatan(pd.concat(ganti[id(b)], ignore_index=True))
    return _mirip(berkas, tersimpan, batas)


def _urut(berkas: list[Berkas]) -> list[Berkas]:
    """Files in the order their codes register: units, then IKU, then realisasi (within a kind as uploaded)."""
    urutan = {Jenis.UNIT: 0, Jenis.IKU: 1, Jenis.REALISASI: 2}
    return sorted((b for b in berkas if b.jenis is not None), key=lambda b: urutan[b.jenis])  # type: ignore[index]


def _kunci_iku(data: pd.DataFrame) -> pd.Series:
    """An IKU code's key within its unit: 'KPPBCBOGOR\x1fBGR-01' (the unit code already settled)."""
    return data["kode_unit"].astype(object) + "\x1f" + data["kode_iku"].astype(object).str.upper()


def _ejaan(kunci: list[pd.Series], ejaan: list[pd.Series] | None = None) -> pd.Series:
    """Key → registered spelling: the stored one (first series) first, then the first uploaded.

    Without ``ejaan`` the key is the code in upper case and the spelling the code itself.
    """
    semua = pd.concat([k.astype(object) for k in kunci], ignore_index=True)
    if ejaan is None:
        tabel = pd.DataFrame({"kunci": semua.str.upper(), "ejaan": semua})
    else:
        tabel = pd.DataFrame({"kunci": semua, "ejaan": pd.concat([e.astype(object) for e in ejaan],
                                                                 ignore_index=True)})
    tabel = tabel.dropna().drop_duplicates("kunci", keep="first")
    return pd.Series(tabel["ejaan"].to_numpy(), index=tabel["kunci"].to_numpy())


def _terapkan(b: Berkas, kolom: str, ejaan: pd.Series, kunci: pd.Series) -> pd.DataFrame:
    """Rewrite one code column to its registered spelling; return the rows that changed (for the notice)."""
    asli = b.data[kolom].astype(object)
    baru = kunci.map(ejaan)
    berubah = baru.notna() & asli.notna() & (baru != asli)
    if berubah.any():
        b.data[kolom] = asli.where(~berubah, baru)
    return pd.DataFrame({"baris": b.data.loc[berubah, "baris"], "asli": asli[berubah], "ejaan": baru[berubah]})


def _catatan(ganti: pd.DataFrame) -> list[str]:
    """One notice naming the rewritten codes: 'bgr-01 → BGR-01 (baris 2, 5)'."""
    if ganti.empty:
        return []
    bagian = []
    kelompok = ganti.groupby(["asli", "ejaan"], sort=False)["baris"]
    for (asli, ejaan), baris in list(kelompok)[:CONTOH_PER_CATATAN]:
        nomor = ", ".join(str(int(n)) for n in baris.head(3))
        bagian.append(t("kode.dibaca_sebagai", asli=asli, ejaan=ejaan, baris=nomor + (" …" if len(baris) > 3 else "")))
    lain = kelompok.ngroups - CONTOH_PER_CATATAN
    return [t("kode.catatan", daftar="; ".join(bagian)) + (t("kode.lainnya", n=lain) if lain > 0 else "")]


def _mirip(berkas: list[Berkas], tersimpan: KodeTersimpan, batas: int) -> tuple[list[Kesalahan], int]:
    """New codes (unit or IKU) that look like a stored one of the same scope."""
    kesalahan: list[Kesalahan] = []
    lain = 0
    unit_ada = pd.Series(tersimpan.unit["kode_unit"], dtype=object)
    unit_terdaftar = set(unit_ada.str.upper())
    kerangka_unit = dict(zip(unit_ada.map(kerangka), unit_ada))
    iku = tersimpan.iku
    iku_terdaftar = set(_kunci_iku(iku))
    kerangka_iku = dict(zip(iku["kode_unit"].astype(object) + "\x1f" + iku["kode_iku"].astype(object).map(kerangka),
                            iku["kode_iku"]))
    for b in berkas:
        if b.data.empty or b.jenis not in (Jenis.UNIT, Jenis.IKU):
            continue
        data = b.data.dropna(subset=["kode_unit"] if b.jenis is Jenis.UNIT else ["kode_unit", "kode_iku"])
        if b.jenis is Jenis.UNIT:
            kolom, kode = "kode_unit", data["kode_unit"].astype(object)
            baru = ~kode.str.upper().isin(unit_terdaftar)
            ada = kode.map(kerangka).map(kerangka_unit)
        else:
            kolom, kode = "kode_iku", data["kode_iku"].astype(object)
            baru = ~_kunci_iku(data).isin(iku_terdaftar)
            ada = (data["kode_unit"].astype(object) + "\x1f" + kode.map(kerangka)).map(kerangka_iku)
        mirip = baru & ada.notna()
        for baris, nilai, kode_ada in zip(data.loc[mirip, "baris"], kode[mirip], ada[mirip]):
            if len(kesalahan) < batas:
                kesalahan.append(Kesalahan(b.nama, t("galat.kode_mirip", nilai=nilai, ada=kode_ada), int(baris),
                                           kolom))
            else:
                lain += 1
    return kesalahan, lain
