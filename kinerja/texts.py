"""Every word a user reads, in one place: Bahasa Indonesia and English (``texts_en``).

``t("kunci", isian=...)`` formats one entry in the current language (``pakai_bahasa``: the app sets the
session's choice at the start of every run; the command line speaks Indonesian). Numbers and dates follow
the language's conventions from Babel's locale data (``1.402,5`` / ``1,402.5``, ``2 Oktober 2019`` /
``2 October 2019``). Status and reason codes from the core are turned into words here too, so the core stays
free of UI language.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from babel.dates import format_date
from babel.numbers import format_compact_decimal, get_currency_symbol, get_decimal_symbol, get_group_symbol

import pandas as pd

from kinerja.texts_en import TEKS_EN
from kinerja_core.kebutuhan import Keadaan, Kebutuhan
from kinerja_core.komponen import Bentuk as BentukKomponen, RumusKomponen
from kinerja_core.model import AlasanAbu, Status
from kinerja_core.rumus import Bentuk, RumusCapaian, RumusNko

BAHASA_BAWAAN = "id"
BAHASA = ("id", "en")
"""The languages the app speaks: Bahasa Indonesia (the default) and English."""
_BAHASA: ContextVar[str] = ContextVar("bahasa", default=BAHASA_BAWAAN)
_LOKAL = {"id": "id_ID", "en": "en_US"}
_SIMBOL = {kode: (get_decimal_symbol(lokal), get_group_symbol(lokal)) for kode, lokal in _LOKAL.items()}
"""Each language's decimal and grouping symbols, looked up in Babel once (``angka`` runs for every cell)."""
_PERSEN = {"id": "{} %", "en": "{}%"}
"""Where the percent sign goes: Indonesian sets it apart (``90,9 %``), English does not (``90.9%``)."""
_RUPIAH = {"rp": 1.0, "rupiah": 1.0, "rp ribu": 1e3, "ribu rupiah": 1e3, "rp juta": 1e6, "juta rupiah": 1e6,
           "rp miliar": 1e9, "rp milyar": 1e9, "miliar rupiah": 1e9, "milyar rupiah": 1e9, "rp triliun": 1e12,
           "triliun rupiah": 1e12}
"""The satuan that mean an amount of money, with the rupiah one of their units is worth."""


def _kata_besaran(lokal: str, besar: float, jenis: str) -> str:
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


