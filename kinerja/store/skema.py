"""The stored tables and their versioned migrations, for both engines.

A database records the migrations it has had in ``skema_versi``; opening it applies the ones it lacks, in
order, inside the transaction that holds the writer's turn (so two app servers starting together apply each
once). Migration 1 brings any database, including one made before versions were recorded, to the tables of
that release: its statements are idempotent (``IF NOT EXISTS``), so an existing database gains the new columns
and tables and keeps every row. Each later change of the tables is a new numbered step at the end of
``MIGRASI``, never an edit of an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

KOLOM = {
    "unit": ["kode_unit", "nama_unit", "kode_induk", "nama_pimpinan", "nip_pimpinan", "jabatan_pimpinan", "kota"],
    "iku": [
        "tahun", "kode_unit", "kode_iku", "nama_iku", "sasaran_strategis", "perspektif", "satuan", "polaritas",
        "konsolidasi", "bobot", "target_tw1", "target_tw2", "target_tw3", "target_tw4", "konversi_120",
        "realisasi_terburuk", "sumber", "kode_unit_induk", "kode_iku_induk", "agregasi_anak", "rumus_komponen",
        "batas_bawah", "bilangan_bulat", "bukti_wajib", "definisi", "sumber_data", "pic_iku", "target_renstra",
        "tahun_renstra",
    ],
    "realisasi": ["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi", "kendala", "rencana_aksi", "pic",
                  "tenggat", "status_aksi", "catatan_aksi"],
    "rapat": ["tahun", "triwulan", "kode_unit", "tanggal", "tempat", "pimpinan", "peserta", "arahan",
              "jumlah_arahan"],
    "komponen": ["tahun", "triwulan", "kode_unit", "kode_iku", "komponen", "nilai"],
    "arahan_rapat": ["tahun", "triwulan", "kode_unit", "nomor", "arahan", "pic", "tenggat"],
}
"""The stored columns of each table, in order (``rapat``: one Dialog Kinerja meeting of a unit and quarter;
``komponen``: the raw data an IKU's realisasi is computed from, per quarter, by its ``rumus_komponen``;
``arahan_rapat``: the meeting's decisions, numbered, each with who carries it out and by when; the meeting's
``jumlah_arahan`` says how many of them it has, so a shorter list saved later needs no delete). What the
official documents print (migration 6): the head of a unit who signs and the place written with the date
(``nama_pimpinan``, ``nip_pimpinan``, ``jabatan_pimpinan``, ``kota``); an IKU's definition, data source, person in
charge and medium-term Renstra target with its year (``definisi`` … ``tahun_renstra``)."""

KUNCI = {
    "unit": ["kode_unit"],
    "iku": ["tahun", "kode_unit", "kode_iku"],
    "realisasi": ["tahun", "triwulan", "kode_unit", "kode_iku"],
    "rapat": ["tahun", "triwulan", "kode_unit"],
    "komponen": ["tahun", "triwulan", "kode_unit", "kode_iku", "komponen"],
    "arahan_rapat": ["tahun", "triwulan", "kode_unit", "nomor"],
}
"""The primary key of each table."""

KOLOM_DOKUMEN = {
    "unit": ["nama_pimpinan", "nip_pimpinan", "jabatan_pimpinan", "kota"],
    "iku": ["definisi", "sumber_data", "pic_iku", "target_renstra", "tahun_renstra"],
}
"""The columns migration 6 added for the official documents (issue 31): optional, and kept when left blank. A column
added later is a later migration's, never one more here."""

TETAP_BILA_KOSONG = {"realisasi": ["realisasi", "kendala", "rencana_aksi", "pic", "tenggat", "status_aksi",
                                   "catatan_aksi"], "komponen": ["nilai"], **KOLOM_DOKUMEN}
"""Columns where a blank in an upload means "not in this file": the stored value stays."""

TABEL = ("unit", "iku", "realisasi", "rapat", "komponen", "arahan_rapat")
"""Tables in the order an upload is applied (a realisasi needs its IKU, an IKU and a meeting their unit)."""

_TABEL_1 = ("unit", "iku", "realisasi", "rapat", "komponen")
"""The tables migrations 1 and 2 made: fixed, as a migration that has shipped never changes."""

