"""The letterhead the official documents print (issue 31): the institution's name and logo, one setting of the
installation kept in the database (the ``pengaturan`` table), so every app server prints the same one.

The logo is kept in the database as base64 text (at most ``BATAS_LOGO`` bytes), a PNG or a JPEG image recognised
by its content, never by a name (``kinerja.masuk.bukti.jenis_isi``, the data dukung's detection). Setting it is an
admin of every unit's decision, checked in the committing transaction and written to the audit trail, as the
cycle's settings are (``tahap.BagianTahap.atur_siklus``).
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass

from kinerja.masuk.bukti import jenis_isi
from kinerja.pesan import Pesan
from kinerja.store.bantu import Koneksi
from kinerja.store.galat import KopDitolak
from kinerja.store.hak import _hak_dalam_transaksi, _periksa_hak
from kinerja.store.jejak import BagianJejak, _catat_jejak
from kinerja.texts import N_
from kinerja_core.akses import SEMUA, Pelaku, Peran

BATAS_LOGO = 1024 * 1024
"""The largest logo kept, in bytes (1 MB): a letterhead's image, not a photograph."""

BATAS_NAMA = 300
"""Most characters in the institution's name (a letterhead of two or three lines)."""

JENIS_LOGO = ("png", "jpeg")
"""The kinds of image a logo may be (``kinerja.masuk.bukti.JENIS_BUKTI``'s names)."""

_KUNCI = "kop_dokumen"
"""The letterhead's key in ``pengaturan``."""

_KENDALI = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""Characters a name may not hold: every control character but the line break (a letterhead of several lines)."""

_PESAN = (N_("kop.logo_jenis"), N_("kop.logo_besar"), N_("kop.nama_kendali"), N_("kop.nama_panjang"),
          N_("kop.logo_png"), N_("kop.logo_jpeg"), N_("jejak.tindakan.kop_atur"))
"""The message keys used only through a variable, for the extraction."""


@dataclass(frozen=True)
class KopDokumen:
    """The institution's name and logo (PNG or JPEG bytes; None: no logo) as documents print them at the top.

    >>> KopDokumen(), KopDokumen("Kementerian Keuangan").nama_instansi
    (KopDokumen(nama_instansi='', logo=None), 'Kementerian Keuangan')
    """

    nama_instansi: str = ""
    logo: bytes | None = None

    @property
    def jenis_logo(self) -> str | None:
        """``png`` or ``jpeg``, read from the logo's bytes; None without a logo (or for bytes that are neither).

        >>> KopDokumen("K", b"\\x89PNG\\r\\n\\x1a\\n....").jenis_logo
        'png'
        """
        return jenis_isi(self.logo) if self.logo else None


def periksa_kop(kop: KopDokumen) -> Pesan | None:
    """Why ``kop`` cannot be kept, as a message (None: it can): a logo that is not a PNG or JPEG by its content or is
    larger than BATAS_LOGO, a name with a control character (line breaks allowed) or longer than BATAS_NAMA.

    >>> periksa_kop(KopDokumen("Kementerian Keuangan", b"\\xff\\xd8\\xff\\xe0 JFIF")) is None
    True
    >>> periksa_kop(KopDokumen("BPPT", b"<svg onload=alert(1)>")).kunci
    'kop.logo_jenis'
    """
    nama = kop.nama_instansi
    salah = _KENDALI.search(nama)
    if salah:
        return Pesan("kop.nama_kendali", {"kode": f"U+{ord(salah.group()):04X}"})
    if len(nama) > BATAS_NAMA:
        return Pesan("kop.nama_panjang", {"panjang": len(nama), "batas": BATAS_NAMA})
    if kop.logo is not None:
        if len(kop.logo) > BATAS_LOGO:
            return Pesan("kop.logo_besar", {"ukuran": len(kop.logo), "batas": BATAS_LOGO})
        if jenis_isi(kop.logo) not in JENIS_LOGO:
            return Pesan("kop.logo_jenis")
    return None


class BagianKop(BagianJejak):
    """The documents' letterhead: read by anyone, set by an admin of every unit."""

    def kop_dokumen(self) -> KopDokumen:
        """The institution's name and logo the documents print (no name and no logo until an admin sets them)."""
        if not self.ada():
            return KopDokumen()
        with self._buka() as con:
            return _kop(con)

    def atur_kop_dokumen(self, kop: KopDokumen, *, pelaku: Pelaku) -> None:
        """Store the letterhead: refused (``KopDitolak``) when ``periksa_kop`` finds fault, and (``AksesDitolak``)
        unless ``pelaku`` is admin of every unit (or the operator), checked in the transaction that writes it; an
        audit line says the name and whether there is a logo (never its bytes)."""
        nama = kop.nama_instansi.strip()
        kop = KopDokumen(nama, kop.logo)
        salah = periksa_kop(kop)
        if salah is not None:
            raise KopDitolak(salah)
        nilai = json.dumps({"nama_instansi": nama,
                            "logo": base64.b64encode(kop.logo).decode("ascii") if kop.logo is not None else None},
                           ensure_ascii=False)
        with self._tertolak_dicatat(pelaku, []), self._transaksi(tulis=True) as con:
            _periksa_hak(con, pelaku, _hak_dalam_transaksi(con, pelaku), [(Peran.ADMIN, [SEMUA])])
            con.execute("DELETE FROM pengaturan WHERE kunci = $k", {"k": _KUNCI})
            con.execute("INSERT INTO pengaturan VALUES ($k, $v)", {"k": _KUNCI, "v": nilai})
            _catat_jejak(con, pelaku, "kop_atur", Pesan("jejak.kop_atur", {
                "nama": nama, "logo": Pesan(f"kop.logo_{kop.jenis_logo}" if kop.logo else "kop.tanpa_logo")}), [])


def _kop(con: Koneksi) -> KopDokumen:
    baris = con.execute("SELECT nilai FROM pengaturan WHERE kunci = $k", {"k": _KUNCI}).fetchone()
    if not baris:
        return KopDokumen()
    data = json.loads(baris[0])
    return KopDokumen(str(data.get("nama_instansi") or ""),
                      base64.b64decode(data["logo"], validate=True) if data.get("logo") else None)
