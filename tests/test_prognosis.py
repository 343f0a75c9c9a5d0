"""The year-end prognosis on whole columns equals the core's scalar rule on every IKU of the sample."""

from __future__ import annotations

import math

import pytest

from kinerja import scores
from kinerja_core.prognosis import prognosis_iku


@pytest.mark.parametrize(("tahun", "triwulan"), [(2017, 1), (2017, 2), (2017, 3), (2019, 1), (2019, 2), (2019, 3)])
def test_prognosis_kolom_sama_dengan_rujukan(storage, tahun, triwulan):
    _, lebar = storage.baca_lebar(tahun)
    kolom = scores.prognosis(lebar, triwulan)
    assert len(kolom) == len(lebar)
    for r, (_, k) in zip(lebar.itertuples(index=False), kolom.iterrows()):
        harap = prognosis_iku(scores._iku(r), scores.realisasi_baris(r), triwulan)
        if harap is None or harap.capaian.nilai is None:
            assert math.isnan(k["capaian"]) and k["status"] == "abu-abu", r.kode_iku
        else:
            assert (k["capaian"], k["status"]) == (harap.capaian.nilai, harap.status.value), r.kode_iku
    assert (kolom["status"] != "abu-abu").sum() > len(kolom) // 2  # most IKU have a prognosis


@pytest.mark.parametrize(("tahun", "triwulan"), [(2017, 2), (2019, 1), (2019, 3)])
def test_prognosis_dari_skor_yang_sudah_ada_sama(storage, tahun, triwulan):
    """The Ringkasan and ``agenda`` hand over the year already scored (``hari_ini``): the same prognosis as scoring
    it again, on every IKU of the sample."""
    import pandas as pd

    _, lebar = storage.baca_lebar(tahun)
    skor = scores.skor(lebar, triwulan)
    pd.testing.assert_frame_equal(scores.prognosis(skor, triwulan, hari_ini=skor), scores.prognosis(skor, triwulan))


# issue 28 item 4: no IKU leaves the prognosis without a word, none is projected from a stale quarter


def _lebar():
    import pandas as pd
    iku = pd.DataFrame({
        "kode_unit": ["U"] * 4, "kode_iku": ["A", "B", "C", "D"],
        "nama_iku": ["Temuan audit berulang", "Persentase layanan", "Penerimaan", "Persentase tepat waktu"],
        "satuan": ["jumlah", "%", "Rp miliar", "%"], "perspektif": ["Stakeholder"] * 4,
        "polaritas": ["minimize", "maximize", "maximize", "maximize"],
        "konsolidasi": ["sum", "average", "sum", "last"], "bobot": [10.0, 10.0, 10.0, 10.0],
        "target_tw1": [0.0, 90.0, 10.0, 90.0], "target_tw2": [0.0, 90.0, 10.0, 90.0],
        "target_tw3": [0.0, 90.0, 10.0, 90.0], "target_tw4": [0.0, 90.0, 10.0, 90.0],
        "konversi_120": [False] * 4, "realisasi_terburuk": [10.0, None, None, None],
    })
    lapor = pd.DataFrame({"kode_unit": ["U"] * 9, "kode_iku": ["A"] * 3 + ["B"] * 3 + ["C"] * 2 + ["D"],
                          "triwulan": [1, 2, 3, 1, 2, 3, 1, 2, 1],
                          "realisasi": [0.0, 0.0, 0.0, 99.0, 99.0, 99.0, 12.0, 12.0, 95.0]})
    return scores.lebar(iku, lapor)


def test_target_nol_tetap_pada_capaian_hari_ini():
    """A: minimize, target 0 (worst 10), none found: capaian 100 today, no pace (target 0): kept at 100."""
    akhir = scores.prognosis(_lebar(), 3).set_index("kode_iku")
    assert akhir.loc["A", "capaian"] == 100.0 and akhir.loc["A", "alasan_prognosis"] == "dipertahankan"


def test_persentase_tidak_diisi_di_atas_100():
    """B: 99 of 90 each quarter (pace 1,1): TW IV would be filled 99, never above 100 %; C (Rp) is not capped."""
    akhir = scores.prognosis(_lebar(), 3).set_index("kode_iku")
    assert akhir.loc["B", "realisasi_tw4"] <= 100.0 and akhir.loc["B", "triwulan_laju"] == 3


def test_abu_abu_hari_ini_tanpa_prognosis_dari_triwulan_lama():
    """C is grey at TW III (TW III not reported): its TW II pace is not projected; D likewise from TW I."""
    akhir = scores.prognosis(_lebar(), 3).set_index("kode_iku")
    for k in ("C", "D"):
        assert akhir.loc[k, "status"] == "abu-abu" and akhir.loc[k, "alasan_prognosis"] == "belum-dilaporkan"
    teks = scores.teks_cakupan_prognosis(akhir.reset_index())
    assert teks == "dari 4 IKU; 2 tanpa prognosis: C, D (belum dilaporkan s.d. triwulan ini); 1 tetap pada capaian hari ini: A"


def test_persen_di_atas_100_dipotong():
    import pandas as pd
    data = _lebar()
    data.loc[1, ["realisasi_tw1", "realisasi_tw2", "realisasi_tw3"]] = [99.0, 99.0, 99.0]
    data.loc[1, "target_tw4"] = 95.0
    akhir = scores.prognosis(data, 3).set_index("kode_iku")
    assert akhir.loc["B", "realisasi_tw4"] == 100.0 or pd.isna(akhir.loc["B", "realisasi_tw4"])


@pytest.mark.parametrize(("tahun", "triwulan", "turun"), [(2017, 1, False), (2017, 3, False), (2019, 1, False),
                                                    (2019, 2, False), (2019, 2, True)])
def test_prognosis_judul_hanya_yang_perlu_sama_dengan_seluruhnya(storage, tahun, triwulan, turun):
    """The Ringkasan works out the prognosis of the headline's IKU and of those hijau today that floats cannot show
    to stay hijau only: the same NKO, warnings and coverage as the prognosis of every IKU, for each unit with IKU of
    its own, pooled (cascaded parents left out) and for a unit that is not there; ``turun``: TW I at twice its
    target and TW II at half, so that IKU hijau today head down and warn."""
    import pandas as pd

    unit, lebar = storage.baca_lebar(tahun)
    if turun:
        lebar = lebar.assign(realisasi_tw1=lebar["target_tw1"] * 2, realisasi_tw2=lebar["target_tw2"] * 0.5)
    skor = scores.skor(lebar, triwulan)
    akhir = scores.prognosis(skor, triwulan, hari_ini=skor)
    peringatan_semua = scores.peringatan_prognosis(skor, akhir, unit)
    for kode_unit in [*sorted(set(skor["kode_unit"])), "TIDAK-ADA"]:
        for milik_sendiri in (None, False):
            dasar = scores.dasar_nko_unit(akhir, kode_unit, milik_sendiri)
            nko, peringatan, cakupan = scores.prognosis_judul(skor, kode_unit, triwulan, unit, milik_sendiri)
            assert nko == scores.hitung_nko(dasar), kode_unit
            pd.testing.assert_frame_equal(peringatan, peringatan_semua)
            assert cakupan == scores.teks_cakupan_prognosis(dasar)
    assert len(peringatan_semua) > 0 or not turun
