"""The command line, for administrators and automation.

    python -m kinerja import FILE [FILE ...] [--dry-run] [--user NAME] [--db PATH]
    python -m kinerja score --tahun Y --triwulan Q [--unit KODE] [--sub-unit] [--format csv|json] [--db PATH]
    python -m kinerja agenda --tahun Y --triwulan Q --unit KODE [--sub-unit] [--format csv|json] [--db PATH]
    python -m kinerja revisions [--db PATH]
    python -m kinerja undo REVISION_ID [--user NAME] [--db PATH]
    python -m kinerja user add NAME [--sso] [--password-stdin] [--user NAME] [--db PATH]
    python -m kinerja user remove NAME [--user NAME] [--db PATH]
    python -m kinerja user grant NAME ROLE UNIT [--revoke] [--user NAME] [--db PATH]
    python -m kinerja user list [--db PATH]
    python -m kinerja copy --from DB --to DB
    python -m kinerja report --kind triwulan|pk|manual|dko|lkjip --tahun Y [--triwulan Q] --unit U
                             --format pdf|docx|xlsx --out PATH [--bahasa id|en] [--user NAME] [--db DB]

``import`` recognises each file's kind from its header, checks the files
together against the database and commits them in one transaction, as one
revision; on any error it prints every row-located error to stderr, changes
nothing and exits 1. ``--dry-run`` prints the preview and commits nothing.
``score`` prints one row per IKU with year-to-date values (csv or json).
``agenda`` prints the Ringkasan's decision figures per IKU — NKO points lost, prognosis and its source quarter,
what the rest of the year needs — with the coverage line (csv: on stderr; json: in ``ringkasan``).
``revisions`` lists the revisions; ``undo`` restores what was there before one.
``user`` manages who may sign in and what they may write (ROLE pembaca, pengisi or
admin; UNIT a unit code, its sub-units included, or '*' for every unit); adding
the first person locks the installation: writing then needs sign-in.
``copy`` moves a whole installation between engines (a DuckDB file and a PostgreSQL
database, either way): every table as it is, revisions and audit trail included,
into a database that holds nothing yet.

``report`` writes one document of a unit to PATH (``kinerja.dokumen``): ``triwulan`` the quarterly performance
report and ``dko`` the Dialog Kinerja's minutes (both need ``--triwulan``: without it argparse exits 2 with its
usage line), ``pk`` the Perjanjian Kinerja, ``manual`` the Manual IKU, ``lkjip`` the LKjIP chapter III tables. The
file appears whole (written beside PATH, then renamed); success prints nothing. A unit NAME may not read
(``--user``), an unknown unit, or ``dko`` for a quarter with no meeting stored: one line on stderr, no file,
exit 1.

``--db`` (and ``KINERJA_DB``) is a DuckDB file's path or a ``postgresql://`` URL.

Without ``--user`` the command line writes (and ``report`` reads) as the operator who can open the
database file. With ``--user NAME`` on a locked installation the write is
checked against NAME's grants, like the same write from the app.

A command pays only for what it uses: this module holds the parser and imports
nothing heavy, so ``--help`` and a mistyped option answer at once; each command's
module (``impor``, ``skor``, ``agenda``, ``revisi``, ``orang``, ``salin``, ``siklus``, ``laporan``) and the store
are imported only when that command runs, and a module that reads through one part of the store only
(``buka_gudang``: ``skor``, without pandas) opens that part instead of the whole ``Storage``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja.dokumen import FORMAT, JENIS, PERLU_TRIWULAN
from kinerja_core.akses import SEMUA, Peran, identitas_sah
from kinerja_core.model import baca_triwulan

if TYPE_CHECKING:
    from kinerja.store import Storage

Perintah = Callable[[argparse.Namespace, "Storage"], int]

PERINTAH = {"import": ("impor", "impor"), "score": ("skor", "skor"), "agenda": ("agenda", "agenda"),
            "revisions": ("revisi", "revisi"), "undo": ("revisi", "batal"), "user": ("orang", "orang"),
            "copy": ("salin", "salin"), "submit": ("siklus", "langkah"), "verify": ("siklus", "langkah"),
            "return": ("siklus", "langkah"), "finalize": ("siklus", "langkah"), "reopen": ("siklus", "langkah"),
            "status": ("siklus", "status"), "evidence": ("siklus", "bukti"), "remind": ("siklus", "ingatkan"),
            "settings": ("siklus", "pengaturan"), "report": ("laporan", "laporan")}
"""Each command's module in this package and its function: imported when the command runs."""


