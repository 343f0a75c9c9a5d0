"""Who may do what: roles granted on a unit and everything below it.

A grant (``Hibah``) gives a role on one unit's subtree: ``pengisi`` on a Kanwil
lets that person fill in the Kanwil and every office under it. Roles nest:
an ``admin`` may do whatever a ``pengisi`` may, a ``pengisi`` whatever a
``pembaca`` may. ``SEMUA`` ("*") stands for every unit, roots included.
Every write path asks ``ditolak`` the same question, below the pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum


class Peran(StrEnum):
    """A role, weakest first. An ``admin`` may do whatever the others may; ``pengisi`` and ``verifikator`` each
    may read, and do their own part of the reporting cycle, not the other's."""

    PEMBACA = "pembaca"  # sees the dashboards of the units granted
    PENGISI = "pengisi"  # uploads realisasi, writes the meeting's notes, submits the quarter
    VERIFIKATOR = "verifikator"  # verifies a submitted quarter or returns it with a reason
    ADMIN = "admin"  # units, the IKU catalogue and targets, undo, final and reopen; on SEMUA also the users

    def mencakup(self, lain: Peran) -> bool:
        """Whether this role may do what ``lain`` may.

        >>> Peran.ADMIN.mencakup(Peran.PENGISI), Peran.PEMBACA.mencakup(Peran.PENGISI)
        (True, False)
        >>> Peran.VERIFIKATOR.mencakup(Peran.PEMBACA), Peran.VERIFIKATOR.mencakup(Peran.PENGISI)
        (True, False)
        """
        return self is lain or self is Peran.ADMIN or lain is Peran.PEMBACA


SEMUA = "*"
"""A grant on every unit: the whole tree, every root."""

PERAN_TULIS = {"unit": Peran.ADMIN, "iku": Peran.ADMIN, "realisasi": Peran.PENGISI, "rapat": Peran.PENGISI,
               "komponen": Peran.PENGISI, "arahan_rapat": Peran.PENGISI}
"""The role each kind of row needs on its unit: the catalogue is the admin's, realisasi (and the komponen they
are computed from) and notes the editor's."""


@dataclass(frozen=True)
class Hibah:
    """One grant: ``peran`` on ``kode_unit`` and every unit below it (``SEMUA``: on every unit)."""

    peran: Peran
    kode_unit: str


class Cara(Enum):
    """How the person writing got in."""

    MASUK = "masuk"  # signed in (the local user store or the institution's SSO): the grants decide
    DEMO = "demo"  # the open demo of a fresh checkout: anyone, until the installation is locked
    SISTEM = "sistem"  # the command line without --user: whoever may open the database file
    LAMA = "lama"  # a revision made before sign-in existed (its audit line added afterwards)


@dataclass(frozen=True)
class Pelaku:
    """Who writes, how they got in, and from where (for the audit trail).

    >>> Pelaku("rina@beacukai.go.id", Cara.MASUK, "Unggah").identitas
    'rina@beacukai.go.id'
    """

    identitas: str
    cara: Cara
    asal: str
    """Where the write comes from, in words: a page's name, or 'baris perintah'."""
    sesi: str | None = None
    """The sign-in session (local store) the write rides on; it must still be open when the write commits."""
    operator: str | None = None
    """Who ran the command when it acts for someone else (``--user``): the operator's own login, kept beside
    the person acted for ("operator root on behalf of rina"); None when the writer is the one at the keyboard."""

    @classmethod
    def sistem(cls, nama: str, asal: str = "baris perintah") -> Pelaku:
        """The operator of the command line (or the sample seeding): the file's owner, no grant needed."""
        return cls(nama, Cara.SISTEM, asal)


PANJANG_IDENTITAS = 200
"""The longest name a person may have (a local sign-in name or an SSO e-mail)."""


def identitas_sah(teks: str) -> bool:
    """Whether ``teks`` may name a person: one line of printable text, not blank, at most ``PANJANG_IDENTITAS``
    characters. A tab, a line break or an escape sequence would forge lines in ``user list``, the revision log
    and the audit trail.

    >>> identitas_sah("rina.saputri@beacukai.go.id"), identitas_sah("rina\\nadmin"), identitas_sah("  ")
    (True, False, False)
    """
    return bool(teks.strip()) and len(teks) <= PANJANG_IDENTITAS and teks.isprintable()


def leluhur(induk: Mapping[str, str | None], kode_unit: str) -> list[str]:
    """``kode_unit`` and every unit above it, nearest first; a cycle in bad data ends the walk.

    >>> leluhur({"DJBC": None, "KWJABAR": "DJBC", "KPPBCBOGOR": "KWJABAR"}, "KPPBCBOGOR")
    ['KPPBCBOGOR', 'KWJABAR', 'DJBC']
    """
    hasil: list[str] = []
    kode: str | None = kode_unit
    while kode is not None and kode not in hasil:
        hasil.append(kode)
        kode = induk.get(kode)
    return hasil


def berhak(hibah: Iterable[Hibah], peran: Peran, kode_unit: str, induk: Mapping[str, str | None]) -> bool:
    """Whether the grants give ``peran`` on ``kode_unit``: a grant of that role or a stronger one on the unit,
    on a unit above it, or on every unit.

    >>> induk = {"DJBC": None, "KWJABAR": "DJBC", "KPPBCBOGOR": "KWJABAR", "KPPBCDEPOK": "KWJABAR"}
    >>> berhak([Hibah(Peran.PENGISI, "KWJABAR")], Peran.PENGISI, "KPPBCBOGOR", induk)
    True
    >>> berhak([Hibah(Peran.PENGISI, "KPPBCDEPOK")], Peran.PENGISI, "KPPBCBOGOR", induk)
    False
    """
    atas = set(leluhur(induk, kode_unit)) | {SEMUA}
    return any(h.peran.mencakup(peran) and h.kode_unit in atas for h in hibah)


def ditolak(hibah: Iterable[Hibah], peran: Peran, kode_units: Iterable[str],
            induk: Mapping[str, str | None]) -> list[str]:
    """The units among ``kode_units`` the grants do not give ``peran`` on, sorted (empty: allowed).

    >>> induk = {"KWJABAR": None, "KPPBCBOGOR": "KWJABAR", "KPPBCDEPOK": "KWJABAR"}
    >>> ditolak([Hibah(Peran.PENGISI, "KPPBCBOGOR")], Peran.PENGISI, ["KPPBCBOGOR", "KPPBCDEPOK"], induk)
    ['KPPBCDEPOK']
    """
    hibah = list(hibah)
    return sorted(k for k in set(kode_units) if not berhak(hibah, peran, k, induk))


def akar_terlihat(hibah: Iterable[Hibah]) -> set[str]:
    """The units whose subtrees the grants let a person see (any role sees); ``{SEMUA}`` for everything.

    >>> sorted(akar_terlihat([Hibah(Peran.PEMBACA, "KWJABAR"), Hibah(Peran.PENGISI, "KPPBCBOGOR")]))
    ['KPPBCBOGOR', 'KWJABAR']
    """
    return {h.kode_unit for h in hibah}
