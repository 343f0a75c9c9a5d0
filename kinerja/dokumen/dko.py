"""The Laporan Dialog Kinerja: the minutes of one unit's Dialog Kinerja Organisasi of one quarter, as a
``model.Dokumen``.

The same content as the meeting's PPTX deck (``kinerja.rapat.deck``), from the same ``kinerja.rapat.dialog.susun``:
the meeting (date, place, chair, attendees), the NKO and the lights, each IKU discussed (its capaian explained,
its quarters, kendala and rencana aksi, data dukung), the follow-up of earlier actions, the data dukung, the arahan,
and the head of unit's signature block. A unit and quarter with no meeting stored raise ``TidakAdaRapat``.
"""

from __future__ import annotations

import datetime

import pandas as pd

from kinerja import scores
from kinerja.dokumen import DokumenDitolak, Permintaan, bagian
from kinerja.dokumen.bagian import sel_angka, sel_capaian, sel_status, sel_teks, teks
from kinerja.dokumen.model import Blok, Butir, Dokumen, Judul, Paragraf, Sel, Tabel, TandaTangan
from kinerja.pesan import Pesan
from kinerja.rapat import dialog
from kinerja.rapat.dialog import KOLOM_BUKTI_DIALOG, Dialog, SlideIku
from kinerja.store import Snapshot, Storage
from kinerja.texts import (
    KOSONG,
    ROMAWI,
    angka,
    dalam_bahasa,
    jelaskan_capaian,
    label_status,
    nama_tahap,
    nama_triwulan,
    persen,
    t,
    tanggal_panjang,
    tn,
)
from kinerja_core.model import Status


class TidakAdaRapat(DokumenDitolak, LookupError):
    """No Dialog Kinerja is stored for this unit and quarter: there are no minutes to write (the gate refuses the
    request with this message: the command line exits 1, a page says it).

    >>> print(TidakAdaRapat("KPPBCBOGOR", 2019, 3))
    Belum ada Dialog Kinerja KPPBCBOGOR yang tercatat untuk TW III 2019: isi dulu data rapatnya di halaman Dialog Kinerja.
    """

    def __init__(self, kode_unit: str, tahun: int, triwulan: int) -> None:
        super().__init__(Pesan("dok.dko.tidak_ada_rapat", {
            "unit": kode_unit, "tahun": tahun, "tw": Pesan("triwulan.nama", {"romawi": ROMAWI[triwulan]})}))
        self.kode_unit, self.tahun, self.triwulan = kode_unit, tahun, triwulan


def susun(storage: Storage, p: Permintaan) -> Dokumen:
    """The minutes of the Dialog Kinerja of ``p.kode_unit`` (with its sub-units, as the Dialog page opens) in
    ``p.triwulan`` of ``p.tahun``, in ``p.bahasa``; ``TidakAdaRapat`` when no meeting is stored for them."""
    if p.triwulan not in ROMAWI:
        raise ValueError(f"triwulan {p.triwulan!r}: 1–4")
    with dalam_bahasa(p.bahasa):
        return _susun(storage, p, int(p.triwulan))  # type: ignore[arg-type]


def isi_dialog(storage: Storage, kode_unit: str, tahun: int, triwulan: int) -> tuple[Dialog, Snapshot]:
    """The meeting's content as the Dialog page and its deck have it (``dialog.susun``): the unit and its sub-units
    scored through the quarter with their stages, last year's scores beside them, and the data dukung."""
    snap: Snapshot = storage.baca(tahun, kode_unit, sub_unit=True)
    bagian.baris_unit(snap.unit, kode_unit)  # an unknown unit: UnitTidakDikenal
    r = snap.rapat
    if r[(r["kode_unit"] == kode_unit) & (r["triwulan"] == triwulan)].empty:
        raise TidakAdaRapat(kode_unit, tahun, triwulan)
    tahap = storage.tahap_tahun(tahun)
    skor_iku = _skor(snap, kode_unit, triwulan, tahap)
    skor_lalu = None
    if tahun - 1 in storage.daftar_tahun():
        lalu = storage.baca(tahun - 1, kode_unit, sub_unit=True)
        skor_lalu = _skor(lalu, kode_unit, triwulan, storage.tahap_tahun(tahun - 1))
    bukti = storage.daftar_bukti(tahun, triwulan, kode_unit, sub_unit=True).reindex(columns=KOLOM_BUKTI_DIALOG)
    return dialog.susun(snap, kode_unit, triwulan, skor_iku=skor_iku, skor_lalu=skor_lalu, bukti=bukti), snap


