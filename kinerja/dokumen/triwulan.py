"""The Laporan Kinerja Triwulanan of one unit, year and quarter, as a ``model.Dokumen``.

Cover (institution, unit, "Laporan Kinerja Triwulan II Tahun 2025"); the NKO with its formula and the stage of the
figures; every IKU of the unit year-to-date and for the quarter alone; the komponen and the IKU below behind each
computed realisasi; kendala and rencana aksi, and the follow-up of earlier actions; the data dukung; the head of
unit's signature block. Every year-to-date figure is the one ``python -m kinerja score`` prints for the same unit,
year and quarter: the same read, the same scoring, the same rounding.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from kinerja import scores
from kinerja.dokumen import Permintaan, bagian
from kinerja.dokumen.bagian import sel_angka, sel_capaian, sel_status, sel_tahap, sel_teks, teks
from kinerja.dokumen.model import Blok, Butir, Dokumen, Judul, Paragraf, Sel, Tabel, TandaTangan
from kinerja.rapat import dialog
from kinerja.rapat.dialog import KOLOM_BUKTI_DIALOG, Dialog
from kinerja.store import Snapshot, Storage
from kinerja.texts import (
    KOSONG,
    ROMAWI,
    angka,
    dalam_bahasa,
    jelaskan_nko,
    label_status,
    legenda_tahap,
    nama_triwulan,
    t,
    uraian_realisasi_komponen,
)
from kinerja_core.komponen import baca_rumus
from kinerja_core.model import TRIWULAN


def susun(storage: Storage, p: Permintaan) -> Dokumen:
    """The quarterly report of ``p.kode_unit`` for ``p.tahun`` through ``p.triwulan``, in ``p.bahasa``.

    A unit with no IKU or no realisasi yet for that quarter gets a document that says so; a unit the store does
    not have raises ``bagian.UnitTidakDikenal``.
    """
    if p.triwulan not in ROMAWI:
        raise ValueError(f"triwulan {p.triwulan!r}: 1–4")
    with dalam_bahasa(p.bahasa):
        return _susun(storage, p, int(p.triwulan))  # type: ignore[arg-type]


def _susun(storage: Storage, p: Permintaan, q: int) -> Dokumen:
    snap: Snapshot = storage.baca(p.tahun, p.kode_unit, sub_unit=False)
    unit_row = bagian.baris_unit(snap.unit, p.kode_unit)
    nama_unit = teks(unit_row["nama_unit"]) or p.kode_unit
    instansi, logo = bagian.kop(storage)
    skor_iku = skor_unit(snap, p.kode_unit, q, storage.tahap_tahun(p.tahun))
    isi: list[Blok] = []
    if skor_iku.empty:
        isi.append(Paragraf(t("dok.triwulan.tanpa_iku", unit=nama_unit, tahun=p.tahun)))
        isi += _bab_iku(None, skor_iku, q)
        isi += _bab_asal([], q)
        isi += _bab_catatan(None, q)
        isi += _bab_bukti(pd.DataFrame(columns=KOLOM_BUKTI_DIALOG), q)
    else:
        bukti = storage.daftar_bukti(p.tahun, q, p.kode_unit).reindex(columns=KOLOM_BUKTI_DIALOG)
        d = dialog.susun(snap, p.kode_unit, q, dengan_sub_unit=False, skor_iku=skor_iku, bukti=bukti)
        isi += _bab_ringkasan(d, skor_iku, p.kode_unit, nama_unit, q, p.tahun)
        isi += _bab_iku(d, skor_iku, q)
        isi += _bab_asal(_baris_asal(skor_iku, snap, storage, p, q), q)
        isi += _bab_catatan(d, q, snap.realisasi)
        isi += _bab_bukti(d.bukti, q)
    isi.append(TandaTangan((bagian.penanda_pimpinan(unit_row, bagian.tanggal_dokumen(p.tanggal)),)))
    judul = t("dok.triwulan.judul", romawi=ROMAWI[q], tahun=p.tahun)
    return Dokumen(
        jenis="triwulan", judul=judul, sub_judul=(nama_unit,), instansi=instansi, bahasa=p.bahasa,
        isi=tuple(isi), nama_berkas=bagian.nama_berkas("triwulan", p.kode_unit, p.tahun, q), logo=logo,
    )


def skor_unit(snap: Snapshot, kode_unit: str, q: int, tahap: pd.DataFrame) -> pd.DataFrame:
    """The unit's own IKU (of a snapshot read for it) scored through ``q`` as ``python -m kinerja score --unit``
    scores them, each with its unit-quarter's stage (``scores.dengan_tahap``)."""
    lebar = scores.pilih_unit(scores.lebar(snap.iku, snap.realisasi), [kode_unit]).reset_index(drop=True)
    return scores.dengan_tahap(scores.skor(lebar, q), tahap, q)