def _triwulan(teks: str) -> int:
    q = baca_triwulan(teks)
    if q is None:
        from kinerja.texts import t
        raise argparse.ArgumentTypeError(t("galat.triwulan", nilai=teks))
    return q


def _nama_pengguna(teks: str) -> str:
    """A --user name as the revision log keeps it: one line of printable text (``identitas_sah``)."""
    teks = teks.strip()
    if not identitas_sah(teks):
        from kinerja.texts import t
        raise argparse.ArgumentTypeError(t("cli.pengguna_tidak_sah", nilai=teks))
    return teks


def _identitas(teks: str) -> str:
    """A person's NAME as the user store keeps it (``akses.rapikan_identitas``), or exit 2 saying why."""
    from kinerja import akses  # argon2 and the store: only for a command about people

    try:
        return akses.rapikan_identitas(teks)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


def _email(teks: str) -> str:
    """An e-mail address for reminders: one printable word with an @ between a name and a domain, or exit 2."""
    teks = teks.strip()
    nama, _, domain = teks.partition("@")
    if not (nama and "." in domain and teks.isprintable() and " " not in teks and len(teks) <= 254):
        raise argparse.ArgumentTypeError(f"{teks!r}: nama@domain")
    return teks


BANTUAN_DB = "berkas DuckDB atau URL postgresql:// (bawaan: $KINERJA_DB atau data/kinerja.duckdb)"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m kinerja", description="Dasbor Kinerja: impor data dan skor IKU.")
    sub = p.add_subparsers(dest="perintah", required=True)
    imp = sub.add_parser("import", help="impor unit.csv / iku.csv / realisasi.csv / komponen.csv dalam satu transaksi")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="tampilkan pratinjau perubahan tanpa menyimpan")
    imp.add_argument("--user", type=_nama_pengguna, default=None, help="nama pengunggah di riwayat revisi (bawaan: pengguna sistem)")
    imp.add_argument("--db", help=BANTUAN_DB)
    sk = sub.add_parser("score", help="capaian dan status tiap IKU s.d. satu triwulan")
    sk.add_argument("--tahun", type=int, required=True)
    sk.add_argument("--triwulan", type=_triwulan, required=True, help="1–4, TW III, Q3 …")
    sk.add_argument("--unit", help="kode unit (bawaan: semua unit)")
    sk.add_argument("--sub-unit", action="store_true", help="sertakan semua unit di bawah --unit")
    sk.add_argument("--format", choices=("csv", "json"), default="csv")
    sk.add_argument("--db", help=BANTUAN_DB)
    ag = sub.add_parser("agenda", help="agenda rapat: poin NKO hilang, prognosis, kebutuhan sampai akhir tahun")
    ag.add_argument("--tahun", type=int, required=True)
    ag.add_argument("--triwulan", type=_triwulan, required=True, help="1–4, TW III, Q3 …")
    ag.add_argument("--unit", required=True, help="kode unit yang rapat")
    ag.add_argument("--sub-unit", action="store_true", help="sertakan semua unit di bawah --unit")
    ag.add_argument("--format", choices=("csv", "json"), default="csv")
    ag.add_argument("--db", help=BANTUAN_DB)
    rev = sub.add_parser("revisions", help="daftar revisi: id, waktu, pengguna, berkas, sha256, jumlah")
    rev.add_argument("--db", help=BANTUAN_DB)
    batal = sub.add_parser("undo", help="batalkan satu revisi impor (pembatalan itu sendiri menjadi revisi)")
    batal.add_argument("revision_id", type=int, metavar="REVISION_ID")
    batal.add_argument("--user", type=_nama_pengguna, default=None, help="nama pengguna di riwayat revisi (bawaan: pengguna sistem)")
    batal.add_argument("--db", help=BANTUAN_DB)
    orang = sub.add_parser("user", help="siapa boleh masuk dan menulis apa").add_subparsers(dest="tindakan",
                                                                                             required=True)
    tambah = orang.add_parser("add", help="tambah pengguna (yang pertama mengunci instalasi: menulis perlu masuk)")
    tambah.add_argument("nama", type=_identitas, metavar="NAME", help="nama masuk atau e-mail SSO")
    tambah.add_argument("--sso", action="store_true", help="identitas SSO (OpenID Connect): tanpa sandi lokal")
    tambah.add_argument("--password-stdin", action="store_true", help="baca sandi dari satu baris stdin")
    tambah.add_argument("--email", type=_email, metavar="ADDRESS", help="alamat e-mail untuk pengingat tenggat")
    hapus = orang.add_parser("remove", help="hapus pengguna beserta hak dan sesinya")
    hapus.add_argument("nama", type=_identitas, metavar="NAME")
    beri = orang.add_parser("grant", help="beri peran pada satu unit dan semua unit di bawahnya")
    beri.add_argument("nama", type=_identitas, metavar="NAME")
    beri.add_argument("peran", type=Peran, choices=list(Peran), metavar="ROLE", help="pembaca, pengisi, verifikator atau admin")
    beri.add_argument("unit", metavar="UNIT", help=f"kode unit, atau '{SEMUA}' untuk semua unit")
    beri.add_argument("--revoke", action="store_true", help="cabut hak itu")
    daftar = orang.add_parser("list", help="daftar pengguna dan haknya")
    for a in (tambah, hapus, beri):
        a.add_argument("--user", type=_nama_pengguna, default=None, help="admin yang melakukannya (bawaan: pengguna sistem)")
    for a in (tambah, hapus, beri, daftar):
        a.add_argument("--db", help=BANTUAN_DB)
    salin = sub.add_parser("copy", help="pindahkan seluruh instalasi antar mesin (DuckDB ↔ PostgreSQL), "
                                        "semua revisi utuh")
    salin.add_argument("--from", dest="dari", required=True, metavar="DB", help="berkas DuckDB atau URL postgresql://")
    salin.add_argument("--to", dest="ke", required=True, metavar="DB", help="basis data tujuan yang masih kosong")
    _parser_siklus(sub)
    _parser_laporan(sub)
    return p


