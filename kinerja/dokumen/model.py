"""A document as plain data, before any format: what the quarterly report, the Perjanjian Kinerja, the Manual IKU,
the Dialog's minutes and the LKjIP tables say.

Builders (``triwulan``, ``pk``, ``manual``, ``dko``, ``lkjip``) read the store and return a ``Dokumen``; renderers
(``docx``, ``pdf``, ``xlsx``) turn one into a file. Everything here is text, never markup: a renderer writes each
string as a text run, so a name like ``=SUM(A1)`` or ``<b>#set</b>`` prints as those characters.

A quarterly report's IKU table, for example::

    Tabel(judul="Capaian IKU", kolom=("Kode", "IKU", "Capaian"),
          baris=((Sel("BGR-01"), Sel("Penerimaan bea masuk"), Sel("104,35%", angka=104.35, status=Status.HIJAU)),),
          lebar=(1, 5, 2))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from kinerja_core.model import Status

Rata = Literal["kiri", "kanan", "tengah"]


@dataclass(frozen=True)
class Judul:
    """A heading: ``tingkat`` 1 opens a chapter, 2 a section within it."""

    teks: str
    tingkat: int = 1


@dataclass(frozen=True)
class Paragraf:
    """A paragraph of running text; a line break in ``teks`` is a line break on the page."""

    teks: str
    tebal: bool = False
    miring: bool = False


@dataclass(frozen=True)
class Butir:
    """A bulleted list, one entry per item."""

    isi: tuple[str, ...]


@dataclass(frozen=True)
class Sel:
    """One table cell: the text shown, and for a number the value itself so a spreadsheet keeps it as a number.

    ``teks`` is what every format prints (``"104,35%"``); ``angka`` is the same figure as the number behind it
    (``104.35``), written to xlsx as a number with ``format_angka``; ``status`` colours the cell as a light (the
    light's word is in ``teks``, so the colour is never the only carrier).
    """

    teks: str
    angka: float | None = None
    status: Status | None = None
    rata: Rata = "kiri"
    tebal: bool = False
    format_angka: str = "0.00"


@dataclass(frozen=True)
class Tabel:
    """A table whose header row repeats on every page; ``judul`` is its caption and, in xlsx, its sheet's name.

    ``lebar`` are relative column widths (any unit, one per column); ``kosong`` is said in place of a table with
    no rows, so a unit with no data yet gets a sentence rather than an empty grid.
    """

    judul: str
    kolom: tuple[str, ...]
    baris: tuple[tuple[Sel, ...], ...]
    lebar: tuple[float, ...]
    kosong: str = ""


@dataclass(frozen=True)
class Penanda:
    """One signature block: place and date, the position, room to sign, the name and the NIP line.

    Each field is printed as it is: ``nip`` is the whole line under the name (``"NIP 19700101 199501 1 001"``),
    ``tempat_tanggal`` the line above the position (``"Bogor, 2 Oktober 2019"``).
    """

    jabatan: str
    nama: str
    nip: str = ""
    tempat_tanggal: str = ""
    keterangan: str = ""  # a line above the position, e.g. "Pihak Pertama" / "First party"


@dataclass(frozen=True)
class TandaTangan:
    """Signature blocks side by side (one or two)."""

    blok: tuple[Penanda, ...]


@dataclass(frozen=True)
class HalamanBaru:
    """Start a new page (an annex, a chapter)."""


Blok = Judul | Paragraf | Butir | Tabel | TandaTangan | HalamanBaru


@dataclass(frozen=True)
class Dokumen:
    """A whole document: the cover lines, the institution's letterhead, and the blocks in reading order.

    ``nama_berkas`` is the file name without extension, already safe (letters, digits, ``-`` and ``_``);
    ``bahasa`` is ``"id"`` or ``"en"`` (the text is already in it; a renderer uses it for hyphenation and the
    document's language tag).
    """

    jenis: str
    judul: str
    sub_judul: tuple[str, ...]
    instansi: str
    bahasa: str
    isi: tuple[Blok, ...]
    nama_berkas: str
    logo: bytes | None = field(default=None, repr=False)

    def tabel(self) -> list[Tabel]:
        """The document's tables in order (what an xlsx holds)."""
        return [b for b in self.isi if isinstance(b, Tabel)]


# --- what every renderer needs alike -------------------------------------------------------------------------

_TIDAK_SAH_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def aman_xml(teks: str) -> str:
    """``teks`` as XML 1.0 can hold it (DOCX, XLSX): a control character it cannot carry becomes ``\\ufffd`` (shown,
    never silently dropped); a line break and a tab stay.

    >>> aman_xml("a\\x1b[31mb\\nc")
    'a\\ufffd[31mb\\nc'
    """
    return _TIDAK_SAH_XML.sub("\ufffd", teks)


def rapikan_baris(tabel: Tabel) -> tuple[list[tuple[Sel, ...]], list[float]]:
    """The rows of ``tabel`` each as wide as its header (short rows filled with empty cells, extra cells dropped),
    and its relative column widths (equal widths when ``lebar`` does not give one positive width per column).

    >>> baris, lebar = rapikan_baris(Tabel("T", ("a", "b"), ((Sel("1"),),), lebar=(1,)))
    >>> [s.teks for s in baris[0]], lebar
    (['1', ''], [1.0, 1.0])
    """
    n = len(tabel.kolom)
    baris = [tuple(r[:n]) + (Sel(""),) * (n - len(r)) for r in tabel.baris]
    sah = len(tabel.lebar) == n and all(w > 0 for w in tabel.lebar)
    return baris, [float(w) for w in tabel.lebar] if sah else [1.0] * n


def bagian_halaman(pola: str) -> list[str]:
    """A page footer's words cut around its ``{x}`` (this page) and ``{y}`` (pages in all) placeholders.

    >>> bagian_halaman("Halaman {x} dari {y}")
    ['Halaman ', '{x}', ' dari ', '{y}']
    """
    return [b for b in re.split(r"(\{x\}|\{y\})", pola) if b]


def jenis_gambar(data: bytes | None) -> str | None:
    """The file extension of a logo's picture from its first bytes (png, jpg, gif); None for anything else, which a
    renderer leaves out rather than fail on.

    >>> jenis_gambar(b"\\x89PNG\\r\\n\\x1a\\n...."), jenis_gambar(b"<svg/>"), jenis_gambar(None)
    ('png', None, None)
    """
    if not data:
        return None
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    return None
