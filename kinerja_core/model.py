"""The domain's closed vocabularies and the records the rules work on.

Each vocabulary is an enum whose value is the canonical word stored in the
database and written in files. ``dari_teks`` reads what people type in a
spreadsheet (any case, Indonesian or English synonyms) and returns ``None``
for anything else, so the file loader can name the row and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Self

TRIWULAN = (1, 2, 3, 4)


def _kunci(teks: str) -> str:
    """Normalise a word for vocabulary lookup: lower case, single spaces, no punctuation."""
    return re.sub(r"[^a-z0-9&]+", " ", teks.lower()).strip()


class _Kosakata(str, Enum):
    """An enum whose members also answer to a few synonyms people write."""

    @classmethod
    def _sinonim(cls) -> dict[str, str]:
        return {}

    @classmethod
    def dari_teks(cls, teks: str) -> Self | None:
        """The member named by ``teks`` (value, member name or synonym), else None.

        >>> Polaritas.dari_teks(" Minimize ")
        <Polaritas.MINIMIZE: 'minimize'>
        """
        kunci = _kunci(teks)
        for anggota in cls:
            if kunci in (_kunci(anggota.value), _kunci(anggota.name)):
                return anggota
        nilai = cls._sinonim().get(kunci)
        return cls(nilai) if nilai is not None else None


class Polaritas(_Kosakata):
    """Which direction of realisasi is better."""

    MAXIMIZE = "maximize"
    MINIMIZE = "minimize"
    STABILIZE = "stabilize"

    @classmethod
    def _sinonim(cls) -> dict[str, str]:
        return {
            "max": "maximize", "maksimal": "maximize", "maksimum": "maximize",
            "maksimalkan": "maximize", "higher is better": "maximize",
            "min": "minimize", "minimal": "minimize", "minimum": "minimize",
            "minimalkan": "minimize", "lower is better": "minimize",
            "stabil": "stabilize", "stabilkan": "stabilize", "stabilisasi": "stabilize",
        }


class Konsolidasi(_Kosakata):
    """How quarterly values make the year-to-date (s.d. triwulan) value."""

    SUM = "sum"
    AVERAGE = "average"
    LAST = "last"

    @classmethod
    def _sinonim(cls) -> dict[str, str]:
        return {
            "penjumlahan": "sum", "jumlah": "sum", "akumulasi": "sum",
            "rata rata": "average", "ratarata": "average", "rerata": "average", "avg": "average",
            "mean": "average",
            "terakhir": "last", "nilai terakhir": "last", "take last known value": "last",
            "last known value": "last",
        }


class Perspektif(_Kosakata):
    """Balanced-scorecard perspective of an IKU."""

    STAKEHOLDER = "Stakeholder"
    CUSTOMER = "Customer"
    INTERNAL_PROCESS = "Internal Process"
    LEARNING_GROWTH = "Learning & Growth"

    @classmethod
    def _sinonim(cls) -> dict[str, str]:
        return {
            "stakeholder perspective": "Stakeholder", "pemangku kepentingan": "Stakeholder",
            "customer perspective": "Customer", "pelanggan": "Customer",
            "pengguna layanan": "Customer",
            "internal process perspective": "Internal Process", "internal business process": "Internal Process",
            "proses internal": "Internal Process", "proses bisnis internal": "Internal Process",
            "learning and growth": "Learning & Growth", "learning & growth perspective": "Learning & Growth",
            "learning and growth perspective": "Learning & Growth",
            "pembelajaran dan pertumbuhan": "Learning & Growth",
            "pembelajaran & pertumbuhan": "Learning & Growth",
        }


class Sumber(_Kosakata):
    """Which planning basis an IKU comes from: the signed performance agreement (PENKIN, the default), the
    quality objectives (Sasaran Mutu), the non-tax revenue plan (PNBP) or another.

    >>> Sumber.dari_teks("Sasaran Mutu"), Sumber.dari_teks("Perjanjian Kinerja")
    (<Sumber.SASARAN_MUTU: 'sasaran_mutu'>, <Sumber.PENKIN: 'penkin'>)
    """

    PENKIN = "penkin"
    SASARAN_MUTU = "sasaran_mutu"
    PNBP = "pnbp"
    LAINNYA = "lainnya"

    @classmethod
    def _sinonim(cls) -> dict[str, str]:
        return {"perjanjian kinerja": "penkin", "pk": "penkin", "sasmut": "sasaran_mutu", "quality objective":
                "sasaran_mutu", "quality objectives": "sasaran_mutu", "lain lain": "lainnya", "lain": "lainnya",
                "other": "lainnya", "penerimaan negara bukan pajak": "pnbp"}


class Status(str, Enum):
    """The traffic light of one IKU (or of an NKO) in one quarter."""

    HIJAU = "hijau"
    KUNING = "kuning"
    MERAH = "merah"
    ABU_ABU = "abu-abu"


class StatusAksi(_Kosakata):
    """Where a rencana aksi stands, as the meeting sets it when it reviews the last quarter's actions."""

    SELESAI = "selesai"
    BERJALAN = "berjalan"
    TERLAMBAT = "terlambat"
    BATAL = "batal"

    @property
    def tertutup(self) -> bool:
        """Whether the action is closed (done or dropped): it stops coming back to the meeting.

        >>> StatusAksi.SELESAI.tertutup, StatusAksi.TERLAMBAT.tertutup
        (True, False)
        """
        return self in (StatusAksi.SELESAI, StatusAksi.BATAL)

    @classmethod
    def _sinonim(cls) -> dict[str, str]:
        return {
            "done": "selesai", "complete": "selesai", "completed": "selesai", "tuntas": "selesai",
            "on progress": "berjalan", "in progress": "berjalan", "proses": "berjalan", "dalam proses": "berjalan",
            "late": "terlambat", "overdue": "terlambat", "dibatalkan": "batal", "cancelled": "batal",
            "canceled": "batal",
        }


