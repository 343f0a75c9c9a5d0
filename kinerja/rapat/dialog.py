"""The content of a Dialog Kinerja Organisasi: a summary, then one slide per IKU.

Built from a snapshot of the store for one unit (with or without its
sub-units) and one quarter; the Dialog page draws it and the deck export
writes it to PowerPoint, so both always say the same thing.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kinerja import scores
from kinerja.masuk.loading import rapikan_teks
from kinerja.store import Snapshot
from kinerja.texts import (
    angka,
    label_status,
    nama_triwulan,
    persen,
    t,
    teks_kebutuhan,
    teks_tahun_lalu,
    uraian_komponen,
)
from kinerja_core.capaian import HasilIku
from kinerja_core.kebutuhan import Keadaan, Kebutuhan, Rentang, kebutuhan_realisasi, rentang_iku
from kinerja_core.komponen import baca_rumus
from kinerja_core.model import TRIWULAN, Iku, Perspektif, Status, StatusAksi
from kinerja_core.nko import JumlahStatus, Nko
from kinerja_core.profil import KEMENKEU, ProfilAturan
from kinerja_core.prognosis import prognosis_iku
from kinerja_core.rumus import RumusCapaian, rumus_capaian
from kinerja_core.siklus import Tahap
from kinerja_core.tindak_lanjut import Aksi, untuk_dibahas

KOLOM_CATATAN = ["triwulan", "kendala", "rencana_aksi", "pic", "tenggat"]


@dataclass(frozen=True)
class Ringkasan:
    """The summary screen: NKO, the status count, the count per perspective, the IKU that need attention.

    Every figure covers the same IKU (the selected units, in the chosen perspectives) and says so.
    """

    nama_unit: str
    tahun: int
    triwulan: int
    nko: Nko
    nko_milik_sendiri: bool
    """True when the NKO is the unit's own IKU; False when it combines its sub-units' IKU."""
    judul_nko: str
    """'NKO KPPBC TMP A Bogor' or 'NKO gabungan' (with the perspective filter, when set)."""
    cakupan_nko: str
    """What the NKO is computed from: 'mencakup 6 dari 27 IKU · 21 belum dilaporkan'."""
    lingkup: str
    """What the status count covers: 'IKU Kantor Wilayah DJBC Jawa Barat dan 2 sub-unit'."""
    jumlah: JumlahStatus
    per_perspektif: pd.DataFrame
    """perspektif, hijau, kuning, merah, abu-abu (one row per perspective that has IKU)."""
    perhatian: pd.DataFrame
    """The IKU that are not hijau: kode_iku, nama_iku, nama_unit, capaian, status, keterangan."""
    belum_final: tuple[int, int] | None = None
    """How many IKU the NKO is taken over are not final yet, of how many (the NKO is *sementara* while the first
    is above 0); None when the scores carry no stage."""

    @property
    def nko_sementara(self) -> bool:
        """Whether the NKO is provisional: some IKU under it is not final."""
        return self.belum_final is not None and self.belum_final[0] > 0

    @property
    def teks_tahap_nko(self) -> str:
        """'NKO sementara · 12 dari 27 IKU belum final', or 'NKO final · semua IKU final'; '' without stages."""
        if self.belum_final is None or not self.belum_final[1]:
            return ""
        if self.nko_sementara:
            return t("tahap_layar.nko_sementara_rapat", n=self.belum_final[0], total=self.belum_final[1])
        return t("tahap_layar.nko_final_rapat")



@dataclass(frozen=True)
class SlideIku:
    """One IKU's screen: its light through the quarter, its quarters, and the notes on it."""

    nomor: int
    iku: Iku
    nama_unit: str
    hasil: HasilIku
    progres: pd.DataFrame
    """``scores.tabel_progres``: periodic and year-to-date values per quarter."""
    catatan: pd.DataFrame
    """KOLOM_CATATAN for the quarters up to the chosen one that have any note, latest first."""
    keterangan: str
    realisasi: tuple[float | None, ...] = (None, None, None, None)
    """The four quarters' realisasi (None: not reported)."""
    aksi: tuple[Aksi, ...] = ()
    """The rencana aksi of earlier quarters this meeting reviews (``kinerja_core.tindak_lanjut.untuk_dibahas``)."""
    lalu: tuple[float | None, Status] | None = None
    """The same IKU (unit and code) a year earlier through the same quarter: capaian and light; None when the
    unit had no IKU of that code then."""
    asal: str = ""
    """Where the realisasi comes from when it is not uploaded, in words: 'dihitung dari komponennya, TW III: 78
    indikator terpenuhi dari 100 indikator', 'dihitung dari 2 IKU turunan (jumlah)'; empty for an uploaded one."""
    rentang: Rentang | None = None
    """What a realisasi can be (``kinerja_core.kebutuhan.rentang_iku``; None: from the satuan and name)."""
    tahap: Tahap | None = None
    """The stage of the IKU's unit-quarter in the reporting cycle (None when the scores carry no stage)."""

    def rumus(self, profil: ProfilAturan = KEMENKEU) -> RumusCapaian:
        """The capaian's formula with the numbers put in (``kinerja_core.rumus``)."""
        return rumus_capaian(self.iku, self.realisasi, self.hasil.sd_triwulan.triwulan, profil)

    def prognosis(self, profil: ProfilAturan = KEMENKEU) -> HasilIku | None:
        """The year-end score at the run-rate so far (``kinerja_core.prognosis``); None without a run-rate."""
        return prognosis_iku(self.iku, self.realisasi, self.hasil.sd_triwulan.triwulan, profil)

    def kebutuhan(self, profil: ProfilAturan = KEMENKEU) -> tuple[Kebutuhan, Kebutuhan]:
        """What the rest of the year must bring to end hijau, and to leave merah (``kinerja_core.kebutuhan``)."""
        q = self.hasil.sd_triwulan.triwulan
        return (kebutuhan_realisasi(self.iku, self.realisasi, q, profil.batas_hijau, profil, self.rentang),
                kebutuhan_realisasi(self.iku, self.realisasi, q, profil.batas_kuning, profil, self.rentang))

    @property
    def catatan_triwulan_ini(self) -> dict[str, object]:
        """The notes recorded for the chosen quarter: text or None, the due date a ``datetime.date`` or None.

        Never NaN or NaT: a missing PIC must read as missing ("—"), not as "nan".
        """
        baris = self.catatan[self.catatan["triwulan"] == self.hasil.sd_triwulan.triwulan]
        return baris.iloc[0].to_dict() if not baris.empty else dict.fromkeys(KOLOM_CATATAN)


