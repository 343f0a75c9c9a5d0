"""``import FILE …``: check the files together against the database, then commit them as one revision."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

from kinerja.cli.pelaku import pelaku
from kinerja.masuk import loading
from kinerja.masuk.importing import Perubahan, rencanakan, terapkan
from kinerja.store import KUNCI, Storage
from kinerja.texts import t, tn


@contextmanager
def _memori_sistem() -> Iterator[None]:
    """Arrow's buffers from the C library's allocator while an import runs, unless ARROW_DEFAULT_MEMORY_POOL
    chooses one. Reading and checking a ministry's files makes hundreds of short-lived column-sized buffers; Arrow's
    default pool (mimalloc) hands their pages back and faults them in again, which at 300 000 rows cost about half
    the CPU of reading the files (and more memory at the peak). Buffers already made keep the pool they came from."""
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        yield
        return
    sebelumnya = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(sebelumnya)


def impor(args: argparse.Namespace, storage: Storage) -> int:
    with _memori_sistem():
        return _impor(args, storage)


def _impor(args: argparse.Namespace, storage: Storage) -> int:
    berkas = []
    batas = loading.BATAS_UKURAN_MB * 1024 * 1024
    for f in args.files:
        try:
            ukuran = f.stat().st_size
            if ukuran > batas:  # before reading: a huge file costs nothing to refuse
                print(t("galat.lokasi_berkas", berkas=f.name, pesan=t(
                    "galat.terlalu_besar", ukuran=round(ukuran / 1024 / 1024, 1), batas=loading.BATAS_UKURAN_MB)),
                      file=sys.stderr)
                return 1
            berkas.append((f.name, f.read_bytes()))
        except OSError as e:
            print(f"{f}: {e.strerror}", file=sys.stderr)
            return 1
    oleh = pelaku(args, storage)
    rencana = rencanakan(berkas, storage, oleh)
    if not rencana.sah:
        for k in rencana.kesalahan:
            print(k, file=sys.stderr)
        if rencana.kesalahan_lain:
            print(tn("galat.lebih_banyak", rencana.kesalahan_lain), file=sys.stderr)
        print(tn("cli.tidak_tersimpan", len(rencana.kesalahan) + rencana.kesalahan_lain), file=sys.stderr)
        return 1
    for b in rencana.berkas:
        for c in b.catatan:
            print(f"{b.nama}: {c}", file=sys.stderr)
    for w in rencana.peringatan:  # possible slips the page shows before its confirmation: named here too
        print(w, file=sys.stderr)
    for p in rencana.perubahan:
        print(t("cli.diubah", berkas=p.berkas, jenis=t(f"jenis.{p.jenis.value}"), ringkas=p.ringkas()))
        if args.dry_run:
            _cetak_pratinjau(p)
    if args.dry_run:
        print(t("cli.uji_coba"))
        return 0
    # said and counted: the files' bytes and the preview's comparison with the store (at 3M rows a gigabyte) are let
    # go before the commit, which needs neither
    del berkas
    rencana.perubahan.clear()
    revisi = terapkan(rencana, storage, oleh)
    print(t("cli.tersimpan", path=storage.tampil, id=revisi.id))
    return 0


def _cetak_pratinjau(p: Perubahan) -> None:
    """One line per new or changed row: where it came from, its key, what changes and the light it causes."""
    for r in p.rincian.to_dict("records"):
        if r["perubahan"] == t("perubahan.sama"):
            continue
        kunci = " / ".join(str(r[k]) for k in KUNCI[p.jenis])
        teks = f"  baris {r['baris']}: {r['perubahan']} {kunci}"
        if r["rincian"]:
            teks += f" — {r['rincian']}"
        if r.get("status_lama") != r.get("status_baru"):
            teks += f" [{r['status_lama']} → {r['status_baru']}]"
        print(teks)
