"""Who is reminded of what on a given day (``python -m kinerja remind``, run daily by cron).

- a **pengisi** (granted as such) of a unit whose quarter is not submitted (draf or dikembalikan): 7, 3 and 1 days before its
  submit deadline, and on the day after it;
- a **verifikator** (granted as such) who may verify a submitted quarter: once for each submission waiting;
- an **admin of every unit**: a summary of the day, when anything is due or late.

Each reminder has a key (``Pengingat.kunci``): the sender records it once sent, so a second run on the same day
(or a retry) sends nothing twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kinerja_core.akses import SEMUA, Hibah, Peran, berhak
from kinerja_core.siklus import Aturan, Langkah, Tahap, berhak_langkah

HARI_SEBELUM = (7, 3, 1)
"""Days before the submit deadline a pengisi is reminded; and once more the day after it."""


@dataclass(frozen=True)
class TahapUnit:
    """One unit-quarter as the reminders see it: its stage, its submit deadline, who submitted and when."""

    tahun: int
    triwulan: int
    kode_unit: str
    tahap: Tahap
    tenggat_ajukan: dt.date
    tenggat_verifikasi: dt.date
    diajukan_oleh: str | None = None
    diajukan_pada: dt.datetime | None = None


@dataclass(frozen=True)
class Penerima:
    """A person who may be reminded: their name, e-mail (None: none known, nothing is sent) and grants."""

    identitas: str
    email: str | None
    hibah: tuple[Hibah, ...]


@dataclass(frozen=True)
class Butir:
    """One thing a reminder says: what (``jenis``: ``belum_diajukan``, ``terlambat``, ``menunggu_verifikasi``),
    of which unit-quarter, and the days to (negative) or past (positive) its deadline."""

    jenis: str
    tahun: int
    triwulan: int
    kode_unit: str
    hari: int
    kunci: str


@dataclass(frozen=True)
class Pengingat:
    """One e-mail: to whom, in which role (``pengisi``, ``verifikator``, ``admin``), the things it says."""

    penerima: Penerima
    peran: str
    butir: tuple[Butir, ...]


def rencana(hari: dt.date, tahap: Sequence[TahapUnit], orang: Iterable[Penerima], induk: Mapping[str, str | None],
            aturan: Aturan | None = None, sudah: frozenset[str] = frozenset()) -> list[Pengingat]:
    """The reminders due on ``hari``, leaving out every item already sent (``sudah``: their keys).

    >>> induk = {"KWJABAR": None, "KPPBCBOGOR": "KWJABAR"}
    >>> tu = TahapUnit(2026, 3, "KPPBCBOGOR", Tahap.DRAF, dt.date(2026, 10, 14), dt.date(2026, 10, 23))
    >>> rina = Penerima("rina", "rina@bc.go.id", (Hibah(Peran.PENGISI, "KPPBCBOGOR"),))
    >>> [(p.peran, b.jenis, b.hari) for p in rencana(dt.date(2026, 10, 11), [tu], [rina], induk) for b in p.butir]
    [('pengisi', 'belum_diajukan', -3)]
    >>> rencana(dt.date(2026, 10, 12), [tu], [rina], induk)  # 2 days before: not a reminder day
    []
    """
    orang = list(orang)
    aturan = aturan or Aturan()
    hasil: list[Pengingat] = []
    ringkas: list[Butir] = []
    for p in orang:
        if p.email is None:
            continue
        # each role is reminded of its own part: an admin, whose grant covers every role, gets the summary
        pengisi = [h for h in p.hibah if h.peran is Peran.PENGISI]
        verifikator = [h for h in p.hibah if h.peran is Peran.VERIFIKATOR]
        butir_isi, butir_verif = [], []
        for u in tahap:
            selisih = (hari - u.tenggat_ajukan).days
            if u.tahap in (Tahap.DRAF, Tahap.DIKEMBALIKAN) and (-selisih in HARI_SEBELUM or selisih == 1) and (
                    berhak(pengisi, Peran.PENGISI, u.kode_unit, induk)):
                jenis = "terlambat" if selisih > 0 else "belum_diajukan"
                butir_isi.append(Butir(jenis, u.tahun, u.triwulan, u.kode_unit, selisih,
                                       f"pengisi:{p.identitas}:{u.tahun}:{u.triwulan}:{u.kode_unit}:{selisih}"))
            if u.tahap is Tahap.DIAJUKAN and u.diajukan_oleh != p.identitas and berhak_langkah(
                    verifikator, Langkah.VERIFIKASI, u.kode_unit, induk, aturan):
                waktu = u.diajukan_pada.isoformat(timespec="seconds") if u.diajukan_pada else ""
                butir_verif.append(Butir("menunggu_verifikasi", u.tahun, u.triwulan, u.kode_unit,
                                         (hari - u.tenggat_verifikasi).days,
                                         f"verifikator:{p.identitas}:{u.tahun}:{u.triwulan}:{u.kode_unit}:{waktu}"))
        for peran, butir in (("pengisi", butir_isi), ("verifikator", butir_verif)):
            baru = tuple(b for b in butir if b.kunci not in sudah)
            if baru:
                hasil.append(Pengingat(p, peran, baru))
    for u in tahap:
        selisih = (hari - u.tenggat_ajukan).days
        if u.tahap in (Tahap.DRAF, Tahap.DIKEMBALIKAN) and selisih >= -HARI_SEBELUM[0]:
            ringkas.append(Butir("terlambat" if selisih > 0 else "belum_diajukan", u.tahun, u.triwulan, u.kode_unit,
                                 selisih, ""))
        elif u.tahap is Tahap.DIAJUKAN:
            ringkas.append(Butir("menunggu_verifikasi", u.tahun, u.triwulan, u.kode_unit,
                                 (hari - u.tenggat_verifikasi).days, ""))
    if ringkas:
        for p in orang:
            kunci = f"admin:{p.identitas}:{hari.isoformat()}"
            if p.email is not None and kunci not in sudah and any(
                    h.peran is Peran.ADMIN and h.kode_unit == SEMUA for h in p.hibah):
                hasil.append(Pengingat(p, "admin", tuple(
                    Butir(b.jenis, b.tahun, b.triwulan, b.kode_unit, b.hari, kunci)
                    for b in sorted(ringkas, key=lambda b: (-b.hari, b.kode_unit)))))
    return hasil
