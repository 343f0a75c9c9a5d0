"""The tables of chapter III of a unit's LKjIP (Laporan Kinerja Instansi Pemerintah) for a year: each IKU's
capaian at the year's end against its target, against the same IKU in up to four earlier years, against the
medium-term (Renstra) target, and the explanation written with it.

Every figure is the score through TW IV (``scores.skor``), so each equals ``python -m kinerja score --triwulan 4``
for that year; the capaian against the Renstra target is the core's rule (``kinerja_core.capaian.capaian_tepat``)
with the Renstra target in place of the year's. Only the unit's own IKU; an earlier year's IKU is the same
``kode_iku`` of the same unit. Each table keeps its numbers as numbers (``Sel.angka``), to be read as XLSX too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from kinerja import scores
from kinerja.dokumen import Permintaan
from kinerja.dokumen.bagian import kop, nama_berkas, sel_angka, sel_capaian, sel_status, sel_teks, teks
from kinerja.dokumen.model import Blok, Dokumen, Judul, Paragraf, Sel, Tabel
from kinerja.dokumen.pk import baca_unit, target_tahunan
from kinerja.store import Storage
from kinerja.texts import KOSONG, dalam_bahasa, keterangan_alasan, nama_triwulan, t
from kinerja_core.capaian import Capaian, capaian_tepat, hitung_capaian_float, sd_triwulan_tepat
from kinerja_core.konsolidasi import pecahan, sd_triwulan
from kinerja_core.model import TRIWULAN, Iku, Status

TAHUN_LALU = 4
"""How many earlier years the comparison looks back."""


def susun(storage: Storage, p: Permintaan) -> Dokumen:
    """The LKjIP chapter III tables of ``p.kode_unit`` for ``p.tahun``, in ``p.bahasa``."""
    with dalam_bahasa(p.bahasa):
        data = baca_unit(storage, p.tahun, p.kode_unit, ("satuan", "target_renstra", "tahun_renstra"))
        iku = target_tahunan(data.iku)
        ada_tahun = set(storage.daftar_tahun())
        lalu: dict[int, pd.DataFrame] = {}
        for y in range(p.tahun - TAHUN_LALU, p.tahun):
            if y in ada_tahun:
                skor_y = target_tahunan(baca_unit(storage, y, data.kode_unit).iku)
                if not skor_y.empty:
                    lalu[y] = skor_y
        isi: list[Blok] = [Judul(t("dok.lkjip.bab"))]
        if iku.empty:
            isi.append(Paragraf(t("dok.lkjip.kosong", unit=data.nama_unit, tahun=p.tahun)))
        isi += [_tabel_target(iku, p.tahun), _tabel_tahun_lalu(iku, p.tahun, lalu), _tabel_renstra(iku, p.tahun),
                _tabel_penjelasan(iku, p.tahun, _catatan(storage, iku))]
        instansi, logo = kop(storage)
        return Dokumen(jenis="lkjip", judul=t("dok.lkjip.judul", tahun=p.tahun), sub_judul=(data.nama_unit,),
                       instansi=instansi, bahasa=p.bahasa, isi=tuple(isi),
                       nama_berkas=nama_berkas("lkjip", data.kode_unit, p.tahun), logo=logo)


def _sel_iku(r: Any) -> tuple[Sel, Sel]:
    return sel_teks(r.kode_iku), sel_teks(r.nama_iku)


def _tabel_target(iku: pd.DataFrame, tahun: int) -> Tabel:
    """Kode | IKU | Satuan | Target | Realisasi | Capaian | Status | Keterangan (why grey), through TW IV."""
    baris = tuple(
        (*_sel_iku(r), sel_teks(r.satuan), sel_angka(r.target), sel_angka(r.realisasi), sel_capaian(r.capaian),
         sel_status(r.status), sel_teks(r.keterangan))
        for r in iku.itertuples(index=False))
    return Tabel(t("dok.lkjip.tabel_target", tahun=tahun),
                 (t("kolom.kode_iku"), t("kolom.nama_iku"), t("kolom.satuan"), t("dok.lkjip.target", tahun=tahun),
                  t("dok.lkjip.realisasi", tahun=tahun), t("kolom.capaian_lalu", tahun=tahun), t("kolom.status"),
                  t("kolom.keterangan")),
                 baris, (1.4, 4.5, 1.6, 1.6, 1.6, 1.6, 1.6, 3), kosong=t("dok.lkjip.tabel_kosong", tahun=tahun))


def _per_kode(skor: pd.DataFrame) -> dict[str, Any]:
    """An earlier year's scored IKU by code (compared without regard to case, as codes are)."""
    return {str(r.kode_iku).casefold(): r for r in skor.itertuples(index=False)}


