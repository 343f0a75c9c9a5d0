"""What ``python -m kinerja score`` reads, as plain columns (lists and NumPy arrays; no pandas, so the command
starts in a fraction of the time): a year's IKU of some units with their four quarterly realisasi beside the
targets, the computed ones put in (``turunan``), the unit tree, and each unit's stage in the quarter scored. The
same rows and values ``Storage.baca_lebar`` gives as a DataFrame, on both engines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kinerja.store.bantu import Koneksi, _saring_unit
from kinerja.store.inti import TUNGGU_DETIK, Inti
from kinerja.store.skema import KUNCI, Dialek
from kinerja.store.turunan import realisasi_turunan
from kinerja_core.model import TRIWULAN
from kinerja_core.tahap import Tahap
from kinerja_core.unit import Unit

KOLOM_TARGET = [f"target_tw{q}" for q in TRIWULAN]
KOLOM_REALISASI = [f"realisasi_tw{q}" for q in TRIWULAN]
"""The four quarterly realisasi a wide read puts beside the targets (``sql_lebar``)."""
KOLOM_IKU_SKOR = ["tahun", "kode_unit", "kode_iku", "nama_iku", "perspektif", "polaritas", "konsolidasi", "bobot",
                  *KOLOM_TARGET, "konversi_120", "realisasi_terburuk"]
"""The IKU columns scoring needs (``scores.skor``, ``scores.tabel_nko``) and ``python -m kinerja score`` shows: what
``kolom_skor`` reads."""
_ANGKA = {"bobot", *KOLOM_TARGET, "realisasi_terburuk", *KOLOM_REALISASI}


def _terisi(kolom: str) -> str:
    """A selected column (``i.bobot``) with its blank as it is scored: a number as NaN, a yes/no as no.

    >>> _terisi("i.bobot"), _terisi("i.konversi_120"), _terisi("i.kode_unit")
    ("COALESCE(i.bobot, CAST('NaN' AS DOUBLE PRECISION)) AS bobot", 'COALESCE(i.konversi_120, false) AS konversi_120', 'i.kode_unit')
    """
    nama = kolom.rsplit(".", 1)[-1]
    if nama in _ANGKA:
        return f"COALESCE({kolom}, CAST('NaN' AS DOUBLE PRECISION)) AS {nama}"
    return f"COALESCE({kolom}, false) AS {nama}" if nama == "konversi_120" else kolom


def sql_lebar(kolom: list[str], dengan: str, syarat: str, *, terisi: bool = False) -> str:
    """The query of a year's IKU (``kolom``; the key first) with their four quarterly realisasi beside them
    (``realisasi_tw1..4``), pivoted in the database, by key: ``dengan`` and ``syarat`` from ``_saring_unit``.
    ``terisi``: each blank as it is scored (``_terisi``), so DuckDB hands no column over masked (NumPy's masked
    arrays alone take longer to load than the read takes)."""
    per_triwulan = ", ".join(f"max(realisasi) FILTER (WHERE triwulan = {q}) AS {k}" for q, k in enumerate(KOLOM_REALISASI, 1))
    pilih = [*(f"i.{k}" for k in kolom), *KOLOM_REALISASI]
    return (f"{dengan}SELECT {', '.join(map(_terisi, pilih) if terisi else pilih)} "
            f"FROM (SELECT {', '.join(kolom)} FROM iku {syarat}) i LEFT JOIN "
            f"(SELECT kode_unit, kode_iku, {per_triwulan} FROM realisasi {syarat} GROUP BY kode_unit, kode_iku) r "
            f"USING (kode_unit, kode_iku) ORDER BY {', '.join(f'i.{k}' for k in KUNCI['iku'])}")


@dataclass(frozen=True)
class KolomSkor:
    """A year's IKU as columns, one element per IKU in key order (kode_unit, kode_iku): texts as stored (None when
    blank), numbers as floats (NaN when blank); ``target`` and ``realisasi`` are (n, 4), TW I–IV, a computed
    realisasi in place of the stored one. ``unit``: every unit; ``tahap``: the stage of each unit that has one
    in the quarter read (any other unit is draf)."""

    unit: list[Unit]
    kode_unit: list[str]
    kode_iku: list[str]
    nama_iku: list[str | None]
    perspektif: list[str | None]
    polaritas: list[str]
    konsolidasi: list[str]
    bobot: np.ndarray
    target: np.ndarray
    realisasi: np.ndarray
    konversi_120: np.ndarray
    realisasi_terburuk: np.ndarray
    tahap: dict[str, str]

    def tahap_unit(self, kode_unit: str) -> str:
        """The stage of a unit's quarter: draf unless stored otherwise."""
        return self.tahap.get(kode_unit, Tahap.DRAF.value)


