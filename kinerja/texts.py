"""Every word a user reads, in one place: the message catalogues in ``kinerja/locale`` (``id``, ``en``, …).

``t("kunci", isian=...)`` formats one message in the current language, ``tn("kunci", n, ...)`` one that depends
on a count ("1 participant", "2 participants"), both through gettext (``pakai_bahasa``: the app sets the
session's choice at the start of every run; the command line speaks Indonesian). Numbers and dates follow the
language's conventions from Babel's locale data (``1.402,5`` / ``1,402.5``, ``2 Oktober 2019`` /
``2 October 2019``). Status and reason codes from the core are turned into words here too, so the core stays
free of UI language.
"""

from __future__ import annotations

import datetime
import functools
import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_compact_decimal, get_currency_symbol, get_decimal_symbol, get_group_symbol

from kinerja.locale import bahasa_tersedia, entri, terjemahan
from kinerja.pesan import Pesan
from kinerja_core.kebutuhan import Keadaan, Kebutuhan
from kinerja_core.komponen import Bentuk as BentukKomponen
from kinerja_core.komponen import RumusKomponen
from kinerja_core.model import AlasanAbu, Status
from kinerja_core.rumus import Bentuk, RumusCapaian, RumusNko
from kinerja_core.siklus import Tahap

if TYPE_CHECKING:
    import pandas as pd
else:
    class _PandasNanti:
        """pandas, imported where a value is first formatted: the command line's help and its argument errors need
        these words, not pandas. The module then takes its place, so a cell pays nothing more."""

        def __getattr__(self, nama: str) -> object:
            import pandas

            globals()["pd"] = pandas
            return getattr(pandas, nama)

    pd = _PandasNanti()

BAHASA_BAWAAN = "id"
BAHASA = (BAHASA_BAWAAN, *(kode for kode in bahasa_tersedia() if kode != BAHASA_BAWAAN))
"""The languages the app speaks: Bahasa Indonesia (the default), English, and any other with a catalogue in
``kinerja/locale``."""
_BAHASA: ContextVar[str] = ContextVar("bahasa", default=BAHASA_BAWAAN)
_LOKAL = {"id": "id_ID", "en": "en_US"} | {kode: kode for kode in BAHASA if kode not in ("id", "en")}
_SIMBOL = {kode: (get_decimal_symbol(lokal), get_group_symbol(lokal)) for kode, lokal in _LOKAL.items()}
"""Each language's decimal and grouping symbols, looked up in Babel once (``angka`` runs for every cell)."""


def _pola_persen(lokal: str) -> str:
    """'{}%', '{}\xa0%', '%{}': where a locale's CLDR percent pattern puts the sign."""
    pola = Locale.parse(lokal).percent_formats[None].pattern
    return pola[:pola.index("#")] + "{}" + pola[pola.rindex("0") + 1:]


_PERSEN = {kode: _pola_persen(lokal) for kode, lokal in _LOKAL.items()} | {"id": "{} %", "en": "{}%"}
"""Where the percent sign goes: Indonesian sets it apart (``90,9 %``), English does not (``90.9%``); another
language as its CLDR pattern says."""
_RUPIAH = {"rp": 1.0, "rupiah": 1.0, "rp ribu": 1e3, "ribu rupiah": 1e3, "rp juta": 1e6, "juta rupiah": 1e6,
           "rp miliar": 1e9, "rp milyar": 1e9, "miliar rupiah": 1e9, "milyar rupiah": 1e9, "rp triliun": 1e12,
           "triliun rupiah": 1e12}
"""The satuan that mean an amount of money, with the rupiah one of their units is worth."""


def _kata_besaran(lokal: str, besar: float, jenis: Literal["short", "long"]) -> str:
    return format_compact_decimal(besar, format_type=jenis, locale=lokal).replace("1", "", 1).strip(" \xa0")


_BESARAN = {kode: tuple((b, _kata_besaran(lokal, b, "short"), _kata_besaran(lokal, b, "long"))
                        for b in (1e12, 1e9, 1e6)) for kode, lokal in _LOKAL.items()}


def pakai_bahasa(kode: str) -> None:
    """Speak ``kode`` (``id`` or ``en``) from now on in this run (a Streamlit script run is one thread)."""
    _BAHASA.set(kode if kode in BAHASA else BAHASA_BAWAAN)


def bahasa() -> str:
    """The language in use now: 'id' or 'en'."""
    return _BAHASA.get()