TIPE = {
    "kode_unit": "VARCHAR NOT NULL", "nama_unit": "VARCHAR NOT NULL", "kode_induk": "VARCHAR",
    "tahun": "INTEGER NOT NULL", "triwulan": "INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4)",
    "kode_iku": "VARCHAR NOT NULL", "nama_iku": "VARCHAR NOT NULL", "sasaran_strategis": "VARCHAR",
    "perspektif": "VARCHAR NOT NULL", "satuan": "VARCHAR", "polaritas": "VARCHAR NOT NULL",
    "konsolidasi": "VARCHAR NOT NULL", "bobot": "DOUBLE PRECISION NOT NULL", "target_tw1": "DOUBLE PRECISION",
    "target_tw2": "DOUBLE PRECISION", "target_tw3": "DOUBLE PRECISION", "target_tw4": "DOUBLE PRECISION",
    "konversi_120": "BOOLEAN NOT NULL", "realisasi_terburuk": "DOUBLE PRECISION", "sumber": "VARCHAR DEFAULT 'penkin'",
    "kode_unit_induk": "VARCHAR", "kode_iku_induk": "VARCHAR", "agregasi_anak": "VARCHAR", "rumus_komponen": "VARCHAR",
    "batas_bawah": "DOUBLE PRECISION", "bilangan_bulat": "BOOLEAN DEFAULT FALSE",
    "bukti_wajib": "BOOLEAN DEFAULT FALSE",
    "komponen": "VARCHAR NOT NULL", "nilai": "DOUBLE PRECISION",
    "realisasi": "DOUBLE PRECISION", "kendala": "VARCHAR", "rencana_aksi": "VARCHAR",
    "pic": "VARCHAR", "tenggat": "DATE", "status_aksi": "VARCHAR", "catatan_aksi": "VARCHAR", "tanggal": "DATE",
    "tempat": "VARCHAR", "pimpinan": "VARCHAR", "peserta": "VARCHAR", "arahan": "VARCHAR",
    "nama_pimpinan": "VARCHAR", "nip_pimpinan": "VARCHAR", "jabatan_pimpinan": "VARCHAR", "kota": "VARCHAR",
    "definisi": "VARCHAR", "sumber_data": "VARCHAR", "pic_iku": "VARCHAR", "target_renstra": "DOUBLE PRECISION",
    "tahun_renstra": "INTEGER", "nomor": "INTEGER NOT NULL", "jumlah_arahan": "INTEGER",
}
"""Each stored column's SQL type, written so both engines read it."""

TIPE_DASAR = {k: v.split(" NOT NULL")[0].split(" DEFAULT")[0].split(" CHECK")[0] for k, v in TIPE.items()}
"""The bare type of each column (``DOUBLE PRECISION``): what a table of incoming rows is made with."""


@dataclass(frozen=True)
class Dialek:
    """What differs between the engines' DDL: PostgreSQL compares and sorts text by the database's locale unless
    told otherwise, DuckDB by code point; every text column says ``COLLATE "C"`` there, so both sort alike."""

    nama: str
    teks: str
    susunan: str
    """What makes a text parameter compare like the columns (``COLLATE "C"`` on PostgreSQL)."""
    biner: str = "BLOB"
    """The type of a file's bytes."""

    def tipe(self, sql: str) -> str:
        return sql.replace("VARCHAR", self.teks)

    def parameter_teks(self, nama: str) -> str:
        """A ``$nama`` text parameter typed as the text columns are (a recursive query needs it typed)."""
        return f"CAST(${nama} AS VARCHAR){self.susunan}"


DUCKDB = Dialek("duckdb", "VARCHAR", "")
POSTGRESQL = Dialek("postgresql", 'VARCHAR COLLATE "C"', ' COLLATE "C"', "BYTEA")


def _tabel_data(nama: str, d: Dialek) -> str:
    kolom = ",\n    ".join(f"{k} {d.tipe(TIPE[k])}" for k in KOLOM[nama])
    return f"CREATE TABLE IF NOT EXISTS {nama} (\n    {kolom},\n    PRIMARY KEY ({', '.join(KUNCI[nama])})\n)"


def _tabel_log(nama: str, d: Dialek) -> str:
    # what each revision's upload said, blanks included: replaying these rebuilds the data
    kolom = ",\n    ".join(f"{k} {d.tipe(TIPE[k].replace(' NOT NULL', ''))}" for k in KOLOM[nama])
    return f"CREATE TABLE IF NOT EXISTS revisi_{nama} (\n    revisi INTEGER NOT NULL,\n    {kolom}\n)"


