"""Kebutuhan realisasi: feeding the answer back reaches the threshold; anything short of it does not.

Checked over every polarity and consolidation, measured-quarter pattern, reported-quarter pattern,
percentages and konversi_120, at both thresholds (hijau 100, leaving merah 80). Capaian are compared
with 9 decimals (a profile setting), so the check sees the formula's own boundary, not the 2-decimal
rounding that makes the shown bound a little conservative.
"""

from __future__ import annotations

import math

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kinerja_core.capaian import nilai_iku
from kinerja_core.kebutuhan import Keadaan, Makna, kebutuhan_realisasi
from kinerja_core.model import Iku, Konsolidasi, Polaritas, Status
from kinerja_core.profil import ProfilAturan

PROFIL = ProfilAturan(desimal=9)
nilai = st.floats(min_value=0.5, max_value=1000, allow_nan=False).map(lambda x: round(x, 3))


@st.composite
def kasus(draw):
    polaritas = draw(st.sampled_from(Polaritas))
    konsolidasi = draw(st.sampled_from(Konsolidasi))
    terukur = draw(st.lists(st.booleans(), min_size=4, max_size=4).filter(any))
    persen = draw(st.booleans())
    target = tuple(draw(nilai.map(lambda x: min(x, 99.0) if persen else x)) if m else None for m in terukur)
    iku = Iku("U", "K", "IKU", polaritas, konsolidasi, 1.0, target, satuan="%" if persen else "jumlah",
              konversi_120=draw(st.booleans()) and polaritas is not Polaritas.STABILIZE)
    triwulan = draw(st.integers(1, 3))
    realisasi = tuple(draw(st.none() | nilai.map(lambda x: min(x, 100.0) if persen else x)) if q <= triwulan
                      else None for q in range(1, 5))
    return iku, realisasi, triwulan, draw(st.sampled_from((100.0, 80.0)))


def isi(iku: Iku, realisasi, triwulan: int, sisa: tuple[int, ...], x: float, makna: Makna) -> tuple:
    """The four quarters with the remaining ones filled so the quantity asked for equals ``x``."""
    nilai_sisa = x / len(sisa) if makna is Makna.JUMLAH else x
    empat = [r if q <= triwulan else None for q, r in zip(range(1, 5), realisasi)]
    # a measured quarter still open that does not count (before the last one of a "last" IKU): any value
    return tuple(nilai_sisa if q in sisa or (t is not None and v is None) else v
                 for q, v, t in zip(range(1, 5), empat, iku.target))


def capaian(iku, empat) -> float | None:
    return nilai_iku(iku, empat, 4, PROFIL).capaian.nilai


@settings(max_examples=400, deadline=None)
@given(kasus())
def test_jawaban_mencapai_ambang_dan_kurang_darinya_tidak(k):
    iku, realisasi, triwulan, ambang = k
    hasil = kebutuhan_realisasi(iku, realisasi, triwulan, ambang, PROFIL)
    assume(hasil.keadaan is Keadaan.PERLU)
    for batas, arah in ((hasil.paling_sedikit, 1), (hasil.paling_banyak, -1)):
        if batas is None:
            continue
        geser = 1e-7 * max(1.0, abs(batas))
        cukup = capaian(iku, isi(iku, realisasi, triwulan, hasil.triwulan_sisa, batas + arah * geser, hasil.makna))
        assert cukup is not None and cukup >= ambang - 1e-6, (hasil, cukup)
        kurang = batas - arah * 1e-4 * max(1.0, abs(batas))
        if kurang < 0:
            continue  # below what a realisasi can be
        assert capaian(iku, isi(iku, realisasi, triwulan, hasil.triwulan_sisa, kurang, hasil.makna)) < ambang


