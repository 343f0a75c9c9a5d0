"""The reporting cycle of one unit's quarter: draf → diajukan → terverifikasi (or dikembalikan) → final.

A pengisi of the unit submits (``ajukan``) what was uploaded; a verifikator verifies it (``verifikasi``) or
returns it with a reason (``kembalikan``: editable again); an admin sets it final (``finalkan``: the quarter's
realisasi, komponen and notes of the unit are locked) or reopens it with a reason (``buka``: back to draf).
The person who submitted may not verify or finalise the same unit-quarter; a verifikator granted on the unit
itself (not above it) may not verify that unit unless the installation allows it.

Each stage has a deadline (``Tenggat``): by default day 14, 23 and 30 of the month after the quarter for
submitting, verifying and finalising (a Kemenkeu office's TW III: 14, 23 and 30 October).

Everything here is pure: who did what and when comes in as values, refusals go out as ``Alasan`` codes.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from kinerja_core.akses import SEMUA, Hibah, Peran, leluhur
from kinerja_core.tahap import Tahap as Tahap  # the stages live in their own module; named from here too


class Langkah(StrEnum):
    """A step of the cycle; the command line names them ``submit``, ``verify``, ``return``, ``finalize``, ``reopen``."""

    AJUKAN = "ajukan"
    VERIFIKASI = "verifikasi"
    KEMBALIKAN = "kembalikan"
    FINALKAN = "finalkan"
    BUKA = "buka"


DARI: Mapping[Langkah, frozenset[Tahap]] = {
    Langkah.AJUKAN: frozenset({Tahap.DRAF, Tahap.DIKEMBALIKAN}),
    Langkah.VERIFIKASI: frozenset({Tahap.DIAJUKAN}),
    Langkah.KEMBALIKAN: frozenset({Tahap.DIAJUKAN, Tahap.TERVERIFIKASI}),
    Langkah.FINALKAN: frozenset({Tahap.TERVERIFIKASI}),
    Langkah.BUKA: frozenset({Tahap.FINAL}),
}
"""The stages each step may start from (``BUKA`` also from a quarter the deadline locked: see ``periksa_langkah``)."""

KE: Mapping[Langkah, Tahap] = {
    Langkah.AJUKAN: Tahap.DIAJUKAN, Langkah.VERIFIKASI: Tahap.TERVERIFIKASI, Langkah.KEMBALIKAN: Tahap.DIKEMBALIKAN,
    Langkah.FINALKAN: Tahap.FINAL, Langkah.BUKA: Tahap.DRAF,
}
"""The stage each step leads to."""

PERAN_LANGKAH: Mapping[Langkah, Peran] = {
    Langkah.AJUKAN: Peran.PENGISI, Langkah.VERIFIKASI: Peran.VERIFIKATOR, Langkah.KEMBALIKAN: Peran.VERIFIKATOR,
    Langkah.FINALKAN: Peran.ADMIN, Langkah.BUKA: Peran.ADMIN,
}
"""The role each step needs on the unit."""

BERALASAN = frozenset({Langkah.KEMBALIKAN, Langkah.BUKA})
"""Steps that need a reason (shown to the pengisi, kept in the audit trail)."""

TERKUNCI = frozenset({Tahap.FINAL})
"""Stages whose data no upload, note or undo may change."""

PERLU_ULANG = frozenset({Tahap.DIAJUKAN, Tahap.TERVERIFIKASI})
"""Stages a change of the data sends back to ``draf`` (submitted or verified figures are no longer what changed)."""


KOLOM_TERKUNCI: Mapping[str, tuple[str, ...]] = {"realisasi": ("realisasi", "kendala", "rencana_aksi"),
                                                  "komponen": ("nilai",)}
"""What a final quarter locks, per table: the figures reported and their notes. The follow-up of an action plan (pic,
tenggat, status_aksi, catatan_aksi) is tracked after its quarter, in later meetings, so it stays open; so does the
meeting's own record (``rapat``), written when the final figures are discussed."""


class AkibatTulis(StrEnum):
    """What a change of a unit-quarter's data meets."""

    FINAL = "final"  # refused: the quarter is final
    LEWAT_TENGGAT = "lewat_tenggat"  # refused: past the submit deadline on an installation that locks there
    KEMBALI_DRAF = "kembali_draf"  # allowed, and the submitted or verified quarter goes back to draf