def _parser_laporan(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``report``: one document of a unit (``kinerja.dokumen``)."""
    lap = sub.add_parser("report", help="dokumen unit: laporan triwulanan, PK, Manual IKU, notulen DKO, tabel LKjIP")
    lap.add_argument("--kind", required=True, choices=JENIS,
                     help="triwulan (laporan triwulanan), pk (Perjanjian Kinerja), manual (Manual IKU), "
                          "dko (notulen Dialog Kinerja), lkjip (tabel Bab III LKjIP)")
    lap.add_argument("--tahun", type=int, required=True)
    lap.add_argument("--triwulan", type=_triwulan, default=None, help="1–4, TW III, Q3 … (wajib untuk triwulan dan dko)")
    lap.add_argument("--unit", required=True, help="kode unit")
    lap.add_argument("--format", required=True, choices=FORMAT)
    lap.add_argument("--out", required=True, metavar="PATH", help="berkas yang ditulis (utuh, atau tidak sama sekali)")
    lap.add_argument("--bahasa", choices=("id", "en"), default="id", help="bahasa dokumen (bawaan: id)")
    lap.add_argument("--user", type=_nama_pengguna, default=None,
                     help="baca dengan hak NAME (bawaan: pengguna sistem, semua unit)")
    lap.add_argument("--db", help=BANTUAN_DB)
    lap.set_defaults(pengurai_laporan=lap)  # main's check of --triwulan answers with this usage line


def _tanggal(teks: str) -> object:
    """A --today date (YYYY-MM-DD), or exit 2 saying so."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(teks)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"{teks!r}: YYYY-MM-DD") from e


def _parser_siklus(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The reporting cycle's commands (``siklus``): the steps, ``status``, ``evidence``, ``remind``."""
    langkah = {"submit": "ajukan triwulan unit untuk diverifikasi (pengisi)",
               "verify": "verifikasi triwulan yang diajukan (verifikator)",
               "return": "kembalikan triwulan yang diajukan, dengan alasan (verifikator)",
               "finalize": "tetapkan final: data triwulan unit terkunci (admin)",
               "reopen": "buka kembali triwulan final atau terkunci tenggat, dengan alasan (admin)"}
    for nama, bantuan in langkah.items():
        a = sub.add_parser(nama, help=bantuan)
        _tahun_triwulan(a)
        a.add_argument("--unit", required=True, help="kode unit")
        if nama == "verify":
            a.add_argument("--note", help="catatan verifikasi (boleh kosong)")
        if nama in ("return", "reopen"):
            a.add_argument("--reason", metavar="TEXT", help="alasan (wajib: tanpa alasan ditolak)")
        a.add_argument("--user", type=_nama_pengguna, default=None, help="yang melakukannya (bawaan: pengguna sistem)")
        a.add_argument("--db", help=BANTUAN_DB)
    st = sub.add_parser("status", help="tahap tiap unit pada satu triwulan: siapa, kapan, tenggat, keterlambatan")
    _tahun_triwulan(st)
    st.add_argument("--unit", help="kode unit (bawaan: semua unit)")
    st.add_argument("--sub-unit", action="store_true", help="sertakan semua unit di bawah --unit")
    st.add_argument("--format", choices=("csv", "json"), default="csv")
    st.add_argument("--db", help=BANTUAN_DB)
    bukti = sub.add_parser("evidence", help="data dukung: lampirkan, daftar, ambil").add_subparsers(
        dest="tindakan", required=True)
    tambah = bukti.add_parser("add", help="lampirkan berkas (PDF, XLSX, DOCX, PNG, JPEG) pada IKU satu triwulan")
    _tahun_triwulan(tambah)
    tambah.add_argument("--unit", required=True, help="kode unit")
    tambah.add_argument("--iku", required=True, help="kode IKU")
    tambah.add_argument("file", type=Path, metavar="FILE")
    daftar = bukti.add_parser("list", help="daftar data dukung (csv)")
    _tahun_triwulan(daftar)
    daftar.add_argument("--unit", help="kode unit (bawaan: semua unit)")
    daftar.add_argument("--sub-unit", action="store_true", help="sertakan semua unit di bawah --unit")
    ambil = bukti.add_parser("get", help="simpan satu berkas data dukung ke PATH")
    ambil.add_argument("id", type=int, metavar="ID")
    ambil.add_argument("--out", required=True, metavar="PATH")
    for a in (tambah, ambil):
        a.add_argument("--user", type=_nama_pengguna, default=None, help="yang melakukannya (bawaan: pengguna sistem)")
    for a in (tambah, daftar, ambil):
        a.add_argument("--db", help=BANTUAN_DB)
    ingat = sub.add_parser("remind", help="kirim pengingat tenggat hari ini lewat e-mail (untuk cron)")
    ingat.add_argument("--dry-run", action="store_true", help="tampilkan yang akan dikirim, tanpa mengirim")
    ingat.add_argument("--today", type=_tanggal, default=None, metavar="YYYY-MM-DD", help="tanggal hari ini (bawaan: hari ini)")
    ingat.add_argument("--db", help=BANTUAN_DB)
    atur = sub.add_parser("settings", help="pengaturan siklus pelaporan dan kop dokumen (tanpa opsi: tampilkan sebagai JSON)")
    atur.add_argument("--lock-at-deadline", choices=("on", "off"), help="kunci triwulan yang belum diajukan saat tenggat")
    atur.add_argument("--self-verify", choices=("on", "off"), help="verifikator unit itu sendiri boleh memverifikasi")
    atur.add_argument("--days", type=_hari_tenggat, metavar="AJUKAN,VERIFIKASI,FINAL",
                      help="tanggal tenggat pada bulan setelah triwulan, mis. 14,23,30")
    atur.add_argument("--tahun", type=int, help="--days hanya untuk tahun ini")
    atur.add_argument("--tingkat", type=int, help="--days hanya untuk unit pada tingkat ini (0: unit teratas)")
    atur.add_argument("--evidence-max-mb", type=int, metavar="MB", help="ukuran terbesar satu berkas data dukung")
    atur.add_argument("--evidence-folder", metavar="PATH",
                      help="simpan data dukung di folder ini (di luar folder aplikasi); '' = di basis data")
    atur.add_argument("--institution", metavar="NAMA",
                      help="nama instansi pada kop dokumen (laporan triwulanan, PK, Manual IKU, LKjIP)")
    atur.add_argument("--logo", metavar="BERKAS",
                      help="logo kop dokumen: gambar PNG atau JPEG, paling besar 1 MB, disimpan di basis data; '' = hapus")
    atur.add_argument("--user", type=_nama_pengguna, default=None, help="admin yang melakukannya (bawaan: pengguna sistem)")
    atur.add_argument("--db", help=BANTUAN_DB)


def _hari_tenggat(teks: str) -> tuple[int, int, int]:
    """'14,23,30': the days of the month after the quarter for submitting, verifying and finalising, or exit 2."""
    try:
        hari = tuple(int(h) for h in teks.split(","))
    except ValueError:
        hari = ()
    if len(hari) != 3 or not all(1 <= h <= 31 for h in hari) or not hari[0] <= hari[1] <= hari[2]:
        raise argparse.ArgumentTypeError(f"{teks!r}: AJUKAN,VERIFIKASI,FINAL (1–31, berurutan), mis. 14,23,30")
    return hari  # type: ignore[return-value]


def _tahun_triwulan(a: argparse.ArgumentParser) -> None:
    a.add_argument("--tahun", type=int, required=True)
    a.add_argument("--triwulan", type=_triwulan, required=True, help="1–4, TW III, Q3 …")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.perintah == "report" and args.kind in PERLU_TRIWULAN and args.triwulan is None:
        from kinerja.dokumen import nama_jenis
        from kinerja.texts import dalam_bahasa, t

        with dalam_bahasa(args.bahasa):  # exit 2 with the report's usage line, as a missing option does
            args.pengurai_laporan.error(t("dok.buat.perlu_triwulan", jenis=nama_jenis(args.kind)))
    nama_modul, fungsi = PERINTAH[args.perintah]
    modul = importlib.import_module(f"{__name__}.{nama_modul}")
    perintah: Perintah = getattr(modul, fungsi)
    from kinerja.config import alamat_db

    try:
        # the whole store, or the part a command says it reads (``buka_gudang``: ``score`` needs no pandas)
        storage = getattr(modul, "buka_gudang", _storage)(alamat_db(args.dari if args.perintah == "copy" else args.db))
        if args.perintah not in ("import", "user") and not storage.ada():  # only a write may create a database
            from kinerja.texts import t

            print(t("gudang.tidak_ada", path=storage.tampil), file=sys.stderr)
            return 1
        return perintah(args, storage)
    except _galat_dikenal() as e:
        print(str(e), file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head`: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps interpreter shutdown quiet
        return 0


def _storage(alamat: Path | str) -> Storage:
    from kinerja.store import Storage

    return Storage(alamat)


def _galat_dikenal() -> tuple[type[Exception], ...]:
    """The refusals a command reports in words (exit 1), asked as the error arrives: ``akses.MasukDitolak`` among
    them once ``kinerja.akses`` is loaded. Only its code raises it, so a command that never loaded it (argon2, and a
    hash made at import) cannot have met one."""
    from kinerja.store import (
        AksesDitolak,
        ImporDitolak,
        MasalahBasisData,
        PermintaanDitolak,
        RevisiDitolak,
        SiklusDitolak,
    )

    akses = sys.modules.get("kinerja.akses")
    masuk: tuple[type[Exception], ...] = (akses.MasukDitolak,) if akses is not None else ()
    return (MasalahBasisData, RevisiDitolak, ImporDitolak, AksesDitolak, SiklusDitolak, PermintaanDitolak, *masuk)
