"""The score floor of the benchmark (``bench/lantai.py skor-duckdb``) scores what ``python -m kinerja score`` scores.

A floor that computed something else would be no floor: on a small synthetic ministry (``bench/sintetis.py``) and a
unit of edge cases (negative and zero targets, ``konversi_120``, the stabilize scale, the clamp both ways, a half
cent rounded up, a quarter without realisasi), imported by the real command, the floor's NKO and counts per unit
and capaian and light per IKU equal the command's JSON, through each quarter. The floor runs as its own process,
as the benchmark runs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench import sintetis
from tests.cli_uji import AKAR, kinerja

TAHUN = 2025

TEPI_IKU = [  # kode_iku; polaritas; konsolidasi; bobot; targets TW I–IV; konversi_120; realisasi_terburuk
    "E01;maximize;last;1;-10;-10;-10;-10;;",
    "E02;minimize;last;2;-10;-10;-10;-10;;",
    "E03;minimize;last;3;0;0;0;0;;50",
    "E04;maximize;last;4;0;0;0;0;;",
    "E05;maximize;last;5;90;90;90;90;ya;",
    "E06;minimize;last;6;10;10;10;10;ya;",
    "E07;stabilize;last;7;100;100;100;100;;",
    "E08;stabilize;average;8;100;100;100;100;;",
    "E09;maximize;sum;9;10;10;10;10;;",
    "E10;minimize;last;10;10;10;10;10;;",
    "E11;minimize;average;11;55;55;50;50;;",
    "E12;minimize;last;12;0;0;0;0;;",
    "E13;maximize;sum;13;;;5;5;;",
]
TEPI_REALISASI = {  # kode_iku: realisasi TW I–IV ('' blank)
    "E01": "-12;-12;-12;-12", "E02": "-12;-12;-12;-12", "E03": "10;10;10;10", "E04": "1;1;1;1",
    "E05": "90;90;90;90", "E06": "9;9;9;9", "E07": "95;95;95;95", "E08": "130;130;130;120",
    "E09": "50;1;1;1", "E10": "50;50;50;50", "E11": "61;50;44;40", "E12": "1;1;1;1", "E13": ";;4,5;",
}


def _tepi(folder: Path) -> list[Path]:
    """unit.csv, iku.csv, realisasi.csv of one unit ``TEPI`` below the synthetic ministry's root, with the edge cases."""
    folder.mkdir()
    kepala = ("tahun;kode_unit;kode_iku;nama_iku;sasaran_strategis;perspektif;satuan;polaritas;konsolidasi;bobot;"
              "target_tw1;target_tw2;target_tw3;target_tw4;konversi_120;realisasi_terburuk")
    iku = [kepala]
    for b in TEPI_IKU:
        kode, sisa = b.split(";", 1)
        iku.append(f"{TAHUN};TEPI;{kode};Indikator tepi {kode};Sasaran tepi;Stakeholder;indeks;{sisa}")
    realisasi = ["tahun;triwulan;kode_unit;kode_iku;realisasi"]
    for kode, nilai in TEPI_REALISASI.items():
        realisasi += [f"{TAHUN};{q};TEPI;{kode};{r}" for q, r in enumerate(nilai.split(";"), start=1)]
    isi = {"unit.csv": ["kode_unit;nama_unit;kode_induk", f"TEPI;Unit kasus tepi;{sintetis.AKAR}"],
           "iku.csv": iku, "realisasi.csv": realisasi}
    for nama, baris in isi.items():
        (folder / nama).write_text("\n".join(baris) + "\n", encoding="utf-8")
    return [folder / nama for nama in isi]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lantai")
    data = sintetis.buat(folder / "data", 1_500)
    db = folder / "kinerja.duckdb"
    for berkas in (data.berkas, _tepi(folder / "tepi")):
        hasil = kinerja("import", *berkas, "--db", db, "--user", "uji")
        assert hasil.returncode == 0, hasil.stderr[-2000:]
    return db


@pytest.mark.parametrize("triwulan", [1, 2, 3, 4])
def test_lantai_skor_sama_dengan_score(store: Path, triwulan: int) -> None:
    lantai = subprocess.run([sys.executable, str(AKAR / "bench" / "lantai.py"), "skor-duckdb", str(store), str(TAHUN),
                             str(triwulan)], capture_output=True, text=True, check=True, cwd=AKAR)
    unit = {r["kode_unit"]: r for r in json.loads(lantai.stdout)}
    hasil = kinerja("score", "--tahun", TAHUN, "--triwulan", triwulan, "--format", "json", "--db", store)
    assert hasil.returncode == 0, hasil.stderr
    cli = json.loads(hasil.stdout)

    assert "TEPI" in unit and len(unit) == len(cli["nko"]) > 3
    for n in cli["nko"]:
        u = unit[n["kode_unit"]]
        assert (u["nko"], u["hijau"], u["kuning"], u["merah"], u["abu-abu"]) == (
            n["nko"], n["hijau"], n["kuning"], n["merah"], n["abu-abu"]), n["kode_unit"]
    iku = {(k, i["kode_iku"]): i for k, u in unit.items() for i in u["iku"]}
    assert len(iku) == len(cli["iku"])
    for i in cli["iku"]:
        f = iku[i["kode_unit"], i["kode_iku"]]
        assert (f["capaian"], f["status"]) == (i["capaian"], i["status"]), (i, f)
        for k in ("target", "realisasi"):
            assert f[k] == pytest.approx(i[k], rel=1e-12), (i, f)
