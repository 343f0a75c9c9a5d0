"""``python -m kinerja score`` without pandas (issue 32): the command reads plain columns (``store.skor``) and
scores them with the columnar core, and prints the very text the pandas path printed, on both engines, for the
sample (komponen and cascades included), a hostile sample, and a synthetic ministry.

The reference is the pandas path as it was before (``_skor_pandas``: ``Storage.baca_lebar``, ``scores.skor``,
``scores.tabel_nko``, ``ke_json``), kept here; the stage column it added is ``scores.dengan_tahap``'s.
"""

from __future__ import annotations

import argparse
import io
import math
import shutil
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from kinerja import scores
from kinerja.masuk.keluaran import ke_json, netralkan
from kinerja.store import Storage
from tests import jahat
from tests.cli_uji import AKAR, kinerja
from tests.test_cli import _impor_cli, db  # noqa: F401  (the sample imported through the command line, per engine)
from tests.test_skala import kementerian_10k  # noqa: F401  (a synthetic ministry, once per session)

KEDUA_MESIN = True


def _skor_pandas(storage: Storage, args: argparse.Namespace) -> str:
    """What ``score`` printed through pandas (kinerja/cli/skor.py before issue 32's lean path)."""
    keluar = io.StringIO()
    with redirect_stdout(keluar):
        unit, data = storage.baca_lebar(args.tahun, args.unit, sub_unit=args.sub_unit, kolom=scores.KOLOM_IKU_SKOR)
        if args.unit:
            data = scores.pilih_unit(data, scores.pohon(unit).subpohon(args.unit, dengan_sub_unit=args.sub_unit))
        hasil = scores.skor(data, args.triwulan)
        kolom = ["kode_unit", "kode_iku", "nama_iku", "target", "realisasi", "capaian", "status"]
        iku = scores.dengan_tahap(hasil[kolom].reset_index(drop=True), storage.tahap_tahun(args.tahun), args.triwulan)
        iku["capaian"] = iku["capaian"].round(2)
        angka = ["target", "realisasi", "capaian"]
        iku[angka] = iku[angka].astype("float64").where(lambda d: d.abs() != math.inf)
        if args.format == "csv":
            teks = ["kode_unit", "kode_iku", "nama_iku"]
            iku[teks] = iku[teks].map(netralkan)
            iku.to_csv(sys.stdout, index=False, lineterminator="\n")
        else:
            nko = scores.tabel_nko(hasil, unit)[["kode_unit", "nama_unit", "nko", "hijau", "kuning", "merah",
                                                 "abu-abu"]]
            sys.stdout.write(ke_json({"iku": iku, "nko": nko}) + "\n")
    return keluar.getvalue()


def _sama(db: Path | str, tahun: int, triwulan: int, unit: str | None = None, *, sub_unit: bool = False,
          format: str = "json") -> str:
    """Run ``score`` and assert it prints what the pandas path prints; its output."""
    argumen = ["score", "--tahun", str(tahun), "--triwulan", str(triwulan), "--format", format, "--db", str(db)]
    argumen += [*(["--unit", unit] if unit else []), *(["--sub-unit"] if sub_unit else [])]
    hasil = kinerja(*argumen)
    assert hasil.returncode == 0, hasil.stderr
    harap = _skor_pandas(Storage(db), argparse.Namespace(tahun=tahun, triwulan=triwulan, unit=unit, sub_unit=sub_unit,
                                                         format=format))
    assert hasil.stdout == harap
    return hasil.stdout


@pytest.mark.parametrize("format", ["json", "csv"])
@pytest.mark.parametrize(("tahun", "unit", "sub_unit"), [(2019, None, False), (2019, "KWBCJABAR", True),
                                                        (2019, "KWBCJABAR", False), (2017, "BPPT", True),
                                                        (2017, None, False)])
def test_sampel_sama_dengan_jalur_pandas(db, tahun, unit, sub_unit, format):
    for triwulan in (1, 2, 3, 4):
        teks = _sama(db, tahun, triwulan, unit, sub_unit=sub_unit, format=format)
        assert teks.count("\n") > 5  # rows, not only a header


def test_tahap_dan_tahun_kosong_sama(db):
    hasil = kinerja("submit", "--tahun", "2019", "--triwulan", "3", "--unit", "KPPBCBOGOR", "--db", db)
    assert hasil.returncode == 0, hasil.stderr
    teks = _sama(db, 2019, 3)
    assert '"tahap": "diajukan"' in teks and '"tahap": "draf"' in teks
    assert _sama(db, 1999, 3) == '{\n  "iku": [],\n  "nko": []\n}\n'
    assert _sama(db, 1999, 3, format="csv") == "kode_unit,kode_iku,nama_iku,target,realisasi,capaian,status,tahap\n"


@pytest.mark.hanya_duckdb
def test_teks_jahat_sama(db):
    jahat.simpan_jahat(db)
    for format in ("json", "csv"):
        _sama(db, 2019, 3, format=format)
        _sama(db, 2019, 3, "KWBCJABAR", sub_unit=True, format=format)


@pytest.mark.hanya_duckdb
def test_kementerian_sama(kementerian_10k, tmp_path):
    data, asal = kementerian_10k
    db = tmp_path / "kinerja.duckdb"
    shutil.copy(asal, db)
    for triwulan in (2, 4):
        _sama(db, 2025, triwulan)
        _sama(db, 2025, triwulan, data.eselon1, sub_unit=True, format="csv")
    _sama(db, 2023, 3, data.kantor)


@pytest.mark.hanya_duckdb
def test_score_tanpa_pandas(db):
    """The command's whole process loads neither pandas nor pyarrow (nor babel: no words unless an error)."""
    kode = ("import sys; from kinerja.cli import main; "
            f"kode = main(['score', '--tahun', '2019', '--triwulan', '3', '--format', 'json', '--db', {str(db)!r}]); "
            "print(kode, sorted(m for m in ('pandas', 'pyarrow', 'babel') if m in sys.modules), file=sys.stderr)")
    hasil = subprocess.run([sys.executable, "-c", kode], cwd=AKAR, capture_output=True, text=True, check=True)
    assert hasil.stderr.strip() == "0 []"
    assert '"kode_iku": "BGR-01"' in hasil.stdout