@dataclass(frozen=True)
class Arahan:
    """One decision of the meeting: what, who carries it out (``pic``) and by when (``tenggat``); None where
    not set. E.g. ``Arahan("Percepat penagihan BGR-03", "Kasi PKC", date(2019, 11, 30))``."""

    teks: str
    pic: str | None = None
    tenggat: datetime.date | None = None

    @property
    def rincian(self) -> str:
        """Who and by when, as read under the arahan: 'PIC Kasi PKC · Tenggat 30/11/2019'; '' when neither is set."""
        return " · ".join(x for x in (f"{t('kolom.pic')} {self.pic}" if self.pic else "",
                                      f"{t('dialog.tenggat')} {angka(self.tenggat)}" if self.tenggat else "") if x)


@dataclass(frozen=True)
class Rapat:
    """The meeting itself: when, where, who chaired, who came, and what it decided (arahan).

    Entered on the Dialog page and stored per unit and quarter; the deck opens with the details and closes with
    the arahan. Text fields are None when not entered. ``butir``: the arahan as stored since migration 7, each
    with its PIC and tenggat; ``arahan``: the text a meeting saved before held them in, one per line, read only
    while ``butir`` is empty. E.g. ``Rapat(date(2019, 10, 2), "Aula KPPBC Bogor", "Kepala Kantor",
    "Kasi PKC\nKasi P2", butir=(Arahan("Percepat penagihan BGR-03", "Kasi PKC", date(2019, 11, 30)),))``.
    """

    tanggal: datetime.date | None = None
    tempat: str | None = None
    pimpinan: str | None = None
    peserta: str | None = None
    arahan: str | None = None
    butir: tuple[Arahan, ...] = ()

    @property
    def daftar_peserta(self) -> list[str]:
        """One attendee per line (or separated by ';')."""
        return _butir(self.peserta)

    @property
    def daftar_arahan(self) -> list[Arahan]:
        """The decisions in order: the stored rows, or the older text's lines (without the bullets or numbers
        people type in front of them, and with no PIC or tenggat, as none was asked for then)."""
        return list(self.butir) if self.butir else [Arahan(b) for b in _butir(self.arahan)]

    @property
    def kosong(self) -> bool:
        return not any((self.tanggal, self.tempat, self.pimpinan, self.peserta, self.arahan, self.butir))

    def sama_dengan(self, *, tanggal: datetime.date | None, tempat: str, pimpinan: str, peserta: str,
                    arahan: Sequence[Arahan]) -> bool:
        """Whether saving these fields would change nothing (so no revision is made), compared as stored."""
        baru = {"tempat": tempat, "pimpinan": pimpinan, "peserta": peserta}
        return (tanggal == self.tanggal and all((getattr(self, k) or "") == rapikan_teks(v) for k, v in baru.items())
                and list(arahan_rapi(arahan)) == self.daftar_arahan)