def _dasar(d: Dialek) -> list[str]:
    """The tables of the release that began recording versions, from nothing or from any earlier release."""
    return [
        *(_tabel_data(n, d) for n in _TABEL_1),
        d.tipe("""CREATE TABLE IF NOT EXISTS revisi (
    id               INTEGER PRIMARY KEY,  -- 1, 2, 3 … with no gaps: max + 1 while holding the writer's turn
    waktu            TIMESTAMP NOT NULL,  -- UTC
    pengguna         VARCHAR NOT NULL,
    berkas           VARCHAR NOT NULL,
    sha256           VARCHAR NOT NULL,
    jenis            VARCHAR NOT NULL CHECK (jenis IN ('impor', 'batal')),
    membatalkan      INTEGER,
    dibatalkan_oleh  INTEGER,
    baru             INTEGER NOT NULL,
    berubah          INTEGER NOT NULL,
    sama             INTEGER NOT NULL,
    dihapus          INTEGER NOT NULL DEFAULT 0
)"""),
        *(_tabel_log(n, d) for n in _TABEL_1),
        # columns added in earlier releases: a database created before them gains them
        *(f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS {k} {d.tipe(TIPE_DASAR[k])}"
          for t in ("realisasi", "revisi_realisasi") for k in ("pic", "tenggat", "status_aksi", "catatan_aksi")),
        *(f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS {k} {d.tipe(TIPE[k])}"
          for t in ("iku", "revisi_iku")
          for k in ("sumber", "kode_unit_induk", "kode_iku_induk", "agregasi_anak", "rumus_komponen")),
        # where the write came from (page, command line)
        f"ALTER TABLE revisi ADD COLUMN IF NOT EXISTS asal {d.teks}",
        # who may do what (kinerja_core.akses): people, their grants, their open sign-ins, the failed attempts
        d.tipe("""CREATE TABLE IF NOT EXISTS pengguna (
    identitas  VARCHAR PRIMARY KEY,  -- a local name or the SSO e-mail, in lower case
    sandi      VARCHAR,  -- an argon2 hash; NULL for an SSO identity (the institution checks the password)
    dibuat     TIMESTAMP NOT NULL  -- UTC
)"""),
        d.tipe("""CREATE TABLE IF NOT EXISTS hibah (
    identitas  VARCHAR NOT NULL,
    peran      VARCHAR NOT NULL CHECK (peran IN ('pembaca', 'pengisi', 'admin')),
    kode_unit  VARCHAR NOT NULL,  -- the unit whose subtree is granted, or '*' for every unit
    PRIMARY KEY (identitas, peran, kode_unit)
)"""),
        d.tipe("""CREATE TABLE IF NOT EXISTS sesi (
    token      VARCHAR PRIMARY KEY,  -- sha256 of the session's secret: the secret itself is never stored
    identitas  VARCHAR NOT NULL,
    berakhir   TIMESTAMP NOT NULL  -- UTC
)"""),
        d.tipe("CREATE TABLE IF NOT EXISTS gagal_masuk (identitas VARCHAR NOT NULL, waktu TIMESTAMP NOT NULL)"),
        d.tipe("CREATE TABLE IF NOT EXISTS pengaturan (kunci VARCHAR PRIMARY KEY, nilai VARCHAR NOT NULL)"),
        # the audit trail: every write, append-only (an undo adds a line, it removes none)
        d.tipe("""CREATE TABLE IF NOT EXISTS jejak (
    id         INTEGER PRIMARY KEY,
    waktu      TIMESTAMP NOT NULL,  -- UTC
    pengguna   VARCHAR NOT NULL,
    cara       VARCHAR NOT NULL,  -- masuk / demo / sistem / lama (kinerja_core.akses.Cara)
    asal       VARCHAR NOT NULL,
    tindakan   VARCHAR NOT NULL,
    revisi     INTEGER,
    rincian    VARCHAR NOT NULL
)"""),
        d.tipe("CREATE TABLE IF NOT EXISTS jejak_unit (jejak INTEGER NOT NULL, kode_unit VARCHAR NOT NULL)"),
    ]


def _indeks_log(d: Dialek) -> list[str]:
    """An undo and its preview look up one revision's rows in each log: on PostgreSQL an index on the revision
    id. DuckDB scans a column fast enough, and an index there would slow every import's log write."""
    return _indeks_log_tabel(d, _TABEL_1)


def _indeks_log_tabel(d: Dialek, tabel: tuple[str, ...]) -> list[str]:
    if d is DUCKDB:
        return []
    return [f"CREATE INDEX IF NOT EXISTS revisi_{n}_revisi ON revisi_{n} (revisi)" for n in tabel]


@dataclass(frozen=True)
class Migrasi:
    versi: int
    nama: str
    perintah: Callable[[Dialek], list[str]]