@contextmanager
def dalam_bahasa(kode: str) -> Iterator[None]:
    """Speak ``kode`` inside the block only (work done outside a script run, e.g. a file built on a click).

    >>> with dalam_bahasa("en"):
    ...     t("status.hijau")
    'Green'
    >>> t("status.hijau")
    'Hijau'
    """
    token = _BAHASA.set(kode if kode in BAHASA else BAHASA_BAWAAN)
    try:
        yield
    finally:
        _BAHASA.reset(token)


def t(kunci: str, /, **isian: object) -> str:
    """The message ``kunci`` of the current language's catalogue, with ``{isian}`` filled in.

    A key no catalogue has raises ``KeyError`` (tests/test_katalog.py keeps every key the code uses in every
    catalogue). ``bahasa.<kode>`` is a language's name in its own words: ``bahasa.nama`` of its catalogue.

    >>> t("triwulan.nama", romawi="III")
    'TW III'
    >>> with dalam_bahasa("en"):
    ...     t("status.merah")
    'Red'
    """
    if kunci.startswith("bahasa.") and kunci[7:] in BAHASA:
        return terjemahan(kunci[7:]).gettext("bahasa.nama")
    return terjemahan(_BAHASA.get()).gettext(kunci).format(**isian)


def tn(kunci: str, n: int, /, **isian: object) -> str:
    """The form of plural message ``kunci`` that goes with the count ``n`` (gettext's ``ngettext``, the
    language's Plural-Forms), with ``{isian}`` filled in; ``{n}`` is ``n`` unless given otherwise (a count
    already written the language's way, say).

    >>> with dalam_bahasa("en"):
    ...     tn("dialog.jumlah_peserta", 1), tn("dialog.jumlah_peserta", 2)
    ('1 participant', '2 participants')
    >>> tn("dialog.jumlah_peserta", 1), tn("dialog.jumlah_peserta", 2)
    ('1 peserta', '2 peserta')
    """
    isian.setdefault("n", n)
    return terjemahan(_BAHASA.get()).ngettext(kunci, kunci, int(n)).format(**isian)


def teks_pesan(pesan: Pesan | str) -> str:
    """A message in the current language's words; a stored line that is words already (written before codes
    were stored) as it is.

    >>> p = Pesan("jejak.pengguna_tambah", {"identitas": "rina", "cara": Pesan("akses.lokal")})
    >>> teks_pesan(p.simpan()) == teks_pesan(p)
    True
    >>> teks_pesan("rina ditambahkan")
    'rina ditambahkan'

    A composed message reads as one sentence: a list joined with the catalogue's separator, the messages of
    ``lanjut`` written after the main one.

    >>> teks_pesan(Pesan("galat.kolom_hilang", {"kolom": "realisasi"}, lanjut=(Pesan("galat.kolom_asing", {
    ...     "daftar": Pesan.daftar([Pesan("galat.saran_kolom", {"kolom": "nilai", "saran": "realisasi"}), "x"])}),)))
    'kolom wajib tidak ada: realisasi; kolom yang tidak dikenal: nilai (mungkin maksudnya realisasi?), x'
    """
    if isinstance(pesan, str):
        dibaca = Pesan.baca(pesan)
        if dibaca is None:
            return pesan
        pesan = dibaca
    isian = {k: _teks_nilai(v) for k, v in pesan.isian.items()}
    teks = t(pesan.kunci, **isian) if pesan.n is None else tn(pesan.kunci, pesan.n, **isian)
    return teks + "".join(teks_pesan(p) for p in pesan.lanjut)


def _teks_nilai(nilai: object) -> object:
    """A placeholder's value as the reader reads it: a message in words, a list (tuple) joined with the
    catalogue's separator, a fractional number the reader's way (2,5 in Indonesian, 2.5 in English); any other
    value as it is."""
    if isinstance(nilai, Pesan):
        return teks_pesan(nilai)
    if isinstance(nilai, tuple):
        return t("pesan.pemisah_daftar").join(str(_teks_nilai(v)) for v in nilai)
    if isinstance(nilai, float):
        return angka(nilai)
    return nilai


def N_(kunci: str) -> str:
    """Marks a key the code looks up under a name it builds (``t(f"status.{s.value}")``), for the extraction."""
    return kunci


def N_jamak(kunci: str) -> str:
    """``N_`` for a plural message (looked up with ``tn``)."""
    return kunci


