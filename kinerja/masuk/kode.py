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

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kinerja.masuk.loading import Berkas, Jenis, Kesalahan
from kinerja.pesan import Pesan
from kinerja.store import KodeTersimpan

KOLOM_UNIT = {Jenis.UNIT: ("kode_unit", "kode_induk"), Jenis.IKU: ("kode_unit", "kode_unit_induk"),
              Jenis.REALISASI: ("kode_unit",), Jenis.KOMPONEN: ("kode_unit",)}
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

    A ministry's file names a thousand units and some tens of thousands of IKU
    in hundreds of thousands of rows: every rule here is applied once per
    distinct code (or unit-and-code pair), then spread back over the rows.
    """
    urut = [b for b in _urut(berkas) if not b.data.empty]
    ganti: dict[int, list[pd.DataFrame]] = {id(b): [] for b in urut}
    kolom_unit = [(b, k, _Kode.dari(b.data[k])) for b in urut for k in KOLOM_UNIT[b.jenis]]  # type: ignore[index]
    ejaan_unit: dict[str, str] = {}
    for kode in (tersimpan.unit["kode_unit"], *(k.kode for _, _, k in kolom_unit)):
        for asli in kode:
            if isinstance(asli, str):
                ejaan_unit.setdefault(asli.upper(), asli)
    for b, k, kode in kolom_unit:
        ganti[id(b)].append(_terapkan(b, k, kode, [ejaan_unit.get(u.upper()) if isinstance(u, str) else None
                                                   for u in kode.kode]))
    dengan_iku = [(b, _Kode.pasangan(b.data)) for b in urut
                  if b.jenis in (Jenis.IKU, Jenis.REALISASI, Jenis.KOMPONEN)]
    iku_tersimpan = _Kode.pasangan(tersimpan.iku)
    ejaan_iku: dict[str, str] = {}
    for pasangan in (iku_tersimpan, *(p for _, p in dengan_iku)):
        for kunci, kode_iku in zip(pasangan.kunci, pasangan.kode):
            if kunci is not None:
                ejaan_iku.setdefault(kunci, kode_iku)
    for b, pasangan in dengan_iku:
        ganti[id(b)].append(_terapkan(b, "kode_iku", pasangan,
                                      [None if k is None else ejaan_iku.get(k) for k in pasangan.kunci]))
    for b in (b for b in urut if b.jenis is Jenis.IKU and "kode_iku_induk" in b.data):  # the IKU supported
        induk = _Kode.pasangan(b.data[["kode_unit_induk", "kode_iku_induk"]].set_axis(["kode_unit", "kode_iku"],
                                                                                      axis=1))
        ganti[id(b)].append(_terapkan(b, "kode_iku_induk", induk,
                                      [None if k is None else ejaan_iku.get(k) for k in induk.kunci]))
    for b in urut:
        b.catatan += _catatan(pd.concat(ganti[id(b)], ignore_index=True))
    return _mirip(berkas, tersimpan, iku_tersimpan, batas)


def _urut(berkas: list[Berkas]) -> list[Berkas]:
    """Files in the order their codes register: units, then IKU, then realisasi and komponen (within a kind as
    uploaded)."""
    urutan = {Jenis.UNIT: 0, Jenis.IKU: 1, Jenis.REALISASI: 2, Jenis.KOMPONEN: 2}
    return sorted((b for b in berkas if b.jenis is not None), key=lambda b: urutan[b.jenis])  # type: ignore[index]


@dataclass(frozen=True)
class _Kode:
    """A code column, or a table's (kode_unit, kode_iku) pairs, by distinct value: per row the position of its
    value among them (-1 for a blank), and per distinct value the code (for a pair, its kode_iku) and its unit.

    >>> k = _Kode.pasangan(pd.DataFrame({"kode_unit": ["BGR", "BGR", "BTP"], "kode_iku": ["b-1", "b-1", "b-1"]}))
    >>> k.posisi.tolist(), k.kunci
    ([0, 0, 1], ['BGR\\x1fB-1', 'BTP\\x1fB-1'])
    """

    posisi: np.ndarray
    kode: np.ndarray
    unit: np.ndarray

    @classmethod
    def dari(cls, kolom: pd.Series) -> _Kode:
        posisi, unik = pd.factorize(kolom)
        unik = np.asarray(unik, dtype=object)
        return cls(posisi, unik, unik)

    @classmethod
    def pasangan(cls, data: pd.DataFrame) -> _Kode:
        unit, unit_unik = pd.factorize(data["kode_unit"])
        iku, iku_unik = pd.factorize(data["kode_iku"])
        lebar = len(iku_unik) + 1
        ada = (unit >= 0) & (iku >= 0)
        posisi = np.full(len(data), -1, dtype=np.intp)
        posisi[ada], gabung = pd.factorize(unit[ada].astype(np.int64) * lebar + iku[ada])
        gabung = np.asarray(gabung, dtype=np.int64)
        return cls(posisi, np.asarray(iku_unik, dtype=object)[gabung % lebar],
                   np.asarray(unit_unik, dtype=object)[gabung // lebar])

    @functools.cached_property
    def kunci(self) -> list[str | None]:
        """Each pair's key, an IKU code within its unit: 'KPPBCBOGOR\\x1fBGR-01' (the unit code already
        settled, the IKU code in upper case); None when not text."""
        return [u + "\x1f" + i.upper() if isinstance(u, str) and isinstance(i, str) else None
                for u, i in zip(self.unit, self.kode)]

    def baris(self, per_unik: Sequence[object]) -> np.ndarray:
        """A value per distinct code given for every row (None for a blank code)."""
        return np.array([*per_unik, None], dtype=object)[self.posisi]

    def urut_terakhir(self) -> list[tuple[object, object]]:
        """The (unit, code) pairs in the order of their last appearance."""
        terbalik = self.posisi[::-1]
        ada = terbalik >= 0
        _, pertama = np.unique(terbalik[ada], return_index=True)  # first from the end: the last
        terakhir = np.flatnonzero(ada)[pertama]
        return [(self.unit[i], self.kode[i]) for i in np.argsort(-terakhir, kind="stable")]


def _terapkan(b: Berkas, kolom: str, kode: _Kode, ejaan: list[str | None]) -> pd.DataFrame:
    """Rewrite one code column to its registered spelling (``ejaan`` per distinct value of ``kode``; None: keep);
    return the rows that changed (for the notice). The column keeps its type."""
    berubah_unik = np.array([e is not None and e != k for k, e in zip(kode.kode, ejaan)] + [False], dtype=bool)
    if not berubah_unik.any():
        return pd.DataFrame(columns=["baris", "asli", "ejaan"])
    berubah = berubah_unik[kode.posisi]
    asli = b.data[kolom]
    nilai, baru = asli.to_numpy(dtype=object), kode.baris(ejaan)
    b.data[kolom] = pd.Series(pd.array(np.where(berubah, baru, nilai), dtype=asli.dtype), index=asli.index)
    return pd.DataFrame({"baris": b.data.loc[berubah, "baris"], "asli": nilai[berubah], "ejaan": baru[berubah]})


def _catatan(ganti: pd.DataFrame) -> list[Pesan]:
    """One notice naming the rewritten codes: 'bgr-01 → BGR-01 (baris 2, 5)', in no language yet.

    >>> from kinerja.texts import teks_pesan
    >>> ganti = pd.DataFrame({"baris": [2, 5, 9], "asli": ["bgr-01", "bgr-01", "Bgr-02"],
    ...                       "ejaan": ["BGR-01", "BGR-01", "BGR-02"]})
    >>> teks_pesan(_catatan(ganti)[0]).split(": ", 1)[1]
    'bgr-01 → BGR-01 (baris 2, 5); Bgr-02 → BGR-02 (baris 9)'
    """
    if ganti.empty:
        return []
    bagian = []
    kelompok = ganti.groupby(["asli", "ejaan"], sort=False)["baris"]
    for (asli, ejaan), baris in list(kelompok)[:CONTOH_PER_CATATAN]:
        nomor = ", ".join(str(int(n)) for n in baris.head(3))  # row numbers: the same in every language
        bagian.append(Pesan("kode.dibaca_sebagai", {"asli": asli, "ejaan": ejaan,
                                                    "baris": nomor + (" …" if len(baris) > 3 else "")}))
    lain = kelompok.ngroups - CONTOH_PER_CATATAN
    daftar = Pesan(bagian[0].kunci, bagian[0].isian,
                   lanjut=tuple(Pesan("kode.titik_koma", {"pesan": p}) for p in bagian[1:]))  # '; ' between them
    return [Pesan("kode.catatan", {"daftar": daftar}, lanjut=(Pesan.jamak("kode.lainnya", lain),) if lain > 0 else ())]


def _mirip(berkas: list[Berkas], tersimpan: KodeTersimpan, iku: _Kode, batas: int) -> tuple[list[Kesalahan], int]:
    """New codes (unit or IKU) that look like a stored one of the same scope (each distinct code looked at once;
    ``iku``: the stored IKU's pairs)."""
    kesalahan: list[Kesalahan] = []
    lain = 0
    unit_ada = list(tersimpan.unit["kode_unit"])
    unit_terdaftar = {k.upper() for k in unit_ada if isinstance(k, str)}
    kerangka_unit = {kerangka(k): k for k in unit_ada}
    iku_terdaftar = set(iku.kunci)
    kerangka_iku = {u + "\x1f" + kerangka(i): i for u, i in iku.urut_terakhir()}  # as row by row: the last wins
    for b in berkas:
        if b.data.empty or b.jenis not in (Jenis.UNIT, Jenis.IKU):
            continue
        if b.jenis is Jenis.UNIT:
            kolom, kode = "kode_unit", _Kode.dari(b.data["kode_unit"])
            ada = [None if k.upper() in unit_terdaftar else kerangka_unit.get(kerangka(k)) for k in kode.kode]
        else:
            kolom, kode = "kode_iku", _Kode.pasangan(b.data)
            ada = [None if kunci in iku_terdaftar else kerangka_iku.get(u + "\x1f" + kerangka(i))
                   for kunci, u, i in zip(kode.kunci, kode.unit, kode.kode)]
        if all(a is None for a in ada):
            continue
        ada_per_baris, nilai = kode.baris(ada), kode.baris(kode.kode)
        mirip = np.flatnonzero(pd.notna(ada_per_baris))
        for baris, teks, kode_ada in zip(b.data["baris"].to_numpy()[mirip], nilai[mirip], ada_per_baris[mirip]):
            if len(kesalahan) < batas:
                kesalahan.append(Kesalahan(b.nama, Pesan("galat.kode_mirip", {"nilai": teks, "ada": kode_ada}),
                                           int(baris), kolom, teks))
            else:
                lain += 1
    return kesalahan, lain