def _operator_dan_gagal_masuk(d: Dialek) -> list[str]:
    """The operator who ran a command for someone else (``--user``), beside that person in the revision log and
    the audit trail; failed sign-ins kept only as keyed hashes of the name and the source (a password typed into
    the name field is never kept in clear). The failures of the old table are dropped: they matter for a
    quarter of an hour, and they held names in clear."""
    return [
        f"ALTER TABLE revisi ADD COLUMN IF NOT EXISTS operator {d.teks}",
        f"ALTER TABLE jejak ADD COLUMN IF NOT EXISTS operator {d.teks}",
        "DROP TABLE IF EXISTS gagal_masuk",
        d.tipe("""CREATE TABLE gagal_masuk (
    nama    VARCHAR NOT NULL,  -- HMAC-SHA256 of the name as typed (lower case), keyed per installation
    sumber  VARCHAR,  -- HMAC-SHA256 of where the attempt came from (the browser's address); NULL: not known
    waktu   TIMESTAMP NOT NULL  -- UTC; rows older than the rate limit's window are purged
)"""),
    ]


def _batas_iku(d: Dialek) -> list[str]:
    """What a unit may declare of an IKU's values: the lowest a realisasi can be (``batas_bawah``) and whole
    numbers only (``bilangan_bulat``); an IKU stored before declares neither."""
    return [f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS {k} {d.tipe(TIPE[k])}"
            for t in ("iku", "revisi_iku") for k in ("batas_bawah", "bilangan_bulat")]


def _siklus(d: Dialek) -> list[str]:
    """The reporting cycle (``kinerja_core.siklus``): the new role ``verifikator`` (the grants' table made again,
    as DuckDB cannot change a CHECK), each unit-quarter's stage, the data dukung files, the reminders sent, and
    a person's e-mail address for them."""
    return [
        d.tipe("""CREATE TABLE hibah_baru (
    identitas  VARCHAR NOT NULL,
    peran      VARCHAR NOT NULL CHECK (peran IN ('pembaca', 'pengisi', 'verifikator', 'admin')),
    kode_unit  VARCHAR NOT NULL,  -- the unit whose subtree is granted, or '*' for every unit
    PRIMARY KEY (identitas, peran, kode_unit)
)"""),
        "INSERT INTO hibah_baru SELECT identitas, peran, kode_unit FROM hibah",
        "DROP TABLE hibah",
        "ALTER TABLE hibah_baru RENAME TO hibah",
        f"ALTER TABLE pengguna ADD COLUMN IF NOT EXISTS email {d.teks}",
        *(f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS bukti_wajib {d.tipe(TIPE['bukti_wajib'])}"
          for t in ("iku", "revisi_iku")),  # submitting needs data dukung for this IKU's quarter
        d.tipe("""CREATE TABLE IF NOT EXISTS tahap (
    tahun              INTEGER NOT NULL,
    triwulan           INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    kode_unit          VARCHAR NOT NULL,
    tahap              VARCHAR NOT NULL CHECK (tahap IN ('draf', 'diajukan', 'terverifikasi', 'dikembalikan', 'final')),
    diajukan_oleh      VARCHAR,
    diajukan_pada      TIMESTAMP,  -- UTC, as every time stored
    diverifikasi_oleh  VARCHAR,
    diverifikasi_pada  TIMESTAMP,
    final_oleh         VARCHAR,
    final_pada         TIMESTAMP,
    alasan             VARCHAR,  -- the reason of the last return or reopen; the verifikator's note
    dibuka             BOOLEAN NOT NULL DEFAULT false,  -- reopened by an admin: the deadline no longer locks it
    diubah_pada        TIMESTAMP NOT NULL,
    PRIMARY KEY (tahun, triwulan, kode_unit)
)"""),
        d.tipe(f"""CREATE TABLE IF NOT EXISTS bukti (
    id          INTEGER PRIMARY KEY,
    tahun       INTEGER NOT NULL,
    triwulan    INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    kode_unit   VARCHAR NOT NULL,
    kode_iku    VARCHAR NOT NULL,
    nama        VARCHAR NOT NULL,  -- the file's name as uploaded: shown as text, never used as a path
    jenis       VARCHAR NOT NULL,  -- pdf / xlsx / docx / png / jpeg, read from the content
    ukuran      BIGINT NOT NULL,
    sha256      VARCHAR NOT NULL,
    isi         {d.biner},  -- the bytes; NULL when kept in the configured folder (by sha256)
    oleh        VARCHAR NOT NULL,
    waktu       TIMESTAMP NOT NULL,
    dihapus     BOOLEAN NOT NULL DEFAULT false
)"""),
        d.tipe("""CREATE TABLE IF NOT EXISTS pengingat (
    kunci     VARCHAR PRIMARY KEY,  -- who, which unit-quarter, which deadline and which day before it
    penerima  VARCHAR NOT NULL,
    waktu     TIMESTAMP NOT NULL
)"""),
    ]


