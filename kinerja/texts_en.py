"""English for every entry of ``kinerja.texts.TEKS["id"]``: the same keys, in the same order.

Each value keeps its Indonesian counterpart's ``{placeholders}``, Markdown, leading and trailing spaces and
punctuation (some entries are appended to others). Domain terms the users know stay as they are: IKU, NKO,
TW I–IV as a quarter label, Dialog Kinerja, role names (pengisi, pembaca, admin), CSV column and sheet names,
codes, file names, command lines, and the values an upload accepts (maximize, sum, selesai, Stakeholder, …).
"""

from __future__ import annotations

TEKS_EN: dict[str, str] = {
    # app and navigation
    "app.judul": "Performance Dashboard",
    "bahasa.pilih": "Language",
    "bahasa.id": "Bahasa Indonesia",
    "bahasa.en": "English",
    "halaman.ringkasan": "Summary",
    "halaman.progres": "Progress by Quarter",
    "halaman.unggah": "Upload Data",
    "halaman.riwayat": "History",
    "halaman.jejak": "Audit Trail",
    "halaman.tidak_ada": "No IKU for this filter selection.",
    # sidebar filters
    "filter.judul": "Filters",
    "filter.tahun": "Year",
    "filter.triwulan": "Quarter (through)",
    "filter.unit": "Unit",
    "filter.tanpa_unit": "You have no read access to any unit this year. Ask an admin to grant access.",
    "filter.sub_unit": "Include sub-units",
    "filter.sumber": "Source (planning basis)",
    "cakupan.sumber": "source: {daftar}",
    "sumber.penkin": "PENKIN (performance agreement)",
    "sumber.sasaran_mutu": "Quality objectives (Sasaran Mutu)",
    "sumber.pnbp": "PNBP (non-tax revenue)",
    "sumber.lainnya": "Other",
    "filter.perspektif": "Perspective",
    "filter.status": "Status",
    "filter.semua": "All",
    "filter.kosong": "No data yet. Open the Upload Data page to load units, IKU and actuals.",
    "filter.basis_data": "Database: {path}",
    # traffic lights
    "status.hijau": "Green",
    "status.kuning": "Yellow",
    "status.merah": "Red",
    "status.abu-abu": "Grey",
    "alasan.belum-diukur": "not yet measured; target starts in {triwulan_target}",
    "alasan.belum-diukur.tanpa": "no target up to this quarter",
    "alasan.realisasi-belum-ada": "actual not yet reported",
    "alasan.target-nol": "target 0: achievement cannot be calculated",
    "alasan.tanpa-realisasi-terburuk": "target 0 with minimize polarity requires realisasi_terburuk",
    "triwulan.nama": "TW {romawi}",
    # Ringkasan
    "ringkasan.judul": "Performance Summary",
    "ringkasan.sub": "{unit} · Year {tahun} · through TW {romawi}",
    "ringkasan.jumlah": "{total} IKU: {rincian}",
    "ringkasan.nko": "NKO",
    "ringkasan.nko_kosong": "—",
    "ringkasan.nko_gabungan": "Combined NKO",
    "ringkasan.nko_unit": "NKO by unit",
    "ringkasan.sub_unit": "Sub-units of {unit}",
    "ringkasan.sub_unit_bantuan": "NKO of each direct sub-unit, lowest at the top; figures on the right: number of IKU "
                                  "per status in that unit and below it. Click a bar to open that unit.",
    "halaman.baris": "{awal}–{akhir} of {total}",
    "halaman.nomor": "Page",
    "ringkasan.tabel": "IKU",
    # table columns
    "kolom.kode_unit": "Unit code",
    "kolom.nama_unit": "Unit",
    "kolom.kode_iku": "IKU code",
    "kolom.nama_iku": "IKU",
    "kolom.perspektif": "Perspective",
    "kolom.satuan": "Unit of measure",
    "kolom.target": "Target through TW",
    "kolom.realisasi": "Actual through TW",
    "kolom.capaian": "Achievement (%)",
    "kolom.status": "Status",
    "kolom.keterangan": "Remarks",
    "kolom.nko": "NKO",
    "kolom.bobot": "Weight",
    "kolom.polaritas": "Polarity",
    "kolom.triwulan": "Quarter",
    "kolom.kendala": "Obstacles",
    "kolom.baris": "Row",
    "kolom.berkas": "File",
    "kolom.kolom": "Column",
    "kolom.pesan": "Error",
    "kolom.perubahan": "Change",
    "kolom.rincian": "Change details",
    "kolom.rencana_aksi": "Action plan",
    "kolom.pic": "PIC",
    "kolom.tenggat": "Deadline",
    "kolom.tanggal": "Meeting date",
    "kolom.tempat": "Venue",
    "kolom.pimpinan": "Chaired by",
    "kolom.peserta": "Participants",
    "kolom.arahan": "Directives / decisions",
    "unduh.csv": "Download CSV",
    "unduh.xlsx": "Download Excel",
    # Progres
    "progres.judul": "Progress by Quarter",
    "progres.pilih_iku": "IKU",
    "progres.grafik_target_sd": "Target through TW",
    "progres.grafik_realisasi_sd": "Actual through TW",
    "progres.grafik_realisasi_warna": "Actual through TW (colour = status)",
    "progres.tanpa_target": "no target",
    "progres.sumbu_nilai": "Value ({satuan})",
    "progres.per_triwulan": "Data by quarter",
    "progres.periodik_target": "Quarterly target",
    "progres.periodik_realisasi": "Quarterly actual",
    "progres.info": "{polaritas} · aggregation: {konsolidasi} · weight {bobot}",
    "polaritas.maximize": "Higher is better",
    "polaritas.minimize": "Lower is better",
    "polaritas.stabilize": "Closer to target is better",
    "konsolidasi.sum": "sum",
    "konsolidasi.average": "average",
    "konsolidasi.last": "last value",
    # Unggah
    "unggah.judul": "Upload Data",
    "unggah.petunjuk": (
        "Upload unit, IKU (catalogue and targets), actuals or components (supporting data) files, as CSV or "
        "Excel. The file type is "
        "recognised from the header row. Semicolon, comma or tab separators, decimal commas (90,9) and thousands "
        "dots (5.700.000.000) are accepted. Nothing is saved until you press **Save changes**; "
        "every save becomes a revision that can be undone on the History page."
    ),
    "unggah.pilih": "Choose a CSV or Excel (.xlsx) file",
    "unggah.tombol_pilih": "Choose file",
    "unggah.batas": "Drag files here · at most {mb} MB per file · CSV, TXT, TSV, XLSX",
    "unggah.templat": "Download template",
    "unggah.templat_untuk": "Template with the IKU codes for: {unit}",
    "unggah.templat_realisasi": "Actuals for {triwulan}",
    "unggah.templat_iku": "IKU and targets",
    "unggah.realisasi_tergantikan": (
        "IKU {unit} {iku} of {tahun} now computes its realisasi: the realisasi stored for {triwulan} are no longer "
        "used (they stay stored, and count again if the setting is removed)"
    ),
    "unggah.templat_komponen": "Components for {triwulan}",
    "unggah.templat_unit": "Units",
    "unggah.pratinjau": "Preview of changes",
    "unggah.jenis": "{berkas}: {jenis} file, {baris} rows",
    "unggah.status_terbatas": "Light changes (e.g. ● Green → ■ Red) are shown for the first {batas} new or changed "
                              "actual rows; the other {sisa} rows are shown without that column. All rows "
                              "are still saved.",
    "unggah.ringkas": "{baru} new · {berubah} changed · {sama} unchanged",
    "unggah.konfirmasi": "Save changes",
    "unggah.berhasil": "Saved as revision {id}: {ringkas}.",
    "unggah.tidak_ada_perubahan": "No changes: every row matches what is stored.",
    "unggah.gagal": "The file cannot be saved. Fix the errors below, then upload again; the stored data is unchanged.",
    "unggah.kolom_perubahan": "Change",
    "unggah.lama": "Old",
    "unggah.baru": "New",
    "unggah.kunci": "Key",
    "perubahan.baru": "new",
    "perubahan.berubah": "changed",
    "perubahan.sama": "unchanged",
    "perubahan.dihapus": "deleted",
    "jenis.unit": "unit",
    "jenis.iku": "IKU",
    "jenis.realisasi": "actuals",
    "jenis.rapat": "meeting",
    # Dialog Kinerja
    "halaman.dialog": "Dialog Kinerja",
    # layout and preview words
    "filter.tidak_ada_pilihan": "No options",
    "dialog.judul": "Dialog Kinerja Organisasi",
    "dialog.ringkasan": "Summary",
    "dialog.posisi": "IKU {nomor} of {jumlah}",
    "dialog.sebelumnya": "Previous",
    "dialog.berikutnya": "Next",
    "dialog.tema": "Projector theme",
    "dialog.terang": "Light",
    "dialog.gelap": "Dark",
    "dialog.bekukan": "Freeze data",
    "dialog.bekukan_bantuan": "Keep the data shown now, even when new uploads arrive; turn off for the latest data.",
    "dialog.beku_sejak": "Data frozen: as of {jam}.",
    "dialog.langsung": "Live data: refreshed automatically every {detik} seconds when there are new uploads.",
    "dialog.layar_penuh": "Hide filters",
    "dialog.layar_penuh_bantuan": "Hide the sidebar during the presentation; turn off to change the unit or quarter.",
    "dialog.per_perspektif": "Status by perspective",
    "dialog.perhatian": "IKU needing attention",
    "dialog.semua_hijau": "All IKU are green.",
    "dialog.kosong": "No IKU for this selection.",
    "dialog.belum_ada": "none yet",
    "dialog.capaian": "Achievement",
    "dialog.target_sd": "Target through {tw}",
    "dialog.realisasi_sd": "Actual through {tw}",
    "dialog.catatan": "Obstacles and action plans",
    "dialog.catatan_kosong": "No notes yet for {tw}.",
    "dialog.catatan_sebelumnya": "Previous quarter's notes",
    "dialog.tenggat": "Deadline",
    "dialog.simulasi": "Simulation: what if … (not stored)",
    "dialog.simulasi_bantuan": "Type a value for a quarter not yet reported: achievement, status and NKO are "
                               "recomputed on this screen only. Nothing is stored.",
    "dialog.simulasi_nilai": "Actual {tw} (simulation)",
    "dialog.simulasi_tidak_ada": "No open quarter to simulate: every quarter with a target is reported.",
    "dialog.simulasi_capaian": "Achievement through {tw} · SIMULATION",
    "dialog.simulasi_nko": "NKO · SIMULATION",
    "dialog.rumus_nko_xlsx": "NKO = weighted mean of achievement (by bobot) over the IKU that have an achievement, "
                             "rounded to 2 decimals",
    "dialog.rumus_nko_xlsx_tidak": "The NKO cannot be recomputed from this table's rows (some of its IKU are not in "
                                   "the table, or perspective weights are set)",
    "dialog.tenggat_bantuan": "A whole date, day/month/year, e.g. 30/11/2026; leave empty when there is none.",
    "dialog.tenggat_salah": "Deadline “{teks}” is incomplete or not a date: write day/month/year, e.g. 30/11/2026. "
                            "The notes were not saved.",
    "dialog.catat": "Record obstacles & action plan ({tw})",
    "dialog.catat_dan_tindak_lanjut": "Record obstacles & action plan ({tw}) and follow-up",
    "dialog.simpan_catatan": "Save notes",
    "dialog.catatan_tersimpan": "Notes saved (revision {id}).",
    "dialog.berkas_catatan": "Dialog Kinerja notes",
    "dialog.unduh_deck": "Download minutes (PPTX)",
    "dialog.deck_terlalu_banyak": "The PPTX minutes hold at most {batas} IKU; this selection has {n}. Choose a "
                                  "lower unit, or filter by status or perspective.",
    "dialog.unduh_xlsx": "Download table (Excel)",
    "dialog.unduh_csv": "Download table (CSV)",
    "dialog.berkas_rapat": "Dialog Kinerja meeting details",
    "dialog.isi_rapat": "Enter meeting details (date, venue, chair, participants)",
    "dialog.isi_arahan": "Record the meeting's directives / decisions",
    "dialog.simpan_rapat": "Save",
    "dialog.rapat_tersimpan": "Meeting details saved (revision {id}).",
    "dialog.rapat_sama": "No changes: the meeting details match what is stored; no new revision.",
    "dialog.peserta_bantuan": "One name per line.",
    "dialog.arahan_bantuan": "One directive per line; a leading number or bullet is fine.",
    "dialog.arahan": "Leadership directives",
    "dialog.arahan_kosong": "No directives recorded yet.",
    "dialog.posisi_arahan": "Directives",
    "dialog.kontrol": "Controls",
    "dialog.unduh": "Download",
    "dialog.dan_lainnya": "… and {n} more IKU",
    "dialog.jumlah_peserta": "{n} participants",
    # deck (PPTX)
    "deck.belum_diisi": "not filled in",
    "deck.dan_lainnya": "… and {n} more",
    "deck.target_tw": "Quarter target",
    "deck.realisasi_tw": "Quarter actual",
    "dialog.catatan_sama": "No changes: the notes match what is stored; no new revision.",
    # what a figure covers (issue 10): every NKO and count says which IKU it is computed from
    "cakupan.nko_unit": "NKO of {unit}",
    "cakupan.nko_gabungan": "Combined NKO",
    "cakupan.iku": "covers {dinilai} of {total} IKU",
    "cakupan.belum_dilaporkan": "{n} not yet reported",
    "cakupan.belum_diukur": "{n} not yet measured",
    "cakupan.tidak_dapat_dihitung": "{n} cannot be calculated",
    "cakupan.perspektif": "perspective: {daftar}",
    "cakupan.lingkup_unit": "IKU of {unit}",
    "cakupan.lingkup_sub_unit": "IKU of {unit} and {n} sub-units",
    "cakupan.lingkup_jumlah": "Status counts and NKO: {lingkup}",
    "cakupan.tabel_status": "Showing {n} of {total} IKU (status filter: {status}).",
    # Riwayat
    "riwayat.judul": "Revision History",
    "riwayat.petunjuk": (
        "Every saved upload is one revision. Undoing a revision restores the data exactly as it was before "
        "that revision (other revisions still in effect are respected); the undo itself becomes a revision."
    ),
    "riwayat.kolom.id": "Revision",
    "riwayat.kolom.waktu": "Time",
    "riwayat.kolom.pengguna": "By",
    "riwayat.kolom.asal": "From",
    "riwayat.kolom.berkas": "File",
    "riwayat.kolom.dihapus": "deleted",
    "riwayat.kolom.keadaan": "State",
    "riwayat.membatalkan": "undoes revision {id}",
    "riwayat.dibatalkan_oleh": "undone by revision {id}",
    "riwayat.berlaku": "in effect",
    "riwayat.sebagian": " · in part: rows for your units: {n} (other units not shown)",
    "riwayat.oleh_operator": "{pengguna} (run by operator {operator})",
    "riwayat.batal_judul": "Undo a revision",
    "riwayat.pilih": "Revision to undo",
    "riwayat.pilihan": "Revision {id} · {berkas} · {pengguna} · {waktu}",
    "riwayat.batal": "Undo this revision",
    "riwayat.tinjau": "Review the undo",
    "riwayat.tinjau_judul": (
        "Undoing revision {id} will change {berubah} rows and delete {dihapus} rows "
        "({sama} rows stay the same). Check, then confirm:"
    ),
    "riwayat.tinjau_sebagian": "Showing the first {n} rows per data type; the counts above cover all of them.",
    "riwayat.tinjau_kosong": "Undoing revision {id} changes no data (it is only recorded in the history).",
    "riwayat.konfirmasi": "Yes, undo revision {id}",
    "riwayat.urung": "Cancel",
    # file errors
    "galat.lokasi": "{berkas}, row {baris}, column {kolom}: {pesan}",
    "galat.lokasi_berkas": "{berkas}: {pesan}",
    "galat.lokasi_baris": "{berkas}, row {baris}: {pesan}",
    "galat.tidak_terbaca": "the file cannot be read as CSV text ({sebab})",
    "galat.kosong": "empty file: no header row",
    "galat.tanpa_data": "the file has only the header row, no data rows",
    "galat.jenis_tidak_dikenal": (
        "file type not recognised from the column headers ({kolom}); expected: unit.csv "
        "(kode_unit, nama_unit, kode_induk), iku.csv (tahun, kode_unit, kode_iku, nama_iku, …, "
        "target_tw1…target_tw4) or realisasi.csv (tahun, triwulan, kode_unit, kode_iku, realisasi)"
    ),
    "galat.kolom_hilang": "required column missing: {kolom}",
    "galat.kolom_asing": "; unknown columns: {daftar}",
    "peringatan.persen_pecahan": (
        "{berkas}: these values are about a hundredth of their target, perhaps a percentage typed as a fraction "
        "(0,72 for 72 %): {daftar}. If they are wrong, correct them and upload again; if right, save as usual"
    ),
    "peringatan.baris_persen": "row {baris} ({kode_iku} {triwulan}: {nilai}, target {target})",
    "peringatan.sasaran_lintas": (
        "strategic objective '{sasaran}' ({unit}, {tahun}) is under more than one perspective: {perspektif}. "
        "The Strategy Map shows it under each of them, its IKU counted per perspective"
    ),
    "galat.saran_kolom": "{kolom} (did you mean {saran}?)",
    "galat.jumlah_kolom": "this row has {ada} columns, but the header has only {judul}; check the separators and quotes",
    "galat.xlsx_rusak": "the Excel file cannot be opened ({sebab}); save it again as .xlsx or CSV",
    # xlsx (lembar kerja)
    "galat.xlsx_xls": (
        ".xls files (Excel 97–2003) are not supported. Save it again as .xlsx: "
        "File → Save As → Excel Workbook (*.xlsx), then upload that .xlsx file"
    ),
    "galat.xlsx_sandi": (
        "this Excel file is password-protected, so it cannot be read. Open it in Excel, remove the password "
        "(File → Info → Protect Workbook → Encrypt with Password, clear it), then save it again as .xlsx"
    ),
    "galat.xlsx_xlsb": (
        "this file is Excel Binary (.xlsb), not .xlsx. Save it again as .xlsx: "
        "File → Save As → Excel Workbook (*.xlsx)"
    ),
    "galat.xlsx_ods": (
        "this file is OpenDocument (.ods), not .xlsx. Save it again as .xlsx: in LibreOffice "
        "File → Save As → Excel 2007-365 (.xlsx); in Google Sheets File → Download → Microsoft Excel (.xlsx)"
    ),
    "galat.xlsx_bukan_excel": (
        "this file is a zip archive (for example a Word or PowerPoint document), not an Excel workbook; "
        "upload an .xlsx or CSV file"
    ),
    "galat.xlsx_sebab_direktori": "zip directory too large",
    "galat.xlsx_sebab_bagian": "part {bagian} is missing",
    "galat.xlsx_sebab_sheet": "too many sheets",
    "galat.xlsx_sebab_token": "abnormal content in {bagian}: a single tag or text over 1 MB",
    "galat.xlsx_sebab_teks_panjang": "shared strings longer than {batas} characters",
    "galat.xlsx_sebab_teks_bersama": "cell {sel} refers to a shared string that does not exist",
    "galat.xlsx_isi_besar": (
        "the Excel file's content is too large once extracted: part {bagian} is {ukuran} MB, "
        "{total} MB in all, over the {batas} MB limit; the file is damaged or too large, "
        "split it into several files"
    ),
    "galat.xlsx_teks_besar": (
        "the text inside the Excel file exceeds the {batas} MB limit; split it into several files"
    ),
    "galat.xlsx_kembang": (
        "abnormal Excel file: part {bagian} of {kecil} expands to more than {besar} when extracted "
        "(limit {rasio} times its size); the file is damaged or deliberately inflated. "
        "Save it again as .xlsx or CSV"
    ),
    "galat.xlsx_sebab_elemen": "part {bagian} holds more than {batas} XML elements without data",
    "galat.xlsx_sheet_boros": (
        "sheet {sheet} holds too many empty rows or cells: reading stopped after {baris} rows "
        "({data} with data) and {elemen} XML elements, over the limit of {batas} elements without data. Delete "
        "the empty rows and columns below and right of the data (Ctrl+End shows the last cell Excel keeps), "
        "save, and upload again"
    ),
    "galat.xlsx_terlalu_banyak_baris": (
        "the file has more than {batas} rows, over the limit of {batas} rows; split it into several files"
    ),
    "galat.xlsx_sel_panjang": "cell {sel} holds more than {batas} characters, Excel's limit for one cell",
    "galat.xlsx_sel_lain": " and {n} other cells",
    "galat.xlsx_lain": " and {n} more",
    "galat.xlsx_rumus_tanpa_nilai": (
        "formula without a stored value in cell {sel}: this file was written by a program and never calculated "
        "and saved by Excel, so its formula results are missing. Open the file in Excel and save it again, "
        "or replace the formulas with their values (Copy, then Paste Special → Values)"
    ),
    "galat.xlsx_kolom_di_luar_batas": "column headers beyond the first {batas} columns are ignored: cell {sel}",
    "galat.xlsx_sheet_tersembunyi": "hidden sheet not read: {sheet}",
    "galat.xlsx_sheet_lain": (
        "only the first sheet ({dibaca}) is read; sheet {sheet} is not. Name the sheets unit, iku "
        "or realisasi to have each of them read"
    ),
    "galat.xlsx_sheet_kosong": "empty sheet skipped: {sheet}",
    "galat.xlsx_tanpa_sheet": "the workbook has no visible sheet; unhide the sheet with the data",
    "galat.xlsx_banyak_sheet": (
        "the workbook has several data sheets ({sheet}); upload this workbook on the Upload Data page, "
        "or save each sheet as a separate file"
    ),
    "galat.sel_gabung": (
        "merged cells {sel} in sheet {sheet}; unmerge them and fill in each column/row separately"
    ),
    "galat.terlalu_besar": "the file is {ukuran} MB, over the {batas} MB limit; split it into several files",
    "galat.terlalu_banyak_baris": "the file has {baris} rows, over the limit of {batas} rows; split it into several files",
    "galat.kolom_ganda": "column {kolom} appears more than once",
    "galat.kolom_diabaikan": "unknown columns ignored: {kolom}",
    "galat.wajib": "required",
    "galat.angka": "'{nilai}' is not a number; expected a number such as 90,9 or 5.700.000.000",
    # teks dan angka unggahan
    "baca.dua_gaya": (
        "the file uses two number styles: row {baris_a} '{nilai_a}' ({gaya_a}) and row {baris_b} '{nilai_b}' "
        "({gaya_b}); use one style for the whole file, for example a decimal comma without thousands separators "
        "(90,9 and 1500)"
    ),
    "baca.koma_desimal": "decimal comma",
    "baca.titik_desimal": "decimal point",
    "baca.titik_ribuan": "thousands dot",
    "baca.koma_ribuan": "thousands comma",
    "baca.angka_ganda": (
        "'{nilai}' could mean {ribuan} or {desimal}, and this file does not show its number style; "
        "write {ribuan} if you mean thousands, or {tulis_desimal} if you mean a decimal"
    ),
    "baca.gaya_indonesia": (
        "Numbers read in Indonesian style: decimal comma, thousands dot (1.500 = one thousand five hundred); {dasar}"
    ),
    "baca.gaya_inggris": (
        "Numbers read in English style: decimal point, thousands comma (1.500 = one point five); {dasar}"
    ),
    "baca.dasar_contoh": "based on row {baris} column {kolom}: '{nilai}'",
    "baca.dasar_titik_koma": "based on the Indonesian Excel convention (an .xlsx file, or a semicolon-separated CSV)",
    "baca.di_luar_batas": "'{nilai}' out of range: the largest absolute value is {batas}",
    "baca.bobot_terlalu_besar": "weight '{nilai}' too large; at most {batas} (weights are only ratios)",
    "baca.apostrof": (
        "The leading ' from this app's exports was removed in {n} cells (first at row {baris} column {kolom}): "
        "text starting with = + - @ is stored without it"
    ),
    "baca.cp1252": (
        "The file is not UTF-8, so it was read as Windows-1252 (CSV from Excel on Windows); check special "
        "characters in the preview, or save it again as \"CSV UTF-8\""
    ),
    "baca.bukan_utf8": (
        "byte {byte} is not UTF-8 (in '{konteks}'), while the rest of this file is UTF-8; "
        "save it again as CSV UTF-8"
    ),
    "baca.utf16_ganjil": "truncated UTF-16 file (length {n} bytes, an odd number); save it again as CSV UTF-8",
    "baca.utf16_rusak": "damaged UTF-16 file (unpaired surrogate); save it again as CSV UTF-8",
    "baca.pemisah_word": (
        "Word line/page breaks replaced by line breaks in {n} cells (first at row {baris} column {kolom})"
    ),
    "baca.kendali": (
        "contains control character {kode}, which cannot be stored (usually copied along from another document); "
        "delete that character"
    ),
    "baca.terlalu_panjang": "text of {panjang} characters, over the limit of {batas} characters",
    "baca.kode_aturan": "codes contain only letters A–Z, digits 0–9, -, _ and .",
    "baca.kode_spasi": "'{nilai}' is not a valid code: it contains a space; {aturan}",
    "baca.kode_karakter": "'{nilai}' is not a valid code: character '{huruf}'{nama} is not allowed; {aturan}",
    "baca.kode_huruf_asing": "'{nilai}' is not a valid code: the letter '{huruf}' ({aksara}) is not a Latin letter",
    "baca.kode_tanda_asing": "'{nilai}' is not a valid code: the mark '{huruf}' ({nama}) is not the ordinary '{latin}'",
    "baca.kode_saran": " — did you mean {saran}?",
    "baca.tanggal_mustahil": "'{nilai}' does not exist in the calendar (dates are read as day/month/year)",
    "galat.tahun": "'{nilai}' is not a year; expected a four-digit year, for example 2019",
    "galat.triwulan": "'{nilai}' is not a quarter; expected 1–4, TW I–TW IV, Triwulan 1–4 or Q1–Q4",
    "galat.polaritas": "'{nilai}' is not a polarity; expected maximize, minimize or stabilize",
    "galat.konsolidasi": "'{nilai}' is not an aggregation; expected sum, average or last",
    "galat.status_aksi": "'{nilai}' is not an action plan status; expected selesai, berjalan, terlambat or batal",
    "galat.perspektif": (
        "'{nilai}' is not a perspective; expected Stakeholder, Customer, Internal Process "
        "or Learning & Growth"
    ),
    "galat.tanggal": "'{nilai}' is not a date; expected for example 20/12/2019 or 2019-12-20",
    "galat.bobot": "weight '{nilai}' must be a number greater than 0",
    "galat.ya_tidak": "'{nilai}' not recognised; expected 1/0, yes/no (ya/tidak) or empty",
    "galat.tanpa_target": "all of target_tw1…target_tw4 are empty: an IKU without targets cannot be scored",
    "galat.duplikat": "duplicate row: key {kunci} already appears in row {baris_lain}",
    "galat.duplikat_berkas": "duplicate row: key {kunci} already appears in {berkas} row {baris_lain}",
    "galat.saran": " — did you mean {kode}?",
    "galat.saran_iku_lain": " — this code is registered for unit {unit}, year {tahun}",
    "galat.unit_tidak_dikenal": "unit code '{nilai}' is unknown (not in unit.csv or in the database)",
    "galat.induk_tidak_dikenal": "parent code '{nilai}' is unknown",
    "galat.iku_tidak_dikenal": (
        "IKU '{nilai}' of unit {unit}, year {tahun} is unknown (not in iku.csv or in the database)"
    ),
    "galat.sumber": "'{nilai}' is not a source; expected penkin, sasaran_mutu, pnbp or lainnya",
    "galat.agregasi": "'{nilai}' is not a child aggregation; expected jumlah (sum), rata-rata (average), minimum, terburuk (worst by polarity) or gabungan (pooled komponen)",
    "galat.induk_separuh": "fill in both kode_unit_induk and kode_iku_induk (the IKU supported), or neither",
    "galat.kaskade_bukan_atas": (
        "parent IKU {unit} {iku}: unit {unit} is not above unit {anak}; an IKU only supports IKU of units above it"
    ),
    "galat.kaskade_tahun_lain": "parent IKU {unit} {iku} does not exist in {tahun}, only in {ada}",
    "galat.kaskade_tidak_ada": "parent IKU {unit} {iku} of {tahun} does not exist (not in iku.csv or in the database)",
    "galat.kaskade_siklus": "cascading cycle: {jalur} (arrows point to the IKU supported)",
    "galat.kaskade_tanpa_anak": (
        "IKU {unit} {iku} takes its realisasi from its supporting IKU ({agregasi}), but no IKU supports it; link "
        "the supporting IKU (kode_unit_induk, kode_iku_induk) in the same upload, or leave agregasi_anak blank and "
        "upload its realisasi"),
    "galat.kaskade_anak_terakhir": (
        "this row unlinks the last supporting IKU of {unit} {iku}, which takes its realisasi from its supporting "
        "IKU ({agregasi}); clear that IKU's agregasi_anak first"),
    "galat.gabungan_tanpa_rasio": (
        "the gabungan (pooled) aggregation adds up the rasio(a; b) komponen of the supporting IKU, but supporting "
        "IKU {anak} is not computed with a rumus_komponen rasio(…)"),
    "galat.realisasi_turunan": (
        "the realisasi of IKU {unit} {iku} is computed from the IKU below it (agregasi_anak {agregasi}); leave the "
        "realisasi column blank"
    ),
    "galat.induk_siklus": "cycle: unit {nilai} would become its own parent ({jalur}; arrows point to the parent)",
    "galat.kode_mirip": (
        "new code '{nilai}' looks like the existing code {ada} (letter O/digit 0, letter I or L/digit 1 look "
        "alike); use {ada} or a clearly different code"
    ),
    "kode.catatan": "Codes are read case-insensitively, with the registered spelling: {daftar}",
    "kode.dibaca_sebagai": "{asli} → {ejaan} (row {baris})",
    "kode.lainnya": " … and {n} other codes",
    "galat.lebih_banyak": "… and {n} more errors",
    # who may do what (kinerja_core.akses, kinerja.akses)
    "akses.ditolak": (
        "{identitas} may not write this: the {peran} role on unit {unit} is needed. Rights of {identitas}: {hak}. "
        "Nothing was saved. Ask an admin to grant access (python -m kinerja user grant)."
    ),
    "akses.tanpa_hak": "none yet",
    "akses.lainnya": " (+{n} more)",
    "akses.baris_ditolak": "You may not write for unit {unit} (the {peran} role on that unit or above it is needed)",
    "akses.demo_berakhir": (
        "This installation is now locked: writing now requires signing in. Reload the page and sign in; nothing "
        "was saved."
    ),
    "akses.sesi_berakhir": (
        "Your session has ended (signed out, expired, or account revoked), so nothing from this action was saved; "
        "data saved earlier is intact. Sign in again, then repeat."
    ),
    "akses.bukan_pengguna": (
        "{identitas} is not (or no longer) registered as a user, so nothing was saved. Contact an admin."
    ),
    "akses.sudah_ada": "User {identitas} already exists.",
    "akses.tidak_ada": "User {identitas} does not exist.",
    "akses.hak_tidak_ada": "{identitas} does not hold the {peran} role on {unit}.",
    "akses.lokal": "local password",
    "akses.admin_terakhir": (
        "Not done: this is the last administrator of every unit ('*'), and without one nobody can manage people "
        "from the app. First make someone else admin of '*' (python -m kinerja user grant NAME admin '*')."
    ),
    "cli.pengguna_ditambah": "User {nama} added. Grant access: python -m kinerja user grant {nama} pengisi KODE_UNIT",
    "cli.pengguna_dihapus": "User {nama} deleted, with their rights and sessions.",
    "cli.hak_diberi": "{nama} is now {peran} on {unit} (including all units below it).",
    "cli.hak_dicabut": "The {peran} role on {unit} was revoked from {nama}.",
    "cli.sandi": "Password: ",
    "cli.sandi_ulang": "Repeat password: ",
    "cli.sandi_beda": "The two passwords differ; nothing was saved.",
    "cli.sandi_pendek": "Password too short: at least {n} characters; nothing was saved.",
    # signing in
    "gerbang.demo": (
        "**Open demo.** Anyone who opens this address can read and change the data. To lock it: "
        "`python -m kinerja user add admin` then `python -m kinerja user grant admin admin '*'` (see README)."
    ),
    "gerbang.masuk": "Sign in",
    "gerbang.ajakan": "Sign in with your account to open the dashboard.",
    "gerbang.sudah_keluar": "You have signed out.",
    "gerbang.semua_unit": "all units",
    "gerbang.masuk_sso": "Sign in with your agency account",
    "gerbang.nama": "Username",
    "gerbang.sandi": "Password",
    "gerbang.keluar": "Sign out",
    "gerbang.sebagai": "Signed in as **{identitas}** · rights: {hak}",
    "gerbang.sesi_berakhir": (
        "Your session has ended. Data already saved is intact; anything not yet saved was not saved. "
        "Sign in again, then repeat (upload the file again if needed)."
    ),
    "gerbang.perlu_masuk": "Sign in first (in the sidebar) to write on this page.",
    "gerbang.perlu_hak": "This page needs the {peran} role on {unit} or a unit above it. Ask an admin to grant access.",
    "gerbang.sso_belum_verifikasi": (
        "The SSO provider does not state that this account's e-mail is verified (email_verified), so the "
        "Performance Dashboard does not sign in with it; nobody is signed in. Verify your agency account's e-mail, "
        "or contact an admin."
    ),
    "gerbang.sso_tanpa_klaim": (
        "The SSO token does not carry the {klaim} claim the Performance Dashboard identifies people by; nobody is "
        "signed in. Contact an admin."
    ),
    "gerbang.sso_tidak_terdaftar": (
        "The agency account {identitas} is not registered as an SSO user of the Performance Dashboard; nobody is "
        "signed in. Ask an admin to add it (python -m kinerja user add … --sso)."
    ),
    "masuk.salah": "Wrong username or password.",
    "masuk.tunggu": "Too many failed attempts. Try again in {detik} seconds.",
    # every number explained (kinerja_core.rumus)
    "rumus.rasio": "Achievement = {r} / {t} × 100 = {mentah}%",
    "rumus.dua-kurang": "Achievement = (2 − {r} / {t}) × 100 = {mentah}%",
    "rumus.terburuk": "Achievement = ({w} − {r}) / {w} × 100 = {mentah}% (target 0: from the worst actual {w})",
    "rumus.stabilize": (
        "Deviation index = {r} / {t} × 100 = {deviasi}; converted on the stabilize scale → achievement {mentah}%"
    ),
    "rumus.stabilize-atas": (
        "Deviation index = 200 − {r} / {t} × 100 = {deviasi} (above target); converted on the "
        "stabilize scale → achievement {mentah}%"
    ),
    "rumus.konversi-120": "Actual {r} meets target {t}; 120 conversion → achievement {nilai}%",
    "rumus.dibatasi": " → capped at {nilai}%",
    "rumus.akhir": " — polarity {polaritas}, {konsolidasi} of {triwulan}",
    "rumus.konsolidasi.sum": "sum",
    "rumus.konsolidasi.average": "average",
    "rumus.konsolidasi.last": "last value",
    "rumus.abu": "Grey: {alasan}",
    "rumus.nko_awal": "NKO = Σ(weight × achievement) / Σ weight",
    "rumus.nko_jumlah": " — {n} IKU counted",
    "rumus.nko_abu": ", {abu} grey not counted",
    "rumus.nko_perspektif": "NKO = mean of the perspective scores, weighted by the profile's perspective weights = {nilai}",
    "rumus.nko_kosong": "NKO cannot be calculated: all IKU are grey",
    "ringkasan.rumus_bantuan": (
        "Every figure can be recomputed by hand: below the IKU table, \"Formula for each achievement\" "
        "writes out each achievement's formula with its numbers; achievement is capped at 0–120 and rounded to two decimals."
    ),
    "kolom.rumus": "Formula",
    "ringkasan.rumus_judul": "Formula for each achievement on this page",
    "peta.tanpa_sasaran": "(no strategic objective)",
    "peta.judul": "Strategy Map",
    "peta.petunjuk": (
        "The score of each perspective and of each strategic objective under it, computed like the NKO over its IKU "
        "(weight × achievement ÷ weight, grey IKU not counted), with last year's score at the same quarter."
    ),
    "peta.jumlah": "{n} IKU: {rincian}",
    "peta.tahun_lalu": "{tahun}: {nilai}",
    "peta.juga_di": "also under {perspektif}",
    "peta.banding": "Compared with {tahun}",
    "peta.tanpa_tahun_lalu": "No {tahun} data to compare with yet.",
    "kolom.capaian_lalu": "Achievement {tahun} (%)",
    "kolom.selisih": "Difference (points)",
    "halaman.peta": "Strategy Map",
    "ringkasan.prognosis": "Year-end prognosis",
    "ringkasan.prognosis_cara": (
        "Method: quarters not yet reported are filled with **the quarter's target × the pace of the last "
        "reported quarter** (actual ÷ that quarter's target), then the year is scored as usual through TW IV."
    ),
    "ringkasan.prognosis_nko": "Year-end NKO if the last quarter's pace continues: {nko} ({status}); now {sekarang}.",
    "ringkasan.prognosis_aman": "No green IKU will end the year yellow or red at the last quarter's pace.",
    "ringkasan.prognosis_menurun": "**{n} IKU green today are heading for yellow or red** if their pace holds:",
    "ringkasan.prognosis_menurun.satu": "**{n} IKU green today is heading for yellow or red** if its pace holds:",
    "kolom.capaian_prognosis": "Year-end achievement (prognosis)",
    "kolom.status_prognosis": "Year-end status",
    "cli.agenda_cakupan": "NKO {unit}: {nko} · {cakupan} · year-end prognosis {prognosis} ({cakupan_prognosis})",
    "prognosis.cakupan": "of {n} IKU",
    "prognosis.tanpa": "{n} without a prognosis: {daftar}",
    "prognosis.tetap": "{n} kept at today's achievement: {daftar}",
    "prognosis.alasan.belum-dilaporkan": "not reported through this quarter",
    "prognosis.alasan.belum-diukur": "not measured yet",
    "prognosis.alasan.tidak-terhitung": "cannot be calculated",
    # what the rest of the year must bring (kinerja_core.kebutuhan)
    "ringkasan.kebutuhan": "Still needed by year end",
    "ringkasan.kebutuhan_bantuan": (
        "For each IKU not yet certain to be green at year end: the actual still needed in the remaining quarters "
        "to be green (achievement ≥ 100) and to avoid red (achievement ≥ 80). *Total* for sum IKU "
        "(remaining target), *average* for average IKU, *value* for last-value IKU. "
        "Bounds follow the unit: totals, Rp, days, scores, indices are non-negative; a percentage of a whole is "
        "0–100 %; counts (people, units, documents, activities …) are whole numbers; growth/change/difference and "
        "other units are unbounded. *Already safe* only where those bounds guarantee it; figures are rounded the "
        "safe way."
    ),
    "ringkasan.kebutuhan_kosong": "Every IKU shown is already certain to be green, or its year is complete.",
    "ringkasan.kebutuhan_terlalu_banyak": (
        "Actuals still needed are calculated for at most {batas} IKU; choose a lower unit."
    ),
    "kolom.agar_hijau": "To be green",
    "kolom.status_aksi": "Action plan status",
    "kolom.catatan_aksi": "Follow-up note",
    "kolom.bagian": "NKO share (%)",
    "kolom.biaya": "NKO points lost",
    "kolom.jumlah_iku": "IKU",
    "ringkasan.biaya": "What lowers the NKO most",
    "ringkasan.biaya_bantuan": (
        "The meeting agenda, in order: each IKU below 100 loses *NKO share × (100 − achievement)* points. "
        "The NKO share is the IKU's weight within its perspective times the perspective's weight; grey IKU are not "
        "counted. The points of the IKU that make up {judul} (achievement above 100 adds) sum to 100 − that NKO "
        "({nko})."
    ),
    "ringkasan.biaya_unit_bantuan": (
        "Per sub-unit: net contribution to the combined NKO of the sub-units' IKU (points lost minus points added; "
        "negative = lifts it). A cascaded parent IKU computed from its child IKU is not counted again."
    ),
    "ringkasan.belum_lapor": "**{n} IKU not reported yet** (grey, not in the NKO), by weight:",
    "kolom.belum_dilaporkan": "Not reported",
    "kolom.porsi_bobot": "Share of unit weight (%)",
    "ringkasan.biaya_kosong": "No IKU lowers the NKO: every counted achievement is ≥ 100.",
    "dialog.sampai_akhir_tahun": "To year end",
    "dialog.pasti_hijau": "already certain to be green",
    "aksi.judul": "Action plan follow-up",
    "dialog.berkas_tindak_lanjut": "Dialog Kinerja follow-up",
    "aksi.selesai": "done",
    "aksi.berjalan": "in progress",
    "aksi.terlambat": "late",
    "aksi.batal": "cancelled",
    "aksi.belum": "not yet discussed",
    "aksi.lewat_tenggat": "past deadline",
    "aksi.ubah": "Follow-up {tw}: {aksi}",
    "aksi.status": "Status",
    "aksi.catatan": "Follow-up note",
    "aksi.simpan": "Save follow-up",
    "aksi.pilih_status": "Choose the follow-up's status (done, in progress, late or cancelled) before saving.",
    "dialog.aksi_tersimpan": "Follow-up saved (revision {id}).",
    "dialog.aksi_sama": "No changes: the follow-up matches what is stored; no new revision.",
    "dialog.prognosis": "Year-end prognosis (last quarter's pace)",
    "dialog.tahun_lalu": "Last year through {tw}",
    "dialog.agar_hijau": "to be green: {teks}",
    "dialog.agar_tidak_merah": "to avoid red: {teks}",
    "kolom.agar_tidak_merah": "To avoid red",
    "kebutuhan.perlu": "{tw}: {makna} {batas}{satuan}",
    "kebutuhan.makna.jumlah": "total",
    "kebutuhan.makna.rata-rata": "average",
    "kebutuhan.makna.nilai": "value",
    "kebutuhan.paling_sedikit": "at least {nilai}",
    "kebutuhan.paling_banyak": "at most {nilai}",
    "kebutuhan.antara": "between {lo} and {hi}",
    "kebutuhan.sudah-aman": "already safe",
    "kebutuhan.tidak-mungkin": "out of reach",
    "kebutuhan.lengkap": "year complete",
    "kebutuhan.tidak-terhitung": "cannot be calculated",
    "kebutuhan.belum-dilapor": "{tw} not reported: the IKU stays grey until it is",
    "kebutuhan.wajib_lapor": "{tw} must be reported (grey until then); ",
    "angka.ya": "yes",
    "angka.tidak": "no",
    # the audit trail
    "jejak.impor": "{berkas}: {baru} new, {berubah} changed, {sama} unchanged",
    "jejak.batal": "undid revision {asal}: {berubah} changed, {dihapus} deleted, {sama} unchanged",
    "jejak.pengguna_tambah": "added user {identitas} ({cara})",
    "jejak.pengguna_hapus": "deleted user {identitas}",
    "jejak.hak_beri": "gave {identitas} the {peran} role on {unit}",
    "jejak.hak_cabut": "revoked the {peran} role on {unit} from {identitas}",
    "jejak.masuk": "signed in with password or SSO",
    "jejak.masuk_gagal": "wrong password (the name is not kept unless it is a user's)",
    "jejak.sso_belum_verifikasi": "SSO sign-in refused: e-mail not verified by the provider (email_verified)",
    "jejak.sso_tanpa_klaim": "SSO sign-in refused: token without the {klaim} claim",
    "jejak.sso_tidak_terdaftar": "SSO sign-in refused: not a registered SSO user",
    "jejak.unggah_ditolak": "{berkas}: {n} rows for units not writable; nothing stored",
    "jejak.tidak_dikenal": "(unknown name)",
    "jejak.judul": "Audit Trail",
    "jejak.tindakan.impor": "save data",
    "jejak.tindakan.batal": "undo revision",
    "jejak.tindakan.ditolak": "REFUSED",
    "jejak.tindakan.masuk": "sign in",
    "jejak.tindakan.masuk_gagal": "FAILED SIGN-IN",
    "jejak.tindakan.keluar": "sign out",
    "jejak.tindakan.pengguna_tambah": "add user",
    "jejak.tindakan.pengguna_hapus": "delete user",
    "jejak.tindakan.hak_beri": "grant role",
    "jejak.tindakan.hak_cabut": "revoke role",
    "jejak.cara.masuk": "account",
    "jejak.cara.demo": "open demo",
    "jejak.cara.sistem": "operator",
    "jejak.cara.lama": "before sign-in existed",
    "jejak.petunjuk": (
        "Every write is recorded here: who, when, from where (page or command line), what, and which unit "
        "— also sign-ins/sign-outs, user management, and refused writes. These records cannot be "
        "changed or deleted from the app."
    ),
    "jejak.unit_mana_pun": "any unit",
    "jejak.unit": "Unit (including sub-units)",
    "jejak.unit_bantuan": "Rows touching this unit or a unit below it",
    "jejak.pengguna": "User",
    "jejak.tanggal": "Date (from – to)",
    "jejak.jumlah": "{n} rows · times in time zone {zona}",
    "jejak.unduh": "Download XLSX",
    "jejak.keluar": "signed out",
    # revisions
    "revisi.tidak_ada": "Revision {id} does not exist.",
    "revisi.bukan_impor": "Revision {id} is an undo; upload the file again to restore the data.",
    "revisi.sudah_dibatalkan": "Revision {id} was already undone by revision {oleh}.",
    "revisi.yatim_iku": (
        "Revision {id} cannot be undone: IKU of unit {kode} still exist, while the unit would disappear. "
        "First undo the revision that holds those IKU."
    ),
    "revisi.yatim_realisasi": (
        "Revision {id} cannot be undone: actuals of IKU {kode} still exist, while the IKU would disappear. "
        "First undo the revision that holds those actuals."
    ),
    "revisi.yatim_unit": (
        "Revision {id} cannot be undone: units under {kode} still exist, while their parent would disappear. "
        "First undo the revision that holds those units."
    ),
    "revisi.yatim_rapat": (
        "Revision {id} cannot be undone: meeting details of unit {kode} still exist, while the unit would disappear. "
        "First undo the revision that holds that meeting."
    ),
    # storage
    "gudang.sibuk": (
        "Database {path} is in use by another process. Try again in a few seconds."
    ),
    # command line
    # the store refuses, in words (storage.MasalahBasisData, ImporDitolak)
    "gudang.tidak_ada": (
        "Database {path} does not exist yet. Only an import creates it: python -m kinerja import unit.csv iku.csv "
        "realisasi.csv --db {path}"
    ),
    "gudang.folder": "{path} is a folder, not a DuckDB database file. Choose a .duckdb file with --db.",
    "gudang.kosong": (
        "File {path} is empty (0 bytes), not a DuckDB database; the file was not changed. Delete it "
        "or choose another file with --db."
    ),
    "gudang.bukan_duckdb": (
        "File {path} is not a DuckDB database (perhaps a CSV or another file); the file was not changed. "
        "Choose a .duckdb file with --db."
    ),
    "gudang.rusak": (
        "Database {path} is damaged or truncated ({sebab}); the file was not changed. Restore it from a backup."
    ),
    "gudang.hanya_baca": (
        "Database {path} is read-only: this user cannot write to it. Nothing was saved."
    ),
    "gudang.gagal_tulis": (
        "Could not write to database {path} ({sebab}) — disk full? Nothing was saved; the old data is intact."
    ),
    "gudang.skema_baru": (
        "This database was migrated by a newer Dasbor Kinerja release (schema {versi}; this app knows up to "
        "{versi_ini}). Update the app on this server; nothing was changed."
    ),
    "gudang.pg_tidak_terhubung": (
        "PostgreSQL server {path} cannot be reached ({sebab}). Check the address, user name and network; "
        "nothing was saved."
    ),
    "gudang.pg_alamat_salah": (
        "The PostgreSQL address {path} cannot be read as meant. In a URL, write special characters in the user name "
        "and password percent-encoded (@ → %40, / → %2F, : → %3A, ? → %3F, & → %26, % → %25), or use the form "
        "host=… dbname=… user=… password='…'. Nothing was saved."
    ),
    "gudang.tidak_terbuka": "Database {path} cannot be opened: {sebab}",
    "impor.yatim_realisasi": (
        "Nothing was saved: actuals refer to IKU that no longer exist ({kode}). Those IKU may have just been "
        "removed by undoing another revision; check, then upload again."
    ),
    "impor.yatim_iku": (
        "Nothing was saved: IKU refer to units that no longer exist ({kode}). Those units may have just been "
        "removed by undoing another revision; check, then upload again."
    ),
    "impor.yatim_rapat": (
        "Nothing was saved: a meeting refers to a unit that no longer exists ({kode}); check, then save again."
    ),
    "impor.yatim_unit": (
        "Nothing was saved: the parent code no longer exists ({kode}); check, then upload again."
    ),
    "impor.ejaan_ganda": (
        "Nothing was saved: the same code is stored with a different spelling ({kode}); codes are not "
        "case-sensitive. Upload again to have it checked again."
    ),
    "impor.kaskade_induk": (
        "Nothing was saved: the IKU supported does not exist in its year ({kode}). Check, then upload again."
    ),
    "impor.kaskade_siklus": "Nothing was saved: cascading links form a cycle {jalur}. Check, then upload again.",
    "impor.kaskade_tanpa_anak": (
        "Nothing was saved: an IKU that takes its realisasi from its supporting IKU has none ({kode}). Check, then "
        "upload again."
    ),
    "impor.realisasi_turunan": (
        "Nothing was saved: the realisasi of IKU {kode} is computed from the IKU below it, not uploaded. Leave its "
        "realisasi column blank, then upload again."
    ),
    "revisi.yatim_kaskade": (
        "Revision {id} cannot be undone: IKU still support IKU that would disappear ({kode}). "
        "First undo the revision that holds those links."
    ),
    "impor.siklus": "Nothing was saved: unit parents form a cycle {jalur}. Check, then upload again.",
    "dialog.catatan_terlalu_panjang": "{kolom}: {panjang} characters, over the limit of {batas} characters; not saved.",
    "dialog.catatan_kendali": "{kolom} contains (invisible) control characters from a copy; retype that text.",
    "cli.pengguna_tidak_sah": "username {nilai!r} is not valid: one line of plain text, at most 200 characters",
    "cli.diubah": "{berkas} ({jenis}): {ringkas}",
    "salin.sama": "The copy's source and target are the same database ({path}); nothing was copied.",
    "salin.tujuan_berisi": (
        "Target database {path} already holds data; a copy only goes into a database that is still empty. "
        "Nothing was changed."
    ),
    "cli.disalin": "Copied from {dari} to {ke}: {revisi} revisions, {baris} rows in all.",
    "cli.tersimpan": "Saved in one transaction to {path} as revision {id}.",
    "cli.uji_coba": "Dry run (--dry-run): nothing was saved.",
    "cli.dibatalkan": (
        "Revision {asal} undone by revision {id}: {berubah} rows restored, {dihapus} deleted, "
        "{sama} unchanged."
    ),
    "cli.tidak_tersimpan": "Nothing was saved: {n} errors.",
    "jenis.komponen": "components",
    "galat.rumus": "rumus_komponen '{nilai}' is not valid: {alasan}. Known forms: rasio(a; b) = a × 100 / b, "
                   "jumlah(a; b; …), selisih(a; b)",
    "rumus.kosong": "empty",
    "rumus.sintaks": "not of the shape form(a; b) near '{bagian}'",
    "rumus.bentuk-tidak-dikenal": "unknown form '{bagian}'",
    "rumus.jumlah-komponen": "wrong number of components for {bagian} (rasio and selisih 2, jumlah 2–10)",
    "rumus.nama-tidak-sah": "component name '{bagian}' is not valid (letters, digits and _, starting with a letter, "
                            "at most 40)",
    "rumus.nama-ganda": "component '{bagian}' named twice",
    "galat.rumus_dan_agregasi": (
        "this IKU already takes its realisasi from the IKU below it (agregasi_anak); fill in only one: "
        "agregasi_anak or rumus_komponen"
    ),
    "galat.komponen_nama": "component name '{nilai}' is not valid (letters, digits and _, starting with a letter, "
                           "at most 40)",
    "galat.komponen_tanpa_rumus": "IKU {unit} {iku} of {tahun} has no rumus_komponen; fill in that column in iku.csv "
                                  "first",
    "galat.komponen_asing": "IKU {unit} {iku} has no component '{nilai}'; its formula is {rumus}",
    "galat.realisasi_komponen": (
        "the realisasi of IKU {unit} {iku} is computed from its components ({rumus}); leave the realisasi column "
        "blank and upload komponen.csv"
    ),
    "impor.yatim_komponen": (
        "Nothing was saved: components refer to IKU that no longer exist ({kode}). Another revision's undo may "
        "just have removed them; check, then upload again."
    ),
    "impor.komponen_asing": (
        "Nothing was saved: components not named in their IKU's rumus_komponen ({kode}). The formula may just "
        "have been changed; check, then upload again."
    ),
    "revisi.yatim_komponen": (
        "Revision {id} cannot be undone: components of IKU {kode} still exist while their IKU would disappear. "
        "First undo the revision that holds those components."
    ),
    "komponen.dari": "{a} {nama_a} of {b} {nama_b}",
    "komponen.judul": "Supporting data {triwulan}",
    "kolom.realisasi_dihitung": "Computed realisasi",
    "halaman.kaskade": "IKU Cascade",
    "kaskade.judul": "IKU Cascade",
    "kaskade.petunjuk": (
        "One IKU and the IKU of the units below that support it, level by level, each with its light. "
        "At every level the worst comes first."
    ),
    "kaskade.pilih": "Top IKU",
    "kaskade.opsi": "{kode} · {nama} ({unit})",
    "kaskade.menahan": "Holding it back most: {unit} · {iku} ({status}, {capaian})",
    "kaskade.tidak_menahan": "Nothing holds it back: every IKU at the bottom is green or not scored yet.",
    "kaskade.asal_akar": "Realisasi of {kode}: {asal}.",
    "kaskade.kolom_iku": "Unit · IKU name",
    "kaskade.lingkup": "A cascade always covers the sub-units, every perspective and every status: those filters do "
                       "not apply on this page.",
    "kaskade.tanpa": "No cascade in {unit} and its sub-units in {tahun}: no IKU is supported by an IKU of a unit "
                     "below it.",
    "kaskade.cara": (
        "To set one up: in iku.csv, fill in `kode_unit_induk` and `kode_iku_induk` on every supporting IKU (the unit "
        "and code of the IKU it supports, in a unit above, same year). Where the supported IKU's realisasi is computed "
        "from the IKU below it, fill in its `agregasi_anak`: sum, average, minimum, terburuk (the worst by polarity) or gabungan (rasio komponen pooled). Then upload on the Upload Data "
        "page."
    ),
    "asal.turunan": "computed from {n} supporting IKU ({agregasi})",
    "asal.komponen": "computed from its components, {tw}: {uraian}",
    "asal.rumus": "computed from components: {rumus}",
    "asal.turunan_di_bawah": "computed from the IKU below it ({agregasi})",
    "dialog.asal": "Realisasi {teks}",
    "agregasi.jumlah": "sum",
    "agregasi.rata-rata": "average",
    "agregasi.minimum": "minimum",
    "agregasi.terburuk": "worst by polarity",
    "agregasi.gabungan": "pooled komponen",
    "peringatan.minimum_minimize": (
        "{berkas}: agregasi_anak minimum takes the smallest value whatever the polarity; on a minimize IKU "
        "({daftar}) that is the best office, not the worst. Use `terburuk` if the worst office is meant."),
}
