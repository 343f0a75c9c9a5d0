"""Komponen formulas: read by a tiny grammar (never run as code), printed back canonically, computed exactly."""

from __future__ import annotations

import math
import pathlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_core import komponen
from kinerja_core.komponen import BATAS_KOMPONEN, AlasanRumus, Bentuk, RumusKomponen, RumusTidakSah, baca_rumus

# --- worked examples -------------------------------------------------------------------------------------


def test_layanan_tepat_waktu():
    r = baca_rumus("Rasio(Tepat_Waktu; layanan)")
    assert r == RumusKomponen(Bentuk.RASIO, ("tepat_waktu", "layanan"))
    assert r.hitung({"tepat_waktu": 481, "layanan": 500}) == 96.2
    assert str(r) == "rasio(tepat_waktu; layanan)"


def test_jumlah_tiga_kpp():
    r = baca_rumus("JUMLAH ( kpp_bogor , kpp_depok ; kpp_cibinong )")
    assert r.komponen == ("kpp_bogor", "kpp_depok", "kpp_cibinong")
    assert r.hitung({"kpp_bogor": 120, "kpp_depok": 95, "kpp_cibinong": 143}) == 358.0
    assert str(r) == "jumlah(kpp_bogor; kpp_depok; kpp_cibinong)"


def test_selisih_target_kurang_tunggakan():
    r = baca_rumus("selisih(target, tunggakan)")
    assert r.hitung({"target": 1200, "tunggakan": 85}) == 1115.0
    assert r.hitung({"target": 80, "tunggakan": 85}) == -5.0


def test_rasio_penyebut_nol_tidak_terhitung():
    assert baca_rumus("rasio(a; b)").hitung({"a": 3, "b": 0}) is None
    assert baca_rumus("rasio(a; b)").hitung({"a": 0, "b": 4}) == 0.0


def test_hasil_melimpah_tidak_terhitung():
    assert baca_rumus("jumlah(a; b)").hitung({"a": 1e308, "b": 1e308}) is None
    assert baca_rumus("jumlah(a; b)").hitung({"a": math.inf, "b": 1}) is None


def test_jumlah_sepuluh_komponen_boleh():
    nama = [f"unit_{i}" for i in range(10)]
    r = baca_rumus(f"jumlah({'; '.join(nama)})")
    assert r.hitung({n: i for i, n in enumerate(nama)}) == 45.0


def test_nama_empat_puluh_huruf_boleh():
    assert baca_rumus(f"selisih({'a' * 40}; b)").komponen == ("a" * 40, "b")


# --- every refusal, with its reason ----------------------------------------------------------------------

