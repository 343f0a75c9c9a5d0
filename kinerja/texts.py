"""Every word a user reads, in one place: Bahasa Indonesia now, English can follow.

``t("kunci", isian=...)`` formats one entry. Status and reason codes from the
core are turned into words here too, so the core stays free of UI language.
"""

from __future__ import annotations

import datetime

import pandas as pd

from kinerja_core.model import AlasanAbu, Status

BAHASA = "id"

TEKS: dict[str, dict[str, str]] = {
    "id": {
        # app and navigation
        "app.judul": "Dasbor Kinerja",
        "halaman.ringkasan": "Ringkasan",
        "halaman.progres": "Progres per Triwulan",
        "halaman.unggah": "Unggah Data",
        "halaman.riwayat": "Riwayat",
        "halaman.tidak_ada": "Tidak ada IKU untuk pilihan filter ini.",
        # sidebar filters
        "filter.judul": "Filter",
        "filter.tahun": "Tahun",
        "filter.triwulan": "Triwulan (s.d.)",
        "filter.unit": "Unit",
        "filter.sub_unit": "Sertakan sub-unit",
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
        "unduh.csv": "Unduh CSV",
        "unduh.xlsx": "Unduh Excel",
        # Progres
        "progres.judul": "Progres per Triwulan",
        "progres.pilih_iku": "IKU",
        "progres.grafik_target": "Target",
        "progres.grafik_realisasi": "Realisasi",
        "progres.grafik_capaian": "Capaian s.d. TW (%)",
        "progres.sumbu_nilai": "Nilai ({satuan})",
        "progres.sumbu_capaian": "Capaian (%)",
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
        "progres.garis_target": "100% = target",
        # Unggah
        "unggah.judul": "Unggah Data",
        "unggah.petunjuk": (
            "Unggah berkas unit, IKU (katalog dan target) atau realisasi, dalam CSV atau Excel. Jenis berkas "
            "dikenali dari baris judul kolom. Pemisah titik koma, koma atau tab, koma desimal (90,9) dan titik "
            "ribuan (5.700.000.000) diterima. Tidak ada yang disimpan sebelum Anda menekan **Simpan perubahan**; "
            "setiap simpanan menjadi revisi yang dapat dibatalkan di halaman Riwayat."
        ),
        "unggah.pilih": "Pilih berkas CSV atau Excel (.xlsx)",
        "unggah.pengguna": "Nama Anda (dicatat di riwayat revisi)",
        "unggah.pengguna_contoh": "mis. Siti Rahma, Subbag TU",
        "unggah.isi_pengguna": "Isi nama Anda di atas sebelum menyimpan.",
        "unggah.templat": "Unduh templat",
        "unggah.templat_untuk": "Templat berisi kode IKU untuk: {unit}",
        "unggah.templat_realisasi": "Realisasi {triwulan}",
        "unggah.templat_iku": "IKU dan target",
        "unggah.templat_unit": "Unit",
        "unggah.pratinjau": "Pratinjau perubahan",
        "unggah.jenis": "{berkas}: berkas {jenis}, {baris} baris",
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
        "jenis.unit": "unit",
        "jenis.iku": "IKU",
        "jenis.realisasi": "realisasi",
        # Dialog Kinerja
        "halaman.dialog": "Dialog Kinerja",
        "dialog.judul": "Dialog Kinerja Organisasi",
        "dialog.ringkasan": "Ringkasan",
        "dialog.posisi": "IKU {nomor} dari {jumlah}",
        "dialog.sebelumnya": "Sebelumnya",
        "dialog.berikutnya": "Berikutnya",
        "dialog.tema": "Tema proyektor",
        "dialog.terang": "Terang",
        "dialog.gelap": "Gelap",
        "dialog.bekukan": "Bekukan data",
        "dialog.bekukan_bantuan": "Tampilkan data seperti saat halaman ini dibuka, walau ada unggahan baru.",
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
        "dialog.data_triwulan": "Data per triwulan",
        "dialog.catatan": "Kendala dan rencana aksi",
        "dialog.catatan_kosong": "Belum ada catatan untuk {tw}.",
        "dialog.catatan_sebelumnya": "Catatan triwulan sebelumnya",
        "dialog.tenggat": "Tenggat",
        "dialog.catat": "Catat kendala & rencana aksi ({tw})",
        "dialog.simpan_catatan": "Simpan catatan",
        "dialog.catatan_tersimpan": "Catatan tersimpan (revisi {id}).",
        "dialog.berkas_catatan": "catatan Dialog Kinerja",
        "dialog.unduh_deck": "Unduh notulen (PPTX)",
        "dialog.unduh_xlsx": "Unduh tabel (Excel)",
        "dialog.unduh_csv": "Unduh tabel (CSV)",
        "dialog.tanpa_grafik": "Grafik tidak dapat digambar di server ini (Chromium tidak tersedia).",
        # Riwayat
        "riwayat.judul": "Riwayat Revisi",
        "riwayat.petunjuk": (
            "Setiap unggahan yang disimpan adalah satu revisi. Membatalkan revisi mengembalikan data persis seperti "
            "sebelum revisi itu (revisi lain yang masih berlaku tetap dihormati); pembatalan itu sendiri menjadi revisi."
        ),
        "riwayat.kolom.id": "Revisi",
        "riwayat.kolom.waktu": "Waktu",
        "riwayat.kolom.pengguna": "Oleh",
        "riwayat.kolom.berkas": "Berkas",
        "riwayat.kolom.dihapus": "dihapus",
        "riwayat.kolom.keadaan": "Keadaan",
        "riwayat.membatalkan": "membatalkan revisi {id}",
        "riwayat.dibatalkan_oleh": "dibatalkan oleh revisi {id}",
        "riwayat.berlaku": "berlaku",
        "riwayat.batal_judul": "Batalkan revisi",
        "riwayat.pilih": "Revisi yang dibatalkan",
        "riwayat.pilihan": "Revisi {id} · {berkas} · {pengguna} · {waktu}",
        "riwayat.batal": "Batalkan revisi ini",
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
        "galat.jumlah_kolom": "baris ini berisi {ada} kolom, padahal judul kolom hanya {judul}; periksa pemisah dan tanda kutip",
        "galat.xlsx_rusak": "berkas Excel tidak dapat dibuka ({sebab}); simpan ulang sebagai .xlsx atau CSV",
        "galat.sel_gabung": (
            "sel digabung (merge) {sel} di sheet {sheet}; pisahkan sel itu dan isi setiap kolom/baris sendiri-sendiri"
        ),
        "galat.terlalu_besar": "berkas {ukuran} MB melebihi batas {batas} MB; bagi menjadi beberapa berkas",
        "galat.terlalu_banyak_baris": "berkas berisi {baris} baris, melebihi batas {batas} baris; bagi menjadi beberapa berkas",
        "galat.kolom_ganda": "kolom {kolom} muncul lebih dari sekali",
        "galat.kolom_diabaikan": "kolom yang tidak dikenal diabaikan: {kolom}",
        "galat.wajib": "wajib diisi",
        "galat.angka": "'{nilai}' bukan angka; yang diharapkan angka seperti 90,9 atau 5.700.000.000",
        "galat.tahun": "'{nilai}' bukan tahun; yang diharapkan tahun empat angka, misalnya 2019",
        "galat.triwulan": "'{nilai}' bukan triwulan; yang diharapkan 1–4, TW I–TW IV, Triwulan 1–4 atau Q1–Q4",
        "galat.polaritas": "'{nilai}' bukan polaritas; yang diharapkan maximize, minimize atau stabilize",
        "galat.konsolidasi": "'{nilai}' bukan konsolidasi; yang diharapkan sum, average atau last",
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
        "galat.induk_siklus": "unit {nilai} menjadi induk dirinya sendiri (lewat {jalur})",
        "galat.lebih_banyak": "… dan {n} kesalahan lain",
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
        # storage
        "gudang.sibuk": (
            "Basis data {path} sedang dipakai proses lain. Coba lagi beberapa detik lagi."
        ),
        # command line
        "cli.diubah": "{berkas} ({jenis}): {ringkas}",
        "cli.tersimpan": "Tersimpan dalam satu transaksi ke {path} sebagai revisi {id}.",
        "cli.uji_coba": "Uji coba (--dry-run): tidak ada yang disimpan.",
        "cli.dibatalkan": (
            "Revisi {asal} dibatalkan oleh revisi {id}: {berubah} baris dikembalikan, {dihapus} dihapus, "
            "{sama} tetap."
        ),
        "cli.tidak_tersimpan": "Tidak ada yang disimpan: {n} kesalahan.",
    }
}


