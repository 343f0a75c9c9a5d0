"""The rule profile: every number of the rules that an agency may set differently.

Defaults follow the Ministry of Finance (KMK 467/KMK.01/2014): capaian is
clamped to [0, 120], hijau from 100, kuning from 80, and the stabilize scale
maps a deviation index of 90 to 100 and an exact hit (100) to 120.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from kinerja_core.model import Perspektif


class ProfilTidakValid(ValueError):
    """A rule profile whose numbers contradict each other."""


@dataclass(frozen=True)
class ProfilAturan:
    """Cap, floor, status thresholds and scales of one agency's rules.

    ``bobot_perspektif`` empty (the default) means each perspective weighs the
    sum of its IKU's bobot, i.e. NKO is the bobot-weighted mean of capaian, as
    Kemenkeu computes it; set it to weigh perspectives explicitly.

    >>> KEMENKEU.batas_hijau, KEMENKEU.batas_kuning, KEMENKEU.batas_atas
    (100.0, 80.0, 120.0)
    """

    nama: str = "Kemenkeu (KMK 467/KMK.01/2014)"
    batas_bawah: float = 0.0
    batas_atas: float = 120.0
    batas_hijau: float = 100.0
    batas_kuning: float = 80.0
    skala_stabilize: tuple[tuple[float, float], ...] = ((0.0, 0.0), (90.0, 100.0), (100.0, 120.0))
    bobot_perspektif: Mapping[Perspektif, float] = field(default_factory=lambda: MappingProxyType({}))
    desimal: int = 2

    def __post_init__(self) -> None:
        if not self.batas_bawah < self.batas_atas:
            raise ProfilTidakValid(f"batas bawah {self.batas_bawah} harus di bawah batas atas {self.batas_atas}")
        if not self.batas_kuning <= self.batas_hijau:
            raise ProfilTidakValid(f"batas kuning {self.batas_kuning} melebihi batas hijau {self.batas_hijau}")
        xs = [x for x, _ in self.skala_stabilize]
        if len(xs) < 2 or xs != sorted(set(xs)):
            raise ProfilTidakValid("skala stabilize perlu dua titik atau lebih dengan x naik")
        if self.bobot_perspektif and set(self.bobot_perspektif) != set(Perspektif):
            raise ProfilTidakValid("bobot perspektif harus diisi untuk keempat perspektif, atau tidak sama sekali")
        if any(b < 0 for b in self.bobot_perspektif.values()):
            raise ProfilTidakValid("bobot perspektif tidak boleh negatif")


KEMENKEU = ProfilAturan()
"""The default profile."""