def arahan_rapi(arahan: Sequence[Arahan]) -> tuple[Arahan, ...]:
    """The arahan as they would be stored: text trimmed (Word's line breaks as line breaks), an empty PIC as
    None, rows with nothing in them dropped. A row with a PIC or tenggat but no text stays, for the save to
    refuse by its number."""
    rapi = (Arahan(rapikan_teks(a.teks or ""), rapikan_teks(a.pic or "") or None, a.tenggat) for a in arahan)
    return tuple(a for a in rapi if a.teks or a.pic or a.tenggat)


def tabel_arahan(rapat: Rapat) -> pd.DataFrame:
    """The arahan as the Dialog's form edits them: one row each, arahan, pic ('' when none: an empty cell, not
    "None"), tenggat (a date or None)."""
    return pd.DataFrame([{"arahan": a.teks, "pic": a.pic or "", "tenggat": a.tenggat} for a in rapat.daftar_arahan],
                        columns=["arahan", "pic", "tenggat"]).astype({"arahan": object, "pic": object})


def arahan_dari_tabel(tabel: pd.DataFrame) -> list[Arahan]:
    """The form's rows back as arahan, in order; a missing cell (None, NaN, NaT) is empty.

    >>> arahan_dari_tabel(pd.DataFrame({"arahan": ["Percepat penagihan", None], "pic": [None, "Kasi P2"],
    ...                                 "tenggat": [pd.Timestamp("2019-11-30"), pd.NaT]}))  # doctest: +NORMALIZE_WHITESPACE
    [Arahan(teks='Percepat penagihan', pic=None, tenggat=datetime.date(2019, 11, 30)),
     Arahan(teks='', pic='Kasi P2', tenggat=None)]
    """
    def teks(v: object) -> str:
        return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)

    return [Arahan(teks(r.arahan), teks(r.pic) or None, None if pd.isna(r.tenggat) else pd.Timestamp(r.tenggat).date())
            for r in tabel.itertuples(index=False)]


def _butir(teks: str | None) -> list[str]:
    """'1. Percepat penagihan\n- Sosialisasi' → ['Percepat penagihan', 'Sosialisasi']."""
    if not teks:
        return []
    butir = (re.sub(r"^\s*(?:[-•*·]|\d{1,2}[.)])\s*", "", b).strip() for b in re.split(r"[\n;]", teks))
    return [b for b in butir if b]


def rapat_dari(snap: Snapshot, kode_unit: str, triwulan: int) -> Rapat:
    """The meeting recorded for this unit and quarter (of the snapshot's year), or an empty one."""
    r = snap.rapat
    baris = r[(r["kode_unit"] == kode_unit) & (r["triwulan"] == triwulan)]
    if baris.empty:
        return Rapat()
    b = baris.iloc[0]
    butir: tuple[Arahan, ...] = ()
    if pd.notna(b["jumlah_arahan"]):  # saved since migration 7: its first jumlah_arahan rows
        a = snap.arahan_rapat
        a = a[(a["kode_unit"] == kode_unit) & (a["triwulan"] == triwulan) & (a["nomor"] <= b["jumlah_arahan"])]
        butir = tuple(Arahan(r.arahan, _teks_atau_none(r.pic),
                             None if pd.isna(r.tenggat) else pd.Timestamp(r.tenggat).date())
                      for r in a.sort_values("nomor").itertuples(index=False))
    return Rapat(
        tanggal=None if pd.isna(b["tanggal"]) else pd.Timestamp(b["tanggal"]).date(),
        **{k: _teks_atau_none(b[k]) for k in ("tempat", "pimpinan", "peserta", "arahan")}, butir=butir,
    )