@settings(max_examples=300, deadline=None)
@given(kasus(), st.floats(min_value=0, max_value=1))
def test_aman_dan_mustahil_berlaku_untuk_setiap_nilai(k, posisi):
    iku, realisasi, triwulan, ambang = k
    hasil = kebutuhan_realisasi(iku, realisasi, triwulan, ambang, PROFIL)
    if hasil.keadaan not in (Keadaan.AMAN, Keadaan.MUSTAHIL):
        return
    persen = iku.satuan == "%"
    puncak = 100.0 if persen else 1e7
    for x in (0.0, puncak * posisi, puncak):  # every value a remaining quarter can take, sampled
        empat = isi(iku, realisasi, triwulan, hasil.triwulan_sisa,
                    x * (len(hasil.triwulan_sisa) if hasil.makna is Makna.JUMLAH else 1), hasil.makna)
        c = capaian(iku, empat)
        assert (c >= ambang) if hasil.keadaan is Keadaan.AMAN else (c < ambang), (hasil, x, c)


def test_jumlah_sudah_melampaui_target_aman():
    """PNBP already at 6,0 of the year's 5,7 after TW III: whatever TW IV brings (an amount in Rp is never
    negative), hijau."""
    pnbp = Iku("BTP", "PNBP", "Penerimaan PNBP", Polaritas.MAXIMIZE, Konsolidasi.SUM, 20, (0.9, 1.2, 1.6, 2.0),
               satuan="Rp miliar")
    k = kebutuhan_realisasi(pnbp, (2.0, 2.0, 2.0, None), 3)
    assert (k.keadaan, k.triwulan_sisa) == (Keadaan.AMAN, (4,))
    assert nilai_iku(pnbp, (2.0, 2.0, 2.0, 0.0), 4).status is Status.HIJAU


def test_survei_hanya_tw4_nilai_yang_dituju():
    survei = Iku("KPPBCBOGOR", "BGR-05", "Indeks Kepuasan Pengguna Jasa", Polaritas.MAXIMIZE, Konsolidasi.LAST,
                 5, (None, None, None, 4.25), satuan="indeks")
    k = kebutuhan_realisasi(survei, (None, None, None, None), 3)
    assert (k.keadaan, k.makna, k.triwulan_sisa, k.paling_sedikit) == (Keadaan.PERLU, Makna.NILAI, (4,), 4.25)


def test_persentase_maksimal_100_tidak_mungkin():
    """Average of 4 quarters with target 99 %, three reported at 90 %: even 100 % in TW IV ends at 92,5 %; to
    leave merah TW IV needs 46,8 %."""
    iku = Iku("U", "K", "Persentase layanan tepat waktu", Polaritas.MAXIMIZE, Konsolidasi.AVERAGE, 1,
              (99.0, 99.0, 99.0, 99.0), satuan="%")
    k = kebutuhan_realisasi(iku, (90.0, 90.0, 90.0, None), 3, 100)
    assert k.keadaan is Keadaan.MUSTAHIL
    keluar_merah = kebutuhan_realisasi(iku, (90.0, 90.0, 90.0, None), 3, 80)  # 4 × 0,8 × 99 − 270 = 46,8
    assert keluar_merah.keadaan is Keadaan.PERLU and math.isclose(keluar_merah.paling_sedikit, 46.8)
    assert nilai_iku(iku, (90.0, 90.0, 90.0, 100.0), 4).status is Status.KUNING


def test_minimize_batas_atas_dan_tahun_lengkap():
    waktu = Iku("U", "K", "Waktu layanan", Polaritas.MINIMIZE, Konsolidasi.AVERAGE, 1, (10.0, 10.0, 10.0, 10.0),
                satuan="hari")
    k = kebutuhan_realisasi(waktu, (12.0, 11.0, None, None), 2)
    assert k.keadaan is Keadaan.PERLU and k.paling_sedikit is None and math.isclose(k.paling_banyak, 8.5)
    assert kebutuhan_realisasi(waktu, (12.0, 11.0, 9.0, 8.0), 4).keadaan is Keadaan.LENGKAP


# issue 28 items 2, 3, 7, 8: what the rest of the year needs never contradicts the scoring


