"""The cycle's reminders as e-mail: the SMTP settings, each reminder in words, and the sending (``python -m kinerja
remind``). Without SMTP settings nothing is sent: the command prints what it would send.

Settings, from the environment or, else, ``[smtp]`` in ``.streamlit/secrets.toml``::

    KINERJA_SMTP_HOST, KINERJA_SMTP_PORT (587), KINERJA_SMTP_STARTTLS (1), KINERJA_SMTP_USER,
    KINERJA_SMTP_PASSWORD, KINERJA_SMTP_SENDER
"""

from __future__ import annotations

import datetime as dt
import os
import smtplib
import tomllib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import TYPE_CHECKING

from kinerja.config import AKAR
from kinerja.texts import N_, ROMAWI, N_jamak, t, tn
from kinerja_core.pengingat import Butir, Pengingat, rencana

if TYPE_CHECKING:
    from kinerja.store import Storage


_PESAN = (
    N_("pengingat.jenis.belum_diajukan"), N_("pengingat.jenis.terlambat"), N_("pengingat.jenis.menunggu_verifikasi"),
    N_("pengingat.pembuka.pengisi"), N_("pengingat.pembuka.verifikator"), N_("pengingat.pembuka.admin"),
    N_jamak("pengingat.subjek.pengisi"), N_jamak("pengingat.subjek.verifikator"), N_jamak("pengingat.subjek.admin"),
)
"""The reminders' messages whose keys the code builds, for the extraction."""


@dataclass(frozen=True)
class PengaturanSmtp:
    """Where and how reminders are sent."""

    host: str
    port: int = 587
    starttls: bool = True
    user: str | None = None
    password: str | None = None
    pengirim: str = "dasbor-kinerja@localhost"


def pengaturan_smtp(lingkungan: dict[str, str] | None = None) -> PengaturanSmtp | None:
    """The SMTP settings from the environment, else from ``[smtp]`` of .streamlit/secrets.toml; None without a host.

    >>> pengaturan_smtp({"KINERJA_SMTP_HOST": "127.0.0.1", "KINERJA_SMTP_PORT": "2525", "KINERJA_SMTP_STARTTLS": "0"})
    PengaturanSmtp(host='127.0.0.1', port=2525, starttls=False, user=None, password=None, pengirim='dasbor-kinerja@localhost')
    """
    env = os.environ if lingkungan is None else lingkungan
    berkas: dict[str, object] = {}
    rahasia = AKAR / ".streamlit" / "secrets.toml"
    if lingkungan is None and rahasia.exists():
        with rahasia.open("rb") as f:
            smtp = tomllib.load(f).get("smtp", {})
            berkas = smtp if isinstance(smtp, dict) else {}

    def ambil(kunci: str) -> str | None:
        nilai = env.get(f"KINERJA_SMTP_{kunci.upper()}")
        return nilai if nilai is not None else (None if berkas.get(kunci) is None else str(berkas[kunci]))

    host = ambil("host")
    if not host:
        return None
    return PengaturanSmtp(host, int(ambil("port") or 587), (ambil("starttls") or "1").lower() not in ("0", "false", "no"),
                          ambil("user"), ambil("password"), ambil("sender") or "dasbor-kinerja@localhost")


def _baris(b: Butir) -> str:
    """One item of a reminder: 'KPPBCBOGOR TW III 2026: belum diajukan, 3 hari lagi (tenggat …)'."""
    kapan = (tn("pemantauan.terlambat", b.hari) if b.hari > 0 else t("pemantauan.hari_ini") if b.hari == 0
             else tn("pemantauan.sisa", -b.hari))
    return t("pengingat.butir", unit=b.kode_unit, triwulan=t("triwulan.nama", romawi=ROMAWI[b.triwulan]),
             tahun=b.tahun, keadaan=t(f"pengingat.jenis.{b.jenis}"), kapan=kapan)


def surel(p: Pengingat, pengirim: str) -> EmailMessage:
    """A reminder as an e-mail in plain text (names and codes are data: never markup)."""
    pesan = EmailMessage()
    pesan["From"] = pengirim
    pesan["To"] = p.penerima.email
    pesan["Date"] = formatdate(localtime=False)
    pesan["Message-ID"] = make_msgid(domain="dasbor-kinerja")
    pesan["Subject"] = tn(f"pengingat.subjek.{p.peran}", len(p.butir))
    badan = [t("pengingat.salam", nama=p.penerima.identitas), "", t(f"pengingat.pembuka.{p.peran}"), ""]
    badan += [f"- {_baris(b)}" for b in p.butir]
    badan += ["", t("pengingat.penutup")]
    pesan.set_content("\n".join(badan))
    return pesan


def kirim(daftar: list[EmailMessage], smtp: PengaturanSmtp) -> list[EmailMessage]:
    """Send each message over one SMTP connection; the ones sent (a refused recipient leaves the others going)."""
    terkirim = []
    with smtplib.SMTP(smtp.host, smtp.port, timeout=30) as s:
        if smtp.starttls:
            s.starttls()
        if smtp.user:
            s.login(smtp.user, smtp.password or "")
        for pesan in daftar:
            try:
                s.send_message(pesan)
            except smtplib.SMTPRecipientsRefused:
                continue
            terkirim.append(pesan)
    return terkirim


def ingatkan(storage: Storage, hari: dt.date, smtp: PengaturanSmtp | None, *, kering: bool = False
             ) -> tuple[list[EmailMessage], int]:
    """The reminders due on ``hari`` (``kinerja_core.pengingat.rencana``) as e-mails, and how many were sent: none
    on a dry run (``kering``) or without SMTP settings; each one sent is recorded, so it never goes twice."""
    data = storage.data_pengingat(hari)
    rencana_hari = rencana(hari, data.tahap, data.orang, data.induk, data.pengaturan.aturan, data.sudah)
    pasangan = [(p, surel(p, smtp.pengirim if smtp else "dasbor-kinerja@localhost")) for p in rencana_hari]
    if kering or smtp is None or not pasangan:
        return [e for _, e in pasangan], 0
    terkirim = {id(e) for e in kirim([e for _, e in pasangan], smtp)}
    for p, e in pasangan:
        if id(e) in terkirim:
            storage.catat_pengingat([b.kunci for b in p.butir], p.penerima.identitas)
    return [e for _, e in pasangan], len(terkirim)