TEKS: dict[str, dict[str, str]] = {
    "id": {
        # app and navigation
        "app.judul": "Dasbor Kinerja",
        "bahasa.pilih": "Bahasa",
        "bahasa.id": "Bahasa Indonesia",
        "bahasa.en": "English",
        "halaman.ringkasan": "Ringkasan",
        "halaman.progres": "Progres per Triwulan",
        "halaman.unggah": "Unggah Data",
        "halaman.riwayat": "Riwayat",
        "halaman.jejak": "Jejak Audit",
        "halaman.tidak_ada": "Tidak ada IKU untuk pilihan filter ini.",
        # sidebar filters
        "filter.judul": "Filter",
        "filter.tahun": "Tahun",
        "filter.triwulan": "Triwulan (s.d.)",
        "filter.unit": "Unit",
        "filter.tanpa_unit": "Anda belum memegang hak baca pada unit mana pun tahun ini. Minta admin memberi hak.",
        "filter.sub_unit": "Sertakan sub-unit",
        "filter.sumber": "Sumber (dasar perencanaan)",
        "cakupan.sumber": "sumber {daftar}",
        "sumber.penkin": "PENKIN (perjanjian kinerja)",
        "sumber.sasaran_mutu": "Sasaran Mutu",
        "sumber.pnbp": "PNBP",
        "sumber.lainnya": "Lainnya",
        "filter.perspektif": "Perspektif",
        "filter.status": "Status",
        "filter.semua": "Semua",
        "filter.kosong": "Belum ada data. Buka halaman Unggah Data untuk memuat unit, IKU dan realisasi.",
        "filter.basis_data": "Basis data: {path}",
        # traffic lights
        "status.hijau": "Hijau",
        "status.kuning": "Kuning",
        "status.merah": "Merah",
        "status.abu-abu": "Abu-abu",
        "alasan.belum-diukur": "belum diukur; target mulai {triwulan_target}",
        "alasan.belum-diukur.tanpa": "tidak ada target s.d. triwulan ini",
        "alasan.realisasi-belum-ada": "realisasi belum dilaporkan",
        "alasan.target-nol": "target 0: capaian tidak dapat dihitung",
        "alasan.tanpa-realisasi-terburuk": "target 0 dengan polaritas minimize memerlukan realisasi_terburuk",
        "triwulan.nama": "TW {romawi}",
        # Ringkasan
        "ringkasan.judul": "Ringkasan Kinerja",
        "ringkasan.sub": "{unit} · Tahun {tahun} · s.d. TW {romawi}",
        "ringkasan.jumlah": "{total} IKU: {rincian}",
        "ringkasan.nko": "NKO",
        "ringkasan.nko_kosong": "—",
        "ringkasan.nko_gabungan": "NKO gabungan",
        "ringkasan.nko_unit": "NKO per unit",
        "ringkasan.sub_unit": "Sub-unit {unit}",
        "ringkasan.sub_unit_bantuan": "NKO tiap sub-unit langsung, yang terendah di atas; angka di kanan: jumlah IKU "
                                      "per status di unit itu dan di bawahnya. Klik batangnya untuk membuka unit itu.",
        "halaman.baris": "{awal}–{akhir} dari {total}",
        "halaman.nomor": "Halaman",
        "ringkasan.tabel": "IKU",
        # table columns
        "kolom.kode_unit": "Kode unit",
        "kolom.nama_unit": "Unit",
        "kolom.kode_iku": "Kode IKU",
        "kolom.nama_iku": "IKU",
        "kolom.perspektif": "Perspektif",
        "kolom.satuan": "Satuan",
        "kolom.target": "Target s.d. TW",
        "kolom.realisasi": "Realisasi s.d. TW",
        "kolom.capaian": "Capaian (%)",
        "kolom.status": "Status",
        "kolom.keterangan": "Keterangan",
        "kolom.nko": "NKO",
        "kolom.bobot": "Bobot",
        "kolom.polaritas": "Polaritas",
        "kolom.triwulan": "Triwulan",
        "kolom.kendala": "Kendala",
        "kolom.baris": "Baris",
        "kolom.berkas": "Berkas",
        "kolom.kolom": "Kolom",
        "kolom.pesan": "Kesalahan",
        "kolom.perubahan": "Perubahan",
        "kolom.rincian": "Rincian perubahan",
        "kolom.rencana_aksi": "Rencana aksi",
        "kolom.pic": "PIC",
        "kolom.tenggat": "Tenggat",
        "kolom.tanggal": "Tanggal rapat",
        "kolom.tempat": "Tempat",
        "kolom.pimpinan": "Pimpinan rapat",
        "kolom.peserta": "Peserta",
        "kolom.arahan": "Arahan / keputusan",
        "unduh.csv": "Unduh CSV",
        "unduh.xlsx": "Unduh Excel",
        # Progres
        "progres.judul": "Progres per Triwulan",
        "progres.pilih_iku": "IKU",
        "progres.grafik_target_sd": "Target s.d. TW",
        "progres.grafik_realisasi_sd": "Realisasi s.d. TW",
        "progres.grafik_realisasi_warna": "Realisasi s.d. TW (warna = status)",
        "progres.tanpa_target": "tanpa target",
        "progres.sumbu_nilai": "Nilai ({satuan})",
        "progres.per_triwulan": "Data per triwulan",
        "progres.periodik_target": "Target triwulan",
        "progres.periodik_realisasi": "Realisasi triwulan",
        "progres.info": "{polaritas} · konsolidasi {konsolidasi} · bobot {bobot}",
        "polaritas.maximize": "Semakin tinggi semakin baik",
        "polaritas.minimize": "Semakin rendah semakin baik",
        "polaritas.stabilize": "Semakin dekat ke target semakin baik",
        "konsolidasi.sum": "penjumlahan",
        "konsolidasi.average": "rata-rata",
        "konsolidasi.last": "nilai terakhir",
        # Unggah
        "unggah.judul": "Unggah Data",
        "unggah.petunjuk": (
            "Unggah berkas unit, IKU (katalog dan target), realisasi atau komponen (data dukung), dalam CSV atau "
            "Excel. Jenis berkas "
            "dikenali dari baris judul kolom. Pemisah titik koma, koma atau tab, koma desimal (90,9) dan titik "
            "ribuan (5.700.000.000) diterima. Tidak ada yang disimpan sebelum Anda menekan **Simpan perubahan**; "
            "setiap simpanan menjadi revisi yang dapat dibatalkan di halaman Riwayat."
        ),
        "unggah.pilih": "Pilih berkas CSV atau Excel (.xlsx)",
        "unggah.tombol_pilih": "Pilih berkas",
        "unggah.batas": "Seret berkas ke sini · paling besar {mb} MB per berkas · CSV, TXT, TSV, XLSX",
        "unggah.templat": "Unduh templat",
        "unggah.templat_untuk": "Templat berisi kode IKU untuk: {unit}",
        "unggah.templat_realisasi": "Realisasi {triwulan}",
        "unggah.templat_iku": "IKU dan target",
        "unggah.realisasi_tergantikan": (
            "IKU {unit} {iku} tahun {tahun} kini menghitung realisasinya sendiri: realisasi yang tersimpan untuk "
            "{triwulan} tidak dipakai lagi (tetap tersimpan, dan dipakai kembali bila pengaturannya dikosongkan)"
        ),
        "unggah.templat_komponen": "Komponen {triwulan}",
        "unggah.templat_unit": "Unit",
        "unggah.pratinjau": "Pratinjau perubahan",
        "unggah.jenis": "{berkas}: berkas {jenis}, {baris} baris",
        "unggah.status_terbatas": "Perubahan lampu (mis. ● Hijau → ■ Merah) ditunjukkan untuk {batas} baris realisasi "
                                  "pertama yang baru atau berubah; {sisa} baris lainnya tanpa kolom itu. Semua baris "
                                  "tetap disimpan.",
        "unggah.ringkas": "{baru} baru · {berubah} berubah · {sama} tidak berubah",
        "unggah.konfirmasi": "Simpan perubahan",
        "unggah.berhasil": "Tersimpan sebagai revisi {id}: {ringkas}.",
        "unggah.tidak_ada_perubahan": "Tidak ada perubahan: semua baris sama dengan yang tersimpan.",
        "unggah.gagal": "Berkas tidak dapat disimpan. Perbaiki kesalahan berikut lalu unggah ulang; data yang tersimpan tidak berubah.",
        "unggah.kolom_perubahan": "Perubahan",
        "unggah.lama": "Lama",
        "unggah.baru": "Baru",
        "unggah.kunci": "Kunci",
        "perubahan.baru": "baru",
        "perubahan.berubah": "berubah",
        "perubahan.sama": "tidak berubah",
        "perubahan.dihapus": "dihapus",
        "jenis.unit": "unit",
        "jenis.iku": "IKU",
        "jenis.realisasi": "realisasi",
        "jenis.rapat": "rapat",
        # Dialog Kinerja
        "halaman.dialog": "Dialog Kinerja",
        # layout and preview words
        "filter.tidak_ada_pilihan": "Tidak ada pilihan",
        "dialog.judul": "Dialog Kinerja Organisasi",
        "dialog.ringkasan": "Ringkasan",
        "dialog.posisi": "IKU {nomor} dari {jumlah}",
        "dialog.sebelumnya": "Sebelumnya",
        "dialog.berikutnya": "Berikutnya",
        "dialog.tema": "Tema proyektor",
        "dialog.terang": "Terang",
        "dialog.gelap": "Gelap",
        "dialog.bekukan": "Bekukan data",
        "dialog.bekukan_bantuan": "Tahan data yang tampil sekarang, walau ada unggahan baru; matikan untuk data terbaru.",
        "dialog.beku_sejak": "Data dibekukan: seperti pada pukul {jam}.",
        "dialog.langsung": "Data langsung: diperbarui otomatis tiap {detik} detik bila ada unggahan baru.",
        "dialog.layar_penuh": "Sembunyikan filter",
        "dialog.layar_penuh_bantuan": "Sembunyikan panel samping selama presentasi; matikan untuk mengganti unit atau triwulan.",
        "dialog.per_perspektif": "Status per perspektif",
        "dialog.perhatian": "IKU yang perlu perhatian",
        "dialog.semua_hijau": "Semua IKU hijau.",
        "dialog.kosong": "Tidak ada IKU untuk pilihan ini.",
        "dialog.belum_ada": "belum ada",
        "dialog.capaian": "Capaian",
        "dialog.target_sd": "Target s.d. {tw}",
        "dialog.realisasi_sd": "Realisasi s.d. {tw}",
        "dialog.catatan": "Kendala dan rencana aksi",
        "dialog.catatan_kosong": "Belum ada catatan untuk {tw}.",
        "dialog.catatan_sebelumnya": "Catatan triwulan sebelumnya",
        "dialog.tenggat": "Tenggat",
        "dialog.simulasi": "Simulasi: bagaimana jika … (tidak disimpan)",
        "dialog.simulasi_bantuan": "Ketik nilai untuk triwulan yang belum dilaporkan: capaian, status dan NKO "
                                   "dihitung ulang di layar ini saja. Tidak ada yang disimpan.",
        "dialog.simulasi_nilai": "Realisasi {tw} (simulasi)",
        "dialog.simulasi_tidak_ada": "Tidak ada triwulan terbuka untuk disimulasikan: semua triwulan bertarget sudah dilaporkan.",
        "dialog.simulasi_capaian": "Capaian s.d. {tw} · SIMULASI",
        "dialog.simulasi_nko": "NKO · SIMULASI",
        "dialog.rumus_nko_xlsx": "NKO = rata-rata capaian berbobot (bobot) atas IKU yang memiliki capaian, "
                                 "dibulatkan 2 desimal",
        "dialog.rumus_nko_xlsx_tidak": "NKO tidak dapat dihitung ulang dari baris tabel ini (sebagian IKU-nya tidak "
                                       "ada di tabel atau bobot perspektif diatur)",
        "dialog.tenggat_bantuan": "Tanggal lengkap, hari/bulan/tahun, mis. 30/11/2026; kosongkan bila tidak ada.",
        "dialog.tenggat_salah": "Tenggat “{teks}” belum lengkap atau bukan tanggal: tulis hari/bulan/tahun, "
                                "mis. 30/11/2026. Catatan belum disimpan.",
        "dialog.catat": "Catat kendala & rencana aksi ({tw})",
        "dialog.catat_dan_tindak_lanjut": "Catat kendala & rencana aksi ({tw}) dan tindak lanjut",
        "dialog.simpan_catatan": "Simpan catatan",
        "dialog.catatan_tersimpan": "Catatan tersimpan (revisi {id}).",
        "dialog.berkas_catatan": "catatan Dialog Kinerja",
        "dialog.unduh_deck": "Unduh notulen (PPTX)",
        "dialog.deck_terlalu_banyak": "Notulen PPTX memuat paling banyak {batas} IKU; pilihan ini {n}. Pilih unit "
                                      "yang lebih rendah, atau saring status atau perspektif.",
        "dialog.unduh_xlsx": "Unduh tabel (Excel)",
        "dialog.unduh_csv": "Unduh tabel (CSV)",
        "dialog.berkas_rapat": "data rapat Dialog Kinerja",
        "dialog.isi_rapat": "Isi detail rapat (tanggal, tempat, pimpinan, peserta)",
        "dialog.isi_arahan": "Catat arahan / keputusan rapat",
        "dialog.simpan_rapat": "Simpan",
        "dialog.rapat_tersimpan": "Data rapat tersimpan (revisi {id}).",
        "dialog.rapat_sama": "Tidak ada perubahan: data rapat sama dengan yang tersimpan, tidak ada revisi baru.",
        "dialog.peserta_bantuan": "Satu nama per baris.",
        "dialog.arahan_bantuan": "Satu arahan per baris; nomor atau tanda di depannya boleh.",
        "dialog.arahan": "Arahan pimpinan",
        "dialog.arahan_kosong": "Belum ada arahan yang dicatat.",
        "dialog.posisi_arahan": "Arahan",
        "dialog.kontrol": "Kontrol",
        "dialog.unduh": "Unduh",
        "dialog.dan_lainnya": "… dan {n} IKU lainnya",
        "dialog.jumlah_peserta": "{n} peserta",
        # deck (PPTX)
        "deck.belum_diisi": "belum diisi",
        "deck.dan_lainnya": "… dan {n} lainnya",
        "deck.target_tw": "Target TW",
        "deck.realisasi_tw": "Realisasi TW",
        "dialog.catatan_sama": "Tidak ada perubahan: catatan sama dengan yang tersimpan, tidak ada revisi baru.",
        # what a figure covers (issue 10): every NKO and count says which IKU it is computed from
        "cakupan.nko_unit": "NKO {unit}",
        "cakupan.nko_gabungan": "NKO gabungan",
        "cakupan.iku": "mencakup {dinilai} dari {total} IKU",
        "cakupan.belum_dilaporkan": "{n} belum dilaporkan",
        "cakupan.belum_diukur": "{n} belum diukur",
        "cakupan.tidak_dapat_dihitung": "{n} tidak dapat dihitung",
        "cakupan.perspektif": "perspektif {daftar}",
        "cakupan.lingkup_unit": "IKU {unit}",
        "cakupan.lingkup_sub_unit": "IKU {unit} dan {n} sub-unit",
        "cakupan.lingkup_jumlah": "Jumlah status dan NKO: {lingkup}",
        "cakupan.tabel_status": "Menampilkan {n} dari {total} IKU (filter status: {status}).",
        # Riwayat
        "riwayat.judul": "Riwayat Revisi",
        "riwayat.petunjuk": (
            "Setiap unggahan yang disimpan adalah satu revisi. Membatalkan revisi mengembalikan data persis seperti "
            "sebelum revisi itu (revisi lain yang masih berlaku tetap dihormati); pembatalan itu sendiri menjadi revisi."
        ),
        "riwayat.kolom.id": "Revisi",
        "riwayat.kolom.waktu": "Waktu",
        "riwayat.kolom.pengguna": "Oleh",
        "riwayat.kolom.asal": "Dari",
        "riwayat.kolom.berkas": "Berkas",
        "riwayat.kolom.dihapus": "dihapus",
        "riwayat.kolom.keadaan": "Keadaan",
        "riwayat.membatalkan": "membatalkan revisi {id}",
        "riwayat.dibatalkan_oleh": "dibatalkan oleh revisi {id}",
        "riwayat.berlaku": "berlaku",
        "riwayat.sebagian": " · sebagian: {n} baris untuk unit Anda (unit lain tidak ditampilkan)",
        "riwayat.oleh_operator": "{pengguna} (dijalankan operator {operator})",
        "riwayat.batal_judul": "Batalkan revisi",
        "riwayat.pilih": "Revisi yang dibatalkan",
        "riwayat.pilihan": "Revisi {id} · {berkas} · {pengguna} · {waktu}",
        "riwayat.batal": "Batalkan revisi ini",
        "riwayat.tinjau": "Tinjau pembatalan",
        "riwayat.tinjau_judul": (
            "Membatalkan revisi {id} akan mengubah {berubah} baris dan menghapus {dihapus} baris "
            "({sama} baris tetap sama). Periksa lalu konfirmasi:"
        ),
        "riwayat.tinjau_sebagian": "Ditampilkan {n} baris pertama per jenis data; jumlah di atas mencakup semuanya.",
        "riwayat.tinjau_kosong": "Membatalkan revisi {id} tidak mengubah data apa pun (hanya dicatat di riwayat).",
        "riwayat.konfirmasi": "Ya, batalkan revisi {id}",
        "riwayat.urung": "Tidak jadi",
        # file errors
        "galat.lokasi": "{berkas}, baris {baris}, kolom {kolom}: {pesan}",
        "galat.lokasi_berkas": "{berkas}: {pesan}",
        "galat.lokasi_baris": "{berkas}, baris {baris}: {pesan}",
        "galat.tidak_terbaca": "berkas tidak dapat dibaca sebagai teks CSV ({sebab})",
        "galat.kosong": "berkas kosong: tidak ada baris judul kolom",
        "galat.tanpa_data": "berkas hanya berisi judul kolom, tanpa baris data",
        "galat.jenis_tidak_dikenal": (
            "jenis berkas tidak dikenali dari judul kolom ({kolom}); yang diharapkan: unit.csv "
            "(kode_unit, nama_unit, kode_induk), iku.csv (tahun, kode_unit, kode_iku, nama_iku, …, "
            "target_tw1…target_tw4) atau realisasi.csv (tahun, triwulan, kode_unit, kode_iku, realisasi)"
        ),
        "galat.kolom_hilang": "kolom wajib tidak ada: {kolom}",
        "galat.kolom_asing": "; kolom yang tidak dikenal: {daftar}",
        "peringatan.persen_pecahan": (
            "{berkas}: nilai ini sekitar seperseratus targetnya, mungkin persentase yang ditulis sebagai pecahan "
            "(0,72 untuk 72 %): {daftar}. Bila salah, perbaiki lalu unggah ulang; bila benar, simpan seperti biasa"
        ),
        "peringatan.baris_persen": "baris {baris} ({kode_iku} {triwulan}: {nilai}, target {target})",
        "peringatan.sasaran_lintas": (
            "sasaran strategis '{sasaran}' ({unit}, {tahun}) berada di lebih dari satu perspektif: {perspektif}. "
            "Peta Strategi menampilkannya di setiap perspektif itu, dengan IKU-nya dihitung per perspektif"
        ),
        "galat.saran_kolom": "{kolom} (mungkin maksudnya {saran}?)",
        "galat.jumlah_kolom": "baris ini berisi {ada} kolom, padahal judul kolom hanya {judul}; periksa pemisah dan tanda kutip",
        "galat.xlsx_rusak": "berkas Excel tidak dapat dibuka ({sebab}); simpan ulang sebagai .xlsx atau CSV",
        # xlsx (lembar kerja)
        "galat.xlsx_xls": (
            "berkas .xls (Excel 97–2003) tidak didukung. Simpan ulang sebagai .xlsx: "
            "File → Save As → Excel Workbook (*.xlsx), lalu unggah berkas .xlsx itu"
        ),
        "galat.xlsx_sandi": (
            "berkas Excel ini dilindungi kata sandi sehingga tidak dapat dibaca. Buka di Excel, hapus kata sandinya "
            "(File → Info → Protect Workbook → Encrypt with Password, kosongkan), lalu simpan ulang sebagai .xlsx"
        ),
        "galat.xlsx_xlsb": (
            "berkas ini Excel Binary (.xlsb), bukan .xlsx. Simpan ulang sebagai .xlsx: "
            "File → Save As → Excel Workbook (*.xlsx)"
        ),
        "galat.xlsx_ods": (
            "berkas ini OpenDocument (.ods), bukan .xlsx. Simpan ulang sebagai .xlsx: di LibreOffice "
            "File → Save As → Excel 2007-365 (.xlsx); di Google Sheets File → Download → Microsoft Excel (.xlsx)"
        ),
        "galat.xlsx_bukan_excel": (
            "berkas ini arsip zip (misalnya dokumen Word atau PowerPoint), bukan buku kerja Excel; "
            "unggah berkas .xlsx atau CSV"
        ),
        "galat.xlsx_sebab_direktori": "daftar isi zip terlalu besar",
        "galat.xlsx_sebab_bagian": "bagian {bagian} tidak ada",
        "galat.xlsx_sebab_sheet": "terlalu banyak sheet",
        "galat.xlsx_sebab_token": "isi {bagian} tidak wajar: satu tag atau teks lebih dari 1 MB",
        "galat.xlsx_sebab_teks_panjang": "teks bersama lebih dari {batas} karakter",
        "galat.xlsx_sebab_teks_bersama": "sel {sel} merujuk teks yang tidak ada",
        "galat.xlsx_isi_besar": (
            "isi berkas Excel terlalu besar setelah diekstrak: bagian {bagian} berukuran {ukuran} MB, "
            "seluruhnya {total} MB, melebihi batas {batas} MB; berkas ini rusak atau terlalu besar, "
            "bagi menjadi beberapa berkas"
        ),
        "galat.xlsx_teks_besar": (
            "teks di dalam berkas Excel melebihi batas {batas} MB; bagi menjadi beberapa berkas"
        ),
        "galat.xlsx_kembang": (
            "isi berkas Excel tidak wajar: bagian {bagian} yang {kecil} mengembang menjadi lebih dari {besar} "
            "saat diekstrak (batas {rasio} kali ukurannya); berkas ini rusak atau sengaja dibuat membengkak. "
            "Simpan ulang sebagai .xlsx atau CSV"
        ),
        "galat.xlsx_sebab_elemen": "bagian {bagian} berisi lebih dari {batas} elemen XML tanpa data",
        "galat.xlsx_sheet_boros": (
            "sheet {sheet} berisi terlalu banyak baris atau sel kosong: pembacaan dihentikan setelah {baris} baris "
            "({data} berisi data) dan {elemen} elemen XML, melebihi batas {batas} elemen tanpa data. Hapus baris "
            "dan kolom kosong di bawah dan di kanan data (Ctrl+End menunjukkan sel terakhir yang disimpan Excel), "
            "simpan, lalu unggah lagi"
        ),
        "galat.xlsx_terlalu_banyak_baris": (
            "berkas berisi lebih dari {batas} baris, melebihi batas {batas} baris; bagi menjadi beberapa berkas"
        ),
        "galat.xlsx_sel_panjang": "sel {sel} berisi lebih dari {batas} karakter, batas Excel untuk satu sel",
        "galat.xlsx_sel_lain": " dan {n} sel lain",
        "galat.xlsx_lain": " dan {n} lainnya",
        "galat.xlsx_rumus_tanpa_nilai": (
            "rumus tanpa nilai tersimpan di sel {sel}: berkas ini ditulis oleh program, belum pernah dihitung "
            "dan disimpan oleh Excel, sehingga hasil rumusnya tidak ada. Buka berkas di Excel lalu simpan ulang, "
            "atau ganti rumus dengan nilainya (Copy, lalu Paste Special → Values)"
        ),
        "galat.xlsx_kolom_di_luar_batas": "judul kolom di luar {batas} kolom pertama diabaikan: sel {sel}",
        "galat.xlsx_sheet_tersembunyi": "sheet tersembunyi tidak dibaca: {sheet}",
        "galat.xlsx_sheet_lain": (
            "hanya sheet pertama ({dibaca}) yang dibaca; sheet {sheet} tidak dibaca. Beri nama sheet unit, iku "
            "atau realisasi agar setiap sheet itu dibaca"
        ),
        "galat.xlsx_sheet_kosong": "sheet kosong dilewati: {sheet}",
        "galat.xlsx_tanpa_sheet": "buku kerja tidak berisi sheet yang terlihat; tampilkan (unhide) sheet berisi data",
        "galat.xlsx_banyak_sheet": (
            "buku kerja berisi beberapa sheet data ({sheet}); unggah buku kerja ini lewat halaman Unggah Data, "
            "atau simpan setiap sheet sebagai berkas tersendiri"
        ),
        "galat.sel_gabung": (
            "sel digabung (merge) {sel} di sheet {sheet}; pisahkan sel itu dan isi setiap kolom/baris sendiri-sendiri"
        ),
        "galat.terlalu_besar": "berkas {ukuran} MB melebihi batas {batas} MB; bagi menjadi beberapa berkas",
        "galat.terlalu_banyak_baris": "berkas berisi {baris} baris, melebihi batas {batas} baris; bagi menjadi beberapa berkas",
        "galat.kolom_ganda": "kolom {kolom} muncul lebih dari sekali",
        "galat.kolom_diabaikan": "kolom yang tidak dikenal diabaikan: {kolom}",
        "galat.wajib": "wajib diisi",
        "galat.angka": "'{nilai}' bukan angka; yang diharapkan angka seperti 90,9 atau 5.700.000.000",
        # teks dan angka unggahan
        "baca.dua_gaya": (
            "berkas memakai dua gaya angka: baris {baris_a} '{nilai_a}' ({gaya_a}) dan baris {baris_b} '{nilai_b}' "
            "({gaya_b}); pakai satu gaya untuk seluruh berkas, misalnya koma desimal tanpa tanda ribuan (90,9 dan "
            "1500)"
        ),
        "baca.koma_desimal": "koma desimal",
        "baca.titik_desimal": "titik desimal",
        "baca.titik_ribuan": "titik ribuan",
        "baca.koma_ribuan": "koma ribuan",
        "baca.angka_ganda": (
            "'{nilai}' bisa berarti {ribuan} atau {desimal}, dan berkas ini tidak menunjukkan gaya angkanya; "
            "tulis {ribuan} bila maksudnya ribuan, atau {tulis_desimal} bila maksudnya desimal"
        ),
        "baca.gaya_indonesia": (
            "Angka dibaca dengan gaya Indonesia: koma desimal, titik ribuan (1.500 = seribu lima ratus); {dasar}"
        ),
        "baca.gaya_inggris": (
            "Angka dibaca dengan gaya Inggris: titik desimal, koma ribuan (1.500 = satu koma lima); {dasar}"
        ),
        "baca.dasar_contoh": "dasarnya baris {baris} kolom {kolom}: '{nilai}'",
        "baca.dasar_titik_koma": "dasarnya kebiasaan Excel Indonesia (berkas .xlsx, atau CSV berpemisah titik koma)",
        "baca.di_luar_batas": "'{nilai}' di luar batas: nilai mutlak paling besar {batas}",
        "baca.bobot_terlalu_besar": "bobot '{nilai}' terlalu besar; paling besar {batas} (bobot hanya perbandingan)",
        "baca.apostrof": (
            "Tanda ' pembuka dari ekspor aplikasi ini dihapus di {n} sel (pertama baris {baris} kolom {kolom}): "
            "teks yang diawali = + - @ disimpan tanpa tanda itu"
        ),
        "baca.cp1252": (
            "Berkas bukan UTF-8, jadi dibaca sebagai Windows-1252 (CSV dari Excel di Windows); periksa huruf "
            "khusus di pratinjau, atau simpan ulang sebagai \"CSV UTF-8\""
        ),
        "baca.bukan_utf8": (
            "byte {byte} bukan UTF-8 (di '{konteks}'), padahal bagian lain berkas ini UTF-8; "
            "simpan ulang sebagai CSV UTF-8"
        ),
        "baca.utf16_ganjil": "berkas UTF-16 terpotong (panjangnya {n} byte, ganjil); simpan ulang sebagai CSV UTF-8",
        "baca.utf16_rusak": "berkas UTF-16 rusak (surrogate tanpa pasangan); simpan ulang sebagai CSV UTF-8",
        "baca.pemisah_word": (
            "Pemisah baris/halaman dari Word diganti baris baru di {n} sel (pertama baris {baris} kolom {kolom})"
        ),
        "baca.kendali": (
            "berisi karakter kendali {kode} yang tidak dapat disimpan (biasanya ikut tersalin dari dokumen lain); "
            "hapus karakter itu"
        ),
        "baca.terlalu_panjang": "teks {panjang} karakter, melebihi batas {batas} karakter",
        "baca.kode_aturan": "kode hanya berisi huruf A–Z, angka 0–9, -, _ dan .",
        "baca.kode_spasi": "'{nilai}' bukan kode yang sah: ada spasi di dalamnya; {aturan}",
        "baca.kode_karakter": "'{nilai}' bukan kode yang sah: karakter '{huruf}'{nama} tidak boleh; {aturan}",
        "baca.kode_huruf_asing": "'{nilai}' bukan kode yang sah: huruf '{huruf}' ({aksara}) bukan huruf Latin",
        "baca.kode_tanda_asing": "'{nilai}' bukan kode yang sah: tanda '{huruf}' ({nama}) bukan tanda '{latin}' biasa",
        "baca.kode_saran": " — mungkin maksudnya {saran}?",
        "baca.tanggal_mustahil": "'{nilai}' tidak ada di kalender (tanggal dibaca hari/bulan/tahun)",
        "galat.tahun": "'{nilai}' bukan tahun; yang diharapkan tahun empat angka, misalnya 2019",
        "galat.triwulan": "'{nilai}' bukan triwulan; yang diharapkan 1–4, TW I–TW IV, Triwulan 1–4 atau Q1–Q4",
        "galat.polaritas": "'{nilai}' bukan polaritas; yang diharapkan maximize, minimize atau stabilize",
        "galat.konsolidasi": "'{nilai}' bukan konsolidasi; yang diharapkan sum, average atau last",
        "galat.status_aksi": "'{nilai}' bukan status rencana aksi; yang diharapkan selesai, berjalan, terlambat atau batal",
        "galat.perspektif": (
            "'{nilai}' bukan perspektif; yang diharapkan Stakeholder, Customer, Internal Process "
            "atau Learning & Growth"
        ),
        "galat.tanggal": "'{nilai}' bukan tanggal; yang diharapkan misalnya 20/12/2019 atau 2019-12-20",
        "galat.bobot": "bobot '{nilai}' harus angka lebih dari 0",
        "galat.ya_tidak": "'{nilai}' tidak dikenal; yang diharapkan 1/0, ya/tidak atau kosong",
        "galat.tanpa_target": "semua target_tw1…target_tw4 kosong: IKU tanpa target tidak dapat dinilai",
        "galat.duplikat": "baris ganda: kunci {kunci} sudah ada di baris {baris_lain}",
        "galat.duplikat_berkas": "baris ganda: kunci {kunci} sudah ada di {berkas} baris {baris_lain}",
        "galat.saran": " — mungkin maksudnya {kode}?",
        "galat.saran_iku_lain": " — kode ini terdaftar untuk unit {unit} tahun {tahun}",
        "galat.unit_tidak_dikenal": "kode unit '{nilai}' tidak dikenal (belum ada di unit.csv maupun basis data)",
        "galat.induk_tidak_dikenal": "kode induk '{nilai}' tidak dikenal",
        "galat.iku_tidak_dikenal": (
            "IKU '{nilai}' unit {unit} tahun {tahun} tidak dikenal (belum ada di iku.csv maupun basis data)"
        ),
        "galat.sumber": "'{nilai}' bukan sumber; yang diharapkan penkin, sasaran_mutu, pnbp atau lainnya",
        "galat.agregasi": "'{nilai}' bukan agregasi anak; yang diharapkan jumlah, rata-rata, minimum, terburuk atau gabungan",
        "galat.induk_separuh": (
            "isi kode_unit_induk dan kode_iku_induk berdua (IKU yang didukung), atau kosongkan keduanya"
        ),
        "galat.kaskade_bukan_atas": (
            "IKU induk {unit} {iku}: unit {unit} tidak berada di atas unit {anak}; IKU hanya mendukung IKU unit "
            "di atasnya"
        ),
        "galat.kaskade_tahun_lain": "IKU induk {unit} {iku} tidak ada di tahun {tahun}, hanya di tahun {ada}",
        "galat.kaskade_tidak_ada": "IKU induk {unit} {iku} tahun {tahun} tidak ada (di iku.csv maupun basis data)",
        "galat.kaskade_siklus": "siklus kaskade: {jalur} (panah menuju IKU yang didukung)",
        "galat.kaskade_tanpa_anak": (
            "IKU {unit} {iku} mengambil realisasinya dari IKU turunan ({agregasi}), tetapi tidak ada IKU yang "
            "mendukungnya; tautkan IKU turunannya (kode_unit_induk, kode_iku_induk) dalam unggahan yang sama, atau "
            "kosongkan agregasi_anak dan unggah realisasinya"),
        "galat.kaskade_anak_terakhir": (
            "baris ini melepas IKU turunan terakhir dari {unit} {iku}, yang mengambil realisasinya dari IKU "
            "turunan ({agregasi}); kosongkan dulu agregasi_anak IKU itu"),
        "galat.gabungan_tanpa_rasio": (
            "agregasi gabungan menjumlahkan komponen rasio(a; b) IKU turunan, tetapi IKU turunan {anak} tidak "
            "dihitung dengan rumus_komponen rasio(…)"),
        "galat.realisasi_turunan": (
            "realisasi IKU {unit} {iku} dihitung dari IKU turunannya (agregasi_anak {agregasi}); kosongkan kolom "
            "realisasi"
        ),
        "galat.induk_siklus": "siklus: unit {nilai} akan menjadi induk dirinya sendiri ({jalur}; panah menuju induk)",
        "galat.kode_mirip": (
            "kode baru '{nilai}' mirip kode yang sudah ada {ada} (huruf O/angka 0, huruf I atau L/angka 1 tampak "
            "sama); pakai {ada} atau kode yang jelas berbeda"
        ),
        "kode.catatan": "Kode dibaca tanpa membedakan huruf besar/kecil, dengan ejaan yang terdaftar: {daftar}",
        "kode.dibaca_sebagai": "{asli} → {ejaan} (baris {baris})",
        "kode.lainnya": " … dan {n} kode lain",
        "galat.lebih_banyak": "… dan {n} kesalahan lain",
        # who may do what (kinerja_core.akses, kinerja.akses)
        "akses.ditolak": (
            "{identitas} tidak berhak menulis ini: perlu peran {peran} pada unit {unit}. Hak {identitas}: {hak}. "
            "Tidak ada yang disimpan. Minta admin memberi hak (python -m kinerja user grant)."
        ),
        "akses.tanpa_hak": "belum ada",
        "akses.lainnya": " (+{n} lainnya)",
        "akses.baris_ditolak": "Anda tidak berhak menulis untuk unit {unit} (perlu peran {peran} pada unit itu atau di atasnya)",
        "akses.demo_berakhir": (
            "Instalasi ini sudah dikunci: menulis kini perlu masuk. Muat ulang halaman lalu masuk; tidak ada yang "
            "disimpan."
        ),
        "akses.sesi_berakhir": (
            "Sesi masuk Anda sudah berakhir (keluar, kedaluwarsa, atau akun dicabut), jadi tidak ada yang disimpan "
            "dari tindakan ini; data yang sudah tersimpan sebelumnya tetap utuh. Masuk lagi, lalu ulangi."
        ),
        "akses.bukan_pengguna": (
            "{identitas} tidak (lagi) terdaftar sebagai pengguna, jadi tidak ada yang disimpan. Hubungi admin."
        ),
        "akses.sudah_ada": "Pengguna {identitas} sudah ada.",
        "akses.tidak_ada": "Pengguna {identitas} tidak ada.",
        "akses.hak_tidak_ada": "{identitas} tidak memegang hak {peran} pada {unit}.",
        "akses.lokal": "sandi lokal",
        "akses.admin_terakhir": (
            "Tidak dilakukan: ini admin terakhir untuk semua unit ('*'), dan tanpa admin itu tidak ada yang bisa "
            "mengelola pengguna dari aplikasi. Beri dulu orang lain peran admin pada '*' (python -m kinerja user "
            "grant NAMA admin '*')."
        ),
        "cli.pengguna_ditambah": "Pengguna {nama} ditambahkan. Beri haknya: python -m kinerja user grant {nama} pengisi KODE_UNIT",
        "cli.pengguna_dihapus": "Pengguna {nama} dihapus beserta hak dan sesinya.",
        "cli.hak_diberi": "{nama} kini {peran} pada {unit} (termasuk semua unit di bawahnya).",
        "cli.hak_dicabut": "Hak {peran} pada {unit} dicabut dari {nama}.",
        "cli.sandi": "Sandi: ",
        "cli.sandi_ulang": "Ulangi sandi: ",
        "cli.sandi_beda": "Kedua sandi tidak sama; tidak ada yang disimpan.",
        "cli.sandi_pendek": "Sandi terlalu pendek: paling sedikit {n} karakter; tidak ada yang disimpan.",
        # signing in
        "gerbang.demo": (
            "**Demo terbuka.** Siapa pun yang membuka alamat ini dapat membaca dan mengubah data. Untuk mengunci: "
            "`python -m kinerja user add admin` lalu `python -m kinerja user grant admin admin '*'` (lihat README)."
        ),
        "gerbang.masuk": "Masuk",
        "gerbang.ajakan": "Masuk dengan akun Anda untuk membuka dasbor.",
        "gerbang.sudah_keluar": "Anda telah keluar.",
        "gerbang.semua_unit": "semua unit",
        "gerbang.masuk_sso": "Masuk dengan akun instansi",
        "gerbang.nama": "Nama pengguna",
        "gerbang.sandi": "Sandi",
        "gerbang.keluar": "Keluar",
        "gerbang.sebagai": "Masuk sebagai **{identitas}** · hak: {hak}",
        "gerbang.sesi_berakhir": (
            "Sesi masuk Anda sudah berakhir. Data yang sudah tersimpan tetap utuh; yang belum disimpan tidak "
            "tersimpan. Masuk lagi, lalu ulangi (unggah ulang berkasnya bila perlu)."
        ),
        "gerbang.perlu_masuk": "Masuk dulu (di bilah samping) untuk menulis di halaman ini.",
        "gerbang.perlu_hak": "Halaman ini perlu peran {peran} pada {unit} atau unit di atasnya. Minta admin memberi hak.",
        "gerbang.sso_belum_verifikasi": (
            "Penyedia SSO tidak menyatakan e-mail akun ini sudah diverifikasi (email_verified), jadi Dasbor Kinerja "
            "tidak memakainya untuk masuk; tidak ada yang masuk. Verifikasi e-mail akun instansi Anda, atau hubungi "
            "admin."
        ),
        "gerbang.sso_tanpa_klaim": (
            "Token SSO tidak memuat klaim {klaim} yang dipakai Dasbor Kinerja untuk mengenali pengguna; tidak ada "
            "yang masuk. Hubungi admin."
        ),
        "gerbang.sso_tidak_terdaftar": (
            "Akun instansi {identitas} tidak terdaftar sebagai pengguna SSO Dasbor Kinerja; tidak ada yang masuk. "
            "Minta admin menambahkannya (python -m kinerja user add … --sso)."
        ),
        "masuk.salah": "Nama pengguna atau sandi salah.",
        "masuk.tunggu": "Terlalu banyak percobaan yang salah. Coba lagi dalam {detik} detik.",
        # every number explained (kinerja_core.rumus)
        "rumus.rasio": "Capaian = {r} / {t} × 100 = {mentah} %",
        "rumus.dua-kurang": "Capaian = (2 − {r} / {t}) × 100 = {mentah} %",
        "rumus.terburuk": "Capaian = ({w} − {r}) / {w} × 100 = {mentah} % (target 0: dari realisasi terburuk {w})",
        "rumus.stabilize": (
            "Indeks deviasi = {r} / {t} × 100 = {deviasi}; dikonversi dengan skala stabilize → capaian {mentah} %"
        ),
        "rumus.stabilize-atas": (
            "Indeks deviasi = 200 − {r} / {t} × 100 = {deviasi} (di atas target); dikonversi dengan skala "
            "stabilize → capaian {mentah} %"
        ),
        "rumus.konversi-120": "Realisasi {r} memenuhi target {t}; konversi 120 → capaian {nilai} %",
        "rumus.dibatasi": " → dibatasi menjadi {nilai} %",
        "rumus.akhir": " — polaritas {polaritas}, konsolidasi {konsolidasi} {triwulan}",
        "rumus.konsolidasi.sum": "jumlah",
        "rumus.konsolidasi.average": "rata-rata",
        "rumus.konsolidasi.last": "nilai terakhir",
        "rumus.abu": "Abu-abu: {alasan}",
        "rumus.nko_awal": "NKO = Σ(bobot × capaian) / Σ bobot",
        "rumus.nko_jumlah": " — {n} IKU terhitung",
        "rumus.nko_abu": ", {abu} abu-abu tidak dihitung",
        "rumus.nko_perspektif": "NKO = rata-rata nilai tiap perspektif dengan bobot perspektif profil = {nilai}",
        "rumus.nko_kosong": "NKO tidak dapat dihitung: semua IKU abu-abu",
        "ringkasan.rumus_bantuan": (
            "Setiap angka dapat dihitung ulang dengan tangan: di bawah tabel IKU, \"Rumus setiap capaian\" "
            "menuliskan rumus capaian dengan angkanya; capaian dibatasi 0–120 dan dibulatkan dua desimal."
        ),
        "kolom.rumus": "Rumus",
        "ringkasan.rumus_judul": "Rumus setiap capaian di halaman ini",
        "peta.tanpa_sasaran": "(tanpa sasaran strategis)",
        "peta.judul": "Peta Strategi",
        "peta.petunjuk": (
            "Nilai tiap perspektif dan tiap sasaran strategis di bawahnya, dihitung seperti NKO atas IKU-nya "
            "(bobot × capaian ÷ bobot, IKU abu-abu tidak dihitung), beserta nilai tahun lalu pada triwulan yang sama."
        ),
        "peta.jumlah": "{n} IKU: {rincian}",
        "peta.tahun_lalu": "{tahun}: {nilai}",
        "peta.juga_di": "juga di {perspektif}",
        "peta.banding": "Dibanding tahun {tahun}",
        "peta.tanpa_tahun_lalu": "Belum ada data tahun {tahun} untuk dibandingkan.",
        "kolom.capaian_lalu": "Capaian {tahun} (%)",
        "kolom.selisih": "Selisih (poin)",
        "halaman.peta": "Peta Strategi",
        "ringkasan.prognosis": "Prognosis akhir tahun",
        "ringkasan.prognosis_cara": (
            "Cara: triwulan yang belum dilaporkan diisi **target triwulannya × laju triwulan terakhir yang "
            "dilaporkan** (realisasi ÷ target triwulan itu), lalu tahun dinilai seperti biasa s.d. TW IV."
        ),
        "ringkasan.prognosis_nko": "NKO akhir tahun bila laju triwulan terakhir berlanjut: {nko} ({status}); sekarang {sekarang}.",
        "ringkasan.prognosis_aman": "Tidak ada IKU hijau yang menurut laju triwulan terakhir akan berakhir kuning atau merah.",
        "ringkasan.prognosis_menurun": "**{n} IKU hijau hari ini menuju kuning atau merah** bila lajunya tetap:",
        "ringkasan.prognosis_menurun.satu": "**{n} IKU hijau hari ini menuju kuning atau merah** bila lajunya tetap:",
        "kolom.capaian_prognosis": "Capaian akhir tahun (prognosis)",
        "kolom.status_prognosis": "Status akhir tahun",
        "cli.agenda_cakupan": "NKO {unit}: {nko} · {cakupan} · prognosis akhir tahun {prognosis} ({cakupan_prognosis})",
        "prognosis.cakupan": "dari {n} IKU",
        "prognosis.tanpa": "{n} tanpa prognosis: {daftar}",
        "prognosis.tetap": "{n} tetap pada capaian hari ini: {daftar}",
        "prognosis.alasan.belum-dilaporkan": "belum dilaporkan s.d. triwulan ini",
        "prognosis.alasan.belum-diukur": "belum diukur",
        "prognosis.alasan.tidak-terhitung": "tidak dapat dihitung",
        # what the rest of the year must bring (kinerja_core.kebutuhan)
        "ringkasan.kebutuhan": "Yang masih dibutuhkan sampai akhir tahun",
        "ringkasan.kebutuhan_bantuan": (
            "Untuk setiap IKU yang belum pasti hijau di akhir tahun: realisasi yang masih dibutuhkan pada triwulan "
            "yang tersisa agar hijau (capaian ≥ 100) dan agar tidak merah (capaian ≥ 80). *Jumlah* untuk IKU "
            "penjumlahan (sisa target), *rata-rata* untuk IKU rata-rata, *nilai* untuk IKU nilai terakhir. "
            "Batas nilai menurut satuan: jumlah, Rp, hari, nilai, indeks tidak negatif; persentase dari keseluruhan "
            "0–100 %; hitungan (jiwa, orang, unit, dokumen, kegiatan …) bilangan bulat; pertumbuhan/perubahan/selisih "
            "dan satuan lain tanpa batas. *Sudah aman* hanya bila batas itu menjaminnya; angka dibulatkan ke arah aman."
        ),
        "ringkasan.kebutuhan_kosong": "Semua IKU yang ditampilkan sudah pasti hijau atau tahunnya sudah lengkap.",
        "ringkasan.kebutuhan_terlalu_banyak": (
            "Kebutuhan realisasi dihitung untuk paling banyak {batas} IKU; pilih unit yang lebih rendah."
        ),
        "kolom.agar_hijau": "Agar hijau",
        "kolom.status_aksi": "Status rencana aksi",
        "kolom.catatan_aksi": "Catatan tindak lanjut",
        "kolom.bagian": "Porsi NKO (%)",
        "kolom.biaya": "Poin NKO hilang",
        "kolom.jumlah_iku": "IKU",
        "ringkasan.biaya": "Yang paling menurunkan NKO",
        "ringkasan.biaya_bantuan": (
            "Agenda rapat menurut urutan: setiap IKU di bawah 100 kehilangan *porsi NKO × (100 − capaian)* poin. "
            "Porsi NKO adalah bobot IKU di perspektifnya dikali bobot perspektif; IKU abu-abu tidak dihitung. "
            "Poin IKU yang membentuk {judul} (capaian di atas 100 menambah) berjumlah 100 − NKO itu ({nko})."
        ),
        "ringkasan.biaya_unit_bantuan": (
            "Per sub-unit: kontribusi bersih ke NKO gabungan IKU sub-unit (poin yang hilang dikurangi poin yang "
            "ditambah; negatif = mengangkat). IKU induk kaskade yang dihitung dari IKU turunannya tidak dihitung "
            "lagi."
        ),
        "ringkasan.belum_lapor": "**{n} IKU belum dilaporkan** (abu-abu, tidak masuk NKO), menurut bobotnya:",
        "kolom.belum_dilaporkan": "Belum dilaporkan",
        "kolom.porsi_bobot": "Porsi bobot unit (%)",
        "ringkasan.biaya_kosong": "Tidak ada IKU yang menurunkan NKO: semua capaian yang terhitung ≥ 100.",
        "dialog.sampai_akhir_tahun": "Sampai akhir tahun",
        "dialog.pasti_hijau": "sudah pasti hijau",
        "aksi.judul": "Tindak lanjut rencana aksi",
        "dialog.berkas_tindak_lanjut": "tindak lanjut Dialog Kinerja",
        "aksi.selesai": "selesai",
        "aksi.berjalan": "berjalan",
        "aksi.terlambat": "terlambat",
        "aksi.batal": "batal",
        "aksi.belum": "belum dibahas",
        "aksi.lewat_tenggat": "lewat tenggat",
        "aksi.ubah": "Tindak lanjut {tw}: {aksi}",
        "aksi.status": "Status",
        "aksi.catatan": "Catatan tindak lanjut",
        "aksi.simpan": "Simpan tindak lanjut",
        "aksi.pilih_status": "Pilih status tindak lanjut (selesai, berjalan, terlambat atau batal) sebelum menyimpan.",
        "dialog.aksi_tersimpan": "Tindak lanjut tersimpan (revisi {id}).",
        "dialog.aksi_sama": "Tidak ada perubahan: tindak lanjut sama dengan yang tersimpan, tidak ada revisi baru.",
        "dialog.prognosis": "Prognosis akhir tahun (laju triwulan terakhir)",
        "dialog.tahun_lalu": "Tahun lalu s.d. {tw}",
        "dialog.agar_hijau": "agar hijau: {teks}",
        "dialog.agar_tidak_merah": "agar tidak merah: {teks}",
        "kolom.agar_tidak_merah": "Agar tidak merah",
        "kebutuhan.perlu": "{tw}: {makna} {batas}{satuan}",
        "kebutuhan.makna.jumlah": "jumlah",
        "kebutuhan.makna.rata-rata": "rata-rata",
        "kebutuhan.makna.nilai": "nilai",
        "kebutuhan.paling_sedikit": "paling sedikit {nilai}",
        "kebutuhan.paling_banyak": "paling banyak {nilai}",
        "kebutuhan.antara": "antara {lo} dan {hi}",
        "kebutuhan.sudah-aman": "sudah aman",
        "kebutuhan.tidak-mungkin": "tidak mungkin tercapai",
        "kebutuhan.lengkap": "tahun sudah lengkap",
        "kebutuhan.tidak-terhitung": "tidak dapat dihitung",
        "kebutuhan.belum-dilapor": "{tw} belum dilaporkan: IKU tetap abu-abu sampai dilaporkan",
        "kebutuhan.wajib_lapor": "{tw} harus dilaporkan (IKU abu-abu sampai itu); ",
        "angka.ya": "ya",
        "angka.tidak": "tidak",
        # the audit trail
        "jejak.impor": "{berkas}: {baru} baru, {berubah} berubah, {sama} sama",
        "jejak.batal": "membatalkan revisi {asal}: {berubah} berubah, {dihapus} dihapus, {sama} sama",
        "jejak.pengguna_tambah": "menambah pengguna {identitas} ({cara})",
        "jejak.pengguna_hapus": "menghapus pengguna {identitas}",
        "jejak.hak_beri": "memberi {identitas} peran {peran} pada {unit}",
        "jejak.hak_cabut": "mencabut peran {peran} pada {unit} dari {identitas}",
        "jejak.masuk": "masuk dengan sandi atau SSO",
        "jejak.masuk_gagal": "sandi salah (nama tidak dicatat bila bukan pengguna)",
        "jejak.sso_belum_verifikasi": "masuk SSO ditolak: e-mail belum diverifikasi penyedia (email_verified)",
        "jejak.sso_tanpa_klaim": "masuk SSO ditolak: token tanpa klaim {klaim}",
        "jejak.sso_tidak_terdaftar": "masuk SSO ditolak: bukan pengguna SSO yang terdaftar",
        "jejak.unggah_ditolak": "{berkas}: {n} baris untuk unit yang tidak boleh ditulis; tidak ada yang disimpan",
        "jejak.tidak_dikenal": "(nama tidak dikenal)",
        "jejak.judul": "Jejak Audit",
        "jejak.tindakan.impor": "simpan data",
        "jejak.tindakan.batal": "batalkan revisi",
        "jejak.tindakan.ditolak": "DITOLAK",
        "jejak.tindakan.masuk": "masuk",
        "jejak.tindakan.masuk_gagal": "GAGAL MASUK",
        "jejak.tindakan.keluar": "keluar",
        "jejak.tindakan.pengguna_tambah": "tambah pengguna",
        "jejak.tindakan.pengguna_hapus": "hapus pengguna",
        "jejak.tindakan.hak_beri": "beri hak",
        "jejak.tindakan.hak_cabut": "cabut hak",
        "jejak.cara.masuk": "akun",
        "jejak.cara.demo": "demo terbuka",
        "jejak.cara.sistem": "operator",
        "jejak.cara.lama": "sebelum ada masuk",
        "jejak.petunjuk": (
            "Setiap penulisan tercatat di sini: siapa, kapan, dari mana (halaman atau baris perintah), apa, dan unit "
            "mana — juga masuk/keluar, pengelolaan pengguna, dan penulisan yang ditolak. Catatan ini tidak dapat "
            "diubah atau dihapus dari aplikasi."
        ),
        "jejak.unit_mana_pun": "unit mana pun",
        "jejak.unit": "Unit (termasuk sub-unit)",
        "jejak.unit_bantuan": "Baris yang menyentuh unit ini atau unit di bawahnya",
        "jejak.pengguna": "Pengguna",
        "jejak.tanggal": "Tanggal (dari – sampai)",
        "jejak.jumlah": "{n} baris · waktu dalam zona {zona}",
        "jejak.unduh": "Unduh XLSX",
        "jejak.keluar": "keluar",
        # revisions
        "revisi.tidak_ada": "Revisi {id} tidak ada.",
        "revisi.bukan_impor": "Revisi {id} adalah pembatalan; unggah ulang berkasnya untuk mengembalikan data.",
        "revisi.sudah_dibatalkan": "Revisi {id} sudah dibatalkan oleh revisi {oleh}.",
        "revisi.yatim_iku": (
            "Revisi {id} tidak dapat dibatalkan: IKU dari unit {kode} masih ada, sedangkan unitnya akan hilang. "
            "Batalkan dulu revisi yang memuat IKU tersebut."
        ),
        "revisi.yatim_realisasi": (
            "Revisi {id} tidak dapat dibatalkan: realisasi IKU {kode} masih ada, sedangkan IKU-nya akan hilang. "
            "Batalkan dulu revisi yang memuat realisasi tersebut."
        ),
        "revisi.yatim_unit": (
            "Revisi {id} tidak dapat dibatalkan: unit di bawah {kode} masih ada, sedangkan induknya akan hilang. "
            "Batalkan dulu revisi yang memuat unit tersebut."
        ),
        "revisi.yatim_rapat": (
            "Revisi {id} tidak dapat dibatalkan: data rapat unit {kode} masih ada, sedangkan unitnya akan hilang. "
            "Batalkan dulu revisi yang memuat rapat tersebut."
        ),
        # storage
        "gudang.sibuk": (
            "Basis data {path} sedang dipakai proses lain. Coba lagi beberapa detik lagi."
        ),
        # command line
        # the store refuses, in words (storage.MasalahBasisData, ImporDitolak)
        "gudang.tidak_ada": (
            "Basis data {path} belum ada. Hanya impor yang membuatnya: python -m kinerja import unit.csv iku.csv "
            "realisasi.csv --db {path}"
        ),
        "gudang.folder": "{path} adalah folder, bukan berkas basis data DuckDB. Pilih berkas .duckdb dengan --db.",
        "gudang.kosong": (
            "Berkas {path} kosong (0 byte), bukan basis data DuckDB; berkas itu tidak diubah. Hapus berkas itu "
            "atau pilih berkas lain dengan --db."
        ),
        "gudang.bukan_duckdb": (
            "Berkas {path} bukan basis data DuckDB (mungkin CSV atau berkas lain); berkas itu tidak diubah. "
            "Pilih berkas .duckdb dengan --db."
        ),
        "gudang.rusak": (
            "Basis data {path} rusak atau terpotong ({sebab}); berkas itu tidak diubah. Pulihkan dari cadangan."
        ),
        "gudang.hanya_baca": (
            "Basis data {path} hanya-baca: tidak dapat ditulis oleh pengguna ini. Tidak ada yang disimpan."
        ),
        "gudang.gagal_tulis": (
            "Gagal menulis ke basis data {path} ({sebab}) — disk penuh? Tidak ada yang disimpan; data lama utuh."
        ),
        "gudang.skema_baru": (
            "Basis data ini sudah dimigrasikan oleh versi Dasbor Kinerja yang lebih baru (skema {versi}; aplikasi ini "
            "mengenal sampai {versi_ini}). Perbarui aplikasi di server ini; tidak ada yang diubah."
        ),
        "gudang.pg_tidak_terhubung": (
            "Server PostgreSQL {path} tidak dapat dihubungi ({sebab}). Periksa alamat, nama pengguna dan jaringan; "
            "tidak ada yang disimpan."
        ),
        "gudang.pg_alamat_salah": (
            "Alamat PostgreSQL {path} tidak dapat dibaca seperti yang dimaksud. Dalam URL, tulis karakter khusus di "
            "nama pengguna dan sandi dengan kode persen (@ → %40, / → %2F, : → %3A, ? → %3F, & → %26, % → %25), atau "
            "pakai bentuk host=… dbname=… user=… password='…'. Tidak ada yang disimpan."
        ),
        "gudang.tidak_terbuka": "Basis data {path} tidak dapat dibuka: {sebab}",
        "impor.yatim_realisasi": (
            "Tidak ada yang disimpan: realisasi merujuk IKU yang tidak ada lagi ({kode}). IKU itu mungkin baru saja "
            "dihapus oleh pembatalan revisi lain; periksa lalu unggah ulang."
        ),
        "impor.yatim_iku": (
            "Tidak ada yang disimpan: IKU merujuk unit yang tidak ada lagi ({kode}). Unit itu mungkin baru saja "
            "dihapus oleh pembatalan revisi lain; periksa lalu unggah ulang."
        ),
        "impor.yatim_rapat": (
            "Tidak ada yang disimpan: rapat merujuk unit yang tidak ada lagi ({kode}); periksa lalu simpan ulang."
        ),
        "impor.yatim_unit": (
            "Tidak ada yang disimpan: kode induk tidak ada lagi ({kode}); periksa lalu unggah ulang."
        ),
        "impor.ejaan_ganda": (
            "Tidak ada yang disimpan: kode yang sama tersimpan dengan ejaan lain ({kode}); kode tidak membedakan "
            "huruf besar/kecil. Unggah ulang agar diperiksa lagi."
        ),
        "impor.kaskade_induk": (
            "Tidak ada yang disimpan: IKU yang didukung tidak ada di tahunnya ({kode}). Periksa lalu unggah ulang."
        ),
        "impor.kaskade_siklus": (
            "Tidak ada yang disimpan: tautan kaskade membentuk siklus {jalur}. Periksa lalu unggah ulang."
        ),
        "impor.kaskade_tanpa_anak": (
            "Tidak ada yang disimpan: IKU yang mengambil realisasinya dari IKU turunan tidak punya IKU turunan "
            "({kode}). Periksa lalu unggah ulang."
        ),
        "impor.realisasi_turunan": (
            "Tidak ada yang disimpan: realisasi IKU {kode} dihitung dari IKU turunannya, bukan diunggah. Kosongkan "
            "kolom realisasinya lalu unggah ulang."
        ),
        "revisi.yatim_kaskade": (
            "Revisi {id} tidak dapat dibatalkan: IKU masih mendukung IKU yang akan hilang ({kode}). "
            "Batalkan dulu revisi yang memuat tautan tersebut."
        ),
        "impor.siklus": "Tidak ada yang disimpan: induk unit membentuk siklus {jalur}. Periksa lalu unggah ulang.",
        "dialog.catatan_terlalu_panjang": "{kolom}: {panjang} karakter, melebihi batas {batas} karakter; tidak disimpan.",
        "dialog.catatan_kendali": "{kolom} berisi karakter kendali (tak terlihat) dari salinan; ketik ulang teks itu.",
        "cli.pengguna_tidak_sah": "nama pengguna {nilai!r} tidak sah: satu baris teks biasa, paling banyak 200 huruf",
        "cli.diubah": "{berkas} ({jenis}): {ringkas}",
        "salin.sama": "Asal dan tujuan salinan adalah basis data yang sama ({path}); tidak ada yang disalin.",
        "salin.tujuan_berisi": (
            "Basis data tujuan {path} sudah berisi data; salinan hanya masuk ke basis data yang masih kosong. "
            "Tidak ada yang diubah."
        ),
        "cli.disalin": "Disalin dari {dari} ke {ke}: {revisi} revisi, {baris} baris seluruhnya.",
        "cli.tersimpan": "Tersimpan dalam satu transaksi ke {path} sebagai revisi {id}.",
        "cli.uji_coba": "Uji coba (--dry-run): tidak ada yang disimpan.",
        "cli.dibatalkan": (
            "Revisi {asal} dibatalkan oleh revisi {id}: {berubah} baris dikembalikan, {dihapus} dihapus, "
            "{sama} tetap."
        ),
        "cli.tidak_tersimpan": "Tidak ada yang disimpan: {n} kesalahan.",
        # komponen: the raw data an IKU's realisasi is computed from
        "jenis.komponen": "komponen",
        "galat.rumus": "rumus_komponen '{nilai}' tidak sah: {alasan}. Bentuk yang dikenal: rasio(a; b) = a × 100 / b, "
                       "jumlah(a; b; …), selisih(a; b)",
        "rumus.kosong": "kosong",
        "rumus.sintaks": "bukan berbentuk bentuk(a; b) di sekitar '{bagian}'",
        "rumus.bentuk-tidak-dikenal": "bentuk '{bagian}' tidak dikenal",
        "rumus.jumlah-komponen": "jumlah komponen tidak sesuai untuk {bagian} (rasio dan selisih 2, jumlah 2–10)",
        "rumus.nama-tidak-sah": (
            "nama komponen '{bagian}' tidak sah (huruf, angka dan _, diawali huruf, paling panjang 40)"
        ),
        "rumus.nama-ganda": "komponen '{bagian}' disebut dua kali",
        "galat.rumus_dan_agregasi": (
            "IKU ini sudah mengambil realisasinya dari IKU turunan (agregasi_anak); isi salah satu saja: "
            "agregasi_anak atau rumus_komponen"
        ),
        "galat.komponen_nama": (
            "nama komponen '{nilai}' tidak sah (huruf, angka dan _, diawali huruf, paling panjang 40)"
        ),
        "galat.komponen_tanpa_rumus": (
            "IKU {unit} {iku} tahun {tahun} tidak memiliki rumus_komponen; isi kolom itu di iku.csv dulu"
        ),
        "galat.komponen_asing": "IKU {unit} {iku} tidak memiliki komponen '{nilai}'; rumusnya {rumus}",
        "galat.realisasi_komponen": (
            "realisasi IKU {unit} {iku} dihitung dari komponennya ({rumus}); kosongkan kolom realisasi dan unggah "
            "komponen.csv"
        ),
        "impor.yatim_komponen": (
            "Tidak ada yang disimpan: komponen merujuk IKU yang tidak ada lagi ({kode}). IKU itu mungkin baru saja "
            "dihapus oleh pembatalan revisi lain; periksa lalu unggah ulang."
        ),
        "impor.komponen_asing": (
            "Tidak ada yang disimpan: komponen tidak disebut dalam rumus_komponen IKU-nya ({kode}). Rumus itu "
            "mungkin baru saja diubah; periksa lalu unggah ulang."
        ),
        "revisi.yatim_komponen": (
            "Revisi {id} tidak dapat dibatalkan: komponen IKU {kode} masih ada, sedangkan IKU-nya akan hilang. "
            "Batalkan dulu revisi yang memuat komponen tersebut."
        ),
        "komponen.dari": "{a} {nama_a} dari {b} {nama_b}",
        "komponen.judul": "Data dukung {triwulan}",
        "kolom.realisasi_dihitung": "Realisasi dihitung",
        # Kaskade IKU: one IKU down the units that support it (pages/kaskade.py, kinerja/pohon_kaskade.py)
        "halaman.kaskade": "Kaskade IKU",
        "kaskade.judul": "Kaskade IKU",
        "kaskade.petunjuk": (
            "Satu IKU dan IKU unit di bawahnya yang mendukungnya, tingkat demi tingkat, masing-masing dengan lampunya. "
            "Di setiap tingkat yang terburuk tampil paling atas."
        ),
        "kaskade.pilih": "IKU puncak",
        "kaskade.opsi": "{kode} · {nama} ({unit})",
        "kaskade.menahan": "Paling menahan: {unit} · {iku} ({status}, {capaian})",
        "kaskade.tidak_menahan": "Tidak ada yang menahan: setiap IKU paling bawah hijau atau belum dinilai.",
        "kaskade.asal_akar": "Realisasi {kode} {asal}.",
        "kaskade.kolom_iku": "Unit · nama IKU",
        "kaskade.lingkup": "Kaskade selalu mencakup sub-unit, semua perspektif dan semua status: filter itu tidak "
                           "berlaku di halaman ini.",
        "kaskade.tanpa": "Belum ada kaskade di {unit} dan sub-unitnya tahun {tahun}: tidak ada IKU yang didukung IKU "
                         "unit di bawahnya.",
        "kaskade.cara": (
            "Cara menyusunnya: di iku.csv, isi `kode_unit_induk` dan `kode_iku_induk` pada setiap IKU yang mendukung "
            "(unit dan kode IKU yang didukungnya, di unit atasnya, tahun yang sama). Bila realisasi IKU yang didukung "
            "dihitung dari IKU turunannya, isi `agregasi_anak`-nya: jumlah, rata-rata, minimum, terburuk (yang terburuk menurut polaritas) atau gabungan (komponen rasio dijumlahkan). Lalu unggah di "
            "halaman Unggah Data."
        ),
        # where a realisasi comes from when it is not uploaded (cascading, komponen)
        "asal.turunan": "dihitung dari {n} IKU turunan ({agregasi})",
        "asal.komponen": "dihitung dari komponennya, {tw}: {uraian}",
        "asal.rumus": "dihitung dari komponen: {rumus}",
        "asal.turunan_di_bawah": "dihitung dari IKU turunannya ({agregasi})",
        "dialog.asal": "Realisasi {teks}",
        "agregasi.jumlah": "jumlah",
        "agregasi.rata-rata": "rata-rata",
        "agregasi.minimum": "minimum",
        "agregasi.terburuk": "terburuk menurut polaritas",
        "agregasi.gabungan": "gabungan komponen",
        "peringatan.minimum_minimize": (
            "{berkas}: agregasi_anak minimum mengambil nilai terkecil tanpa melihat polaritas; pada IKU minimize "
            "({daftar}) itu kantor terbaik, bukan yang terburuk. Pakai `terburuk` bila yang dimaksud kantor "
            "terburuk."),
    }
}


