"""From stored tables to scored tables: the bridge between DuckDB rows and the pure core.

A year's IKU are scored as whole columns (``kinerja_core.kolom``): ``lebar`` puts each IKU's four
realisasi beside its targets, ``skor`` adds target, realisasi, capaian, status and the reason for every
IKU at once, and the figures (status count, NKO, coverage) are read off that table. One IKU on its own
(a Dialog slide, the Progres chart) goes through the scalar reference ``kinerja_core.capaian.nilai_iku``,
which the columnar path equals (tests/core/test_kolom.py). No SQL and no Streamlit here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd

from kinerja.store.skor import KOLOM_IKU_SKOR, KOLOM_REALISASI, KOLOM_TARGET
from kinerja.texts import jelaskan_capaian, keterangan_alasan, label_status, nama_status, t, teks_kebutuhan, tn
from kinerja_core.capaian import HasilIku, nilai_iku, status_capaian
from kinerja_core.kebutuhan import Keadaan, kebutuhan_realisasi, rentang_iku, rentang_per_iku
from kinerja_core.kolom import (
    KODE_KONSOLIDASI,
    KODE_POLARITAS,
    KolomIku,
    bagian_kolom,
    nilai_kolom,
    nko_kolom,
    pasti_setidaknya,
)
from kinerja_core.model import TRIWULAN, AlasanAbu, Iku, Konsolidasi, Perspektif, Polaritas, Status, Sumber
from kinerja_core.nko import JumlahStatus, Nko
from kinerja_core.profil import KEMENKEU, ProfilAturan
from kinerja_core.rumus import RumusNko, rumus_capaian
from kinerja_core.siklus import Tahap
from kinerja_core.unit import Pohon, Unit

Kunci = tuple[str, str]
"""(kode_unit, kode_iku) within one year."""



def _angka_atau_none(nilai: object) -> float | None:
    return None if nilai is None or pd.isna(nilai) else float(nilai)  # type: ignore[arg-type]


def daftar_unit(unit: pd.DataFrame) -> list[Unit]:
    """The stored unit table as core records."""
    return [
        Unit(r.kode_unit, r.nama_unit, None if pd.isna(r.kode_induk) else r.kode_induk)
        for r in unit.itertuples(index=False)
    ]


def pohon(unit: pd.DataFrame) -> Pohon:
    """The stored unit table as a tree indexed once (order, depth, sub-units: linear time)."""
    return Pohon.dari(daftar_unit(unit))


def _ya(nilai: object) -> bool:
    """A stored yes/no: True only when it says so (a blank, None or NaN, declares nothing)."""
    return isinstance(nilai, (bool, np.bool_)) and bool(nilai)


def _iku(r: object) -> Iku:
    return Iku(
        kode_unit=r.kode_unit,  # type: ignore[attr-defined]
        kode_iku=r.kode_iku,  # type: ignore[attr-defined]
        nama_iku=r.nama_iku,  # type: ignore[attr-defined]
        polaritas=Polaritas(r.polaritas),  # type: ignore[attr-defined]
        konsolidasi=Konsolidasi(r.konsolidasi),  # type: ignore[attr-defined]
        bobot=float(r.bobot),  # type: ignore[attr-defined]
        target=tuple(_angka_atau_none(getattr(r, f"target_tw{q}")) for q in TRIWULAN),  # type: ignore[arg-type]
        perspektif=Perspektif(r.perspektif),  # type: ignore[attr-defined]
        satuan="" if pd.isna(r.satuan) else r.satuan,  # type: ignore[attr-defined]
        konversi_120=bool(r.konversi_120),  # type: ignore[attr-defined]
        realisasi_terburuk=_angka_atau_none(r.realisasi_terburuk),  # type: ignore[attr-defined]
        batas_bawah=_angka_atau_none(getattr(r, "batas_bawah", None)),
        bilangan_bulat=_ya(getattr(r, "bilangan_bulat", False)),
    )


def iku_dari_tabel(iku: pd.DataFrame) -> list[Iku]:
    """Stored IKU rows (one year) as core records."""
    return [_iku(r) for r in iku.itertuples(index=False)]


def realisasi_per_iku(realisasi: pd.DataFrame) -> dict[Kunci, tuple[float | None, ...]]:
    """The four quarterly realisasi of each IKU (one year), None where not reported."""
    hasil: dict[Kunci, list[float | None]] = {}
    for r in realisasi.itertuples(index=False):
        hasil.setdefault((r.kode_unit, r.kode_iku), [None] * 4)[int(r.triwulan) - 1] = _angka_atau_none(r.realisasi)
    return {k: tuple(v) for k, v in hasil.items()}


def nilai_semua(
    iku: pd.DataFrame,
    realisasi: pd.DataFrame,
    triwulan: int,
    kode_unit: Iterable[str] | None = None,
    profil: ProfilAturan = KEMENKEU,
) -> list[HasilIku]:
    """Score every IKU of one year (of the given units) through ``triwulan``, one at a time.

    The readable reference the columnar ``skor`` is checked against; the pages use ``skor``.
    """
    if kode_unit is not None:
        iku = pilih_unit(iku, kode_unit)
    nilai = realisasi_per_iku(realisasi)
    kosong = (None, None, None, None)
    return [nilai_iku(i, nilai.get((i.kode_unit, i.kode_iku), kosong), triwulan, profil) for i in iku_dari_tabel(iku)]


def _sama(kolom: pd.Series, nilai: object) -> np.ndarray:
    """The rows where ``kolom`` equals ``nilai``, as a NumPy mask: compared where the column lives (Arrow), so a
    ministry's 150,000 texts are not first made into Python objects (15 times slower).

    >>> _sama(pd.Series(["hijau", None, "merah"]), "hijau").tolist()
    [True, False, False]
    """
    return (kolom == nilai).to_numpy(dtype=bool, na_value=False, copy=True)  # a mask of its own, to write to


def _petakan(kolom: pd.Series, kamus: dict, *, bawaan: bool = False) -> np.ndarray:
    """``kolom.map(kamus)`` as a NumPy array, looking up each distinct value once (a ministry's 150,000 rows
    hold four perspectives); ``bawaan``: a value not in ``kamus`` stays itself."""
    kode, unik = pd.factorize(kolom)
    nilai = np.array([kamus.get(u, u) if bawaan else kamus[u] for u in unik.tolist()] + [None], dtype=object)
    return nilai[kode]  # code -1 (missing) picks the None at the end




def lebar(iku: pd.DataFrame, realisasi: pd.DataFrame) -> pd.DataFrame:
    """The IKU table with each IKU's four quarterly realisasi beside its targets (NaN where not reported).

    >>> iku = pd.DataFrame({"kode_unit": ["BTP", "BTP"], "kode_iku": ["IKU-1", "IKU-2"]})
    >>> lapor = pd.DataFrame({"kode_unit": ["BTP"], "kode_iku": ["IKU-2"], "triwulan": [3], "realisasi": [96.23]})
    >>> lebar(iku, lapor)[KOLOM_REALISASI].to_numpy().tolist()
    [[nan, nan, nan, nan], [nan, nan, 96.23, nan]]
    """
    nilai = np.full((len(iku), 4), np.nan)
    if len(realisasi):
        baris = pd.MultiIndex.from_frame(iku[["kode_unit", "kode_iku"]]).get_indexer(
            pd.MultiIndex.from_frame(realisasi[["kode_unit", "kode_iku"]]))
        ada = baris >= 0
        nilai[baris[ada], realisasi["triwulan"].to_numpy()[ada].astype(int) - 1] = (
            pd.to_numeric(realisasi["realisasi"], errors="coerce").to_numpy(dtype=float)[ada])
    return iku.assign(**{k: nilai[:, i] for i, k in enumerate(KOLOM_REALISASI)})


def skor(data: pd.DataFrame, triwulan: int, profil: ProfilAturan = KEMENKEU) -> pd.DataFrame:
    """Every IKU of a ``lebar`` table scored through ``triwulan`` at once, in the same row order.

    Adds the year-to-date ``target`` and ``realisasi``, ``capaian`` (NaN when grey), ``status`` and
    ``alasan`` (their values as text, alasan None unless grey) and ``keterangan`` (why grey, in words).

    >>> iku = pd.DataFrame({"kode_unit": ["KPPBCBOGOR"], "kode_iku": ["BGR-03"], "polaritas": ["maximize"],
    ...     "konsolidasi": ["sum"], "target_tw1": [0.9], "target_tw2": [1.2], "target_tw3": [1.6],
    ...     "target_tw4": [2.0], "konversi_120": [False], "realisasi_terburuk": [None]})
    >>> lapor = pd.DataFrame({"kode_unit": ["KPPBCBOGOR"] * 3, "kode_iku": ["BGR-03"] * 3,
    ...                       "triwulan": [1, 2, 3], "realisasi": [1.0, 1.1, 1.5]})
    >>> skor(lebar(iku, lapor), 3)[["target", "realisasi", "capaian", "status"]].to_numpy().tolist()
    [[3.7, 3.6, 97.3, 'kuning']]
    """
    kolom = _kolom_iku(data)
    target = kolom.target
    s = nilai_kolom(kolom, triwulan, profil)
    # why grey, in words: "belum diukur" names the first later quarter with a target
    berikut = np.full(len(data), 0)
    for q in reversed(range(triwulan + 1, 5)):
        berikut = np.where(~np.isnan(target[:, q - 1]), q, berikut)
    # worded once per (reason, quarter) pair, not per row: a ministry's 150,000 rows hold a handful
    nomor_alasan, alasan_unik = pd.factorize(s.alasan, use_na_sentinel=False)
    nomor, pasangan = pd.factorize(nomor_alasan * 5 + berikut)
    teks = np.array([keterangan_alasan(None if pd.isna(a := alasan_unik[k // 5]) else AlasanAbu(a), (k % 5) or None)
                     for k in pasangan.tolist()], dtype=object)
    return data.assign(
        target=s.target, realisasi=s.realisasi, capaian=s.capaian, status=s.status, alasan=s.alasan,
        keterangan=teks[nomor],
    )


def _kolom_iku(data: pd.DataFrame, realisasi: np.ndarray | None = None) -> KolomIku:
    """The arrays ``nilai_kolom`` scores of a ``lebar`` table (``realisasi``: other quarterly values, (n, 4))."""
    return KolomIku(
        polaritas=_petakan(data["polaritas"], {p.value: k for p, k in KODE_POLARITAS.items()}).astype(np.intp),
        konsolidasi=_petakan(data["konsolidasi"], {c.value: k for c, k in KODE_KONSOLIDASI.items()}).astype(np.intp),
        target=data[KOLOM_TARGET].to_numpy(dtype=float, na_value=np.nan),
        realisasi=(data[KOLOM_REALISASI].to_numpy(dtype=float, na_value=np.nan) if realisasi is None else realisasi),
        konversi_120=data["konversi_120"].fillna(False).to_numpy(dtype=bool),
        realisasi_terburuk=pd.to_numeric(data["realisasi_terburuk"], errors="coerce").to_numpy(dtype=float),
    )


def pilih_unit(data: pd.DataFrame, kode_unit: Iterable[str]) -> pd.DataFrame:
    """The rows of these units, in their order (e.g. tree order), each unit's rows by kode_iku."""
    urut = {k: i for i, k in enumerate(kode_unit)}
    pilih = data[data["kode_unit"].isin(list(urut))]
    return pilih.assign(_urut=pilih["kode_unit"].map(urut)).sort_values(
        ["_urut", "kode_iku"], kind="stable").drop(columns="_urut")


