"""Komponen: the raw supporting data of an IKU and the formula that makes its realisasi from them.

An IKU may declare komponen, uploaded per quarter, from which its realisasi is computed: "Persentase
penyelesaian layanan tepat waktu" is ``rasio(tepat_waktu; layanan)``, 481 of 500 services → 96,2 %.
The formula is data typed by users into one cell (column ``rumus_komponen`` of iku.csv), so it is never
evaluated as code: a tiny grammar reads it and anything else is refused.

* ``rasio(a; b)`` → a × 100 / b (exactly 2 komponen; b = 0: not computable). Multiplying first makes
  whole counts a single rounding, so 481 of 500 gives exactly 96.2;
* ``jumlah(a; b; …)`` → a + b + … (2 to 10 komponen, added in the order written);
* ``selisih(a; b)`` → a − b (exactly 2 komponen).

The form is case-insensitive, arguments are separated by ``;`` or ``,``, spaces are free around tokens.
A komponen name is an ASCII letter, then letters, digits or ``_``, at most 40 characters, compared
case-insensitively (kept in lower case) and not repeated within a formula.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

POLA_NAMA_KOMPONEN = r"[A-Za-z][A-Za-z0-9_]{0,39}"
"""A komponen name: an ASCII letter, then letters, digits or ``_``; at most 40 characters."""

_NAMA = re.compile(POLA_NAMA_KOMPONEN)
_KEPALA = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_PEMISAH = re.compile(r"[;,]")


class Bentuk(str, Enum):
    """The forms a komponen formula may take."""

    RASIO = "rasio"  # a × 100 / b
    JUMLAH = "jumlah"  # a + b + …
    SELISIH = "selisih"  # a − b


BATAS_KOMPONEN: dict[Bentuk, tuple[int, int]] = {
    Bentuk.RASIO: (2, 2), Bentuk.JUMLAH: (2, 10), Bentuk.SELISIH: (2, 2),
}
"""How many komponen each form takes: (at least, at most)."""


class AlasanRumus(str, Enum):
    """Why a formula text was refused; ``RumusTidakSah.bagian`` names the part at fault."""

    KOSONG = "kosong"  # nothing but spaces (bagian: "")
    SINTAKS = "sintaks"  # not of the shape bentuk(a; b): parentheses, trailing text, empty argument
    BENTUK_TIDAK_DIKENAL = "bentuk-tidak-dikenal"  # not rasio, jumlah or selisih (bagian: the name written)
    JUMLAH_KOMPONEN = "jumlah-komponen"  # too few or too many komponen for the form (bagian: the form)
    NAMA_TIDAK_SAH = "nama-tidak-sah"  # a komponen name breaks the naming rule (bagian: the name written)
    NAMA_GANDA = "nama-ganda"  # the same komponen twice (bagian: the name, lower case)


_PESAN = {
    AlasanRumus.KOSONG: "empty formula",
    AlasanRumus.SINTAKS: "not of the shape form(a; b) near",
    AlasanRumus.BENTUK_TIDAK_DIKENAL: "unknown form",
    AlasanRumus.JUMLAH_KOMPONEN: "wrong number of components for",
    AlasanRumus.NAMA_TIDAK_SAH: "invalid component name",
    AlasanRumus.NAMA_GANDA: "duplicate component name",
}


class RumusTidakSah(ValueError):
    """A komponen formula refused, with why (``alasan``) and where (``bagian``); the edge words the message.

    >>> try:
    ...     baca_rumus("rasio(tepat_waktu; layanan; pengaduan)")
    ... except RumusTidakSah as salah:
    ...     print(salah.alasan.value, salah.bagian, "|", salah)
    jumlah-komponen rasio | wrong number of components for 'rasio'
    """

    def __init__(self, alasan: AlasanRumus, bagian: str) -> None:
        super().__init__(alasan, bagian)
        self.alasan = alasan
        self.bagian = bagian

    def __str__(self) -> str:
        return _PESAN[self.alasan] if self.alasan is AlasanRumus.KOSONG else f"{_PESAN[self.alasan]} {self.bagian!r}"


@dataclass(frozen=True)
class RumusKomponen:
    """A komponen formula: its form and its komponen (lower-case names, in the order written)."""

    bentuk: Bentuk
    komponen: tuple[str, ...]

    def __post_init__(self) -> None:
        for nama in self.komponen:
            if not (_NAMA.fullmatch(nama) and nama == nama.lower()):
                raise RumusTidakSah(AlasanRumus.NAMA_TIDAK_SAH, nama)
        paling_sedikit, paling_banyak = BATAS_KOMPONEN[self.bentuk]
        if not paling_sedikit <= len(self.komponen) <= paling_banyak:
            raise RumusTidakSah(AlasanRumus.JUMLAH_KOMPONEN, self.bentuk.value)
        for i, nama in enumerate(self.komponen):
            if nama in self.komponen[:i]:
                raise RumusTidakSah(AlasanRumus.NAMA_GANDA, nama)

    def hitung(self, nilai: Mapping[str, float | None]) -> float | None:
        """The realisasi from the komponen values (keyed by lower-case name).

        None when a komponen is missing (absent, None, NaN or infinite), the rasio's penyebut is 0 or the
        result overflows: not computable, never an error. Three KPP's cases settled, summed for the Kanwil:

        >>> r = baca_rumus("jumlah(kpp_bogor; kpp_depok; kpp_cibinong)")
        >>> r.hitung({"kpp_cibinong": 143, "kpp_bogor": 120, "kpp_depok": 95}), r.hitung({"kpp_bogor": 120})
        (358.0, None)
        """
        angka = []
        for nama in self.komponen:
            v = nilai.get(nama)
            if v is None or not math.isfinite(v):
                return None
            angka.append(float(v))
        if self.bentuk is Bentuk.RASIO:
            if angka[1] == 0:
                return None
            hasil = angka[0] * 100 / angka[1]
        elif self.bentuk is Bentuk.JUMLAH:
            hasil = sum(angka)
        else:
            hasil = angka[0] - angka[1]
        return hasil if math.isfinite(hasil) else None

    def __str__(self) -> str:
        """The canonical text, which ``baca_rumus`` reads back to the same formula.

        Files to settle this year: the target less the backlog carried over.

        >>> r = baca_rumus("Selisih( Target , Tunggakan )")
        >>> str(r), baca_rumus(str(r)) == r, r.hitung({"target": 1200, "tunggakan": 85})
        ('selisih(target; tunggakan)', True, 1115.0)
        """
        return f"{self.bentuk.value}({'; '.join(self.komponen)})"


def baca_rumus(teks: str) -> RumusKomponen:
    """Read a komponen formula as typed in ``rumus_komponen``; raises ``RumusTidakSah`` for anything else.

    Layanan selesai tepat waktu: 481 of 500 → 481 × 100 / 500 = 96.2:

    >>> r = baca_rumus("Rasio(Tepat_Waktu; layanan)")
    >>> r.bentuk.value, r.komponen, r.hitung({"tepat_waktu": 481, "layanan": 500})
    ('rasio', ('tepat_waktu', 'layanan'), 96.2)
    """
    teks = teks.strip()
    if not teks:
        raise RumusTidakSah(AlasanRumus.KOSONG, "")
    buka = teks.find("(")
    if buka < 0:
        raise RumusTidakSah(AlasanRumus.SINTAKS, teks)
    kepala = teks[:buka].strip()  # read left to right: the form, its parentheses, the names
    if not _KEPALA.fullmatch(kepala):
        raise RumusTidakSah(AlasanRumus.SINTAKS, kepala or teks)
    bentuk = next((b for b in Bentuk if b.value == kepala.lower()), None)
    if bentuk is None:
        raise RumusTidakSah(AlasanRumus.BENTUK_TIDAK_DIKENAL, kepala)
    tutup = teks.find(")", buka)
    if tutup < 0:
        raise RumusTidakSah(AlasanRumus.SINTAKS, teks[buka:])  # the closing parenthesis is missing
    isi, ekor = teks[buka + 1:tutup], teks[tutup + 1:].strip()
    if "(" in isi:
        raise RumusTidakSah(AlasanRumus.SINTAKS, isi)
    if ekor:
        raise RumusTidakSah(AlasanRumus.SINTAKS, ekor)
    nama_nama = [bagian.strip() for bagian in _PEMISAH.split(isi)] if isi.strip() else []
    if "" in nama_nama:
        raise RumusTidakSah(AlasanRumus.SINTAKS, isi)  # an empty argument: "jumlah(a;; b)"
    for nama in nama_nama:
        if not _NAMA.fullmatch(nama):
            raise RumusTidakSah(AlasanRumus.NAMA_TIDAK_SAH, nama)
    return RumusKomponen(bentuk, tuple(nama.lower() for nama in nama_nama))


def realisasi_komponen(
    rumus: RumusKomponen, nilai: Mapping[int, Mapping[str, float | None]],
) -> tuple[float | None, float | None, float | None, float | None]:
    """The four quarters' realisasi of an IKU from its komponen per quarter (1–4 → name → value); None where a
    quarter cannot be computed yet (``RumusKomponen.hitung``).

    Bogor's services finished on time, TW I–III (TW III's count not yet in):

    >>> r = baca_rumus("rasio(layanan_tepat_waktu; layanan)")
    >>> realisasi_komponen(r, {1: {"layanan_tepat_waktu": 466, "layanan": 500},
    ...                        2: {"layanan_tepat_waktu": 971, "layanan": 1000}, 3: {"layanan": 500}})
    (93.2, 97.1, None, None)
    """
    return tuple(rumus.hitung(nilai.get(q, {})) for q in (1, 2, 3, 4))  # type: ignore[return-value]