class DaftarSlide(Sequence[SlideIku]):
    """The IKU slides of a Dialog, each built when it is first shown (a presenter sees one at a time).

    At a higher unit a Dialog has hundreds of IKU; building every slide's quarter table and notes on each
    run would make the next slide wait for all of them. Slicing keeps the order: ``slide[:150]``.
    ``terpilih`` holds the slides' IKU as rows of a ``scores.skor`` table.
    """

    def __init__(self, terpilih: pd.DataFrame, snap: Snapshot, nama_unit: dict[str, str], triwulan: int) -> None:
        self._terpilih, self._snap, self._nama_unit, self._triwulan = terpilih, snap, nama_unit, triwulan
        self._dibuat: dict[int, SlideIku] = {}
        self._baris_per_iku: dict[tuple[str, str], object] | None = None
        self._asal_turunan: pd.Series | None = None  # scores.teks_asal of every IKU read, made once

    def __len__(self) -> int:
        return len(self._terpilih)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return DaftarSlide(self._terpilih.iloc[i], self._snap, self._nama_unit, self._triwulan)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        if i not in self._dibuat:
            self._dibuat[i] = self._buat(i)
        return self._dibuat[i]

    def tabel(self) -> pd.DataFrame:
        """The slides' IKU as one table (``tabel_ekspor``), from whole columns: no slide is built, so a
        ministry's 15,000 IKU export in a moment. This quarter's notes come from the stored realisasi rows."""
        d = self._terpilih
        target = d[scores.KOLOM_TARGET].to_numpy(dtype=float, na_value=float("nan"))
        realisasi = d[scores.KOLOM_REALISASI].to_numpy(dtype=float, na_value=float("nan"))
        realisasi[pd.isna(target)] = float("nan")  # a quarter without a target has no periodic realisasi
        r = self._snap.realisasi
        catatan = r.loc[r["triwulan"] == self._triwulan, ["kode_unit", "kode_iku", *KOLOM_CATATAN[1:]]]
        tabel = pd.DataFrame({
            "kode_unit": d["kode_unit"].to_numpy(), "nama_unit": d["kode_unit"].map(self._nama_unit).fillna(d["kode_unit"]).to_numpy(),
            "kode_iku": d["kode_iku"].to_numpy(), "nama_iku": d["nama_iku"].to_numpy(),
            "perspektif": d["perspektif"].to_numpy(), "satuan": d["satuan"].fillna("").to_numpy(),
            "bobot": d["bobot"].to_numpy(dtype=float),  # the NKO's weights: the export's NKO row is computed from them
            **{f"target_tw{q}": target[:, q - 1] for q in TRIWULAN},
            **{f"realisasi_tw{q}": realisasi[:, q - 1] for q in TRIWULAN},
            "target": d["target"].to_numpy(dtype=float), "realisasi": d["realisasi"].to_numpy(dtype=float),
            "capaian": d["capaian"].to_numpy(dtype=float), "status": d["status"].to_numpy(),
            "keterangan": d["keterangan"].to_numpy(),
        }).merge(catatan, on=["kode_unit", "kode_iku"], how="left")
        for k in ("kendala", "rencana_aksi", "pic"):  # missing as None, never "nan"
            tabel[k] = pd.Series([_teks_atau_none(v) for v in tabel[k]], dtype=object)
        tabel["tenggat"] = pd.Series([None if pd.isna(v) else pd.Timestamp(v).date() for v in tabel["tenggat"]],
                                     dtype=object)
        if "tahap" in d.columns:  # last: each row's unit-quarter stage, in words ('Terverifikasi'), not a code
            tabel["tahap"] = [t(f"tahap.{Tahap(v or Tahap.DRAF.value).value}") for v in d["tahap"].tolist()]
        return tabel

    def _buat(self, i: int) -> SlideIku:
        baris = next(self._terpilih.iloc[i:i + 1].itertuples(index=False))
        h = scores.hasil_iku(baris, self._triwulan)
        r = self._snap.realisasi
        kunci = (h.iku.kode_unit, h.iku.kode_iku)
        if not self._dibuat:  # the first slide (the one on screen): this IKU's rows of the year, by a mask
            milik = r[(r["kode_iku"] == kunci[1]) & (r["kode_unit"] == kunci[0])]
        else:  # more slides (the deck): the year's rows grouped by IKU once, then looked up
            if self._baris_per_iku is None:
                self._baris_per_iku = r.groupby(["kode_unit", "kode_iku"], sort=False).indices
            milik = r.iloc[self._baris_per_iku.get(kunci, [])]
        return SlideIku(
            nomor=i + 1, iku=h.iku, nama_unit=self._nama_unit.get(h.iku.kode_unit, h.iku.kode_unit), hasil=h,
            progres=scores.tabel_progres(h.iku, scores.realisasi_baris(baris)),
            catatan=_catatan(milik, h.iku, self._triwulan), keterangan=baris.keterangan,
            realisasi=scores.realisasi_baris(baris), aksi=_aksi(milik, self._triwulan),
            lalu=_lalu(baris), asal=self._asal(baris),
            rentang=rentang_iku(h.iku, _teks_atau_none(getattr(baris, "rumus_komponen", None))),
            tahap=Tahap(baris.tahap) if isinstance(getattr(baris, "tahap", None), str) else None,
        )

    def _asal(self, baris: object) -> str:
        """Where a slide's realisasi comes from (``SlideIku.asal``)."""
        rumus, agregasi = getattr(baris, "rumus_komponen", None), getattr(baris, "agregasi_anak", None)
        kunci = (baris.kode_unit, baris.kode_iku)
        if isinstance(rumus, str):
            k = self._snap.komponen
            k = k[(k["kode_unit"] == kunci[0]) & (k["kode_iku"] == kunci[1]) & (k["triwulan"] == self._triwulan)]
            nilai = {n: None if pd.isna(v) else float(v) for n, v in zip(k["komponen"], k["nilai"])}
            return t("asal.komponen", tw=nama_triwulan(self._triwulan),
                     uraian=uraian_komponen(baca_rumus(rumus), nilai))
        if isinstance(agregasi, str):  # its children counted among every IKU read (the status filter aside)
            i = self._snap.iku
            if self._asal_turunan is None:
                self._asal_turunan = scores.teks_asal(i)
            diri = i.index[(i["kode_unit"] == kunci[0]) & (i["kode_iku"] == kunci[1])]
            return str(self._asal_turunan.loc[diri[0]]) if len(diri) else ""
        return ""


