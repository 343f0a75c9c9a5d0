"""The message catalogues (kinerja/locale) against the code: one check over the extraction, and plurals.

``test_katalog_cocok_dengan_kode`` runs the extraction (what ``pybabel extract`` finds) and compares every
catalogue with it: a message used and missing, a message kept and unused, a plural used as a plain message (or
the other way), a plural short of forms, a fuzzy or empty entry, a ``{placeholder}``, Markdown edge or line break
that differs from the Indonesian text, an English text left in Indonesian, and a stale messages.pot.
"""

from __future__ import annotations

import datetime
import os
import re
import string
from collections import defaultdict
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

import kinerja.locale as lokal
from kinerja.locale import FOLDER, bahasa_tersedia, pesan_kode, po
from kinerja.texts import BAHASA, dalam_bahasa, jelaskan_nko, t, teks_tahun_lalu, tn, uang
from kinerja_core.model import Status
from kinerja_core.rumus import RumusNko

KODE_DAN_NAMA = ("Dialog Kinerja Organisasi", "Dialog Kinerja", "IKU", "NKO", "PIC", "TW")
"""Codes and proper names that stay as they are in English: an Indonesian text made only of these (and
placeholders and punctuation) may be the English text too, e.g. "{n} IKU: {rincian}" or "TW {romawi}"."""

SAMA_DALAM_BAHASA_INGGRIS = {
    # the Indonesian word is also the English one
    "filter.unit": "Unit",
    "kolom.nama_unit": "Unit",
    "jejak.kolom.unit": "Unit",
    "jenis.unit": "unit",
    "filter.status": "Status",
    "kolom.status": "Status",
    "aksi.status": "Status",
    "jejak.cara.sistem": "operator",
    "agregasi.minimum": "minimum",
    "dialog.asal": "Realisasi {teks}",  # realisasi is the product's term in both languages
    "tahap.final": "Final",
    "pemantauan.kolom.final": "Final",
    "pemantauan.unit": "Unit",
}


def _kunci(pesan: str | tuple[str, ...]) -> str:
    return pesan if isinstance(pesan, str) else pesan[0]


def _isian(teks: str) -> list[tuple[str, str | None, str | None]]:
    """The replacement fields of a format string: (name, conversion, format spec), sorted."""
    return sorted((nama, konversi, bentuk) for _, nama, bentuk, konversi in string.Formatter().parse(teks)
                  if nama is not None)


def _harfiah(teks: str) -> str:
    return "".join(potongan for potongan, *_ in string.Formatter().parse(teks))


def _tepi(teks: str) -> tuple[list[str], int]:
    """What an appended text keeps: its leading and trailing spaces, and its number of line breaks."""
    return re.findall(r"^\s*|\s*$", teks), teks.count("\n")


def _baca(kode: str) -> Catalog:
    with po(kode).open("rb") as f:
        return read_po(f, locale=kode)


def _bentuk(pesan) -> tuple[str, ...]:
    return tuple(pesan.string) if isinstance(pesan.string, (list, tuple)) else (pesan.string,)


