"""Charts that tell the truth: one value axis with the target marked on it, readable labels, Indonesian units,
the direction of a minimize IKU said in words, and no quarter without a target drawn as if it were measured."""

from __future__ import annotations

import pandas as pd
import pytest

from kinerja import charts, scores
from kinerja.texts import WARNA_STATUS, WARNA_TEKS_STATUS
from kinerja_core.model import Iku, Konsolidasi, Polaritas, Status
from tests.conftest import larik
from tests.web.test_warna import KONTRAS_MIN, kontras


def _gambar(iku: Iku, realisasi: tuple[float | None, ...], gelap: bool = False):
    return charts.progres_iku(scores.tabel_progres(iku, realisasi), iku.satuan, iku.polaritas, gelap=gelap)


BEA_MASUK = Iku("KPPBCBOGOR", "BGR-01", "Penerimaan bea masuk", Polaritas.MAXIMIZE, Konsolidasi.SUM, 10,
                (38.5, 41.2, 43.8, 46.5), satuan="Rp miliar")
WAKTU = Iku("KPPBCBOGOR", "BGR-04", "Rata-rata waktu layanan", Polaritas.MINIMIZE, Konsolidasi.AVERAGE, 6,
            (5.0, 5.0, 4.5, 4.5), satuan="hari")
SURVEI = Iku("KPPBCBOGOR", "BGR-05", "Indeks Kepuasan", Polaritas.MAXIMIZE, Konsolidasi.LAST, 5,
             (None, None, None, 4.25), satuan="indeks")
SEMESTER = Iku("BTP", "BTP-03", "Indeks Kepuasan Mitra", Polaritas.MAXIMIZE, Konsolidasi.LAST, 15,
               (None, 90.9, None, 90.9), satuan="%")
PNBP = Iku("BTP", "BTP-01", "Penerimaan PNBP", Polaritas.MAXIMIZE, Konsolidasi.SUM, 20,
           (900_000_000.0, 1_200_000_000.0, 1_600_000_000.0, 2_000_000_000.0), satuan="Rp")


def _jejak(fig, nama: str):
    (jejak,) = [d for d in fig.data if d.name == nama]
    return jejak


def test_satu_sumbu_nilai_dengan_target_di_atasnya():
    fig = _gambar(BEA_MASUK, (33.1, 45.9, 48.2, None))
    assert "yaxis2" not in fig.to_plotly_json()["layout"]
    assert all(getattr(d, "yaxis", None) in (None, "y") for d in fig.data)
    assert not any("100%" in (a.text or "") for a in fig.layout.annotations)  # no floating "100% = target"
    target = _jejak(fig, "Target s.d. TW")
    realisasi = _jejak(fig, "Realisasi s.d. TW")
    assert larik(target.y) == pytest.approx([38.5, 79.7, 123.5, 170.0])
    assert larik(realisasi.y)[:3] == pytest.approx([33.1, 79.0, 127.2])
    assert target.mode.startswith("markers")  # a marked level on the value axis, not a second bar series
    # capaian and the status word/shape under each quarter, in the axis labels (never over a bar)
    assert larik(fig.layout.xaxis.ticktext)[2] == "TW III<br>103,00 % ●"


def test_label_terbaca_di_atas_batang():
    fig = _gambar(BEA_MASUK, (33.1, 45.9, 10.0, None))
    realisasi = _jejak(fig, "Realisasi s.d. TW")
    warna_batang = larik(realisasi.marker.color)
    warna_teks = larik(realisasi.insidetextfont.color)
    for batang, teks in zip(warna_batang, warna_teks):
        if batang is not None:
            assert batang in WARNA_STATUS.values()
            assert kontras(batang, teks) >= KONTRAS_MIN
    assert realisasi.insidetextanchor == "start"  # at the bar's foot, away from the target mark
    # target values sit on their own backing, readable over a bar or the grid
    label_target = [a for a in fig.layout.annotations if a.name == "target"]
    assert [a.text for a in label_target] == ["38,5", "79,7", "123,5", "170"]
    assert all(kontras(a.bgcolor, a.font.color) >= KONTRAS_MIN for a in label_target)