KOLOM_BUKTI_DIALOG = ["kode_unit", "kode_iku", "nama", "jenis", "oleh"]
"""What the meeting shows of each data dukung file (``Storage.daftar_bukti``'s columns of it)."""


@dataclass(frozen=True)
class Dialog:
    ringkasan: Ringkasan
    slide: DaftarSlide
    rapat: Rapat = Rapat()
    bukti: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=KOLOM_BUKTI_DIALOG))
    """The data dukung of the meeting's units and quarter that the reader may see (``KOLOM_BUKTI_DIALOG``)."""

    def bukti_slide(self, s: SlideIku) -> list[str]:
        """The names of the data dukung files of one IKU screen's unit and IKU, in the order they were added.

        >>> from types import SimpleNamespace as N
        >>> d = Dialog(None, [], bukti=pd.DataFrame({"kode_unit": ["BGR", "BGR"], "kode_iku": ["B-1", "B-2"],
        ...            "nama": ["rekap.pdf", "foto.png"], "jenis": ["pdf", "png"], "oleh": ["rina", "rina"]}))
        >>> d.bukti_slide(N(iku=N(kode_unit="BGR", kode_iku="B-1")))
        ['rekap.pdf']
        """
        b = self.bukti
        return b.loc[(b["kode_unit"] == s.iku.kode_unit) & (b["kode_iku"] == s.iku.kode_iku), "nama"].tolist()


