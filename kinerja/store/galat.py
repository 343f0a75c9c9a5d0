"""What the store says when it cannot do as asked, in the user's words; both engines and every part raise these."""

from __future__ import annotations

from kinerja.texts import t


class MasalahBasisData(RuntimeError):
    """The database cannot be used as asked; the message says why in the user's words.

    Nothing was written: a refused or failed operation leaves the database as it was.
    ``path``: the file, or the server's address without its password.
    """

    def __init__(self, kunci: str, path: object, **isian: object) -> None:
        super().__init__(t(kunci, path=path, **isian))
        self.path = path


class DatabaseBusy(MasalahBasisData):
    """The database is held by another process (a DuckDB file's lock, a PostgreSQL writer's turn) for longer than
    the wait allowed: the user should try again shortly."""

    def __init__(self, path: object) -> None:
        super().__init__("gudang.sibuk", path)


class ImporDitolak(ValueError):
    """An upload that stopped being valid between its check and its commit (another process wrote in
    between); refused whole inside the committing transaction. The message says what and why."""


class RevisiDitolak(ValueError):
    """An undo that cannot be done; the message says why in the user's words."""


class AksesDitolak(PermissionError):
    """A write the person's grants do not allow (checked in the committing transaction): nothing is stored.
    The message names the role needed and the units refused."""


class SesiBerakhir(AksesDitolak):
    """The sign-in a write rides on has ended (signed out, expired, or the person removed): nothing is stored."""
