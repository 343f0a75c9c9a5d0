"""``user add|remove|grant|list``: who may sign in and what they may write."""

from __future__ import annotations

import argparse
import getpass
import sys

from kinerja import akses
from kinerja.cli.pelaku import pelaku
from kinerja.store import Storage
from kinerja.texts import t
from kinerja_core.akses import Hibah


def orang(args: argparse.Namespace, storage: Storage) -> int:
    """``user add|remove|grant|list``."""
    if args.tindakan == "list":
        for r in storage.daftar_pengguna().itertuples():
            print("\t".join([r.identitas, "sso" if r.sso else "lokal", r.hak or "-"]))
        return 0
    oleh = pelaku(args, storage)
    try:
        if args.tindakan == "add":
            sandi = None if args.sso else akses.hash_sandi(_sandi_baru(args.password_stdin))
            storage.tambah_pengguna(args.nama, sandi, pelaku=oleh, email=args.email)
            print(t("cli.pengguna_ditambah", nama=args.nama))
        elif args.tindakan == "remove":
            storage.hapus_pengguna(args.nama, pelaku=oleh)
            print(t("cli.pengguna_dihapus", nama=args.nama))
        else:
            storage.beri_hak(args.nama, Hibah(args.peran, args.unit), pelaku=oleh, cabut=args.revoke)
            print(t("cli.hak_dicabut" if args.revoke else "cli.hak_diberi", nama=args.nama, peran=args.peran.value,
                    unit=args.unit))
    except ValueError as e:
        print(str(e), file=sys.stderr)
        return 1
    return 0


def _sandi_baru(dari_stdin: bool) -> str:
    """A new password, from one stdin line or typed twice without echo; refused when shorter than the minimum."""
    if dari_stdin:
        sandi = sys.stdin.readline().rstrip("\n")
    else:
        sandi = getpass.getpass(t("cli.sandi"))
        if getpass.getpass(t("cli.sandi_ulang")) != sandi:
            raise ValueError(t("cli.sandi_beda"))
    if len(sandi) < akses.PANJANG_SANDI:
        raise ValueError(t("cli.sandi_pendek", n=akses.PANJANG_SANDI))
    return sandi
