"""``agenda``: the Ringkasan's decision figures per IKU of one unit, as csv or json (``scores.agenda``)."""

from __future__ import annotations

import argparse
import math
import sys

import pandas as pd

from kinerja import scores
from kinerja.masuk.keluaran import ke_json, netralkan
from kinerja.store import Storage
from kinerja.texts import t


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
