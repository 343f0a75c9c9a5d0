"""Ingest benchmark: prints figures, asserts nothing. Run: python tests/bench/impor.py [ROWS]

Compares reading and checking a realisasi file of ROWS rows (Indonesian format: `;`, decimal commas)
with DuckDB's own read_csv of the same file, then times the whole import (check against the store,
preview, commit as one revision) into a database that holds the matching IKU.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kinerja.importing import rencanakan, terapkan  # noqa: E402
from kinerja.loading import baca_berkas  # noqa: E402
from kinerja.storage import Storage  # noqa: E402


def waktu(fungsi) -> tuple[float, object]:
    mulai = time.perf_counter()
    hasil = fungsi()
    return time.perf_counter() - mulai, hasil


def main(baris: int) -> None:
    jumlah_iku = max(baris // 4, 1)
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        unit = b"kode_unit;nama_unit;kode_induk\nU;Unit uji;\n"
        iku = "\n".join(
            ["tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
             "target_tw3;target_tw4"]
            + [f"2024;U;I{i};IKU {i};Customer;maximize;sum;1;10;10;10;10" for i in range(jumlah_iku)]
        ).encode()
        realisasi = folder / "realisasi.csv"
        realisasi.write_text("\n".join(
            ["tahun;triwulan;kode_unit;kode_iku;realisasi;kendala;rencana_aksi"]
            + [f"2024;TW {['I', 'II', 'III', 'IV'][q]};U;I{i};{i % 900 + 1}.{q}50,5;;"
               for i in range(jumlah_iku) for q in range(4)]
        ))
        isi = realisasi.read_bytes()
        storage = Storage(folder / "bench.duckdb")
        terapkan(rencanakan([("unit.csv", unit), ("iku.csv", iku)], storage), storage, "bench")

        t_duckdb, _ = waktu(lambda: duckdb.sql(
            f"SELECT * FROM read_csv('{realisasi}', delim=';', decimal_separator=',', all_varchar=true)").df())
        t_baca, berkas = waktu(lambda: baca_berkas("realisasi.csv", isi))
        t_rencana, rencana = waktu(lambda: rencanakan([("realisasi.csv", isi)], storage))
        t_simpan, _ = waktu(lambda: terapkan(rencana, storage, "bench"))
        n = len(berkas.data)
        print(f"{n} baris realisasi ({len(isi) / 1e6:.1f} MB)")
        print(f"  DuckDB read_csv                 {t_duckdb:6.2f} s")
        print(f"  baca_berkas (read + check)      {t_baca:6.2f} s   {t_baca / t_duckdb:4.1f}× read_csv")
        print(f"  rencanakan (+ store, preview)   {t_rencana:6.2f} s")
        print(f"  terapkan (one revision)         {t_simpan:6.2f} s")
        print(f"  total import                    {t_rencana + t_simpan:6.2f} s   {n / (t_rencana + t_simpan):,.0f} baris/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