def _skor(snap: Snapshot, kode_unit: str, q: int, tahap: pd.DataFrame) -> pd.DataFrame:
    unit = scores.pohon(snap.unit).subpohon(kode_unit, dengan_sub_unit=True)  # tree order, as the page
    lebar = scores.pilih_unit(scores.lebar(snap.iku, snap.realisasi), unit).reset_index(drop=True)
    return scores.dengan_tahap(scores.skor(lebar, q), tahap, q)


def _susun(storage: Storage, p: Permintaan, q: int) -> Dokumen:
    d, snap = isi_dialog(storage, p.kode_unit, p.tahun, q)
    unit_row = bagian.baris_unit(snap.unit, p.kode_unit)
    instansi, logo = bagian.kop(storage)
    r = d.ringkasan
    sub = t("ringkasan.sub", unit=r.nama_unit, tahun=p.tahun, romawi=ROMAWI[q])
    per = d.rapat.tanggal or bagian.tanggal_dokumen(p.tanggal)  # an action is late against the meeting's date
    isi: list[Blok] = [*_bab_rapat(d), *_bab_ringkasan(d), *_bab_iku(d), *_bab_tindak_lanjut(d, per),
                       *_bab_bukti(d), *_bab_arahan(d)]
    tanggal = p.tanggal or d.rapat.tanggal or bagian.tanggal_dokumen(None)
    isi.append(TandaTangan((bagian.penanda_pimpinan(unit_row, tanggal),)))
    return Dokumen(
        jenis="dko", judul=t("dok.dko.judul"), sub_judul=(r.nama_unit, sub), instansi=instansi, bahasa=p.bahasa,
        isi=tuple(isi), nama_berkas=bagian.nama_berkas("dko", p.kode_unit, p.tahun, q), logo=logo,
    )


# --- the chapters, in the deck's order ------------------------------------------------------------------------------


def _bab_rapat(d: Dialog) -> list[Blok]:
    """What meeting this is: when, where, who chaired it, who came (the deck's first slide)."""
    rapat = d.rapat
    belum = t("deck.belum_diisi")
    peserta = rapat.daftar_peserta
    rincian = (
        (t("kolom.tanggal"), tanggal_panjang(rapat.tanggal) if rapat.tanggal else belum),
        (t("kolom.tempat"), rapat.tempat or belum),
        (t("kolom.pimpinan"), rapat.pimpinan or belum),
        (t("kolom.peserta"), tn("dialog.jumlah_peserta", len(peserta)) if peserta else belum),
    )
    blok: list[Blok] = [
        Judul(t("dok.dko.bab_rapat")),
        Tabel(t("dok.dko.tabel_rapat"), (t("dok.dko.rincian"), t("dok.dko.keterangan")),
              tuple((Sel(label, tebal=True), Sel(nilai)) for label, nilai in rincian), (1.0, 3.0)),
        Judul(t("kolom.peserta"), 2),
    ]
    blok.append(Butir(tuple(peserta)) if peserta else Paragraf(belum, miring=True))
    return blok