def skor_periodik(skor_iku: pd.DataFrame, q: int) -> pd.DataFrame:
    """The quarter on its own: each IKU's target and realisasi of ``q`` scored as if the year were that quarter alone
    (``scores.skor`` with the other quarters blanked): the capaian of the quarter; grey when the IKU is not measured
    in it or has no realisasi for it.

    >>> data = pd.DataFrame({"kode_unit": ["U"], "kode_iku": ["K"], "polaritas": ["maximize"], "konsolidasi": ["sum"],
    ...     "target_tw1": [10.0], "target_tw2": [20.0], "target_tw3": [30.0], "target_tw4": [40.0],
    ...     "realisasi_tw1": [10.0], "realisasi_tw2": [15.0], "realisasi_tw3": [None], "realisasi_tw4": [None],
    ...     "konversi_120": [False], "realisasi_terburuk": [None]})
    >>> skor_periodik(data, 2)[["target", "realisasi", "capaian", "status"]].to_numpy().tolist()
    [[20.0, 15.0, 75.0, 'merah']]
    """
    lain = [k for k in TRIWULAN if k != q]
    return scores.skor(skor_iku.assign(**{f"target_tw{k}": np.nan for k in lain},
                                       **{f"realisasi_tw{k}": np.nan for k in lain}), q)


# --- the chapters ---------------------------------------------------------------------------------------------------


def _bab_ringkasan(d: Dialog, skor_iku: pd.DataFrame, kode_unit: str, nama_unit: str, q: int,
                   tahun: int) -> list[Blok]:
    r = d.ringkasan
    kepala = scores.ikhtisar(skor_iku, kode_unit, {kode_unit: nama_unit})
    blok: list[Blok] = [Judul(t("dok.triwulan.bab_ringkasan"))]
    tw = nama_triwulan(q)
    if skor_iku[scores.KOLOM_REALISASI[:q]].isna().all().all():  # nothing reported (nor computed) yet
        blok.append(Paragraf(t("dok.triwulan.tanpa_realisasi", unit=nama_unit, tw=tw, tahun=tahun)))
    elif skor_iku.loc[skor_iku[f"target_tw{q}"].notna(), f"realisasi_tw{q}"].isna().all():  # not this quarter's
        blok.append(Paragraf(t("dok.triwulan.tanpa_realisasi_tw", unit=nama_unit, tw=tw, tahun=tahun)))
    nko = angka(r.nko.nilai, 2, tetap=True) if r.nko.nilai is not None else KOSONG
    blok.append(Paragraf(f"{r.judul_nko}: {nko} · {label_status(r.nko.status)}", tebal=True))
    blok.append(Paragraf(jelaskan_nko(kepala.rumus_nko)))
    blok.append(Paragraf(r.cakupan_nko))
    if r.teks_tahap_nko:
        blok.append(Paragraf(r.teks_tahap_nko))
    blok.append(Paragraf(scores.ringkas_jumlah(r.jumlah)))
    return blok


