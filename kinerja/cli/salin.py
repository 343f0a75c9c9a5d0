"""``copy --from DB --to DB``: a whole installation between engines (a DuckDB file and a PostgreSQL database)."""

from __future__ import annotations

import argparse

from kinerja.store import Storage
from kinerja.texts import t, tn


def salin(args: argparse.Namespace, storage: Storage) -> int:
    """``copy --from DB --to DB``: the whole installation, table by table, in one transaction on the target."""
    tujuan = Storage(args.ke)
    jumlah = storage.salin_ke(tujuan)
    print(t("cli.disalin", dari=storage.tampil, ke=tujuan.tampil, revisi=tn("jumlah.revisi", jumlah["revisi"]),
            baris=tn("jumlah.baris", sum(jumlah.values()))))
    return 0