def susun(
    snap: Snapshot,
    kode_unit: str,
    triwulan: int,
    *,
    dengan_sub_unit: bool = True,
    perspektif: Sequence[str] = (),
    sumber: Sequence[str] = (),
    status: Sequence[str] = (),
    skor_iku: pd.DataFrame | None = None,
    skor_lalu: pd.DataFrame | None = None,
    bukti: pd.DataFrame | None = None,
) -> Dialog:
    """The meeting's content for ``kode_unit`` through ``triwulan``.

    ``perspektif`` and ``sumber`` (when given) apply to the summary and the slides alike, as on the Ringkasan page;
    ``status`` keeps only the slides of those lights (a list filter: the summary's figures keep
    counting every light). ``skor_iku``: the selected units' IKU already scored through ``triwulan``
    (``scores.skor``, tree order), as the pages keep them cached; else they are picked from ``snap`` and scored.
    ``skor_lalu``: the same units scored a year earlier through the same quarter, for each slide's comparison
    (``scores.banding_tahun_lalu``). When ``skor_iku`` carries each IKU's stage (``scores.dengan_tahap``), every
    slide and the export say it, and the summary whether its NKO is *sementara*. ``bukti``: the data dukung of
    the units and quarter the reader may see (``Storage.daftar_bukti``), named on each IKU's screen and listed in
    the deck.
    """
    if skor_iku is None:
        unit = scores.pohon(snap.unit).subpohon(kode_unit, dengan_sub_unit=dengan_sub_unit)
        skor_iku = scores.skor(scores.pilih_unit(scores.lebar(snap.iku, snap.realisasi), unit), triwulan)
    nama_unit = dict(zip(snap.unit["kode_unit"], snap.unit["nama_unit"]))
    kepala = scores.ikhtisar(skor_iku, kode_unit, nama_unit, perspektif, sumber)
    tabel_lingkup = scores.tabel_iku(kepala.lingkup, snap.unit)
    tahun = int(snap.iku["tahun"].iloc[0]) if not snap.iku.empty else 0
    dasar_nko = scores.dasar_nko_unit(kepala.lingkup, kode_unit, kepala.nko_milik_sendiri)
    ringkasan = Ringkasan(
        belum_final=scores.belum_final(dasar_nko) if "tahap" in skor_iku.columns else None,
        nama_unit=nama_unit.get(kode_unit, kode_unit), tahun=tahun, triwulan=triwulan,
        nko=kepala.nko, nko_milik_sendiri=kepala.nko_milik_sendiri, judul_nko=kepala.judul_nko,
        cakupan_nko=kepala.teks_cakupan_nko, lingkup=kepala.teks_lingkup,
        jumlah=kepala.jumlah, per_perspektif=_per_perspektif(tabel_lingkup),
        perhatian=urut_perhatian(tabel_lingkup.assign(biaya=scores.poin_hilang(kepala.lingkup))[
            tabel_lingkup["status"].to_numpy() != Status.HIJAU.value])[
            ["kode_iku", "nama_iku", "nama_unit", "capaian", "status", "keterangan"]].reset_index(drop=True),
    )
    terpilih = kepala.lingkup[kepala.lingkup["status"].isin(status)] if status else kepala.lingkup
    if skor_lalu is not None:
        banding = scores.banding_tahun_lalu(terpilih, skor_lalu)
        terpilih = terpilih.assign(capaian_lalu=banding["capaian_lalu"].to_numpy(),
                                   status_lalu=banding["status_lalu"].to_numpy())
    slide = DaftarSlide(terpilih, snap, nama_unit, triwulan)
    bukti = (bukti if bukti is not None else pd.DataFrame(columns=KOLOM_BUKTI_DIALOG)).reindex(columns=KOLOM_BUKTI_DIALOG)
    return Dialog(ringkasan, slide, rapat_dari(snap, kode_unit, triwulan), bukti.reset_index(drop=True))


_URUT_LAMPU = {Status.MERAH.value: 0, Status.KUNING.value: 1, Status.ABU_ABU.value: 2, Status.HIJAU.value: 3}


