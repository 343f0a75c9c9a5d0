"""Who a writing command writes as (``import``, ``undo``, ``user``): the operator, or ``--user`` NAME."""

from __future__ import annotations

import argparse
import getpass

from kinerja.store import Storage
from kinerja_core.akses import Cara, Pelaku

ASAL = "baris perintah"


def pelaku(args: argparse.Namespace, storage: Storage) -> Pelaku:
    """Who the command writes as: ``--user`` NAME checked against NAME's grants once the installation is locked
    (before that, the name the revision log keeps); otherwise the operator. Acting for NAME, the operator's own
    login is kept beside it in the revision and the audit trail."""
    operator = pengguna_sistem()
    if args.user and storage.terkunci():
        from kinerja import akses  # argon2 and a hash at import: only where a name is checked

        return Pelaku(akses.rapikan_identitas(args.user), Cara.MASUK, ASAL, operator=operator)
    if args.user and args.user != operator:
        return Pelaku(args.user, Cara.SISTEM, ASAL, operator=operator)
    return Pelaku.sistem(operator, ASAL)


def pengguna_sistem() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without /etc/passwd entry)
        return "tanpa-nama"