def akibat_tulis(keadaan: Keadaan, *, lewat_tenggat: bool, aturan: Aturan) -> AkibatTulis | None:
    """What changing a unit-quarter's reported figures does, as it stands (None: nothing; a draf stays draf). The
    one rule of the preview and of the committing transaction.

    >>> akibat_tulis(Keadaan(Tahap.FINAL), lewat_tenggat=False, aturan=Aturan())
    <AkibatTulis.FINAL: 'final'>
    >>> akibat_tulis(Keadaan(Tahap.TERVERIFIKASI), lewat_tenggat=True, aturan=Aturan(kunci_tenggat=True))
    <AkibatTulis.KEMBALI_DRAF: 'kembali_draf'>
    >>> akibat_tulis(Keadaan(), lewat_tenggat=True, aturan=Aturan(kunci_tenggat=True))
    <AkibatTulis.LEWAT_TENGGAT: 'lewat_tenggat'>
    """
    if keadaan.tahap in TERKUNCI:
        return AkibatTulis.FINAL
    if (aturan.kunci_tenggat and lewat_tenggat and not keadaan.dibuka
            and keadaan.tahap in (Tahap.DRAF, Tahap.DIKEMBALIKAN)):
        return AkibatTulis.LEWAT_TENGGAT
    if keadaan.tahap in PERLU_ULANG:
        return AkibatTulis.KEMBALI_DRAF
    return None


class Alasan(StrEnum):
    """Why a step is refused: a message code, put in words where a person reads it."""

    TAHAP_SALAH = "tahap_salah"  # the step does not start from the current stage
    TANPA_PERAN = "tanpa_peran"  # the person lacks the role on the unit
    PENGAJU_SAMA = "pengaju_sama"  # the person who submitted may not verify or finalise
    UNIT_SENDIRI = "unit_sendiri"  # a verifikator of the unit itself may not verify it (setting off)
    TANPA_ALASAN = "tanpa_alasan"  # return and reopen need a reason
    LEWAT_TENGGAT = "lewat_tenggat"  # the submit window has closed and the installation locks at the deadline
    BUKTI_KURANG = "bukti_kurang"  # an IKU marked bukti_wajib has no data dukung for the quarter


@dataclass(frozen=True)
class Keadaan:
    """A unit-quarter's stage and who moved it there.

    >>> Keadaan().tahap
    <Tahap.DRAF: 'draf'>
    """

    tahap: Tahap = Tahap.DRAF
    diajukan_oleh: str | None = None
    diajukan_pada: dt.datetime | None = None
    diverifikasi_oleh: str | None = None
    """Who verified it, or who returned it (a verifikator's step either way)."""
    diverifikasi_pada: dt.datetime | None = None
    final_oleh: str | None = None
    final_pada: dt.datetime | None = None
    alasan: str | None = None
    """The reason of the last return or reopen (shown to the pengisi); the verifikator's note on verify."""
    dibuka: bool = False
    """Reopened by an admin: the deadline no longer locks it (until it is submitted again)."""


def lanjutkan(keadaan: Keadaan, langkah: Langkah, oleh: str, pada: dt.datetime, alasan: str | None = None) -> Keadaan:
    """The state after a step (already allowed by ``periksa_langkah``).

    >>> k = lanjutkan(Keadaan(), Langkah.AJUKAN, "rina", dt.datetime(2026, 10, 13, 9))
    >>> k.tahap, k.diajukan_oleh
    (<Tahap.DIAJUKAN: 'diajukan'>, 'rina')
    >>> k = lanjutkan(k, Langkah.KEMBALIKAN, "budi", dt.datetime(2026, 10, 20, 9), "TW III belum termasuk Oktober")
    >>> k.tahap, k.alasan, k.diajukan_oleh
    (<Tahap.DIKEMBALIKAN: 'dikembalikan'>, 'TW III belum termasuk Oktober', 'rina')
    """
    ke = KE[langkah]
    if langkah is Langkah.AJUKAN:
        return Keadaan(ke, diajukan_oleh=oleh, diajukan_pada=pada)
    if langkah is Langkah.VERIFIKASI:
        return replace(keadaan, tahap=ke, diverifikasi_oleh=oleh, diverifikasi_pada=pada, alasan=alasan)
    if langkah is Langkah.KEMBALIKAN:
        return replace(keadaan, tahap=ke, diverifikasi_oleh=oleh, diverifikasi_pada=pada, alasan=alasan)
    if langkah is Langkah.FINALKAN:
        return replace(keadaan, tahap=ke, final_oleh=oleh, final_pada=pada)
    return Keadaan(ke, alasan=alasan, dibuka=True)