def urut_perhatian(tabel: pd.DataFrame) -> pd.DataFrame:
    """The IKU that need attention in the order the meeting takes them: merah, kuning, abu-abu; within a light the
    most NKO points lost first (``biaya``), grey ones the heaviest bobot first; then table order."""
    kosong = pd.Series(np.nan, index=tabel.index)
    kunci = pd.DataFrame({
        "lampu": tabel["status"].map(_URUT_LAMPU).fillna(4).to_numpy(),
        "biaya": -pd.to_numeric(tabel.get("biaya", kosong), errors="coerce").fillna(0.0).to_numpy(),
        "bobot": -pd.to_numeric(tabel.get("bobot", kosong), errors="coerce").fillna(0.0).to_numpy(),
    })
    return tabel.iloc[kunci.sort_values(["lampu", "biaya", "bobot"], kind="stable").index.to_numpy()]


def ke_depan(s: SlideIku) -> list[tuple[str, str]]:
    """Where an IKU's year stands and is heading, as (label, text) lines for the screen and the deck: what the
    rest of the year must bring to end hijau and to leave merah (not once the year is complete), the prognosis,
    and the same IKU last year; those that apply."""
    baris = []
    hijau, merah = s.kebutuhan()
    if hijau.keadaan is Keadaan.AMAN:
        baris.append((t("dialog.sampai_akhir_tahun"), t("dialog.pasti_hijau")))
    elif hijau.keadaan is not Keadaan.LENGKAP:
        isi = t("dialog.agar_hijau", teks=teks_kebutuhan(hijau, s.iku.satuan))
        if merah.keadaan not in (Keadaan.AMAN, Keadaan.BELUM_DILAPOR):  # the missing quarter is said once
            isi += "; " + t("dialog.agar_tidak_merah", teks=teks_kebutuhan(merah, s.iku.satuan))
        baris.append((t("dialog.sampai_akhir_tahun"), isi))
    akhir = s.prognosis()
    if akhir is not None and akhir.capaian.nilai is not None:
        baris.append((t("dialog.prognosis"), f"{persen(akhir.capaian.nilai)} · {label_status(akhir.status)}"))
    if s.lalu is not None:
        baris.append((t("dialog.tahun_lalu", tw=nama_triwulan(s.hasil.sd_triwulan.triwulan)),
                      teks_tahun_lalu(s.hasil.capaian.nilai, *s.lalu)))
    return baris


def _lalu(baris: object) -> tuple[float | None, Status] | None:
    """Last year's capaian and light of a slide's row, when ``susun`` was given last year's scores."""
    status = getattr(baris, "status_lalu", "")
    if not status:
        return None
    capaian = baris.capaian_lalu
    return (None if pd.isna(capaian) else float(capaian)), Status(status)


def _per_perspektif(tabel: pd.DataFrame) -> pd.DataFrame:
    hitung = pd.crosstab(tabel["perspektif"], tabel["status"]).reindex(columns=[s.value for s in Status], fill_value=0)
    ada = [p.value for p in Perspektif if p.value in hitung.index]
    return hitung.reindex(ada).rename_axis(None, axis=1).reset_index()


def _catatan(realisasi: pd.DataFrame, iku: Iku, triwulan: int) -> pd.DataFrame:
    baris = realisasi[(realisasi["kode_unit"] == iku.kode_unit) & (realisasi["kode_iku"] == iku.kode_iku)
                      & (realisasi["triwulan"] <= triwulan)]
    teks = baris[["kendala", "rencana_aksi", "pic"]].replace("", None)  # a note emptied in the meeting is no note
    baris = baris[teks.notna().any(axis=1) | baris["tenggat"].notna()]
    baris = baris[KOLOM_CATATAN].sort_values("triwulan", ascending=False).reset_index(drop=True)
    # missing values as None (an object column keeps it), so no "nan" or "NaT" ever reaches a screen or a file
    hasil = pd.DataFrame({"triwulan": baris["triwulan"].astype(int)})
    for k in ("kendala", "rencana_aksi", "pic"):
        hasil[k] = pd.Series([_teks_atau_none(v) for v in baris[k]], dtype=object)
    hasil["tenggat"] = pd.Series([None if pd.isna(v) else pd.Timestamp(v).date() for v in baris["tenggat"]],
                                 dtype=object)
    return hasil