class _SemuaTeks(Mapping[str, Mapping[str, str]]):
    """``TEKS[kode][kunci]``: every message of a language as plain text (a plural message in its last form)."""

    def __getitem__(self, kode: str) -> Mapping[str, str]:
        if kode not in BAHASA:
            raise KeyError(kode)
        return _semua_teks(kode)

    def __iter__(self) -> Iterator[str]:
        return iter(BAHASA)

    def __len__(self) -> int:
        return len(BAHASA)


@functools.cache
def _semua_teks(kode: str) -> Mapping[str, str]:
    teks: dict[str, str] = {}
    for k, v in entri(kode).items():
        teks[k[0] if isinstance(k, tuple) else k] = v  # a plural's forms come in order: the last one stays
    return MappingProxyType(teks)


TEKS: Mapping[str, Mapping[str, str]] = _SemuaTeks()
"""Every message of every language, read from the catalogues (to look through, e.g. for a label typed back)."""

KUNCI_BERUBAH = (
    N_("bahasa.nama"),
    N_("agregasi.jumlah"), N_("agregasi.rata-rata"), N_("agregasi.minimum"), N_("agregasi.terburuk"),
    N_("agregasi.gabungan"),
    N_("aksi.selesai"), N_("aksi.berjalan"), N_("aksi.terlambat"), N_("aksi.batal"),
    N_("alasan.realisasi-belum-ada"), N_("alasan.target-nol"), N_("alasan.tanpa-realisasi-terburuk"),
    N_jamak("baca.apostrof"), N_jamak("baca.pemisah_word"),
    N_("cakupan.belum_dilaporkan"), N_("cakupan.belum_diukur"), N_("cakupan.tidak_dapat_dihitung"),
    N_("dialog.terang"), N_("dialog.gelap"), N_("dialog.catatan_tersimpan"), N_("dialog.rapat_tersimpan"),
    N_("dialog.rapat_sama"), N_("dialog.catatan_sama"), N_("dialog.aksi_tersimpan"), N_("dialog.aksi_sama"),
    N_("galat.polaritas"), N_("galat.konsolidasi"), N_("galat.status_aksi"), N_("galat.perspektif"),
    N_("galat.ya_tidak"), N_("galat.sumber"), N_("galat.agregasi"),
    N_("gerbang.sso_belum_verifikasi"), N_("gerbang.sso_tanpa_klaim"), N_("gerbang.sso_tidak_terdaftar"),
    N_("gudang.sibuk"), N_("gudang.folder"), N_("gudang.kosong"), N_("gudang.bukan_duckdb"), N_("gudang.rusak"),
    N_("gudang.hanya_baca"), N_("gudang.gagal_tulis"), N_("gudang.skema_baru"), N_("gudang.pg_tidak_terhubung"),
    N_("gudang.pg_alamat_salah"), N_("gudang.pg_terputus"), N_("gudang.pg_komit_tidak_pasti"),
    N_("gudang.tidak_terbuka"),
    N_("impor.yatim_realisasi"), N_("impor.yatim_iku"), N_("impor.yatim_rapat"), N_("impor.yatim_unit"),
    N_("impor.yatim_komponen"), N_("impor.yatim_arahan_rapat"),
    N_("jejak.hak_beri"), N_("jejak.hak_cabut"), N_("jejak.sso_belum_verifikasi"), N_("jejak.sso_tanpa_klaim"),
    N_("jejak.sso_tidak_terdaftar"),
    N_("jejak.cara.masuk"), N_("jejak.cara.demo"), N_("jejak.cara.sistem"), N_("jejak.cara.lama"),
    N_("jejak.tindakan.impor"), N_("jejak.tindakan.batal"), N_("jejak.tindakan.ditolak"), N_("jejak.tindakan.masuk"),
    N_("jejak.tindakan.masuk_gagal"), N_("jejak.tindakan.keluar"), N_("jejak.tindakan.pengguna_tambah"),
    N_("jejak.tindakan.pengguna_hapus"), N_("jejak.tindakan.hak_beri"), N_("jejak.tindakan.hak_cabut"),
    N_("jenis.unit"), N_("jenis.iku"), N_("jenis.realisasi"), N_("jenis.rapat"), N_("jenis.komponen"),
    N_("jenis.arahan_rapat"),
    N_("kebutuhan.sudah-aman"), N_("kebutuhan.tidak-mungkin"), N_("kebutuhan.lengkap"),
    N_("kebutuhan.tidak-terhitung"),
    N_("kebutuhan.makna.jumlah"), N_("kebutuhan.makna.rata-rata"), N_("kebutuhan.makna.nilai"),
    N_("kolom.kode_unit"), N_("kolom.satuan"), N_("kolom.bobot"), N_("kolom.polaritas"), N_("kolom.perubahan"),
    N_("kolom.rincian"), N_("kolom.pic"), N_("kolom.tenggat"), N_("kolom.capaian_lalu"), N_("kolom.selisih"),
    N_("kolom.agar_hijau"), N_("kolom.status_aksi"), N_("kolom.catatan_aksi"), N_("kolom.bagian"), N_("kolom.biaya"),
    N_("kolom.jumlah_iku"), N_("kolom.belum_dilaporkan"), N_("kolom.porsi_bobot"), N_("kolom.agar_tidak_merah"),
    N_("kolom.realisasi_dihitung"),
    N_("konsolidasi.sum"), N_("konsolidasi.average"), N_("konsolidasi.last"),
    N_("polaritas.maximize"), N_("polaritas.minimize"), N_("polaritas.stabilize"),
    N_("prognosis.alasan.belum-dilaporkan"), N_("prognosis.alasan.belum-diukur"),
    N_("prognosis.alasan.tidak-terhitung"),
    N_("revisi.yatim_iku"), N_("revisi.yatim_realisasi"), N_("revisi.yatim_unit"), N_("revisi.yatim_rapat"),
    N_("revisi.yatim_kaskade"), N_("revisi.yatim_komponen"), N_("revisi.yatim_arahan_rapat"),
    N_("rumus.rasio"), N_("rumus.dua-kurang"), N_("rumus.terburuk"), N_("rumus.stabilize"), N_("rumus.stabilize-atas"),
    N_("rumus.konversi-120"), N_("rumus.kosong"), N_("rumus.sintaks"), N_("rumus.bentuk-tidak-dikenal"),
    N_("rumus.jumlah-komponen"), N_("rumus.nama-tidak-sah"), N_("rumus.nama-ganda"),
    N_("rumus.konsolidasi.sum"), N_("rumus.konsolidasi.average"), N_("rumus.konsolidasi.last"),
    N_("salin.sama"), N_("salin.tujuan_berisi"),
    N_("status.hijau"), N_("status.kuning"), N_("status.merah"), N_("status.abu-abu"),
    N_("sumber.penkin"), N_("sumber.sasaran_mutu"), N_("sumber.pnbp"), N_("sumber.lainnya"),
    N_("unggah.templat_realisasi"), N_("unggah.templat_iku"), N_("unggah.templat_komponen"), N_("unggah.templat_unit")
)
"""The keys the code looks up under a name it builds (``t(f"status.{s.value}")``) or passes around before ``t``
(``MasalahBasisData("gudang.sibuk", …)``): named here so that the extraction finds them."""


ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}