DITOLAK = [
    ("", AlasanRumus.KOSONG, ""),
    ("  \t ", AlasanRumus.KOSONG, ""),
    ("tepat_waktu / layanan", AlasanRumus.SINTAKS, "tepat_waktu / layanan"),
    ("rasio(a; b", AlasanRumus.SINTAKS, "(a; b"),
    ("rasio a; b)", AlasanRumus.SINTAKS, "rasio a; b)"),
    ("rasio(a; b) * 2", AlasanRumus.SINTAKS, "* 2"),
    ("rasio(a; b))", AlasanRumus.SINTAKS, ")"),
    ("rasio((a); b)", AlasanRumus.SINTAKS, "(a"),
    ("(a; b)", AlasanRumus.SINTAKS, "(a; b)"),
    ("1 + rasio(a; b)", AlasanRumus.SINTAKS, "1 + rasio"),
    ("jumlah(a;; b)", AlasanRumus.SINTAKS, "a;; b"),
    ("jumlah(a; b;)", AlasanRumus.SINTAKS, "a; b;"),
    ("__import__('os').system('x')", AlasanRumus.SINTAKS, "__import__"),
    ("kali(a; b)", AlasanRumus.BENTUK_TIDAK_DIKENAL, "kali"),
    ("Eval(a; b)", AlasanRumus.BENTUK_TIDAK_DIKENAL, "Eval"),
    ("rasio()", AlasanRumus.JUMLAH_KOMPONEN, "rasio"),
    ("rasio(a)", AlasanRumus.JUMLAH_KOMPONEN, "rasio"),
    ("rasio(a; b; c)", AlasanRumus.JUMLAH_KOMPONEN, "rasio"),
    ("selisih(a; b; c)", AlasanRumus.JUMLAH_KOMPONEN, "selisih"),
    ("jumlah(a)", AlasanRumus.JUMLAH_KOMPONEN, "jumlah"),
    (f"jumlah({'; '.join(f'u{i}' for i in range(11))})", AlasanRumus.JUMLAH_KOMPONEN, "jumlah"),
    ("rasio(tepat waktu; layanan)", AlasanRumus.NAMA_TIDAK_SAH, "tepat waktu"),
    ("rasio(1a; b)", AlasanRumus.NAMA_TIDAK_SAH, "1a"),
    ("rasio(_a; b)", AlasanRumus.NAMA_TIDAK_SAH, "_a"),
    ("rasio(a-b; c)", AlasanRumus.NAMA_TIDAK_SAH, "a-b"),
    ("rasio(layanan_é; b)", AlasanRumus.NAMA_TIDAK_SAH, "layanan_é"),
    (f"rasio({'a' * 41}; b)", AlasanRumus.NAMA_TIDAK_SAH, "a" * 41),
    ("rasio(layanan; Layanan)", AlasanRumus.NAMA_GANDA, "layanan"),
    ("jumlah(a; b; A)", AlasanRumus.NAMA_GANDA, "a"),
]


@pytest.mark.parametrize(("teks", "alasan", "bagian"), DITOLAK)
def test_ditolak(teks, alasan, bagian):
    with pytest.raises(RumusTidakSah) as salah:
        baca_rumus(teks)
    assert salah.value.alasan is alasan
    assert salah.value.bagian == bagian
    assert isinstance(salah.value, ValueError)
    assert str(salah.value)  # a short plumbing message, worded by the edge for users


def test_setiap_alasan_teruji():
    assert {alasan for _, alasan, _ in DITOLAK} == set(AlasanRumus)


@pytest.mark.parametrize(("bentuk", "nama", "alasan"), [
    (Bentuk.RASIO, ("Layanan", "b"), AlasanRumus.NAMA_TIDAK_SAH),
    (Bentuk.SELISIH, ("a",), AlasanRumus.JUMLAH_KOMPONEN),
    (Bentuk.JUMLAH, ("a", "b", "a"), AlasanRumus.NAMA_GANDA),
])
def test_dibangun_langsung_juga_diperiksa(bentuk, nama, alasan):
    with pytest.raises(RumusTidakSah) as salah:
        RumusKomponen(bentuk, nama)
    assert salah.value.alasan is alasan


def test_rumus_tidak_pernah_dijalankan(monkeypatch):
    import os

    def terlarang(*args):
        raise AssertionError("the formula was run as code")

    monkeypatch.setattr(os, "system", terlarang)
    for teks in ("__import__('os').system('x')", "rasio(__import__('os').system('x'); b)",
                 "jumlah(os.system; b)", "rasio(a; b); import os"):
        with pytest.raises(RumusTidakSah) as salah:
            baca_rumus(teks)
        assert salah.value.alasan in (AlasanRumus.SINTAKS, AlasanRumus.BENTUK_TIDAK_DIKENAL,
                                      AlasanRumus.NAMA_TIDAK_SAH)


def test_modul_tanpa_eval():
    sumber = pathlib.Path(komponen.__file__).read_text(encoding="utf-8")
    assert not re.search(r"(?<![.\w])(eval|exec|compile|__import__)\s*\(", sumber)
    assert not re.search(r"^\s*import\s+ast\b|^\s*from\s+ast\b", sumber, re.MULTILINE)


# --- properties ------------------------------------------------------------------------------------------

