"""People, their grants and sign-in sessions, and the sign-in rate limit (failures kept only as keyed hashes):
every change checked against the changer's grants in its own transaction and written to the audit trail."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

import pandas as pd

from kinerja.pesan import Pesan
from kinerja.store.bantu import Koneksi, _sekarang
from kinerja.store.galat import PermintaanDitolak
from kinerja.store.hak import (
    _ada_pengguna,
    _admin_semua,
    _akses_terkunci,
    _hibah,
    _izinkan,
    _masih_ada_admin,
    _sesi_terbuka,
)
from kinerja.store.jejak import BagianJejak, _catat_jejak
from kinerja_core.akses import SEMUA, Cara, Hibah, Pelaku, Peran, identitas_sah

TIDAK_DIKENAL = "?"
"""Who a failed sign-in is recorded as when no person has the name typed (it may have been a password)."""

_KUNCI_HMAC = "kunci_gagal_masuk"
"""The setting holding this installation's random key for the hashes of failed sign-ins."""


class BagianOrang(BagianJejak):
    """People, grants, sessions and sign-in attempts."""

    def terkunci(self) -> bool:
        """Whether writing needs a signed-in person with a grant (false: the open demo of a fresh checkout)."""
        if not self.ada():
            return False
        with self._buka() as con:
            return _akses_terkunci(con)

    def tambah_pengguna(self, identitas: str, sandi: str | None, *, pelaku: Pelaku, email: str | None = None) -> None:
        """Add a person (``sandi``: an argon2 hash for the local store, None for an SSO identity; ``email``: where
        the cycle's reminders go) and lock the installation: from now on writing needs sign-in. Only an admin of
        every unit may."""
        if not identitas_sah(identitas):  # a line break or a tab would forge lines wherever names are listed
            raise PermintaanDitolak(Pesan("cli.pengguna_tidak_sah", {"nilai": identitas}))
        with self._tertolak_dicatat(pelaku, []), self._transaksi(tulis=True) as con:
            _izinkan(con, pelaku, [(Peran.ADMIN, [SEMUA])])
            if _ada_pengguna(con, identitas):
                raise PermintaanDitolak(Pesan("akses.sudah_ada", {"identitas": identitas}))
            con.execute("INSERT INTO pengguna (identitas, sandi, dibuat, email) VALUES ($i, $sandi, $kini, $email)",
                        {"i": identitas, "sandi": sandi, "kini": _sekarang(), "email": email})
            con.execute("INSERT INTO pengaturan VALUES ('terkunci', 'ya') ON CONFLICT DO NOTHING")
            _catat_jejak(con, pelaku, "pengguna_tambah", Pesan("jejak.pengguna_tambah", {
                "identitas": identitas, "cara": "SSO" if sandi is None else Pesan("akses.lokal")}), [])

    def hapus_pengguna(self, identitas: str, *, pelaku: Pelaku) -> None:
        """Remove a person with their grants and open sessions: a write already on its way is refused at commit."""
        with self._tertolak_dicatat(pelaku, []), self._transaksi(tulis=True) as con:
            _izinkan(con, pelaku, [(Peran.ADMIN, [SEMUA])])
            if not _ada_pengguna(con, identitas):
                raise PermintaanDitolak(Pesan("akses.tidak_ada", {"identitas": identitas}))
            admin = _admin_semua(con)
            for tabel in ("hibah", "sesi", "pengguna"):
                con.execute(f"DELETE FROM {tabel} WHERE identitas = $i", {"i": identitas})
            con.execute("DELETE FROM gagal_masuk WHERE nama = $n", {"n": _sidik_gagal(con, identitas)})
            _masih_ada_admin(con, admin)
            _catat_jejak(con, pelaku, "pengguna_hapus", Pesan("jejak.pengguna_hapus", {"identitas": identitas}), [])

    def beri_hak(self, identitas: str, hibah: Hibah, *, pelaku: Pelaku, cabut: bool = False) -> None:
        """Grant (or with ``cabut`` take back) a role on a unit's subtree; the unit must exist (or be ``SEMUA``)."""
        with self._tertolak_dicatat(pelaku, []), self._transaksi(tulis=True) as con:
            _izinkan(con, pelaku, [(Peran.ADMIN, [SEMUA])])
            if not _ada_pengguna(con, identitas):
                raise PermintaanDitolak(Pesan("akses.tidak_ada", {"identitas": identitas}))
            param = {"i": identitas, "peran": hibah.peran.value, "unit": hibah.kode_unit}
            if cabut:
                admin = _admin_semua(con)
                if not con.execute("DELETE FROM hibah WHERE identitas = $i AND peran = $peran AND kode_unit = $unit "
                                   "RETURNING 1", param).fetchall():
                    raise PermintaanDitolak(Pesan("akses.hak_tidak_ada", {
                        "identitas": identitas, "peran": hibah.peran.value, "unit": hibah.kode_unit}))
                _masih_ada_admin(con, admin)
            else:
                if hibah.kode_unit != SEMUA and not con.execute(
                        "SELECT count(*) FROM unit WHERE kode_unit = $u", {"u": hibah.kode_unit}).fetchone()[0]:  # type: ignore[index]
                    raise PermintaanDitolak(Pesan("galat.unit_tidak_dikenal", {"nilai": hibah.kode_unit}))
                con.execute("INSERT INTO hibah VALUES ($i, $peran, $unit) ON CONFLICT DO NOTHING", param)
            tindakan = "hak_cabut" if cabut else "hak_beri"
            _catat_jejak(con, pelaku, tindakan, Pesan(f"jejak.{tindakan}", {
                "identitas": identitas, "peran": hibah.peran.value, "unit": hibah.kode_unit}), [hibah.kode_unit])

    def daftar_pengguna(self) -> pd.DataFrame:
        """Every person: identitas, sso (no local password), hak ('pengisi KWBCJABAR, …'), dibuat (UTC)."""
        with self._buka() as con:
            return con.execute(
                "SELECT p.identitas, p.sandi IS NULL AS sso, COALESCE(string_agg(h.peran || ' ' || h.kode_unit, ', ' "
                "ORDER BY h.kode_unit, h.peran), '') AS hak, p.dibuat FROM pengguna p LEFT JOIN hibah h USING "
                "(identitas) GROUP BY p.identitas, p.sandi, p.dibuat ORDER BY p.identitas").df()

    def pengguna(self, identitas: str) -> tuple[str | None, list[Hibah]] | None:
        """A person's password hash (None: SSO) and grants, or None when there is no such person."""
        if not self.ada():
            return None
        with self._transaksi() as con:
            baris = con.execute("SELECT sandi FROM pengguna WHERE identitas = $i", {"i": identitas}).fetchone()
            return None if baris is None else (baris[0], _hibah(con, identitas))

    def giliran_masuk(self, identitas: str, sumber: str | None, kini: datetime, jendela: timedelta,
                      tunggu: Callable[[list[datetime], list[datetime]], timedelta]) -> timedelta:
        """A sign-in attempt takes its turn, in one transaction: failures older than ``jendela`` are forgotten;
        ``tunggu`` is given the failures of the name and of the source (``sumber``, the browser's address) within
        it, oldest first, and says how long this attempt must still wait. When it need not, the attempt is counted
        as a failure at once (a success takes it back, ``catat_masuk``), so attempts made at the same moment each
        see the others: only one of them has its password checked. Returns the wait (zero: check the password).

        Names and sources are kept only as keyed hashes (``_sidik_gagal``): a password typed into the name field
        is never stored in clear.
        """
        with self._transaksi(tulis=True) as con:
            nama = _sidik_gagal(con, identitas)
            asal = _sidik_gagal(con, sumber) if sumber else None
            con.execute("DELETE FROM gagal_masuk WHERE waktu < $s", {"s": kini - jendela})
            per_nama = [r[0] for r in con.execute("SELECT waktu FROM gagal_masuk WHERE nama = $n ORDER BY waktu",
                                                  {"n": nama}).fetchall()]
            per_sumber = [r[0] for r in con.execute("SELECT waktu FROM gagal_masuk WHERE sumber = $s ORDER BY waktu",
                                                    {"s": asal}).fetchall()] if asal else []
            sisa = tunggu(per_nama, per_sumber)
            if sisa <= timedelta(0):
                con.execute("INSERT INTO gagal_masuk (nama, sumber, waktu) VALUES ($n, $s, $w)",
                            {"n": nama, "s": asal, "w": kini})
            return sisa

    def catat_masuk(self, identitas: str, *, berhasil: bool, waktu: datetime, token: str | None = None,
                    berakhir: datetime | None = None, asal: str = "") -> None:
        """Record how a sign-in attempt ended (``giliran_masuk`` has counted it as a failure already): a failure
        goes to the audit trail under the person's name when there is such a person (else as ``TIDAK_DIKENAL``:
        what was typed may be a password); a success clears the name's failures, opens the session ``token`` until
        ``berakhir`` (UTC) and is written to the audit trail."""
        with self._transaksi(tulis=True) as con:
            if not berhasil:
                siapa = identitas if identitas_sah(identitas) and _ada_pengguna(con, identitas) else TIDAK_DIKENAL
                _catat_jejak(con, Pelaku(siapa, Cara.MASUK, asal), "masuk_gagal", Pesan("jejak.masuk_gagal"), [],
                             waktu=waktu)
                return
            con.execute("DELETE FROM gagal_masuk WHERE nama = $n", {"n": _sidik_gagal(con, identitas)})
            if token is not None:
                con.execute("INSERT INTO sesi VALUES ($token, $i, $berakhir)",
                            {"token": token, "i": identitas, "berakhir": berakhir})
            _catat_jejak(con, Pelaku(identitas, Cara.MASUK, asal), "masuk", Pesan("jejak.masuk"), [])

    def catat_sso_ditolak(self, identitas: str, rincian: Pesan, *, asal: str = "") -> None:
        """An SSO sign-in refused (its claim not trusted, or naming no SSO person) in the audit trail, as a failed
        sign-in is: under the person's name when there is such a person, else as ``TIDAK_DIKENAL``. A store not
        made yet is left so."""
        if not self.ada():
            return
        with self._transaksi(tulis=True) as con:
            siapa = identitas if identitas_sah(identitas) and _ada_pengguna(con, identitas) else TIDAK_DIKENAL
            _catat_jejak(con, Pelaku(siapa, Cara.MASUK, asal), "masuk_gagal", rincian, [])

    def gagal_masuk(self, identitas: str, sejak: datetime) -> list[datetime]:
        """The failed sign-ins of ``identitas`` since ``sejak`` (UTC), oldest first."""
        if not self.ada():
            return []
        with self._buka() as con:
            kunci = con.execute("SELECT nilai FROM pengaturan WHERE kunci = $k", {"k": _KUNCI_HMAC}).fetchone()
            if kunci is None:  # no sign-in has failed here yet
                return []
            return [r[0] for r in con.execute(
                "SELECT waktu FROM gagal_masuk WHERE nama = $n AND waktu >= $s ORDER BY waktu",
                {"n": _hmac(kunci[0], identitas), "s": sejak}).fetchall()]

    def tutup_sesi(self, pelaku: Pelaku) -> None:
        """Sign out: the session ends here, so a write still on its way with it is refused."""
        with self._transaksi(tulis=True) as con:
            con.execute("DELETE FROM sesi WHERE token = $t", {"t": pelaku.sesi})
            _catat_jejak(con, pelaku, "keluar", Pesan("jejak.keluar"), [])

    def sesi_berlaku(self, pelaku: Pelaku, kini: datetime) -> bool:
        """Whether the session ``pelaku`` signed in with is still open at ``kini`` (UTC)."""
        if not self.ada():
            return False
        with self._buka() as con:
            return _sesi_terbuka(con, pelaku, kini)


def _hmac(kunci: str, teks: str) -> str:
    return hmac.new(kunci.encode(), teks.encode(), hashlib.sha256).hexdigest()


def _sidik_gagal(con: Koneksi, teks: str) -> str:
    """What the rate limit keeps of a name or a source: an HMAC-SHA256 under this installation's own random key
    (made on first need, inside the writing transaction), so a stored row cannot be looked up in a table of
    hashes of common passwords made elsewhere."""
    baris = con.execute("SELECT nilai FROM pengaturan WHERE kunci = $k", {"k": _KUNCI_HMAC}).fetchone()
    if baris is None:
        baris = (secrets.token_hex(32),)
        con.execute("INSERT INTO pengaturan VALUES ($k, $v)", {"k": _KUNCI_HMAC, "v": baris[0]})
    return _hmac(baris[0], teks)