WARNA_STATUS = {
    Status.HIJAU: "#159c6a",
    Status.KUNING: "#f7ae18",
    Status.MERAH: "#9c110d",
    Status.ABU_ABU: "#d8dae0",
}
"""Traffic-light colours, told apart by lightness as well as hue.

A light green, an amber, a dark red and a pale grey: every pair stays more than
35 CIE76 units apart with normal vision and as simulated for protanopia,
deuteranopia and tritanopia (tests/web/test_warna.py), where the classic
green/red pair of equal lightness collapses into one olive. Write on them only
in ``WARNA_TEKS_STATUS`` (WCAG AA, at least 4.5:1), and never write text *in*
a status colour on a page: use the colour as a fill, a border or a marker.
"""

WARNA_TEKS_STATUS = {
    Status.HIJAU: "#111827",
    Status.KUNING: "#111827",
    Status.MERAH: "#ffffff",
    Status.ABU_ABU: "#111827",
}
"""The text colour on each status colour (contrast 5.1, 9.3, 8.4 and 12.7 to 1)."""

IKON_STATUS = {Status.HIJAU: "●", Status.KUNING: "▲", Status.MERAH: "■", Status.ABU_ABU: "○"}
"""A shape per status, so the light is told by more than its colour."""


def nama_status(status: Status) -> str:
    """'Hijau', 'Kuning', … for a status."""
    return t(f"status.{status.value}")


