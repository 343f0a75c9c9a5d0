"""What the rest of the year needs, in words (issue 28 items 2, 7, 8): the quarters still open exactly, counts
as whole numbers, a passed quarter without realisasi named."""

from __future__ import annotations

from kinerja.texts import teks_kebutuhan
from kinerja_core.kebutuhan import Keadaan, Kebutuhan, Makna, kebutuhan_realisasi
from kinerja_core.model import Iku, Konsolidasi, Polaritas


def test_triwulan_tersisa_tepat_bukan_rentang():
    k = Kebutuhan(100, Keadaan.PERLU, Makna.JUMLAH, (1, 4), paling_sedikit=12.0)
    assert teks_kebutuhan(k, "Rp miliar").startswith("TW I, TW IV: ")


def test_jumlah_jiwa_dibulatkan_ke_atas():
    iku = Iku("U", "K", "Penduduk terlayani", Polaritas.MAXIMIZE, Konsolidasi.SUM, 1, (3.0, 3.0, 3.0, 3.0),
              satuan="jiwa")
    k = kebutuhan_realisasi(iku, (3.0, 3.0, 3.4, None), 3)  # 12 − 9,4 = 2,6
    assert teks_kebutuhan(k, "jiwa") == "TW IV: jumlah paling sedikit 3 jiwa"
    assert teks_kebutuhan(Kebutuhan(100, Keadaan.PERLU, Makna.JUMLAH, (4,), paling_banyak=2.6, bulat=True),
                          "orang") == "TW IV: jumlah paling banyak 2 orang"


def test_triwulan_terlewat_disebut():
    iku = Iku("KPPBCBOGOR", "BGR-07", "Persentase kepatuhan", Polaritas.MAXIMIZE, Konsolidasi.LAST, 6,
              (90.0, 90.0, 92.0, 92.0), satuan="%")
    teks = teks_kebutuhan(kebutuhan_realisasi(iku, (91.0, None, 93.0, None), 3), "%")
    assert teks.startswith("TW II harus dilaporkan") and "TW IV: nilai paling sedikit 92 %" in teks
    lengkap = teks_kebutuhan(kebutuhan_realisasi(iku, (91.0, None, 93.0, 99.0), 4), "%")
    assert lengkap.startswith("TW II belum dilaporkan")
