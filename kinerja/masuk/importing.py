"""Upload → read → check against the store → preview → commit as a revision.

``rencanakan`` reads a set of files (any mix of unit, IKU and realisasi) and
checks them together with what is stored, so an upload may bring a new IKU
and its realisasi at once. It returns a plan: every error at once, and per
file the rows that are new, changed (old → new, with the traffic-light change
a realisasi causes) or unchanged. ``terapkan`` commits a plan without errors
in one transaction, as one revision. Nothing is written before that.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import itertools
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from kinerja import scores
from kinerja.aturan_unggah import batas_dilanggar, deklarasi_batas, nama_komponen
from kinerja.masuk.keluaran import per_nilai_kolom
from kinerja.masuk.kode import kerangka, samakan_kode
from kinerja.masuk.loading import BATAS_KESALAHAN, TARGET, Berkas, Jenis, Kesalahan, baca_semua, periksa_batas
from kinerja.masuk.perbandingan import Beda, masuk_berkas
from kinerja.pesan import Pesan
from kinerja.store import KOLOM, KUNCI, KodeTersimpan, Revisi, Storage, TinjauanBatal, hari_ini
from kinerja.store.baca import Bacaan
from kinerja.store.tahap import butir_terkunci
from kinerja.texts import ROMAWI, angka, label_status, nama_triwulan, t, uraian_realisasi_komponen
from kinerja_core import kaskade
from kinerja_core.akses import PERAN_TULIS, SEMUA, Hibah, Pelaku, Peran, berhak
from kinerja_core.capaian import nilai_iku
from kinerja_core.komponen import RumusTidakSah, baca_rumus
from kinerja_core.model import Perspektif, Status
from kinerja_core.siklus import KOLOM_TERKUNCI, AkibatTulis, Keadaan
from kinerja_core.unit import Unit, siklus

FOLDER_CONTOH = Path(__file__).resolve().parents[2] / "data"
BERKAS_CONTOH = ("unit.csv", "iku.csv", "realisasi.csv", "komponen.csv")
PENGGUNA_CONTOH = "data contoh"

BATAS_STATUS_PRATINJAU = 5000
"""The preview computes the traffic-light change for at most this many new or changed realisasi rows."""


@dataclass
class Perubahan:
    """What one file would change: counts and a row-by-row table for the preview.

    The counts are exact at once; the table (``rincian``) is written only when
    something reads it, the first time: a command-line import of 300 000 rows
    never words 300 000 'realisasi: 48,2 → 10'.
    """

    berkas: str
    jenis: Jenis
    baru: int
    berubah: int
    sama: int
    beda: Beda = field(repr=False)
    """The file's rows against the store (``Beda``): what ``rincian`` is made of."""
    status: _StatusPratinjau | None = field(default=None, repr=False)
    """For realisasi: the light each new or changed row turns (None: no status columns)."""
    nomor_realisasi: int = 0
    """This file's place among the upload's realisasi files (how ``status`` names its rows)."""
    realisasi_dihitung: dict[int, str] | None = field(default=None, repr=False)
    """For komponen: per row, the realisasi its IKU's quarter computes to once the upload lands, with its komponen
    in words ('96,2 (481 tepat waktu dari 500 layanan)'), '—' first while a komponen is missing."""

    def ringkas(self) -> str:
        return t("unggah.ringkas", baru=self.baru, berubah=self.berubah, sama=self.sama)

    @functools.cached_property
    def rincian(self) -> pd.DataFrame:
        """baris, the key columns, the values as they will be stored, perubahan, rincian (old → new)
        and, for realisasi, status_lama / status_baru of the IKU in that quarter."""
        kunci = KUNCI[self.jenis]
        nilai = [k for k in KOLOM[self.jenis] if k not in kunci]
        beda = self.beda.lengkap().sort_values("baris").reset_index(drop=True)
        perubahan = np.select([beda["baru"], beda["berubah"]], [t("perubahan.baru"), t("perubahan.berubah")],
                              t("perubahan.sama"))
        tabel = beda[["baris", *kunci, *nilai]].assign(perubahan=perubahan,
                                                       rincian=_teks_rincian(beda, nilai, ~beda["baru"]))
        if self.status is not None:
            status = self.status.untuk(self.nomor_realisasi)
            lama, baru = np.full(len(tabel), "", dtype=object), np.full(len(tabel), "", dtype=object)
            if status:  # the rows are in row order: each row with a light found by its number
                posisi = np.searchsorted(tabel["baris"].to_numpy(), np.fromiter(status, dtype=np.int64))
                lama[posisi], baru[posisi] = zip(*status.values())
            tabel["status_lama"], tabel["status_baru"] = pd.array(lama, dtype="str"), pd.array(baru, dtype="str")
        if self.realisasi_dihitung is not None:
            tabel["realisasi_dihitung"] = tabel["baris"].map(self.realisasi_dihitung).fillna("").astype(str)
        return tabel


@dataclass
class RencanaImpor:
    """The checked upload: what would change, or why it cannot be stored."""

    berkas: list[Berkas]
    sha256: str
    kesalahan: list[Kesalahan] = field(default_factory=list)
    perubahan: list[Perubahan] = field(default_factory=list)
    kesalahan_lain: int = 0
    peringatan: list[Pesan] = field(default_factory=list)
    """What may be a mistake but cannot be refused (a percentage typed as a fraction, a sasaran strategis under
    two perspektif): said in the preview, naming the rows; never corrected, and stored only on confirmation."""

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
        return _data(self.berkas, jenis)


def _data(berkas: list[Berkas], jenis: Jenis) -> pd.DataFrame:
    """All rows of one kind across ``berkas``, with the stored columns."""
    bagian = [b.data for b in berkas if b.jenis is jenis and not b.data.empty]
    if not bagian:
        return pd.DataFrame(columns=KOLOM[jenis])
    return pd.concat(bagian, ignore_index=True)[KOLOM[jenis]]


def sidik(berkas: Sequence[tuple[str, bytes]]) -> str:
    """sha256 of an upload: of the file's bytes, or of each file's in order for several files."""
    hasil = [hashlib.sha256(isi).hexdigest() for _, isi in berkas]
    return hasil[0] if len(hasil) == 1 else hashlib.sha256(" ".join(hasil).encode()).hexdigest()


def rencanakan(berkas: Sequence[tuple[str, bytes]], storage: Storage, pelaku: Pelaku | None = None, *,
               catat_penolakan: bool = True) -> RencanaImpor:
    """Read every file and check it, alone and against the store; report every problem; write nothing.

    Codes are first matched to the stored ones (case never makes a new unit or
    IKU; a new look-alike code is refused). With ``pelaku``, every row whose
    unit the person may not write is refused by its row (the commit checks the
    grants again), and the refusal is written to the audit trail (unless
    ``catat_penolakan`` is false: a page showing the same upload again).
    Errors are capped at ``BATAS_KESALAHAN`` in all; the rest are counted,
    never listed one by one.

    The store is read once, in one read transaction (``Storage.membaca``): the codes, the rows compared, the stored
    IKU, realisasi and komponen every check and the preview ask about, and the grants (``_Tersimpan``); the checks
    then run on what was read. The rules the commit applies again are ``kinerja.aturan_unggah``'s.
    """
    tolak = [k for nama, isi in berkas for k in periksa_batas(nama, isi)]
    if tolak:  # a file past a limit (size, rows, a zip's declared sizes): refused before any file is read
        return RencanaImpor([Berkas(nama, None, pd.DataFrame(), [k for k in tolak if k.berkas == nama])
                             for nama, _ in berkas], sidik(berkas), tolak)
    terbaca = [b for bagian in _baca_berkas(berkas) for b in bagian]  # a workbook: one part per sheet
    rencana = RencanaImpor(
        terbaca, sidik(berkas),
        [k for b in terbaca for k in b.kesalahan],
        kesalahan_lain=sum(b.kesalahan_lain for b in terbaca),
    )
    perubahan: list[Perubahan] = []
    with storage.membaca() as baca:  # one read of the store, one moment of it, for every check and the preview
        kode = baca.kode()
        rencana.tambah(*samakan_kode(terbaca, kode, BATAS_KESALAHAN))  # the codes settled before the rows compare
        rencana.tambah(*_duplikat_antar_berkas(terbaca, BATAS_KESALAHAN))
        rencana.tambah(_periksa_siklus(terbaca, kode), 0)
        beda = _bandingkan(baca, terbaca)
        tahap = _tersentuh_tahap(beda)
        triwulan_unit = _triwulan_unit(beda, tahap)
        akibat = baca.akibat_tulis(triwulan_unit, hari_ini()) if triwulan_unit else {}
        if rencana.sah:  # the preview is read only for an upload that may still be stored
            perubahan = [_perubahan(b, beda[i]) for i, b in enumerate(terbaca) if b.jenis is not None]
        tersimpan = _Tersimpan.baca(baca, kode, terbaca, perubahan, pelaku)
    rencana.tambah(*_periksa_rujukan(terbaca, kode, BATAS_KESALAHAN))
    rencana.tambah(_periksa_kaskade(terbaca, kode), 0)
    rencana.tambah(_periksa_komponen(terbaca, kode), 0)
    rencana.tambah(*_periksa_batas_nilai(terbaca, tersimpan, BATAS_KESALAHAN))
    rencana.tambah(*_periksa_tahap(terbaca, beda, tahap, akibat, BATAS_KESALAHAN))
    if pelaku is not None:
        tolak, lain, unit_tolak = _periksa_hak(terbaca, kode, tersimpan.hibah, BATAS_KESALAHAN)
        rencana.tambah(tolak, lain)
        if unit_tolak and catat_penolakan:
            storage.catat_penolakan(pelaku, Pesan.jamak("jejak.unggah_ditolak", len(tolak) + lain,
                                                        {"berkas": rencana.nama_berkas}), unit_tolak)
    urutan = {b.nama: i for i, b in enumerate(terbaca)}
    rencana.kesalahan.sort(key=lambda k: (urutan.get(k.berkas, 0), k.baris or 0))
    if rencana.sah:
        rencana.perubahan = perubahan
        _tandai_perubahan_status(rencana, tersimpan)
        _hitung_realisasi_komponen(rencana, tersimpan)
        _catat_realisasi_tergantikan(rencana, tersimpan)
        rencana.peringatan = [*_persen_pecahan(rencana, tersimpan), *_sasaran_lintas(rencana, tersimpan),
                              *_minimum_pada_minimize(rencana)]
    return rencana