class BagianSkor(Inti):
    """The read of ``python -m kinerja score``; ``Storage`` has it too."""

    def kolom_skor(self, tahun: int, triwulan: int, kode_unit: str | None = None, *,
                   sub_unit: bool = True) -> KolomSkor:
        """``tahun``'s IKU of ``kode_unit`` (with ``sub_unit``: and of every unit below it; None: of every unit),
        the unit table and the stages of ``triwulan``, in one transaction."""
        dengan, syarat, param = _saring_unit(tahun, kode_unit, sub_unit, self._dialek)
        with self._transaksi() as con:
            unit = con.execute("SELECT kode_unit, nama_unit, kode_induk FROM unit ORDER BY kode_unit").fetchall()
            isi = con.execute(sql_lebar(KOLOM_IKU_SKOR, dengan, syarat, terisi=True), param).fetchnumpy()
            tahap = con.execute("SELECT kode_unit, tahap FROM tahap WHERE tahun = $tahun AND triwulan = $triwulan",
                                {"tahun": tahun, "triwulan": triwulan}).fetchall()
            turunan = realisasi_turunan(con, tahun)
        teks = {k: _isi(isi[k], None).tolist() for k in ("kode_unit", "kode_iku", "nama_iku", "perspektif",
                                                          "polaritas", "konsolidasi")}
        realisasi = np.stack([_angka(isi[k]) for k in KOLOM_REALISASI], axis=1)
        if turunan:  # a parent's quarters from its children, a komponen IKU's from its komponen: not as stored
            posisi = {k: n for n, k in enumerate(zip(isi["tahun"].tolist(), teks["kode_unit"], teks["kode_iku"]))}
            for k, nilai in turunan.items():
                if k in posisi:
                    realisasi[posisi[k]] = [np.nan if v is None else v for v in nilai]
        return KolomSkor(
            unit=[Unit(k, n, i) for k, n, i in unit], **teks, bobot=_angka(isi["bobot"]),
            target=np.stack([_angka(isi[k]) for k in KOLOM_TARGET], axis=1), realisasi=realisasi,
            konversi_120=_isi(isi["konversi_120"], False).astype(bool),
            realisasi_terburuk=_angka(isi["realisasi_terburuk"]), tahap={u: str(t) for u, t in tahap},
        )


def gudang_skor(alamat: Path | str, *, tunggu_detik: float = TUNGGU_DETIK) -> BagianSkor:
    """The store at ``alamat`` with this read alone: what ``Storage(alamat)`` opens, without its other parts."""
    return BagianSkor(alamat, tunggu_detik=tunggu_detik, siapkan_skema=_siapkan_skema)


def _siapkan_skema(con: Koneksi, dialek: Dialek) -> None:
    """The migrations (``migrasi.siapkan_skema``), loaded only when a connection needs them: a read of a DuckDB
    file never runs them, so ``score`` does not load them (nor the audit trail and messages they use)."""
    from kinerja.store.migrasi import siapkan_skema

    siapkan_skema(con, dialek)


def _isi(kolom: np.ndarray, kosong: object) -> np.ndarray:
    """A fetched column with ``kosong`` where the database had NULL (DuckDB hands those over masked; PostgreSQL's
    ``fetchnumpy`` as None)."""
    if getattr(kolom, "mask", None) is None:  # not masked (asked without loading numpy.ma: that takes 20 ms)
        return kolom
    data = np.ma.getdata(kolom).copy()
    data[np.ma.getmaskarray(kolom)] = kosong
    return data


def _angka(kolom: np.ndarray) -> np.ndarray:
    """A fetched column of stored numbers as floats, NaN where blank (PostgreSQL's NUMERIC as its nearest float)."""
    return _isi(kolom, np.nan).astype(float)