def label_status(status: Status) -> str:
    """Shape and word for a status, e.g. '● Hijau'."""
    return f"{IKON_STATUS[status]} {nama_status(status)}"


def nama_triwulan(triwulan: int) -> str:
    """'TW III' for 3."""
    return t("triwulan.nama", romawi=ROMAWI[triwulan])


def keterangan_alasan(alasan: AlasanAbu | None, triwulan_target: int | None = None) -> str:
    """Why an IKU is grey, in words; empty when it is not grey."""
    if alasan is None:
        return ""
    if alasan is AlasanAbu.BELUM_DIUKUR:
        if triwulan_target is None:
            return t("alasan.belum-diukur.tanpa")
        return t("alasan.belum-diukur", triwulan_target=nama_triwulan(triwulan_target))
    return t(f"alasan.{alasan.value}")


KOSONG = "—"


def _rentang_triwulan(triwulan: tuple[int, ...]) -> str:
    """'TW I–III' for consecutive quarters, else 'TW II, TW IV'."""
    if not triwulan:
        return ""
    if len(triwulan) > 1 and list(triwulan) == list(range(triwulan[0], triwulan[-1] + 1)):
        return f"{nama_triwulan(triwulan[0])}–{ROMAWI[triwulan[-1]]}"
    return ", ".join(nama_triwulan(q) for q in triwulan)


def jelaskan_capaian(r: RumusCapaian) -> str:
    """The capaian with its formula and numbers, in words an auditor can recompute.

    >>> from kinerja_core.model import Iku, Konsolidasi, Polaritas
    >>> from kinerja_core.rumus import rumus_capaian
    >>> waktu = Iku("U", "K", "Waktu layanan", Polaritas.MINIMIZE, Konsolidasi.SUM, 1, (5.0, 3.0, 2.0, None))
    >>> jelaskan_capaian(rumus_capaian(waktu, (4.0, 3.0, 1.0, None), 3))
    'Capaian = (2 − 8 / 10) × 100 = 120,00 % — polaritas minimize, konsolidasi jumlah TW I–III'
    """
    iku = r.iku
    akhir = t("rumus.akhir", polaritas=iku.polaritas.value, konsolidasi=t(f"rumus.konsolidasi.{iku.konsolidasi.value}"),
              triwulan=_rentang_triwulan(r.triwulan))
    if r.bentuk is None:
        return t("rumus.abu", alasan=keterangan_alasan(r.alasan, (iku.triwulan_terukur or (None,))[0])) + (
            akhir if r.triwulan else "")
    isian = {"r": angka(r.realisasi, 4), "t": angka(r.target, 4), "w": angka(iku.realisasi_terburuk, 4),
             "mentah": angka(r.mentah, 2, tetap=True), "nilai": angka(r.nilai, 2, tetap=True),
             "deviasi": angka(r.deviasi, 2, tetap=True)}
    kunci = r.bentuk.value
    if r.bentuk is Bentuk.STABILIZE and r.realisasi is not None and r.target and r.realisasi / r.target > 1:
        kunci += "-atas"
    teks = t(f"rumus.{kunci}", **isian)
    if r.dibatasi and r.bentuk is not Bentuk.KONVERSI_120:
        teks += t("rumus.dibatasi", nilai=isian["nilai"])
    return teks + akhir


def jelaskan_nko(r: RumusNko, batas_suku: int = 6) -> str:
    """The NKO as the weighted mean with its numbers (the terms themselves when there are few).

    >>> jelaskan_nko(RumusNko((("A", 30.0, 120.0), ("B", 70.0, 90.0)), 100.0, 9900.0, 99.0, 1, False))
    'NKO = Σ(bobot × capaian) / Σ bobot = (30 × 120 + 70 × 90) / (30 + 70) = 9.900 / 100 = 99,00 — 2 IKU terhitung, 1 abu-abu tidak dihitung'
    """
    if r.nilai is None:
        return t("rumus.nko_kosong")
    jumlah = t("rumus.nko_jumlah", n=len(r.suku)) + (t("rumus.nko_abu", abu=r.abu_abu) if r.abu_abu else "")
    if r.per_perspektif:
        return t("rumus.nko_perspektif", nilai=angka(r.nilai, 2, tetap=True)) + jumlah
    teks = t("rumus.nko_awal")
    if len(r.suku) <= batas_suku:
        teks += " = (" + " + ".join(f"{angka(b)} × {angka(c)}" for _, b, c in r.suku) + ") / (" + " + ".join(
            angka(b) for _, b, _ in r.suku) + ")"
    return teks + f" = {angka(r.jumlah_kali)} / {angka(r.jumlah_bobot)} = {angka(r.nilai, 2, tetap=True)}" + jumlah