def hasil_iku(baris: object, triwulan: int, profil: ProfilAturan = KEMENKEU) -> HasilIku:
    """One row of a ``lebar`` or ``skor`` table scored by the scalar reference (a slide, a chart)."""
    return nilai_iku(_iku(baris), realisasi_baris(baris), triwulan, profil)


def realisasi_baris(baris: object) -> tuple[float | None, ...]:
    """The four quarterly realisasi of one row of a ``lebar`` table, None where not reported."""
    return tuple(_angka_atau_none(getattr(baris, k)) for k in KOLOM_REALISASI)


def tabel_sub_unit(skor_iku: pd.DataFrame, pohon: Pohon, kode_unit: str, unit: pd.DataFrame,
                   profil: ProfilAturan = KEMENKEU) -> pd.DataFrame:
    """One row per direct sub-unit of ``kode_unit`` that has IKU in ``skor_iku`` (at or below it): its NKO
    (its own when it has IKU of its own, else the combined NKO below it, as the headline does) and the
    status count of every IKU at and below it. Columns as ``tabel_nko``, tree order.

    A ministry's 30 eselon I units, each a bar in the Ringkasan chart that opens it on a click.
    """
    anak, cabang, sendiri = _nomor_cabang(skor_iku, pohon, kode_unit)
    capaian, bobot, perspektif = _kolom_nko(skor_iku)
    di = cabang >= 0

    def nko_per_cabang(baris: np.ndarray) -> dict[object, float | None]:
        return nko_kolom(capaian[baris], bobot[baris], perspektif[baris], cabang[baris], profil)

    nko_sendiri, nko_gabungan = nko_per_cabang(di & sendiri), nko_per_cabang(di)
    urut = [i for i in range(len(anak)) if i in nko_gabungan]
    nko: dict[object, float | None] = {anak[i]: nko_sendiri[i] if i in nko_sendiri else nko_gabungan[i]
                                       for i in urut}
    posisi = np.full(len(anak), -1, dtype=np.intp)
    posisi[urut] = np.arange(len(urut))
    return _tabel_per_unit(nko, posisi[cabang[di]], _kode_status(skor_iku)[di], unit, profil)