nama_komponen = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,39}", fullmatch=True)
spasi = st.sampled_from(["", " ", "  ", "\t", " \n "])


def acak_huruf(draw, teks: str) -> str:
    return "".join(c.upper() if draw(st.booleans()) else c.lower() for c in teks)


@st.composite
def rumus_tertulis(draw):
    """A valid formula text in any case, spacing and separators, with the names it holds."""
    bentuk = draw(st.sampled_from(Bentuk))
    paling_sedikit, paling_banyak = BATAS_KOMPONEN[bentuk]
    nama = draw(st.lists(nama_komponen, min_size=paling_sedikit, max_size=paling_banyak, unique_by=str.lower))
    argumen = draw(spasi) + draw(spasi).join(
        n + draw(spasi) + draw(st.sampled_from(";,")) for n in nama[:-1]) + draw(spasi) + nama[-1] + draw(spasi)
    teks = draw(spasi) + acak_huruf(draw, bentuk.value) + draw(spasi) + "(" + argumen + ")" + draw(spasi)
    return teks, bentuk, tuple(n.lower() for n in nama)


@given(rumus_tertulis())
def test_bolak_balik(kasus):
    teks, bentuk, nama = kasus
    r = baca_rumus(teks)
    assert (r.bentuk, r.komponen) == (bentuk, nama)
    assert baca_rumus(str(r)) == r
    assert str(baca_rumus(str(r))) == str(r)


angka = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_subnormal=False)
penyebut = angka.filter(lambda b: abs(b) > 1e-6)


@given(a=angka, b=penyebut)
def test_rasio(a, b):
    hasil = baca_rumus("rasio(a; b)").hitung({"a": a, "b": b})
    assert math.isclose(hasil, a / b * 100, rel_tol=1e-9, abs_tol=1e-300)


@given(st.lists(angka, min_size=2, max_size=10), st.randoms())
def test_jumlah_tak_peduli_urutan_mapping(nilai, acak):
    nama = [f"unit_{i}" for i in range(len(nilai))]
    r = baca_rumus(f"jumlah({'; '.join(nama)})")
    pasangan = list(zip(nama, nilai))
    hasil = r.hitung(dict(pasangan))
    acak.shuffle(pasangan)
    assert r.hitung(dict(pasangan)) == hasil
    assert math.isclose(hasil, math.fsum(nilai), rel_tol=1e-9, abs_tol=1e-3)


@given(a=angka, b=angka)
def test_selisih(a, b):
    assert baca_rumus("selisih(target; tunggakan)").hitung({"target": a, "tunggakan": b}) == a - b


@given(rumus_tertulis(), st.data())
def test_komponen_hilang_tidak_terhitung(kasus, data):
    r = baca_rumus(kasus[0])
    nilai = {n: data.draw(angka.filter(lambda x: x != 0)) for n in r.komponen}
    hilang = data.draw(st.sampled_from(r.komponen))
    kosong = data.draw(st.sampled_from([None, math.nan, "tidak ada"]))
    if kosong == "tidak ada":
        del nilai[hilang]
    else:
        nilai[hilang] = kosong
    assert r.hitung(nilai) is None


@given(st.text())
def test_teks_sembarang_hanya_ditolak_dengan_rumus_tidak_sah(teks):
    try:
        r = baca_rumus(teks)
    except RumusTidakSah as salah:
        assert isinstance(salah.alasan, AlasanRumus)
        assert isinstance(salah.bagian, str)
    else:
        assert baca_rumus(str(r)) == r


@given(st.text(alphabet=st.sampled_from("rasiojumlahselisih();, _ab1é\t\n()")))
def test_teks_mirip_rumus_hanya_ditolak_dengan_rumus_tidak_sah(teks):
    try:
        r = baca_rumus(teks)
    except RumusTidakSah as salah:
        assert isinstance(salah.alasan, AlasanRumus)
    else:
        assert baca_rumus(str(r)) == r