def teks_kebutuhan(k: Kebutuhan, satuan: str = "") -> str:
    """What the rest of the year must bring, in words; the bound rounded the safe way (up for "paling
    sedikit", down for "paling banyak") so the figure said is enough.

    >>> from kinerja_core.kebutuhan import Keadaan, Makna
    >>> teks_kebutuhan(Kebutuhan(80, Keadaan.PERLU, Makna.JUMLAH, (4,), paling_sedikit=0.9512), "Rp miliar")
    'TW IV: jumlah paling sedikit Rp 960 juta'
    >>> teks_kebutuhan(Kebutuhan(100, Keadaan.PERLU, Makna.RATA_RATA, (3, 4), paling_banyak=8.5), "hari")
    'TW III–IV: rata-rata paling banyak 8,5 hari'
    """
    wajib = _rentang_triwulan(k.wajib_lapor)
    if k.keadaan is Keadaan.BELUM_DILAPOR:
        return t("kebutuhan.belum-dilapor", tw=wajib)
    if k.keadaan is not Keadaan.PERLU:
        return t(f"kebutuhan.{k.keadaan.value}")
    tw = _rentang_triwulan(k.triwulan_sisa)  # exactly the quarters still open: "TW I, TW IV", "TW III–IV"
    kali = 1 if k.bulat else 100  # counts are whole numbers: "3 jiwa", never "2,6 jiwa"
    bawah = None if k.paling_sedikit is None else math.ceil(round(k.paling_sedikit * kali, 6)) / kali
    atas = None if k.paling_banyak is None else math.floor(round(k.paling_banyak * kali, 6)) / kali
    if _bersatuan_sendiri(satuan):  # money and percentages carry their unit on each number: "Rp 960 juta"
        lo, hi = (None if v is None else nilai_satuan(v, satuan) for v in (bawah, atas))
        satu = ""
    else:
        lo, hi = (None if v is None else angka(v) for v in (bawah, atas))
        satu = f" {satuan.strip()}" if satuan and satuan.strip().lower() != "jumlah" else ""  # not "jumlah … jumlah"
    if lo is not None and hi is not None:
        batas = t("kebutuhan.antara", lo=lo, hi=hi)
    else:
        batas = t("kebutuhan.paling_sedikit", nilai=lo) if lo is not None else t("kebutuhan.paling_banyak", nilai=hi)
    awal = t("kebutuhan.wajib_lapor", tw=wajib) if wajib else ""
    return awal + t("kebutuhan.perlu", tw=tw, makna=t(f"kebutuhan.makna.{k.makna.value}"), batas=batas, satuan=satu)


def besaran() -> tuple[tuple[float, str, str], ...]:
    """Large-value units of the current language, biggest first, from Babel's compact forms: what a chart's
    axis divides by, its short sign and its word (Indonesian 6 M is 6 miliar, English 6 B is 6 billion).

    >>> besaran()
    ((1000000000000.0, 'T', 'triliun'), (1000000000.0, 'M', 'miliar'), (1000000.0, 'jt', 'juta'))
    >>> with dalam_bahasa("en"):
    ...     [pendek for _, pendek, _ in besaran()]
    ['T', 'B', 'M']
    """
    return _BESARAN[_BAHASA.get()]


def uraian_komponen(rumus: RumusKomponen, nilai: Mapping[str, float | None]) -> str:
    """The komponen behind a realisasi in words, each name with its underscores as spaces; '—' for a komponen
    not yet reported.

    >>> from kinerja_core.komponen import baca_rumus
    >>> uraian_komponen(baca_rumus("rasio(tepat_waktu; layanan)"), {"tepat_waktu": 481, "layanan": 500})
    '481 tepat waktu dari 500 layanan'
    >>> uraian_komponen(baca_rumus("jumlah(kpp_bogor; kpp_depok)"), {"kpp_bogor": 120.5})
    'kpp bogor 120,5 + kpp depok —'
    """
    def isi(nama: str) -> str:
        v = nilai.get(nama)
        return KOSONG if v is None or not math.isfinite(v) else angka(v)

    nama = [k.replace("_", " ") for k in rumus.komponen]
    if rumus.bentuk is BentukKomponen.RASIO:
        return t("komponen.dari", a=isi(rumus.komponen[0]), nama_a=nama[0], b=isi(rumus.komponen[1]), nama_b=nama[1])
    tanda = " + " if rumus.bentuk is BentukKomponen.JUMLAH else " − "
    return tanda.join(f"{n} {isi(k)}" for n, k in zip(nama, rumus.komponen))


