"""The floors of issue 32: what the database alone needs for an import and for a score, each as its own process.

    python bench/lantai.py impor-duckdb BARU.duckdb unit.csv iku.csv realisasi.csv
    python bench/lantai.py skor-duckdb kinerja.duckdb 2025 3 > skor.json
    python bench/lantai.py impor-postgresql postgresql://kinerja@127.0.0.1:5432/kosong unit.csv iku.csv realisasi.csv

``bench/run.py`` times each as a whole process (interpreter start-up included) beside the real command:
``python -m kinerja import`` against the import floors, ``python -m kinerja score`` against the score floor. A floor
imports only ``duckdb`` or ``psycopg`` (and ``sys``), never ``kinerja``: it does the same durable work with
the database alone, no check, no preview, no message. It is a yardstick, not a way to import or to score.

* **impor-duckdb**: a new DuckDB file; ``unit``, ``iku`` and ``realisasi`` with their primary keys, columns as the
  files' headers name them; each table filled straight from ``read_csv`` (``;``, decimal comma; a table's files
  together, as at 3M rows ``iku_2021.csv`` …); every inserted row copied into ``log`` as JSON text (one log row per
  data row, as the store's revision log keeps what each upload said); one commit.
* **impor-postgresql**: the same on PostgreSQL, into an empty database: each file ``COPY``-ed (psycopg's
  ``cursor.copy``) into a temporary text table, then into the keyed table with the decimal comma read there, the
  log filled with ``row_to_json``; one commit. (``COPY`` cannot read ``90,9`` as a number, so the text table.)
* **skor-duckdb**: one SQL query on a store opened read-only that scores a year through a quarter, as
  ``shared/DOMAIN.md`` has it: per IKU the year-to-date target and realisasi over the quarters through it that have
  a target (sum / average / last; none when one of them has no realisasi yet), the capaian of the three polarities
  (negative and zero targets, ``konversi_120``, the worst realisasi of a minimize IKU with target 0, the stabilize
  scale 0→0, 90→100, 100→120), clamped to [0, 120] and rounded half-up to 2 decimals, the light (≥ 100 hijau,
  ≥ 80 kuning), and per unit the NKO: the bobot-weighted mean of the non-grey IKU's capaian (the default profile),
  with the counts per light. It prints one JSON row per unit with its IKU inside, the JSON written by the query
  itself. It reads **the store's own file as the real import wrote it** (``kinerja/store/skema.py``: ``triwulan``
  1–4, ``konversi_120``, ``realisasi_terburuk``), not the import floor's: the import floor keeps ``triwulan`` as
  written (``TW III``) and has no such columns, and only the same file lets the floor and ``python -m kinerja score``
  be checked to give the same NKO (``tests/test_bench_lantai.py``). What the floor leaves out: realisasi derived
  from components or sub-units (``rumus_komponen``, ``agregasi_anak``; the synthetic ministry has none), the
  reporting stage per IKU, and the words saying why a grey IKU is grey.
"""

from __future__ import annotations

import sys

KUNCI = {"unit": ["kode_unit"], "iku": ["tahun", "kode_unit", "kode_iku"],
         "realisasi": ["tahun", "triwulan", "kode_unit", "kode_iku"]}
"""The tables a floor writes, in order, with their primary keys."""

ANGKA_PG = {"tahun": "integer", "tahun_renstra": "integer", "bobot": "double precision",
            "target_tw1": "double precision", "target_tw2": "double precision", "target_tw3": "double precision",
            "target_tw4": "double precision", "realisasi": "double precision",
            "realisasi_terburuk": "double precision", "target_renstra": "double precision"}
"""The PostgreSQL floor's numeric columns (any other column is text): DuckDB's ``read_csv`` infers them itself."""


def berkas_per_tabel(berkas: list[str]) -> dict[str, list[str]]:
    """The files of each table, by name: ``unit.csv``; ``iku.csv`` or ``iku_2021.csv`` …"""
    def tabel(path: str) -> str:
        nama = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
        return next(t for t in sorted(KUNCI, key=len, reverse=True) if nama.startswith(t))

    hasil: dict[str, list[str]] = {}
    for path in berkas:
        hasil.setdefault(tabel(path), []).append(path)
    return {t: hasil[t] for t in KUNCI if t in hasil}


