"""Upload → read → check against the store → preview → commit.

``rencanakan`` reads a set of files (any mix of unit, IKU and realisasi) and
checks them together with what is stored, so an upload may bring a new IKU
and its realisasi at once. It returns a plan: every error, and per file the
rows that are new, changed (old → new) or unchanged. ``terapkan`` commits
a plan without errors in one transaction. Nothing is written before that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from kinerja.loading import KOLOM, KUNCI, Berkas, Jenis, Kesalahan, baca_berkas
from kinerja.storage import Storage, Tersimpan
from kinerja.texts import angka, t

FOLDER_CONTOH = Path(__file__).resolve().parent.parent / "data"
BERKAS_CONTOH = ("unit.csv", "iku.csv", "realisasi.csv")

_NILAI = {jenis: [k for k in (*wajib, *pilihan) if k not in KUNCI[jenis]] for jenis, (wajib, pilihan) in KOLOM.items()}
"""The value (non-key) columns of each kind."""

_TETAP_BILA_KOSONG = {Jenis.REALISASI: ("realisasi", "kendala", "rencana_aksi")}
"""Columns where a blank in the upload keeps the stored value (see storage._UPSERT)."""


@dataclass
class Perubahan:
    """What one file would change: counts and a row-by-row table for the preview."""

    berkas: str
    jenis: Jenis
    baru: int
    berubah: int
    sama: int
    rincian: pd.DataFrame

    def ringkas(self) -> str:
        return t("unggah.ringkas", baru=self.baru, berubah=self.berubah, sama=self.sama)


@dataclass
class RencanaImpor:
    """The checked upload: what would change, or why it cannot be stored."""

    berkas: list[Berkas]
    kesalahan: list[Kesalahan] = field(default_factory=list)
    perubahan: list[Perubahan] = field(default_factory=list)
    kesalahan_lain: int = 0

    @property
    def sah(self) -> bool:
        return not self.kesalahan and not self.kesalahan_lain

    @property
    def ada_perubahan(self) -> bool:
        return any(p.baru or p.berubah for p in self.perubahan)

    def data(self, jenis: Jenis) -> pd.DataFrame:
        """All rows of one kind across the uploaded files, with canonical columns."""
        bagian = [b.data for b in self.berkas if b.jenis is jenis and not b.data.empty]
        kolom = [*KUNCI[jenis], *_NILAI[jenis]]
        if not bagian:
            return pd.DataFrame(columns=kolom)
        return pd.concat(bagian, ignore_index=True)[kolom]


def rencanakan(berkas: Sequence[tuple[str, bytes]], storage: Storage) -> RencanaImpor:
    """Read every file and check it, alone and against the store; write nothing.

    The files are checked as one batch: a realisasi may name an IKU that arrives
    in an iku.csv of the same upload.
    """
    terbaca = [baca_berkas(nama, isi) for nama, isi in berkas]
    rencana = RencanaImpor(
        terbaca,
        [k for b in terbaca for k in b.kesalahan],
        kesalahan_lain=sum(b.kesalahan_lain for b in terbaca),
    )
    if not rencana.sah:
        return rencana
    rencana.kesalahan += _duplikat_antar_berkas(terbaca)
    tersimpan = storage.tersimpan_untuk(
        rencana.data(Jenis.UNIT), rencana.data(Jenis.IKU), rencana.data(Jenis.REALISASI)
    )
    rencana.kesalahan += _periksa_rujukan(terbaca, tersimpan)
    if rencana.sah:
        lama = {Jenis.UNIT: tersimpan.unit, Jenis.IKU: tersimpan.iku, Jenis.REALISASI: tersimpan.realisasi}
        rencana.perubahan = [_bandingkan(b, lama[b.jenis]) for b in terbaca if b.jenis is not None]
    return rencana


def terapkan(rencana: RencanaImpor, storage: Storage) -> None:
    """Commit a checked plan in one transaction."""
    if not rencana.sah:
        raise ValueError("rencana impor berisi kesalahan; tidak ada yang disimpan")
    storage.simpan(rencana.data(Jenis.UNIT), rencana.data(Jenis.IKU), rencana.data(Jenis.REALISASI))


def muat_contoh(storage: Storage, folder: Path = FOLDER_CONTOH) -> bool:
    """Seed an empty store with the bundled sample data; False when it already holds data."""
    if not storage.kosong():
        return False
    rencana = rencanakan([(n, (folder / n).read_bytes()) for n in BERKAS_CONTOH], storage)
    if not rencana.sah:
        raise ValueError("data contoh tidak sah:\n" + "\n".join(map(str, rencana.kesalahan)))
    terapkan(rencana, storage)
    return True


def _duplikat_antar_berkas(berkas: list[Berkas]) -> list[Kesalahan]:
    """The same key in two files of one upload is as ambiguous as twice in one file."""
    kesalahan = []
    for jenis in Jenis:
        bagian = [b.data.assign(_berkas=b.nama) for b in berkas if b.jenis is jenis and not b.data.empty]
        if len(bagian) < 2:
            continue
        semua = pd.concat(bagian, ignore_index=True)
        ulang = semua[semua.duplicated(subset=list(KUNCI[jenis]), keep="first")]
        for _, r in ulang.iterrows():
            kunci = " / ".join(str(r[k]) for k in KUNCI[jenis])
            kesalahan.append(Kesalahan(r["_berkas"], t("galat.duplikat", kunci=kunci, baris_lain="?"), int(r["baris"])))
    return kesalahan


def _tidak_dikenal(data: pd.DataFrame, kenal: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    """Rows of ``data`` whose ``kunci`` is not among ``kenal``'s."""
    if data.empty:
        return data
    kenal = kenal[kunci].drop_duplicates().astype({k: data[k].dtype for k in kunci})
    gabung = data.merge(kenal, on=kunci, how="left", indicator=True)
    return gabung[gabung["_merge"] == "left_only"]


