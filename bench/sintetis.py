"""A synthetic ministry for benchmarks and scale tests: units, IKU and realisasi as people export them.

One ministry, up to 30 eselon I units below it and offices below those; every unit has 15 IKU a year for
5 years, every IKU four quarterly realisasi. So ``realisasi`` rows = units × 15 × 4 × 5 = units × 300:
300,000 rows are 1,000 units (1 + 30 + 969 offices), as in issue 11. The files are written the way
Indonesian exports come: ``;`` separators, decimal commas, UTF-8 with a BOM. Values are drawn from a fixed
seed, so every run scores the same data: all polarities, consolidations, lights, and some grey IKU.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

TAHUN = (2021, 2022, 2023, 2024, 2025)
IKU_PER_UNIT = 15
AKAR = "KEMENTERIAN"
PERSPEKTIF = ("Stakeholder", "Customer", "Internal Process", "Learning & Growth")
ROMAWI = ("I", "II", "III", "IV")
BATAS_BERKAS = 40_000_000
"""Bytes above which a file is written one year at a time (an upload takes files up to 50 MB)."""


@dataclass(frozen=True)
class Kementerian:
    """Where the files are and which codes a benchmark picks: the root, one eselon I, one office."""

    folder: Path
    jumlah_unit: int
    jumlah_realisasi: int
    akar: str
    eselon1: str
    kantor: str

    @property
    def berkas(self) -> list[Path]:
        """unit.csv, iku.csv, realisasi.csv; at 3M rows the last two one file per year (iku_2021.csv …), as an
        upload takes files up to 50 MB."""
        return [self.folder / "unit.csv", *sorted(self.folder.glob("iku*.csv")),
                *sorted(self.folder.glob("realisasi*.csv"))]


def _angka(x: float) -> str:
    """3 decimals, decimal comma, no thousands separator: '1234,5'."""
    return f"{x:.3f}".rstrip("0").rstrip(".").replace(".", ",")


def buat(folder: Path, realisasi: int, seed: int = 2025) -> Kementerian:
    """Write unit.csv, iku.csv and realisasi.csv for about ``realisasi`` realisasi rows into ``folder``."""
    acak = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    n_unit = max(3, round(realisasi / (IKU_PER_UNIT * 4 * len(TAHUN))))
    n_es1 = min(30, max(1, (n_unit - 1) // 10))
    unit = [(AKAR, "Kementerian Sintetis", "")]
    unit += [(f"ES1-{i:02d}", f"Eselon I nomor {i}", AKAR) for i in range(1, n_es1 + 1)]
    for k in range(1, n_unit - n_es1):
        unit.append((f"KANTOR-{k:05d}", f"Kantor Pelayanan {k}", f"ES1-{(k - 1) % n_es1 + 1:02d}"))

    baris_unit = ["kode_unit;nama_unit;kode_induk"] + [";".join(u) for u in unit]
    baris_iku = [("tahun;kode_unit;kode_iku;nama_iku;sasaran_strategis;perspektif;satuan;polaritas;konsolidasi;bobot;"
                  "target_tw1;target_tw2;target_tw3;target_tw4")]
    baris_realisasi = ["tahun;triwulan;kode_unit;kode_iku;realisasi;kendala;rencana_aksi"]
    for tahun in TAHUN:
        for kode, _, _ in unit:
            for i in range(1, IKU_PER_UNIT + 1):
                polaritas = ("maximize", "maximize", "minimize", "stabilize")[i % 4]
                konsolidasi = ("sum", "average", "last")[i % 3]
                dasar = acak.choice((10.0, 95.0, 4.25, 1_250_000_000.0))
                target = [dasar * (q + 1) / 4 if konsolidasi == "sum" else dasar for q in range(4)]
                if i == IKU_PER_UNIT:  # a survey measured only in TW IV: grey before it
                    target = [None, None, None, dasar]
                baris_iku.append(";".join([
                    str(tahun), kode, f"IKU-{i:02d}", f"Indikator kinerja {i} {kode}", f"Sasaran {1 + i % 5}",
                    PERSPEKTIF[i % 4], "%" if dasar == 95.0 else "indeks", polaritas, konsolidasi,
                    str(1 + i % 10), *("" if t is None else _angka(t) for t in target),
                ]))
                for q in range(4):
                    nilai = target[q] if target[q] is not None else dasar
                    realisasi_q = nilai * acak.uniform(0.7, 1.25)
                    kendala = "Keterlambatan data dari satuan kerja" if acak.random() < 0.05 else ""
                    baris_realisasi.append(";".join([
                        str(tahun), f"TW {ROMAWI[q]}", kode, f"IKU-{i:02d}", _angka(realisasi_q), kendala,
                        "Koordinasi mingguan" if kendala else "",
                    ]))
    (folder / "unit.csv").write_text("\n".join(baris_unit) + "\n", encoding="utf-8-sig")
    for nama, (judul, *baris) in (("iku", baris_iku), ("realisasi", baris_realisasi)):
        if len(baris) * len(judul) < BATAS_BERKAS:  # the header is about as long as a row
            (folder / f"{nama}.csv").write_text("\n".join([judul, *baris]) + "\n", encoding="utf-8-sig")
            continue
        for tahun in TAHUN:  # too large for one upload: one file per year
            awal = f"{tahun};"
            (folder / f"{nama}_{tahun}.csv").write_text(
                "\n".join([judul, *(b for b in baris if b.startswith(awal))]) + "\n", encoding="utf-8-sig")
    return Kementerian(folder, len(unit), len(baris_realisasi) - 1, AKAR, "ES1-01", unit[-1][0])
