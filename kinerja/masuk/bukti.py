"""Data dukung (evidence) files: what kind a file is, read from its bytes, never from its name.

A PDF, an Excel workbook (.xlsx), a Word document (.docx), a PNG or a JPEG image is accepted; anything else is
refused, and so is a file whose name claims another kind than its content (``laporan.pdf`` holding a web page
or a program). A workbook or document with macros (``vbaProject.bin``) is refused: it is not what .xlsx and
.docx promise. The checks read the first bytes and, for the two Office formats, the zip's list of parts (nothing
is unpacked).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from kinerja.texts import N_

JENIS_BUKTI = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "png": "image/png",
    "jpeg": "image/jpeg",
}
"""The kinds of data dukung accepted, with the media type a download is sent as."""

AKHIRAN = {"pdf": ("pdf",), "xlsx": ("xlsx",), "docx": ("docx",), "png": ("png",), "jpeg": ("jpg", "jpeg")}
"""The file name endings each kind may carry."""


_PESAN = (N_("bukti.kosong"), N_("bukti.terlalu_besar"), N_("bukti.jenis_ditolak"), N_("bukti.nama_lain"))
"""The refusals' message keys (``BuktiDitolak.kode``), for the extraction."""


@dataclass(frozen=True)
class BuktiDitolak:
    """Why a file cannot be data dukung, as a message code and its values (put into words at the edge)."""

    kode: str
    isian: dict[str, object]


def jenis_isi(isi: bytes) -> str | None:
    """The kind of a file by its content (a key of ``JENIS_BUKTI``), None when it is none of them.

    >>> jenis_isi(b"%PDF-1.7\\n..."), jenis_isi(b"\\x89PNG\\r\\n\\x1a\\n...."), jenis_isi(b"<html><script>")
    ('pdf', 'png', None)
    """
    if isi.startswith(b"%PDF-"):
        return "pdf"
    if isi.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if isi.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if isi.startswith(b"PK\x03\x04"):
        return _jenis_office(isi)
    return None


def _jenis_office(isi: bytes) -> str | None:
    """xlsx or docx by the parts the zip lists (``xl/workbook.xml``, ``word/document.xml``); None for another zip
    or one with macros."""
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as z:
            nama = set(z.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if "[Content_Types].xml" not in nama or any(n.lower().endswith("vbaproject.bin") for n in nama):
        return None
    if "xl/workbook.xml" in nama:
        return "xlsx"
    if "word/document.xml" in nama:
        return "docx"
    return None


def periksa_bukti(nama: str, isi: bytes, maks_mb: int) -> tuple[str, None] | tuple[None, BuktiDitolak]:
    """The kind of an uploaded data dukung file, or why it is refused: empty, larger than ``maks_mb``, a kind
    not accepted, or a name that claims another kind than the content.

    >>> periksa_bukti("bukti.pdf", b"%PDF-1.7 ...", 20)
    ('pdf', None)
    >>> periksa_bukti("bukti.pdf", b"MZ\\x90\\x00 a program", 20)[1].kode
    'bukti.jenis_ditolak'
    >>> periksa_bukti("foto.png", b"%PDF-1.7 ...", 20)[1].isian["jenis"]
    'pdf'
    """
    if not isi:
        return None, BuktiDitolak("bukti.kosong", {"nama": nama})
    if len(isi) > maks_mb * 1024 * 1024:
        return None, BuktiDitolak("bukti.terlalu_besar", {"nama": nama, "mb": maks_mb})
    jenis = jenis_isi(isi)
    if jenis is None:
        return None, BuktiDitolak("bukti.jenis_ditolak", {"nama": nama})
    akhiran = PurePath(nama).suffix.lower().lstrip(".")
    if akhiran not in AKHIRAN[jenis]:
        return None, BuktiDitolak("bukti.nama_lain", {"nama": nama, "jenis": jenis})
    return jenis, None
