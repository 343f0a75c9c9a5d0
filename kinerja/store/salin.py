"""The whole installation copied into another database (the other engine, or another of the same one), row for
row, and one stored table read whole: what a copy or a replay must reproduce exactly."""

from __future__ import annotations

import pandas as pd

from kinerja.store.galat import MasalahBasisData
from kinerja.store.inti import Inti
from kinerja.store.skema import KOLOM_SALIN


class BagianSalin(Inti):
    """Whole tables: read one, or copy them all."""

    def tabel(self, nama: str) -> pd.DataFrame:
        """Every row of one stored table (``KOLOM_SALIN``), ordered by all its columns: what a copy or a replay
        must reproduce exactly."""
        kolom = ", ".join(KOLOM_SALIN[nama])
        with self._transaksi() as con:
            return con.execute(f"SELECT {kolom} FROM {nama} ORDER BY {kolom}").df()

    def salin_ke(self, tujuan: Inti) -> dict[str, int]:
        """Copy the whole installation into ``tujuan`` (the other engine, or another database of the same one):
        every table row for row — data, revisions and their logs, people, grants, the audit trail — read as one
        consistent view and written in one transaction, so undo by replay and the audit trail work there as here.
        Refused when ``tujuan`` already holds anything. Returns the rows copied per table.

        ``python -m kinerja copy --from data/kinerja.duckdb --to postgresql://kinerja@db/kinerja`` moves an office
        onto the institution's server; the same command with the two swapped brings it back.
        """
        if tujuan._mesin.identitas == self._mesin.identitas:  # one file named two ways is one database
            raise MasalahBasisData("salin.sama", self.tampil)
        jumlah = {}
        with self._transaksi() as asal, tujuan._transaksi(tulis=True) as ke:
            isi = ke.execute("SELECT (SELECT count(*) FROM unit) + (SELECT count(*) FROM revisi) + "
                             "(SELECT count(*) FROM pengguna) + (SELECT count(*) FROM jejak)").fetchall()[0][0]
            if isi:
                raise MasalahBasisData("salin.tujuan_berisi", tujuan.tampil)
            for tabel, kolom in KOLOM_SALIN.items():
                daftar = ", ".join(kolom)
                data = asal.sql(f"SELECT {daftar} FROM {tabel}").to_arrow_table()
                jumlah[tabel] = data.num_rows
                if data.num_rows:
                    ke.register("salinan", data)
                    ke.execute(f"INSERT INTO {tabel} ({daftar}) SELECT {daftar} FROM salinan")
                    ke.unregister("salinan")
        return jumlah