_KUNCI_IKU = KUNCI[Jenis.IKU]


def _bandingkan(baca: Bacaan, berkas: list[Berkas]) -> dict[int, Beda]:
    """Each readable file's rows against the store, by the file's place in ``berkas``: one comparison per file (a
    key is in one file only, ``_duplikat_antar_berkas``), no file's rows copied to compare them."""
    beda = {}
    for i, b in enumerate(berkas):
        if b.jenis is None:
            continue
        nama = b.jenis.value
        if b.data.empty:
            beda[i] = Beda(nama, pd.DataFrame(columns=["baris", *KOLOM[nama]]), None)
            continue
        data = masuk_berkas(b.data, nama)
        beda[i] = Beda(nama, data, baca.kembar(nama, data))
    return beda


def _tersentuh_tahap(beda: dict[int, Beda]) -> dict[int, np.ndarray]:
    """Per realisasi and komponen file, its rows that change what a final quarter locks (``siklus.KOLOM_TERKUNCI``):
    new rows, or rows whose value there differs from the stored one (as positions in ``Beda.data``)."""
    tersentuh = {}
    for i, d in beda.items():
        kolom = KOLOM_TERKUNCI.get(d.nama)
        if kolom is None or not len(d):
            continue
        ubah = d.baru.copy()
        if len(d.posisi):
            kembar = d.kembar_pandas([k for c in kolom for k in (c, f"{c}_lama")])
            beda_nilai = np.zeros(len(kembar), dtype=bool)
            for k in kolom:
                beda_nilai |= _berbeda(kembar[k], kembar[f"{k}_lama"]).to_numpy(bool)
            ubah[d.posisi[beda_nilai]] = True
        if ubah.any():
            tersentuh[i] = np.flatnonzero(ubah)
    return tersentuh


_KOLOM_TAHAP = ["tahun", "triwulan", "kode_unit"]


def _triwulan_unit(beda: dict[int, Beda], tersentuh: dict[int, np.ndarray]) -> set[tuple[int, int, str]]:
    """The (tahun, triwulan, kode_unit) the rows of ``tersentuh`` touch: deduplicated as columns first, so only the
    few thousand distinct quarters of a ministry's 300 000 rows are walked one by one."""
    bagian = [beda[i].data[_KOLOM_TAHAP].iloc[posisi].drop_duplicates() for i, posisi in tersentuh.items()]
    if not bagian:
        return set()
    kolom = pd.concat(bagian, ignore_index=True).astype({"tahun": int, "triwulan": int}).drop_duplicates()
    return set(kolom.itertuples(index=False, name=None))


def _periksa_tahap(berkas: list[Berkas], beda: dict[int, Beda], tersentuh: dict[int, np.ndarray],
                   akibat: dict[tuple[int, int, str], tuple[Keadaan, AkibatTulis | None]],
                   batas: int) -> tuple[list[Kesalahan], int]:
    """Rows that change a quarter the cycle has locked (final, or past the deadline where the installation locks
    there) are refused by their row, naming the stage; a submitted or verified quarter the upload changes is said
    in a notice of its file: it goes back to draf (the commit decides again, with the same rule)."""
    if all(a is None for _, a in akibat.values()):  # the usual upload: no quarter locked, none sent back
        return [], 0
    salah: list[Kesalahan] = []
    kembali: dict[int, set[tuple[int, int, str]]] = {}
    for i, posisi in tersentuh.items():
        baris = beda[i].data[["baris", *_KOLOM_TAHAP]].iloc[posisi]
        for n, th, q, u in baris.itertuples(index=False, name=None):
            th, q = int(th), int(q)
            keadaan, a = akibat.get((th, q, u), (Keadaan(), None))
            if a in (AkibatTulis.FINAL, AkibatTulis.LEWAT_TENGGAT):
                isian = butir_terkunci(th, q, u, a, keadaan).isian
                salah.append(Kesalahan(berkas[i].nama, Pesan("galat.triwulan_terkunci", isian), int(n), None, u))
            elif a is AkibatTulis.KEMBALI_DRAF:
                kembali.setdefault(i, set()).add((th, q, u))
    for i, daftar in kembali.items():
        for th, q, u in sorted(daftar):
            berkas[i].catatan.append(Pesan("unggah.kembali_draf", {
                "unit": u, "triwulan": Pesan("triwulan.nama", {"romawi": ROMAWI[q]}), "tahun": th,
                "tahap": Pesan(f"tahap.{akibat[(th, q, u)][0].tahap.value}")}))
    salah.sort(key=lambda k: (k.berkas, k.baris or 0))
    return salah[:batas], max(len(salah) - batas, 0)


