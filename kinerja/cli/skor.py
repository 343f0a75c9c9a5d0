"""``score``: capaian and status per IKU, year to date, and (json) each unit's NKO with its status counts, as csv or
json.

Scored by the columnar core (``kinerja_core.kolom``) straight from the store's plain columns (``store.skor``), with
no pandas: a ministry-year answers in the time the database and the core need, not in pandas' start-up. The rows
are those ``scores.skor`` and ``scores.tabel_nko`` give, written as the pandas path wrote them
(tests/test_cli_skor_ringan.py holds the two to the same text).
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from kinerja.masuk.keluaran import netralkan, susun_json, teks_json
from kinerja.store.skor import BagianSkor, KolomSkor, gudang_skor
from kinerja_core.kolom import KODE_KONSOLIDASI, KODE_POLARITAS, KolomIku, nilai_kolom, nko_kolom
from kinerja_core.model import Perspektif, Status
from kinerja_core.unit import Pohon

KOLOM_SKOR = ["kode_unit", "kode_iku", "nama_iku", "target", "realisasi", "capaian", "status", "tahap"]
"""The columns of ``score``'s rows, in this order (``scores.KOLOM_SKOR`` and the stage)."""

_POLARITAS = {p.value: k for p, k in KODE_POLARITAS.items()}
_KONSOLIDASI = {c.value: k for c, k in KODE_KONSOLIDASI.items()}
_PERSPEKTIF = {p.value: p for p in Perspektif}
_NOMOR_STATUS = {s.value: i for i, s in enumerate(Status)}


def buka_gudang(alamat: Path | str) -> BagianSkor:
    """The part of the store ``score`` reads (``kinerja.cli.main`` opens it instead of the whole ``Storage``)."""
    return gudang_skor(alamat)


def skor(args: argparse.Namespace, gudang: BagianSkor) -> int:
    # the unit filter runs in the database: one office reads one office's rows
    kolom = gudang.kolom_skor(args.tahun, args.triwulan, args.unit, sub_unit=args.sub_unit)
    if args.unit:
        pohon = Pohon.dari(kolom.unit)
        if args.unit not in pohon.induk:
            from kinerja.texts import t

            print(t("galat.unit_tidak_dikenal", nilai=args.unit), file=sys.stderr)
            return 1
        kolom = _urut_pohon(kolom, pohon.subpohon(args.unit, dengan_sub_unit=args.sub_unit))
    s = nilai_kolom(KolomIku(
        polaritas=np.array([_POLARITAS[p] for p in kolom.polaritas], dtype=np.intp),
        konsolidasi=np.array([_KONSOLIDASI[c] for c in kolom.konsolidasi], dtype=np.intp),
        target=kolom.target, realisasi=kolom.realisasi, konversi_120=kolom.konversi_120,
        realisasi_terburuk=kolom.realisasi_terburuk), args.triwulan)
    # beyond a double's range (older data): empty, never 'inf'
    angka = {k: np.where(np.isinf(v), np.nan, v).tolist()
             for k, v in (("target", s.target), ("realisasi", s.realisasi), ("capaian", np.round(s.capaian, 2)))}
    tahap_unit = {u: kolom.tahap_unit(u) for u in dict.fromkeys(kolom.kode_unit)}
    tahap = [tahap_unit[u] for u in kolom.kode_unit]
    status = s.status.tolist()
    if args.format == "csv":
        _tulis_csv([kolom.kode_unit, kolom.kode_iku, kolom.nama_iku, angka["target"], angka["realisasi"],
                    angka["capaian"], status, tahap])
        return 0
    iku = {"kode_unit": teks_json(kolom.kode_unit), "kode_iku": teks_json(kolom.kode_iku),
           "nama_iku": teks_json(kolom.nama_iku), **{k: teks_json(v, angka=True) for k, v in angka.items()},
           "status": teks_json(status), "tahap": teks_json(tahap)}
    sys.stdout.write(susun_json({"iku": iku, "nko": _nko(kolom, s.capaian, status)}) + "\n")
    return 0


def _urut_pohon(kolom: KolomSkor, urutan: list[str]) -> KolomSkor:
    """The rows of the units in ``urutan``, in its order (tree order), each unit's rows by kode_iku."""
    tempat = {k: i for i, k in enumerate(urutan)}
    baris = sorted((i for i, u in enumerate(kolom.kode_unit) if u in tempat),
                   key=lambda i: (tempat[kolom.kode_unit[i]], kolom.kode_iku[i]))
    daftar = {k: [getattr(kolom, k)[i] for i in baris]
              for k in ("kode_unit", "kode_iku", "nama_iku", "perspektif", "polaritas", "konsolidasi")}
    larik = {k: getattr(kolom, k)[baris] for k in ("bobot", "target", "realisasi", "konversi_120",
                                                     "realisasi_terburuk")}
    return replace(kolom, **daftar, **larik)


def _nko(kolom: KolomSkor, capaian: np.ndarray, status: list[str]) -> dict[str, list[str]]:
    """Each unit's NKO (null when every IKU is grey) and its IKU's status counts, units in order of appearance:
    the columns of ``scores.tabel_nko`` the command prints, as JSON texts."""
    perspektif = np.array([None if p is None else _PERSPEKTIF[p] for p in kolom.perspektif], dtype=object)
    # each unit's rows are adjacent (key order, or tree order): a unit is a run, numbered without a lookup per row
    unit = np.array(kolom.kode_unit, dtype=object)
    baru = np.ones(len(unit), dtype=bool)
    baru[1:] = unit[1:] != unit[:-1]
    posisi, label = np.cumsum(baru) - 1, unit[baru].tolist()
    assert len(set(label)) == len(label), "the rows of a unit are adjacent"
    nko = nko_kolom(capaian, kolom.bobot, perspektif, posisi)
    urut = [label[k] for k in nko]  # the units with IKU, in order of appearance
    kode = np.array([_NOMOR_STATUS[x] for x in status], dtype=np.intp)
    hitung = np.bincount(posisi * len(Status) + kode, minlength=len(urut) * len(Status)).reshape(-1, len(Status))
    nama_unit = {u.kode_unit: u.nama_unit for u in kolom.unit}
    return {"kode_unit": teks_json(urut), "nama_unit": teks_json([nama_unit.get(k, k) for k in urut]),
            "nko": teks_json(list(nko.values()), angka=True),
            **{s.value: teks_json(hitung[:, i].tolist(), angka=True) for i, s in enumerate(Status)}}


def _tulis_csv(kolom: list[list]) -> None:
    """The rows as CSV, as pandas' ``to_csv`` wrote them: a header, a blank for a missing value, texts made inert
    for spreadsheets (a spreadsheet must not run a name as a formula).

    >>> _tulis_csv([["KPPBCBOGOR"], ["BGR-02"], ["=SUM(A1) Bea masuk"], [3.7], [float("nan")], [float("nan")],
    ...             ["abu-abu"], ["draf"]])
    kode_unit,kode_iku,nama_iku,target,realisasi,capaian,status,tahap
    KPPBCBOGOR,BGR-02,'=SUM(A1) Bea masuk,3.7,,,abu-abu,draf
    """
    penulis = csv.writer(sys.stdout, lineterminator="\n")
    penulis.writerow(KOLOM_SKOR)
    teks = [[netralkan(v) for v in k] for k in kolom[:3]]
    angka = [["" if math.isnan(v) else v for v in k] for k in kolom[3:6]]
    penulis.writerows(zip(*teks, *angka, *kolom[6:]))