def impor_duckdb(db: str, berkas: list[str]) -> None:
    """The DuckDB import floor (module docstring): a new file, keyed tables from ``read_csv``, the log, a commit."""
    import duckdb

    con = duckdb.connect(db)
    con.execute("BEGIN")
    con.execute("CREATE TABLE log (revisi INTEGER NOT NULL, tabel VARCHAR NOT NULL, baris VARCHAR NOT NULL)")
    for tabel, paths in berkas_per_tabel(berkas).items():
        baca = f"read_csv({paths!r}, delim=';', decimal_separator=',', header=true)"
        kolom = con.execute(f"DESCRIBE SELECT * FROM {baca}").fetchall()
        definisi = ", ".join(f"{nama} {tipe}" for nama, tipe, *_ in kolom)
        con.execute(f"CREATE TABLE {tabel} ({definisi}, PRIMARY KEY ({', '.join(KUNCI[tabel])}))")
        con.execute(f"INSERT INTO {tabel} SELECT * FROM {baca}")
        con.execute(f"INSERT INTO log SELECT 1, '{tabel}', CAST(to_json(t) AS VARCHAR) FROM {tabel} t")
    con.execute("COMMIT")
    con.close()


def impor_postgresql(url: str, berkas: list[str]) -> None:
    """The PostgreSQL import floor (module docstring): ``COPY`` into keyed tables and the log, one commit."""
    import psycopg

    with psycopg.connect(url) as con, con.cursor() as cur:  # one transaction, committed when the block ends
        cur.execute("CREATE TABLE log (revisi integer NOT NULL, tabel text NOT NULL, baris text NOT NULL)")
        for tabel, paths in berkas_per_tabel(berkas).items():
            with open(paths[0], encoding="utf-8-sig") as f:
                kolom = f.readline().strip().split(";")
            cur.execute(f"CREATE TEMPORARY TABLE masuk_{tabel} ({', '.join(f'{k} text' for k in kolom)}) "
                        "ON COMMIT DROP")
            for path in paths:
                with open(path, "rb") as f, cur.copy(f"COPY masuk_{tabel} FROM STDIN "
                                                     "(FORMAT csv, DELIMITER ';', HEADER true)") as copy:
                    while blok := f.read(1 << 20):
                        copy.write(blok)
            definisi = ", ".join(f"{k} {ANGKA_PG.get(k, 'text')}" for k in kolom)
            cur.execute(f"CREATE TABLE {tabel} ({definisi}, PRIMARY KEY ({', '.join(KUNCI[tabel])}))")
            baca = ", ".join(k if k not in ANGKA_PG else f"CAST(replace({k}, ',', '.') AS {ANGKA_PG[k]})"
                             for k in kolom)
            cur.execute(f"INSERT INTO {tabel} SELECT {baca} FROM masuk_{tabel}")
            cur.execute(f"INSERT INTO log SELECT 1, '{tabel}', CAST(row_to_json(t) AS text) FROM {tabel} t")


