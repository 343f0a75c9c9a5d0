"""The Laporan Dialog Kinerja as a model (``kinerja.dokumen.dko``): the meeting's details, NKO, lights and each
IKU discussed as the deck has them, with every figure that of ``python -m kinerja score --format json`` for the unit
and its sub-units; both languages; hostile meeting text as stored; a quarter without a meeting refused."""

from __future__ import annotations

import datetime
import importlib
import io

import pytest

from kinerja.dokumen import DokumenDitolak, Permintaan, dko
from kinerja.dokumen.model import Butir, Dokumen, Judul, Paragraf, TandaTangan
from kinerja.rapat import dialog
from kinerja.rapat.simpan import simpan_rapat
from kinerja.store import Storage
from kinerja.texts import dalam_bahasa, t
from kinerja_core.akses import Pelaku
from kinerja_core.model import Status
from tests import jahat
from tests.dokumen.bantu import semua_teks, skor_json, tabel
from tests.dokumen.test_triwulan import KATA_TERLARANG, baris_per_kode

RAPAT = dict(tanggal=datetime.date(2019, 10, 2), tempat="Aula KPPBC Bogor", pimpinan="Kepala Kantor",
             peserta="Kasi PKC\nKasi P2\nKasubag Umum",
             arahan=[dialog.Arahan("Percepat penagihan BGR-03", "Kasi PKC", datetime.date(2019, 10, 31)),
                     dialog.Arahan("Sosialisasi IKM sebelum survei TW IV")])


def rapat(storage: Storage, unit: str = "KPPBCBOGOR", tahun: int = 2019, q: int = 3, **isian) -> None:
    simpan_rapat(storage, unit, tahun, q, pelaku=Pelaku.sistem("Sekretaris DKO"), **{**RAPAT, **isian})


def notulen(storage: Storage, unit: str = "KPPBCBOGOR", tahun: int = 2019, q: int = 3, bahasa: str = "id",
            **isian) -> Dokumen:
    return dko.susun(storage, Permintaan("dko", tahun, unit, q, bahasa=bahasa, **isian))


def test_tanpa_rapat_ditolak(storage):
    with pytest.raises(dko.TidakAdaRapat) as e:
        notulen(storage)
    assert (e.value.kode_unit, e.value.tahun, e.value.triwulan) == ("KPPBCBOGOR", 2019, 3)
    assert isinstance(e.value, LookupError) and isinstance(e.value, DokumenDitolak)  # the gate's refusal: exit 1
    assert str(e.value).startswith("Belum ada Dialog Kinerja KPPBCBOGOR yang tercatat untuk TW III 2019")
    rapat(storage, q=2)  # a meeting of another quarter is not this one's
    with pytest.raises(dko.TidakAdaRapat), dalam_bahasa("en"):
        notulen(storage, bahasa="en")
    with dalam_bahasa("en"):
        assert str(e.value).startswith("No Dialog Kinerja of KPPBCBOGOR is recorded for TW III 2019")


@pytest.mark.parametrize(("unit", "tahun", "q"), [("KPPBCBOGOR", 2019, 3), ("BPPT", 2017, 2), ("KWBCJABAR", 2019, 2)])
@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_angka_sama_dengan_score(db_contoh, unit, tahun, q, bahasa):
    storage = Storage(db_contoh)
    rapat(storage, unit, tahun, q)
    dok = notulen(storage, unit, tahun, q, bahasa)
    skor = skor_json(db_contoh, tahun, q, unit, sub_unit=True)
    with dalam_bahasa(bahasa):
        # one section per IKU of the unit and its sub-units, in score's order
        judul = [b.teks for b in dok.isi if isinstance(b, Judul) and b.tingkat == 2 and " · " in b.teks]
        assert judul == [f"{r['kode_iku']} · {r['nama_iku']}" for r in skor["iku"]]
        for r in skor["iku"]:  # the quarter's row of each IKU's table: the year-to-date figures of score
            progres = tabel(dok, f"{r['kode_iku']} · {t('dok.dko.progres')}")
            b = progres.baris[q - 1]
            assert (b[3].angka, b[4].angka, b[5].angka) == (r["target"], r["realisasi"], r["capaian"]), r["kode_iku"]
            assert b[6].status is Status(r["status"])
        nko = next(n for n in skor["nko"] if n["kode_unit"] == unit)["nko"]
        teks = "\n".join(semua_teks(dok))
        assert dialog.susun(storage.baca(tahun, unit), unit, q).ringkasan.nko.nilai == nko
        if nko is not None:
            assert f": {dko.angka(nko, 2, tetap=True)} · " in teks
        per = tabel(dok, t("dialog.per_perspektif"))
        jumlah = {s: sum(int(b[1 + i].teks) for b in per.baris) for i, s in enumerate(Status)}
        assert jumlah == {s: sum(r["status"] == s.value for r in skor["iku"]) for s in Status}
        assert not KATA_TERLARANG.search(teks)


