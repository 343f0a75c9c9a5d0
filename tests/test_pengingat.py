"""The cycle's reminders, received by a real SMTP server the test starts on 127.0.0.1 (aiosmtpd): who gets which,
on which days, and each exactly once however often the daily job runs."""

from __future__ import annotations

import datetime as dt
import email
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from kinerja import surel
from kinerja.store import Storage
from kinerja_core.akses import SEMUA, Hibah, Pelaku, Peran
from kinerja_core.siklus import Langkah
from tests.conftest import _port_bebas

OPERATOR = Pelaku.sistem("root")


class _Kotak:
    """An SMTP server's handler keeping every message it receives."""

    def __init__(self) -> None:
        self.surat: list[Message] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.surat.append(email.message_from_bytes(envelope.content))  # type: ignore[attr-defined]
        return "250 OK"


@pytest.fixture
def kotak() -> Iterator[tuple[_Kotak, surel.PengaturanSmtp]]:
    k = _Kotak()
    server = Controller(k, hostname="127.0.0.1", port=_port_bebas())
    server.start()
    try:
        yield k, surel.PengaturanSmtp("127.0.0.1", server.port, starttls=False, pengirim="kinerja@uji.go.id")
    finally:
        server.stop()


@pytest.fixture
def gudang(db_contoh: Path) -> Storage:
    s = Storage(db_contoh)
    for nama, email_, peran, unit in (("rina", "rina@bc.go.id", Peran.PENGISI, "KPPBCBOGOR"),
                                      ("budi", "budi@bc.go.id", Peran.VERIFIKATOR, "KWBCJABAR"),
                                      ("sari", "sari@bc.go.id", Peran.ADMIN, SEMUA),
                                      ("tono", None, Peran.PENGISI, "KPPBCBOGOR")):
        s.tambah_pengguna(nama, None, pelaku=OPERATOR, email=email_)
        s.beri_hak(nama, Hibah(peran, unit), pelaku=OPERATOR)
    return s


def _untuk(kotak: _Kotak, alamat: str) -> list[Message]:
    return [m for m in kotak.surat if m["To"] == alamat]


def test_pengisi_diingatkan_sekali_per_hari_pengingat(gudang: Storage, kotak) -> None:
    k, smtp = kotak
    for hari in (dt.date(2019, 10, 6), dt.date(2019, 10, 7), dt.date(2019, 10, 7)):  # 8 days before, 7 (twice)
        surel.ingatkan(gudang, hari, smtp)
    rina = _untuk(k, "rina@bc.go.id")
    assert len(rina) == 1
    assert rina[0]["Subject"] == "Dasbor Kinerja: 1 laporan triwulan belum diajukan"
    assert "KPPBCBOGOR TW III 2019: belum diajukan, 7 hari lagi" in rina[0].get_payload()
    for hari in (dt.date(2019, 10, 11), dt.date(2019, 10, 12), dt.date(2019, 10, 13), dt.date(2019, 10, 14),
                 dt.date(2019, 10, 15), dt.date(2019, 10, 15), dt.date(2019, 10, 16)):
        surel.ingatkan(gudang, hari, smtp)
    isi = [m.get_payload() for m in _untuk(k, "rina@bc.go.id")]
    assert len(isi) == 4  # 7, 3 and 1 days before, and the day after: each once
    assert "KPPBCBOGOR TW III 2019: belum diajukan, lewat tenggat, 1 hari terlambat" in isi[-1]
    assert not [m for m in k.surat if m["To"] in (None, "", "None")]  # tono has no address: nothing for him


def test_verifikator_diingatkan_sekali_per_pengajuan_admin_ringkasan(gudang: Storage, kotak) -> None:
    k, smtp = kotak
    gudang.langkah_tahap(2019, 3, "KPPBCBOGOR", Langkah.AJUKAN, pelaku=Pelaku("rina", OPERATOR.cara, "uji"),
                         hari=dt.date(2019, 10, 10))
    surel.ingatkan(gudang, dt.date(2019, 10, 10), smtp)
    surel.ingatkan(gudang, dt.date(2019, 10, 11), smtp)
    budi = _untuk(k, "budi@bc.go.id")
    assert len(budi) == 1 and "KPPBCBOGOR TW III 2019: menunggu verifikasi" in budi[0].get_payload()
    assert not _untuk(k, "rina@bc.go.id")  # submitted: no reminder for it
    sari = _untuk(k, "sari@bc.go.id")
    assert len(sari) == 2  # one summary a day
    assert "KPPBCBEKASI TW III 2019: belum diajukan" in sari[0].get_payload()


def test_tanpa_smtp_tidak_ada_yang_dikirim_atau_dicatat(gudang: Storage, kotak) -> None:
    k, smtp = kotak
    hari = dt.date(2019, 10, 11)
    surat, terkirim = surel.ingatkan(gudang, hari, None)
    assert terkirim == 0 and {m["To"] for m in surat} >= {"rina@bc.go.id", "sari@bc.go.id"}
    surat, terkirim = surel.ingatkan(gudang, hari, smtp, kering=True)
    assert terkirim == 0 and not k.surat
    surel.ingatkan(gudang, hari, smtp)  # nothing was recorded before: now they go
    assert len(_untuk(k, "rina@bc.go.id")) == 1