def masalah_katalog() -> list[str]:
    """Everything wrong between the code's messages and the catalogues, one line each."""
    masalah: list[str] = []
    dipakai: dict[str, set[bool]] = defaultdict(set)  # key → used as a plural?
    tempat: dict[str, str] = {}
    for pesan, (berkas, baris) in pesan_kode():
        dipakai[_kunci(pesan)].add(not isinstance(pesan, str))
        tempat.setdefault(_kunci(pesan), f"{berkas}:{baris}")
    for k, jenis in dipakai.items():
        if len(jenis) > 1:
            masalah.append(f"{k}: used both with t and with tn ({tempat[k]})")
    katalog = {kode: _baca(kode) for kode in bahasa_tersedia()}
    if "id" not in katalog:
        return ["no Indonesian catalogue"]
    asal = {m.id if isinstance(m.id, str) else m.id[0]: m for m in katalog["id"] if m.id}
    for kode, kat in katalog.items():
        if kat.locale is None or str(kat.locale) != kode:
            masalah.append(f"{kode}: the Language header says {kat.locale}")
        isi = {_kunci(m.id): m for m in kat if m.id}
        for k in sorted(set(dipakai) - set(isi)):
            masalah.append(f"{kode}: {k} is used ({tempat[k]}) but not in the catalogue")
        for k in sorted(set(isi) - set(dipakai)):
            masalah.append(f"{kode}: {k} is in the catalogue but no code uses it")
        for k, m in isi.items():
            bentuk = _bentuk(m)
            if m.fuzzy:
                masalah.append(f"{kode}: {k} is marked fuzzy (not used until confirmed)")
            if k in dipakai and m.pluralizable != (True in dipakai[k]):
                masalah.append(f"{kode}: {k} is {'' if m.pluralizable else 'not '}a plural entry, but the code "
                               f"uses it with {'tn' if True in dipakai[k] else 't'}")
            if m.pluralizable and len(bentuk) != kat.num_plurals:
                masalah.append(f"{kode}: {k} has {len(bentuk)} plural forms, Plural-Forms says {kat.num_plurals}")
            if not all(b and b.strip() for b in bentuk):
                masalah.append(f"{kode}: {k} has an empty form")
                continue
            if k not in asal:
                continue
            induk = _bentuk(asal[k])[0]
            for b in bentuk:
                if _isian(b) != _isian(induk):
                    masalah.append(f"{kode}: {k} has placeholders {_isian(b)}, the Indonesian {_isian(induk)}")
                elif _tepi(b) != _tepi(induk):
                    masalah.append(f"{kode}: {k} differs from the Indonesian text in leading/trailing spaces or "
                                   f"line breaks: {b!r}")
                else:
                    try:
                        b.format(**{nama: "x" for nama, _, _ in _isian(induk)})
                    except (ValueError, KeyError, IndexError) as e:
                        masalah.append(f"{kode}: {k} does not format ({e!r}): {b!r}")
            if kode == "en" and k != "bahasa.nama" and induk in bentuk:
                sisa = _harfiah(induk)
                for kata in KODE_DAN_NAMA:
                    sisa = sisa.replace(kata, "")
                if any(c.isalpha() for c in sisa) and SAMA_DALAM_BAHASA_INGGRIS.get(k) != induk:
                    masalah.append(f"en: {k} is not translated: {induk!r}")
    for k, teks in SAMA_DALAM_BAHASA_INGGRIS.items():  # the allow-list does not go stale
        if "en" in katalog and not (k in asal and _bentuk(asal[k])[0] == teks == _bentuk(katalog["en"][k])[0]):
            masalah.append(f"test allow-list: {k} is no longer {teks!r} in both catalogues")
    with (FOLDER / "messages.pot").open("rb") as f:
        pot = {(_kunci(m.id), m.pluralizable) for m in read_po(f) if m.id}
    if pot != {(k, True in j) for k, j in dipakai.items()}:
        masalah.append("kinerja/locale/messages.pot is out of date: run python -m kinerja.locale")
    return masalah


def test_katalog_cocok_dengan_kode():
    masalah = masalah_katalog()
    assert not masalah, "\n".join(masalah)