def _bab_ringkasan(d: Dialog) -> list[Blok]:
    """The NKO, its light and stage, the count of lights, per perspective, and the IKU that need attention."""
    r = d.ringkasan
    nko = angka(r.nko.nilai, 2, tetap=True) if r.nko.nilai is not None else KOSONG
    blok: list[Blok] = [Judul(t("ringkasan.judul")),
                        Paragraf(f"{r.judul_nko}: {nko} · {label_status(r.nko.status)}", tebal=True),
                        Paragraf(r.cakupan_nko)]
    if r.teks_tahap_nko:
        blok.append(Paragraf(r.teks_tahap_nko))
    blok.append(Paragraf(scores.ringkas_jumlah(r.jumlah)))
    per = tuple((sel_teks(p["perspektif"]), *(Sel(str(int(p[s.value])), angka=float(p[s.value]), rata="kanan",
                                                  format_angka="0") for s in Status))
                for p in r.per_perspektif.to_dict("records"))
    blok.append(Tabel(t("dialog.per_perspektif"), (t("kolom.perspektif"), *(label_status(s) for s in Status)), per,
                      (2.4, 1.2, 1.2, 1.2, 1.2), kosong=t("dialog.kosong")))
    perhatian = tuple((sel_teks(p["kode_iku"]), sel_teks(p["nama_iku"]), sel_teks(p["nama_unit"]),
                       sel_capaian(p["capaian"]), sel_status(p["status"]), sel_teks(p["keterangan"]))
                      for p in r.perhatian.to_dict("records"))
    blok.append(Tabel(t("dialog.perhatian"), (t("kolom.kode_iku"), t("kolom.nama_iku"), t("kolom.nama_unit"),
                                              t("kolom.capaian"), t("kolom.status"), t("kolom.keterangan")),
                      perhatian, (1.2, 3.6, 2.2, 1.3, 1.3, 2.6),
                      kosong=t("dialog.kosong") if r.per_perspektif.empty else t("dialog.semua_hijau")))
    return blok


def _bab_iku(d: Dialog) -> list[Blok]:
    """Each IKU discussed, as its slide: the light and why, every number explained, its quarters, the notes."""
    blok: list[Blok] = [Judul(t("dok.dko.bab_iku"))]
    if not len(d.slide):
        return [*blok, Paragraf(t("dialog.kosong"))]
    kode = [s.iku.kode_iku for s in d.slide]
    kembar = {k for k in kode if kode.count(k) > 1} if len(set(kode)) < len(kode) else set()
    for s in d.slide:
        blok += _iku(d, s, dengan_unit=s.iku.kode_iku in kembar)
    return blok


def _iku(d: Dialog, s: SlideIku, *, dengan_unit: bool = False) -> list[Blok]:
    info = t("progres.info", polaritas=t(f"polaritas.{s.iku.polaritas.value}"),
             konsolidasi=t(f"konsolidasi.{s.iku.konsolidasi.value}"), bobot=angka(s.iku.bobot))
    lampu = f"{t('dialog.capaian')}: {persen(s.hasil.capaian.nilai)} · {label_status(s.hasil.status)}"
    if s.keterangan:
        lampu += f" — {s.keterangan}"
    blok: list[Blok] = [Judul(f"{s.iku.kode_iku} · {s.iku.nama_iku}", 2), Paragraf(f"{s.nama_unit} · {info}"),
                        Paragraf(lampu, tebal=True)]
    if s.tahap is not None:
        blok.append(Paragraf(t("tahap_layar.tahap_slide", tahap=nama_tahap(s.tahap))))
    penjelasan = [jelaskan_capaian(s.rumus())]
    if s.asal:  # a computed realisasi: what it is made of
        penjelasan.append(t("dialog.asal", teks=s.asal))
    penjelasan += [f"{label}: {isi}" for label, isi in dialog.ke_depan(s)]
    blok.append(Paragraf("\n".join(penjelasan)))
    blok.append(_tabel_progres(s, dengan_unit))
    tw = nama_triwulan(s.hasil.sd_triwulan.triwulan)
    c = s.catatan_triwulan_ini
    blok.append(Judul(f"{t('dialog.catatan')} ({tw})", 2))
    if any(c[k] for k in ("kendala", "rencana_aksi", "pic", "tenggat")):
        blok.append(Paragraf("\n".join((
            f"{t('kolom.kendala')}: {teks(c['kendala']) or KOSONG}",
            f"{t('kolom.rencana_aksi')}: {teks(c['rencana_aksi']) or KOSONG}",
            f"{t('kolom.pic')}: {teks(c['pic']) or KOSONG} · {t('dialog.tenggat')}: {angka(c['tenggat'])}",
        ))))
    else:
        blok.append(Paragraf(t("dialog.catatan_kosong", tw=tw), miring=True))
    if nama := d.bukti_slide(s):
        blok.append(Paragraf(t("dialog.bukti", daftar=", ".join(teks(n) for n in nama))))
    return blok