def _bab_iku(d: Dialog | None, skor_iku: pd.DataFrame, q: int) -> list[Blok]:
    tw = nama_triwulan(q)
    kosong = t("dok.triwulan.iku_kosong")
    kolom_sd = (t("dok.triwulan.no"), t("kolom.kode_iku"), t("kolom.nama_iku"), t("kolom.satuan"),
                t("kolom.bobot"), t("kolom.target"), t("kolom.realisasi"), t("kolom.capaian"), t("kolom.status"),
                t("kolom.tahap"))
    kolom_tw = (t("kolom.kode_iku"), t("kolom.nama_iku"), t("deck.target_tw"), t("deck.realisasi_tw"),
                t("dok.triwulan.capaian_tw"), t("kolom.status"), t("kolom.keterangan"))
    sd: list[tuple[Sel, ...]] = []
    tw_ini: list[tuple[Sel, ...]] = []
    keterangan: list[str] = []
    if d is not None:
        keterangan_iku = scores.tabel_iku(skor_iku)["keterangan"].tolist()
        sendiri = skor_periodik(skor_iku, q)
        diukur = skor_iku[f"target_tw{q}"].notna().tolist()
        for i, (b, h) in enumerate(zip(skor_iku.to_dict("records"), sendiri.to_dict("records"))):
            sd.append((Sel(str(i + 1), rata="kanan"), sel_teks(b["kode_iku"]), sel_teks(b["nama_iku"]),
                       sel_teks(b["satuan"]), sel_angka(b["bobot"]), sel_angka(b["target"]),
                       sel_angka(b["realisasi"]), sel_capaian(b["capaian"]), sel_status(b["status"]),
                       sel_tahap(b.get("tahap"))))
            alasan = h["keterangan"] if diukur[i] else t("dok.triwulan.tidak_diukur_tw", tw=tw)
            tw_ini.append((sel_teks(b["kode_iku"]), sel_teks(b["nama_iku"]), sel_angka(h["target"]),
                           sel_angka(h["realisasi"]), sel_capaian(h["capaian"]), sel_status(h["status"]),
                           Sel(teks(alasan))))
            if ket := teks(keterangan_iku[i]):
                keterangan.append(f"{b['kode_iku']}: {ket}")
    blok: list[Blok] = [
        Judul(t("dok.triwulan.bab_iku")),
        Tabel(t("dok.triwulan.tabel_sd", tw=tw), kolom_sd, tuple(sd), (0.6, 1.3, 4.2, 1.3, 0.9, 1.5, 1.5, 1.4, 1.7, 1.6),
              kosong=kosong),
        Tabel(t("dok.triwulan.tabel_tw", tw=tw), kolom_tw, tuple(tw_ini), (1.3, 4.5, 1.5, 1.5, 1.4, 1.4, 2.8),
              kosong=kosong),
    ]
    if sd:
        blok.append(Paragraf(legenda_tahap(), miring=True))
    if keterangan:
        blok += [Judul(t("kolom.keterangan"), 2), Butir(tuple(keterangan))]
    return blok


def _baris_asal(skor_iku: pd.DataFrame, snap: Snapshot, storage: Storage, p: Permintaan, q: int) -> list[tuple[Sel, ...]]:
    """Each computed realisasi quarter by quarter through ``q``: from its komponen (the formula, the komponen's
    values and the realisasi they make) or from the IKU below (each supporting IKU's realisasi of the quarter)."""
    kosong = pd.Series(None, index=skor_iku.index, dtype=object)
    rumus_semua, agregasi_semua = skor_iku.get("rumus_komponen", kosong), skor_iku.get("agregasi_anak", kosong)
    dihitung = skor_iku[rumus_semua.notna() | agregasi_semua.notna()]
    if dihitung.empty:
        return []
    k = snap.komponen
    komponen = {kunci: dict(zip(g["komponen"], g["nilai"]))
                for kunci, g in k.groupby(["kode_unit", "kode_iku", "triwulan"], sort=False)}
    anak = _anak(storage, p, snap)
    baris: list[tuple[Sel, ...]] = []
    for b in dihitung.to_dict("records"):
        rumus, agregasi = teks(b.get("rumus_komponen")), teks(b.get("agregasi_anak"))
        for tw in range(1, q + 1):
            if pd.isna(b[f"target_tw{tw}"]):
                continue  # not measured in that quarter: nothing is computed for it
            realisasi = sel_angka(b[f"realisasi_tw{tw}"])
            if rumus:
                nilai = {n: None if pd.isna(v) else float(v)
                         for n, v in komponen.get((b["kode_unit"], b["kode_iku"], tw), {}).items()}
                baris.append((sel_teks(b["kode_iku"]), Sel(nama_triwulan(tw)), sel_teks(rumus), realisasi,
                              sel_teks(uraian_realisasi_komponen(baca_rumus(rumus), nilai))))
            else:
                turunan = anak.get((b["kode_unit"], b["kode_iku"]), [])
                uraian = "\n".join(f"{kode} ({unit}): {angka(r[tw - 1])}" for kode, unit, r in turunan)
                baris.append((sel_teks(b["kode_iku"]), Sel(nama_triwulan(tw)),
                               sel_teks(t("dok.triwulan.dari_turunan", agregasi=t(f"agregasi.{agregasi}"))),
                               realisasi, sel_teks(uraian)))
    return baris


def _anak(storage: Storage, p: Permintaan, snap: Snapshot) -> dict[tuple[str, str], list[tuple[str, str, tuple[float | None, ...]]]]:
    """The IKU below each cascaded IKU of the unit (their code, unit name and four realisasi, as scoring reads
    them), read only when the unit has such IKU."""
    if not snap.iku["agregasi_anak"].notna().any():
        return {}
    unit, bawah = storage.baca_lebar(p.tahun, p.kode_unit, sub_unit=True,
                                     kolom=["nama_iku", "kode_unit_induk", "kode_iku_induk"])
    nama = dict(zip(unit["kode_unit"], unit["nama_unit"]))
    hasil: dict[tuple[str, str], list[tuple[str, str, tuple[float | None, ...]]]] = {}
    for b in bawah[bawah["kode_unit_induk"].notna()].itertuples(index=False):
        r = tuple(None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
                  for v in (getattr(b, k) for k in scores.KOLOM_REALISASI))
        hasil.setdefault((b.kode_unit_induk, b.kode_iku_induk), []).append(
            (b.kode_iku, teks(nama.get(b.kode_unit, b.kode_unit)), r))
    return hasil


