"""A message as a code and its values, in no language: what the store keeps and errors carry.

Words are chosen where a person reads them (``kinerja.texts.teks_pesan``), in that reader's language, so an
audit line written by an English-speaking admin reads in Indonesian to an Indonesian reader. A value may itself
be a ``Pesan`` (a word that must be translated too, such as how a person signs in) or a tuple of values (a list,
written with the catalogue's list separator).

A message composed of several is still one ``Pesan``: its main message (whose key is the message's code) followed by
the messages in ``lanjut``, each bringing its own leading punctuation; a list that may end in "and 3 more" is
``Pesan.daftar``. An unknown header, say, reads as one sentence and stays one code:

>>> p = Pesan("galat.kolom_hilang", {"kolom": "realisasi"},
...           lanjut=(Pesan("galat.kolom_asing", {"daftar": Pesan.daftar(["nilai_realisasi", "catatan"])}),))
>>> p.kunci
'galat.kolom_hilang'
>>> str(p)
'kolom wajib tidak ada: realisasi; kolom yang tidak dikenal: nilai_realisasi, catatan'

A stored line is JSON (``simpan``); a line stored before codes were (plain words) reads back as it was written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Pesan:
    """A message key of the catalogues (``jejak.impor``), its placeholders' values, and the count its plural
    form follows (None: not a plural message).

    >>> p = Pesan("jejak.impor", {"berkas": "realisasi.csv", "baru": 3, "berubah": 0, "sama": 12})
    >>> Pesan.baca(p.simpan()) == p
    True
    >>> Pesan.baca("realisasi.csv: 3 baru") is None  # words stored before codes
    True
    """

    kunci: str
    isian: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    n: int | None = None
    lanjut: tuple[Pesan, ...] = ()
    """Messages written right after this one (``galat.kolom_asing``: "; unknown columns: …"), in order."""

    def __str__(self) -> str:
        """The message in the current language's words, where a person reads it (``print``, an f-string on the
        command line): ``kinerja.texts.teks_pesan``."""
        from kinerja.texts import teks_pesan  # texts reads messages: imported here, not at the top (a circle)

        return teks_pesan(self)

    def simpan(self) -> str:
        """The message as one line of JSON, to store."""
        return json.dumps(self._data(), ensure_ascii=False, separators=(",", ":"))

    def _data(self) -> dict[str, object]:
        data: dict[str, object] = {"kunci": self.kunci}
        if self.isian:
            data["isian"] = {k: _data_nilai(v) for k, v in self.isian.items()}
        if self.n is not None:
            data["n"] = self.n
        if self.lanjut:
            data["lanjut"] = [p._data() for p in self.lanjut]
        return data

    @staticmethod
    def jamak(kunci: str, n: int, isian: Mapping[str, object] | None = None) -> Pesan:
        """A plural message: its form follows ``n`` (``{n}`` is ``n`` unless ``isian`` says otherwise)."""
        return Pesan(kunci, {"n": n, **(isian or {})}, n)

    @staticmethod
    def daftar(butir: Iterable[object], lain: int | Pesan = 0) -> Pesan:
        """A list of values (words, numbers or messages) joined with the catalogue's separator, followed by "and
        ``lain`` more" when it is cut (``galat.xlsx_lain``), or by the message ``lain`` ("and 3 other cells").

        >>> Pesan.baca(Pesan.daftar(["Sheet2", "Sheet3"], lain=4).simpan()) == Pesan.daftar(["Sheet2", "Sheet3"], 4)
        True
        """
        if isinstance(lain, Pesan):
            lanjut: tuple[Pesan, ...] = (lain,)
        else:
            lanjut = (Pesan("galat.xlsx_lain", {"n": lain}),) if lain > 0 else ()
        return Pesan("pesan.daftar", {"butir": tuple(butir)}, lanjut=lanjut)

    @staticmethod
    def baca(teks: str) -> Pesan | None:
        """The message a stored line holds; None when the line is words (stored before codes)."""
        if not teks.startswith('{"kunci":'):
            return None
        try:
            return Pesan._dari(json.loads(teks))
        except (ValueError, TypeError, KeyError):
            return None

    @staticmethod
    def _dari(data: dict[str, object]) -> Pesan:
        isian = data.get("isian") or {}
        lanjut = data.get("lanjut") or []
        assert isinstance(isian, dict) and isinstance(lanjut, list)
        return Pesan(str(data["kunci"]), {k: _nilai_dari(v) for k, v in isian.items()},
                     data.get("n"), tuple(Pesan._dari(p) for p in lanjut))  # type: ignore[arg-type]


def _data_nilai(nilai: object) -> object:
    """A placeholder's value as JSON holds it: a message as its data, a list (tuple) as a list."""
    if isinstance(nilai, Pesan):
        return nilai._data()
    if isinstance(nilai, tuple):
        return [_data_nilai(v) for v in nilai]
    return nilai


def _nilai_dari(data: object) -> object:
    """A placeholder's value from JSON (``_data_nilai`` read back)."""
    if isinstance(data, dict) and "kunci" in data:
        return Pesan._dari(data)
    if isinstance(data, list):
        return tuple(_nilai_dari(v) for v in data)
    return data