def t(kunci: str, /, **isian: object) -> str:
    """The text for ``kunci`` in the current language, with ``{isian}`` filled in."""
    return TEKS[BAHASA][kunci].format(**isian)


ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}

WARNA_STATUS = {
    Status.HIJAU: "#1a7f37",
    Status.KUNING: "#d4a017",
    Status.MERAH: "#c62828",
    Status.ABU_ABU: "#8c959f",
}
"""Traffic-light colours, dark enough to read white text on and to survive a washed-out projector."""

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


def angka(nilai: object, desimal: int = 2, *, tetap: bool = False) -> str:
    """A value as Indonesians write it: thousands dots, decimal comma, no trailing zeros (unless ``tetap``).

    >>> angka(5700000000.5), angka(90.9), angka(120.0), angka(None), angka("TW I"), angka(pd.Timestamp("2019-12-20"))
    ('5.700.000.000,5', '90,9', '120', '—', 'TW I', '20/12/2019')
    >>> angka(103.0, tetap=True)
    '103,00'

    """
    if nilai is None or (not isinstance(nilai, str) and pd.api.types.is_scalar(nilai) and pd.isna(nilai)):
        return KOSONG
    if isinstance(nilai, (datetime.date, pd.Timestamp)):
        return nilai.strftime("%d/%m/%Y")
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    if not isinstance(nilai, (int, float)):
        return str(nilai)
    teks = f"{nilai:,.{desimal}f}"
    if desimal and not tetap:
        teks = teks.rstrip("0").rstrip(".")
    return teks.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