def _bab_asal(baris: list[tuple[Sel, ...]], q: int) -> list[Blok]:
    kolom = (t("kolom.kode_iku"), t("kolom.triwulan"), t("kolom.rumus"), t("deck.realisasi_tw"),
             t("dok.triwulan.rincian"))
    return [Judul(t("dok.triwulan.bab_asal")),
            Tabel(t("dok.triwulan.tabel_asal", tw=nama_triwulan(q)), kolom, tuple(baris), (1.3, 1.0, 3.2, 1.5, 5.0),
                  kosong=t("dok.triwulan.asal_kosong"))]


def _bab_catatan(d: Dialog | None, q: int, realisasi: pd.DataFrame | None = None) -> list[Blok]:
    """This quarter's kendala and rencana aksi per IKU, and the earlier actions followed up in it, read from whole
    columns: no Dialog slide is built (a unit of 300 IKU stays quick)."""
    tw = nama_triwulan(q)
    catatan: list[tuple[Sel, ...]] = []
    aksi: list[tuple[Sel, ...]] = []
    if d is not None and realisasi is not None:
        tabel = d.slide.tabel()  # this quarter's notes of every IKU, from whole columns
        for c in tabel.to_dict("records"):
            if any(c[k] for k in ("kendala", "rencana_aksi", "pic", "tenggat")):
                catatan.append((sel_teks(c["kode_iku"]), sel_teks(c["kendala"]), sel_teks(c["rencana_aksi"]),
                                sel_teks(c["pic"]), Sel(angka(c["tenggat"]))))
        # the earlier rencana aksi this quarter follows up, chosen as the Dialog chooses them (``dialog._aksi``)
        ada = realisasi[(realisasi["triwulan"] < q) & realisasi["rencana_aksi"].map(lambda v: bool(teks(v)))]
        per_iku = {kunci: dialog._aksi(g, q) for kunci, g in ada.groupby(["kode_unit", "kode_iku"], sort=False)}
        for u, k in zip(tabel["kode_unit"], tabel["kode_iku"]):
            for a in per_iku.get((u, k), ()):
                status = t(f"aksi.{a.status.value}") if a.status else t("aksi.belum")
                aksi.append((sel_teks(k), Sel(nama_triwulan(a.triwulan)), sel_teks(a.rencana_aksi),
                             sel_teks(a.pic), Sel(angka(a.tenggat)), Sel(status), sel_teks(a.catatan)))
    return [
        Judul(t("dok.triwulan.bab_catatan")),
        Tabel(t("dok.triwulan.tabel_catatan", tw=tw),
              (t("kolom.kode_iku"), t("kolom.kendala"), t("kolom.rencana_aksi"), t("kolom.pic"), t("kolom.tenggat")),
              tuple(catatan), (1.3, 4.0, 4.0, 1.8, 1.4), kosong=t("dialog.catatan_kosong", tw=tw)),
        Tabel(t("aksi.judul"),
              (t("kolom.kode_iku"), t("kolom.triwulan"), t("kolom.rencana_aksi"), t("kolom.pic"), t("kolom.tenggat"),
               t("kolom.status_aksi"), t("kolom.catatan_aksi")),
              tuple(aksi), (1.3, 1.0, 3.6, 1.6, 1.4, 1.6, 3.0), kosong=t("dok.triwulan.aksi_kosong", tw=tw)),
    ]


def _bab_bukti(bukti: pd.DataFrame, q: int) -> list[Blok]:
    baris = tuple((sel_teks(r.kode_iku), sel_teks(r.nama), Sel(teks(r.jenis).upper() or "—"), sel_teks(r.oleh))
                  for r in bukti.itertuples(index=False))
    return [Judul(t("deck.bukti_judul")),
            Tabel(t("dok.triwulan.tabel_bukti", tw=nama_triwulan(q)),
                  (t("kolom.kode_iku"), t("bukti.kolom.nama"), t("bukti.kolom.jenis"), t("bukti.kolom.oleh")),
                  baris, (1.3, 6.0, 1.2, 2.5), kosong=t("dok.triwulan.bukti_kosong", tw=nama_triwulan(q)))]

