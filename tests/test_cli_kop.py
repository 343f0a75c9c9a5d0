"""The documents' letterhead (issue 31): the institution's name and logo kept in the database, so every app server
prints the same; set with ``python -m kinerja settings --institution NAMA --logo BERKAS`` by an admin of every unit
(audited), shown in the settings' JSON under ``instansi``; a logo that is not a PNG or JPEG by its content, or over
1 MB, refused with one line and nothing changed. On both engines."""

from __future__ import annotations

import json
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from kinerja.store import AksesDitolak, KopDitolak, KopDokumen, PengaturanSiklus, Storage
from kinerja.store.kop import BATAS_LOGO
from kinerja.texts import teks_pesan
from kinerja_core.akses import Cara, Pelaku
from tests import cli_uji

KEDUA_MESIN = True

NAMA = "Kementerian Keuangan\nDirektorat Jenderal Bea dan Cukai"


def kinerja(db: Path | str, *argumen: str) -> subprocess.CompletedProcess[str]:
    return cli_uji.kinerja(*argumen, "--db", db)


def png(lebar: int = 1, tinggi: int = 1) -> bytes:
    """A real PNG image (white, 8-bit greyscale), as an image editor saves a small logo."""
    def potong(jenis: bytes, isi: bytes) -> bytes:
        return struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))

    mentah = b"".join(b"\x00" + b"\xff" * lebar for _ in range(tinggi))
    return (b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", struct.pack(">IIBBBBB", lebar, tinggi, 8, 0, 0, 0, 0))
            + potong(b"IDAT", zlib.compress(mentah)) + potong(b"IEND", b""))


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


@pytest.fixture
def db(db_contoh: Path | str) -> Path | str:
    """The sample, locked: rina (pengisi of Bogor), sari (admin of all)."""
    for nama, peran, unit in (("rina", "pengisi", "KPPBCBOGOR"), ("sari", "admin", "*")):
        assert kinerja(db_contoh, "user", "add", nama, "--sso").returncode == 0
        assert kinerja(db_contoh, "user", "grant", nama, peran, unit).returncode == 0
    return db_contoh


def _json(hasil: subprocess.CompletedProcess[str]) -> dict[str, object]:
    assert hasil.returncode == 0, hasil.stderr
    data: dict[str, object] = json.loads(hasil.stdout)
    return data


def test_tanpa_opsi_json_sama_dengan_tambahan_instansi(db_contoh: Path | str) -> None:
    """The JSON of ``settings`` is what it was, byte for byte, with ``instansi`` added at the end."""
    hasil = kinerja(db_contoh, "settings")
    sebelumnya = json.loads(PengaturanSiklus().ke_json())
    assert hasil.stdout == json.dumps({**sebelumnya, "instansi": {"nama": "", "logo": False}}, indent=2,
                                      ensure_ascii=False) + "\n"
    assert Storage(db_contoh).kop_dokumen() == KopDokumen()


def test_bantuan_menyebut_opsi_kop(db_contoh: Path | str) -> None:
    bantuan = kinerja(db_contoh, "settings", "--help").stdout
    assert "--institution" in bantuan and "--logo" in bantuan and "PNG atau JPEG" in bantuan