def _dokumen(d: Dialek) -> list[str]:
    """What the official documents of issue 31 print and no table held yet (``KOLOM_DOKUMEN``): who signs for a
    unit, where, and an IKU's definition, data source, person in charge and Renstra target. Only added columns,
    NULL in every stored row (a blank, which an upload keeps until it says otherwise)."""
    return [f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS {k} {d.tipe(TIPE[k])}"
            for nama, kolom in KOLOM_DOKUMEN.items() for t in (nama, f"revisi_{nama}") for k in kolom]


def _arahan(d: Dialek) -> list[str]:
    """The meeting's arahan as rows, each with its owner (``pic``) and deadline (``tenggat``): the minutes print who
    carries out which decision by when (issue 31). The meeting says how many it has (``rapat.jumlah_arahan``,
    written with them in one revision); the rows numbered above it are an earlier, longer list's and are not
    read. A meeting stored before has no count and keeps its arahan as the text it was typed in
    (``rapat.arahan``, one per line, with no owner or deadline) until its arahan are next saved."""
    return [_tabel_data("arahan_rapat", d), _tabel_log("arahan_rapat", d), *_indeks_log_tabel(d, ("arahan_rapat",)),
            *(f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS jumlah_arahan {d.tipe(TIPE['jumlah_arahan'])}"
              for t in ("rapat", "revisi_rapat"))]


MIGRASI = (
    Migrasi(1, "tabel dasar: unit, IKU, realisasi, rapat, komponen, revisi, pengguna, jejak", _dasar),
    Migrasi(2, "indeks log revisi", _indeks_log),
    Migrasi(3, "operator di revisi dan jejak; gagal masuk sebagai hash", _operator_dan_gagal_masuk),
    Migrasi(4, "batas bawah dan bilangan bulat IKU", _batas_iku),
    Migrasi(5, "siklus pelaporan: verifikator, tahap, data dukung, pengingat, e-mail", _siklus),
    Migrasi(6, "kolom dokumen resmi: pimpinan dan kota unit; definisi, sumber data, PIC dan target Renstra IKU",
            _dokumen),
    Migrasi(7, "arahan rapat per baris dengan PIC dan tenggat", _arahan),
)
"""Every migration, in order. Append; never edit one that has shipped."""

VERSI_TERBARU = MIGRASI[-1].versi

TABEL_VERSI = ("CREATE TABLE IF NOT EXISTS skema_versi (versi INTEGER PRIMARY KEY, nama {teks} NOT NULL, "
               "waktu TIMESTAMP NOT NULL)")

KOLOM_REVISI = ["id", "waktu", "pengguna", "berkas", "sha256", "jenis", "membatalkan", "dibatalkan_oleh", "baru",
                "berubah", "sama", "dihapus", "asal", "operator"]
"""The columns of a revision, as ``Revisi`` holds them."""

KOLOM_SALIN = {
    **KOLOM,
    "revisi": KOLOM_REVISI,
    **{f"revisi_{n}": ["revisi", *KOLOM[n]] for n in TABEL},
    "pengguna": ["identitas", "sandi", "dibuat", "email"],
    "hibah": ["identitas", "peran", "kode_unit"],
    "sesi": ["token", "identitas", "berakhir"],
    "gagal_masuk": ["nama", "sumber", "waktu"],
    "pengaturan": ["kunci", "nilai"],
    "jejak": ["id", "waktu", "pengguna", "cara", "asal", "tindakan", "revisi", "rincian", "operator"],
    "jejak_unit": ["jejak", "kode_unit"],
    "tahap": ["tahun", "triwulan", "kode_unit", "tahap", "diajukan_oleh", "diajukan_pada", "diverifikasi_oleh",
              "diverifikasi_pada", "final_oleh", "final_pada", "alasan", "dibuka", "diubah_pada"],
    "bukti": ["id", "tahun", "triwulan", "kode_unit", "kode_iku", "nama", "jenis", "ukuran", "sha256", "isi", "oleh",
              "waktu", "dihapus"],
    "pengingat": ["kunci", "penerima", "waktu"],
}
"""Every table an installation holds with its columns, in an order that can be copied one table at a time
(``python -m kinerja copy``); ``skema_versi`` is the target's own."""
