"""What the cycle's reminders need from the store, read in one transaction (every reporting unit-quarter of this
year and the last with its stage and deadlines, the people with an e-mail address and their grants, the
reminders already sent), and the record of each one sent, so none goes twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kinerja.store.bantu import _sekarang
from kinerja.store.tahap import BagianTahap, PengaturanSiklus, _keadaan, _pengaturan
from kinerja_core.akses import Hibah, Peran, leluhur
from kinerja_core.pengingat import Penerima, TahapUnit
from kinerja_core.siklus import Keadaan


@dataclass(frozen=True)
class DataPengingat:
    """Everything ``kinerja_core.pengingat.rencana`` plans from."""

    tahap: list[TahapUnit]
    orang: list[Penerima]
    induk: dict[str, str | None]
    pengaturan: PengaturanSiklus
    sudah: frozenset[str]


class BagianPengingat(BagianTahap):
    """The reminders' reads and their record."""

    def data_pengingat(self, hari: dt.date) -> DataPengingat:
        """What the reminders of ``hari`` are planned from, as one consistent view."""
        with self._transaksi() as con:
            induk = dict(con.execute("SELECT kode_unit, kode_induk FROM unit").fetchall())
            pengaturan = _pengaturan(con)
            tahap: list[TahapUnit] = []
            for tahun in (hari.year - 1, hari.year):
                unit = [r[0] for r in con.execute("SELECT DISTINCT kode_unit FROM iku WHERE tahun = $th ORDER BY 1",
                                                  {"th": tahun}).fetchall()]
                for triwulan in range(1, 5):
                    keadaan = _keadaan(con, tahun, triwulan, unit)
                    for u in unit:
                        k = keadaan.get(u, Keadaan())
                        batas = pengaturan.jadwal.tenggat(tahun, triwulan, len(leluhur(induk, u)) - 1)
                        tahap.append(TahapUnit(tahun, triwulan, u, k.tahap, batas.ajukan, batas.verifikasi,
                                               k.diajukan_oleh, k.diajukan_pada))
            hibah: dict[str, list[Hibah]] = {}
            for identitas, peran, unit_hak in con.execute("SELECT identitas, peran, kode_unit FROM hibah").fetchall():
                hibah.setdefault(identitas, []).append(Hibah(Peran(peran), unit_hak))
            orang = [Penerima(i, e, tuple(hibah.get(i, []))) for i, e in con.execute(
                "SELECT identitas, email FROM pengguna WHERE email IS NOT NULL ORDER BY identitas").fetchall()]
            sudah = frozenset(r[0] for r in con.execute("SELECT kunci FROM pengingat").fetchall())
        return DataPengingat(tahap, orang, induk, pengaturan, sudah)

    def catat_pengingat(self, kunci: list[str], penerima: str) -> None:
        """Record reminders as sent (a key already recorded stays as it was)."""
        with self._transaksi(tulis=True) as con:
            for k in kunci:
                con.execute("INSERT INTO pengingat VALUES ($k, $p, $w) ON CONFLICT DO NOTHING",
                            {"k": k, "p": penerima, "w": _sekarang()})