def test_admin_mengatur_nama_dan_logo_tercatat_di_jejak(db: Path | str, tmp_path: Path) -> None:
    logo = tmp_path / "logo-kemenkeu.png"
    logo.write_bytes(png(4, 3))
    data = _json(kinerja(db, "settings", "--institution", f"  {NAMA} ", "--logo", str(logo), "--user", "sari"))
    assert data["instansi"] == {"nama": NAMA, "logo": True}
    storage = Storage(db)
    assert storage.kop_dokumen() == KopDokumen(NAMA, png(4, 3))
    assert storage.kop_dokumen().jenis_logo == "png"
    baris = storage.jejak().iloc[0]
    assert (baris["tindakan"], baris["pengguna"]) == ("kop_atur", "sari")
    assert teks_pesan(baris["rincian"]) == f"kop dokumen diatur: nama instansi '{NAMA}', logo PNG"
    # another app server (a new process) prints the same: it is read from the database
    assert _json(kinerja(db, "settings"))["instansi"] == {"nama": NAMA, "logo": True}
    # a JPEG replaces it, the name stays; '' removes it
    jpeg = tmp_path / "logo.jpg"
    jpeg.write_bytes(JPEG)
    assert _json(kinerja(db, "settings", "--logo", str(jpeg), "--user", "sari"))["instansi"]["logo"] is True  # type: ignore[index]
    assert storage.kop_dokumen() == KopDokumen(NAMA, JPEG)
    assert _json(kinerja(db, "settings", "--logo", "", "--user", "sari"))["instansi"] == {"nama": NAMA, "logo": False}
    assert storage.kop_dokumen() == KopDokumen(NAMA, None)
    assert list(storage.jejak()["tindakan"][:3]) == ["kop_atur", "kop_atur", "kop_atur"]


@pytest.mark.parametrize(("isi", "kata"), [
    (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "PNG atau JPEG"),  # named .png, not one
    (b"%PDF-1.7 logo", "PNG atau JPEG"),  # a kind data dukung accepts, but no image
    (png() + b"\x00" * BATAS_LOGO, "melebihi batas"),
    (b"", "PNG atau JPEG"),
], ids=["svg", "pdf", "lebih-1-mb", "kosong"])
def test_logo_yang_salah_ditolak_tanpa_perubahan(db: Path | str, tmp_path: Path, isi: bytes, kata: str) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(isi)
    sebelum = _json(kinerja(db, "settings"))
    # with a cycle option beside it: refused whole, before anything is written
    hasil = kinerja(db, "settings", "--institution", "BPPT", "--logo", str(logo), "--lock-at-deadline", "on",
                    "--user", "sari")
    assert hasil.returncode == 1 and hasil.stdout == "" and kata in hasil.stderr
    assert len(hasil.stderr.strip().splitlines()) == 1
    assert _json(kinerja(db, "settings")) == sebelum


def test_bukan_admin_semua_unit_ditolak(db: Path | str) -> None:
    hasil = kinerja(db, "settings", "--institution", "KPPBC Bogor", "--user", "rina")
    assert hasil.returncode == 1 and "admin" in hasil.stderr
    storage = Storage(db)
    assert storage.kop_dokumen() == KopDokumen()
    assert storage.jejak().iloc[0]["tindakan"] == "ditolak"


def test_berkas_logo_tidak_ada(db_contoh: Path | str, tmp_path: Path) -> None:
    hasil = kinerja(db_contoh, "settings", "--logo", str(tmp_path / "tidak-ada.png"))
    assert hasil.returncode == 1 and "tidak-ada.png" in hasil.stderr
    assert Storage(db_contoh).kop_dokumen() == KopDokumen()


def test_gudang_memeriksa_sendiri(db: Path | str) -> None:
    """The store refuses what the command line refuses, with typed errors, and checks the grant in its transaction."""
    storage = Storage(db)
    operator = Pelaku.sistem("operator")
    with pytest.raises(KopDitolak) as galat:
        storage.atur_kop_dokumen(KopDokumen("BPPT", b"GIF89a...."), pelaku=operator)
    assert galat.value.pesan.kunci == "kop.logo_jenis"
    with pytest.raises(KopDitolak) as galat:
        storage.atur_kop_dokumen(KopDokumen("BPPT\x00"), pelaku=operator)
    assert galat.value.pesan.kunci == "kop.nama_kendali"
    with pytest.raises(AksesDitolak):
        storage.atur_kop_dokumen(KopDokumen("BPPT"), pelaku=Pelaku("rina", Cara.MASUK, "uji"))
    storage.atur_kop_dokumen(KopDokumen("Badan Pengkajian dan Penerapan Teknologi", JPEG), pelaku=operator)
    assert storage.kop_dokumen() == KopDokumen("Badan Pengkajian dan Penerapan Teknologi", JPEG)