def _aksi(realisasi: pd.DataFrame, triwulan: int) -> tuple[Aksi, ...]:
    """One IKU's rencana aksi of the year (its realisasi rows), those a meeting on ``triwulan`` reviews."""
    semua = [
        Aksi(int(r["triwulan"]), teks, _teks_atau_none(r["pic"]),
             None if pd.isna(r["tenggat"]) else pd.Timestamp(r["tenggat"]).date(),
             StatusAksi(r["status_aksi"]) if _teks_atau_none(r.get("status_aksi")) else None,
             _teks_atau_none(r.get("catatan_aksi")))
        for r in realisasi.to_dict("records") if (teks := _teks_atau_none(r["rencana_aksi"]))
    ]
    return tuple(untuk_dibahas(semua, triwulan))


def _teks_atau_none(nilai: object) -> str | None:
    if nilai is None or (not isinstance(nilai, str) and pd.isna(nilai)):  # type: ignore[arg-type]
        return None
    teks = str(nilai).strip()
    return teks or None


def kunci_catatan(s: SlideIku, tahun: int) -> str:
    """A widget-key suffix for the notes form of this IKU and quarter, as the note is stored now.

    Naming the IKU keeps one slide's typing out of another slide's form; naming the stored note makes the
    form show the stored text again as soon as it changes (a save here or in another session).
    """
    c = s.catatan_triwulan_ini
    isi = "\x1f".join("" if c[k] is None else str(c[k]) for k in KOLOM_CATATAN[1:])
    sidik = hashlib.sha1(isi.encode()).hexdigest()[:10]
    return f"{s.iku.kode_unit}_{s.iku.kode_iku}_{tahun}_tw{s.hasil.sd_triwulan.triwulan}_{sidik}"


def kunci_rapat(rapat: Rapat, kode_unit: str, tahun: int, triwulan: int) -> str:
    """A widget-key suffix for the meeting's forms: the unit, the quarter and the meeting as stored now."""
    isi = "\x1f".join("" if v is None else str(v) for v in
                      (rapat.tanggal, rapat.tempat, rapat.pimpinan, rapat.peserta, rapat.arahan, rapat.butir))
    return f"{kode_unit}_{tahun}_tw{triwulan}_{hashlib.sha1(isi.encode()).hexdigest()[:10]}"


def baca_tenggat(teks: str) -> datetime.date | None:
    """A due date as typed in the notes form: day/month/year (``30/11/2026``, ``1-2-2026``) or ISO
    (``2026-11-30``); empty is no date. Anything else, a partly typed date too, raises ``ValueError``: the form
    refuses it with a message instead of dropping it.

    >>> baca_tenggat("30/11/2026"), baca_tenggat(" ")
    (datetime.date(2026, 11, 30), None)
    >>> baca_tenggat("30/11/20")
    Traceback (most recent call last):
    ValueError: 30/11/20
    """
    teks = teks.strip()
    if not teks:
        return None
    if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", teks):
        hari, bulan, tahun = (int(x) for x in m.groups())
    elif m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", teks):
        tahun, bulan, hari = (int(x) for x in m.groups())
    else:
        raise ValueError(teks)
    try:
        return datetime.date(tahun, bulan, hari)
    except ValueError:
        raise ValueError(teks) from None


def catatan_sama(
    tersimpan: dict[str, object], *, kendala: str, rencana_aksi: str, pic: str, tenggat: datetime.date | None,
) -> bool:
    """Whether saving these fields would change nothing (so no revision is made).

    Text compares as ``simpan.simpan_catatan`` would store it (Word's line breaks as line breaks,
    trimmed; empty is no text); a blank due date keeps the stored one.
    """
    baru = {"kendala": kendala, "rencana_aksi": rencana_aksi, "pic": pic}
    if any((tersimpan[k] or "") != rapikan_teks(v) for k, v in baru.items()):
        return False
    return tenggat is None or tenggat == tersimpan["tenggat"]


def tabel_ekspor(dialog: Dialog) -> pd.DataFrame:
    """The meeting's table for the XLSX/CSV export: one row per IKU with its numbers and this quarter's notes."""
    return dialog.slide.tabel()
