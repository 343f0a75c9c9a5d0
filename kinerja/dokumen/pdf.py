"""A ``Dokumen`` as a PDF/A-2b file for signing and archiving, set by Typst (the ``typst`` wheel: the compiler and its
fonts inside, nothing from the system).

The template ``dokumen.typ`` is fixed; the document comes to it as JSON (``sys.inputs.data``), so no name or note
is ever Typst source. It is compiled in a temporary folder that is the compile's whole world (Typst's root): the
template, and the logo as a file beside it. Only the fonts shipped inside the wheel are used (system fonts are
ignored), so the same document gives the same PDF on every machine, every font embedded.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from kinerja.dokumen.model import (
    Blok,
    Butir,
    Dokumen,
    HalamanBaru,
    Judul,
    Paragraf,
    Sel,
    Tabel,
    TandaTangan,
    bagian_halaman,
    jenis_gambar,
    rapikan_baris,
)
from kinerja.texts import WARNA_STATUS, WARNA_TEKS_STATUS, dalam_bahasa, t

TEMPLAT = Path(__file__).with_name("dokumen.typ")
HURUF = ("Libertinus Serif", "New Computer Modern", "DejaVu Sans Mono")
"""The fonts inside the ``typst`` wheel, in order of preference: Libertinus Serif covers Indonesian and English
text; the others fill in symbols it lacks (arrows, ≥, ✓)."""


def render(dok: Dokumen) -> bytes:
    """The PDF (PDF/A-2b, A4, fonts embedded) of ``dok``: letterhead with the institution's name and logo on every
    page, "Halaman X dari Y" / "Page X of Y" below, each table's header repeated on each page it spans."""
    hasil = _kompilasi(dok, format="pdf", pdf_standards="a-2b")
    assert isinstance(hasil, bytes)
    return hasil


def gambar_halaman(dok: Dokumen, ppi: float = 96) -> list[bytes]:
    """Each page of ``dok`` as a PNG picture, as the PDF sets it (the README's picture of a first page)."""
    hasil = _kompilasi(dok, format="png", ppi=ppi)
    return hasil if isinstance(hasil, list) else [hasil]


def _kompilasi(dok: Dokumen, **pilihan: object) -> bytes | list[bytes]:
    """Compile the template with ``dok`` as its data, in a temporary folder that is the compile's whole root."""
    import typst  # the compiler: loaded only when a PDF is made

    with tempfile.TemporaryDirectory(prefix="kinerja-pdf-") as folder:
        akar = Path(folder)
        (akar / "dokumen.typ").write_bytes(TEMPLAT.read_bytes())
        logo = None
        ext = jenis_gambar(dok.logo)
        if dok.logo and ext:
            logo = f"logo.{ext}"
            (akar / logo).write_bytes(dok.logo)
        # a lone surrogate (never valid text) cannot cross to the compiler: it becomes a replacement mark
        data = json.dumps(_bersih(_data(dok, logo)), ensure_ascii=False)
        for _ in range(COBA_HURUF):
            try:
                return typst.compile(str(akar / "dokumen.typ"), root=str(akar), ignore_system_fonts=True,  # type: ignore[call-overload,no-any-return]
                                     sys_inputs={"data": data}, **pilihan)
            except typst.TypstError as e:  # a character no bundled font has: PDF/A refuses to show it as a box
                tanpa = _tanpa_huruf(str(e))
                if not tanpa or not any(c in data for c in tanpa):
                    raise
                data = "".join(PENGGANTI if c in tanpa else c for c in data)
        raise RuntimeError(f"{COBA_HURUF} characters without a font: the PDF was not made")


