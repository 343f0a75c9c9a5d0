"""What the store says when it cannot do as asked; both engines and every part raise these. Each carries its
message as a code (``kinerja.pesan.Pesan``, also what the audit trail keeps) and says it in the reader's words
only when shown (``str``)."""

from __future__ import annotations

from kinerja.pesan import Pesan


class _Berpesan(Exception):
    """An exception whose message is a ``Pesan``, put into words when it is shown."""

    def __init__(self, pesan: Pesan) -> None:
        super().__init__(pesan.kunci)
        self.pesan = pesan

    def __str__(self) -> str:
        from kinerja.texts import teks_pesan  # the words (babel, the catalogues) only when shown

        return teks_pesan(self.pesan)


class MasalahBasisData(_Berpesan, RuntimeError):
    """The database cannot be used as asked; the message says why in the user's words.

    Nothing was written: a refused or failed operation leaves the database as it was.
    ``path``: the file, or the server's address without its password.
    """

    def __init__(self, kunci: str, path: object, **isian: object) -> None:
        super().__init__(Pesan(kunci, {"path": str(path), **isian}))
        self.path = path


class DatabaseBusy(MasalahBasisData):
    """The database is held by another process (a DuckDB file's lock, a PostgreSQL writer's turn) for longer than
    the wait allowed: the user should try again shortly."""

    def __init__(self, path: object) -> None:
        super().__init__("gudang.sibuk", path)


class KoneksiTerputus(DatabaseBusy):
    """The connection to the PostgreSQL server was lost in the middle of an operation (the server restarted, failed
    over, or ended the session): the transaction was rolled back, nothing of it stored, and the pool gives the next
    operation a live connection. The user should try again."""

    def __init__(self, path: object) -> None:
        MasalahBasisData.__init__(self, "gudang.pg_terputus", path)


class KomitTidakPasti(MasalahBasisData):
    """The connection was lost while a write's COMMIT was under way: the server may have stored it or not. The
    person is told to look at the revision history before trying again (a second try could store it twice)."""

    def __init__(self, path: object) -> None:
        super().__init__("gudang.pg_komit_tidak_pasti", path)


class ImporDitolak(_Berpesan, ValueError):
    """An upload that stopped being valid between its check and its commit (another process wrote in
    between); refused whole inside the committing transaction. The message says what and why."""


class PermintaanDitolak(_Berpesan, ValueError):
    """A request about people and grants the store cannot do as asked (a person already there, a grant not held,
    the last administrator); nothing is changed."""


class SiklusDitolak(_Berpesan, ValueError):
    """A step of the reporting cycle that cannot be taken as the unit-quarter stands (the wrong stage, the person
    who submitted, no reason given, past the deadline), or a write to a locked quarter: nothing is changed."""


class RevisiDitolak(_Berpesan, ValueError):
    """An undo that cannot be done; the message says why in the user's words."""


class AksesDitolak(_Berpesan, PermissionError):
    """A write the person's grants do not allow (checked in the committing transaction): nothing is stored.
    The message names the role needed and the units refused."""


class SesiBerakhir(AksesDitolak):
    """The sign-in a write rides on has ended (signed out, expired, or the person removed): nothing is stored."""


class KopDitolak(PermintaanDitolak):
    """A letterhead the store will not keep (``kop.KopDokumen``): a logo that is not a PNG or JPEG image by its
    content, or larger than ``kop.BATAS_LOGO``; a name with control characters or too long. Nothing is changed."""
