"""Signing in to the local user store, and what a person may write (the rules are in ``kinerja_core.akses``).

Passwords are kept only as argon2 hashes (``argon2-cffi``: salted, slow, memory-hard). Repeated wrong
passwords are slowed down: after ``GAGAL_BEBAS`` failures of one name within ``JENDELA``, each further attempt
must wait twice as long as the one before (``jeda``); the same after ``GAGAL_BEBAS_SUMBER`` failures from one
source (one password sprayed over many names). Counted in the database, so every app server sees it, and taken
in one step with the attempt (``Storage.giliran_masuk``), so attempts sent at the same moment are counted one
after the other. Failed names are kept only as keyed hashes and only for the window. A session
is a random secret held by the browser session; the store keeps only its sha256, and every write checks it
is still open (``Storage._izinkan``).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kinerja.store import Storage
from kinerja.texts import t, tn
from kinerja_core.akses import Cara, Hibah, Pelaku, identitas_sah

_HASHER = PasswordHasher()
_HASH_PALSU = _HASHER.hash("bukan sandi siapa pun")
"""Checked against when the name is unknown, so a wrong name takes as long as a wrong password."""

PANJANG_SANDI = 10
"""The shortest password the command line accepts."""

GAGAL_BEBAS = 3
"""Wrong passwords allowed for one name in ``JENDELA`` before attempts are slowed."""
GAGAL_BEBAS_SUMBER = 20
"""Wrong passwords allowed from one source (a browser's address) in ``JENDELA``, over all names, before its
attempts are slowed: an office behind one address has room for its people's typos."""
JENDELA = timedelta(minutes=15)
JEDA_MAKS = timedelta(minutes=15)
LAMA_SESI = timedelta(hours=10)
"""How long a sign-in lasts: a working day and a late meeting."""


class MasukDitolak(PermissionError):
    """A sign-in refused: wrong name or password (not said which), or too many attempts (says how long to wait)."""


@dataclass(frozen=True)
class Sesi:
    """A signed-in person: who, until when (UTC), and the session's secret (only this browser session holds it)."""

    identitas: str
    berakhir: datetime
    rahasia: str

    def pelaku(self, asal: str) -> Pelaku:
        """The person as a writer from ``asal`` (a page's name): the write checks this session is still open."""
        return Pelaku(self.identitas, Cara.MASUK, asal, sidik_sesi(self.rahasia))


def rapikan_identitas(teks: str) -> str:
    """A name as stored: trimmed, lower case (an e-mail's case never matters); ``ValueError`` unless it is one
    line of printable text (``kinerja_core.akses.identitas_sah``).

    >>> rapikan_identitas("  Rina.Saputri@BeaCukai.go.id ")
    'rina.saputri@beacukai.go.id'
    """
    rapi = teks.strip().lower()
    if not identitas_sah(rapi):
        raise ValueError(t("cli.pengguna_tidak_sah", nilai=teks))
    return rapi


def hash_sandi(sandi: str) -> str:
    """The argon2 hash stored for a password (a new salt every time)."""
    return _HASHER.hash(sandi)


def sidik_sesi(rahasia: str) -> str:
    """What the store keeps of a session's secret."""
    return hashlib.sha256(rahasia.encode()).hexdigest()


def jeda(gagal: int, bebas: int = GAGAL_BEBAS) -> timedelta:
    """How long after the last failure the next attempt must wait, after ``gagal`` failures in the window of
    which ``bebas`` are free.

    >>> [jeda(n).total_seconds() for n in (2, 3, 4, 5)]
    [0.0, 2.0, 4.0, 8.0]
    """
    if gagal < bebas:
        return timedelta(0)
    return min(timedelta(seconds=2 ** (gagal - bebas + 1)), JEDA_MAKS)


def sisa_tunggu(per_nama: list[datetime], per_sumber: list[datetime], kini: datetime) -> timedelta:
    """How long an attempt at ``kini`` must still wait, given the failures in the window of its name and of its
    source (oldest first): the longer of the two waits.

    >>> t0 = datetime(2026, 12, 1, 9, 0, 0)
    >>> sisa_tunggu([t0, t0, t0], [], t0 + timedelta(seconds=1)).total_seconds()
    1.0
    """
    tunggu = [g[-1] + jeda(len(g), bebas) - kini
              for g, bebas in ((per_nama, GAGAL_BEBAS), (per_sumber, GAGAL_BEBAS_SUMBER)) if g]
    return max([timedelta(0), *tunggu])


def masuk(storage: Storage, identitas: str, sandi: str, *, kini: datetime | None = None, asal: str = "",
          sumber: str | None = None) -> Sesi:
    """Sign in with the local store, or raise ``MasukDitolak``.

    The rate limit is checked first, in the same step that counts the attempt
    (``Storage.giliran_masuk``): an attempt during the wait is refused without
    looking at the password (and is not counted again). ``sumber``: where the
    attempt comes from (the browser's address), limited too. A failure is in
    the audit trail (``catat_masuk``).
    """
    kini = kini or datetime.now(UTC).replace(tzinfo=None)
    if not storage.ada():  # no store, nobody in it: a sign-in never creates the database
        raise MasukDitolak(t("masuk.salah"))
    try:
        identitas = rapikan_identitas(identitas)
    except ValueError:  # no person has such a name: counted like any wrong name, under what was typed
        identitas = identitas.strip().lower()
    tunggu = storage.giliran_masuk(identitas, sumber, kini, JENDELA,
                                   lambda per_nama, per_sumber: sisa_tunggu(per_nama, per_sumber, kini))
    if tunggu > timedelta(0):
        raise MasukDitolak(tn("masuk.tunggu", max(1, round(tunggu.total_seconds()))))
    orang = storage.pengguna(identitas) if identitas_sah(identitas) else None
    tersimpan = orang[0] if orang else None
    try:
        _HASHER.verify(tersimpan or _HASH_PALSU, sandi)
        benar = tersimpan is not None
    except (VerificationError, InvalidHashError):
        benar = False
    if not benar:
        storage.catat_masuk(identitas, berhasil=False, waktu=kini, asal=asal)
        raise MasukDitolak(t("masuk.salah"))
    rahasia = secrets.token_urlsafe(32)
    sesi = Sesi(identitas, kini + LAMA_SESI, rahasia)
    storage.catat_masuk(identitas, berhasil=True, waktu=kini, token=sidik_sesi(rahasia), berakhir=sesi.berakhir,
                        asal=asal)
    return sesi


def hak(storage: Storage, pelaku: Pelaku) -> list[Hibah] | None:
    """The grants a write by ``pelaku`` is limited to (None: no limit — the command line's operator, or the open
    demo while the installation is not locked; nothing for someone no longer in the store)."""
    if pelaku.cara is Cara.SISTEM or (pelaku.cara is Cara.DEMO and not storage.terkunci()):
        return None
    if pelaku.cara is Cara.DEMO:
        return []
    orang = storage.pengguna(pelaku.identitas)
    return orang[1] if orang else []