def kembali_ke_draf(keadaan: Keadaan) -> Keadaan:
    """What a change of the data does to a submitted or verified quarter: back to ``draf``, to be submitted again.

    >>> kembali_ke_draf(Keadaan(Tahap.TERVERIFIKASI, diajukan_oleh="rina")).tahap
    <Tahap.DRAF: 'draf'>
    """
    return Keadaan(dibuka=keadaan.dibuka) if keadaan.tahap in PERLU_ULANG else keadaan


@dataclass(frozen=True)
class Aturan:
    """The installation's rules of the cycle.

    ``verifikasi_unit_sendiri``: a verifikator granted on the unit itself may verify it (default: only one
    granted above it, or on every unit). ``kunci_tenggat``: past the submit deadline a quarter not submitted is
    locked until an admin reopens it.
    """

    verifikasi_unit_sendiri: bool = False
    kunci_tenggat: bool = False


def periksa_langkah(keadaan: Keadaan, langkah: Langkah, oleh: str, hibah: Iterable[Hibah] | None, kode_unit: str,
                    induk: Mapping[str, str | None], *, alasan: str | None = None, aturan: Aturan = Aturan(),
                    lewat_tenggat: bool = False) -> Alasan | None:
    """Why ``oleh`` may not take ``langkah`` on the unit's quarter as it stands; None when the step is allowed.

    ``hibah``: the person's grants (None: the operator of the command line, who needs none; the separation
    of duties still holds by name). ``lewat_tenggat``: today is past the submit deadline.

    >>> induk = {"KWJABAR": None, "KPPBCBOGOR": "KWJABAR"}
    >>> diajukan = Keadaan(Tahap.DIAJUKAN, diajukan_oleh="rina")
    >>> periksa_langkah(diajukan, Langkah.VERIFIKASI, "rina", None, "KPPBCBOGOR", induk)
    <Alasan.PENGAJU_SAMA: 'pengaju_sama'>
    >>> periksa_langkah(diajukan, Langkah.VERIFIKASI, "budi", [Hibah(Peran.VERIFIKATOR, "KPPBCBOGOR")], "KPPBCBOGOR", induk)
    <Alasan.UNIT_SENDIRI: 'unit_sendiri'>
    >>> periksa_langkah(diajukan, Langkah.VERIFIKASI, "budi", [Hibah(Peran.VERIFIKATOR, "KWJABAR")], "KPPBCBOGOR", induk) is None
    True
    """
    terkunci_tenggat = (aturan.kunci_tenggat and lewat_tenggat and not keadaan.dibuka
                        and keadaan.tahap in DARI[Langkah.AJUKAN])
    if langkah is Langkah.BUKA:
        if keadaan.tahap not in DARI[langkah] and not terkunci_tenggat:
            return Alasan.TAHAP_SALAH
    elif keadaan.tahap not in DARI[langkah]:
        return Alasan.TAHAP_SALAH
    if langkah in BERALASAN and not (alasan or "").strip():
        return Alasan.TANPA_ALASAN
    if hibah is not None and not berhak_langkah(list(hibah), langkah, kode_unit, induk, aturan):
        verifikator_sendiri = langkah in (Langkah.VERIFIKASI, Langkah.KEMBALIKAN) and any(
            h.peran.mencakup(Peran.VERIFIKATOR) and h.kode_unit == kode_unit for h in hibah)
        return Alasan.UNIT_SENDIRI if verifikator_sendiri else Alasan.TANPA_PERAN
    if langkah in (Langkah.VERIFIKASI, Langkah.FINALKAN) and oleh == keadaan.diajukan_oleh:
        return Alasan.PENGAJU_SAMA
    if langkah is Langkah.AJUKAN and terkunci_tenggat:
        return Alasan.LEWAT_TENGGAT
    return None


