"""From stored tables to scored tables: the bridge between DuckDB rows and the pure core.

Rows become ``kinerja_core`` records, the core scores them, and the results
come back as DataFrames with the columns the pages, the charts and the
command line show. No SQL and no Streamlit here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from kinerja.texts import keterangan_alasan, label_status, nama_status, t
from kinerja_core.capaian import HasilIku, nilai_iku
from kinerja_core.model import TRIWULAN, AlasanAbu, Iku, Konsolidasi, Perspektif, Polaritas, Status
from kinerja_core.nko import JumlahStatus, Nko, hitung_nko, hitung_status
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


def cakupan(hasil: Iterable[HasilIku]) -> Cakupan:
    """Count the IKU a score covers (not grey) and the grey ones by reason."""
    semua = list(hasil)
    alasan = [h.alasan for h in semua if h.status is Status.ABU_ABU]
    belum_lapor = sum(a is AlasanAbu.REALISASI_BELUM_ADA for a in alasan)
    belum_ukur = sum(a is AlasanAbu.BELUM_DIUKUR for a in alasan)
    return Cakupan(total=len(semua), dinilai=len(semua) - len(alasan), belum_dilaporkan=belum_lapor,
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

    lingkup: list[HasilIku]
    """The IKU the status count covers."""
    jumlah: JumlahStatus
    nko: Nko
    nko_milik_sendiri: bool
    cakupan_nko: Cakupan
    judul_nko: str
    """'NKO KPPBC TMP A Bogor' or 'NKO gabungan', with ' · perspektif Stakeholder' under a filter."""
    teks_lingkup: str
    """What the count and the NKO are taken from: 'IKU Kantor Wilayah DJBC Jawa Barat dan 2 sub-unit'."""

    @property
    def teks_cakupan_nko(self) -> str:
        return teks_cakupan(self.cakupan_nko)


def ikhtisar(
    hasil: Sequence[HasilIku], kode_unit: str, nama_unit: dict[str, str], perspektif: Sequence[str] = (),
    profil: ProfilAturan = KEMENKEU,
) -> Ikhtisar:
    """The headline figures of the IKU in ``hasil`` (the selected units) for ``kode_unit``."""
    lingkup = [h for h in hasil if not perspektif or h.iku.perspektif.value in perspektif]
    milik_sendiri = any(h.iku.kode_unit == kode_unit for h in hasil)
    dasar_nko = [h for h in lingkup if h.iku.kode_unit == kode_unit] if milik_sendiri else lingkup
    nama = nama_unit.get(kode_unit, kode_unit)
    saring = f" · {t('cakupan.perspektif', daftar=', '.join(perspektif))}" if perspektif else ""
    judul = t("cakupan.nko_unit", unit=nama) if milik_sendiri else t("cakupan.nko_gabungan")
    sub_unit = len({h.iku.kode_unit for h in hasil} - {kode_unit})
    lingkup_teks = (t("cakupan.lingkup_sub_unit", unit=nama, n=sub_unit) if sub_unit
                    else t("cakupan.lingkup_unit", unit=nama))
    return Ikhtisar(
        lingkup=lingkup, jumlah=hitung_status(lingkup), nko=hitung_nko(dasar_nko, profil),
        nko_milik_sendiri=milik_sendiri, cakupan_nko=cakupan(dasar_nko), judul_nko=judul + saring,
        teks_lingkup=lingkup_teks + saring,
    )


def ringkas_jumlah(jumlah: JumlahStatus) -> str:
    """'16 IKU: 15 hijau, 1 abu-abu'."""
    rincian = ", ".join(f"{n} {nama_status(s).lower()}" for s, n in jumlah.menurut_status().items() if n)
    return t("ringkasan.jumlah", total=jumlah.total, rincian=rincian)


def teks_filter_status(status: Sequence[str], n: int, total: int) -> str:
    """'Menampilkan 1 dari 16 IKU (filter status: ○ Abu-abu).'"""
    return t("cakupan.tabel_status", n=n, total=total, status=", ".join(label_status(Status(s)) for s in status))