def _tabel_progres(s: SlideIku, dengan_unit: bool = False) -> Tabel:
    """Quarter by quarter: periodic target and realisasi, the year-to-date ones they make, capaian, light. Its caption
    names the IKU (and its unit, when two units of the meeting have an IKU of that code): a sheet's name in xlsx."""
    kolom = (t("kolom.triwulan"), t("deck.target_tw"), t("deck.realisasi_tw"), t("kolom.target"),
             t("kolom.realisasi"), t("kolom.capaian"), t("kolom.status"))
    baris = tuple(
        (Sel(nama_triwulan(int(r["triwulan"]))), sel_angka(r["target_periodik"]), sel_angka(r["realisasi_periodik"]),
         sel_angka(r["target"]), sel_angka(r["realisasi"]), sel_capaian(r["capaian"]), sel_status(r["status"]))
        for r in s.progres.to_dict("records"))
    kode = f"{s.iku.kode_unit} {s.iku.kode_iku}" if dengan_unit else s.iku.kode_iku
    return Tabel(f"{kode} · {t('dok.dko.progres')}", kolom, baris, (1.0, 1.4, 1.4, 1.4, 1.4, 1.3, 1.5))


def _bab_tindak_lanjut(d: Dialog, per: datetime.date) -> list[Blok]:
    """Earlier quarters' rencana aksi the meeting reviewed, with their status (and any past its tenggat)."""
    baris = []
    for s in d.slide:
        for a in s.aksi:
            status = t(f"aksi.{a.status.value}") if a.status else t("aksi.belum")
            if a.lewat_tenggat(per):
                status += f" · {t('aksi.lewat_tenggat')}"
            baris.append((sel_teks(s.iku.kode_iku), Sel(nama_triwulan(a.triwulan)), sel_teks(a.rencana_aksi),
                          sel_teks(a.pic), Sel(angka(a.tenggat)), Sel(status), sel_teks(a.catatan)))
    kolom = (t("kolom.kode_iku"), t("kolom.triwulan"), t("kolom.rencana_aksi"), t("kolom.pic"), t("kolom.tenggat"),
             t("kolom.status_aksi"), t("kolom.catatan_aksi"))
    tw = nama_triwulan(d.ringkasan.triwulan)
    return [Judul(t("aksi.judul")),
            Tabel(t("aksi.judul"), kolom, tuple(baris), (1.3, 1.0, 3.6, 1.6, 1.4, 1.8, 3.0),
                  kosong=t("dok.triwulan.aksi_kosong", tw=tw))]


def _bab_bukti(d: Dialog) -> list[Blok]:
    baris = tuple((sel_teks(r.kode_unit), sel_teks(r.kode_iku), sel_teks(r.nama), Sel(teks(r.jenis).upper() or KOSONG),
                   sel_teks(r.oleh)) for r in d.bukti.itertuples(index=False))
    tw = nama_triwulan(d.ringkasan.triwulan)
    return [Judul(t("deck.bukti_judul")),
            Tabel(t("deck.bukti_judul"), (t("kolom.kode_unit"), t("kolom.kode_iku"), t("bukti.kolom.nama"),
                                          t("bukti.kolom.jenis"), t("bukti.kolom.oleh")),
                  baris, (1.6, 1.3, 5.0, 1.0, 2.2), kosong=t("dok.triwulan.bukti_kosong", tw=tw))]


def _bab_arahan(d: Dialog) -> list[Blok]:
    """The chair's decisions in order, each with who carries it out and by when (the deck's last slide)."""
    baris = tuple((Sel(str(i), angka=float(i), rata="kanan", format_angka="0"), sel_teks(a.teks), sel_teks(a.pic),
                   Sel(angka(a.tenggat)))
                  for i, a in enumerate(d.rapat.daftar_arahan, start=1))
    return [Judul(t("dialog.arahan")),
            Tabel(t("dialog.arahan"), (t("dok.triwulan.no"), t("kolom.arahan"), t("kolom.pic"),
                                           t("kolom.tenggat")), baris,
                  (0.5, 6.0, 2.2, 1.6), kosong=t("dialog.arahan_kosong"))]