def berhak_langkah(hibah: Iterable[Hibah], langkah: Langkah, kode_unit: str, induk: Mapping[str, str | None],
                   aturan: Aturan = Aturan()) -> bool:
    """Whether the grants allow ``langkah`` on the unit: a grant of the step's role (or a stronger one) on the
    unit, above it, or on every unit; for verifying, a grant on the unit itself counts only where the
    installation allows it.

    >>> induk = {"KWJABAR": None, "KPPBCBOGOR": "KWJABAR"}
    >>> berhak_langkah([Hibah(Peran.VERIFIKATOR, "KPPBCBOGOR")], Langkah.VERIFIKASI, "KPPBCBOGOR", induk)
    False
    """
    peran = PERAN_LANGKAH[langkah]
    atas = set(leluhur(induk, kode_unit)) | {SEMUA}
    if peran is Peran.VERIFIKATOR and not aturan.verifikasi_unit_sendiri:
        atas.discard(kode_unit)
    return any(h.peran.mencakup(peran) and h.kode_unit in atas for h in hibah)


# --- deadlines ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HariTenggat:
    """The day of the month after the quarter by which each stage is due (cut to the month's last day).

    >>> HariTenggat().ajukan, HariTenggat().verifikasi, HariTenggat().final
    (14, 23, 30)
    """

    ajukan: int = 14
    verifikasi: int = 23
    final: int = 30


@dataclass(frozen=True)
class Tenggat:
    """A unit-quarter's deadlines."""

    ajukan: dt.date
    verifikasi: dt.date
    final: dt.date

    def berikutnya(self, tahap: Tahap) -> dt.date | None:
        """The deadline of what the stage waits for: submitting (draf, dikembalikan), verifying (diajukan),
        finalising (terverifikasi); none once final.

        >>> tenggat(2026, 3).berikutnya(Tahap.DIAJUKAN)
        datetime.date(2026, 10, 23)
        """
        return {Tahap.DRAF: self.ajukan, Tahap.DIKEMBALIKAN: self.ajukan, Tahap.DIAJUKAN: self.verifikasi,
                Tahap.TERVERIFIKASI: self.final}.get(tahap)


def tenggat(tahun: int, triwulan: int, hari: HariTenggat = HariTenggat()) -> Tenggat:
    """The deadlines of a quarter: the given days of the month after it (TW IV's fall in January of the next year).

    >>> tenggat(2026, 3)
    Tenggat(ajukan=datetime.date(2026, 10, 14), verifikasi=datetime.date(2026, 10, 23), final=datetime.date(2026, 10, 30))
    >>> tenggat(2026, 4, HariTenggat(10, 20, 31)).final
    datetime.date(2027, 1, 31)
    """
    bulan = triwulan * 3 + 1
    th, bl = (tahun + 1, 1) if bulan > 12 else (tahun, bulan)
    akhir = calendar.monthrange(th, bl)[1]
    return Tenggat(*(dt.date(th, bl, min(max(h, 1), akhir)) for h in (hari.ajukan, hari.verifikasi, hari.final)))


def terlambat_hari(batas: dt.date | None, hari_ini: dt.date) -> int | None:
    """Days past a deadline (negative: days still left); None without a deadline.

    >>> terlambat_hari(dt.date(2026, 10, 14), dt.date(2026, 10, 17)), terlambat_hari(dt.date(2026, 10, 14), dt.date(2026, 10, 7))
    (3, -7)
    """
    return None if batas is None else (hari_ini - batas).days


@dataclass(frozen=True)
class Jadwal:
    """An installation's deadlines: the default days (``HariTenggat``) and overrides per year, per unit level
    (0: a root unit, 1: a unit under it …) or both; the most specific one wins (year and level, then year, then
    level, then the default).

    >>> j = Jadwal(ubah={(2026, None): HariTenggat(10, 20, 28), (2026, 2): HariTenggat(7, 15, 28)})
    >>> j.hari(2026, 2).ajukan, j.hari(2026, 1).ajukan, j.hari(2025, 2).ajukan
    (7, 10, 14)
    """

    bawaan: HariTenggat = HariTenggat()
    ubah: Mapping[tuple[int | None, int | None], HariTenggat] = field(default_factory=dict)

    def hari(self, tahun: int, tingkat: int) -> HariTenggat:
        """The days that hold for a unit at ``tingkat`` in ``tahun``."""
        for kunci in ((tahun, tingkat), (tahun, None), (None, tingkat)):
            if kunci in self.ubah:
                return self.ubah[kunci]
        return self.bawaan

    def tenggat(self, tahun: int, triwulan: int, tingkat: int) -> Tenggat:
        """A unit's deadlines for a quarter.

        >>> Jadwal().tenggat(2026, 3, 2).ajukan
        datetime.date(2026, 10, 14)
        """
        return tenggat(tahun, triwulan, self.hari(tahun, tingkat))
