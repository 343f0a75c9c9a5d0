"""Upload → read → check against the store → preview → commit as a revision.

``rencanakan`` reads a set of files (any mix of unit, IKU and realisasi) and
checks them together with what is stored, so an upload may bring a new IKU
and its realisasi at once. It returns a plan: every error at once, and per
file the rows that are new, changed (old → new, with the traffic-light change
a realisasi causes) or unchanged. ``terapkan`` commits a plan without errors
in one transaction, as one revision. Nothing is written before that.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from kinerja import scores
from kinerja.kode import samakan_kode
from kinerja.loading import (
    BATAS_KESALAHAN, BATAS_PANJANG, BATAS_PANJANG_LAIN, KENDALI_TERLARANG, Berkas, Jenis, Kesalahan, baca_semua,
    rapikan_teks,
)
from kinerja.storage import KOLOM, KUNCI, KodeTersimpan, Revisi, Storage, TinjauanBatal
from kinerja.texts import angka, label_status, nama_triwulan, t
from kinerja_core.capaian import nilai_iku
from kinerja_core.model import Iku, Status
from kinerja_core.unit import Unit, siklus

FOLDER_CONTOH = Path(__file__).resolve().parent.parent / "data"
BERKAS_CONTOH = ("unit.csv", "iku.csv", "realisasi.csv")
PENGGUNA_CONTOH = "data contoh"

BATAS_STATUS_PRATINJAU = 5000
"""The preview computes the traffic-light change for at most this many new or changed realisasi rows."""


@dataclass
class Perubahan:
    """What one file would change: counts and a row-by-row table for the preview."""

    berkas: str
    jenis: Jenis
    baru: int
    berubah: int
    sama: int
    rincian: pd.DataFrame
    """baris, the key columns, the values as they will be stored, perubahan, rincian (old → new)
    and, for realisasi, status_lama / status_baru of the IKU in that quarter."""

    def ringkas(self) -> str:
        return t("unggah.ringkas", baru=self.baru, berubah=self.berubah, sama=self.sama)


@dataclass
class RencanaImpor:
    """The checked upload: what would change, or why it cannot be stored."""

    berkas: list[Berkas]
    sha256: str
    kesalahan: list[Kesalahan] = field(default_factory=list)
    perubahan: list[Perubahan] = field(default_factory=list)
    kesalahan_lain: int = 0

    @property
    def sah(self) -> bool:
        return not self.kesalahan and not self.kesalahan_lain

    def tambah(self, kesalahan: list[Kesalahan], lain: int) -> None:
        """Add errors, keeping at most BATAS_KESALAHAN listed and counting the rest."""
        ruang = max(BATAS_KESALAHAN - len(self.kesalahan), 0)
        self.kesalahan += kesalahan[:ruang]
        self.kesalahan_lain += lain + max(len(kesalahan) - ruang, 0)

    @property
    def ada_perubahan(self) -> bool:
        return any(p.baru or p.berubah for p in self.perubahan)

    @property
    def nama_berkas(self) -> str:
        return ", ".join(b.nama for b in self.berkas)

    def data(self, jenis: Jenis) -> pd.DataFrame:
        """All rows of one kind across the uploaded files, with the stored columns."""
        bagian = [b.data for b in self.berkas if b.jenis is jenis and not b.data.empty]
        if not bagian:
            return pd.DataFrame(columns=KOLOM[jenis])
        return pd.concat(bagian, ignore_index=True)[KOLOM[jenis]]


def sidik(berkas: Sequence[tuple[str, bytes]]) -> str:
    """sha256 of an upload: of the file's bytes, or of each file's in order for several files."""
    hasil = [hashlib.sha256(isi).hexdigest() for _, isi in berkas]
    return hasil[0] if len(hasil) == 1 else hashlib.sha256(" ".join(hasil).encode()).hexdigest()


def rencanakan(berkas: Sequence[tuple[str, bytes]], storage: Storage) -> RencanaImpor:
    """Read every file and check it, alone and against the store; report every problem; write nothing.

    Codes are first matched to the stored ones (case never makes a new unit or
    IKU; a new look-alike code is refused). Errors are capped at
    ``BATAS_KESALAHAN`` in all; the rest are counted, never listed one by one.
    """
    terbaca = [b for nama, isi in berkas for b in baca_semua(nama, isi)]  # a workbook: one part per sheet
    rencana = RencanaImpor(
        terbaca, sidik(berkas),
        [k for b in terbaca for k in b.kesalahan],
        kesalahan_lain=sum(b.kesalahan_lain for b in terbaca),
    )
    kode = storage.kode()
    rencana.tambah(*samakan_kode(terbaca, kode, BATAS_KESALAHAN))
    rencana.tambah(*_duplikat_antar_berkas(terbaca, BATAS_KESALAHAN))
    rencana.tambah(_periksa_siklus(terbaca, kode), 0)
    masuk = _masuk_per_tabel(terbaca)
    beda = storage.bandingkan(masuk)
    rencana.tambah(*_periksa_rujukan(terbaca, kode, BATAS_KESALAHAN))
    urutan = {b.nama: i for i, b in enumerate(terbaca)}
    rencana.kesalahan.sort(key=lambda k: (urutan.get(k.berkas, 0), k.baris or 0))
    if rencana.sah:
        rencana.perubahan = [
            _perubahan(b, beda[b.jenis].query("_berkas == @i"))  # type: ignore[index]
            for i, b in enumerate(terbaca) if b.jenis is not None
        ]
        _tandai_perubahan_status(rencana, storage)
    return rencana


def terapkan(rencana: RencanaImpor, storage: Storage, pengguna: str) -> Revisi:
    """Commit a checked plan in one transaction, as one revision."""
    if not rencana.sah:
        raise ValueError("rencana impor berisi kesalahan; tidak ada yang disimpan")
    masuk = {jenis.value: rencana.data(jenis) for jenis in Jenis}
    return storage.simpan(masuk, pengguna=pengguna, berkas=rencana.nama_berkas, sha256=rencana.sha256)


class CatatanDitolak(ValueError):
    """A meeting note that cannot be stored as typed; the message names the field and why."""


def simpan_catatan(
    storage: Storage, iku: Iku, tahun: int, triwulan: int, *, kendala: str, rencana_aksi: str, pic: str,
    tenggat: datetime.date | None, pengguna: str,
) -> Revisi:
    """Record the meeting's notes on one IKU and quarter, as a revision (who and when are kept).

    The notes travel as a realisasi row without a value, so the stored
    realisasi stays; the text fields are stored as typed (an emptied field
    becomes empty), a blank due date keeps the one stored. They follow the
    rules of an upload (so the meeting's own export uploads back): Word's line
    breaks become line breaks; other control characters or a text over the
    length limit raise ``CatatanDitolak`` naming the field, and nothing is stored.
    """
    teks = _teks_rapi({"kendala": kendala, "rencana_aksi": rencana_aksi, "pic": pic})
    baris = pd.DataFrame([{
        "tahun": tahun, "triwulan": triwulan, "kode_unit": iku.kode_unit, "kode_iku": iku.kode_iku,
        "realisasi": None, **teks, "tenggat": pd.Timestamp(tenggat) if tenggat else pd.NaT,
    }]).astype({"realisasi": "float64", "tenggat": "datetime64[ns]"})
    return storage.simpan({Jenis.REALISASI.value: baris}, pengguna=pengguna, berkas=t("dialog.berkas_catatan"),
                          sha256="")


def simpan_rapat(
    storage: Storage, kode_unit: str, tahun: int, triwulan: int, *, tanggal: datetime.date | None, tempat: str,
    pimpinan: str, peserta: str, arahan: str, pengguna: str,
) -> Revisi:
    """Record a Dialog Kinerja meeting's details and decisions (arahan) for a unit and quarter, as a revision.

    Stored as typed (an emptied field becomes empty), under the rules of the
    notes (``CatatanDitolak`` for control characters or a text too long).
    E.g. ``simpan_rapat(s, "KPPBCBOGOR", 2019, 3, tanggal=date(2019, 10, 2), tempat="Aula", pimpinan="Kepala
    Kantor", peserta="Kasi PKC\nKasi P2", arahan="Percepat penagihan", pengguna="Sekretaris")``.
    """
    teks = _teks_rapi({"tempat": tempat, "pimpinan": pimpinan, "peserta": peserta, "arahan": arahan})
    baris = pd.DataFrame([{
        "tahun": tahun, "triwulan": triwulan, "kode_unit": kode_unit,
        "tanggal": pd.Timestamp(tanggal) if tanggal else pd.NaT, **{k: v or None for k, v in teks.items()},
    }]).astype({"tanggal": "datetime64[ns]"})
    return storage.simpan({"rapat": baris}, pengguna=pengguna, berkas=t("dialog.berkas_rapat"), sha256="")


def _teks_rapi(teks: dict[str, str]) -> dict[str, str]:
    """Typed text as stored: Word's line breaks as line breaks, trimmed; refused (``CatatanDitolak``) naming the
    field when it holds control characters or is longer than its limit."""
    rapi = {}
    for kolom, isi in teks.items():
        isi = rapikan_teks(isi)
        batas = BATAS_PANJANG.get(kolom, BATAS_PANJANG_LAIN)
        if len(isi) > batas:
            raise CatatanDitolak(t("dialog.catatan_terlalu_panjang", kolom=t(f"kolom.{kolom}"), panjang=len(isi),
                                   batas=batas))
        if re.search(KENDALI_TERLARANG, isi):
            raise CatatanDitolak(t("dialog.catatan_kendali", kolom=t(f"kolom.{kolom}")))
        rapi[kolom] = isi
    return rapi


def muat_contoh(storage: Storage, folder: Path = FOLDER_CONTOH) -> bool:
    """Seed an empty store with the bundled sample data; False when it already holds data."""
    if not storage.kosong():
        return False
    rencana = rencanakan([(n, (folder / n).read_bytes()) for n in BERKAS_CONTOH], storage)
    if not rencana.sah:
        raise ValueError("data contoh tidak sah:\n" + "\n".join(map(str, rencana.kesalahan)))
    terapkan(rencana, storage, PENGGUNA_CONTOH)
    return True


def _masuk_per_tabel(berkas: list[Berkas]) -> dict[str, pd.DataFrame]:
    """The rows of every readable file, per table, with complete keys, tagged with their file and row."""
    masuk = {}
    for jenis in Jenis:
        bagian = [
            b.data.dropna(subset=KUNCI[jenis]).assign(_berkas=i)
            for i, b in enumerate(berkas) if b.jenis is jenis and not b.data.empty
        ]
        if bagian:
            masuk[jenis.value] = pd.concat(bagian, ignore_index=True)[["_berkas", "baris", *KOLOM[jenis]]]
    return masuk


def _duplikat_antar_berkas(berkas: list[Berkas], batas: int) -> tuple[list[Kesalahan], int]:
    """The same key in two files of one upload is as ambiguous as twice in one file (at most ``batas`` listed)."""
    kesalahan: list[Kesalahan] = []
    lain = 0
    for jenis in Jenis:
        bagian = [b.data.assign(berkas=b.nama) for b in berkas if b.jenis is jenis and not b.data.empty]
        if len(bagian) < 2:
            continue
        semua = pd.concat(bagian, ignore_index=True).dropna(subset=KUNCI[jenis])
        pertama = semua.drop_duplicates(subset=KUNCI[jenis])[[*KUNCI[jenis], "berkas", "baris"]]
        ulang = semua[semua.duplicated(subset=KUNCI[jenis])]
        ruang = max(batas - len(kesalahan), 0)
        lain += max(len(ulang) - ruang, 0)
        ulang = ulang.head(ruang).merge(pertama, on=KUNCI[jenis], suffixes=("", "_asal"))
        for r in ulang.itertuples():
            kunci = " / ".join(str(getattr(r, k)) for k in KUNCI[jenis])
            kesalahan.append(Kesalahan(r.berkas, t("galat.duplikat_berkas", kunci=kunci, berkas=r.berkas_asal,
                                                    baris_lain=r.baris_asal), int(r.baris)))
    return kesalahan, lain


def _periksa_siklus(berkas: list[Berkas], kode: KodeTersimpan, batas: int = 50) -> list[Kesalahan]:
    """Parent links that would make a cycle once the upload lands, each reported at an uploaded row on it.

    The stored tree with the uploaded units applied is walked; each cycle found
    is reported at the uploaded row that belongs to it, that link is set aside
    and the walk repeated, so several independent cycles are all named.
    """
    baris_unit = {}
    induk = dict(zip(kode.unit["kode_unit"], kode.unit["kode_induk"].astype(object).where(kode.unit["kode_induk"].notna(), None)))
    for b in berkas:
        if b.jenis is Jenis.UNIT and not b.data.empty:
            for r in b.data.dropna(subset=["kode_unit"]).itertuples():
                induk[r.kode_unit] = None if pd.isna(r.kode_induk) else r.kode_induk
                baris_unit[r.kode_unit] = (b.nama, int(r.baris))
    kesalahan: list[Kesalahan] = []
    while len(kesalahan) < batas:
        jalur = siklus(Unit(k, "", i) for k, i in induk.items())
        if jalur is None:
            break
        pelaku = next((k for k in jalur if k in baris_unit), jalur[0])
        mulai = jalur.index(pelaku)
        jalur = [*jalur[mulai:-1], *jalur[:mulai], pelaku]  # told from the uploaded unit, upwards
        nama, baris = baris_unit.get(pelaku, (berkas[0].nama, None))
        kesalahan.append(Kesalahan(nama, t("galat.induk_siklus", nilai=pelaku, jalur=" → ".join(jalur)), baris,
                                   "kode_induk"))
        induk[pelaku] = None
    return kesalahan


BATAS_SARAN = 50
"""Distinct unknown codes that get a 'mungkin maksudnya …' hint; beyond that the hints would cost more than
they help (a file of a million unknown codes is the wrong file, not a million typos)."""

BATAS_CALON_SARAN = 2000
"""Known codes a hint is searched among; a larger list is narrowed to the same unit and year first."""


def _saran(kode: str, dikenal: Sequence[str]) -> str:
    """' (mungkin maksudnya BGR-01?)' for the nearest known code, or nothing."""
    dikenal = list(dikenal)[:BATAS_CALON_SARAN]
    mirip = difflib.get_close_matches(kode, dikenal, n=1, cutoff=0.6) or difflib.get_close_matches(
        kode.upper(), [k.upper() for k in dikenal], n=1, cutoff=0.6
    )
    if not mirip:
        return ""
    asli = next(k for k in dikenal if k.upper() == mirip[0].upper())
    return t("galat.saran", kode=asli)


def _saran_iku(tahun: int, kode_unit: str, kode_iku: str, dikenal: pd.DataFrame) -> str:
    """A hint for an unknown IKU: the same code in another year or unit, else the nearest code of that unit-year."""
    sama = dikenal[dikenal["kode_iku"] == kode_iku]
    if not sama.empty:
        r = sama.iloc[0]
        return t("galat.saran_iku_lain", unit=r["kode_unit"], tahun=r["tahun"])
    satu_unit = dikenal[(dikenal["kode_unit"] == kode_unit) & (dikenal["tahun"] == tahun)]["kode_iku"]
    return _saran(kode_iku, sorted(set(satu_unit)) or sorted(set(dikenal["kode_iku"].dropna())))


def _tidak_dikenal(data: pd.DataFrame, dikenal: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    """Rows of ``data`` whose ``kunci`` is not among ``dikenal``'s."""
    data = data.dropna(subset=kunci)
    if data.empty:
        return data
    dikenal = dikenal[kunci].drop_duplicates().astype({k: data[k].dtype for k in kunci})
    gabung = data.merge(dikenal, on=kunci, how="left", indicator=True)
    return gabung[gabung["_merge"] == "left_only"]


class _Daftar:
    """Errors of the reference check, at most ``batas`` listed; the rest counted."""

    def __init__(self, batas: int) -> None:
        self.batas, self.isi, self.lain = batas, [], 0  # type: tuple[int, list[Kesalahan], int]

    def ruang(self, jumlah: int) -> int:
        """How many of ``jumlah`` new errors may be listed; the others are counted now."""
        muat = min(max(self.batas - len(self.isi), 0), jumlah)
        self.lain += jumlah - muat
        return muat


def _periksa_rujukan(berkas: list[Berkas], kode: KodeTersimpan, batas: int) -> tuple[list[Kesalahan], int]:
    """Every unit and IKU code named must be stored already or arrive in the same upload."""
    berkas = [b for b in berkas if not b.data.empty]
    unit = sorted({k for b in berkas if b.jenis is Jenis.UNIT for k in b.data["kode_unit"].dropna()}
                  | set(kode.unit["kode_unit"]))
    unit_dikenal = pd.DataFrame({"kode_unit": unit})
    iku_dikenal = pd.concat(
        [kode.iku, *(b.data[KUNCI[Jenis.IKU]] for b in berkas if b.jenis is Jenis.IKU)],
        ignore_index=True,
    )
    daftar = _Daftar(batas)
    for b in berkas:
        if b.jenis is Jenis.UNIT:
            induk = b.data.dropna(subset=["kode_induk"])
            asing = _tidak_dikenal(induk.rename(columns={"kode_unit": "_kode", "kode_induk": "kode_unit"}),
                                   unit_dikenal, ["kode_unit"])
            saran = _saran_per_kode(asing["kode_unit"], lambda k: _saran(k, unit))
            daftar.isi += [
                Kesalahan(b.nama, t("galat.induk_tidak_dikenal", nilai=r.kode_unit) + saran.get(r.kode_unit, ""),
                          r.baris, "kode_induk")
                for r in asing.head(daftar.ruang(len(asing))).itertuples()
            ]
        elif b.jenis is Jenis.IKU:
            asing = _tidak_dikenal(b.data, unit_dikenal, ["kode_unit"])
            saran = _saran_per_kode(asing["kode_unit"], lambda k: _saran(k, unit))
            daftar.isi += [
                Kesalahan(b.nama, t("galat.unit_tidak_dikenal", nilai=r.kode_unit) + saran.get(r.kode_unit, ""),
                          r.baris, "kode_unit")
                for r in asing.head(daftar.ruang(len(asing))).itertuples()
            ]
        elif b.jenis is Jenis.REALISASI:
            asing = _tidak_dikenal(b.data, iku_dikenal, KUNCI[Jenis.IKU])
            asing = asing.head(daftar.ruang(len(asing)))
            kelompok = asing[KUNCI[Jenis.IKU]].drop_duplicates().head(BATAS_SARAN)
            saran = {tuple(k): _saran_iku(*k, iku_dikenal) for k in kelompok.itertuples(index=False)}
            daftar.isi += [
                Kesalahan(b.nama, t("galat.iku_tidak_dikenal", nilai=r.kode_iku, unit=r.kode_unit, tahun=r.tahun)
                          + saran.get((r.tahun, r.kode_unit, r.kode_iku), ""), r.baris, "kode_iku")
                for r in asing.itertuples()
            ]
    return sorted(daftar.isi, key=lambda k: (k.berkas, k.baris or 0)), daftar.lain


def _saran_per_kode(kode: pd.Series, saran: Callable[[str], str]) -> dict[str, str]:
    """A hint for each of the first BATAS_SARAN distinct unknown codes."""
    return {k: saran(k) for k in kode.drop_duplicates().head(BATAS_SARAN)}


def _perubahan(b: Berkas, beda: pd.DataFrame) -> Perubahan:
    """The preview of one file from its rows compared with the store."""
    jenis = b.jenis
    assert jenis is not None
    nilai = [k for k in KOLOM[jenis] if k not in KUNCI[jenis]]
    beda = beda.sort_values("baris").reset_index(drop=True)
    rincian = _teks_rincian(beda, nilai, ~beda["baru"])
    perubahan = np.select([beda["baru"], beda["berubah"]], [t("perubahan.baru"), t("perubahan.berubah")],
                          t("perubahan.sama"))
    tabel = beda[["baris", *KUNCI[jenis], *nilai]].assign(perubahan=perubahan, rincian=rincian)
    return Perubahan(
        b.nama, jenis, baru=int(beda["baru"].sum()), berubah=int(beda["berubah"].sum()),
        sama=int((~beda["baru"] & ~beda["berubah"]).sum()), rincian=tabel,
    )


def _teks_rincian(beda: pd.DataFrame, nilai: list[str], dibandingkan: pd.Series) -> pd.Series:
    """Per row, 'kolom: lama → baru' for each value column that differs (rows in ``dibandingkan`` only)."""
    rincian = pd.Series("", index=beda.index, dtype=object)
    for k in nilai:
        berbeda = dibandingkan & _berbeda(beda[k], beda[f"{k}_lama"])
        teks = k + ": " + beda[f"{k}_lama"].map(angka).astype(str) + " → " + beda[k].map(angka).astype(str)
        rincian = rincian.where(~berbeda, rincian + np.where(rincian == "", "", "; ") + teks)
    return rincian


URUTAN_PRATINJAU = ("perubahan.berubah", "perubahan.baru", "perubahan.sama")
"""The order of the preview's rows: what changes what is stored first, then what is added, then the rest."""


def tabel_pratinjau(b: Berkas, p: Perubahan) -> pd.DataFrame:
    """The preview of one file as the upload page shows it, every cell in the user's words.

    Rows in ``URUTAN_PRATINJAU`` order; first what matters (baris, perubahan, the status change of a
    realisasi as '● Hijau → ■ Merah', rincian), then the file's columns under their own names, without
    the columns the file left entirely blank (they keep what is stored: not the file's to show).
    A date is written day first ('31/12/2019') and a missing value as '—'; numbers stay numbers, for the
    table to write the Indonesian way. E.g. a realisasi row with tenggat 2019-12-31 and no pic shows
    tenggat '31/12/2019' and pic '—'.
    """
    urutan = {t(k): i for i, k in enumerate(URUTAN_PRATINJAU)}
    rincian = p.rincian.sort_values("perubahan", key=lambda s: s.map(urutan), kind="stable")
    rincian = rincian.drop(columns=[k for k in rincian.columns if k in b.data and b.data[k].isna().all()])
    if "status_baru" in rincian:
        rincian = rincian.assign(status=[
            f"{label_status(Status(lama))} → {label_status(Status(baru))}" if lama else ""
            for lama, baru in zip(rincian.pop("status_lama"), rincian.pop("status_baru"))
        ])
    if "triwulan" in rincian:
        rincian = rincian.assign(triwulan=rincian["triwulan"].map(nama_triwulan))
    depan = [k for k in ("baris", "perubahan", "status", "rincian") if k in rincian]
    rincian = rincian[[*depan, *(k for k in rincian.columns if k not in depan)]]
    teks = [k for k in rincian.columns if not pd.api.types.is_numeric_dtype(rincian[k])]  # a yes/no is numeric
    rincian = rincian.assign(**{k: rincian[k].map(angka).astype(object) for k in teks})
    return rincian.rename(columns={k: t(f"kolom.{k}") for k in ("baris", "perubahan", "rincian", "status")})


def rincian_batal(tinjauan: TinjauanBatal) -> pd.DataFrame:
    """The rows an undo would change, for the confirmation: data, kunci, perubahan, rincian (old → new).

    A row the undo removes says *dihapus*; a changed row lists each value as
    'realisasi: 10 → 48,2' (what is stored now → what it will be).
    """
    bagian = []
    for nama, beda in tinjauan.rincian.items():
        if beda.empty:
            continue
        nilai = [k for k in KOLOM[nama] if k not in KUNCI[nama]]
        beda = beda.reset_index(drop=True)
        bagian.append(pd.DataFrame({
            "data": t(f"jenis.{nama}"),
            "kunci": beda[KUNCI[nama]].astype(str).agg(" / ".join, axis=1),  # as typed: a year is no amount
            "perubahan": np.where(beda["dihapus"], t("perubahan.dihapus"), t("perubahan.berubah")),
            "rincian": _teks_rincian(beda, nilai, ~beda["dihapus"]),
        }))
    if not bagian:
        return pd.DataFrame(columns=["data", "kunci", "perubahan", "rincian"])
    return pd.concat(bagian, ignore_index=True)


def _berbeda(a: pd.Series, b: pd.Series) -> pd.Series:
    """Element-wise inequality where two missing values are equal."""
    return ~((a.isna() & b.isna()) | (a.astype(object) == b.astype(object)).fillna(False).astype(bool))


def _tandai_perubahan_status(rencana: RencanaImpor, storage: Storage) -> None:
    """Add status_lama → status_baru to new and changed realisasi rows: e.g. kuning → hijau in TW III."""
    daftar = [p for p in rencana.perubahan if p.jenis is Jenis.REALISASI]
    if not daftar:
        return
    semua = pd.concat([p.rincian.assign(nomor_berkas=i) for i, p in enumerate(daftar)], ignore_index=True)
    tersentuh = semua[semua["perubahan"] != t("perubahan.sama")].head(BATAS_STATUS_PRATINJAU)
    if tersentuh.empty:
        return
    status: dict[tuple[object, ...], tuple[str, str]] = {}
    for tahun, baris_tahun in tersentuh.groupby("tahun"):
        # only the IKU these rows belong to are scored, with every uploaded row of theirs applied
        dipakai = baris_tahun[["kode_unit", "kode_iku"]].drop_duplicates()
        snap = storage.baca(int(tahun))
        iku = pd.concat([snap.iku, rencana.data(Jenis.IKU).query("tahun == @tahun")], ignore_index=True)
        iku = iku.drop_duplicates(subset=KUNCI[Jenis.IKU], keep="last").merge(dipakai)
        definisi = {(i.kode_unit, i.kode_iku): i for i in scores.iku_dari_tabel(iku)}
        lama = scores.realisasi_per_iku(snap.realisasi.merge(dipakai))
        baru = {k: list(v) for k, v in lama.items()}
        baru_tahun = semua[semua["tahun"] == tahun].merge(dipakai)
        for r in baru_tahun.itertuples():
            baru.setdefault((r.kode_unit, r.kode_iku), [None] * 4)[int(r.triwulan) - 1] = (
                None if pd.isna(r.realisasi) else float(r.realisasi))
        for r in baris_tahun.itertuples():
            kunci = (r.kode_unit, r.kode_iku)
            if kunci not in definisi:  # its IKU was undone by another process since the check: no light to
                continue  # show; the commit re-checks the reference and refuses the upload whole
            sebelum = nilai_iku(definisi[kunci], lama.get(kunci, (None,) * 4), int(r.triwulan)).status.value
            sesudah = nilai_iku(definisi[kunci], tuple(baru[kunci]), int(r.triwulan)).status.value
            status[(r.nomor_berkas, r.baris)] = (sebelum, sesudah)
    for i, p in enumerate(daftar):
        pasangan = [status.get((i, b), ("", "")) for b in p.rincian["baris"]]
        p.rincian["status_lama"] = [s for s, _ in pasangan]
        p.rincian["status_baru"] = [s for _, s in pasangan]