def _tabel_tahun_lalu(iku: pd.DataFrame, tahun: int, lalu: dict[int, pd.DataFrame]) -> Tabel:
    """Kode | IKU | per earlier year with IKU of the unit: Realisasi, Capaian | this year's Realisasi, Capaian.
    '—' for an IKU the unit did not have that year (or not computable); no rows when no earlier year has data."""
    tahun_ada = sorted(lalu)
    per_tahun = {y: _per_kode(lalu[y]) for y in tahun_ada}
    baris: list[tuple[Sel, ...]] = []
    if tahun_ada:
        for r in iku.itertuples(index=False):
            sel: list[Sel] = [*_sel_iku(r), sel_teks(r.satuan)]
            for y in tahun_ada:
                dulu = per_tahun[y].get(str(r.kode_iku).casefold())
                sel += ([sel_angka(None), sel_capaian(None)] if dulu is None else
                        [sel_angka(dulu.realisasi), sel_capaian(dulu.capaian)])
            baris.append((*sel, sel_angka(r.realisasi), sel_capaian(r.capaian)))
    kolom = [t("kolom.kode_iku"), t("kolom.nama_iku"), t("kolom.satuan")]
    for y in [*tahun_ada, tahun]:
        kolom += [t("dok.lkjip.realisasi", tahun=y), t("kolom.capaian_lalu", tahun=y)]
    kosong = (t("dok.lkjip.tanpa_tahun_lalu", awal=tahun - TAHUN_LALU, akhir=tahun - 1) if not tahun_ada
              else t("dok.lkjip.tabel_kosong", tahun=tahun))
    return Tabel(t("dok.lkjip.tabel_tahun_lalu", tahun=tahun), tuple(kolom), tuple(baris),
                 (1.4, 4, 1.4, *([1.4] * (2 * len(tahun_ada) + 2))), kosong=kosong)


def capaian_renstra(iku: Iku, realisasi: Sequence[float | None], target_renstra: float) -> Capaian:
    """The year's realisasi (through TW IV) against the Renstra target, by the core's rule for the IKU's polarity
    (clamp, rounding, konversi 120 and all), computed exactly as the year's capaian is.

    Revenue of Rp 190 miliar in the year against a Renstra target of Rp 200 miliar:

    >>> from kinerja_core.model import Konsolidasi, Polaritas
    >>> bm = Iku("KPPBCBOGOR", "BGR-01", "Penerimaan bea masuk", Polaritas.MAXIMIZE, Konsolidasi.SUM, 10,
    ...          (40.0, 45.0, 50.0, 55.0))
    >>> capaian_renstra(bm, (40.0, 45.0, 50.0, 55.0), 200.0).nilai
    95.0
    """
    sd = sd_triwulan(iku, realisasi, 4)
    if sd.realisasi is None:
        return Capaian(None, Status.ABU_ABU, sd.alasan)
    if not (math.isfinite(sd.realisasi) and math.isfinite(target_renstra)):
        # no exact value to take (a projection that overflowed): the float formula, as ``nilai_iku`` does
        return hitung_capaian_float(sd.realisasi, target_renstra, iku)
    tepat = sd_triwulan_tepat(iku, realisasi, 4)
    assert tepat is not None  # the year's realisasi exists
    return capaian_tepat(tepat[1], pecahan(target_renstra), iku.polaritas, konversi_120=iku.konversi_120,
                         realisasi_terburuk=iku.realisasi_terburuk)


