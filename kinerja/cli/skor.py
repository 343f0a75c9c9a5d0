"""``score`` (capaian and status per IKU, year to date) and ``agenda`` (the Ringkasan's decision figures), as csv
or json."""

from __future__ import annotations

import argparse
import math
import sys

import pandas as pd

from kinerja import scores
from kinerja.masuk.keluaran import ke_json, netralkan
from kinerja.store import Storage
from kinerja.texts import t


def skor(args: argparse.Namespace, storage: Storage) -> int:
    # the unit filter runs in the database: one office reads one office's rows
    unit, data = storage.baca_lebar(args.tahun, args.unit, sub_unit=args.sub_unit, kolom=scores.KOLOM_IKU_SKOR)
    if args.unit:
        pohon = scores.pohon(unit)
        if args.unit not in pohon.induk:
            print(t("galat.unit_tidak_dikenal", nilai=args.unit), file=sys.stderr)
            return 1
        data = scores.pilih_unit(data, pohon.subpohon(args.unit, dengan_sub_unit=args.sub_unit))
    hasil = scores.skor(data, args.triwulan)
    # each row's unit-quarter stage in the reporting cycle, the last column (those before it as they always were)
    iku = scores.tambah_tahap(hasil[scores.KOLOM_SKOR].reset_index(drop=True), storage.tahap_tahun(args.tahun),
                              args.triwulan)
    iku["capaian"] = iku["capaian"].round(2)
    angka = ["target", "realisasi", "capaian"]  # beyond a double's range (older data): empty, never 'inf'
    iku[angka] = iku[angka].astype("float64").where(lambda d: d.abs() != math.inf)
    if args.format == "csv":
        teks = ["kode_unit", "kode_iku", "nama_iku"]  # a spreadsheet must not run a name as a formula
        iku[teks] = iku[teks].map(netralkan)
        iku.to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    nko = scores.tabel_nko(hasil, unit)[["kode_unit", "nama_unit", "nko", "hijau", "kuning", "merah", "abu-abu"]]
    sys.stdout.write(ke_json({"iku": iku, "nko": nko}) + "\n")
    return 0


def agenda(args: argparse.Namespace, storage: Storage) -> int:
    """``agenda``: the Ringkasan's decision figures for one unit, per IKU, in agenda order (``scores.agenda``)."""
    unit, data = storage.baca_lebar(args.tahun, args.unit, sub_unit=args.sub_unit)
    pohon = scores.pohon(unit)
    if args.unit not in pohon.induk:
        print(t("galat.unit_tidak_dikenal", nilai=args.unit), file=sys.stderr)
        return 1
    data = scores.pilih_unit(data, pohon.subpohon(args.unit, dengan_sub_unit=args.sub_unit))
    hasil = scores.agenda(scores.skor(data, args.triwulan), args.unit, unit, pohon, args.triwulan)
    iku, ringkasan, anak = hasil.iku.copy(), hasil.ringkasan.copy(), hasil.sub_unit.copy()
    for tabel in (iku, ringkasan, anak):  # beyond a double's range: empty / null, never 'inf'
        angka = [k for k in tabel.columns if pd.api.types.is_float_dtype(tabel[k])]
        tabel[angka] = tabel[angka].where(lambda d: d.abs() != math.inf)
    iku["capaian"] = iku["capaian"].round(2)
    iku["capaian_prognosis"] = iku["capaian_prognosis"].round(2)
    iku["poin_hilang"] = iku["poin_hilang"].round(4)
    iku["triwulan_laju"] = pd.Series([None if math.isnan(q) else int(q) for q in iku["triwulan_laju"].astype(float)],
                                     dtype=object, index=iku.index)  # 3, never 3.0
    if len(anak):
        anak["poin_hilang_bersih"] = anak["poin_hilang_bersih"].astype(float).round(4)
    if args.format == "csv":
        for k in iku.columns:  # a spreadsheet must not run a text as a formula
            if iku[k].dtype == object and k != "triwulan_laju":
                iku[k] = [v if not isinstance(v, str) else netralkan(v) for v in iku[k]]
        iku.to_csv(sys.stdout, index=False, lineterminator="\n")
        r = ringkasan.iloc[0]
        print(t("cli.agenda_cakupan", unit=r["nama_unit"], nko=_angka_cli(r["nko"]),
                prognosis=_angka_cli(r["nko_prognosis"]), cakupan=r["cakupan"],
                cakupan_prognosis=r["cakupan_prognosis"]), file=sys.stderr)
        return 0
    sys.stdout.write(ke_json({"ringkasan": ringkasan, "iku": iku, "sub_unit": anak}) + "\n")
    return 0


def _angka_cli(nilai: object) -> str:
    """A number for the coverage line: 2 decimals, '—' when missing."""
    return "—" if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)) else f"{float(nilai):.2f}"
