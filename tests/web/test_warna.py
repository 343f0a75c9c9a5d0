"""The status palette: readable (WCAG AA) and told apart by everyone in the room, colour-blind viewers included.

Computed from the palette's own hex colours: WCAG 2.x contrast of each status colour with the text written on
it, and the CIE76 colour difference between every pair of statuses as seen with normal vision and as simulated
for protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity 1.0, applied to
linear RGB). Then the places that paint a status (tiles, table cells, projector blocks, charts) are checked to
use exactly this palette and its text colours.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
import pandas as pd
import pytest

from kinerja import charts
from kinerja.rapat import projector
from kinerja.texts import WARNA_STATUS, WARNA_TEKS_STATUS
from kinerja.web import tampilan
from kinerja_core.model import Status

MACHADO = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
KONTRAS_MIN = 4.5  # WCAG 2.x AA, normal-size text
BEDA_MIN = 20.0  # CIE76 ΔE: clearly different colours, not shades of one


def _rgb(hex_: str) -> np.ndarray:
    h = hex_.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return np.array([int(h[i:i + 2], 16) for i in (0, 2, 4)]) / 255


def _linear(rgb: np.ndarray) -> np.ndarray:
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def luminans(hex_: str) -> float:
    """WCAG relative luminance."""
    return float(np.array([0.2126, 0.7152, 0.0722]) @ _linear(_rgb(hex_)))


def kontras(a: str, b: str) -> float:
    """WCAG contrast ratio, 1–21."""
    terang, gelap = sorted((luminans(a), luminans(b)), reverse=True)
    return (terang + 0.05) / (gelap + 0.05)


def lab(hex_: str, penglihatan: str) -> np.ndarray:
    """CIELAB (D65) of a colour as seen with ``penglihatan``."""
    linear = np.clip(MACHADO[penglihatan] @ _linear(_rgb(hex_)), 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    t = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_contoh_perhitungan():
    assert kontras("#ffffff", "#000000") == pytest.approx(21.0)
    assert kontras("#ffffff", "#d4a017") == pytest.approx(2.4, abs=0.05)  # the old kuning, as the issue measured
    # the old hijau and merah under deuteranopia: one olive (ΔE below 20)
    assert np.linalg.norm(lab("#1a7f37", "deuteranopia") - lab("#c62828", "deuteranopia")) < BEDA_MIN


@pytest.mark.parametrize("status", list(Status), ids=lambda s: s.value)
def test_teks_di_atas_warna_status_terbaca(status):
    assert kontras(WARNA_STATUS[status], WARNA_TEKS_STATUS[status]) >= KONTRAS_MIN


@pytest.mark.parametrize("penglihatan", list(MACHADO))
def test_status_tetap_berbeda_bagi_buta_warna(penglihatan):
    for a, b in itertools.combinations(Status, 2):
        beda = float(np.linalg.norm(lab(WARNA_STATUS[a], penglihatan) - lab(WARNA_STATUS[b], penglihatan)))
        assert beda > BEDA_MIN, f"{a.value} vs {b.value} under {penglihatan}: ΔE {beda:.1f}"


# --- the palette where a status is painted --------------------------------------------------------------------

_PASANGAN = re.compile(r"background(?:-color)?:\s*(#[0-9a-fA-F]{3,6})[^\"]*?;\s*color:\s*(#[0-9a-fA-F]{3,6})")


def _pasangan_warna(teks: str) -> list[tuple[str, str]]:
    """(background, text colour) pairs of inline styles in HTML or CSS."""
    return [(a.lower(), b.lower()) for a, b in _PASANGAN.findall(teks)]


def _periksa(pasangan: list[tuple[str, str]]) -> None:
    assert pasangan
    palet = {w.lower() for w in WARNA_STATUS.values()}
    for latar, teks in pasangan:
        assert latar in palet, latar
        assert kontras(latar, teks) >= KONTRAS_MIN, (latar, teks)


def test_kartu_dan_sel_memakai_palet():
    html = "".join(tampilan.kartu_status(s, 3) for s in Status)
    html += "".join(projector._sel_status(s) for s in Status)
    _periksa(_pasangan_warna(html))
    assert len(_pasangan_warna(html)) == 2 * len(Status)


def test_tabel_status_memakai_palet():
    gaya = tampilan.gaya_sel_status
    _periksa([tuple(re.findall(r"#[0-9a-fA-F]{6}", gaya(s))) for s in Status])  # type: ignore[misc]


def test_grafik_memakai_palet():
    """Every cell of the status grid: painted in the palette, its text written in a colour that reads on it."""
    from kinerja.texts import label_status

    tabel = pd.DataFrame([
        {"label": f"X-{i}", "triwulan": q, "status": s.value, "teks": label_status(s)}
        for i, s in enumerate(Status) for q in (1, 2)
    ])
    fig = charts.peta_status(tabel, 2)
    palet = {w.lower() for w in WARNA_STATUS.values()}
    sel_bertulis = 0
    for trace in fig.data:
        skala = [(batas, warna.lower()) for batas, warna in trace.colorscale]
        assert {w for _, w in skala} <= palet
        z, teks = np.array(trace.z, dtype=float), np.array(trace.text, dtype=object)
        for nilai, tulisan in zip(z.ravel(), teks.ravel()):
            if not tulisan:
                continue
            assert not np.isnan(nilai), tulisan  # text only where this layer paints the cell
            posisi = (nilai - trace.zmin) / (trace.zmax - trace.zmin)
            warna = next(w for batas, w in reversed(skala) if batas <= posisi)
            assert kontras(warna, trace.textfont.color) >= KONTRAS_MIN, (tulisan, warna, trace.textfont.color)
            sel_bertulis += 1
    assert sel_bertulis == len(tabel)  # every cell written once, by one layer
