"""The Perjanjian Kinerja (performance agreement) of a unit for a year, from its stored IKU.

The agreement's text frame (who promises what to whom), the sasaran strategis with their IKU and the year's
targets, the signatures of the head of the unit (Pihak Pertama) and of the head of the unit above (Pihak Kedua; a
root unit signs alone), and the quarterly targets as an annex. Only the unit's own IKU: a sub-unit signs its own
agreement.

The year's target of an IKU is its quarterly targets consolidated over the quarters it is measured in
(``DOMAIN.md``): the year-to-date target through TW IV, the ``target`` of ``python -m kinerja score --triwulan 4``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from kinerja import scores
from kinerja.dokumen import Permintaan
from kinerja.dokumen.bagian import (
    GARIS_ISIAN,
    UnitTidakDikenal,
    baris_unit,
    kop,
    nama_berkas,
    penanda_pimpinan,
    sel_angka,
    sel_teks,
    tanggal_dokumen,
    teks,
)
from kinerja.dokumen.model import Blok, Dokumen, HalamanBaru, Judul, Paragraf, Penanda, Sel, Tabel, TandaTangan
from kinerja.store import KOLOM, Storage
from kinerja.texts import dalam_bahasa, nama_triwulan, t
from kinerja_core.model import TRIWULAN


@dataclass(frozen=True)
class DataUnit:
    """What a yearly document of one unit reads: the unit's row and its parent's (signature columns included; no
    parent for a root), and the unit's own IKU of the year with their four quarterly realisasi (``baca_lebar``)."""

    unit: dict[str, object]
    induk: dict[str, object] | None
    iku: pd.DataFrame

    @property
    def kode_unit(self) -> str:
        return str(self.unit["kode_unit"])

    @property
    def nama_unit(self) -> str:
        return teks(self.unit["nama_unit"]) or self.kode_unit


def baca_unit(storage: Storage, tahun: int, kode_unit: str, kolom: Sequence[str] = ()) -> DataUnit:
    """The unit (its code matched without regard to case, as codes compare), its parent, and its own IKU of
    ``tahun`` with what scoring needs plus ``kolom`` (a column the store does not have is left out: blank).

    ``UnitTidakDikenal`` when the store has no such unit."""
    baca = [*scores.KOLOM_IKU_SKOR, *(k for k in kolom if k in KOLOM["iku"] and k not in scores.KOLOM_IKU_SKOR)]
    unit, iku = storage.baca_lebar(tahun, kode_unit, sub_unit=False, kolom=baca)
    if not (unit["kode_unit"] == kode_unit).any():
        sama = unit.loc[unit["kode_unit"].str.casefold() == kode_unit.casefold(), "kode_unit"]
        if sama.empty:
            raise UnitTidakDikenal(kode_unit)
        kode_unit = str(sama.iloc[0])
        unit, iku = storage.baca_lebar(tahun, kode_unit, sub_unit=False, kolom=baca)
    baris = baris_unit(unit, kode_unit)
    induk = teks(baris.get("kode_induk"))
    iku = iku[iku["kode_unit"] == kode_unit].reset_index(drop=True)
    for k in kolom:
        if k not in iku.columns:
            iku[k] = None
    return DataUnit(baris, baris_unit(unit, induk) if induk else None, iku)


def target_tahunan(iku: pd.DataFrame) -> pd.DataFrame:
    """The IKU scored through TW IV (``scores.skor``): ``target`` is the year's target, as ``score`` prints it."""
    if iku.empty:
        return iku.assign(target=pd.Series(dtype=float), realisasi=pd.Series(dtype=float),
                          capaian=pd.Series(dtype=float), status=pd.Series(dtype=object))
    return scores.skor(iku, 4)