def _periksa_rujukan(berkas: list[Berkas], tersimpan: Tersimpan) -> list[Kesalahan]:
    """Every unit and IKU code named must be stored already or arrive in the same upload."""
    unit_baru = {k for b in berkas if b.jenis is Jenis.UNIT for k in b.data["kode_unit"]}
    unit_dikenal = pd.DataFrame({"kode_unit": sorted(unit_baru | tersimpan.kode_unit)})
    iku_baru = [b.data[list(KUNCI[Jenis.IKU])] for b in berkas if b.jenis is Jenis.IKU]
    iku_dikenal = pd.concat([tersimpan.kunci_iku, *iku_baru], ignore_index=True)
    kesalahan = []
    for b in berkas:
        if b.jenis is Jenis.UNIT:
            induk = b.data.dropna(subset=["kode_induk"])
            for r in _tidak_dikenal(induk.rename(columns={"kode_unit": "_kode", "kode_induk": "kode_unit"}),
                                    unit_dikenal, ["kode_unit"]).itertuples():
                kesalahan.append(Kesalahan(b.nama, t("galat.induk_tidak_dikenal", nilai=r.kode_unit), r.baris,
                                           "kode_induk"))
            for r in induk[induk["kode_induk"] == induk["kode_unit"]].itertuples():
                kesalahan.append(Kesalahan(b.nama, t("galat.induk_siklus", nilai=r.kode_unit, jalur=r.kode_unit),
                                           r.baris, "kode_induk"))
        elif b.jenis is Jenis.IKU:
            for r in _tidak_dikenal(b.data, unit_dikenal, ["kode_unit"]).itertuples():
                kesalahan.append(Kesalahan(b.nama, t("galat.unit_tidak_dikenal", nilai=r.kode_unit), r.baris,
                                           "kode_unit"))
        elif b.jenis is Jenis.REALISASI:
            for r in _tidak_dikenal(b.data, iku_dikenal, list(KUNCI[Jenis.IKU])).itertuples():
                kesalahan.append(Kesalahan(
                    b.nama, t("galat.iku_tidak_dikenal", nilai=r.kode_iku, unit=r.kode_unit, tahun=r.tahun),
                    r.baris, "kode_iku",
                ))
    return sorted(kesalahan, key=lambda k: (k.berkas, k.baris or 0))


def _sama(a: pd.Series, b: pd.Series) -> pd.Series:
    """Element-wise equality where two missing values are equal."""
    return (a.isna() & b.isna()) | (a.astype(object) == b.astype(object)).fillna(False).astype(bool)


def _bandingkan(b: Berkas, lama: pd.DataFrame) -> Perubahan:
    """Each row of a file against the stored row with the same key: baru, berubah or sama."""
    kunci = list(KUNCI[b.jenis])  # type: ignore[index]
    nilai = _NILAI[b.jenis]  # type: ignore[index]
    lama = lama.astype({k: b.data[k].dtype for k in kunci})
    gabung = b.data.merge(lama, on=kunci, how="left", suffixes=("", "_lama"), indicator=True)
    ada = gabung["_merge"] == "both"
    rincian = pd.Series("", index=gabung.index, dtype=object)
    berubah = pd.Series(False, index=gabung.index)
    for k in nilai:
        baru = gabung[k]
        if k in _TETAP_BILA_KOSONG.get(b.jenis, ()):  # type: ignore[arg-type]
            baru = baru.where(baru.notna(), gabung[f"{k}_lama"])
            gabung[k] = baru
        beda = ada & ~_sama(baru, gabung[f"{k}_lama"])
        berubah |= beda
        teks = (
            k + ": " + gabung[f"{k}_lama"].map(angka).astype(str) + " → " + baru.map(angka).astype(str)
        )
        rincian = rincian.where(~beda, rincian + np.where(rincian == "", "", "; ") + teks)
    status = np.select([~ada, berubah], [t("perubahan.baru"), t("perubahan.berubah")], t("perubahan.sama"))
    tabel = gabung[["baris", *kunci, *nilai]].assign(perubahan=status, rincian=rincian)
    return Perubahan(
        b.nama, b.jenis,  # type: ignore[arg-type]
        baru=int((~ada).sum()), berubah=int((ada & berubah).sum()), sama=int((ada & ~berubah).sum()),
        rincian=tabel,
    )