@pytest.mark.parametrize("gelap", [False, True])
def test_label_di_luar_batang_terbaca_di_latar(gelap):
    fig = _gambar(BEA_MASUK, (33.1, 45.9, 48.2, None), gelap=gelap)
    realisasi = _jejak(fig, "Realisasi s.d. TW")
    assert kontras(fig.layout.plot_bgcolor, realisasi.outsidetextfont.color) >= KONTRAS_MIN


def test_triwulan_tanpa_target_tidak_digambar():
    fig = _gambar(SEMESTER, (None, 88.0, None, None))
    target = _jejak(fig, "Target s.d. TW")
    realisasi = _jejak(fig, "Realisasi s.d. TW")
    assert [v is None or pd.isna(v) for v in larik(target.y)] == [True, False, True, False]
    assert [v is None or pd.isna(v) for v in larik(realisasi.y)] == [True, False, True, True]
    label = larik(fig.layout.xaxis.ticktext)
    assert label[0] == "TW I<br>tanpa target" and label[2] == "TW III<br>tanpa target"
    survei = _gambar(SURVEI, (None, None, None, None))
    assert larik(survei.layout.xaxis.ticktext)[:3] == [f"TW {r}<br>tanpa target" for r in ("I", "II", "III")]


def test_minimize_berkata_semakin_rendah_semakin_baik():
    fig = _gambar(WAKTU, (4.8, 4.6, 4.9, None))
    assert "Semakin rendah semakin baik" in fig.layout.title.text
    assert "Semakin tinggi semakin baik" in _gambar(BEA_MASUK, (33.1, None, None, None)).layout.title.text


def test_satuan_indonesia_di_sumbu():
    fig = _gambar(PNBP, (850_000_000.0, 1_300_000_000.0, None, None))
    teks = larik(fig.layout.yaxis.ticktext)
    assert teks and all(t.endswith(" M") or t == "0" for t in teks), teks
    assert "B" not in "".join(teks) and "G" not in "".join(teks)
    assert fig.layout.yaxis.tickvals is not None
    assert "M = miliar" in fig.layout.yaxis.title.text
    realisasi = _jejak(fig, "Realisasi s.d. TW")
    assert larik(realisasi.text)[:2] == ["0,85 M", "2,15 M"]


def test_status_warna_batang():
    fig = _gambar(BEA_MASUK, (33.1, 45.9, 10.0, None))
    warna = larik(_jejak(fig, "Realisasi s.d. TW").marker.color)
    assert warna[:3] == [WARNA_STATUS[Status.KUNING], WARNA_STATUS[Status.KUNING], WARNA_STATUS[Status.MERAH]]
    assert WARNA_TEKS_STATUS[Status.MERAH] in larik(_jejak(fig, "Realisasi s.d. TW").insidetextfont.color)


def test_judul_dan_legenda_tidak_berbagi_baris():
    """The direction title and the legend collided on a narrow screen (1280 px with the sidebar open): the title
    now sits at the top of the figure, the legend on a row of its own between it and the plot."""
    fig = _gambar(BEA_MASUK, (33.1, 45.9, 48.2, None))
    judul, legenda = fig.layout.title, fig.layout.legend
    assert (judul.yref, judul.y, judul.yanchor) == ("container", 1, "top")
    assert (legenda.y, legenda.yanchor, legenda.xanchor) == (1.0, "bottom", "left")
    baris_judul = judul.pad.t + judul.font.size * 1.3
    baris_legenda = legenda.font.size * 1.6
    assert fig.layout.margin.t >= baris_judul + baris_legenda  # both rows fit above the plot, one under the other


def test_grafik_berbahasa_inggris_memakai_satuan_inggris():
    """In English the axis reads 1.5 B (billion), with a decimal point; in Indonesian 1,5 M (miliar)."""
    from kinerja.texts import dalam_bahasa

    with dalam_bahasa("en"):
        fig = _gambar(PNBP, (1_000_000_000.0, 1_100_000_000.0, 1_500_000_000.0, None))
    assert fig.layout.separators == ".," and "B = billion" in fig.layout.yaxis.title.text
    assert fig.layout.yaxis.ticktext[1:] == ("2 B", "4 B", "6 B") and "2.1 B" in fig.data[0].text  # TW II year-to-date
    fig = _gambar(PNBP, (1_000_000_000.0, 1_100_000_000.0, 1_500_000_000.0, None))
    assert fig.layout.separators == ",." and "M = miliar" in fig.layout.yaxis.title.text
    assert "2,1 M" in fig.data[0].text
