"""What the user selects (``Filter``), and the keys the cached reads are stored under.

Below both the reads (``baca``) and the sidebar (``saring``): the sidebar makes a ``Filter``, the reads take it.
A frozen dataclass, so a cached function takes it whole: Streamlit hashes a dataclass argument by its fields
(``dataclasses.asdict``), so two equal filters find the same entry and any changed field makes a new one. Each
cached read is given only the part it depends on (``bacaan``, ``tanpa_status``): a quarter chosen reads no
rows again, a status chosen scores nothing again.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from kinerja_core.unit import Pohon


@dataclass(frozen=True)
class Bacaan:
    """Which stored rows are read: a year's, of one unit and, with ``sub_unit``, of every unit below it; with
    ``hanya_terverifikasi``, only the realisasi of unit-quarters verified or final (the others as not reported)."""

    tahun: int
    kode_unit: str
    sub_unit: bool
    hanya_terverifikasi: bool = False


@dataclass(frozen=True)
class Filter:
    """What the sidebar selects; every page follows it."""

    tahun: int
    triwulan: int
    kode_unit: str
    sub_unit: bool
    perspektif: tuple[str, ...]
    status: tuple[str, ...]
    sumber: tuple[str, ...] = ()
    """The planning bases chosen (``Sumber``: penkin, sasaran_mutu, pnbp, lainnya); none chosen: every IKU."""
    hanya_terverifikasi: bool = False
    """Only verified figures: the realisasi of a unit-quarter not terverifikasi or final counts as not reported."""

    @property
    def bacaan(self) -> Bacaan:
        """The rows this filter reads, whatever its quarter, perspectives, status and sources."""
        return Bacaan(self.tahun, self.kode_unit, self.sub_unit, self.hanya_terverifikasi)

    def tanpa_status(self) -> Filter:
        """This filter without its status choice: what the headline and the lists are scored for (the status
        filter is applied to the scored rows afterwards, so one scoring serves every status choice)."""
        return dataclasses.replace(self, status=())

    def unit_terpilih(self, pohon: Pohon) -> list[str]:
        """The selected units in ``pohon`` (the year's unit tree), tree order."""
        return pohon.subpohon(self.kode_unit, dengan_sub_unit=self.sub_unit)