SKOR_SQL = """
WITH terukur AS (  -- one row per IKU and quarter through $triwulan that has a target, with that quarter's realisasi
    SELECT u.kode_unit, u.kode_iku, CAST(right(u.kolom, 1) AS INTEGER) AS q, u.t, r.realisasi AS r
    FROM (UNPIVOT (SELECT kode_unit, kode_iku, target_tw1, target_tw2, target_tw3, target_tw4 FROM iku
                   WHERE tahun = $tahun)
          ON target_tw1, target_tw2, target_tw3, target_tw4 INTO NAME kolom VALUE t) u
    LEFT JOIN realisasi r ON r.tahun = $tahun AND r.triwulan = CAST(right(u.kolom, 1) AS INTEGER)
        AND r.kode_unit = u.kode_unit AND r.kode_iku = u.kode_iku
    WHERE CAST(right(u.kolom, 1) AS INTEGER) <= $triwulan
),
sd AS (  -- year to date: the realisasi is missing while one of those quarters has none
    SELECT t.kode_unit, t.kode_iku,
        CASE any_value(i.konsolidasi) WHEN 'sum' THEN sum(t.t) WHEN 'average' THEN avg(t.t) ELSE arg_max(t.t, t.q)
        END AS target,
        CASE WHEN count(t.r) < count(*) THEN NULL
             WHEN any_value(i.konsolidasi) = 'sum' THEN sum(t.r)
             WHEN any_value(i.konsolidasi) = 'average' THEN avg(t.r) ELSE arg_max(t.r, t.q) END AS realisasi
    FROM terukur t JOIN iku i ON i.tahun = $tahun AND i.kode_unit = t.kode_unit AND i.kode_iku = t.kode_iku
    GROUP BY t.kode_unit, t.kode_iku
),
mentah AS (  -- capaian before the clamp; NULL: grey (not measured yet, no realisasi, not computable)
    SELECT i.kode_unit, i.kode_iku, i.nama_iku, i.bobot, s.target, s.realisasi,
        s.realisasi / s.target AS rasio,
        CASE WHEN rasio <= 1 THEN rasio * 100 ELSE 200 - rasio * 100 END AS deviasi,  -- stabilize's index
        CASE
            WHEN s.realisasi IS NULL THEN NULL
            WHEN i.konversi_120 AND ((i.polaritas = 'maximize' AND s.realisasi >= s.target)
                                     OR (i.polaritas = 'minimize' AND s.realisasi <= s.target)) THEN 120
            WHEN i.polaritas = 'minimize' THEN CASE
                WHEN s.target = 0 THEN CASE WHEN i.realisasi_terburuk > 0
                    THEN (i.realisasi_terburuk - s.realisasi) / i.realisasi_terburuk * 100 END
                WHEN s.target < 0 THEN rasio * 100
                ELSE (2 - rasio) * 100 END
            WHEN s.target = 0 THEN NULL
            WHEN i.polaritas = 'maximize' THEN CASE WHEN s.target < 0 THEN (2 - rasio) * 100 ELSE rasio * 100 END
            ELSE CASE  -- stabilize: the deviation index through the scale 0→0, 90→100, 100→120
                WHEN deviasi <= 0 THEN 0 WHEN deviasi >= 100 THEN 120 WHEN deviasi <= 90 THEN deviasi * 100 / 90
                ELSE 100 + (deviasi - 90) * 2 END
        END AS nilai
    FROM iku i LEFT JOIN sd s USING (kode_unit, kode_iku)
    WHERE i.tahun = $tahun
),
capaian AS (  -- clamped to [0, 120], rounded half-up to 2 decimals, the light decided on the rounded value
    SELECT *, CASE WHEN capaian IS NULL THEN 'abu-abu' WHEN capaian >= 100 THEN 'hijau' WHEN capaian >= 80
                   THEN 'kuning' ELSE 'merah' END AS status
    FROM (SELECT * EXCLUDE (rasio, deviasi, nilai),
                 round(CAST(CASE WHEN nilai < 0 THEN 0 WHEN nilai > 120 THEN 120 ELSE nilai END  -- greatest() skips NULL
                            AS DECIMAL(18, 9)), 2) AS capaian FROM mentah)
)
SELECT c.kode_unit, any_value(u.nama_unit) AS nama_unit,
    CAST(round(CAST(sum(c.bobot * c.capaian) FILTER (WHERE c.capaian IS NOT NULL AND c.bobot > 0)
                    / sum(c.bobot) FILTER (WHERE c.capaian IS NOT NULL AND c.bobot > 0) AS DECIMAL(18, 9)), 2)
         AS DOUBLE) AS nko,
    count(*) FILTER (WHERE status = 'hijau') AS hijau, count(*) FILTER (WHERE status = 'kuning') AS kuning,
    count(*) FILTER (WHERE status = 'merah') AS merah, count(*) FILTER (WHERE status = 'abu-abu') AS "abu-abu",
    list({'kode_iku': c.kode_iku, 'nama_iku': c.nama_iku, 'target': c.target, 'realisasi': c.realisasi,
          'capaian': CAST(c.capaian AS DOUBLE), 'status': c.status} ORDER BY c.kode_iku) AS iku
FROM capaian c LEFT JOIN unit u USING (kode_unit)
GROUP BY c.kode_unit
"""
"""The score floor's rows (parameters ``$tahun``, ``$triwulan``), on the store's tables: one per unit."""


def skor_duckdb(db: str, tahun: int, triwulan: int) -> str:
    """The score floor (module docstring): the rows of ``SKOR_SQL`` as a JSON array, by unit code, made by the
    database in the same query (DuckDB writes JSON faster than Python's ``json`` could from fetched rows)."""
    import duckdb

    con = duckdb.connect(db, read_only=True)
    sql = f"SELECT CAST(to_json(list(b ORDER BY b.kode_unit)) AS VARCHAR) FROM ({SKOR_SQL}) b"
    return con.execute(sql, {"tahun": tahun, "triwulan": triwulan}).fetchone()[0]


def main(argv: list[str]) -> int:
    perintah, *argumen = argv
    if perintah == "impor-duckdb":
        impor_duckdb(argumen[0], argumen[1:])
    elif perintah == "impor-postgresql":
        impor_postgresql(argumen[0], argumen[1:])
    elif perintah == "skor-duckdb":
        sys.stdout.write(skor_duckdb(argumen[0], int(argumen[1]), int(argumen[2])) + "\n")
    else:
        print(f"perintah tidak dikenal: {perintah} (impor-duckdb, impor-postgresql, skor-duckdb)", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