def test_isi_seperti_deck(storage):
    rapat(storage)
    dok = notulen(storage)
    assert dok.judul == "Laporan Dialog Kinerja Organisasi" and dok.nama_berkas == "dko_KPPBCBOGOR_2019_tw3"
    assert dok.sub_judul == ("KPPBC TMP A Bogor", "KPPBC TMP A Bogor · Tahun 2019 · s.d. TW III")
    rincian = {b[0].teks: b[1].teks for b in tabel(dok, "Rapat").baris}
    assert rincian == {"Tanggal rapat": "2 Oktober 2019", "Tempat": "Aula KPPBC Bogor", "Pimpinan rapat": "Kepala Kantor",
                       "Peserta": "3 peserta"}
    butir = [b.isi for b in dok.isi if isinstance(b, Butir)]
    assert ("Kasi PKC", "Kasi P2", "Kasubag Umum") in butir
    # the arahan, each with who carries it out and by when (issue 31)
    arahan = tabel(dok, "Arahan pimpinan")
    assert arahan.kolom == ("No.", "Arahan / keputusan", "PIC", "Tenggat")
    assert [[s.teks for s in b] for b in arahan.baris] == [
        ["1", "Percepat penagihan BGR-03", "Kasi PKC", "31/10/2019"],
        ["2", "Sosialisasi IKM sebelum survei TW IV", "—", "—"]]
    paragraf = [b.teks for b in dok.isi if isinstance(b, Paragraf)]
    assert "16 IKU: 15 hijau, 1 abu-abu" in paragraf
    assert "NKO KPPBC TMP A Bogor: 105,96 · ● Hijau" in paragraf
    perhatian = baris_per_kode(tabel(dok, "IKU yang perlu perhatian"), "Kode IKU")
    assert list(perhatian) == ["BGR-05"] and perhatian["BGR-05"][4].status is Status.ABU_ABU
    # a komponen IKU says what its realisasi is made of; the notes of the quarter under each IKU
    assert any("Realisasi dihitung dari komponennya, TW III: 78 indikator terpenuhi dari 100 indikator" in p
               for p in paragraf)
    assert any(p.startswith("Kendala: Realisasi penerimaan bergantung") for p in paragraf)
    assert isinstance(dok.isi[-1], TandaTangan)
    assert dok.isi[-1].blok[0].tempat_tanggal.endswith("2 Oktober 2019")  # signed on the meeting's day


def test_rapat_belum_lengkap(storage):
    rapat(storage, tempat="", pimpinan="", peserta="", arahan="")
    dok = notulen(storage, bahasa="en")
    rincian = {b[0].teks: b[1].teks for b in tabel(dok, "Meeting").baris}
    assert rincian["Venue"] == rincian["Chaired by"] == rincian["Participants"] == "not filled in"
    arahan = tabel(dok, "Leadership directives")
    assert not arahan.baris and arahan.kosong == "No directives recorded yet."


def test_bahasa_inggris(storage):
    rapat(storage)
    dok = notulen(storage, bahasa="en")
    assert dok.bahasa == "en" and dok.sub_judul[1] == "KPPBC TMP A Bogor · Year 2019 · through TW III"
    rincian = {b[0].teks: b[1].teks for b in tabel(dok, "Meeting").baris}
    assert rincian["Meeting date"] == "2 October 2019" and rincian["Participants"] == "3 participants"
    progres = tabel(dok, "BGR-03 · by quarter")
    assert [s.teks for s in progres.baris[2]] == ["TW III", "95", "98.4", "95", "96.23", "101.30%", "● Green"]


def test_teks_jahat_tetap_seperti_tersimpan(db_contoh):
    jahat.simpan_jahat(db_contoh)
    storage = Storage(db_contoh)
    dok = notulen(storage)
    rincian = {b[0].teks: b[1].teks for b in tabel(dok, "Rapat").baris}
    assert rincian["Tempat"] == jahat.RAPAT["tempat"] and rincian["Pimpinan rapat"] == jahat.RAPAT["pimpinan"]
    arahan = [[s.teks for s in b[1:3]] for b in tabel(dok, "Arahan pimpinan").baris]
    assert arahan == [*([a.teks, a.pic] for a in jahat.RAPAT["arahan"][:2]), ["# JAHAT arahan", "—"]]  # as typed
    assert dok.sub_judul[0] == jahat.NAMA_BOGOR
    teks = list(semua_teks(dok))
    assert any(jahat.HTML_JAHAT in x and x.startswith("BGR-01 · Penerimaan bea masuk") for x in teks)
    assert any(f"Kendala {jahat.HTML_JAHAT}\n\n{jahat.MD_JAHAT}" in x for x in teks)
    assert f"Catatan aksi {jahat.HTML_JAHAT}\n\n{jahat.MD_JAHAT}" in teks  # the TW I action's note, one cell


@pytest.mark.parametrize("format", ["pdf", "docx"])
def test_render(storage, format):
    modul = importlib.import_module(f"kinerja.dokumen.{format}")
    rapat(storage)
    data = modul.render(notulen(storage))
    assert data[:4] == (b"%PDF" if format == "pdf" else b"PK\x03\x04")
    if format == "docx":
        from docx import Document

        teks = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
        assert "NKO KPPBC TMP A Bogor: 105,96 · ● Hijau" in teks


def test_kode_iku_kembar_antar_unit(storage):
    from kinerja.masuk.importing import rencanakan, terapkan

    pelaku = Pelaku.sistem("uji")
    iku = ("tahun;kode_unit;kode_iku;nama_iku;sasaran_strategis;perspektif;satuan;polaritas;konsolidasi;bobot;"
           "target_tw1;target_tw2;target_tw3;target_tw4\n"
           "2019;KPPBCBEKASI;BGR-01;Penerimaan Bekasi;Penerimaan;Stakeholder;Rp miliar;maximize;sum;1;1;1;1;1\n")
    rencana = rencanakan([("iku.csv", iku.encode())], storage, pelaku)
    assert rencana.sah
    terapkan(rencana, storage, pelaku)
    rapat(storage, "KWBCJABAR")
    judul = [b.judul for b in notulen(storage, "KWBCJABAR").tabel()]
    assert "KPPBCBOGOR BGR-01 · per triwulan" in judul and "KPPBCBEKASI BGR-01 · per triwulan" in judul
    assert "BGR-02 · per triwulan" in judul and len(set(judul)) == len(judul)  # every caption (a sheet) its own