TEKS["en"] = TEKS_EN


def t(kunci: str, /, **isian: object) -> str:
    """The text for ``kunci`` in the current language, with ``{isian}`` filled in.

    A count ``n`` of exactly one takes the key's singular form ``<kunci>.satu`` when the language has one
    ("1 IKU green today is heading …"); otherwise the key itself.

    >>> with dalam_bahasa("en"):
    ...     t("ringkasan.prognosis_menurun", n=1)[:27], t("ringkasan.prognosis_menurun", n=2)[:28]
    ('**1 IKU green today is head', '**2 IKU green today are head')
    """
    teks = TEKS[_BAHASA.get()]
    if isian.get("n") == 1 and f"{kunci}.satu" in teks:
        kunci = f"{kunci}.satu"
    return teks[kunci].format(**isian)


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
deuteranopia and tritanopia (tests/test_warna.py), where the classic
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
    lo = None if k.paling_sedikit is None else math.ceil(round(k.paling_sedikit * kali, 6)) / kali
    hi = None if k.paling_banyak is None else math.floor(round(k.paling_banyak * kali, 6)) / kali
    if _bersatuan_sendiri(satuan):  # money and percentages carry their unit on each number: "Rp 960 juta"
        lo, hi = (None if v is None else nilai_satuan(v, satuan) for v in (lo, hi))
        satu = ""
    else:
        lo, hi = (None if v is None else angka(v) for v in (lo, hi))
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


_POLA_TANGGAL = {"id": "dd/MM/y", "en": "d MMM y"}
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