def _tabel_renstra(iku: pd.DataFrame, tahun: int) -> Tabel:
    """Kode | IKU | Satuan | Realisasi of the year | Target Renstra | Tahun Renstra | Capaian | Keterangan."""
    baris = []
    for i, r in zip(scores.iku_dari_tabel(iku), iku.itertuples(index=False)):
        target = r.target_renstra
        if pd.isna(target):
            capaian, keterangan = None, t("dok.lkjip.tanpa_renstra")
        else:
            c = capaian_renstra(i, scores.realisasi_baris(r), float(target))
            capaian, keterangan = c.nilai, keterangan_alasan(c.alasan)
        tahun_r = r.tahun_renstra
        baris.append((*_sel_iku(r), sel_teks(r.satuan), sel_angka(r.realisasi), sel_angka(target),
                      Sel(KOSONG, rata="tengah") if pd.isna(tahun_r) else
                      Sel(str(int(tahun_r)), angka=float(int(tahun_r)), rata="tengah", format_angka="0"),
                      sel_capaian(capaian), sel_teks(keterangan)))
    return Tabel(t("dok.lkjip.tabel_renstra", tahun=tahun),
                 (t("kolom.kode_iku"), t("kolom.nama_iku"), t("kolom.satuan"), t("dok.lkjip.realisasi", tahun=tahun),
                  t("dok.lkjip.target_renstra"), t("dok.lkjip.tahun_renstra"), t("dok.lkjip.capaian_renstra"),
                  t("kolom.keterangan")),
                 tuple(baris), (1.4, 4, 1.4, 1.6, 1.6, 1.2, 1.6, 2.6), kosong=t("dok.lkjip.tabel_kosong", tahun=tahun))


def _catatan(storage: Storage, iku: pd.DataFrame) -> dict[str, dict[int, tuple[str, str]]]:
    """Per IKU code and quarter, the kendala and rencana aksi as stored (quarters with neither left out)."""
    if iku.empty:
        return {}
    _, lapor = storage.iku_dan_realisasi(iku[["tahun", "kode_unit", "kode_iku"]])
    hasil: dict[str, dict[int, tuple[str, str]]] = {}
    for r in lapor.itertuples(index=False):
        kendala, aksi = teks(r.kendala), teks(r.rencana_aksi)
        if kendala or aksi:
            hasil.setdefault(str(r.kode_iku), {})[int(r.triwulan)] = (kendala, aksi)
    return hasil


def _tabel_penjelasan(iku: pd.DataFrame, tahun: int, catatan: dict[str, dict[int, tuple[str, str]]]) -> Tabel:
    """Kode | IKU | Triwulan | Kendala | Rencana aksi: the notes of the last quarter reported (a realisasi, computed
    ones included, or a note), TW IV once the year is reported in full; '—' where that quarter has none."""
    baris = []
    for r in iku.itertuples(index=False):
        catatan_iku = catatan.get(str(r.kode_iku), {})
        lapor = [q for q in TRIWULAN if pd.notna(getattr(r, f"realisasi_tw{q}")) or q in catatan_iku]
        q = max(lapor, default=None)
        kendala, aksi = catatan_iku.get(q, ("", "")) if q is not None else ("", "")
        baris.append((*_sel_iku(r), Sel(KOSONG if q is None else nama_triwulan(q), rata="tengah"),
                      sel_teks(kendala), sel_teks(aksi)))
    return Tabel(t("dok.lkjip.tabel_penjelasan", tahun=tahun),
                 (t("kolom.kode_iku"), t("kolom.nama_iku"), t("kolom.triwulan"), t("kolom.kendala"),
                  t("kolom.rencana_aksi")),
                 tuple(baris), (1.4, 3.5, 1.1, 4, 4), kosong=t("dok.lkjip.tabel_kosong", tahun=tahun))
