"""``revisions`` lists the revisions; ``undo REVISION_ID`` restores what was there before one."""

from __future__ import annotations

import argparse

from kinerja.cli.pelaku import pelaku
from kinerja.store import Storage
from kinerja.texts import tn


def revisi(args: argparse.Namespace, storage: Storage) -> int:
    """One line per revision: id, when, who, file, sha256, counts (tab-separated)."""
    for r in storage.daftar_revisi():
        jumlah = f"baru={r.baru} berubah={r.berubah} sama={r.sama} dihapus={r.dihapus}"
        keadaan = (f"membatalkan={r.membatalkan}" if r.jenis == "batal"
                   else f"dibatalkan_oleh={r.dibatalkan_oleh}" if r.dibatalkan_oleh else "")
        print("\t".join(_satu_baris(v) for v in (
            str(r.id), r.waktu.isoformat(timespec="seconds"),
            r.pengguna + (f" (operator {r.operator})" if r.operator else ""), r.berkas, r.sha256 or "-", jumlah,
            r.jenis + (f" {keadaan}" if keadaan else ""))))
    return 0


def _satu_baris(teks: str) -> str:
    """A TSV field: tabs, line breaks and other control characters (from older versions) become spaces."""
    return "".join(c if c.isprintable() else " " for c in teks)


def batal(args: argparse.Namespace, storage: Storage) -> int:
    hasil = storage.batalkan(args.revision_id, pelaku=pelaku(args, storage))
    print(tn("cli.dibatalkan", hasil.berubah, asal=args.revision_id, id=hasil.id, berubah=hasil.berubah,
             dihapus=hasil.dihapus, sama=hasil.sama))
    return 0
