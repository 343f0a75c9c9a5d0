"""The reporting cycle on the command line: ``submit``, ``verify``, ``return``, ``finalize``, ``reopen`` move a unit's
quarter (each an audit line); ``status`` lists the stages; ``evidence add|list|get`` handles data dukung;
``remind`` sends the day's reminders (for cron); ``settings`` shows and sets the cycle's settings and the documents'
letterhead. A refused step exits 1 with one line and changes nothing."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd

from kinerja import surel
from kinerja.cli.pelaku import pelaku
from kinerja.masuk.bukti import periksa_bukti
from kinerja.masuk.keluaran import netralkan
from kinerja.pesan import Pesan
from kinerja.store import KOLOM_BUKTI, KOLOM_TAHAP, KopDitolak, KopDokumen, Storage, hari_ini
from kinerja.store.kop import periksa_kop
from kinerja.texts import nama_triwulan, t, teks_pesan, tn
from kinerja_core.siklus import HariTenggat, Langkah

LANGKAH = {"submit": Langkah.AJUKAN, "verify": Langkah.VERIFIKASI, "return": Langkah.KEMBALIKAN,
           "finalize": Langkah.FINALKAN, "reopen": Langkah.BUKA}
"""Each step's command."""


def langkah(args: argparse.Namespace, storage: Storage) -> int:
    """``submit|verify|return|finalize|reopen --tahun Y --triwulan Q --unit U``: one step, in one transaction."""
    alasan = getattr(args, "reason", None) or getattr(args, "note", None)
    keadaan = storage.langkah_tahap(args.tahun, args.triwulan, args.unit, LANGKAH[args.perintah],
                                    pelaku=pelaku(args, storage), alasan=alasan)
    print(t("cli.tahap_baru", unit=args.unit, tahun=args.tahun, triwulan=nama_triwulan(args.triwulan),
            tahap=keadaan.tahap.value))
    return 0


def status(args: argparse.Namespace, storage: Storage) -> int:
    """``status``: one row per unit with IKU in the year (``KOLOM_TAHAP``), csv or json."""
    daftar = storage.daftar_tahap(args.tahun, args.triwulan, args.unit, sub_unit=args.sub_unit)
    if args.unit and daftar.empty and args.unit not in storage.unit_tahun(args.tahun)[0]["kode_unit"].tolist():
        print(t("galat.unit_tidak_dikenal", nilai=args.unit), file=sys.stderr)
        return 1
    keluar = daftar.assign(
        **{k: daftar[k].map(_waktu) for k in ("diajukan_pada", "diverifikasi_pada", "final_pada")},
        tenggat_berikutnya=daftar["tenggat_berikutnya"].map(lambda v: None if v is None or pd.isna(v)
                                                            else pd.Timestamp(v).date().isoformat()),
        terlambat_hari=pd.Series([None if v is None or pd.isna(v) else int(v) for v in daftar["terlambat_hari"]],
                                 dtype=object, index=daftar.index))[KOLOM_TAHAP]
    _tulis(keluar, args.format, teks=["kode_unit", "diajukan_oleh", "diverifikasi_oleh", "final_oleh", "alasan"])
    return 0


def _waktu(nilai: object) -> str | None:
    """A stored UTC time as ISO 8601 with its zone ('2026-10-13T02:12:05Z'); None when there is none."""
    if nilai is None or pd.isna(nilai):  # type: ignore[arg-type]
        return None
    return pd.Timestamp(nilai).to_pydatetime().replace(microsecond=0).isoformat() + "Z"


def _tulis(data: pd.DataFrame, bentuk: str, *, teks: list[str]) -> None:
    """Rows as CSV (text made formula-safe for a spreadsheet) or as a JSON list of objects."""
    if bentuk == "json":  # a list of objects, as json.dumps(…, indent=2, ensure_ascii=False) writes it
        rekaman = data.astype(object).where(data.notna(), None).to_dict("records")
        sys.stdout.write(json.dumps(rekaman, indent=2, ensure_ascii=False) + "\n")
        return
    data = data.copy()
    for k in teks:
        data[k] = [v if not isinstance(v, str) else netralkan(v) for v in data[k]]
    data.to_csv(sys.stdout, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)