def susun(storage: Storage, p: Permintaan) -> Dokumen:
    """The Perjanjian Kinerja of ``p.kode_unit`` for ``p.tahun``, in ``p.bahasa``."""
    with dalam_bahasa(p.bahasa):
        data = baca_unit(storage, p.tahun, p.kode_unit, ("sasaran_strategis", "satuan"))
        iku = target_tahunan(data.iku)
        tanggal = tanggal_dokumen(p.tanggal)
        isi: list[Blok] = [Paragraf(t("dok.pk.pembuka"))]
        if data.induk is not None:
            isi += [Paragraf(t("dok.pk.pihak_pertama", **_pihak(data.unit))),
                    Paragraf(t("dok.pk.pihak_kedua", **_pihak(data.induk))), Paragraf(t("dok.pk.janji", tahun=p.tahun)),
                    Paragraf(t("dok.pk.supervisi"))]
            blok: tuple[Penanda, ...] = (penanda_pimpinan(data.unit, tanggal, t("dok.pk.label_pertama")),
                                         penanda_pimpinan(data.induk, tanggal, t("dok.pk.label_kedua")))
        else:  # the top of a tree has no one above to promise to: a declaration of its own, signed alone
            isi += [Paragraf(t("dok.pk.pihak_sendiri", **_pihak(data.unit))),
                    Paragraf(t("dok.pk.janji_sendiri", tahun=p.tahun))]
            blok = (penanda_pimpinan(data.unit, tanggal),)
        isi += [_tabel_target(iku, p.tahun, data.nama_unit), TandaTangan(blok), HalamanBaru(), Judul(t("dok.pk.lampiran", tahun=p.tahun)),
                _tabel_triwulan(iku, p.tahun, data.nama_unit)]
        instansi, logo = kop(storage)
        return Dokumen(jenis="pk", judul=t("dok.pk.judul", tahun=p.tahun), sub_judul=(data.nama_unit,),
                       instansi=instansi, bahasa=p.bahasa, isi=tuple(isi),
                       nama_berkas=nama_berkas("pk", data.kode_unit, p.tahun), logo=logo)


def _pihak(unit: dict[str, object]) -> dict[str, str]:
    """Name and position of a unit's head for the text; a line to fill in by hand where not stored."""
    return {"nama": teks(unit.get("nama_pimpinan")).strip() or GARIS_ISIAN,
            "jabatan": teks(unit.get("jabatan_pimpinan")).strip() or GARIS_ISIAN}


def _urut_sasaran(iku: pd.DataFrame) -> pd.DataFrame:
    """The IKU grouped by sasaran strategis, the groups in the order of their first IKU, each group by kode_iku."""
    sasaran = iku["sasaran_strategis"].map(teks)
    pertama = {s: i for i, s in reversed(list(enumerate(sasaran)))}
    return iku.assign(_urut=sasaran.map(pertama)).sort_values(["_urut", "kode_iku"], kind="stable").drop(
        columns="_urut")


def _tabel_target(iku: pd.DataFrame, tahun: int, nama_unit: str) -> Tabel:
    """No | Sasaran strategis | Kode IKU | IKU | Satuan | Target of the year."""
    baris = tuple(
        (Sel(str(i), angka=float(i), rata="kanan", format_angka="0"), sel_teks(r.sasaran_strategis),
         sel_teks(r.kode_iku), sel_teks(r.nama_iku), sel_teks(r.satuan), sel_angka(r.target))
        for i, r in enumerate(_urut_sasaran(iku).itertuples(index=False), start=1))
    return Tabel(t("dok.pk.tabel_target", tahun=tahun),
                 (t("dok.pk.no"), t("dok.pk.sasaran"), t("kolom.kode_iku"), t("kolom.nama_iku"), t("kolom.satuan"),
                  t("dok.pk.target_tahun", tahun=tahun)),
                 baris, (0.6, 4, 1.5, 5, 1.8, 2), kosong=t("dok.pk.kosong", unit=nama_unit, tahun=tahun))


def _tabel_triwulan(iku: pd.DataFrame, tahun: int, nama_unit: str) -> Tabel:
    """Kode IKU | IKU | Satuan | Konsolidasi | TW I … TW IV | Target of the year ('—': not measured that quarter)."""
    baris = tuple(
        (sel_teks(r.kode_iku), sel_teks(r.nama_iku), sel_teks(r.satuan), Sel(t(f"konsolidasi.{r.konsolidasi}")),
         *(sel_angka(getattr(r, f"target_tw{q}")) for q in TRIWULAN), sel_angka(r.target))
        for r in _urut_sasaran(iku).itertuples(index=False))
    return Tabel(t("dok.pk.tabel_triwulan", tahun=tahun),
                 (t("kolom.kode_iku"), t("kolom.nama_iku"), t("kolom.satuan"), t("dok.pk.konsolidasi"),
                  *(nama_triwulan(q) for q in TRIWULAN), t("dok.pk.target_tahun", tahun=tahun)),
                 baris, (1.5, 5, 1.8, 1.8, 1.4, 1.4, 1.4, 1.4, 1.8),
                 kosong=t("dok.pk.kosong", unit=nama_unit, tahun=tahun))
