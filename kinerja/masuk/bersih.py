"""Every cell as text that can be stored, exported and read back: control characters, quotes, lengths, codes.

- **The app's own exports round-trip.** kinerja.masuk.exporting writes text that a
  spreadsheet would run as a formula with a leading ``'``; on import a leading
  ``'`` immediately followed by ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return is removed in every text and code column (with a notice), so
  ``'-F2`` is the code ``-F2`` again.
- **Control characters.** Word's manual line and page breaks (``\\x0b``,
  ``\\x0c``) become a newline, with a notice; any other control character
  (C0 except tab, newline and carriage return; DEL; C1, including the bytes
  Windows-1252 leaves undefined) is refused naming row and column.
- **Spaces.** Every cell is stripped.
- **Lengths.** At most BATAS_PANJANG characters per cell of the named columns
  (codes 50, pic 200, satuan 100, an IKU's definisi 4 000), BATAS_PANJANG_LAIN (2 000) elsewhere.
- **Codes** (kode_unit, kode_iku, kode_induk) are plain: ASCII letters, digits,
  ``-``, ``_``, ``.``. A non-Latin look-alike letter (Cyrillic ``В``) is named
  with the code spelled in Latin as a suggestion.

The Dialog's notes follow the same rules (``rapikan_teks``, ``KENDALI_TERLARANG``).
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kinerja.masuk.catat import _Pencatat, _ribuan, _sebar, _unik
from kinerja.masuk.jenis import KOLOM_ANGKA, KOLOM_KODE
from kinerja.pesan import Pesan

BATAS_PANJANG = {"kode_unit": 50, "kode_iku": 50, "kode_induk": 50, "kode_unit_induk": 50, "kode_iku_induk": 50,
                 "komponen": 40, "rumus_komponen": 500, "pic": 200, "satuan": 100, "tempat": 200,
                 "pimpinan": 200, "peserta": 4000, "arahan": 4000, "nama_pimpinan": 200, "nip_pimpinan": 50,
                 "jabatan_pimpinan": 200, "kota": 100, "pic_iku": 200, "sumber_data": 1000, "definisi": 4000}
"""Most characters in a cell of these columns."""

BATAS_PANJANG_LAIN = 2000
"""Most characters in a cell of any other column (names, sasaran, kendala, rencana aksi)."""
_KENDALI = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
KENDALI_TERLARANG = "[\x00-\x08\x0e-\x1f\x7f-\x9f]"
"""Control characters refused in text (after Word's line and page breaks became line breaks)."""
_PEMISAH_WORD = "[\x0b\x0c]"
_APOSTROF = "'[=+\\-@\t\r]"
_KODE = "[A-Za-z0-9._-]+"
_KEMBAR = {
    **dict(zip("\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423\u0406\u0408\u0405"
               "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u04bb", "ABEKMHOPCTXYIJSaeopcyxijsh")),
    **dict(zip("\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u03bf",
               "ABEZHIKMNOPTYXo")),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
}
"""Cyrillic and Greek letters drawn like Latin ones, and dashes drawn like '-': their Latin twin."""


def rapikan_teks(isi: str) -> str:
    """Typed text as it is stored: Word's manual line and page breaks as line breaks, trimmed.

    >>> rapikan_teks("  Impor tertunda\\x0bAsistensi ")
    'Impor tertunda\\nAsistensi'
    """
    return re.sub(_PEMISAH_WORD, "\n", isi).strip()


def _bersihkan(mentah: pd.DataFrame, kolom: tuple[str, ...], catat: _Pencatat,
               tanpa_kendali: bool = False) -> pd.DataFrame:
    """Every cell as text that can be stored, exported and read back (rules in the module doc), stripped.

    ``tanpa_kendali``: the file is known to hold no control character, so no cell is searched for one.
    """
    word: list[tuple[int, int, str]] = []
    apostrof: list[tuple[int, int, str]] = []
    for k in kolom:
        s = mentah[k]
        if not tanpa_kendali and s.str.contains(_KENDALI, regex=True).any():  # rare: only then looked at again
            pemisah = s.str.contains(_PEMISAH_WORD, regex=True)
            if pemisah.any():
                s = s.str.replace(_PEMISAH_WORD, "\n", regex=True)
                word.append((int(mentah.loc[pemisah, "baris"].iloc[0]), int(pemisah.sum()), k))
            lain = s.str.contains(KENDALI_TERLARANG, regex=True)
            pertama = s.where(lain, "").str.extract(f"({KENDALI_TERLARANG})", expand=False)
            catat.catat_kolom(lain, pd.DataFrame({"baris": mentah["baris"], k: pertama}), k,
                              lambda c: Pesan("baca.kendali", {"kode": f"U+{ord(str(c)):04X}"}))
        s = s.str.strip()
        batas = BATAS_PANJANG.get(k, BATAS_PANJANG_LAIN)
        if _paling_panjang(s) > batas:  # a character takes at least a byte: most columns stop here
            panjang = s.str.len()
            catat.catat_kolom(panjang > batas, pd.DataFrame({"baris": mentah["baris"], k: panjang}), k,
                              lambda n, b=batas: Pesan("baca.terlalu_panjang", {"panjang": _ribuan(n),
                                                                                 "batas": _ribuan(b)}))
        if k not in (*KOLOM_ANGKA, "tahun"):
            tanda = s.str.startswith("'")
            if tanda.any() and (tanda := tanda & s.str.match(_APOSTROF)).any():
                s = s.where(~tanda, s.str.slice(1))
                apostrof.append((int(mentah.loc[tanda, "baris"].iloc[0]), int(tanda.sum()), k))
        mentah[k] = s
    for daftar, kunci in ((word, "baca.pemisah_word"), (apostrof, "baca.apostrof")):
        if daftar:
            baris, _, k = min(daftar)
            catat.catatan.append(Pesan.jamak(kunci, sum(n for _, n, _ in daftar), {"baris": baris, "kolom": k}))
    for k in KOLOM_KODE:
        if k in kolom:
            kode, unik = _unik(mentah[k])  # a thousand units in a million rows: each code is looked at once
            salah = _sebar((unik != "") & ~unik.str.fullmatch(_KODE), kode, mentah[k])
            catat.catat_kolom(salah, mentah, k, _pesan_kode)
    return mentah


def _paling_panjang(s: pd.Series) -> float:
    """An upper bound of the longest cell: its length in UTF-8 bytes (0 for an empty column)."""
    larik = pa.array(s, from_pandas=True)
    if not (pa.types.is_string(larik.type) or pa.types.is_large_string(larik.type)):
        return float("inf")  # not all text: the caller measures every cell
    return pc.max(pc.binary_length(larik)).as_py() or 0


def _kembar(huruf: str) -> str | None:
    """The plain character a look-alike stands for (Cyrillic В → B, – → -, fullwidth Ａ → A), else None."""
    kembar = _KEMBAR.get(huruf) or unicodedata.normalize("NFKC", huruf)
    return kembar if kembar != huruf and re.fullmatch(_KODE, kembar) and len(kembar) == 1 else None


def _pesan_kode(nilai: object) -> Pesan:
    """Why a code is not plain, naming the first character at fault; a look-alike gets the Latin spelling.

    >>> p = _pesan_kode("\u0412GR-01")  # a Cyrillic В
    >>> p.kunci, [q.kunci for q in p.lanjut]
    ('baca.kode_huruf_asing', ['baca.kode_saran'])
    """
    nilai = str(nilai)
    aturan = Pesan("baca.kode_aturan")
    huruf = next((h for h in nilai if not re.fullmatch(_KODE, h)), "")
    nama = unicodedata.name(huruf, f"U+{ord(huruf):04X}") if huruf and not huruf.isascii() else ""
    kembar = _kembar(huruf) if huruf else None
    if huruf.isspace():
        return Pesan("baca.kode_spasi", {"nilai": nilai, "aturan": aturan})
    if kembar is None:
        return Pesan("baca.kode_karakter", {"nilai": nilai, "huruf": huruf, "nama": f" ({nama})" if nama else "",
                                            "aturan": aturan})
    saran = "".join(_kembar(h) or h for h in nilai)
    akhir = (Pesan("baca.kode_saran", {"saran": saran}) if re.fullmatch(_KODE, saran)
             else Pesan("baca.kode_aturan_lanjut", {"aturan": aturan}))
    if kembar.isalpha():
        aksara = {"CYRILLIC": "Cyrillic", "GREEK": "Greek", "FULLWIDTH": "lebar penuh"}.get(
            nama.split(" ")[0], nama.split(" ")[0].title())
        return Pesan("baca.kode_huruf_asing", {"nilai": nilai, "huruf": huruf, "aksara": aksara}, lanjut=(akhir,))
    return Pesan("baca.kode_tanda_asing", {"nilai": nilai, "huruf": huruf, "nama": nama, "latin": kembar},
                 lanjut=(akhir,))
