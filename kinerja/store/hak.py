"""Who may write, checked inside the transaction that commits the write: the person's grants, session and the unit
tree as they stand there (the rules themselves are ``kinerja_core.akses``), and the installation's lock."""

from __future__ import annotations

from datetime import datetime

from kinerja.pesan import Pesan
from kinerja.store.bantu import Koneksi, _sekarang
from kinerja.store.galat import AksesDitolak, PermintaanDitolak, SesiBerakhir
from kinerja_core.akses import SEMUA, Cara, Hibah, Pelaku, Peran, ditolak


def _izinkan(con: Koneksi, pelaku: Pelaku, kebutuhan: list[tuple[Peran, list[str]]]) -> None:
    """The one authorisation check of every write, inside the transaction that commits it: raise
    ``AksesDitolak`` unless ``pelaku`` holds each role on each of its units, with the grants, the session
    and the unit tree as they stand in this transaction (``kinerja_core.akses.ditolak``). A write that checks
    twice (before and after it moves units) reads the person once (``_hak_dalam_transaksi``) and checks with
    ``_periksa_hak``."""
    _periksa_hak(con, pelaku, _hak_dalam_transaksi(con, pelaku), kebutuhan)


def _hak_dalam_transaksi(con: Koneksi, pelaku: Pelaku) -> list[Hibah] | None:
    """The grants ``pelaku`` writes with, as stored now; None for no limit. The command line's operator
    (``Cara.SISTEM``) may write anything; the open demo may until the installation is locked. A signed-in
    person's session must still be open and the person still in the store (``SesiBerakhir``)."""
    if pelaku.cara is Cara.SISTEM:
        return None
    if pelaku.cara is Cara.DEMO:
        if _akses_terkunci(con):
            raise AksesDitolak(Pesan("akses.demo_berakhir"))
        return None
    if pelaku.sesi is not None and not _sesi_terbuka(con, pelaku, _sekarang()):
        raise SesiBerakhir(Pesan("akses.sesi_berakhir"))
    if not _ada_pengguna(con, pelaku.identitas):
        raise SesiBerakhir(Pesan("akses.bukan_pengguna", {"identitas": pelaku.identitas}))
    return _hibah(con, pelaku.identitas)


def _periksa_hak(con: Koneksi, pelaku: Pelaku, hibah: list[Hibah] | None,
                 kebutuhan: list[tuple[Peran, list[str]]], *, hanya_yang_ada: bool = False) -> None:
    """Raise ``AksesDitolak`` unless ``hibah`` give each role on each unit, in the unit tree as it stands now.
    ``hanya_yang_ada``: check only the units already stored (where a unit stands before a write)."""
    if hibah is None:
        return
    induk = dict(con.execute("SELECT kode_unit, kode_induk FROM unit").fetchall())
    for peran, unit in kebutuhan:
        tolak = ditolak(hibah, peran, [k for k in unit if k in induk or not hanya_yang_ada], induk)
        if tolak:
            hak = [f"{h.peran.value} {h.kode_unit}" for h in hibah]
            raise AksesDitolak(Pesan("akses.ditolak", {
                "identitas": pelaku.identitas, "peran": peran.value, "unit": _sebut(tolak),
                "hak": _sebut(hak) if hak else Pesan("akses.tanpa_hak")}))


def _ada_pengguna(con: Koneksi, identitas: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM pengguna WHERE identitas = $i",
                            {"i": identitas}).fetchone()[0])  # type: ignore[index]


def _sesi_terbuka(con: Koneksi, pelaku: Pelaku, kini: datetime) -> bool:
    """Whether the session ``pelaku`` writes with is still open at ``kini`` (UTC)."""
    return bool(con.execute("SELECT count(*) FROM sesi WHERE token = $t AND identitas = $i AND berakhir > $k",
                            {"t": pelaku.sesi, "i": pelaku.identitas, "k": kini}).fetchone()[0])  # type: ignore[index]


def _sebut(kode: list[str], batas: int = 5) -> str | Pesan:
    """The first few of a list, and how many more: 'A, B, C, D, E (+12 lainnya)'."""
    if len(kode) <= batas:
        return ", ".join(kode)
    return Pesan("akses.sebut", {"kode": ", ".join(kode[:batas]), "lain": Pesan("akses.lainnya", {"n": len(kode) - batas})})


def _hibah(con: Koneksi, identitas: str) -> list[Hibah]:
    return [Hibah(Peran(p), k) for p, k in con.execute(
        "SELECT peran, kode_unit FROM hibah WHERE identitas = $i ORDER BY kode_unit, peran", {"i": identitas}).fetchall()]


def _akses_terkunci(con: Koneksi) -> bool:
    """Whether the installation is locked: sign-in required to write (set when the first person is added)."""
    return bool(con.execute("SELECT count(*) FROM pengaturan WHERE kunci = 'terkunci'").fetchone()[0])  # type: ignore[index]


def _admin_semua(con: Koneksi) -> int:
    """How many grants of admin on every unit there are."""
    return con.execute("SELECT count(*) FROM hibah WHERE peran = 'admin' AND kode_unit = $semua",
                       {"semua": SEMUA}).fetchone()[0]  # type: ignore[index]


def _masih_ada_admin(con: Koneksi, sebelum: int) -> None:
    """Refuse a change (inside its transaction) that takes away the last admin of every unit: nobody could then
    manage people from the app. The operator's command line (``user add``, ``user grant … admin '*'``) stays the
    documented way back for an installation that lost its administrator some other way."""
    if sebelum and not _admin_semua(con):
        raise PermintaanDitolak(Pesan("akses.admin_terakhir"))