def bukti(args: argparse.Namespace, storage: Storage) -> int:
    """``evidence add|list|get``."""
    if args.tindakan == "list":
        daftar = storage.daftar_bukti(args.tahun, args.triwulan, args.unit, sub_unit=args.sub_unit)
        _tulis(daftar.assign(waktu=daftar["waktu"].map(_waktu))[KOLOM_BUKTI], "csv",
               teks=["kode_unit", "kode_iku", "nama", "oleh"])
        return 0
    if args.tindakan == "get":
        berkas = storage.ambil_bukti(args.id, pelaku=pelaku(args, storage))
        Path(args.out).write_bytes(berkas.isi)
        print(t("cli.bukti_diambil", id=berkas.id, nama=berkas.nama, path=args.out))
        return 0
    path = Path(args.file)
    try:
        isi = path.read_bytes()
    except OSError as e:
        print(f"{path}: {e.strerror}", file=sys.stderr)
        return 1
    jenis, tolak = periksa_bukti(path.name, isi, storage.pengaturan_siklus().bukti_maks_mb)
    if tolak is not None:
        print(teks_pesan(Pesan(tolak.kode, tolak.isian)), file=sys.stderr)
        return 1
    bukti_id = storage.tambah_bukti(args.tahun, args.triwulan, args.unit, args.iku, nama=path.name, jenis=jenis or "",
                                    isi=isi, pelaku=pelaku(args, storage))
    print(t("cli.bukti_ditambah", id=bukti_id, nama=path.name, unit=args.unit, iku=args.iku))
    return 0


def ingatkan(args: argparse.Namespace, storage: Storage) -> int:
    """``remind [--dry-run] [--today YYYY-MM-DD]``: the day's reminders by e-mail; without SMTP settings (or with
    ``--dry-run``) what would be sent is printed and nothing is recorded."""
    hari = args.today or hari_ini()
    smtp = surel.pengaturan_smtp()
    surat, terkirim = surel.ingatkan(storage, hari, smtp, kering=args.dry_run)
    if not surat:
        print(t("cli.pengingat_tidak_ada", tanggal=hari.isoformat()))
        return 0
    if args.dry_run or smtp is None:
        if smtp is None:
            print(t("cli.pengingat_tanpa_smtp"))
        for s in surat:
            print(f"--- {s['To']}: {s['Subject']}")
            print(s.get_content().rstrip("\n"))
        return 0
    print(tn("cli.pengingat_dikirim", terkirim))
    return 0


def pengaturan(args: argparse.Namespace, storage: Storage) -> int:
    """``settings``: the cycle's settings and the documents' letterhead as JSON; with options, changed first (by an
    admin of every unit, audited). ``--institution NAMA`` and ``--logo BERKAS`` (``''``: none) set the letterhead
    every document prints (``Storage.atur_kop_dokumen``); the JSON says it under ``instansi`` (name, and whether
    there is a logo). A letterhead the store would refuse (a logo that is not a PNG or JPEG, over 1 MB) is refused
    before anything is changed: exit 1, one line."""
    kop_lama = storage.kop_dokumen()
    kop = _kop(args, kop_lama)
    if kop is None:
        return 1
    lama = storage.pengaturan_siklus()
    baru = lama
    if args.lock_at_deadline or args.self_verify:
        baru = replace(baru, aturan=replace(
            baru.aturan, **({"kunci_tenggat": args.lock_at_deadline == "on"} if args.lock_at_deadline else {}),
            **({"verifikasi_unit_sendiri": args.self_verify == "on"} if args.self_verify else {})))
    if args.days:
        hari = HariTenggat(*args.days)
        if args.tahun is None and args.tingkat is None:
            baru = replace(baru, jadwal=replace(baru.jadwal, bawaan=hari))
        else:
            baru = replace(baru, jadwal=replace(baru.jadwal, ubah={**baru.jadwal.ubah, (args.tahun, args.tingkat): hari}))
    if args.evidence_max_mb is not None:
        baru = replace(baru, bukti_maks_mb=args.evidence_max_mb)
    if args.evidence_folder is not None:
        baru = replace(baru, folder_bukti=args.evidence_folder or None)
    if baru != lama:
        storage.atur_siklus(baru, pelaku=pelaku(args, storage))
    if kop != kop_lama:
        storage.atur_kop_dokumen(kop, pelaku=pelaku(args, storage))
    keluar = json.loads(baru.ke_json())
    keluar["instansi"] = {"nama": kop.nama_instansi, "logo": kop.logo is not None}
    print(json.dumps(keluar, indent=2, ensure_ascii=False))
    return 0


def _kop(args: argparse.Namespace, lama: KopDokumen) -> KopDokumen | None:
    """The letterhead the options ask for (``lama`` where they say nothing); None after saying on stderr why it
    cannot be (a logo file that does not read). What the store would refuse raises its ``KopDitolak`` here, before
    any setting is written."""
    kop = lama
    nama = getattr(args, "institution", None)
    if nama is not None:
        kop = replace(kop, nama_instansi=nama.strip())
    logo = getattr(args, "logo", None)
    if logo == "":
        kop = replace(kop, logo=None)
    elif logo is not None:
        path = Path(logo)
        try:
            kop = replace(kop, logo=path.read_bytes())
        except OSError as e:
            print(f"{path}: {e.strerror}", file=sys.stderr)
            return None
    salah = periksa_kop(kop)
    if salah is not None:
        raise KopDitolak(salah)
    return kop
