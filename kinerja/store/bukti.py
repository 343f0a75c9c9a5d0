"""Data dukung in the store: files attached to an IKU's quarter, kept in the database (or, when the installation
sets a folder, in that folder under their sha256, outside the app's files), listed with who and when, and handed
back only to someone who may read the unit. Adding one is a write to the unit-quarter: a final quarter refuses
it, a submitted or verified one goes back to draf (``tahap._terkunci_atau_kembali``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kinerja.pesan import Pesan
from kinerja.store.bantu import Koneksi, _saring_unit, _sekarang
from kinerja.store.galat import AksesDitolak, PermintaanDitolak
from kinerja.store.hak import _hak_dalam_transaksi, _periksa_hak
from kinerja.store.jejak import _catat_jejak
from kinerja.store.tahap import BagianTahap, _pengaturan, _terkunci_atau_kembali, hari_ini
from kinerja.texts import ROMAWI
from kinerja_core.akses import SEMUA, Hibah, Pelaku, Peran, akar_terlihat, berhak, leluhur

KOLOM_BUKTI = ["id", "tahun", "triwulan", "kode_unit", "kode_iku", "nama", "jenis", "ukuran", "sha256", "oleh", "waktu"]
"""The columns of a list of data dukung (``evidence list``), in this order."""


@dataclass(frozen=True)
class Bukti:
    """One data dukung file handed back: its name as uploaded, its kind (``masuk.bukti.JENIS_BUKTI``), its bytes."""

    id: int
    nama: str
    jenis: str
    isi: bytes


class BagianBukti(BagianTahap):
    """Data dukung: add, list, fetch."""

    def tambah_bukti(self, tahun: int, triwulan: int, kode_unit: str, kode_iku: str, *, nama: str, jenis: str,
                     isi: bytes, pelaku: Pelaku, hari: dt.date | None = None) -> int:
        """Attach a file (already checked by its content: ``masuk.bukti.periksa_bukti``) to an IKU's quarter, in one
        transaction with the grant (pengisi on the unit), the IKU, and the quarter's stage checked there; its id."""
        sha = hashlib.sha256(isi).hexdigest()
        with self._tertolak_dicatat(pelaku, [kode_unit]), self._transaksi(tulis=True) as con:
            _periksa_hak(con, pelaku, _hak_dalam_transaksi(con, pelaku), [(Peran.PENGISI, [kode_unit])])
            if not con.execute("SELECT count(*) FROM iku WHERE tahun = $th AND kode_unit = $u AND kode_iku = $i",
                               {"th": tahun, "u": kode_unit, "i": kode_iku}).fetchone()[0]:  # type: ignore[index]
                raise PermintaanDitolak(Pesan("bukti.iku_tidak_ada", {"unit": kode_unit, "iku": kode_iku,
                                                                       "tahun": tahun}))
            _terkunci_atau_kembali(con, [(tahun, triwulan, kode_unit)], hari or hari_ini())
            folder = _pengaturan(con).folder_bukti
            if folder:
                _tulis_berkas(Path(folder), sha, isi)
            (bukti_id,) = con.execute(
                "INSERT INTO bukti (id, tahun, triwulan, kode_unit, kode_iku, nama, jenis, ukuran, sha256, isi, oleh, "
                "waktu) VALUES ((SELECT COALESCE(max(id), 0) + 1 FROM bukti), $th, $q, $u, $i, $nama, $jenis, $ukuran, "
                "$sha, $isi, $oleh, $waktu) RETURNING id",
                {"th": tahun, "q": triwulan, "u": kode_unit, "i": kode_iku, "nama": nama, "jenis": jenis,
                 "ukuran": len(isi), "sha": sha, "isi": None if folder else isi, "oleh": pelaku.identitas,
                 "waktu": _sekarang()}).fetchone()  # type: ignore[misc]
            _catat_jejak(con, pelaku, "bukti_tambah", Pesan("jejak.bukti_tambah", {
                "nama": nama, "unit": kode_unit, "iku": kode_iku, "tahun": tahun,
                "triwulan": Pesan("triwulan.nama", {"romawi": ROMAWI[triwulan]})}), [kode_unit])
            return int(bukti_id)

    def daftar_bukti(self, tahun: int, triwulan: int | None = None, kode_unit: str | None = None, *,
                     sub_unit: bool = False, hibah: Sequence[Hibah] | None = None) -> pd.DataFrame:
        """The data dukung of a year (and quarter), of a unit (and, with ``sub_unit``, every unit below it), as
        ``KOLOM_BUKTI``, by unit, IKU and id; with ``hibah`` (a reader's grants) only the units the reader may see."""
        if not self.ada():
            return pd.DataFrame(columns=KOLOM_BUKTI)
        dengan, syarat, param = _saring_unit(tahun, kode_unit, sub_unit, self._dialek)
        syarat = (syarat or "WHERE true") + " AND NOT dihapus"
        if triwulan is not None:
            syarat += " AND triwulan = $triwulan"
            param["triwulan"] = triwulan
        with self._transaksi() as con:
            data = con.execute(f"{dengan}SELECT {', '.join(KOLOM_BUKTI)} FROM bukti {syarat} "
                               "ORDER BY kode_unit, kode_iku, triwulan, id", param).df()
            if hibah is not None:
                terlihat = _terlihat(con, hibah)
                if terlihat is not None:
                    data = data[data["kode_unit"].isin(terlihat)].reset_index(drop=True)
        return data

    def ambil_bukti(self, bukti_id: int, *, pelaku: Pelaku) -> Bukti:
        """One file's bytes, for someone who may read its unit (checked with the grants as they stand now)."""
        with self._transaksi() as con:
            baris = con.execute("SELECT kode_unit, nama, jenis, sha256, isi FROM bukti WHERE id = $id AND NOT dihapus",
                                {"id": bukti_id}).fetchone()
            if baris is None:
                raise PermintaanDitolak(Pesan("bukti.tidak_ada", {"id": bukti_id}))
            kode_unit, nama, jenis, sha, isi = baris
            hibah = _hak_dalam_transaksi(con, pelaku)
            if hibah is not None:
                induk = dict(con.execute("SELECT kode_unit, kode_induk FROM unit").fetchall())
                if not berhak(hibah, Peran.PEMBACA, kode_unit, induk):
                    raise AksesDitolak(Pesan("bukti.tidak_berhak", {"identitas": pelaku.identitas, "id": bukti_id}))
            folder = _pengaturan(con).folder_bukti
        if isi is None:
            if not folder:
                raise PermintaanDitolak(Pesan("bukti.berkas_hilang", {"id": bukti_id}))
            try:
                isi = (Path(folder) / sha).read_bytes()
            except FileNotFoundError as e:
                raise PermintaanDitolak(Pesan("bukti.berkas_hilang", {"id": bukti_id})) from e
        return Bukti(int(bukti_id), nama, jenis, bytes(isi))


def _terlihat(con: Koneksi, hibah: Sequence[Hibah]) -> set[str] | None:
    """The units a reader's grants let them see; None for every unit."""
    akar = akar_terlihat(hibah)
    if SEMUA in akar:
        return None
    induk = dict(con.execute("SELECT kode_unit, kode_induk FROM unit").fetchall())
    return {u for u in induk if akar & set(leluhur(induk, u))}


def _tulis_berkas(folder: Path, sha: str, isi: bytes) -> None:
    """Keep a file in the configured folder under its sha256 (written whole, then renamed: never half a file)."""
    folder.mkdir(parents=True, exist_ok=True)
    tujuan = folder / sha
    if tujuan.exists():
        return
    sementara = folder / f".{sha}.{os.getpid()}"
    sementara.write_bytes(isi)
    os.replace(sementara, tujuan)