COBA_HURUF = 12
"""How many characters the bundled fonts lack are replaced one by one (each a compile) before giving up; the
scripts they lack as a whole are replaced before the first (``_TANPA_HURUF``)."""
PENGGANTI = "\ufffd"
_TANPA_HURUF = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # control characters (a line break and a tab stay)
    "\u0590-\u08ff\u0900-\u1cff"  # Hebrew, Arabic, the Indic and South-East Asian scripts …
    "\u2e80-\ua4cf\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"  # CJK, Hangul, full-width forms
    "\ud800-\udfff\U00010000-\U0010ffff]")  # lone surrogates, emoji and everything beyond the first plane
"""Characters no font inside the ``typst`` wheel has (Libertinus Serif, New Computer Modern, DejaVu Sans Mono):
shown as the replacement mark, since PDF/A allows no missing glyph."""
_TEKS_TANPA_HURUF = re.compile(r'the text `"(.+?)"` could not be displayed')


def _bersih(nilai: object) -> object:
    """Every string of the template's data with ``_TANPA_HURUF`` replaced by ``PENGGANTI``.

    >>> _bersih({"a": ["Bea\x07 cukai 😀", 1]})
    {'a': ['Bea\ufffd cukai \ufffd', 1]}
    """
    if isinstance(nilai, str):
        return _TANPA_HURUF.sub(PENGGANTI, nilai)
    if isinstance(nilai, dict):
        return {k: _bersih(v) for k, v in nilai.items()}
    if isinstance(nilai, list):
        return [_bersih(v) for v in nilai]
    return nilai


def _tanpa_huruf(galat: str) -> set[str]:
    r"""The characters a compile error says no font could display (Typst quotes them as Rust does: ``\u{7}``).

    >>> sorted(_tanpa_huruf('PDF/A-2b error: the text `"\\u{7}"` could not be displayed with font `"X"`'))
    ['\x07']
    """
    cocok = _TEKS_TANPA_HURUF.search(galat)
    if cocok is None:
        return set()
    teks = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m[1], 16)), cocok[1])
    return {c for c in teks if not c.isspace()}


def _data(dok: Dokumen, logo: str | None) -> dict[str, object]:
    """The document as the template reads it."""
    with dalam_bahasa(dok.bahasa):
        halaman = bagian_halaman(t("dok.render.halaman", x="{x}", y="{y}"))
    return {
        "judul": dok.judul, "sub_judul": list(dok.sub_judul), "instansi": dok.instansi,
        "bahasa": dok.bahasa if dok.bahasa in ("id", "en") else "id", "logo": logo, "halaman": halaman,
        "huruf": list(HURUF), "isi": [_blok(b) for b in dok.isi],
        "warna": {s.value: [WARNA_STATUS[s], WARNA_TEKS_STATUS[s]] for s in WARNA_STATUS},
    }


def _sel(s: Sel) -> dict[str, object]:
    return {"teks": s.teks, "status": s.status.value if s.status is not None else None, "rata": s.rata,
            "tebal": s.tebal}


def _blok(b: Blok) -> dict[str, object]:
    if isinstance(b, Judul):
        return {"jenis": "judul", "teks": b.teks, "tingkat": b.tingkat}
    if isinstance(b, Paragraf):
        return {"jenis": "paragraf", "teks": b.teks, "tebal": b.tebal, "miring": b.miring}
    if isinstance(b, Butir):
        return {"jenis": "butir", "isi": list(b.isi)}
    if isinstance(b, Tabel):
        baris, lebar = rapikan_baris(b)
        return {"jenis": "tabel", "judul": b.judul, "kolom": list(b.kolom), "lebar": lebar, "kosong": b.kosong,
                "baris": [[_sel(s) for s in r] for r in baris]}
    if isinstance(b, TandaTangan):
        return {"jenis": "tanda_tangan", "blok": [
            {"jabatan": p.jabatan, "nama": p.nama, "nip": p.nip, "tempat_tanggal": p.tempat_tanggal,
             "keterangan": p.keterangan} for p in b.blok]}
    if isinstance(b, HalamanBaru):
        return {"jenis": "halaman_baru"}
    raise TypeError(f"not a block of a document: {b!r}")