def test_pemeriksaan_menemukan_kesalahan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The check itself: a catalogue missing a message, with a changed placeholder and an extra entry fails."""
    for kode in bahasa_tersedia():
        (tmp_path / kode / "LC_MESSAGES").mkdir(parents=True)
        teks = po(kode).read_text(encoding="utf-8")
        if kode == "en":
            teks = teks.replace('msgid "status.hijau"\nmsgstr "Green"\n', "")
            teks = teks.replace('msgstr "Realisasi {teks}"', 'msgstr "Actual {text}"')
            teks = teks.replace('msgstr[0] "{n} participant"\n', "")
            teks += '\nmsgid "tidak.dipakai"\nmsgstr "unused"\n'
        (tmp_path / kode / "LC_MESSAGES" / "kinerja.po").write_text(teks, encoding="utf-8")
    (tmp_path / "messages.pot").write_bytes((FOLDER / "messages.pot").read_bytes())
    monkeypatch.setattr(lokal, "FOLDER", tmp_path)
    masalah = "\n".join(masalah_katalog())
    assert "en: status.hijau is used" in masalah
    assert "en: dialog.asal has placeholders [('text', None, '')]" in masalah
    assert "en: dialog.jumlah_peserta has an empty form" in masalah
    assert "en: tidak.dipakai is in the catalogue but no code uses it" in masalah
    assert not [baris for baris in masalah.splitlines() if baris.startswith("id:")]


def test_jamak_bahasa_inggris():
    """English counts one and many; Indonesian has one form (Plural-Forms: nplurals=1)."""
    with dalam_bahasa("en"):
        assert tn("dialog.jumlah_peserta", 1) == "1 participant"
        assert tn("dialog.jumlah_peserta", 2) == "2 participants"
        assert tn("dialog.jumlah_peserta", 0) == "0 participants"
        assert tn("jejak.jumlah", 1, zona="Asia/Jakarta") == "1 row · times in time zone Asia/Jakarta"
        assert tn("masuk.tunggu", 1) == "Too many failed attempts. Try again in 1 second."
        assert tn("ringkasan.prognosis_menurun", 1).startswith("**1 IKU green today is heading")
        assert tn("ringkasan.prognosis_menurun", 3).startswith("**3 IKU green today are heading")
        assert tn("galat.lebih_banyak", 1234, n="1,234") == "… and 1,234 more errors"
    assert tn("dialog.jumlah_peserta", 1) == "1 peserta"
    assert tn("dialog.jumlah_peserta", 12) == "12 peserta"


def test_teks_indonesia_tidak_berubah():
    """Indonesian output, byte for byte as the old hand-kept tables gave it (captured before the move)."""
    assert t("app.judul") == "Dasbor Kinerja"
    assert t("status.abu-abu") == "Abu-abu"
    assert t("ringkasan.sub", unit="KPPBC Bogor", tahun=2019, romawi="III") == (
        "KPPBC Bogor · Tahun 2019 · s.d. TW III")
    assert t("alasan.belum-diukur", triwulan_target="TW II") == "belum diukur; target mulai TW II"
    assert t("rumus.nko_abu", abu=2) == ", 2 abu-abu tidak dihitung"
    assert t("kolom.capaian") == "Capaian (%)"
    assert tn("galat.xlsx_sel_lain", 3) == " dan 3 sel lain"
    assert tn("unggah.jenis", 1, berkas="iku.csv", jenis="iku") == "iku.csv: berkas iku, 1 baris"
    assert tn("ringkasan.prognosis_menurun", 1) == (
        "**1 IKU hijau hari ini menuju kuning atau merah** bila lajunya tetap:")
    assert t("peringatan.minimum_minimize", berkas="iku.csv", daftar="A-1") == (
        "iku.csv: agregasi_anak minimum mengambil nilai terkecil tanpa melihat polaritas; pada IKU minimize (A-1) "
        "itu kantor terbaik, bukan yang terburuk. Pakai `terburuk` bila yang dimaksud kantor terburuk.")
    assert jelaskan_nko(RumusNko((("A", 30.0, 120.0), ("B", 70.0, 90.0)), 100.0, 9900.0, 99.0, 1, False)) == (
        "NKO = Σ(bobot × capaian) / Σ bobot = (30 × 120 + 70 × 90) / (30 + 70) = 9.900 / 100 = 99,00 — 2 IKU "
        "terhitung, 1 abu-abu tidak dihitung")
    assert teks_tahun_lalu(103.0, 98.5, Status.HIJAU) == "98,50 % · ● Hijau (+4,50)"
    assert uang(5.7e9) == "Rp 5,7 miliar"


def test_nama_bahasa_dalam_bahasanya_sendiri():
    assert BAHASA[:2] == ("id", "en")
    for kode in ("id", "en"):
        with dalam_bahasa(kode):
            assert (t("bahasa.id"), t("bahasa.en")) == ("Bahasa Indonesia", "English")


def test_kunci_tidak_ada_bukan_teks():
    """A key no catalogue has is an error, never shown as the key itself."""
    with pytest.raises(KeyError):
        t("tidak.ada.kunci.ini")
    with pytest.raises(KeyError):
        tn("status.hijau", 2)  # a plain message asked for as a plural


def test_mo_dikompilasi_saat_mulai(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """No .mo (a fresh clone): compiled from the .po and written next to it; a read-only folder compiles in
    memory; a .po newer than its .mo is compiled again."""
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "kinerja.po").write_bytes(po("en").read_bytes())
    monkeypatch.setattr(lokal, "FOLDER", tmp_path)
    mo = folder / "kinerja.mo"
    isi = lokal._mo("en")
    assert mo.read_bytes() == isi and b"participants" in isi
    mo.unlink()

    def tidak_boleh(*_, **__):
        raise PermissionError("read-only")

    monkeypatch.setattr(lokal.tempfile, "mkstemp", tidak_boleh)
    assert lokal._mo("en") == isi and not mo.exists()
    monkeypatch.undo()
    monkeypatch.setattr(lokal, "FOLDER", tmp_path)
    mo.write_bytes(b"stale")
    lama = datetime.datetime(2020, 1, 1).timestamp()
    os.utime(mo, (lama, lama))
    assert lokal._mo("en") == isi


def test_bahasa_ketiga_satu_berkas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A third language is one .po file: it is found, compiled, and speaks its own plural rule."""
    for kode in ("id", "en"):
        (tmp_path / kode / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / kode / "LC_MESSAGES" / "kinerja.po").write_bytes(po(kode).read_bytes())
    (tmp_path / "ms" / "LC_MESSAGES").mkdir(parents=True)
    teks = po("en").read_text(encoding="utf-8").replace('"Language: en\\n"', '"Language: ms\\n"')
    teks = teks.replace('msgstr "English"', 'msgstr "Bahasa Melayu"').replace('"{n} participant"', '"{n} peserta"')
    (tmp_path / "ms" / "LC_MESSAGES" / "kinerja.po").write_text(teks, encoding="utf-8")
    monkeypatch.setattr(lokal, "FOLDER", tmp_path)
    monkeypatch.setattr(lokal, "_TERJEMAHAN", {})
    assert bahasa_tersedia() == ["en", "id", "ms"]
    ms = lokal.terjemahan("ms")
    assert ms.gettext("bahasa.nama") == "Bahasa Melayu"
    assert ms.ngettext("dialog.jumlah_peserta", "dialog.jumlah_peserta", 1).format(n=1) == "1 peserta"


def test_kalimat_dengan_dua_hitungan_jamak_masing_masing():
    """Two counts in one sentence: each noun agrees with its own count ('1 revision, 12 rows', never
    '1 revisions'); Indonesian reads as before."""
    from kinerja.texts import dalam_bahasa, t, tn

    def salin() -> str:
        return t("cli.disalin", dari="a", ke="b", revisi=tn("jumlah.revisi", 1), baris=tn("jumlah.baris", 12))

    def batal() -> str:
        return t("riwayat.tinjau_judul", id=3, berubah=tn("jumlah.baris", 1), dihapus=tn("jumlah.baris", 0),
                 sama=tn("jumlah.baris", 2))

    with dalam_bahasa("en"):
        assert salin() == "Copied from a to b: 1 revision, 12 rows in all."
        assert batal().startswith("Undoing revision 3 will change 1 row and delete 0 rows (2 rows unchanged).")
    with dalam_bahasa("id"):
        assert salin() == "Disalin dari a ke b: 1 revisi, 12 baris seluruhnya."
        assert batal().startswith("Membatalkan revisi 3 akan mengubah 1 baris dan menghapus 0 baris (2 baris tetap")
