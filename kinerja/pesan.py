"""A message as a code and its values, in no language: what the store keeps and errors carry.

Words are chosen where a person reads them (``kinerja.texts.teks_pesan``), in that reader's language, so an
audit line written by an English-speaking admin reads in Indonesian to an Indonesian reader. A value may itself
be a ``Pesan`` (a word that must be translated too, such as how a person signs in).

A stored line is JSON (``simpan``); a line stored before codes were (plain words) reads back as it was written.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
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

    def simpan(self) -> str:
        """The message as one line of JSON, to store."""
        return json.dumps(self._data(), ensure_ascii=False, separators=(",", ":"))

    def _data(self) -> dict[str, object]:
        data: dict[str, object] = {"kunci": self.kunci}
        if self.isian:
            data["isian"] = {k: v._data() if isinstance(v, Pesan) else v for k, v in self.isian.items()}
        if self.n is not None:
            data["n"] = self.n
        return data

    @staticmethod
    def jamak(kunci: str, n: int, isian: Mapping[str, object] | None = None) -> Pesan:
        """A plural message: its form follows ``n`` (``{n}`` is ``n`` unless ``isian`` says otherwise)."""
        return Pesan(kunci, {"n": n, **(isian or {})}, n)

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
        assert isinstance(isian, dict)
        return Pesan(str(data["kunci"]),
                     {k: Pesan._dari(v) if isinstance(v, dict) and "kunci" in v else v for k, v in isian.items()},
                     data.get("n"))  # type: ignore[arg-type]
