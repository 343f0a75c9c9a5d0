"""``report``: one document of a unit (the quarterly report, the Perjanjian Kinerja, the Manual IKU, the Dialog's
minutes, the LKjIP tables) as PDF, DOCX or XLSX, written to ``--out`` — for scheduled runs and other systems.

The file is written whole or not at all (a temporary file beside it, then renamed), and only once the person may
read the unit (``kinerja.dokumen.buat``). Success prints nothing; a refusal prints one line on stderr, in
``--bahasa``, writes nothing and exits 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from kinerja.cli.pelaku import pelaku
from kinerja.dokumen import Permintaan, galat_penyusun
from kinerja.dokumen.buat import buat
from kinerja.store import Storage
from kinerja.texts import dalam_bahasa


def laporan(args: argparse.Namespace, storage: Storage) -> int:
    """``report --kind K --tahun Y [--triwulan Q] --unit U --format F --out PATH [--bahasa id|en] [--user NAME]``."""
    p = Permintaan(jenis=args.kind, tahun=args.tahun, kode_unit=args.unit, triwulan=args.triwulan,
                   bahasa=args.bahasa)
    with dalam_bahasa(args.bahasa):
        try:
            berkas = buat(storage, p, args.format, pelaku=pelaku(args, storage))
        except galat_penyusun() as e:
            print(str(e), file=sys.stderr)
            return 1
    try:
        tulis_utuh(Path(args.out), berkas.data)
    except OSError as e:
        print(f"{args.out}: {e.strerror or e}", file=sys.stderr)
        return 1
    return 0


def tulis_utuh(tujuan: Path, data: bytes) -> None:
    """Write ``data`` to ``tujuan`` whole or not at all: into a temporary file in the same folder, then renamed
    over it (a reader, or a cron job's next step, never sees half a file)."""
    fd, sementara = tempfile.mkstemp(prefix=f".{tujuan.name}.", suffix=".tmp", dir=tujuan.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(sementara, 0o644)
        os.replace(sementara, tujuan)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
