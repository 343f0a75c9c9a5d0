"""From stored tables to scored tables: the bridge between DuckDB rows and the pure core.

Rows become ``kinerja_core`` records, the core scores them, and the results
come back as DataFrames with the columns the pages, the charts and the
command line show. No SQL and no Streamlit here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from kinerja.texts import keterangan_alasan
from kinerja_core.capaian import HasilIku, nilai_iku
from kinerja_core.model import TRIWULAN, Iku, Konsolidasi, Perspektif, Polaritas, Status
from kinerja_core.nko import hitung_nko
from kinerja_core.profil import KEMENKEU, ProfilAturan
from kinerja_core.unit import Unit, kedalaman, subpohon

Kunci = tuple[str, str]
"""(kode_unit, kode_iku) within one year."""

KOLOM_SKOR = ["kode_unit", "kode_iku", "nama_iku", "target", "realisasi", "capaian", "status"]
"""The columns of ``python -m kinerja score``, in this order."""


def _angka_atau_none(nilai: object) -> float | None:
    return None if nilai is None or pd.isna(nilai) else float(nilai)  # type: ignore[arg-type]


def daftar_unit(unit: pd.DataFrame) -> list[Unit]:
    """The stored unit table as core records."""
    return [
        Unit(r.kode_unit, r.nama_unit, None if pd.isna(r.kode_induk) else r.kode_induk)
        for r in unit.itertuples(index=False)
    ]


def urutan_pohon(unit: pd.DataFrame) -> list[tuple[str, int]]:
    """Every unit with its depth, roots first and each followed by its sub-units."""
    units = daftar_unit(unit)
    dalam = kedalaman(units)
    urut: list[str] = []
    for akar in (u.kode_unit for u in units if dalam[u.kode_unit] == 0):
        urut += [k for k in subpohon(units, akar) if k not in urut]
    urut += [u.kode_unit for u in units if u.kode_unit not in urut]  # units under a cycle
    return [(k, dalam[k]) for k in urut]


def iku_dari_tabel(iku: pd.DataFrame) -> list[Iku]:
    """Stored IKU rows (one year) as core records."""
    return [
        Iku(
            kode_unit=r.kode_unit,
            kode_iku=r.kode_iku,
            nama_iku=r.nama_iku,
            polaritas=Polaritas(r.polaritas),
            konsolidasi=Konsolidasi(r.konsolidasi),
            bobot=float(r.bobot),
            target=tuple(_angka_atau_none(getattr(r, f"target_tw{q}")) for q in TRIWULAN),  # type: ignore[arg-type]
            perspektif=Perspektif(r.perspektif),
            satuan="" if pd.isna(r.satuan) else r.satuan,
            konversi_120=bool(r.konversi_120),
            realisasi_terburuk=_angka_atau_none(r.realisasi_terburuk),
        )
        for r in iku.itertuples(index=False)
    ]


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
    """Score every IKU of one year (of the given units) through ``triwulan``."""
    if kode_unit is not None:
        pilih = list(kode_unit)
        iku = iku[iku["kode_unit"].isin(pilih)]
        iku = iku.assign(_urut=iku["kode_unit"].map({k: i for i, k in enumerate(pilih)})).sort_values(
            ["_urut", "kode_iku"], kind="stable"
        )
    nilai = realisasi_per_iku(realisasi)
    kosong = (None, None, None, None)
    return [nilai_iku(i, nilai.get((i.kode_unit, i.kode_iku), kosong), triwulan, profil) for i in iku_dari_tabel(iku)]


def _triwulan_target_berikut(hasil: HasilIku) -> int | None:
    """The first quarter after the chosen one with a target (to explain a grey IKU)."""
    return next((q for q in hasil.iku.triwulan_terukur if q > hasil.sd_triwulan.triwulan), None)


def tabel_iku(hasil: Sequence[HasilIku], unit: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per IKU: year-to-date target, realisasi, capaian, status and the reason when grey."""
    nama_unit = {} if unit is None else dict(zip(unit["kode_unit"], unit["nama_unit"]))
    baris = [
        {
            "kode_unit": h.iku.kode_unit,
            "nama_unit": nama_unit.get(h.iku.kode_unit, h.iku.kode_unit),
            "kode_iku": h.iku.kode_iku,
            "nama_iku": h.iku.nama_iku,
            "perspektif": h.iku.perspektif.value,
            "satuan": h.iku.satuan,
            "polaritas": h.iku.polaritas.value,
            "bobot": h.iku.bobot,
            "target": h.sd_triwulan.target,
            "realisasi": h.sd_triwulan.realisasi,
            "capaian": h.capaian.nilai,
            "status": h.status.value,
            "keterangan": keterangan_alasan(h.alasan, _triwulan_target_berikut(h)),
        }
        for h in hasil
    ]
    kolom = ["kode_unit", "nama_unit", "kode_iku", "nama_iku", "perspektif", "satuan", "polaritas", "bobot",
             "target", "realisasi", "capaian", "status", "keterangan"]
    return pd.DataFrame(baris, columns=kolom).astype({"target": float, "realisasi": float, "capaian": float})


def tabel_nko(hasil: Sequence[HasilIku], unit: pd.DataFrame, profil: ProfilAturan = KEMENKEU) -> pd.DataFrame:
    """One row per unit that has IKU: its NKO (None when every IKU is grey) and status counts."""
    per_unit: dict[str, list[HasilIku]] = {}
    for h in hasil:
        per_unit.setdefault(h.iku.kode_unit, []).append(h)
    nama_unit = dict(zip(unit["kode_unit"], unit["nama_unit"]))
    baris = []
    for kode, daftar in per_unit.items():
        nko = hitung_nko(daftar, profil)
        jumlah = nko.jumlah.menurut_status()
        baris.append({
            "kode_unit": kode, "nama_unit": nama_unit.get(kode, kode), "nko": nko.nilai,
            "status": nko.status.value, **{s.value: jumlah[s] for s in Status},
        })
    kolom = ["kode_unit", "nama_unit", "nko", "status", *(s.value for s in Status)]
    return pd.DataFrame(baris, columns=kolom).astype({"nko": float})


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


def tabel_semua_triwulan(
    iku: pd.DataFrame,
    realisasi: pd.DataFrame,
    kode_unit: Iterable[str] | None = None,
    profil: ProfilAturan = KEMENKEU,
) -> pd.DataFrame:
    """Every IKU in every quarter (long form): kode_unit, kode_iku, nama_iku, triwulan, capaian, status."""
    pilih = None if kode_unit is None else list(kode_unit)
    bagian = [
        tabel_iku(nilai_semua(iku, realisasi, q, pilih, profil)).assign(triwulan=q) for q in TRIWULAN
    ]
    return pd.concat(bagian, ignore_index=True)[
        ["kode_unit", "kode_iku", "nama_iku", "triwulan", "target", "realisasi", "capaian", "status"]
    ]