def test_nilai_terakhir_dengan_triwulan_sebelumnya_kosong_minta_dilaporkan():
    """A last-value IKU measured every quarter with TW II not reported stays grey for the year, whatever TW IV
    brings: the requirement says TW II must be reported, and once TW IV is in, the year is not 'lengkap'."""
    iku = Iku("KPPBCBOGOR", "BGR-07", "Persentase kepatuhan", Polaritas.MAXIMIZE, Konsolidasi.LAST, 6,
              (90.0, 90.0, 92.0, 92.0), satuan="%")
    assert nilai_iku(iku, (91.0, None, 93.0, 99.0), 4).status is Status.ABU_ABU
    k = kebutuhan_realisasi(iku, (91.0, None, 93.0, None), 3)
    assert k.wajib_lapor == (2,) and k.keadaan is Keadaan.PERLU and k.triwulan_sisa == (4,)
    lengkap = kebutuhan_realisasi(iku, (91.0, None, 93.0, 99.0), 4)
    assert lengkap.keadaan is Keadaan.BELUM_DILAPOR and lengkap.wajib_lapor == (2,)


def test_persen_pertumbuhan_bisa_negatif_tidak_pasti_hijau():
    """Growth in % (maximize, average, target 2), 6,5 / 5,5 / 4,5 reported: a TW IV of −9 % ends it kuning,
    so it is not 'sudah aman'; TW IV needs at least 4 × 2 − 16,5 = −8,5."""
    iku = Iku("U", "G", "Pertumbuhan penerimaan", Polaritas.MAXIMIZE, Konsolidasi.AVERAGE, 1,
              (2.0, 2.0, 2.0, 2.0), satuan="%")
    assert nilai_iku(iku, (6.5, 5.5, 4.5, -9.0), 4).status is Status.KUNING
    k = kebutuhan_realisasi(iku, (6.5, 5.5, 4.5, None), 3)
    assert k.keadaan is Keadaan.PERLU and math.isclose(k.paling_sedikit, -8.5)


def test_satuan_menentukan_batas_bawah():
    from kinerja_core.kebutuhan import rentang_nilai
    assert rentang_nilai("%", "Persentase penyerapan anggaran").bawah == 0.0
    assert rentang_nilai("%", "Persentase penyerapan anggaran").atas == 100.0
    assert rentang_nilai("%", "Pertumbuhan penerimaan").bawah == -math.inf
    assert rentang_nilai("poin").bawah == -math.inf  # a satuan that says nothing: no lower bound
    assert rentang_nilai("Rp miliar").bawah == 0.0 and rentang_nilai("jiwa").bulat
    assert rentang_nilai("jumlah", rumus_komponen="selisih(target; tunggakan)").bawah == -math.inf


def test_selisih_komponen_tidak_pasti_aman():
    iku = Iku("U", "S", "Tunggakan diselesaikan", Polaritas.MAXIMIZE, Konsolidasi.SUM, 1, (10.0, 10.0, 10.0, 10.0), satuan="jumlah")
    from kinerja_core.kebutuhan import rentang_nilai
    aman = kebutuhan_realisasi(iku, (20.0, 20.0, 20.0, None), 3)
    assert aman.keadaan is Keadaan.AMAN  # a count cannot go below 0
    k = kebutuhan_realisasi(iku, (20.0, 20.0, 20.0, None), 3,
                            rentang=rentang_nilai("jumlah", rumus_komponen="selisih(a; b)"))
    assert k.keadaan is Keadaan.PERLU and math.isclose(k.paling_sedikit, -20.0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["pertumbuhan", "laju", "xlaju", "growthy", "YoY", "Perubahan", "inflasi",
                                          "change", "İ", "persentase", "a", " ", "-", "\n", "é"]),
                         max_size=6).map("".join), max_size=8))
def test_menyebut_perubahan_sama_dengan_per_nama(nama):
    """The names searched as one text say the same as each name searched alone: word edges at the joins, names
    with line breaks, a letter whose lower case is longer (İ)."""
    from kinerja_core.kebutuhan import _POLA_PERUBAHAN, menyebut_perubahan

    assert menyebut_perubahan(nama) == [_POLA_PERUBAHAN.search(n.lower()) is not None for n in nama]
