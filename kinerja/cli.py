"""The command line, for administrators and automation.

    python -m kinerja import FILE [FILE ...] [--db PATH]
    python -m kinerja score --tahun Y --triwulan Q [--unit KODE] [--sub-unit] [--format csv|json] [--db PATH]

``import`` recognises each file's kind from its header, checks the files
together against the database and commits them in one transaction; on any
error it prints every row-located error to stderr, changes nothing and exits 1.
``score`` prints one row per IKU with year-to-date values (csv or json).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kinerja import scores
from kinerja.config import path_db
from kinerja.importing import rencanakan, terapkan
from kinerja.storage import DatabaseBusy, Storage
from kinerja.texts import t
from kinerja_core.model import baca_triwulan
from kinerja_core.unit import subpohon


def _triwulan(teks: str) -> int:
    q = baca_triwulan(teks)
    if q is None:
        raise argparse.ArgumentTypeError(t("galat.triwulan", nilai=teks))
    return q


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m kinerja", description="Dasbor Kinerja: impor data dan skor IKU.")
    sub = p.add_subparsers(dest="perintah", required=True)
    imp = sub.add_parser("import", help="impor unit.csv / iku.csv / realisasi.csv dalam satu transaksi")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--db", type=Path, help="berkas DuckDB (bawaan: $KINERJA_DB atau data/kinerja.duckdb)")
    sk = sub.add_parser("score", help="capaian dan status tiap IKU s.d. satu triwulan")
    sk.add_argument("--tahun", type=int, required=True)
    sk.add_argument("--triwulan", type=_triwulan, required=True, help="1–4, TW III, Q3 …")
    sk.add_argument("--unit", help="kode unit (bawaan: semua unit)")
    sk.add_argument("--sub-unit", action="store_true", help="sertakan semua unit di bawah --unit")
    sk.add_argument("--format", choices=("csv", "json"), default="csv")
    sk.add_argument("--db", type=Path, help="berkas DuckDB (bawaan: $KINERJA_DB atau data/kinerja.duckdb)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    storage = Storage(path_db(args.db))
    try:
        return _impor(args, storage) if args.perintah == "import" else _skor(args, storage)
    except DatabaseBusy as e:
        print(str(e), file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head`: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps interpreter shutdown quiet
        return 0


def _impor(args: argparse.Namespace, storage: Storage) -> int:
    berkas = []
    for f in args.files:
        try:
            berkas.append((f.name, f.read_bytes()))
        except OSError as e:
            print(f"{f}: {e.strerror}", file=sys.stderr)
            return 1
    rencana = rencanakan(berkas, storage)
    if not rencana.sah:
        for k in rencana.kesalahan:
            print(k, file=sys.stderr)
        if rencana.kesalahan_lain:
            print(t("galat.lebih_banyak", n=rencana.kesalahan_lain), file=sys.stderr)
        print(t("cli.tidak_tersimpan", n=len(rencana.kesalahan) + rencana.kesalahan_lain), file=sys.stderr)
        return 1
    for b in rencana.berkas:
        for c in b.catatan:
            print(f"{b.nama}: {c}", file=sys.stderr)
    terapkan(rencana, storage)
    for p in rencana.perubahan:
        print(t("cli.diubah", berkas=p.berkas, jenis=t(f"jenis.{p.jenis.value}"), ringkas=p.ringkas()))
    print(t("cli.tersimpan", path=storage.path))
    return 0


def _skor(args: argparse.Namespace, storage: Storage) -> int:
    snap = storage.baca(args.tahun)
    pilihan = None
    if args.unit:
        units = scores.daftar_unit(snap.unit)
        if args.unit not in {u.kode_unit for u in units}:
            print(t("galat.unit_tidak_dikenal", nilai=args.unit), file=sys.stderr)
            return 1
        pilihan = subpohon(units, args.unit, dengan_sub_unit=args.sub_unit)
    hasil = scores.nilai_semua(snap.iku, snap.realisasi, args.triwulan, pilihan)
    iku = scores.tabel_iku(hasil)[scores.KOLOM_SKOR]
    iku["capaian"] = iku["capaian"].round(2)
    if args.format == "csv":
        iku.to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    nko = scores.tabel_nko(hasil, snap.unit)
    keluaran = {
        "iku": [_json_baris(r) for r in iku.to_dict("records")],
        "nko": [
            _json_baris({k: r[k] for k in ("kode_unit", "nama_unit", "nko", "hijau", "kuning", "merah", "abu-abu")})
            for r in nko.to_dict("records")
        ],
    }
    json.dump(keluaran, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _json_baris(baris: dict[str, object]) -> dict[str, object]:
    """NaN (not computable, missing) becomes null; numpy numbers become plain numbers."""
    hasil: dict[str, object] = {}
    for k, v in baris.items():
        if isinstance(v, float) and math.isnan(v):
            v = None
        elif hasattr(v, "item"):
            v = v.item()  # type: ignore[union-attr]
        hasil[k] = v
    return hasil
