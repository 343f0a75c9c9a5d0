"""The unit tree."""

from kinerja_core.unit import Unit, kedalaman, subpohon

UNITS = [
    Unit("KEMENKEU", "Kementerian Keuangan"),
    Unit("DJBC", "DJBC", "KEMENKEU"),
    Unit("KWBCJABAR", "Kanwil Jawa Barat", "DJBC"),
    Unit("KPPBCBOGOR", "KPPBC Bogor", "KWBCJABAR"),
    Unit("KPPBCBEKASI", "KPPBC Bekasi", "KWBCJABAR"),
    Unit("BPPT", "BPPT"),
]


def test_subpohon():
    assert subpohon(UNITS, "KWBCJABAR") == ["KWBCJABAR", "KPPBCBOGOR", "KPPBCBEKASI"]
    assert subpohon(UNITS, "KEMENKEU") == ["KEMENKEU", "DJBC", "KWBCJABAR", "KPPBCBOGOR", "KPPBCBEKASI"]
    assert subpohon(UNITS, "KPPBCBOGOR") == ["KPPBCBOGOR"]
    assert subpohon(UNITS, "KWBCJABAR", dengan_sub_unit=False) == ["KWBCJABAR"]


def test_siklus_tidak_berputar_selamanya():
    siklus = [Unit("A", "A", "B"), Unit("B", "B", "A")]
    assert subpohon(siklus, "A") == ["A", "B"]
    assert kedalaman(siklus) == {"A": 1, "B": 1}


def test_kedalaman():
    assert kedalaman(UNITS)["KPPBCBOGOR"] == 3
    assert kedalaman(UNITS)["BPPT"] == 0