def uraian_realisasi_komponen(rumus: RumusKomponen, nilai: Mapping[str, float | None]) -> str:
    """The realisasi a quarter's komponen make, then the komponen in words: '96,2 (481 tepat waktu dari 500
    layanan)'; '—' first when it cannot be computed yet (a komponen missing, a rasio over 0).

    >>> from kinerja_core.komponen import baca_rumus
    >>> uraian_realisasi_komponen(baca_rumus("rasio(tepat_waktu; layanan)"), {"tepat_waktu": 481, "layanan": 500})
    '96,2 (481 tepat waktu dari 500 layanan)'
    """
    hasil = rumus.hitung(nilai)
    return f"{KOSONG if hasil is None else angka(hasil)} ({uraian_komponen(rumus, nilai)})"


def teks_tahun_lalu(sekarang: float | None, capaian_lalu: float | None, status_lalu: Status) -> str:
    """An IKU's capaian a year earlier, its light, and the change to now in points.

    >>> teks_tahun_lalu(103.0, 98.5, Status.HIJAU), teks_tahun_lalu(72.06, 85.0, Status.KUNING)
    ('98,50 % · ● Hijau (+4,50)', '85,00 % · ▲ Kuning (−12,94)')
    """
    teks = f"{persen(capaian_lalu)} · {label_status(status_lalu)}"
    if capaian_lalu is not None and sekarang is not None:
        beda = sekarang - capaian_lalu
        teks += f" ({'+' if beda >= 0 else '−'}{angka(abs(beda), tetap=True)})"
    return teks


def persen(nilai: float | None, desimal: int = 2) -> str:
    """A capaian or an NKO as the current language writes a percentage, decimals kept.

    >>> persen(90.9), persen(None)
    ('90,90 %', '—')
    >>> with dalam_bahasa("en"):
    ...     persen(1402.5, 1)
    '1,402.5%'
    """
    if nilai is None or pd.isna(nilai):
        return KOSONG
    return _PERSEN[_BAHASA.get()].format(angka(nilai, desimal, tetap=True))


def uang(rupiah: float, desimal: int = 2) -> str:
    """An amount of rupiah with the currency and, from a million up, the word for its size (Babel's long compact
    form), as the current language says it.

    >>> uang(5.7e9), uang(750_000), uang(-1.25e12)
    ('Rp 5,7 miliar', 'Rp 750.000', 'Rp -1,25 triliun')
    >>> with dalam_bahasa("en"):
    ...     uang(5.7e9)
    'IDR 5.7 billion'
    """
    lokal = _LOKAL[_BAHASA.get()]
    if abs(rupiah) >= 1e6:
        teks = format_compact_decimal(rupiah, format_type="long", locale=lokal, fraction_digits=desimal)
    else:
        teks = angka(rupiah, desimal)
    return f"{get_currency_symbol('IDR', lokal)} {teks}"


def _kunci_satuan(satuan: str | None) -> str:
    """A satuan as looked up: lower case, dots and runs of spaces as one space ('Rp. Miliar' is 'rp miliar')."""
    return " ".join((satuan or "").replace(".", " ").lower().split())


def _bersatuan_sendiri(satuan: str | None) -> bool:
    """Whether values of this satuan are written with their unit on each number (money, percentages)."""
    kunci = _kunci_satuan(satuan)
    return kunci in _RUPIAH or kunci == "%"


def nilai_satuan(nilai: float | None, satuan: str | None) -> str:
    """A target or realisasi with its satuan: money in the language's currency style, a percentage as one,
    anything else as the number followed by its unit.

    >>> nilai_satuan(5.7, "Rp miliar"), nilai_satuan(96.23, "%"), nilai_satuan(3, "hari"), nilai_satuan(4, "")
    ('Rp 5,7 miliar', '96,23 %', '3 hari', '4')
    >>> with dalam_bahasa("en"):
    ...     nilai_satuan(5.7, "Rp. Miliar"), nilai_satuan(96.23, "%")
    ('IDR 5.7 billion', '96.23%')
    """
    if nilai is None or pd.isna(nilai):
        return KOSONG
    kunci = _kunci_satuan(satuan)
    if kunci in _RUPIAH:
        return uang(nilai * _RUPIAH[kunci])
    if kunci == "%":
        return _PERSEN[_BAHASA.get()].format(angka(nilai))
    return angka(nilai) + (f" {satuan.strip()}" if satuan and satuan.strip() else "")