class AlasanAbu(str, Enum):
    """Why a value is grey (abu-abu): shown to the user in words, never as a zero."""

    BELUM_DIUKUR = "belum-diukur"
    """No quarter up to this one has a target: the IKU is not measured yet (e.g. a TW IV survey)."""
    REALISASI_BELUM_ADA = "realisasi-belum-ada"
    """A measured quarter up to this one has no realisasi yet."""
    TARGET_NOL = "target-nol"
    """Target 0 with maximize or stabilize: a ratio to zero has no meaning."""
    TANPA_REALISASI_TERBURUK = "tanpa-realisasi-terburuk"
    """Minimize with target 0 needs realisasi_terburuk (the worst plausible value)."""


_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def baca_triwulan(teks: str) -> int | None:
    """The quarter (1–4) written as ``3``, ``TW III``, ``Triwulan 3``, ``Q3`` or ``III``; else None.

    >>> [baca_triwulan(t) for t in ("3", "TW III", "tw-3", "Triwulan III", "Q3", "5")]
    [3, 3, 3, 3, 3, None]
    """
    kunci = _kunci(re.sub(r"^(\s*\d)[.,]0+\s*$", r"\1", teks)).replace(" ", "")  # 3.0 from a spreadsheet
    for awalan in ("triwulan", "tw", "q"):
        if kunci.startswith(awalan):
            kunci = kunci[len(awalan):]
            break
    if kunci in _ROMAWI:
        return _ROMAWI[kunci]
    return int(kunci) if kunci in ("1", "2", "3", "4") else None


@dataclass(frozen=True)
class Iku:
    """One IKU of one unit for one year, with its quarterly targets.

    ``target`` holds the target of each quarter (TW I..IV) in the same terms
    as that quarter's realisasi; ``None`` means the IKU is not measured then.

    >>> ikm = Iku("KPPBCBOGOR", "IKU-16", "Indeks Kepuasan Pengguna Jasa",
    ...           Polaritas.MAXIMIZE, Konsolidasi.LAST, bobot=5,
    ...           target=(None, None, None, 4.25))
    >>> ikm.triwulan_terukur
    (4,)
    """

    kode_unit: str
    kode_iku: str
    nama_iku: str
    polaritas: Polaritas
    konsolidasi: Konsolidasi
    bobot: float
    target: tuple[float | None, float | None, float | None, float | None]
    perspektif: Perspektif = Perspektif.STAKEHOLDER
    satuan: str = ""
    konversi_120: bool = False
    realisasi_terburuk: float | None = None
    batas_bawah: float | None = None
    """The lowest value a realisasi can take, when the unit declares one (``iku.csv``); an upload refuses less."""
    bilangan_bulat: bool = False
    """Declared whole numbers (a count): an upload refuses a fraction, and what is still needed is whole."""

    @property
    def triwulan_terukur(self) -> tuple[int, ...]:
        """The quarters in which the IKU is measured (those with a target)."""
        return tuple(q for q, t in zip(TRIWULAN, self.target) if t is not None)
