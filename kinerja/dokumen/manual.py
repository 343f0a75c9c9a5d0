"""The Manual IKU of a unit for a year: per IKU, what it measures and how it is computed, from the stored IKU.

A block per IKU: a heading with its code and name, then a two-column table (field | value): sasaran strategis,
perspektif, definisi, the formula in words (the capaian formula its polarity takes, the quarters' consolidation,
and the komponen formula or the sub-units its realisasi comes from), sumber data, PIC, reporting period,
polaritas, konsolidasi, satuan, bobot and the target of each quarter and of the year. A blank stored value prints
as '—'. Only the unit's own IKU.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd

from kinerja.dokumen import Permintaan
from kinerja.dokumen.bagian import kop, nama_berkas, sel_angka, sel_teks, teks
from kinerja.dokumen.model import Blok, Dokumen, Judul, Paragraf, Sel, Tabel
from kinerja.dokumen.pk import baca_unit, target_tahunan
from kinerja.store import Storage
from kinerja.texts import KOSONG, angka, dalam_bahasa, nama_triwulan, t
from kinerja_core.kaskade import Agregasi
from kinerja_core.komponen import Bentuk as BentukKomponen
from kinerja_core.komponen import RumusTidakSah, baca_rumus
from kinerja_core.model import TRIWULAN, Konsolidasi, Polaritas
from kinerja_core.profil import KEMENKEU, ProfilAturan

KOLOM_MANUAL = ("sasaran_strategis", "satuan", "rumus_komponen", "agregasi_anak", "definisi", "sumber_data",
                "pic_iku")
"""The IKU columns the Manual prints beside what scoring reads."""


def susun(storage: Storage, p: Permintaan) -> Dokumen:
    """The Manual IKU of ``p.kode_unit`` for ``p.tahun``, in ``p.bahasa``."""
    with dalam_bahasa(p.bahasa):
        data = baca_unit(storage, p.tahun, p.kode_unit, KOLOM_MANUAL)
        iku = target_tahunan(data.iku)
        isi: list[Blok] = []
        if iku.empty:
            isi.append(Paragraf(t("dok.manual.kosong", unit=data.nama_unit, tahun=p.tahun)))
        for r in iku.itertuples(index=False):
            isi += [Judul(t("dok.manual.judul_iku", kode=teks(r.kode_iku), nama=teks(r.nama_iku)), 2), _tabel(r)]
        instansi, logo = kop(storage)
        return Dokumen(jenis="manual", judul=t("dok.manual.judul", tahun=p.tahun), sub_judul=(data.nama_unit,),
                       instansi=instansi, bahasa=p.bahasa, isi=tuple(isi),
                       nama_berkas=nama_berkas("manual", data.kode_unit, p.tahun), logo=logo)


def _tabel(r: Any) -> Tabel:
    """The field | value table of one IKU (a row of ``target_tahunan``)."""
    polaritas, konsolidasi = Polaritas(r.polaritas), Konsolidasi(r.konsolidasi)
    baris: list[tuple[Sel, Sel]] = [
        (Sel(t("kolom.kode_iku")), sel_teks(r.kode_iku)),
        (Sel(t("kolom.nama_iku")), sel_teks(r.nama_iku)),
        (Sel(t("dok.manual.sasaran")), sel_teks(r.sasaran_strategis)),
        (Sel(t("kolom.perspektif")), sel_teks(r.perspektif)),
        (Sel(t("dok.manual.definisi")), sel_teks(r.definisi)),
        (Sel(t("kolom.rumus")), Sel(rumus(r))),
        (Sel(t("dok.manual.sumber_data")), sel_teks(r.sumber_data)),
        (Sel(t("kolom.pic")), sel_teks(r.pic_iku)),
        (Sel(t("dok.manual.periode")), Sel(periode(r))),
        (Sel(t("kolom.polaritas")), Sel(t("dok.manual.polaritas", arti=t(f"polaritas.{polaritas.value}"),
                                          kode=polaritas.value))),
        (Sel(t("dok.manual.konsolidasi")), Sel(t(f"konsolidasi.{konsolidasi.value}"))),
        (Sel(t("kolom.satuan")), sel_teks(r.satuan)),
        (Sel(t("kolom.bobot")), _angka(r.bobot)),
        *((Sel(t("dok.manual.target_tw", tw=nama_triwulan(q))), _angka(getattr(r, f"target_tw{q}"))) for q in TRIWULAN),
        (Sel(t("dok.manual.target_tahun")), _angka(r.target)),
    ]
    return Tabel(t("dok.manual.tabel", kode=teks(r.kode_iku)), (t("dok.manual.uraian"), t("dok.manual.isi")),
                 tuple(baris), (1, 3))


def _angka(nilai: object) -> Sel:
    """A number in the value column, aligned with the words above and below it (kept as a number for xlsx)."""
    return replace(sel_angka(nilai), rata="kiri")


def periode(r: Any) -> str:
    """The reporting period: quarterly, and the quarters with a target (a survey measured in TW IV only).

    >>> from types import SimpleNamespace
    >>> periode(SimpleNamespace(target_tw1=None, target_tw2=None, target_tw3=None, target_tw4=4.25))
    'Triwulanan; diukur pada TW IV'
    """
    terukur = [q for q in TRIWULAN if pd.notna(getattr(r, f"target_tw{q}"))]
    if not terukur:
        return t("dok.manual.periode_tanpa")
    return t("dok.manual.periode_isi", triwulan=", ".join(nama_triwulan(q) for q in terukur))


def rumus(r: Any, profil: ProfilAturan = KEMENKEU) -> str:
    """The capaian formula an IKU's polarity takes (the branch its year's target calls for, ``DOMAIN.md``), the
    consolidation of its quarters, where its realisasi comes from, and the clamp: one line each.

    The words are the Ringkasan's (``rumus.*``, ``polaritas.*``, ``konsolidasi.*``) where they exist; the formulas
    are those of ``kinerja_core.capaian`` written out, not computed here.

    Service time in days, lower is better, averaged over the quarters:

    >>> from types import SimpleNamespace
    >>> waktu = SimpleNamespace(polaritas="minimize", konsolidasi="average", target=4.75, realisasi_terburuk=None,
    ...                         konversi_120=False, rumus_komponen=None, agregasi_anak=None)
    >>> print(rumus(waktu))
    Capaian = (2 − Realisasi / Target) × 100 %
    Target dan realisasi s.d. triwulan: rata-rata triwulan yang diukur
    Capaian dibatasi 0–120 %
    """
    polaritas, konsolidasi = Polaritas(r.polaritas), Konsolidasi(r.konsolidasi)
    target = r.target
    negatif = pd.notna(target) and float(target) < 0
    terburuk = r.realisasi_terburuk
    if polaritas is Polaritas.STABILIZE:
        skala = ", ".join(f"{angka(x)} → {angka(y)}" for x, y in profil.skala_stabilize)
        baris = [t("dok.manual.rumus_stabilize", skala=skala)]
    elif polaritas is Polaritas.MINIMIZE and pd.notna(target) and float(target) == 0:
        baris = [t("dok.manual.rumus_terburuk", w=angka(terburuk) if pd.notna(terburuk) else KOSONG)]
    elif (polaritas is Polaritas.MAXIMIZE) != negatif:
        baris = [t("dok.manual.rumus_rasio")]
    else:
        baris = [t("dok.manual.rumus_dua_kurang")]
    if bool(r.konversi_120) and polaritas is not Polaritas.STABILIZE:
        baris.append(t("dok.manual.rumus_konversi_120", atas=angka(profil.batas_atas)))
    baris.append(t("dok.manual.rumus_konsolidasi", konsolidasi=t(f"rumus.konsolidasi.{konsolidasi.value}")))
    komponen = _rumus_komponen(teks(r.rumus_komponen))
    if komponen:
        baris.append(komponen)
    agregasi = teks(r.agregasi_anak)
    if agregasi:  # a parent's realisasi made of its sub-units' (``kinerja_core.kaskade``)
        dikenal = Agregasi.dari_teks(agregasi)
        baris.append(t("dok.manual.rumus_sub_unit",
                       agregasi=t(f"agregasi.{dikenal.value}") if dikenal is not None else agregasi))
    baris.append(t("dok.manual.rumus_batas", bawah=angka(profil.batas_bawah), atas=angka(profil.batas_atas)))
    return "\n".join(baris)


def _rumus_komponen(teks_rumus: str) -> str:
    """The komponen formula in words, each name with its underscores as spaces; the stored text as it is when it
    does not read (written before formulas were checked); '' without one.

    >>> _rumus_komponen("rasio(tepat_waktu; layanan)"), _rumus_komponen("jumlah(kpp_bogor; kpp_depok)")
    ('Realisasi = tepat waktu × 100 ÷ layanan', 'Realisasi = kpp bogor + kpp depok')
    """
    if not teks_rumus:
        return ""
    try:
        r = baca_rumus(teks_rumus)
    except RumusTidakSah:
        return t("dok.manual.rumus_komponen", rumus=teks_rumus)
    nama = [k.replace("_", " ") for k in r.komponen]
    if r.bentuk is BentukKomponen.RASIO:
        isi = f"{nama[0]} × 100 ÷ {nama[1]}"
    else:
        isi = (" + " if r.bentuk is BentukKomponen.JUMLAH else " − ").join(nama)
    return t("dok.manual.rumus_komponen", rumus=isi)