def angka(nilai: object, desimal: int = 2, *, tetap: bool = False) -> str:
    """A value as the current language writes it (Indonesian: thousands dots, decimal comma; English: the
    other way round; the symbols from Babel's locale data), no trailing zeros (unless ``tetap``).

    >>> angka(5700000000.5), angka(90.9), angka(120.0), angka(None), angka("TW I"), angka(pd.Timestamp("2019-12-20"))
    ('5.700.000.000,5', '90,9', '120', '—', 'TW I', '20/12/2019')
    >>> angka(103.0, tetap=True)
    '103,00'
    >>> pakai_bahasa("en"); angka(5700000000.5), angka(True); pakai_bahasa("id")
    ('5,700,000,000.5', 'yes')
    """
    if nilai is None or (not isinstance(nilai, str) and pd.api.types.is_scalar(nilai) and pd.isna(nilai)):
        return KOSONG
    if isinstance(nilai, (datetime.date, pd.Timestamp)):
        return tanggal_pendek(nilai)
    if isinstance(nilai, bool):
        return t("angka.ya") if nilai else t("angka.tidak")
    if not isinstance(nilai, (int, float)):
        return str(nilai)
    teks = f"{nilai:,.{desimal}f}"
    if desimal and not tetap:
        teks = teks.rstrip("0").rstrip(".")
    tanda_desimal, tanda_ribuan = _SIMBOL[_BAHASA.get()]
    return teks.replace(",", "\x00").replace(".", tanda_desimal).replace("\x00", tanda_ribuan)


_POLA_TANGGAL = dict.fromkeys(BAHASA, "d MMM y") | {"id": "dd/MM/y", "en": "d MMM y"}
"""A short date as each language writes it: 30/11/2026; 30 Nov 2026 (English day/month order is ambiguous)."""


def tanggal_pendek(tanggal: datetime.date) -> str:
    """A date in a table or a line of notes, through the locale.

    >>> tanggal_pendek(datetime.date(2026, 11, 30))
    '30/11/2026'
    >>> with dalam_bahasa("en"):
    ...     tanggal_pendek(datetime.date(2026, 11, 30))
    '30 Nov 2026'
    """
    tanggal = tanggal.date() if isinstance(tanggal, pd.Timestamp) else tanggal
    return format_date(tanggal, _POLA_TANGGAL[_BAHASA.get()], locale=_LOKAL[_BAHASA.get()])


BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")


def tanggal_panjang(tanggal: datetime.date | None) -> str:
    """A date written out the Indonesian way, for a meeting's details.

    >>> tanggal_panjang(datetime.date(2019, 10, 2)), tanggal_panjang(None)
    ('2 Oktober 2019', '—')
    """
    if tanggal is None:
        return KOSONG
    if _BAHASA.get() != "id":
        return format_date(tanggal, "d MMMM y", locale=_LOKAL[_BAHASA.get()])
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


IKON_TAHAP = {Tahap.DRAF: "✎", Tahap.DIAJUKAN: "➜", Tahap.TERVERIFIKASI: "✓", Tahap.DIKEMBALIKAN: "↩",
              Tahap.FINAL: "◆"}
"""A mark per stage of the reporting cycle beside its word, for a table read on a projector (never colour alone);
none of them is a status light's shape (``IKON_STATUS``)."""


def nama_tahap(tahap: Tahap | str) -> str:
    """'✓ Terverifikasi': a stage's mark and word.

    >>> nama_tahap("terverifikasi")
    '✓ Terverifikasi'
    """
    tahap = Tahap(tahap)
    return f"{IKON_TAHAP[tahap]} {t(f'tahap.{tahap.value}')}"


def legenda_tahap() -> str:
    """'Tahap angka: ✎ Draf · ➜ Diajukan · ✓ Terverifikasi · ↩ Dikembalikan · ◆ Final': what each stage mark means,
    one line on every page and on the Dialog."""
    return t("tahap_layar.legenda", daftar=" · ".join(nama_tahap(s) for s in Tahap))