def _nomor_cabang(skor_iku: pd.DataFrame, pohon: Pohon, kode_unit: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The direct sub-units of ``kode_unit`` in tree order and, per row of ``skor_iku``, the number of the one whose
    branch the row is in (−1: none, e.g. ``kode_unit``'s own rows) and whether the row is that sub-unit's own:
    whole columns, each unit code looked up once (a ministry's 150,000 rows, 10,000 units)."""
    anak = list(pohon.anak.get(kode_unit, []))
    nomor = {a: i for i, a in enumerate(anak)}
    cabang: dict[str, int] = {}  # each unit below kode_unit: its branch number (the first, in bad data)
    for i, a in enumerate(anak):
        for k in pohon.subpohon(a):
            cabang.setdefault(k, i)
    kode, unik = pd.factorize(skor_iku["kode_unit"])
    daftar = unik.tolist()
    di_cabang = np.array([cabang.get(u, -1) for u in daftar] + [-1], dtype=np.intp)[kode]
    sendiri = np.array([u in nomor for u in daftar] + [False], dtype=bool)[kode]
    return anak, di_cabang, sendiri


def _kolom_nko(skor_iku: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The columns the NKO is taken from (``nko_kolom``): capaian, bobot and perspective, as arrays."""
    return (skor_iku["capaian"].to_numpy(dtype=float), skor_iku["bobot"].to_numpy(dtype=float),
            _petakan(skor_iku["perspektif"], _PERSPEKTIF))


def _dengan_nama_unit(tabel: pd.DataFrame, unit: pd.DataFrame | None) -> pd.DataFrame:
    """``tabel`` with a ``nama_unit`` column beside its ``kode_unit`` (the code where no name is stored)."""
    nama_unit = {} if unit is None else dict(zip(unit["kode_unit"].tolist(), unit["nama_unit"].tolist()))
    return tabel.assign(nama_unit=_petakan(tabel["kode_unit"], nama_unit, bawaan=True))


def _triwulan_target_berikut(hasil: HasilIku) -> int | None:
    """The first quarter after the chosen one with a target (to explain a grey IKU)."""
    return next((q for q in hasil.iku.triwulan_terukur if q > hasil.sd_triwulan.triwulan), None)


_PERSPEKTIF = {p.value: p for p in Perspektif}

KOLOM_TABEL_IKU = ["kode_unit", "nama_unit", "kode_iku", "nama_iku", "perspektif", "satuan", "polaritas", "bobot",
                   "target", "realisasi", "capaian", "status", "keterangan"]


def tabel_iku(skor_iku: pd.DataFrame, unit: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per IKU of a ``skor`` table: year-to-date target, realisasi, capaian, status, and in ``keterangan``
    why grey and where a realisasi that is not uploaded comes from (``teks_asal``); last, the stage of its
    unit-quarter (``tahap``) when the scores carry one (``dengan_tahap``)."""
    keterangan = skor_iku["keterangan"].fillna("").astype(str)
    asal = teks_asal(skor_iku)
    if (asal != "").any():  # most views have no computed realisasi: their texts are not rebuilt
        keterangan = keterangan.where(asal == "", keterangan.where(keterangan == "", keterangan + " · ") + asal)
    kolom = KOLOM_TABEL_IKU + (["tahap"] if "tahap" in skor_iku.columns else [])  # the stage, when read (last)
    tabel = _dengan_nama_unit(skor_iku[[k for k in kolom if k in skor_iku and k != "nama_unit"]], unit).assign(
        satuan=skor_iku["satuan"].fillna(""), keterangan=keterangan)
    return tabel[kolom].reset_index(drop=True).astype(
        {"target": float, "realisasi": float, "capaian": float, "bobot": float})


def teks_asal(skor_iku: pd.DataFrame) -> pd.Series:
    """Per IKU, where its realisasi comes from when it is not uploaded, in words ('' when uploaded): from its
    komponen by its formula, or from the IKU that support it among the rows (counted) or below the view.

    >>> skor_iku = pd.DataFrame({"kode_unit": ["PTM", "BTP", "BGR"], "kode_iku": ["P", "B", "T"],
    ...     "kode_unit_induk": [None, "PTM", None], "kode_iku_induk": [None, "P", None],
    ...     "agregasi_anak": ["jumlah", None, None], "rumus_komponen": [None, None, "rasio(tepat; layanan)"]})
    >>> teks_asal(skor_iku).tolist()
    ['dihitung dari 1 IKU turunan (jumlah)', '', 'dihitung dari komponen: rasio(tepat; layanan)']
    """
    hasil = pd.Series("", index=skor_iku.index, dtype=object)
    kosong = pd.Series(None, index=skor_iku.index, dtype=object)  # a table without the column: none of that kind
    rumus, agregasi = skor_iku.get("rumus_komponen", kosong), skor_iku.get("agregasi_anak", kosong)
    if rumus.notna().any():
        hasil[rumus.notna()] = [t("asal.rumus", rumus=r) for r in rumus.dropna()]
    if agregasi.notna().any():
        anak = skor_iku.groupby(["kode_unit_induk", "kode_iku_induk"]).size()
        for i, u, k, a in zip(skor_iku.index[agregasi.notna()], skor_iku.loc[agregasi.notna(), "kode_unit"],
                              skor_iku.loc[agregasi.notna(), "kode_iku"], agregasi.dropna()):
            n = int(anak.get((u, k), 0))
            kata = t(f"agregasi.{a}")
            hasil[i] = t("asal.turunan", n=n, agregasi=kata) if n else t("asal.turunan_di_bawah", agregasi=kata)
    return hasil


KOLOM_KEBUTUHAN = ["kode_unit", "kode_iku", "nama_iku", "satuan", "capaian", "status", "agar_hijau",
                   "agar_tidak_merah"]


def tabel_kebutuhan(skor_iku: pd.DataFrame, triwulan: int, profil: ProfilAturan = KEMENKEU) -> pd.DataFrame:
    """Every IKU of a ``skor`` table that is not yet sure to end the year hijau, with what the rest of the
    year must bring to end it hijau and to leave merah (``kinerja_core.kebutuhan``, in words): those that can
    no longer make it first, then the ones in need, in table order.

    PNBP of Balai Teknologi Polimer after TW III (1,0 + 1,1 + 1,5 of 5,7 Rp miliar): "TW IV: jumlah
    paling sedikit 2,1 Rp miliar" to end hijau.
    """
    baris = []
    for r in skor_iku.itertuples(index=False):
        iku, realisasi = _iku(r), realisasi_baris(r)
        rumus = getattr(r, "rumus_komponen", None)
        rentang = rentang_iku(iku, rumus if isinstance(rumus, str) else None)
        hijau = kebutuhan_realisasi(iku, realisasi, triwulan, profil.batas_hijau, profil, rentang)
        if hijau.keadaan in (Keadaan.AMAN, Keadaan.LENGKAP):
            continue
        merah = kebutuhan_realisasi(iku, realisasi, triwulan, profil.batas_kuning, profil, rentang)
        baris.append((hijau.keadaan is not Keadaan.MUSTAHIL, r.kode_unit, r.kode_iku, r.nama_iku, iku.satuan,
                      r.capaian, r.status, teks_kebutuhan(hijau, iku.satuan), teks_kebutuhan(merah, iku.satuan)))
    tabel = pd.DataFrame(baris, columns=["_urut", *KOLOM_KEBUTUHAN])
    return tabel.sort_values("_urut", kind="stable").drop(columns="_urut").reset_index(drop=True).astype(
        {"capaian": float})


def tabel_biaya_nko(skor_iku: pd.DataFrame, unit: pd.DataFrame, profil: ProfilAturan = KEMENKEU) -> pd.DataFrame:
    """The IKU that cost the NKO of a ``skor`` table points, most first: kode_unit, nama_unit, kode_iku,
    nama_iku, capaian, status, bagian (the IKU's share of the NKO, %), biaya (bagian × (100 − capaian), NKO
    points). The costs of every IKU (those above 100 count negative) add up to 100 − NKO.

    KPPBC Bogor's survey is grey in TW III and costs nothing; an IKU with 10 % of the NKO at capaian 70 costs
    3 points.
    """
    capaian = skor_iku["capaian"].to_numpy(dtype=float)
    bagian = bagian_kolom(capaian, skor_iku["bobot"].to_numpy(dtype=float),
                          _petakan(skor_iku["perspektif"], _PERSPEKTIF), np.zeros(len(skor_iku), dtype=np.intp), profil)
    tabel = skor_iku.assign(biaya=bagian * (100.0 - capaian), bagian=bagian * 100)
    tabel = _dengan_nama_unit(tabel[tabel["biaya"] > 0], unit).sort_values("biaya", ascending=False, kind="stable")
    return tabel[["kode_unit", "nama_unit", "kode_iku", "nama_iku", "capaian", "status", "bagian", "biaya"]
                 ].reset_index(drop=True).astype({"capaian": float, "bagian": float, "biaya": float})


def poin_hilang(skor_iku: pd.DataFrame, profil: ProfilAturan = KEMENKEU) -> np.ndarray:
    """The NKO points each IKU of a ``skor`` table loses in the NKO of those IKU together (``tabel_biaya_nko``'s
    biaya, negative when it lifts the NKO, NaN when grey), in row order."""
    capaian = skor_iku["capaian"].to_numpy(dtype=float)
    bagian = bagian_kolom(capaian, skor_iku["bobot"].to_numpy(dtype=float),
                          _petakan(skor_iku["perspektif"], _PERSPEKTIF), np.zeros(len(skor_iku), dtype=np.intp), profil)
    return bagian * (100.0 - capaian)


KOLOM_AGENDA = ["kode_unit", "kode_iku", "nama_iku", "satuan", "bobot", "capaian", "status", "poin_hilang",
                "capaian_prognosis", "status_prognosis", "triwulan_laju", "alasan_prognosis", "triwulan_sisa",
                "keadaan_hijau", "hijau_paling_sedikit", "hijau_paling_banyak", "agar_hijau",
                "keadaan_tidak_merah", "tidak_merah_paling_sedikit", "tidak_merah_paling_banyak", "agar_tidak_merah"]
"""The columns of ``python -m kinerja agenda``, in this order."""


@dataclass(frozen=True)
class Agenda:
    """The meeting's decision figures for one unit (``python -m kinerja agenda``): per IKU the NKO points lost,
    the prognosis and what the rest of the year needs; per direct sub-unit the net contribution."""

    iku: pd.DataFrame
    ringkasan: pd.DataFrame
    sub_unit: pd.DataFrame
    cakupan: str


def agenda(skor_iku: pd.DataFrame, kode_unit: str, unit: pd.DataFrame, pohon: Pohon, triwulan: int,
           profil: ProfilAturan = KEMENKEU) -> Agenda:
    """The decision figures of the Ringkasan for ``kode_unit`` over a ``skor`` table of it (and its sub-units).

    ``poin_hilang``: what the IKU costs the headline NKO (the unit's own IKU when it has some, else all), NaN for
    IKU outside it or grey; rows in agenda order: most points lost first, then the unreported by bobot, then the
    rest in table order. Kebutuhan bounds are those said on screen (rounded the safe way)."""
    skor_iku = skor_iku.reset_index(drop=True)
    milik_sendiri = bool((skor_iku["kode_unit"] == kode_unit).any())
    di_judul = (skor_iku["kode_unit"] == kode_unit).to_numpy() if milik_sendiri else ~_induk_kaskade(skor_iku)
    poin = np.full(len(skor_iku), np.nan)
    poin[di_judul] = poin_hilang(skor_iku[di_judul], profil)
    akhir = prognosis(skor_iku, triwulan, profil, hari_ini=skor_iku)
    kolom_keb: dict[str, list[object]] = {k: [] for k in KOLOM_AGENDA[12:]}
    for r in skor_iku.itertuples(index=False):
        iku, realisasi = _iku(r), realisasi_baris(r)
        rumus = getattr(r, "rumus_komponen", None)
        rentang = rentang_iku(iku, rumus if isinstance(rumus, str) else None)
        hijau = kebutuhan_realisasi(iku, realisasi, triwulan, profil.batas_hijau, profil, rentang)
        merah = kebutuhan_realisasi(iku, realisasi, triwulan, profil.batas_kuning, profil, rentang)
        kolom_keb["triwulan_sisa"].append(" ".join(str(q) for q in hijau.triwulan_sisa))
        for nama, k in (("hijau", hijau), ("tidak_merah", merah)):
            lo, hi = k.batas_aman() if k.keadaan is Keadaan.PERLU else (None, None)
            kolom_keb[f"keadaan_{nama}"].append(k.keadaan.value)
            kolom_keb[f"{nama}_paling_sedikit"].append(lo)
            kolom_keb[f"{nama}_paling_banyak"].append(hi)
            kolom_keb[f"agar_{nama}"].append(teks_kebutuhan(k, iku.satuan))
    tabel = skor_iku.assign(
        satuan=skor_iku["satuan"].fillna("") if "satuan" in skor_iku else "", poin_hilang=poin,
        capaian_prognosis=akhir["capaian"].to_numpy(), status_prognosis=akhir["status"].to_numpy(),
        triwulan_laju=akhir["triwulan_laju"].to_numpy(), alasan_prognosis=akhir["alasan_prognosis"].to_numpy(),
        **{k: pd.Series(v, dtype=float if "paling" in k else object) for k, v in kolom_keb.items()})
    belum = (tabel["alasan"] == AlasanAbu.REALISASI_BELUM_ADA.value).to_numpy()
    kunci = pd.DataFrame({"a": np.where(~np.isnan(poin), 0, np.where(belum, 1, 2)),
                          "b": -np.nan_to_num(poin, nan=0.0) - np.where(belum, tabel["bobot"].astype(float), 0.0)})
    tabel = tabel.iloc[kunci.sort_values(["a", "b"], kind="stable").index.to_numpy()][KOLOM_AGENDA]
    dasar = skor_iku[di_judul]
    nko, nko_akhir = hitung_nko(dasar, profil), hitung_nko(akhir[di_judul], profil)
    cakupan_teks = teks_cakupan_prognosis(akhir[di_judul])
    nama_unit = dict(zip(unit["kode_unit"].tolist(), unit["nama_unit"].tolist()))
    ringkasan = pd.DataFrame({
        "kode_unit": [kode_unit], "nama_unit": [nama_unit.get(kode_unit, kode_unit)], "nko": [nko.nilai],
        "status": [nko.status.value], "nko_prognosis": [nko_akhir.nilai], "status_prognosis": [nko_akhir.status.value],
        "cakupan": [teks_cakupan(cakupan(dasar))], "cakupan_prognosis": [cakupan_teks],
        "belum_dilaporkan": [int(belum[di_judul].sum())],
    })
    anak = (biaya_per_sub_unit(skor_iku, pohon, kode_unit, unit, profil) if pohon.anak.get(kode_unit)
            else pd.DataFrame(columns=["kode_unit", "nama_unit", "nko", "biaya", "jumlah_iku", "belum_dilaporkan"]))
    return Agenda(tabel.reset_index(drop=True), ringkasan, anak.rename(columns={"biaya": "poin_hilang_bersih"}),
                  cakupan_teks)


def biaya_per_sub_unit(skor_iku: pd.DataFrame, pohon: Pohon, kode_unit: str, unit: pd.DataFrame,
                       profil: ProfilAturan = KEMENKEU) -> pd.DataFrame:
    """Each direct sub-unit's net contribution to the combined NKO of the sub-units' IKU (pooled, as
    ``tabel_biaya_nko`` weighs them): the NKO points its IKU lose minus those they add, so an office that
    lifts the pool shows a negative figure; the figures add up to 100 − that pooled NKO. A cascaded parent IKU
    whose realisasi is computed from child IKU in view (``agregasi_anak``) is left out: its shortfall is its
    children's, counted once. Most lost first: kode_unit, nama_unit, nko (the sub-unit's own), biaya (net),
    jumlah_iku (scored), belum_dilaporkan (IKU grey for a missing realisasi).

    Two offices at 120 and 50 (equal bobot) pool to 85: the first adds 10 points (−10), the second loses 25.
    """
    anak, cabang, _ = _nomor_cabang(skor_iku, pohon, kode_unit)
    di = (cabang >= 0) & ~_induk_kaskade(skor_iku)  # a parent's children are in its branch: the same rows
    capaian, bobot, perspektif = (k[di] for k in _kolom_nko(skor_iku))
    cabang = cabang[di]
    bagian = bagian_kolom(capaian, bobot, perspektif, np.zeros(len(capaian), dtype=np.intp), profil)
    dinilai = ~np.isnan(capaian)
    biaya = pd.Series(np.where(dinilai, bagian * (100.0 - capaian), 0.0)).groupby(cabang).sum()
    belum = _sama(skor_iku["alasan"], AlasanAbu.REALISASI_BELUM_ADA.value)[di]
    nko = nko_kolom(capaian, bobot, perspektif, cabang, profil)
    ada = np.flatnonzero(np.bincount(cabang, minlength=len(anak)))  # tree order
    per = pd.DataFrame({
        "kode_unit": np.array([anak[i] for i in ada], dtype=object),
        "nko": np.array([np.nan if (v := nko[i]) is None else v for i in ada], dtype=float),
        "biaya": biaya.reindex(ada).to_numpy(dtype=float),
        "jumlah_iku": np.bincount(cabang[dinilai], minlength=len(anak))[ada],
        "belum_dilaporkan": np.bincount(cabang[belum], minlength=len(anak))[ada],
    }).sort_values("biaya", ascending=False, kind="stable")
    return _dengan_nama_unit(per, unit)[["kode_unit", "nama_unit", "nko", "biaya", "jumlah_iku", "belum_dilaporkan"]
                                        ].reset_index(drop=True).astype({"jumlah_iku": int, "belum_dilaporkan": int})


def _induk_kaskade(skor_iku: pd.DataFrame) -> np.ndarray:
    """Rows whose realisasi is computed from child IKU that are themselves among the rows."""
    if "agregasi_anak" not in skor_iku or "kode_unit_induk" not in skor_iku:
        return np.zeros(len(skor_iku), dtype=bool)
    induk = skor_iku[skor_iku["kode_unit_induk"].notna()]
    anak = pd.MultiIndex.from_arrays([induk["kode_unit_induk"], induk["kode_iku_induk"]])
    diri = pd.MultiIndex.from_arrays([skor_iku["kode_unit"], skor_iku["kode_iku"]])
    # as whole columns: a ministry's root has 15,000 rows, looked up one by one in Python they cost tens of ms
    return np.asarray(skor_iku["agregasi_anak"].notna().to_numpy(dtype=bool) & diri.isin(anak), dtype=bool)


def tabel_belum_dilaporkan(skor_iku: pd.DataFrame, unit: pd.DataFrame | None = None) -> pd.DataFrame:
    """The IKU grey because a measured quarter has no realisasi yet — an agenda item of their own, since a grey
    IKU costs the NKO nothing — heaviest first: kode_unit, nama_unit, kode_iku, nama_iku, bobot, porsi_bobot
    (its bobot as a percentage of its unit's IKU bobot: how much of that unit's NKO is not reported)."""
    total = skor_iku.groupby("kode_unit")["bobot"].sum()
    belum = skor_iku[skor_iku["alasan"] == AlasanAbu.REALISASI_BELUM_ADA.value]
    belum = belum.assign(bobot=belum["bobot"].astype(float),
                         porsi_bobot=belum["bobot"].astype(float) / belum["kode_unit"].map(total).astype(float) * 100)
    belum = _dengan_nama_unit(belum, unit).sort_values("bobot", ascending=False, kind="stable")
    return belum[["kode_unit", "nama_unit", "kode_iku", "nama_iku", "bobot", "porsi_bobot"]].reset_index(drop=True)


def prognosis(data: pd.DataFrame, triwulan: int, profil: ProfilAturan = KEMENKEU, *,
              hari_ini: pd.DataFrame | None = None) -> pd.DataFrame:
    """A ``lebar`` table scored through TW IV with the quarters still to come filled at the pace of each IKU's
    latest reported quarter (``kinerja_core.prognosis.prognosis_lengkap``, whole columns at once): the ``skor``
    columns of the year-end prognosis, plus ``triwulan_laju`` (the quarter whose pace is taken, NaN when none)
    and ``alasan_prognosis`` (None when the pace rule applies; ``dipertahankan``: kept at today's capaian;
    ``belum-dilaporkan`` / ``belum-diukur`` / ``tidak-terhitung``: grey, no prognosis). Same row order.
    ``hari_ini``: ``skor(data, triwulan, profil)`` when the caller has it already (a ministry's year is not
    scored twice); by default scored here.
    """
    isi, _, akhir = _isi_laju(data, triwulan)
    hasil = skor(data.assign(**{k: isi[:, i] for i, k in enumerate(KOLOM_REALISASI)}), 4, profil)
    # the same IKU as today's NKO: grey today → no prognosis; scored today without one → kept at today's
    if hari_ini is None:
        hari_ini = skor(data, triwulan, profil)
    abu_hari_ini = _sama(hari_ini["status"], Status.ABU_ABU.value)
    tetap = ~abu_hari_ini & _sama(hasil["status"], Status.ABU_ABU.value)
    alasan_hari_ini = hari_ini["alasan"].to_numpy()
    alasan = np.full(len(data), None, dtype=object)
    alasan[abu_hari_ini] = [
        {AlasanAbu.REALISASI_BELUM_ADA.value: "belum-dilaporkan", AlasanAbu.BELUM_DIUKUR.value: "belum-diukur"}.get(
            a, "tidak-terhitung") for a in alasan_hari_ini[abu_hari_ini]]
    alasan[tetap] = "dipertahankan"
    kolom = ["target", "realisasi", "capaian", "status", "alasan", "keterangan"]
    hasil = hasil.assign(**{k: np.where(tetap, hari_ini[k].to_numpy(dtype=object), hasil[k].to_numpy(dtype=object))
                            for k in kolom})
    hasil.loc[abu_hari_ini, ["capaian"]] = np.nan
    hasil.loc[abu_hari_ini, "status"] = Status.ABU_ABU.value
    pakai_laju = ~abu_hari_ini & ~tetap
    return hasil.assign(capaian=hasil["capaian"].astype(float), target=hasil["target"].astype(float),
                        realisasi=hasil["realisasi"].astype(float),
                        triwulan_laju=np.where(pakai_laju, akhir + 1, np.nan), alasan_prognosis=alasan)


def _isi_laju(data: pd.DataFrame, triwulan: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The four quarters of each IKU with those after its latest reported one (through ``triwulan``) filled at its
    pace (``prognosis_lengkap``), NaN where there is no pace; whether it has one; that quarter (0–3, −1: none)."""
    target = data[KOLOM_TARGET].to_numpy(dtype=float)
    realisasi = data[KOLOM_REALISASI].to_numpy(dtype=float)
    dilapor = ~np.isnan(target) & ~np.isnan(realisasi) & (np.arange(1, 5) <= triwulan)
    akhir = np.where(dilapor, np.arange(4), -1).max(axis=1)  # the latest reported quarter, -1 for none
    baris = np.arange(len(data))
    t_akhir = np.where(akhir >= 0, target[baris, akhir], np.nan)
    ada = (akhir >= 0) & (t_akhir > 0)
    rasio = np.where(ada, realisasi[baris, akhir] / np.where(ada, t_akhir, 1.0), np.nan)
    # a filled value stays within what the satuan allows (a percentage of a whole never above 100)
    kosong = pd.Series(None, index=data.index, dtype=object)
    def ambil(nama: str) -> pd.Series:
        return data.get(nama, kosong)

    batas_bawah = pd.to_numeric(ambil("batas_bawah"), errors="coerce").astype(float).tolist()
    rentang = rentang_per_iku(ambil("satuan").fillna("").astype(str).tolist(),
                              ambil("nama_iku").fillna("").astype(str).tolist(),
                              [r if isinstance(r, str) else None for r in ambil("rumus_komponen")],
                              [None if math.isnan(b) else b for b in batas_bawah],
                              (ambil("bilangan_bulat") == True).tolist())  # noqa: E712  (a blank is no)
    bawah = np.array([r.bawah for r in rentang], dtype=float).reshape(-1, 1)
    atas = np.array([r.atas for r in rentang], dtype=float).reshape(-1, 1)
    isi = np.where(dilapor, realisasi, np.clip(target * rasio[:, None], bawah, atas))
    isi[~ada] = np.nan
    return isi, ada, akhir


def _pasti_hijau_akhir(data: pd.DataFrame, triwulan: int, profil: ProfilAturan) -> np.ndarray:
    """The IKU of a scored table whose prognosis certainly leaves them hijau at year end (or has no pace, so keeps
    today's light), told from floats (``kinerja_core.kolom.pasti_setidaknya``): no warning can come of them."""
    isi, ada, _ = _isi_laju(data, triwulan)
    return ~ada | pasti_setidaknya(_kolom_iku(data, isi), 4, profil.batas_hijau, profil)


_KOLOM_PROGNOSIS = [*KOLOM_IKU_SKOR, *KOLOM_REALISASI, "satuan", "rumus_komponen", "batas_bawah", "bilangan_bulat",
                    "target", "realisasi", "capaian", "status", "alasan", "keterangan"]
"""What ``prognosis_judul`` reads of a scored row: what ``prognosis`` takes, and the NKO's and the warnings'
columns."""


def prognosis_judul(lingkup: pd.DataFrame, kode_unit: str, triwulan: int, unit: pd.DataFrame,
                    milik_sendiri: bool | None = None,
                    profil: ProfilAturan = KEMENKEU) -> tuple[Nko, pd.DataFrame, str]:
    """What the Ringkasan says of the year's end for a unit (``lingkup``: its IKU scored through ``triwulan``): the
    headline NKO by the prognosis of its IKU (``dasar_nko_unit``), the IKU hijau today heading to kuning or merah
    (``peringatan_prognosis``) and what that NKO is taken from (``teks_cakupan_prognosis``).

    The prognosis is worked out for those IKU only, each on its own row: at a ministry's root with IKU of its own,
    its 15 and, of the 67,000 hijau ones below it, those floats cannot show to stay hijau (``_pasti_hijau_akhir``:
    some 7,000), not all 150,000.
    """
    di_dasar = _di_dasar_nko(lingkup, kode_unit, milik_sendiri)
    kolom = [k for k in _KOLOM_PROGNOSIS if k in lingkup]
    mungkin_turun = _sama(lingkup["status"], Status.HIJAU.value)
    mungkin_turun[mungkin_turun] = ~_pasti_hijau_akhir(lingkup.loc[mungkin_turun, kolom], triwulan, profil)
    perlu = di_dasar | mungkin_turun
    bagian = lingkup.loc[perlu, kolom]  # the rows and columns it reads
    akhir = prognosis(bagian, triwulan, profil, hari_ini=bagian)
    dasar = akhir[di_dasar[perlu]]
    return hitung_nko(dasar, profil), peringatan_prognosis(bagian, akhir, unit), teks_cakupan_prognosis(dasar)


def teks_cakupan_prognosis(akhir: pd.DataFrame) -> str:
    """What the year-end NKO is taken from (a ``prognosis`` table): 'dari 14 IKU; 2 tanpa prognosis: BGR-05
    (belum diukur); 1 tetap pada capaian hari ini: BTP-07'."""
    bagian = [t("prognosis.cakupan", n=len(akhir))]
    alasan = akhir["alasan_prognosis"]
    tanpa = [(a, akhir.loc[alasan == a, "kode_iku"].astype(str).tolist())
             for a in ("belum-dilaporkan", "belum-diukur", "tidak-terhitung") if (alasan == a).any()]
    if tanpa:
        n = sum(len(k) for _, k in tanpa)
        bagian.append(t("prognosis.tanpa", n=n, daftar="; ".join(
            f"{', '.join(k)} ({t(f'prognosis.alasan.{a}')})" for a, k in tanpa)))
    tetap = akhir.loc[alasan == "dipertahankan", "kode_iku"].astype(str).tolist()
    if tetap:
        bagian.append(t("prognosis.tetap", n=len(tetap), daftar=", ".join(tetap)))
    return "; ".join(bagian)


KOLOM_PERINGATAN = ["kode_unit", "nama_unit", "kode_iku", "nama_iku", "capaian", "status", "capaian_prognosis",
                    "status_prognosis"]


def peringatan_prognosis(skor_iku: pd.DataFrame, akhir: pd.DataFrame, unit: pd.DataFrame) -> pd.DataFrame:
    """The IKU hijau today whose prognosis (``prognosis`` of the same rows) ends the year kuning or merah,
    lowest prognosis first."""
    turun = _sama(skor_iku["status"], Status.HIJAU.value) & np.isin(
        akhir["status"].to_numpy(), [Status.KUNING.value, Status.MERAH.value])
    tabel = _dengan_nama_unit(skor_iku[turun].assign(capaian_prognosis=akhir["capaian"].to_numpy()[turun],
                                                     status_prognosis=akhir["status"].to_numpy()[turun]), unit)
    return tabel.sort_values("capaian_prognosis", kind="stable")[KOLOM_PERINGATAN].reset_index(drop=True).astype(
        {"capaian": float, "capaian_prognosis": float})


def per_kelompok(skor_iku: pd.DataFrame, kolom: str, profil: ProfilAturan = KEMENKEU) -> pd.DataFrame:
    """The score of each perspektif or sasaran strategis (``kolom``): the NKO formula over its IKU (their bobot
    and capaian, grey left out), the light of that score and the light counts, in order of first appearance.
    Columns: the group, nilai, status, jumlah_iku and one count per status.

    The strategy map people draw by hand: "Stakeholder 103,2 · 4 IKU: 4 hijau".
    """
    nomor, label = pd.factorize(skor_iku[kolom].fillna(t("peta.tanpa_sasaran")))
    return _per_nomor(skor_iku, nomor, {kolom: label.tolist()}, profil)


def _per_nomor(skor_iku: pd.DataFrame, nomor: np.ndarray, label: dict[str, list[object]],
               profil: ProfilAturan) -> pd.DataFrame:
    """``per_kelompok`` over groups numbered 0, 1 … in order of first appearance (``pd.factorize``), each number's
    label in the columns ``label``: the groups as integers, so a ministry's 150,000 rows are counted and weighed in
    NumPy without a text per row."""
    capaian, bobot, perspektif = _kolom_nko(skor_iku)
    nilai = nko_kolom(capaian, bobot, perspektif, nomor.astype(np.intp), profil)
    urut = [cast(int, i) for i in nilai]
    tabel = pd.DataFrame({**{k: [v[i] for i in urut] for k, v in label.items()},
                          "nilai": [np.nan if (v := nilai[i]) is None else v for i in urut]})
    tabel["status"] = [status_capaian(None if np.isnan(v) else v, profil).value for v in tabel["nilai"]]
    lampu = [s.value for s in Status]
    jumlah = np.zeros((len(urut), len(lampu)), dtype=np.int64)  # numbered in order of appearance: urut is 0, 1 …
    np.add.at(jumlah, (nomor, _kode_status(skor_iku)), 1)
    for j, lampu_j in enumerate(lampu):
        tabel[lampu_j] = jumlah[urut, j]
    tabel["jumlah_iku"] = tabel[lampu].sum(axis=1)
    return tabel.astype({"nilai": float})


def per_sasaran(skor_iku: pd.DataFrame, profil: ProfilAturan = KEMENKEU) -> pd.DataFrame:
    """The score of each sasaran strategis *within each perspektif* (``per_kelompok`` over the pair): a sasaran
    whose IKU sit under two perspektif is a box under each, scored and counted over that perspektif's IKU only.
    Columns: perspektif, sasaran_strategis, nilai, status, jumlah_iku, one count per status, and perspektif_lain
    (the other perspektif the same sasaran appears under, in map order; empty for most).
    """
    nomor_p, label_p = pd.factorize(skor_iku["perspektif"].astype(str))
    nomor_s, label_s = pd.factorize(skor_iku["sasaran_strategis"].fillna(t("peta.tanpa_sasaran")).astype(str))
    lebar_s = max(len(label_s), 1)
    nomor, pasangan = pd.factorize(nomor_p * lebar_s + nomor_s)  # each pair, in order of appearance
    tabel = _per_nomor(skor_iku, nomor, {"perspektif": label_p[pasangan // lebar_s].tolist(),
                                         "sasaran_strategis": label_s[pasangan % lebar_s].tolist()}, profil)
    urutan = {p.value: i for i, p in enumerate(Perspektif)}
    semua = tabel.groupby("sasaran_strategis")["perspektif"].agg(
        lambda p: sorted(set(p), key=lambda x: urutan.get(x, len(urutan))))
    tabel["perspektif_lain"] = [[p for p in semua[s] if p != per]
                                for per, s in zip(tabel["perspektif"], tabel["sasaran_strategis"])]
    return tabel


def banding_tahun_lalu(skor_iku: pd.DataFrame, skor_lalu: pd.DataFrame) -> pd.DataFrame:
    """Each IKU of ``skor_iku`` beside the IKU with the same unit and code a year earlier (same quarter):
    kode_unit, kode_iku, nama_iku, capaian, status, capaian_lalu, status_lalu ("" when there was none), selisih
    (capaian − capaian_lalu, points); and this year's ``tahap`` when the scores carry it."""
    lalu = skor_lalu[["kode_unit", "kode_iku", "capaian", "status"]].rename(
        columns={"capaian": "capaian_lalu", "status": "status_lalu"})
    kolom = ["kode_unit", "kode_iku", "nama_iku", "capaian", "status"] + (["tahap"] if "tahap" in skor_iku else [])
    tabel = skor_iku[kolom].merge(lalu, on=["kode_unit", "kode_iku"], how="left")
    tabel["status_lalu"] = tabel["status_lalu"].fillna("")
    return tabel.assign(selisih=tabel["capaian"] - tabel["capaian_lalu"]).astype(
        {"capaian": float, "capaian_lalu": float, "selisih": float})


def penjelasan(skor_iku: pd.DataFrame, posisi: Sequence[int], triwulan: int, profil: ProfilAturan = KEMENKEU
               ) -> list[str]:
    """The capaian formula with its numbers (``texts.jelaskan_capaian``) of the rows of a ``skor`` table at
    ``posisi`` (e.g. the rows of one page of a table)."""
    return [jelaskan_capaian(rumus_capaian(_iku(r), realisasi_baris(r), triwulan, profil))
            for r in skor_iku.iloc[list(posisi)].itertuples(index=False)]


def rumus_nko_tabel(skor_iku: pd.DataFrame, nko: float | None, profil: ProfilAturan = KEMENKEU) -> RumusNko:
    """``kinerja_core.rumus.rumus_nko`` from whole columns: the computable IKU's bobot and capaian, their sums."""
    c, b = skor_iku["capaian"].to_numpy(dtype=float), skor_iku["bobot"].to_numpy(dtype=float)
    masuk = ~np.isnan(c) & (b > 0)
    suku = tuple(zip(skor_iku["kode_iku"][masuk], b[masuk].tolist(), c[masuk].tolist()))
    return RumusNko(suku, float(b[masuk].sum()), float((b[masuk] * c[masuk]).sum()), nko, int(np.isnan(c).sum()),
                    bool(profil.bobot_perspektif))


def jumlah_status(skor_iku: pd.DataFrame) -> JumlahStatus:
    """How many IKU of a ``skor`` table carry each light."""
    n = skor_iku["status"].value_counts()
    return JumlahStatus(*(int(n.get(s.value, 0)) for s in Status))


def hitung_nko(skor_iku: pd.DataFrame, profil: ProfilAturan = KEMENKEU) -> Nko:
    """The NKO over the IKU of a ``skor`` table (``kinerja_core.nko.hitung_nko`` on whole columns)."""
    nilai = nko_kolom(skor_iku["capaian"].to_numpy(dtype=float), skor_iku["bobot"].to_numpy(dtype=float),
                      _petakan(skor_iku["perspektif"], _PERSPEKTIF), np.zeros(len(skor_iku), dtype=np.intp),
                      profil).get(0)
    return Nko(nilai, status_capaian(nilai, profil), jumlah_status(skor_iku))


KOLOM_NKO = ["kode_unit", "nama_unit", "nko", "status", *(s.value for s in Status)]
_KODE_STATUS = {s.value: i for i, s in enumerate(Status)}


def _nko_per(skor_iku: pd.DataFrame, kelompok: pd.Series, profil: ProfilAturan) -> dict[object, float | None]:
    kode, nama = pd.factorize(kelompok)  # numbered in order of appearance: the groups come back in that order
    nko = nko_kolom(skor_iku["capaian"].to_numpy(dtype=float), skor_iku["bobot"].to_numpy(dtype=float),
                    _petakan(skor_iku["perspektif"], _PERSPEKTIF), kode, profil)
    nama = nama.tolist()
    return {nama[k]: v for k, v in nko.items()}


def _kode_status(skor_iku: pd.DataFrame) -> np.ndarray:
    """Each row's status as its number in ``Status``."""
    return _petakan(skor_iku["status"], _KODE_STATUS).astype(np.intp)


def _tabel_per_unit(nko: dict[object, float | None], posisi: np.ndarray, kode: np.ndarray,
                    unit: pd.DataFrame, profil: ProfilAturan) -> pd.DataFrame:
    """``KOLOM_NKO`` rows for the units in ``nko`` (in its order), the status counts of the IKU counted in each:
    per IKU, ``posisi`` is its unit's place in ``nko`` and ``kode`` its status (``_kode_status``)."""
    urut = list(nko)
    hitung = np.bincount(posisi * len(Status) + kode, minlength=len(urut) * len(Status)).reshape(-1, len(Status))
    nama_unit = dict(zip(unit["kode_unit"].tolist(), unit["nama_unit"].tolist()))
    return pd.DataFrame({
        "kode_unit": urut, "nama_unit": [nama_unit.get(k, k) for k in urut],
        "nko": np.array([np.nan if v is None else v for v in nko.values()], dtype=float),
        "status": [status_capaian(v, profil).value for v in nko.values()],
        **{s.value: hitung[:, i] for i, s in enumerate(Status)},
    }, columns=KOLOM_NKO)


def tabel_nko(skor_iku: pd.DataFrame, unit: pd.DataFrame, profil: ProfilAturan = KEMENKEU) -> pd.DataFrame:
    """One row per unit that has IKU (in their order): its NKO (None when every IKU is grey) and status counts."""
    nko = _nko_per(skor_iku, skor_iku["kode_unit"], profil)
    posisi = _petakan(skor_iku["kode_unit"], {k: i for i, k in enumerate(nko)}).astype(np.intp)
    return _tabel_per_unit(nko, posisi, _kode_status(skor_iku), unit, profil)


def tabel_progres(
    iku: Iku, realisasi: Sequence[float | None], profil: ProfilAturan = KEMENKEU
) -> pd.DataFrame:
    """One IKU quarter by quarter: the periodic and the year-to-date values, capaian and status."""
    baris = []
    for q in TRIWULAN:
        h = nilai_iku(iku, realisasi, q, profil)
        baris.append({
            "triwulan": q,
            "target_periodik": iku.target[q - 1],
            "realisasi_periodik": realisasi[q - 1] if iku.target[q - 1] is not None else None,
            "target": h.sd_triwulan.target,
            "realisasi": h.sd_triwulan.realisasi,
            "capaian": h.capaian.nilai,
            "status": h.status.value,
            "keterangan": keterangan_alasan(h.alasan, _triwulan_target_berikut(h)),
        })
    return pd.DataFrame(baris).astype(
        {"target_periodik": float, "realisasi_periodik": float, "target": float, "realisasi": float,
         "capaian": float}
    )


def tabel_semua_triwulan(per_triwulan: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """The same IKU scored through TW I, II, III and IV (four ``skor`` tables) in long form: kode_unit,
    kode_iku, nama_iku, triwulan, target, realisasi, capaian, status (and tahap when the scores carry it)."""
    bagian = [s.assign(triwulan=q) for q, s in zip(TRIWULAN, per_triwulan)]
    kolom = ["kode_unit", "kode_iku", "nama_iku", "triwulan", "target", "realisasi", "capaian", "status"]
    if all("tahap" in s.columns for s in per_triwulan):  # each quarter's stage of its unit
        kolom.append("tahap")
    return pd.concat(bagian, ignore_index=True)[kolom].astype({"target": float, "realisasi": float, "capaian": float})


def triwulan_rapat(iku: pd.DataFrame, realisasi: pd.DataFrame) -> int:
    """The quarter a meeting would pick: the latest one that most units measured in it have reported.

    A unit counts for quarter q when it has an IKU with a target in q; it has reported when one of those
    IKU has a realisasi for q. One early office does not move everybody to the next quarter: that
    quarter needs more than half of its units. When no quarter has that, the one with the most
    reporting units (the latest on a tie); with no realisasi at all, TW I.

    >>> iku = pd.DataFrame({"kode_unit": ["A", "B", "C"], "kode_iku": ["A1", "B1", "C1"],
    ...                     **{f"target_tw{q}": [1.0, 1.0, 1.0] for q in TRIWULAN}})
    >>> lapor = pd.DataFrame({"kode_unit": ["A", "B", "C", "A"], "kode_iku": ["A1", "B1", "C1", "A1"],
    ...                       "triwulan": [3, 3, 3, 4], "realisasi": [1.0, 1.0, 1.0, 1.0]})
    >>> triwulan_rapat(iku, lapor)  # A alone has reported TW IV
    3
    """
    ada = realisasi.dropna(subset=["realisasi"])
    mayoritas: list[int] = []
    sebagian: list[tuple[int, int]] = []
    for q in TRIWULAN:
        terukur = iku[iku[f"target_tw{q}"].notna()]
        if terukur.empty:
            continue
        lapor = ada[ada["triwulan"] == q].merge(terukur[["kode_unit", "kode_iku"]], on=["kode_unit", "kode_iku"])
        n_lapor = lapor["kode_unit"].nunique()
        if 2 * n_lapor > terukur["kode_unit"].nunique():
            mayoritas.append(q)
        elif n_lapor:
            sebagian.append((n_lapor, q))
    if mayoritas:
        return max(mayoritas)
    return max(sebagian)[1] if sebagian else 1


@dataclass(frozen=True)
class Cakupan:
    """How many IKU a figure is computed from, and why the others are not in it."""

    total: int
    dinilai: int
    belum_dilaporkan: int
    belum_diukur: int
    tidak_dapat_dihitung: int

    @property
    def lengkap(self) -> bool:
        """Every IKU due so far has its realisasi."""
        return self.belum_dilaporkan == 0


def cakupan(skor_iku: pd.DataFrame) -> Cakupan:
    """Count the IKU of a ``skor`` table a score covers (not grey) and the grey ones by reason."""
    alasan = skor_iku.loc[skor_iku["status"] == Status.ABU_ABU.value, "alasan"]
    belum_lapor = int((alasan == AlasanAbu.REALISASI_BELUM_ADA.value).sum())
    belum_ukur = int((alasan == AlasanAbu.BELUM_DIUKUR.value).sum())
    return Cakupan(total=len(skor_iku), dinilai=len(skor_iku) - len(alasan), belum_dilaporkan=belum_lapor,
                   belum_diukur=belum_ukur, tidak_dapat_dihitung=len(alasan) - belum_lapor - belum_ukur)


def teks_cakupan(c: Cakupan) -> str:
    """'mencakup 6 dari 27 IKU · 21 belum dilaporkan'."""
    sisa = [t(k, n=n) for k, n in (("cakupan.belum_dilaporkan", c.belum_dilaporkan),
                                    ("cakupan.belum_diukur", c.belum_diukur),
                                    ("cakupan.tidak_dapat_dihitung", c.tidak_dapat_dihitung)) if n]
    return " · ".join([t("cakupan.iku", dinilai=c.dinilai, total=c.total), *sisa])


@dataclass(frozen=True)
class Ikhtisar:
    """The headline of a view: the NKO and the status count, each with what it covers.

    The status count covers every IKU of the selected units in the chosen perspectives. The NKO is the
    unit's own (its Kontrak Kinerja) when it has IKU of its own, else the combined NKO of the units below;
    it follows the same perspective filter. A status filter only picks rows of a list, never a figure.
    """

    lingkup: pd.DataFrame
    """The IKU the status count covers (rows of a ``skor`` table)."""
    jumlah: JumlahStatus
    nko: Nko
    nko_milik_sendiri: bool
    cakupan_nko: Cakupan
    judul_nko: str
    """'NKO KPPBC TMP A Bogor' or 'NKO gabungan', with ' · perspektif Stakeholder' under a filter."""
    teks_lingkup: str
    """What the count and the NKO are taken from: 'IKU Kantor Wilayah DJBC Jawa Barat dan 2 sub-unit'."""
    rumus_nko: RumusNko
    """The NKO's sums with the numbers put in (``kinerja_core.rumus``), for the screen to explain it."""

    @property
    def teks_cakupan_nko(self) -> str:
        return teks_cakupan(self.cakupan_nko)


def dasar_nko_unit(lingkup: pd.DataFrame, kode_unit: str, milik_sendiri: bool | None = None) -> pd.DataFrame:
    """The IKU a unit's headline NKO is taken over: its own when it has IKU of its own (a Kanwil's NKO is the
    Kanwil's), else all of ``lingkup`` (a ministry without IKU of its own: the combined NKO below it) except
    the cascaded parent IKU whose realisasi comes from child IKU in ``lingkup``: their shortfall is their
    children's, counted once (issue 28 item 5)."""
    return lingkup[_di_dasar_nko(lingkup, kode_unit, milik_sendiri)]


def _di_dasar_nko(lingkup: pd.DataFrame, kode_unit: str, milik_sendiri: bool | None = None) -> np.ndarray:
    """The rows of ``dasar_nko_unit``, as a mask over ``lingkup``."""
    sendiri = _sama(lingkup["kode_unit"], kode_unit)
    if milik_sendiri is None:
        milik_sendiri = bool(sendiri.any())
    return sendiri if milik_sendiri else ~_induk_kaskade(lingkup)


def saring(skor_iku: pd.DataFrame, perspektif: Sequence[str] = (), sumber: Sequence[str] = ()) -> pd.DataFrame:
    """The IKU of the chosen perspectives and planning bases (none chosen: all); a blank sumber is PENKIN.

    >>> skor_iku = pd.DataFrame({"kode_iku": ["BTP-01", "BTP-04"], "perspektif": ["Stakeholder", "Internal Process"],
    ...                          "sumber": ["pnbp", None]})
    >>> saring(skor_iku, sumber=["penkin", "sasaran_mutu"])["kode_iku"].tolist()
    ['BTP-04']
    """
    if perspektif:
        skor_iku = skor_iku[skor_iku["perspektif"].isin(perspektif)]
    if sumber:
        skor_iku = skor_iku[skor_iku["sumber"].fillna(Sumber.PENKIN.value).isin(sumber)]
    return skor_iku


def ikhtisar(
    skor_iku: pd.DataFrame, kode_unit: str, nama_unit: dict[str, str], perspektif: Sequence[str] = (),
    sumber: Sequence[str] = (), profil: ProfilAturan = KEMENKEU,
) -> Ikhtisar:
    """The headline figures of the IKU in ``skor_iku`` (the selected units, scored) for ``kode_unit``, over the IKU
    of the chosen perspectives and planning bases (``sumber``; none chosen: all)."""
    lingkup = saring(skor_iku, perspektif, sumber)
    milik_sendiri = bool((skor_iku["kode_unit"] == kode_unit).any())
    dasar_nko = dasar_nko_unit(lingkup, kode_unit, milik_sendiri)
    nama = nama_unit.get(kode_unit, kode_unit)
    disaring = f" · {t('cakupan.perspektif', daftar=', '.join(perspektif))}" if perspektif else ""
    if sumber:
        disaring += f" · {t('cakupan.sumber', daftar=', '.join(t(f'sumber.{s}') for s in sumber))}"
    judul = t("cakupan.nko_unit", unit=nama) if milik_sendiri else t("cakupan.nko_gabungan")
    if not milik_sendiri and len(dasar_nko) < len(lingkup):  # cascaded parents: counted through their children
        judul += f" · {tn('cakupan.kaskade_sekali', len(lingkup) - len(dasar_nko))}"
    sub_unit = len(set(skor_iku["kode_unit"].unique()) - {kode_unit})
    lingkup_teks = (tn("cakupan.lingkup_sub_unit", sub_unit, unit=nama) if sub_unit
                    else t("cakupan.lingkup_unit", unit=nama))
    nko = hitung_nko(dasar_nko, profil)
    return Ikhtisar(
        lingkup=lingkup, jumlah=jumlah_status(lingkup), nko=nko, nko_milik_sendiri=milik_sendiri,
        cakupan_nko=cakupan(dasar_nko), judul_nko=judul + disaring, teks_lingkup=lingkup_teks + disaring,
        rumus_nko=rumus_nko_tabel(dasar_nko, nko.nilai, profil),
    )


def ringkas_jumlah(jumlah: JumlahStatus) -> str:
    """'16 IKU: 15 hijau, 1 abu-abu'."""
    rincian = ", ".join(f"{n} {nama_status(s).lower()}" for s, n in jumlah.menurut_status().items() if n)
    return t("ringkasan.jumlah", total=jumlah.total, rincian=rincian)


def teks_filter_status(status: Sequence[str], n: int, total: int) -> str:
    """'Menampilkan 1 dari 16 IKU (filter status: ○ Abu-abu).'"""
    return t("cakupan.tabel_status", n=n, total=total, status=", ".join(label_status(Status(s)) for s in status))


# --- the reporting cycle's stage of each figure (issue 30) ---------------------------------------------------------

TAHAP_TERVERIFIKASI = frozenset({Tahap.TERVERIFIKASI.value, Tahap.FINAL.value})
"""The stages whose figures a verified-only view keeps (``hanya_terverifikasi``)."""


def tahap_unit(tahap: pd.DataFrame, triwulan: int) -> dict[str, str]:
    """Each unit's stage in ``triwulan`` from a year's stored stages (``Storage.tahap_tahun``: triwulan, kode_unit,
    tahap); a unit not in it is draf.

    >>> tahap = pd.DataFrame({"triwulan": [2, 3], "kode_unit": ["KPPBCBOGOR", "KPPBCBOGOR"],
    ...                       "tahap": ["final", "diajukan"]})
    >>> tahap_unit(tahap, 3)
    {'KPPBCBOGOR': 'diajukan'}
    """
    pilih = tahap[tahap["triwulan"].astype(int) == triwulan]
    return dict(zip(pilih["kode_unit"], pilih["tahap"].astype(str)))


def dengan_tahap(skor_iku: pd.DataFrame, tahap: pd.DataFrame, triwulan: int) -> pd.DataFrame:
    """A ``skor`` table with, last, the stage of each IKU's unit-quarter in ``triwulan`` (``tahap``: draf,
    diajukan, terverifikasi, dikembalikan, final). A cascade parent's computed realisasi belongs to the parent's
    unit-quarter: its stage is the parent unit's, whatever its children's are.

    >>> skor_iku = pd.DataFrame({"kode_unit": ["KPPBCBOGOR", "KPPBCBEKASI"], "kode_iku": ["BGR-01", "BKS-01"]})
    >>> tahap = pd.DataFrame({"triwulan": [3], "kode_unit": ["KPPBCBOGOR"], "tahap": ["terverifikasi"]})
    >>> dengan_tahap(skor_iku, tahap, 3)["tahap"].tolist()
    ['terverifikasi', 'draf']
    """
    return skor_iku.assign(tahap=_tahap_baris(skor_iku["kode_unit"], tahap, triwulan))


def _tahap_baris(kode_unit: pd.Series, tahap: pd.DataFrame, triwulan: int) -> np.ndarray:
    per_unit = tahap_unit(tahap, triwulan)
    kode, unik = pd.factorize(kode_unit)
    nilai = np.array([per_unit.get(u, Tahap.DRAF.value) for u in unik.tolist()] + [Tahap.DRAF.value], dtype=object)
    return nilai[kode]


def terverifikasi(tahap: pd.DataFrame) -> set[tuple[int, str]]:
    """The unit-quarters (triwulan, kode_unit) whose stage is terverifikasi or final."""
    pilih = tahap[tahap["tahap"].astype(str).isin(TAHAP_TERVERIFIKASI)]
    return {(int(q), str(u)) for q, u in zip(pilih["triwulan"], pilih["kode_unit"])}


def hanya_terverifikasi(data: pd.DataFrame, tahap: pd.DataFrame) -> pd.DataFrame:
    """A ``lebar`` table with the realisasi of every unit-quarter not terverifikasi or final blanked (as if not
    reported: grey once scored), quarter by quarter, before any scoring, so the NKO, the lights and the charts all
    follow. The realisasi columns hold the computed values too (komponen, cascade children): a cascade parent's
    computed value belongs to the parent's unit-quarter and is kept or blanked with it.

    >>> data = pd.DataFrame({"kode_unit": ["BGR", "BKS"], **{k: [1.0, 2.0] for k in KOLOM_REALISASI}})
    >>> tahap = pd.DataFrame({"triwulan": [1, 2], "kode_unit": ["BGR", "BGR"], "tahap": ["final", "diajukan"]})
    >>> hanya_terverifikasi(data, tahap)[KOLOM_REALISASI].to_numpy().tolist()
    [[1.0, nan, nan, nan], [nan, nan, nan, nan]]
    """
    boleh = terverifikasi(tahap)
    kode, unik = pd.factorize(data["kode_unit"])  # each unit looked up once per quarter (a ministry's 150,000 rows)
    unik = unik.tolist()
    tetap = {q: np.array([(q, u) in boleh for u in unik] + [False], dtype=bool)[kode] for q in TRIWULAN}
    return data.assign(**{k: data[k].where(tetap[q]) for q, k in zip(TRIWULAN, KOLOM_REALISASI)})


def hanya_terverifikasi_baris(baris: pd.DataFrame, tahap: pd.DataFrame, kolom: str) -> pd.DataFrame:
    """Stored rows in long form (``realisasi``, ``komponen``: kode_unit, triwulan, ``kolom``) with ``kolom`` blanked
    where the unit-quarter is not terverifikasi or final; the rows themselves (their notes) stay."""
    if baris.empty:
        return baris
    boleh = terverifikasi(tahap)
    tetap = np.array([(int(q), u) in boleh for q, u in zip(baris["triwulan"], baris["kode_unit"])], dtype=bool)
    return baris.assign(**{kolom: baris[kolom].where(tetap)})


def belum_final(skor_iku: pd.DataFrame) -> tuple[int, int]:
    """How many IKU of a scored table with ``tahap`` are not final, and how many there are: the NKO over them is
    *sementara* while the first is above 0."""
    if "tahap" not in skor_iku.columns:
        return 0, len(skor_iku)
    return int((skor_iku["tahap"].astype(str) != Tahap.FINAL.value).sum()), len(skor_iku)
