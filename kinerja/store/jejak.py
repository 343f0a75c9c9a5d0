"""The audit trail: one line per write, refusal and sign-in (who, how they got in, from where, when, what, on which
units), the lines a database from before the trail gets, and the trail read back with its filters."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

from kinerja.pesan import Pesan
from kinerja.store.bantu import Koneksi, _saring_unit, _sekarang
from kinerja.store.galat import AksesDitolak
from kinerja.store.inti import Inti
from kinerja.store.skema import TABEL
from kinerja_core.akses import Cara, Pelaku

if TYPE_CHECKING:
    import pandas as pd


class BagianJejak(Inti):
    """The audit trail: refusals written to it, and the trail read back."""

    @contextmanager
    def _tertolak_dicatat(self, pelaku: Pelaku,
                          unit: list[str] | Callable[[Koneksi], list[str]]) -> Iterator[None]:
        """A refused write is rolled back whole; the refusal itself is then written to the audit trail, with the
        units it touched (``unit``, or read then: only a refusal needs them)."""
        try:
            yield
        except AksesDitolak as e:
            with self._transaksi(tulis=True) as con:
                _catat_jejak(con, pelaku, "ditolak", e.pesan, unit(con) if callable(unit) else unit)
            raise

    def catat_penolakan(self, pelaku: Pelaku, rincian: Pesan, unit: list[str]) -> None:
        """Write a refusal found before any transaction (an upload's preview naming rows of units the person does
        not hold) to the audit trail, like a refusal at commit: who, from where, on which units."""
        with self._transaksi(tulis=True) as con:
            _catat_jejak(con, pelaku, "ditolak", rincian, unit)

    def jejak(self, *, kode_unit: str | None = None, pengguna: str | None = None, dari: datetime | None = None,
              sampai: datetime | None = None) -> pd.DataFrame:
        """The audit trail, newest first: id, waktu (UTC), pengguna, cara, asal, tindakan, revisi, rincian, unit,
        operator (the command line's operator acting for ``pengguna``, else None).

        ``kode_unit``: lines that touched the unit or any unit below it; ``dari``/``sampai``: UTC bounds
        (``sampai`` exclusive).
        """
        # the unit and every unit below it: ``pilih``
        dengan, _, param = _saring_unit(None, kode_unit, True, self._dialek)
        syarat = ["j.id IN (SELECT jejak FROM jejak_unit WHERE kode_unit IN (SELECT kode_unit FROM pilih))"
                  ] if kode_unit is not None else []
        for kolom, nilai, op in (("pengguna", pengguna, "="), ("waktu", dari, ">="), ("waktu", sampai, "<")):
            if nilai is not None:
                syarat.append(f"j.{kolom} {op} ${kolom}_{len(param)}")
                param[f"{kolom}_{len(param)}"] = nilai
        with self._buka() as con:
            return con.execute(
                f"{dengan}SELECT j.id, j.waktu, j.pengguna, j.cara, j.asal, j.tindakan, j.revisi, j.rincian, "
                "COALESCE((SELECT string_agg(kode_unit, ', ' ORDER BY kode_unit) FROM jejak_unit WHERE jejak = j.id), "
                f"'') AS unit, j.operator FROM jejak j {'WHERE ' + ' AND '.join(syarat) if syarat else ''} ORDER BY j.id DESC",
                param).df()


def _catat_jejak(con: Koneksi, pelaku: Pelaku, tindakan: str, rincian: Pesan,
                 unit: list[str], revisi: int | None = None, *, waktu: datetime | None = None) -> None:
    """Append one line to the audit trail: who, how they got in, from where, when (UTC), what, on which units.
    What it says (``rincian``) is kept as a code with its values, put into words by whoever reads it."""
    (jejak,) = con.execute(
        "INSERT INTO jejak (id, waktu, pengguna, cara, asal, tindakan, revisi, rincian, operator) VALUES "
        "((SELECT COALESCE(max(id), 0) + 1 FROM jejak), $waktu, $pengguna, $cara, $asal, $tindakan, $revisi, "
        "$rincian, $operator) RETURNING id",
        {"waktu": waktu or _sekarang(), "pengguna": pelaku.identitas, "cara": pelaku.cara.value,
         "asal": pelaku.asal, "tindakan": tindakan, "revisi": revisi, "rincian": rincian.simpan(),
         "operator": pelaku.operator}).fetchone()  # type: ignore[misc]
    if unit:
        import pyarrow as pa  # only for a line that names units: a schema check on open names none

        con.register("unit_jejak", pa.table({"kode_unit": pa.array(unit, pa.string())}))
        con.execute("INSERT INTO jejak_unit SELECT $jejak, kode_unit FROM unit_jejak", {"jejak": jejak})
        con.unregister("unit_jejak")


def _unit_revisi(con: Koneksi, revisi_id: int) -> list[str]:
    """Every unit whose rows a revision's upload held (the units its audit line names)."""
    return [r[0] for r in con.execute(" UNION ".join(
        f"SELECT kode_unit FROM revisi_{nama} WHERE revisi = $id" for nama in TABEL) + " ORDER BY 1",
        {"id": revisi_id}).fetchall()]


def _lengkapi_jejak(con: Koneksi) -> None:
    """Give the audit trail a line for every revision made before it existed (a database from an older
    version): who and when as the revision log kept them, how they got in unknown (``lama``)."""
    lama = con.execute("SELECT id, waktu, pengguna, berkas, jenis, membatalkan, baru, berubah, sama, dihapus "
                       "FROM revisi WHERE id NOT IN (SELECT revisi FROM jejak WHERE revisi IS NOT NULL) "
                       "ORDER BY id").fetchall()
    for id_, waktu, pengguna, berkas, jenis, membatalkan, baru, berubah, sama, dihapus in lama:
        rincian = (Pesan("jejak.impor", {"berkas": berkas, "baru": baru, "berubah": berubah, "sama": sama})
                   if jenis == "impor" else
                   Pesan("jejak.batal", {"asal": membatalkan, "berubah": berubah, "dihapus": dihapus, "sama": sama}))
        unit = _unit_revisi(con, membatalkan if jenis == "batal" else id_)
        _catat_jejak(con, Pelaku(pengguna, Cara.LAMA, ""), jenis, rincian, unit, id_, waktu=waktu)
