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

``--db`` (and ``KINERJA_DB``) is a DuckDB file's path or a ``postgresql://`` URL.

Without ``--user`` the command line writes as the operator who can open the
database file. With ``--user NAME`` on a locked installation the write is
checked against NAME's grants, like the same write from the app.
"""

from __future__ import annotations

import argparse
import getpass
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from kinerja import akses, scores
from kinerja.config import alamat_db
from kinerja.masuk import loading
from kinerja.masuk.exporting import ke_json, netralkan
from kinerja.masuk.importing import Perubahan, rencanakan, terapkan
from kinerja.store import KUNCI, AksesDitolak, ImporDitolak, MasalahBasisData, RevisiDitolak, Storage
from kinerja.texts import t, tn
from kinerja_core.akses import SEMUA, Cara, Hibah, Pelaku, Peran, identitas_sah
from kinerja_core.model import baca_triwulan


def _triwulan(teks: str) -> int:
    q = baca_triwulan(teks)
    if q is None:
        raise argparse.ArgumentTypeError(t("galat.triwulan", nilai=teks))
    return q


def _nama_pengguna(teks: str) -> str:
    """A --user name as the revision log keeps it: one line of printable text (``identitas_sah``)."""
    teks = teks.strip()
    if not identitas_sah(teks):
        raise argparse.ArgumentTypeError(t("cli.pengguna_tidak_sah", nilai=teks))
    return teks


def _identitas(teks: str) -> str:
    """A person's NAME as the user store keeps it (``akses.rapikan_identitas``), or exit 2 saying why."""
    try:
        return akses.rapikan_identitas(teks)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


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
    hapus = orang.add_parser("remove", help="hapus pengguna beserta hak dan sesinya")
    hapus.add_argument("nama", type=_identitas, metavar="NAME")
    beri = orang.add_parser("grant", help="beri peran pada satu unit dan semua unit di bawahnya")
    beri.add_argument("nama", type=_identitas, metavar="NAME")
    beri.add_argument("peran", type=Peran, choices=list(Peran), metavar="ROLE", help="pembaca, pengisi atau admin")
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
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    perintah = {"import": _impor, "score": _skor, "agenda": _agenda, "revisions": _revisi, "undo": _batal, "user": _orang,
                "copy": _salin}[args.perintah]
    try:
        storage = Storage(alamat_db(args.dari if args.perintah == "copy" else args.db))
        if args.perintah not in ("import", "user") and not storage.ada():  # only a write may create a database
            print(t("gudang.tidak_ada", path=storage.tampil), file=sys.stderr)
            return 1
        return perintah(args, storage)
    except (MasalahBasisData, RevisiDitolak, ImporDitolak, AksesDitolak, akses.MasukDitolak) as e:
        print(str(e), file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head`: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps interpreter shutdown quiet
        return 0


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
    pelaku = _pelaku(args, storage)
    rencana = rencanakan(berkas, storage, pelaku)
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
    revisi = terapkan(rencana, storage, pelaku)
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


def _pelaku(args: argparse.Namespace, storage: Storage) -> Pelaku:
    """Who the command writes as: ``--user`` NAME checked against NAME's grants once the installation is locked
    (before that, the name the revision log keeps); otherwise the operator. Acting for NAME, the operator's own
    login is kept beside it in the revision and the audit trail."""
    operator = _pengguna_sistem()
    if args.user and storage.terkunci():
        return Pelaku(akses.rapikan_identitas(args.user), Cara.MASUK, ASAL, operator=operator)
    if args.user and args.user != operator:
        return Pelaku(args.user, Cara.SISTEM, ASAL, operator=operator)
    return Pelaku.sistem(operator, ASAL)


ASAL = "baris perintah"


def _orang(args: argparse.Namespace, storage: Storage) -> int:
    """``user add|remove|grant|list``."""
    if args.tindakan == "list":
        for r in storage.daftar_pengguna().itertuples():
            print("\t".join([r.identitas, "sso" if r.sso else "lokal", r.hak or "-"]))
        return 0
    pelaku = _pelaku(args, storage)
    try:
        if args.tindakan == "add":
            sandi = None if args.sso else akses.hash_sandi(_sandi_baru(args.password_stdin))
            storage.tambah_pengguna(args.nama, sandi, pelaku=pelaku)
            print(t("cli.pengguna_ditambah", nama=args.nama))
        elif args.tindakan == "remove":
            storage.hapus_pengguna(args.nama, pelaku=pelaku)
            print(t("cli.pengguna_dihapus", nama=args.nama))
        else:
            storage.beri_hak(args.nama, Hibah(args.peran, args.unit), pelaku=pelaku, cabut=args.revoke)
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


def _pengguna_sistem() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without /etc/passwd entry)
        return "tanpa-nama"


def _revisi(args: argparse.Namespace, storage: Storage) -> int:
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


def _batal(args: argparse.Namespace, storage: Storage) -> int:
    revisi = storage.batalkan(args.revision_id, pelaku=_pelaku(args, storage))
    print(tn("cli.dibatalkan", revisi.berubah, asal=args.revision_id, id=revisi.id, berubah=revisi.berubah,
             dihapus=revisi.dihapus, sama=revisi.sama))
    return 0


def _salin(args: argparse.Namespace, storage: Storage) -> int:
    """``copy --from DB --to DB``: the whole installation, table by table, in one transaction on the target."""
    tujuan = Storage(args.ke)
    jumlah = storage.salin_ke(tujuan)
    print(t("cli.disalin", dari=storage.tampil, ke=tujuan.tampil, revisi=tn("jumlah.revisi", jumlah["revisi"]),
            baris=tn("jumlah.baris", sum(jumlah.values()))))
    return 0


def _skor(args: argparse.Namespace, storage: Storage) -> int:
    # the unit filter runs in the database: one office reads one office's rows
    unit, data = storage.baca_lebar(args.tahun, args.unit, sub_unit=args.sub_unit, kolom=scores.KOLOM_IKU_SKOR)
    if args.unit:
        pohon = scores.pohon(unit)
        if args.unit not in pohon.induk:
            print(t("galat.unit_tidak_dikenal", nilai=args.unit), file=sys.stderr)
            return 1
        data = scores.pilih_unit(data, pohon.subpohon(args.unit, dengan_sub_unit=args.sub_unit))
    hasil = scores.skor(data, args.triwulan)
    iku = hasil[scores.KOLOM_SKOR].reset_index(drop=True)
    iku["capaian"] = iku["capaian"].round(2)
    angka = ["target", "realisasi", "capaian"]  # beyond a double's range (older data): empty, never 'inf'
    iku[angka] = iku[angka].astype("float64").where(lambda d: d.abs() != math.inf)
    if args.format == "csv":
        teks = ["kode_unit", "kode_iku", "nama_iku"]  # a spreadsheet must not run a name as a formula
        iku[teks] = iku[teks].map(netralkan)
        iku.to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    nko = scores.tabel_nko(hasil, unit)[["kode_unit", "nama_unit", "nko", "hijau", "kuning", "merah", "abu-abu"]]
    sys.stdout.write(ke_json({"iku": iku, "nko": nko}) + "\n")
    return 0


def _agenda(args: argparse.Namespace, storage: Storage) -> int:
    """``agenda``: the Ringkasan's decision figures for one unit, per IKU, in agenda order (``scores.agenda``)."""
    unit, data = storage.baca_lebar(args.tahun, args.unit, sub_unit=args.sub_unit)
    pohon = scores.pohon(unit)
    if args.unit not in pohon.induk:
        print(t("galat.unit_tidak_dikenal", nilai=args.unit), file=sys.stderr)
        return 1
    data = scores.pilih_unit(data, pohon.subpohon(args.unit, dengan_sub_unit=args.sub_unit))
    hasil = scores.agenda(scores.skor(data, args.triwulan), args.unit, unit, pohon, args.triwulan)
    iku, ringkasan, anak = hasil.iku.copy(), hasil.ringkasan.copy(), hasil.sub_unit.copy()
    for tabel in (iku, ringkasan, anak):  # beyond a double's range: empty / null, never 'inf'
        angka = [k for k in tabel.columns if pd.api.types.is_float_dtype(tabel[k])]
        tabel[angka] = tabel[angka].where(lambda d: d.abs() != math.inf)
    iku["capaian"] = iku["capaian"].round(2)
    iku["capaian_prognosis"] = iku["capaian_prognosis"].round(2)
    iku["poin_hilang"] = iku["poin_hilang"].round(4)
    iku["triwulan_laju"] = pd.Series([None if math.isnan(q) else int(q) for q in iku["triwulan_laju"].astype(float)],
                                     dtype=object, index=iku.index)  # 3, never 3.0
    if len(anak):
        anak["poin_hilang_bersih"] = anak["poin_hilang_bersih"].astype(float).round(4)
    if args.format == "csv":
        for k in iku.columns:  # a spreadsheet must not run a text as a formula
            if iku[k].dtype == object and k != "triwulan_laju":
                iku[k] = [v if not isinstance(v, str) else netralkan(v) for v in iku[k]]
        iku.to_csv(sys.stdout, index=False, lineterminator="\n")
        r = ringkasan.iloc[0]
        print(t("cli.agenda_cakupan", unit=r["nama_unit"], nko=_angka_cli(r["nko"]),
                prognosis=_angka_cli(r["nko_prognosis"]), cakupan=r["cakupan"],
                cakupan_prognosis=r["cakupan_prognosis"]), file=sys.stderr)
        return 0
    sys.stdout.write(ke_json({"ringkasan": ringkasan, "iku": iku, "sub_unit": anak}) + "\n")
    return 0


def _angka_cli(nilai: object) -> str:
    """A number for the coverage line: 2 decimals, '—' when missing."""
    return "—" if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)) else f"{float(nilai):.2f}"