@dataclass(frozen=True)
class _Tersimpan:
    """What the checks and the preview of one upload read of the store, in one read transaction
    (``Storage.membaca``): the codes, the stored IKU and realisasi of every IKU key any of them asks about
    (``iku_dan_realisasi`` answers each from these, as the store would have), the stored komponen of the uploaded
    komponen's IKU, and the writer's grants (None: no limit)."""

    kode: KodeTersimpan
    iku: pd.DataFrame
    realisasi: pd.DataFrame
    komponen: pd.DataFrame
    hibah: list[Hibah] | None

    @classmethod
    def baca(cls, baca: Bacaan, kode: KodeTersimpan, berkas: list[Berkas], perubahan: list[Perubahan],
             pelaku: Pelaku | None) -> _Tersimpan:
        """Read, in the open transaction ``baca``, what the checks of ``berkas`` and the preview of ``perubahan``
        (empty: no preview) will ask for."""
        diminta = [_kunci_batas_nilai(berkas)]
        if perubahan:
            diminta += [_kunci_status(perubahan), _kunci_tergantikan(perubahan), _kunci_persen_pecahan(berkas),
                        _kunci_sasaran_lintas(berkas, kode)]
        kunci = [k[_KUNCI_IKU].dropna() for k in diminta if k is not None and not k.empty]
        if kunci:
            iku, realisasi = baca.iku_dan_realisasi(pd.concat(kunci, ignore_index=True).drop_duplicates())
        else:
            iku, realisasi = pd.DataFrame(columns=KOLOM["iku"]), pd.DataFrame(columns=KOLOM["realisasi"])
        kunci_komponen = _kunci_komponen(perubahan)
        komponen = (baca.komponen_iku(kunci_komponen) if kunci_komponen is not None
                    else pd.DataFrame(columns=KOLOM["komponen"]))
        return cls(kode, iku, realisasi, komponen, baca.hak(pelaku) if pelaku is not None else None)

    def iku_dan_realisasi(self, kunci: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The stored IKU with these keys and their realisasi, as ``Storage.iku_dan_realisasi`` answers (keys asked
        when the store was read)."""
        return _dengan_kunci(self.iku, kunci), _dengan_kunci(self.realisasi, kunci)


def _dengan_kunci(data: pd.DataFrame, kunci: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``data`` whose IKU key is among ``kunci``'s, in their order, numbered afresh."""
    kunci = kunci[_KUNCI_IKU].dropna()
    if data.empty or kunci.empty:
        return data.iloc[:0].reset_index(drop=True)
    return data[_kunci_di(data[_KUNCI_IKU], kunci)].reset_index(drop=True)


_KUNCI_REALISASI = ["tahun", "triwulan", "kode_unit", "kode_iku"]


def _kunci_batas_nilai(berkas: list[Berkas]) -> pd.DataFrame | None:
    """The IKU keys ``_periksa_batas_nilai`` looks up: of every realisasi and IKU row, when a realisasi is uploaded
    or an uploaded IKU declares a bound (None: nothing to check)."""
    realisasi = [b for b in berkas if b.jenis is Jenis.REALISASI and not b.data.empty]
    iku_baru = [b for b in berkas if b.jenis is Jenis.IKU and not b.data.empty]
    if not realisasi and not any((b.data["batas_bawah"].notna() | b.data["bilangan_bulat"]).any() for b in iku_baru):
        return None
    return pd.concat([b.data[_KUNCI_IKU] for b in (*realisasi, *iku_baru)]).drop_duplicates()


def _periksa_batas_nilai(berkas: list[Berkas], tersimpan: _Tersimpan, batas: int) -> tuple[list[Kesalahan], int]:
    """Values outside what their IKU declares they can be (``batas_bawah``, ``bilangan_bulat`` in iku.csv), so that
    "sudah pasti" and what is still needed hold: a realisasi below the bound or not whole is refused by its row,
    and so is an IKU row whose new declaration a stored realisasi (not replaced by this upload) breaks. The IKU
    uploaded alongside decide over the stored ones. The commit checks again inside its transaction."""
    realisasi = [b for b in berkas if b.jenis is Jenis.REALISASI and not b.data.empty]
    iku_baru = [b for b in berkas if b.jenis is Jenis.IKU and not b.data.empty]
    kolom = [*KUNCI[Jenis.IKU], "batas_bawah", "bilangan_bulat"]
    berbatas = [b.data[b.data["batas_bawah"].notna() | b.data["bilangan_bulat"]] for b in iku_baru]
    if not realisasi and not any(len(d) for d in berbatas):
        return [], 0
    kunci = _kunci_batas_nilai(berkas)
    assert kunci is not None
    iku_tersimpan, lapor = tersimpan.iku_dan_realisasi(kunci)
    iku = pd.concat([iku_tersimpan.reindex(columns=kolom), *(b.data[kolom] for b in iku_baru)], ignore_index=True
                    ).drop_duplicates(KUNCI[Jenis.IKU], keep="last")
    iku = deklarasi_batas(iku)  # the rule the commit applies too (``aturan_unggah``)
    if iku.empty:
        return [], 0

    salah: list[Kesalahan] = []
    for b in realisasi:
        d = b.data[b.data["realisasi"].notna()].merge(iku, on=KUNCI[Jenis.IKU])
        bawah, pecahan = batas_dilanggar(d)
        salah += [Kesalahan(b.nama, Pesan("galat.realisasi_di_bawah_batas", {
                      "nilai": float(r.realisasi), "batas": float(r.batas_bawah)}), int(r.baris), "realisasi",
                            float(r.realisasi)) for r in d[bawah].itertuples()]
        salah += [Kesalahan(b.nama, Pesan("galat.realisasi_tidak_bulat", {"nilai": float(r.realisasi)}), int(r.baris),
                            "realisasi", float(r.realisasi)) for r in d[pecahan & ~bawah].itertuples()]
    diganti = pd.concat([b.data.loc[b.data["realisasi"].notna(), _KUNCI_REALISASI] for b in realisasi]
                        + [pd.DataFrame(columns=_KUNCI_REALISASI)], ignore_index=True)
    lapor = lapor[lapor["realisasi"].notna()].merge(diganti.astype(lapor[_KUNCI_REALISASI].dtypes.to_dict()),
                                                      on=_KUNCI_REALISASI, how="left", indicator=True)
    lapor = lapor[lapor["_merge"] == "left_only"][[*_KUNCI_REALISASI, "realisasi"]]
    for b, d in zip(iku_baru, berbatas):
        d = d[["baris", *KUNCI[Jenis.IKU], "batas_bawah", "bilangan_bulat"]].merge(lapor, on=KUNCI[Jenis.IKU])
        bawah, pecahan = batas_dilanggar(d)
        salah += [Kesalahan(b.nama, Pesan("galat.batas_dilanggar_tersimpan", {
                      "triwulan": _triwulan(r.triwulan), "nilai": float(r.realisasi)}), int(r.baris),
                            *(("batas_bawah", float(r.batas_bawah)) if lebih_rendah else ("bilangan_bulat", True)))
                  for r, lebih_rendah in zip(d[bawah | pecahan].itertuples(), bawah[bawah | pecahan])]
    salah.sort(key=lambda k: (k.berkas, k.baris or 0))
    return salah[:batas], max(len(salah) - batas, 0)


def _triwulan(triwulan: int) -> Pesan:
    """A quarter's name as a message ('TW III' for 3, as ``texts.nama_triwulan`` words it)."""
    return Pesan("triwulan.nama", {"romawi": ROMAWI[int(triwulan)]})


def _daftar(butir: list[object], jumlah: int) -> Pesan:
    """The first ``BATAS_BARIS_PERINGATAN`` of ``jumlah`` items, joined with ', ', and how many more."""
    return Pesan.daftar(butir, max(jumlah - BATAS_BARIS_PERINGATAN, 0))


def _minimum_pada_minimize(rencana: RencanaImpor) -> list[Pesan]:
    """One warning per iku file naming the minimize IKU whose ``agregasi_anak`` is ``minimum``: the smallest value
    is the best office there, not the worst (``terburuk`` is). Allowed: it may be what is meant."""
    pesan = []
    for b in rencana.berkas:
        if b.jenis is not Jenis.IKU or b.data.empty or "agregasi_anak" not in b.data:
            continue
        d = b.data[(b.data["agregasi_anak"] == kaskade.Agregasi.MINIMUM.value).to_numpy(bool)]
        d = d[(d["polaritas"].map(lambda v: getattr(v, "value", v)) == "minimize").to_numpy(bool)]  # those rows only
        if d.empty:
            continue
        daftar = _daftar([f"{u} {i}" for u, i in zip(d["kode_unit"].head(BATAS_BARIS_PERINGATAN),
                                                    d["kode_iku"].head(BATAS_BARIS_PERINGATAN))], len(d))
        pesan.append(Pesan("peringatan.minimum_minimize", {"berkas": b.nama, "daftar": daftar}))
    return pesan


BATAS_BARIS_PERINGATAN = 10
"""How many rows a warning names; the rest are counted."""


def _satuan_persen(satuan: object) -> bool:
    """'%', 'persen', 'persentase (%)', 'percent': a satuan whose values are percentages."""
    return isinstance(satuan, str) and bool(re.search(r"%|persen|percent", satuan, re.IGNORECASE))


def _calon_persen(berkas: list[Berkas]) -> dict[int, pd.DataFrame]:
    """Per realisasi file (by ``id``), its rows whose value could be a percentage typed as a fraction (0 < |v| ≤ 2)."""
    return {id(b): b.data[b.data["realisasi"].notna() & (b.data["realisasi"].abs() <= 2) & (b.data["realisasi"] != 0)]
            for b in berkas if b.jenis is Jenis.REALISASI and not b.data.empty}


def _kunci_persen_pecahan(berkas: list[Berkas]) -> pd.DataFrame | None:
    """The IKU keys ``_persen_pecahan`` looks up."""
    calon = _calon_persen(berkas)
    return pd.concat([c[_KUNCI_IKU] for c in calon.values()], ignore_index=True).drop_duplicates() if calon else None


def _persen_pecahan(rencana: RencanaImpor, tersimpan: _Tersimpan) -> list[Pesan]:
    """One warning per realisasi file naming the rows of a percent IKU whose value is about a hundredth of that
    quarter's target (0,72 against 75): a percentage typed as a fraction, or an Excel percent cell exported
    as its fraction. Never corrected: the value may be right (a target of 75 % reached at 0,72 %)."""
    bagian = [b for b in rencana.berkas if b.jenis is Jenis.REALISASI and not b.data.empty]
    if not bagian:
        return []
    calon = _calon_persen(bagian)
    kunci = pd.concat([c[KUNCI[Jenis.IKU]] for c in calon.values()], ignore_index=True).drop_duplicates()
    if kunci.empty:
        return []
    iku, _ = tersimpan.iku_dan_realisasi(kunci)
    kolom = [*KUNCI[Jenis.IKU], "satuan", *TARGET]
    iku = pd.concat([iku.reindex(columns=kolom), rencana.data(Jenis.IKU).reindex(columns=kolom)],
                    ignore_index=True).drop_duplicates(
        KUNCI[Jenis.IKU], keep="last")  # an IKU uploaded with the realisasi: its own satuan and targets
    persen = per_nilai_kolom(iku["satuan"], lambda satuan: [_satuan_persen(v) for v in satuan])  # once per satuan
    iku = iku.loc[persen.astype(bool)]  # an empty object mask would pick columns
    pesan = []
    for b in bagian:
        c = calon[id(b)].merge(iku, on=KUNCI[Jenis.IKU], how="inner")
        if c.empty:
            continue
        target = pd.Series(c[list(TARGET)].to_numpy(dtype=float)[np.arange(len(c)), c["triwulan"].to_numpy(int) - 1],
                           index=c.index)  # each row's own quarter's target
        rasio = c["realisasi"] * 100 / target
        curiga = c[(target.abs() >= 5) & (rasio >= 0.5) & (rasio <= 2)].sort_values("baris")
        if curiga.empty:
            continue
        daftar = _daftar([Pesan("peringatan.baris_persen", {
            "baris": int(r.baris), "kode_iku": r.kode_iku, "triwulan": _triwulan(r.triwulan),
            "nilai": float(r.realisasi), "target": float(target[i])}) for i, r in curiga.head(BATAS_BARIS_PERINGATAN).iterrows()],
            len(curiga))
        pesan.append(Pesan("peringatan.persen_pecahan", {"berkas": b.nama, "daftar": daftar}))
    return pesan


def _kunci_sasaran_lintas(berkas: list[Berkas], kode: KodeTersimpan) -> pd.DataFrame | None:
    """The stored IKU ``_sasaran_lintas`` looks at: those of the units and years of the uploaded IKU."""
    baru = _data(berkas, Jenis.IKU)
    if baru.empty:
        return None
    return kode.iku[_KUNCI_IKU].merge(baru[["tahun", "kode_unit"]].drop_duplicates(), on=["tahun", "kode_unit"])


def _sasaran_lintas(rencana: RencanaImpor, tersimpan: _Tersimpan) -> list[Pesan]:
    """One warning per sasaran strategis of a unit and year that the upload leaves under more than one perspektif
    (with the unit's stored IKU of that year): allowed, and the Peta Strategi shows it under each, but usually a
    slip. The first ``BATAS_BARIS_PERINGATAN`` are named, in order of year, unit and sasaran; the rest are counted
    in one more warning (a ministry's upload may have tens of thousands)."""
    kolom = [*KUNCI[Jenis.IKU], "sasaran_strategis", "perspektif"]
    bagian = [b.data[kolom] for b in rencana.berkas if b.jenis is Jenis.IKU and not b.data.empty]
    if not bagian:
        return []
    baru = pd.concat(bagian, ignore_index=True)  # the columns it asks about, not every IKU column of every file
    lain = _kunci_sasaran_lintas(rencana.berkas, tersimpan.kode)
    assert lain is not None
    iku = tersimpan.iku_dan_realisasi(lain)[0][kolom] if not lain.empty else pd.DataFrame(columns=kolom)
    semua = pd.concat([iku, baru], ignore_index=True).drop_duplicates(KUNCI[Jenis.IKU], keep="last")
    semua = semua[semua["sasaran_strategis"].fillna("").astype(str).str.strip() != ""]
    urutan = {p.value: i for i, p in enumerate(Perspektif)}
    kelompok = ["tahun", "kode_unit", "sasaran_strategis"]
    # IKU per sasaran and perspektif, counted at once: a ministry's upload has tens of thousands of sasaran
    hitung = semua.groupby([*kelompok, "perspektif"], sort=False).size().rename("n").reset_index()
    hitung = hitung[hitung.groupby(kelompok, sort=False)["perspektif"].transform("size") > 1]
    if hitung.empty:
        return []
    urut = per_nilai_kolom(hitung["perspektif"], lambda p: p.map(urutan).fillna(len(urutan))).astype(float)
    hitung = hitung.assign(_urut=urut).sort_values([*kelompok, "_urut"], kind="stable")
    # each sasaran's place among them (rows of one sasaran are adjacent once sorted): only the first are worded
    nomor = hitung[kelompok].ne(hitung[kelompok].shift()).any(axis=1).cumsum().to_numpy()
    jumlah = int(nomor[-1])
    pesan = []
    for (tahun, unit, sasaran), baris in itertools.groupby(
            hitung[nomor <= BATAS_BARIS_PERINGATAN].itertuples(index=False),
            key=lambda r: (r.tahun, r.kode_unit, r.sasaran_strategis)):
        pesan.append(Pesan("peringatan.sasaran_lintas", {
            "sasaran": sasaran, "unit": unit, "tahun": int(tahun),
            "perspektif": ", ".join(f"{r.perspektif} ({r.n} IKU)" for r in baris)}))
    if jumlah > BATAS_BARIS_PERINGATAN:
        pesan.append(Pesan.jamak("peringatan.sasaran_lintas_lain", jumlah - BATAS_BARIS_PERINGATAN))
    return pesan


BATAS_BACA_BERSAMA = 1 << 20
"""An upload of several files larger than this (bytes) has its files read two at a time."""


def _baca_berkas(berkas: Sequence[tuple[str, bytes]]) -> list[list[Berkas]]:
    """Each file read and checked on its own (``baca_semua``), in upload order.

    A large upload's files are read two at a time, the largest first: the checks are whole-column work in
    pandas and Arrow, which leaves Python's interpreter lock, so a ministry's IKU file is read on the second
    core while its realisasi file is read on the first.
    """
    if len(berkas) < 2 or sum(len(isi) for _, isi in berkas) < BATAS_BACA_BERSAMA:
        return [baca_semua(nama, isi) for nama, isi in berkas]
    urutan = sorted(range(len(berkas)), key=lambda i: -len(berkas[i][1]))
    with ThreadPoolExecutor(max_workers=2) as kerja:
        hasil = {i: kerja.submit(baca_semua, *berkas[i]) for i in urutan}
        return [hasil[i].result() for i in range(len(berkas))]


def terapkan(rencana: RencanaImpor, storage: Storage, pelaku: Pelaku) -> Revisi:
    """Commit a checked plan in one transaction, as one revision (the grants checked again there)."""
    if not rencana.sah:
        raise ValueError("rencana impor berisi kesalahan; tidak ada yang disimpan")
    # each file's rows as they are (handed to the database side by side): a ministry's upload is not copied to be stored
    masuk = {j.value: [b.data for b in rencana.berkas if b.jenis is j and not b.data.empty] for j in Jenis}
    return storage.simpan(masuk, pelaku=pelaku, berkas=rencana.nama_berkas, sha256=rencana.sha256)


def muat_contoh(storage: Storage, folder: Path = FOLDER_CONTOH) -> bool:
    """Seed an empty store with the bundled sample data; False when it already holds data."""
    if not storage.kosong():
        return False
    rencana = rencanakan([(n, (folder / n).read_bytes()) for n in BERKAS_CONTOH], storage)
    if not rencana.sah:
        raise ValueError("data contoh tidak sah:\n" + "\n".join(map(str, rencana.kesalahan)))
    terapkan(rencana, storage, Pelaku.sistem(PENGGUNA_CONTOH, asal=PENGGUNA_CONTOH))
    return True


def _duplikat_antar_berkas(berkas: list[Berkas], batas: int) -> tuple[list[Kesalahan], int]:
    """The same key in two files of one upload is as ambiguous as twice in one file (at most ``batas`` listed)."""
    kesalahan: list[Kesalahan] = []
    lain = 0
    for jenis in Jenis:
        # the keys and row numbers only, the file by its number: not a copy of every column of every file
        bagian = [b.data[[*KUNCI[jenis], "baris"]].assign(berkas=i)
                  for i, b in enumerate(berkas) if b.jenis is jenis and not b.data.empty]
        if len(bagian) < 2:
            continue
        semua = pd.concat(bagian, ignore_index=True).dropna(subset=KUNCI[jenis])
        ganda = semua.duplicated(subset=KUNCI[jenis])
        if not ganda.any():
            continue
        pertama = semua[~ganda.to_numpy()]
        ulang = semua[ganda.to_numpy()]
        ruang = max(batas - len(kesalahan), 0)
        lain += max(len(ulang) - ruang, 0)
        ulang = ulang.head(ruang).merge(pertama, on=KUNCI[jenis], suffixes=("", "_asal"))
        for r in ulang.itertuples():
            kunci = " / ".join(str(getattr(r, k)) for k in KUNCI[jenis])
            kesalahan.append(Kesalahan(berkas[r.berkas].nama, Pesan("galat.duplikat_berkas", {
                "kunci": kunci, "berkas": berkas[r.berkas_asal].nama, "baris_lain": int(r.baris_asal)}),
                int(r.baris), nilai=kunci))
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
        kesalahan.append(Kesalahan(nama, Pesan("galat.induk_siklus", {"nilai": pelaku, "jalur": " → ".join(jalur)}),
                                   baris, "kode_induk", pelaku))
        induk[pelaku] = None
    return kesalahan


BATAS_SARAN = 50
"""Distinct unknown codes that get a 'mungkin maksudnya …' hint; beyond that the hints would cost more than
they help (a file of a million unknown codes is the wrong file, not a million typos)."""

BATAS_CALON_SARAN = 2000
"""Known codes a hint is searched among; a larger list is narrowed to the same unit and year first."""


def _saran(kode: str, dikenal: Sequence[str]) -> Pesan | None:
    """' — mungkin maksudnya BGR-01?' for the nearest known code, or nothing. A code that differs only by a
    look-alike (O for 0, I or L for 1) is the likelier typo: ``DKS-O1`` is told DKS-01, never DKS-11.

    >>> from kinerja.texts import teks_pesan
    >>> teks_pesan(_saran("DKS-O1", ["DKS-11", "DKS-01"]))
    ' — mungkin maksudnya DKS-01?'
    """
    dikenal = list(dikenal)[:BATAS_CALON_SARAN]
    rangka = kerangka(kode)
    kembar = next((k for k in dikenal if kerangka(k) == rangka), None)
    if kembar is not None:
        return Pesan("galat.saran", {"kode": kembar})
    mirip = difflib.get_close_matches(kode, dikenal, n=1, cutoff=0.6) or difflib.get_close_matches(
        kode.upper(), [k.upper() for k in dikenal], n=1, cutoff=0.6
    )
    if not mirip:
        return None
    asli = next(k for k in dikenal if k.upper() == mirip[0].upper())
    return Pesan("galat.saran", {"kode": asli})


def _saran_iku(tahun: int, kode_unit: str, kode_iku: str, dikenal: pd.DataFrame) -> Pesan | None:
    """A hint for an unknown IKU: the same code in another year or unit, else the nearest code of that unit-year."""
    sama = dikenal[dikenal["kode_iku"] == kode_iku]
    if not sama.empty:
        r = sama.iloc[0]
        return Pesan("galat.saran_iku_lain", {"unit": r["kode_unit"], "tahun": int(r["tahun"])})
    satu_unit = dikenal[(dikenal["kode_unit"] == kode_unit) & (dikenal["tahun"] == tahun)]["kode_iku"]
    return _saran(kode_iku, sorted(set(satu_unit)) or sorted(set(dikenal["kode_iku"].dropna())))


def _tidak_dikenal(data: pd.DataFrame, dikenal: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    """Rows of ``data`` whose ``kunci`` is complete and not among ``dikenal``'s."""
    lengkap = data[kunci].notna().all(axis=1).to_numpy()
    if not lengkap.any():
        return data.iloc[:0]
    dikenal = dikenal[kunci].dropna().astype({k: data[k].dtype for k in kunci})
    asing = lengkap.copy()
    asing[lengkap] = ~_kunci_di(data[kunci] if lengkap.all() else data.loc[lengkap, kunci], dikenal)
    return data[asing] if asing.any() else data.iloc[:0]


def _kunci_di(data: pd.DataFrame, dikenal: pd.DataFrame) -> np.ndarray:
    """Per row of ``data``, whether its key (all columns, as in a join) is among ``dikenal``'s rows.

    >>> _kunci_di(pd.DataFrame({"u": ["A", "B"], "t": [1, 2]}), pd.DataFrame({"u": ["B", "A"], "t": [2, 2]})).tolist()
    [False, True]
    """
    n = len(data)
    kunci = np.zeros(n + len(dikenal), dtype=np.int64)
    for k in data.columns:
        kode, unik = pd.factorize(pd.concat([data[k], dikenal[k]], ignore_index=True))
        kunci, _ = pd.factorize(kunci * (len(unik) + 1) + kode)  # renumbered each time: never overflows
    return np.isin(kunci[:n], kunci[n:])


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
                Kesalahan(b.nama, _dengan_saran(Pesan("galat.induk_tidak_dikenal", {"nilai": r.kode_unit}),
                                                saran.get(r.kode_unit)), r.baris, "kode_induk", r.kode_unit)
                for r in asing.head(daftar.ruang(len(asing))).itertuples()
            ]
        elif b.jenis is Jenis.IKU:
            asing = _tidak_dikenal(b.data, unit_dikenal, ["kode_unit"])
            saran = _saran_per_kode(asing["kode_unit"], lambda k: _saran(k, unit))
            daftar.isi += [
                Kesalahan(b.nama, _dengan_saran(Pesan("galat.unit_tidak_dikenal", {"nilai": r.kode_unit}),
                                                saran.get(r.kode_unit)), r.baris, "kode_unit", r.kode_unit)
                for r in asing.head(daftar.ruang(len(asing))).itertuples()
            ]
        elif b.jenis in (Jenis.REALISASI, Jenis.KOMPONEN):
            asing = _tidak_dikenal(b.data, iku_dikenal, KUNCI[Jenis.IKU])
            asing = asing.head(daftar.ruang(len(asing)))
            kelompok = asing[KUNCI[Jenis.IKU]].drop_duplicates().head(BATAS_SARAN)
            saran = {tuple(k): _saran_iku(*k, iku_dikenal) for k in kelompok.itertuples(index=False)}
            daftar.isi += [
                Kesalahan(b.nama, _dengan_saran(Pesan("galat.iku_tidak_dikenal", {
                    "nilai": r.kode_iku, "unit": r.kode_unit, "tahun": int(r.tahun)}),
                    saran.get((r.tahun, r.kode_unit, r.kode_iku))), r.baris, "kode_iku", r.kode_iku)
                for r in asing.itertuples()
            ]
    return sorted(daftar.isi, key=lambda k: (k.berkas, k.baris or 0)), daftar.lain


def _periksa_kaskade(berkas: list[Berkas], kode: KodeTersimpan) -> list[Kesalahan]:
    """The cascading links as they will stand after the upload (the file's IKU rows over the stored ones): each
    link names an IKU of a unit above, in the same year, that exists; the links form no cycle; and no realisasi
    is uploaded for an IKU that takes its realisasi from its children. Each refusal names its row."""
    iku = [b for b in berkas if b.jenis is Jenis.IKU and not b.data.empty]
    realisasi = [b for b in berkas if b.jenis is Jenis.REALISASI and not b.data.empty]
    dipakai = [d[k].notna().any() for d in (kode.iku, *(b.data for b in iku)) for k in ("kode_iku_induk",
                                                                                      "agregasi_anak")]
    if not any(dipakai):  # no cascading anywhere (most installations): nothing to check
        return []
    kolom = ["tahun", "kode_unit", "kode_iku", "kode_unit_induk", "kode_iku_induk", "agregasi_anak"]
    dari_berkas = [b.data.dropna(subset=KUNCI[Jenis.IKU]).pipe(lambda d, b=b: d[kolom].assign(
        asal_berkas=b.nama, asal_baris=d["baris"])) for b in iku]  # a row without its key is refused already
    semua = pd.concat([kode.iku[kolom].assign(asal_berkas=None, asal_baris=None), *dari_berkas], ignore_index=True)
    semua["kunci"] = [(int(th), u.upper(), i.upper()) for th, u, i in zip(semua["tahun"], semua["kode_unit"],
                                                                        semua["kode_iku"])]
    semua = semua.drop_duplicates("kunci", keep="last")  # a file's row replaces the stored one
    induk_unit = {u.upper(): (i.upper() if isinstance(i, str) else None) for u, i in zip(kode.unit["kode_unit"],
                                                                                       kode.unit["kode_induk"])}
    for b in berkas:
        if b.jenis is Jenis.UNIT and not b.data.empty:
            induk_unit.update({u.upper(): (i.upper() if isinstance(i, str) else None)
                               for u, i in zip(b.data["kode_unit"], b.data["kode_induk"])})
    ada = set(semua["kunci"])
    tahun_per_iku: dict[tuple[str, str], list[int]] = {}
    for th, u, i in ada:
        tahun_per_iku.setdefault((u, i), []).append(th)
    kesalahan: list[Kesalahan] = []
    tautan = semua[semua["kode_iku_induk"].notna()]
    for r in tautan[tautan["asal_berkas"].notna()].itertuples(index=False):
        induk = (int(r.tahun), r.kode_unit_induk.upper(), r.kode_iku_induk.upper())
        atas, u = set(), induk_unit.get(r.kode_unit.upper())
        while u is not None and u not in atas:
            atas.add(u)
            u = induk_unit.get(u)
        if induk[1] not in atas:
            pesan, kolom_salah, nilai = Pesan("galat.kaskade_bukan_atas", {
                "unit": r.kode_unit_induk, "iku": r.kode_iku_induk, "anak": r.kode_unit}), "kode_unit_induk", \
                r.kode_unit_induk
        elif induk not in ada:
            lain = sorted(tahun_per_iku.get(induk[1:], []))
            pesan = (Pesan("galat.kaskade_tahun_lain", {"unit": r.kode_unit_induk, "iku": r.kode_iku_induk,
                                                        "tahun": induk[0], "ada": ", ".join(map(str, lain))}) if lain else
                     Pesan("galat.kaskade_tidak_ada", {"unit": r.kode_unit_induk, "iku": r.kode_iku_induk,
                                                       "tahun": induk[0]}))
            kolom_salah, nilai = "kode_iku_induk", r.kode_iku_induk
        else:
            continue
        kesalahan.append(Kesalahan(r.asal_berkas, pesan, int(r.asal_baris), kolom_salah, nilai))
    # cycles, per year; each reported on a row of this upload that closes it
    nama = dict(zip(semua["kunci"], semua["kode_unit"] + " " + semua["kode_iku"]))
    baris = {k: (b, n) for k, b, n in zip(semua["kunci"], semua["asal_berkas"], semua["asal_baris"]) if b is not None}
    peta = {k: (int(th), u.upper(), i.upper()) for k, th, u, i in
            zip(tautan["kunci"], tautan["tahun"], tautan["kode_unit_induk"], tautan["kode_iku_induk"])}
    for lingkar in kaskade.siklus(peta):
        di_berkas = [k for k in lingkar if k in baris]
        if di_berkas:
            b, n = baris[di_berkas[0]]
            jalur = " → ".join(nama.get(k, " ".join(k[1:])) for k in [*lingkar, lingkar[0]])
            kesalahan.append(Kesalahan(b, Pesan("galat.kaskade_siklus", {"jalur": jalur}), int(n), "kode_iku_induk"))
    kesalahan += _periksa_anak_agregasi(semua, peta, baris, berkas, kode)
    # a parent that takes its realisasi from its children has none uploaded
    turunan = {k: a for k, a in zip(semua["kunci"], semua["agregasi_anak"]) if isinstance(a, str)}
    for b in realisasi if turunan else []:
        d = b.data[b.data["realisasi"].notna()].dropna(subset=KUNCI[Jenis.IKU])
        kunci = [(int(th), u.upper(), i.upper()) for th, u, i in zip(d["tahun"], d["kode_unit"], d["kode_iku"])]
        kesalahan += [Kesalahan(b.nama, Pesan("galat.realisasi_turunan", {"unit": u, "iku": i, "agregasi": turunan[k]}),
                                int(n), "realisasi", float(v))
                      for k, u, i, n, v in zip(kunci, d["kode_unit"], d["kode_iku"], d["baris"], d["realisasi"])
                      if k in turunan]
    return kesalahan


def _periksa_anak_agregasi(semua: pd.DataFrame, peta: dict, baris: dict, berkas: list[Berkas],
                           kode: KodeTersimpan) -> list[Kesalahan]:
    """Every IKU with an ``agregasi_anak`` keeps at least one child (without one it would be grey forever, or be
    asked for a nonsense "jumlah paling sedikit …"), and the children of a ``gabungan`` parent are ``rasio(a; b)``
    IKU or ``gabungan`` parents themselves. Refused on the parent's row when it is in the upload, else on the
    row of this upload that took its last child away (or brought the child without a rasio)."""
    agregasi = {k: (a, u, i) for k, a, u, i in zip(semua["kunci"], semua["agregasi_anak"], semua["kode_unit"],
                                                     semua["kode_iku"]) if isinstance(a, str)}
    if not agregasi:
        return []
    anak: dict[tuple, list[tuple]] = {}
    for a, i in peta.items():
        anak.setdefault(i, []).append(a)
    dulu = {(int(th), u.upper(), i.upper()): (int(th), ui.upper(), ii.upper()) for th, u, i, ui, ii in zip(
        kode.iku["tahun"], kode.iku["kode_unit"], kode.iku["kode_iku"], kode.iku["kode_unit_induk"],
        kode.iku["kode_iku_induk"]) if isinstance(ii, str) and isinstance(ui, str)}
    rumus = _rumus_setelah_unggah(berkas, kode)
    kesalahan: list[Kesalahan] = []
    for k, (a, u, i) in agregasi.items():
        if rumus.get(k) is not None:  # refused already: an IKU takes agregasi_anak or rumus_komponen, not both
            continue
        if not anak.get(k):
            if k in baris:
                b, n = baris[k]
                kesalahan.append(Kesalahan(b, Pesan("galat.kaskade_tanpa_anak", {"unit": u, "iku": i, "agregasi": a}),
                                           int(n), "agregasi_anak", a))
            else:
                kesalahan += [Kesalahan(baris[c][0], Pesan("galat.kaskade_anak_terakhir", {
                                            "unit": u, "iku": i, "agregasi": a}), int(baris[c][1]), "kode_iku_induk")
                              for c, p in dulu.items() if p == k and c in baris]
        elif a == kaskade.Agregasi.GABUNGAN.value:
            for c in anak[k]:
                r = rumus.get(c)
                if agregasi.get(c, ("",))[0] == kaskade.Agregasi.GABUNGAN.value or (r is not None and _rasio(r)):
                    continue
                tempat = baris.get(k) or baris.get(c)
                if tempat is not None:
                    nama = " ".join(agregasi.get(c, ("", *c[1:]))[1:]) if c in agregasi else " ".join(c[1:])
                    kesalahan.append(Kesalahan(tempat[0], Pesan("galat.gabungan_tanpa_rasio", {"anak": nama}),
                                               int(tempat[1]),
                                               "agregasi_anak" if tempat is baris.get(k) else "kode_iku_induk"))
    return kesalahan


def _rasio(rumus: str) -> bool:
    """Whether a formula is a ``rasio(a; b)``; one that does not read counts as one (it is refused on its own row)."""
    try:
        return baca_rumus(rumus).bentuk.value == "rasio"
    except RumusTidakSah:
        return True


def _rumus_setelah_unggah(berkas: list[Berkas], kode: KodeTersimpan) -> dict[tuple[int, str, str], str | None]:
    """Each IKU's ``rumus_komponen`` as it will stand after the upload (a file's IKU row replaces the stored
    one; None: no formula), keyed by (tahun, KODE_UNIT, KODE_IKU) in upper case."""
    rumus: dict[tuple[int, str, str], str | None] = {}
    for d in (kode.iku, *(b.data for b in berkas if b.jenis is Jenis.IKU and not b.data.empty)):
        d = d.dropna(subset=KUNCI[Jenis.IKU])
        rumus.update(((int(th), u.upper(), i.upper()), r if isinstance(r, str) else None)
                     for th, u, i, r in zip(d["tahun"], d["kode_unit"], d["kode_iku"], d["rumus_komponen"]))
    return rumus


def _periksa_komponen(berkas: list[Berkas], kode: KodeTersimpan) -> list[Kesalahan]:
    """Komponen and formulas as they will stand after the upload: each komponen row's IKU has a ``rumus_komponen``
    that names it, and no realisasi is uploaded for an IKU that computes it from its komponen. Each refusal
    names its row (the plan lists the first ``BATAS_KESALAHAN`` and counts the rest)."""
    komponen = [b for b in berkas if b.jenis is Jenis.KOMPONEN and not b.data.empty]
    realisasi = [b for b in berkas if b.jenis is Jenis.REALISASI and not b.data.empty]
    if not komponen and not (realisasi and (kode.iku["rumus_komponen"].notna().any() or any(
            b.data["rumus_komponen"].notna().any() for b in berkas if b.jenis is Jenis.IKU and not b.data.empty))):
        return []
    rumus = _rumus_setelah_unggah(berkas, kode)
    kesalahan: list[Kesalahan] = []
    for b in komponen:
        d = b.data.dropna(subset=[*KUNCI[Jenis.IKU], "komponen"])
        for th, u, i, nama, n in zip(d["tahun"], d["kode_unit"], d["kode_iku"], d["komponen"], d["baris"]):
            k = (int(th), u.upper(), i.upper())
            if k not in rumus:  # no such IKU: the reference check says so
                continue
            r = rumus[k]
            if r is None:
                kesalahan.append(Kesalahan(b.nama, Pesan("galat.komponen_tanpa_rumus", {
                    "unit": u, "iku": i, "tahun": int(th)}), int(n), "kode_iku", i))
            elif nama not in nama_komponen(r):  # the rule the commit applies too (``aturan_unggah``)
                kesalahan.append(Kesalahan(b.nama, Pesan("galat.komponen_asing", {
                    "unit": u, "iku": i, "nilai": nama, "rumus": r}), int(n), "komponen", nama))
    for b in realisasi if any(r is not None for r in rumus.values()) else []:
        d = b.data[b.data["realisasi"].notna()].dropna(subset=KUNCI[Jenis.IKU])
        for th, u, i, n, v in zip(d["tahun"], d["kode_unit"], d["kode_iku"], d["baris"], d["realisasi"]):
            r = rumus.get((int(th), u.upper(), i.upper()))
            if r is not None:
                kesalahan.append(Kesalahan(b.nama, Pesan("galat.realisasi_komponen", {"unit": u, "iku": i, "rumus": r}),
                                           int(n), "realisasi", float(v)))
    return kesalahan


def _periksa_hak(berkas: list[Berkas], kode: KodeTersimpan, hibah: list[Hibah] | None,
                 batas: int) -> tuple[list[Kesalahan], int, list[str]]:
    """Every row whose unit the grants do not cover, by its row (``hibah`` None: no limit), how many more, and
    the units refused.

    A row's unit is judged where it stands now and where the upload puts it (a unit
    moved out of someone's subtree is theirs no longer); a unit row also needs admin
    on the parent it names (on every unit for a root).
    """
    if hibah is None:
        return [], 0, []
    sekarang = dict(zip(kode.unit["kode_unit"], kode.unit["kode_induk"].where(kode.unit["kode_induk"].notna(), None)))
    nanti = dict(sekarang)
    for b in berkas:
        if b.jenis is Jenis.UNIT and not b.data.empty:
            nanti.update(zip(b.data["kode_unit"], b.data["kode_induk"].where(b.data["kode_induk"].notna(), None)))

    @functools.cache
    def boleh(peran: Peran, unit: str) -> bool:
        return (unit not in sekarang or berhak(hibah, peran, unit, sekarang)) and berhak(hibah, peran, unit, nanti)

    daftar = _Daftar(batas)
    ditolak_unit: set[str] = set()
    for b in berkas:
        if b.jenis is None or b.data.empty:
            continue
        peran = PERAN_TULIS[b.jenis.value]
        kolom = [("kode_unit", b.data["kode_unit"], peran)]
        if b.jenis is Jenis.UNIT:
            kolom.append(("kode_induk", b.data["kode_induk"].fillna(SEMUA), Peran.ADMIN))
        if b.jenis is Jenis.IKU:
            kolom += [("kode_unit_induk", induk, Peran.ADMIN) for induk in _induk_tautan_berubah(b.data, kode.iku)]
        for nama_kolom, unit, perlu in kolom:
            tolak = ~unit.map(lambda k, perlu=perlu: boleh(perlu, k)).astype(bool)
            baris = b.data.loc[unit.index[tolak.to_numpy()]]
            ditolak_unit.update(unit[tolak])
            daftar.isi += [
                Kesalahan(b.nama, Pesan("akses.baris_ditolak", {"peran": perlu.value, "unit": u}), r, nama_kolom, u)
                for u, r in zip(unit[tolak].head(daftar.ruang(len(baris))), baris["baris"])
            ]
    return sorted(daftar.isi, key=lambda k: (k.berkas, k.baris or 0)), daftar.lain, sorted(ditolak_unit)


def _induk_tautan_berubah(data: pd.DataFrame, tersimpan: pd.DataFrame) -> list[pd.Series]:
    """For IKU rows whose cascade link (``kode_unit_induk`` + ``kode_iku_induk``) is new or differs from the
    stored one: the unit of the IKU they now support, and the unit of the one they supported. Linking an IKU to
    a parent, or taking it away, changes the parent's computed figure, so it needs admin there (the same rule
    as ``gudang._kebutuhan_tautan`` in the committing transaction); a link sent again unchanged needs nothing.
    Each Series is indexed like ``data``, holding only the rows concerned."""
    kunci = KUNCI["iku"]
    tautan = ["kode_unit_induk", "kode_iku_induk"]
    baru = data.reindex(columns=[*kunci, *tautan])
    lama = tersimpan.reindex(columns=[*kunci, *tautan]).rename(columns={k: f"{k}_lama" for k in tautan})
    gabung = baru.rename_axis("_baris").reset_index().merge(lama, on=kunci, how="left").set_index("_baris")
    beda = pd.Series(False, index=gabung.index)
    for k in tautan:
        beda |= gabung[k].fillna("\0").astype(str) != gabung[f"{k}_lama"].fillna("\0").astype(str)
    return [gabung.loc[beda, k].dropna().astype(str) for k in ("kode_unit_induk", "kode_unit_induk_lama")]


def _dengan_saran(pesan: Pesan, saran: Pesan | None) -> Pesan:
    """A message followed by its hint (' — mungkin maksudnya BGR-01?'), when there is one; its code stays the
    message's."""
    return pesan if saran is None else Pesan(pesan.kunci, pesan.isian, pesan.n, (*pesan.lanjut, saran))


def _saran_per_kode(kode: pd.Series, saran: Callable[[str], Pesan | None]) -> dict[str, Pesan | None]:
    """A hint for each of the first BATAS_SARAN distinct unknown codes."""
    return {k: saran(k) for k in kode.drop_duplicates().head(BATAS_SARAN)}


def _perubahan(b: Berkas, beda: Beda) -> Perubahan:
    """The preview of one file from its rows compared with the store (its table is written when first read)."""
    jenis = b.jenis
    assert jenis is not None
    baru, berubah = beda.baru, beda.berubah
    return Perubahan(b.nama, jenis, baru=int(baru.sum()), berubah=int(berubah.sum()),
                     sama=int((~baru & ~berubah).sum()), beda=beda)


def _teks_rincian(beda: pd.DataFrame, nilai: list[str], dibandingkan: pd.Series) -> pd.Series:
    """Per row, 'kolom: lama → baru' for each value column that differs (rows in ``dibandingkan`` only).

    Only the rows compared are looked at, and each distinct value is written once.
    """
    rincian = pd.Series("", index=beda.index, dtype=object)
    posisi = np.flatnonzero(np.asarray(dibandingkan, dtype=bool))
    if not len(posisi):
        return rincian
    bagian = beda.iloc[posisi]
    teks = pd.Series("", index=bagian.index, dtype=object)
    for k in nilai:
        berbeda = _berbeda(bagian[k], bagian[f"{k}_lama"]).to_numpy(bool)
        if not berbeda.any():
            continue
        beda_k = bagian.loc[berbeda]
        tulis = _tahun if k == "tahun_renstra" else angka  # a year is 2024, not 2.024
        tambah = (k + ": " + _per_nilai(beda_k[f"{k}_lama"], tulis).astype(str) + " → "
                  + _per_nilai(beda_k[k], tulis).astype(str))
        sebelum = teks[berbeda]
        teks[berbeda] = sebelum + np.where(sebelum == "", "", "; ") + tambah
    rincian.iloc[posisi] = teks.to_numpy()
    return rincian


def _tahun(nilai: object) -> str:
    """A year as it is written, without a thousands mark (``angka`` for anything else).

    >>> _tahun(2024.0), _tahun(None)
    ('2024', '—')
    """
    if isinstance(nilai, int | float) and not isinstance(nilai, bool) and pd.notna(nilai) and float(nilai).is_integer():
        return str(int(nilai))
    return angka(nilai)


def _per_nilai(seri: pd.Series, f: Callable[[object], object]) -> pd.Series:
    """``seri.map(f)``, with ``f`` called once per distinct value (a float told apart by its bits: -0 is not 0).

    >>> _per_nilai(pd.Series([1.5, -0.0, 1.5, 0.0]), angka).tolist()
    ['1,5', '-0', '1,5', '0']
    """
    return per_nilai_kolom(seri, lambda beda: beda.map(f))


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
    rincian = p.rincian.sort_values("perubahan", key=lambda s: _per_nilai(s, urutan.get).astype(int),
                                    kind="stable")
    rincian = rincian.drop(columns=[k for k in rincian.columns if k in b.data and b.data[k].isna().all()])
    if "status_baru" in rincian:
        pasangan = rincian.pop("status_lama") + "\x1f" + rincian.pop("status_baru")  # each change worded once
        rincian = rincian.assign(status=_per_nilai(pasangan, _label_perubahan_status).to_numpy(object))
    if "triwulan" in rincian:
        rincian = rincian.assign(triwulan=_per_nilai(rincian["triwulan"], nama_triwulan))
    depan = [k for k in ("baris", "perubahan", "status", "realisasi_dihitung", "rincian") if k in rincian]
    rincian = rincian[[*depan, *(k for k in rincian.columns if k not in depan)]]
    teks = [k for k in rincian.columns if not pd.api.types.is_numeric_dtype(rincian[k])]  # a yes/no is numeric
    rincian = rincian.assign(**{k: _per_nilai(rincian[k], angka).astype(object) for k in teks})
    return rincian.rename(columns={k: t(f"kolom.{k}") for k in ("baris", "perubahan", "rincian", "status",
                                                                 "realisasi_dihitung")})


def _label_perubahan_status(pasangan: str) -> str:
    """'hijau\x1fmerah' → '● Hijau → ■ Merah'; no status → ''."""
    lama, baru = pasangan.split("\x1f")
    return f"{label_status(Status(lama))} → {label_status(Status(baru))}" if lama else ""


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


def _tersentuh(perubahan: list[Perubahan]) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The first ``BATAS_STATUS_PRATINJAU`` uploaded realisasi rows that are new or changed, in the upload's order
    (``nomor_berkas``: their file's place among the realisasi files), and every uploaded realisasi row of their IKU,
    each with the realisasi it lands with (None: no such row). Only those IKU are scored: a ministry's first upload
    is not copied whole for the lights of its first rows."""
    pilih = _tersentuh_pertama(perubahan)
    if pilih is None:
        return None
    kunci = pilih[_KUNCI_IKU].drop_duplicates()
    daftar = [p.beda for p in perubahan if p.jenis is Jenis.REALISASI]
    semua = [_baris_realisasi(d, np.flatnonzero(_kunci_di(d.data[_KUNCI_IKU], kunci))).assign(nomor_berkas=i)
             for i, d in enumerate(daftar)]
    return pd.concat(semua, ignore_index=True), pilih


def _tersentuh_pertama(perubahan: list[Perubahan]) -> pd.DataFrame | None:
    """The first ``BATAS_STATUS_PRATINJAU`` uploaded realisasi rows that are new or changed, in the upload's order
    (file by file, row by row), with the realisasi each lands with (None: no such row): the rows that get a light,
    found without looking at any other row."""
    tersentuh, sisa = [], BATAS_STATUS_PRATINJAU
    for i, d in enumerate(p.beda for p in perubahan if p.jenis is Jenis.REALISASI):
        posisi = np.flatnonzero(d.baru | d.berubah)
        if sisa <= 0 or not len(posisi):
            continue
        posisi = posisi[np.argsort(d.data["baris"].to_numpy()[posisi], kind="stable")[:sisa]]
        sisa -= len(posisi)
        tersentuh.append(_baris_realisasi(d, posisi).assign(nomor_berkas=i))
    return pd.concat(tersentuh, ignore_index=True) if tersentuh else None


def _baris_realisasi(d: Beda, posisi: np.ndarray) -> pd.DataFrame:
    """Some rows of a realisasi file (their row and key, by position), each with the realisasi it lands with."""
    return d.data[["baris", *_KUNCI_REALISASI]].iloc[posisi].reset_index(drop=True).assign(
        realisasi=d.nilai("realisasi").iloc[posisi].to_numpy())


def _kunci_status(perubahan: list[Perubahan]) -> pd.DataFrame | None:
    """The IKU keys ``_tandai_perubahan_status`` scores (their rows read only when it scores them)."""
    pilih = _tersentuh_pertama(perubahan)
    return None if pilih is None else pilih[_KUNCI_IKU].drop_duplicates()


def _tandai_perubahan_status(rencana: RencanaImpor, tersimpan: _Tersimpan) -> None:
    """Give new and changed realisasi rows their status_lama → status_baru: e.g. kuning → hijau in TW III.

    Only the IKU of the first ``BATAS_STATUS_PRATINJAU`` such rows are read from the store, when the upload is
    checked (what the preview shows is what is stored then); they are scored when the preview is read.
    """
    baris = _tersentuh(rencana.perubahan)
    if baris is None:
        return
    daftar = [p for p in rencana.perubahan if p.jenis is Jenis.REALISASI]
    semua, tersentuh = baris
    kunci = tersentuh[_KUNCI_IKU].drop_duplicates()
    iku, realisasi = tersimpan.iku_dan_realisasi(kunci)
    iku_unggah = [b.data[KOLOM[Jenis.IKU]][_kunci_di(b.data[_KUNCI_IKU], kunci)]  # only the IKU scored
                  for b in rencana.berkas if b.jenis is Jenis.IKU and not b.data.empty]
    status = _StatusPratinjau(semua, tersentuh, iku, realisasi, pd.concat(
        iku_unggah, ignore_index=True) if iku_unggah else pd.DataFrame(columns=KOLOM[Jenis.IKU]))
    for i, p in enumerate(daftar):
        p.status, p.nomor_realisasi = status, i


def _kunci_komponen(perubahan: list[Perubahan]) -> pd.DataFrame | None:
    """The IKU keys of the uploaded komponen rows, whose stored komponen ``_hitung_realisasi_komponen`` reads."""
    daftar = [p for p in perubahan if p.jenis is Jenis.KOMPONEN]
    if not daftar:
        return None
    return pd.concat([p.beda.data[KUNCI[Jenis.IKU]] for p in daftar], ignore_index=True).drop_duplicates()


def _hitung_realisasi_komponen(rencana: RencanaImpor, tersimpan: _Tersimpan) -> None:
    """Give each row of an uploaded komponen file the realisasi its IKU's quarter computes to once the upload
    lands: the stored komponen of those IKU with the uploaded ones over them (a blank value keeps the stored one),
    through the IKU's formula as it will stand (``_rumus_setelah_unggah``)."""
    daftar = [p for p in rencana.perubahan if p.jenis is Jenis.KOMPONEN]
    if not daftar:
        return
    rumus = {k: baca_rumus(r) for k, r in _rumus_setelah_unggah(rencana.berkas, tersimpan.kode).items() if r}
    nilai: dict[tuple[int, str, str], dict[int, dict[str, float]]] = {}
    baru = [p.beda.data.assign(nilai=p.beda.nilai("nilai")) for p in daftar]
    for d in (tersimpan.komponen, *baru):
        for th, q, u, i, nama, v in d[KOLOM[Jenis.KOMPONEN]].itertuples(index=False):
            if pd.notna(v):
                nilai.setdefault((int(th), u.upper(), i.upper()), {}).setdefault(int(q), {})[nama] = float(v)
    for p in daftar:
        teks = {}
        for n, th, q, u, i in p.beda.data[["baris", *_KUNCI_REALISASI]].itertuples(index=False):
            k = (int(th), u.upper(), i.upper())
            if k in rumus:
                isi = nilai.get(k, {}).get(int(q), {})
                teks[int(n)] = uraian_realisasi_komponen(rumus[k], isi)
        p.realisasi_dihitung = teks


def _kunci_baru_dihitung(p: Perubahan) -> pd.DataFrame:
    """The stored IKU that an IKU file's rows make compute their realisasi (a new ``rumus_komponen`` or
    ``agregasi_anak``), the first ``BATAS_SARAN``."""
    dihitung = ("rumus_komponen", "agregasi_anak")  # only a row with a stored twin has an old value
    d = p.beda.kembar_pandas(["_urutan_masuk", *_KUNCI_IKU, *dihitung, *(f"{k}_lama" for k in dihitung)])
    d = d.sort_values("_urutan_masuk", ignore_index=True)  # the file's order: the same IKU named every time
    baru = pd.Series(False, index=d.index)
    for k in dihitung:
        baru |= d[k].notna() & d[f"{k}_lama"].isna()
    return d.loc[baru, _KUNCI_IKU].head(BATAS_SARAN)


def _kunci_tergantikan(perubahan: list[Perubahan]) -> pd.DataFrame | None:
    """The IKU keys whose stored realisasi ``_catat_realisasi_tergantikan`` looks at."""
    kunci = [_kunci_baru_dihitung(p) for p in perubahan if p.jenis is Jenis.IKU]
    return pd.concat(kunci, ignore_index=True) if kunci else None


def _catat_realisasi_tergantikan(rencana: RencanaImpor, tersimpan: _Tersimpan) -> None:
    """Say in the preview when an IKU row makes a stored IKU compute its realisasi (a new ``rumus_komponen`` or
    ``agregasi_anak``) while realisasi uploaded for it are stored: from then on those are not used (they stay
    stored, and count again if the setting is removed). Never a silent change of a number on screen."""
    for b, p in zip([b for b in rencana.berkas if b.jenis is not None], rencana.perubahan):
        if p.jenis is not Jenis.IKU:
            continue
        kunci = _kunci_baru_dihitung(p)
        if kunci.empty:
            continue
        _, realisasi = tersimpan.iku_dan_realisasi(kunci)
        realisasi = realisasi[realisasi["realisasi"].notna()]
        for (th, u, i), tw in realisasi.groupby(["tahun", "kode_unit", "kode_iku"])["triwulan"]:
            b.catatan.append(Pesan("unggah.realisasi_tergantikan", {
                "unit": u, "iku": i, "tahun": int(th), "triwulan": tuple(_triwulan(q) for q in sorted(tw))}))


@dataclass
class _StatusPratinjau:
    """The light each of the first ``BATAS_STATUS_PRATINJAU`` new or changed realisasi rows turns, scored from
    what was read when the upload was checked: every uploaded realisasi row, those rows, their IKU as stored
    and their stored realisasi, and the uploaded IKU."""

    semua: pd.DataFrame
    tersentuh: pd.DataFrame
    iku_tersimpan: pd.DataFrame
    realisasi_tersimpan: pd.DataFrame
    iku_unggah: pd.DataFrame

    def untuk(self, nomor_berkas: int) -> dict[int, tuple[str, str]]:
        """Row → (status_lama, status_baru) of one realisasi file's rows that have a light to show."""
        return {b: s for (n, b), s in self._status.items() if n == nomor_berkas}

    @functools.cached_property
    def _status(self) -> dict[tuple[int, int], tuple[str, str]]:
        semua, tersentuh, iku_tersimpan, realisasi_tersimpan, iku_unggah = (
            self.semua, self.tersentuh, self.iku_tersimpan, self.realisasi_tersimpan, self.iku_unggah)
        status: dict[tuple[int, int], tuple[str, str]] = {}
        for tahun, baris_tahun in tersentuh.groupby("tahun"):
            # only the IKU these rows belong to are scored, with every uploaded row of theirs applied
            dipakai = baris_tahun[["kode_unit", "kode_iku"]].drop_duplicates()
            iku = pd.concat([iku_tersimpan[iku_tersimpan["tahun"] == tahun], iku_unggah[iku_unggah["tahun"] == tahun]],
                            ignore_index=True)
            iku = iku.drop_duplicates(subset=KUNCI[Jenis.IKU], keep="last").merge(dipakai)
            definisi = {(i.kode_unit, i.kode_iku): i for i in scores.iku_dari_tabel(iku)}
            lama = scores.realisasi_per_iku(realisasi_tersimpan[realisasi_tersimpan["tahun"] == tahun].merge(dipakai))
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
        return status
