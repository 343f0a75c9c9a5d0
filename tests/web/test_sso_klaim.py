"""Issue 27, finding 5: an SSO token is trusted for one claim only, and never becomes a local password account.

By default the person is the token's ``email``, and only when the provider says it verified it
(``email_verified`` true: the boolean, or the string "true" some providers send); an installation may name
another claim its provider vouches for (``kinerja_sso_klaim`` in secrets, or ``KINERJA_SSO_KLAIM``). Whatever the
claim says, it signs in only a person stored for SSO (``user add … --sso``: no password); a refused sign-in
says why, signs nobody in, and is in the audit trail.
"""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kinerja import akses
from kinerja.store import Storage
from kinerja.texts import teks_pesan
from kinerja_core.akses import Hibah, Pelaku, Peran
from tests.conftest import AKAR, teks_md

APP = str(AKAR / "app.py")
OPERATOR = Pelaku.sistem("operator")
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32, "client_id": "dasbor",
        "client_secret": "rahasia", "server_metadata_url": "https://sso.example.go.id/.well-known/openid-configuration"}


@pytest.fixture
def terkunci(storage: Storage) -> Storage:
    """A local password account ``admin`` of every unit, and Rina, an SSO person editing the West Java Kanwil."""
    storage.tambah_pengguna("admin", akses.hash_sandi("sandi-yang-panjang"), pelaku=OPERATOR)
    storage.beri_hak("admin", Hibah(Peran.ADMIN, "*"), pelaku=OPERATOR)
    storage.tambah_pengguna("rina@beacukai.go.id", None, pelaku=OPERATOR)
    storage.beri_hak("rina@beacukai.go.id", Hibah(Peran.PENGISI, "KWBCJABAR"), pelaku=OPERATOR)
    return storage


def sso(storage: Storage, monkeypatch, user: dict[str, object], **rahasia: object) -> AppTest:
    """The app with ``[auth]`` configured (and any other secrets), run for a browser whose SSO token is ``user``."""
    monkeypatch.setenv("KINERJA_DB", storage.alamat)
    monkeypatch.delenv("KINERJA_SSO_KLAIM", raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = AUTH
    for kunci, nilai in rahasia.items():
        at.secrets[kunci] = nilai
    at.user = {"is_logged_in": True, **user}
    at.run()
    assert not at.exception, at.exception
    return at


def masuk_sebagai(at: AppTest) -> list[str]:
    return [teks_md(c.value) for c in at.sidebar.caption if "Masuk sebagai" in c.value]


def tidak_ada_yang_masuk(at: AppTest) -> None:
    assert not masuk_sebagai(at)
    assert not [s for s in at.sidebar.selectbox if s.key == "unit"]  # no dashboard
    assert [b.key for b in at.button if b.key == "gerbang_sso"] or [b.key for b in at.button
                                                                    if b.key == "gerbang_keluar_sso"]


def unit_ditawarkan(at: AppTest) -> list[str]:
    unit = pd.read_csv(AKAR / "data" / "unit.csv", sep=";")
    per_nama = dict(zip(unit["nama_unit"], unit["kode_unit"]))
    return [per_nama[o.split(" (")[0]] for o in at.sidebar.selectbox(key="unit").options]


def gagal_sso(storage: Storage) -> pd.DataFrame:
    jejak = storage.jejak()
    kata = jejak.rincian.map(teks_pesan)  # kept as codes: read in words as the Jejak Audit page shows them
    return jejak.assign(rincian=kata)[(jejak.tindakan == "masuk_gagal") & kata.str.contains("SSO")]


@pytest.mark.parametrize("email", ["Admin", "rina@beacukai.go.id"])
@pytest.mark.parametrize("terverifikasi", [False, "false", None, "ya"])
def test_email_belum_diverifikasi_ditolak(terkunci, monkeypatch, _apptest_navigasi, email, terverifikasi):
    user = {"email": email} if terverifikasi is None else {"email": email, "email_verified": terverifikasi}
    at = sso(terkunci, monkeypatch, user)
    tidak_ada_yang_masuk(at)
    assert [e.value for e in at.error if "email_verified" in e.value]  # says why
    ditolak = gagal_sso(terkunci)
    assert len(ditolak) == 1 and "email_verified" in ditolak.rincian.iloc[0]  # in the audit trail
    at.run()
    assert len(gagal_sso(terkunci)) == 1  # once for the browser session, not once per rerun


@pytest.mark.parametrize("terverifikasi", [True, "true", "TRUE"])
def test_klaim_terverifikasi_tidak_menjadi_akun_lokal(terkunci, monkeypatch, _apptest_navigasi, terverifikasi):
    """A verified e-mail claim "Admin" names the local password account ``admin``: never an SSO sign-in."""
    at = sso(terkunci, monkeypatch, {"email": "Admin", "email_verified": terverifikasi})
    tidak_ada_yang_masuk(at)
    assert [e.value for e in at.error if "tidak terdaftar sebagai pengguna SSO" in e.value]
    assert gagal_sso(terkunci).pengguna.tolist() == ["admin"]  # admins see that someone tried


def test_klaim_terverifikasi_tanpa_pengguna_ditolak(terkunci, monkeypatch, _apptest_navigasi):
    at = sso(terkunci, monkeypatch, {"email": "budi@beacukai.go.id", "email_verified": True})
    tidak_ada_yang_masuk(at)
    assert [e.value for e in at.error if "tidak terdaftar sebagai pengguna SSO" in e.value]
    assert gagal_sso(terkunci).pengguna.tolist() == ["?"]  # a name that is nobody's is not kept


@pytest.mark.parametrize("terverifikasi", [True, "true"])
def test_email_terverifikasi_masuk_dengan_haknya(terkunci, monkeypatch, _apptest_navigasi, terverifikasi):
    at = sso(terkunci, monkeypatch, {"email": "Rina@BeaCukai.go.id", "email_verified": terverifikasi, "name": "R"})
    assert masuk_sebagai(at) == ["Masuk sebagai **rina@beacukai.go.id** · hak: pengisi KWBCJABAR"]
    assert unit_ditawarkan(at) == ["KWBCJABAR", "KPPBCBEKASI", "KPPBCBOGOR"]
    assert gagal_sso(terkunci).empty


def test_klaim_lain_yang_dipercaya(terkunci, monkeypatch, _apptest_navigasi):
    """An installation whose provider vouches for another claim (Entra ID's ``preferred_username``, no
    ``email_verified``) names it; the e-mail claim is then not used at all."""
    at = sso(terkunci, monkeypatch, {"preferred_username": "rina@beacukai.go.id", "email": "admin"},
             kinerja_sso_klaim="preferred_username")
    assert masuk_sebagai(at) == ["Masuk sebagai **rina@beacukai.go.id** · hak: pengisi KWBCJABAR"]
    at = sso(terkunci, monkeypatch, {"preferred_username": "admin", "email": "rina@beacukai.go.id",
                                     "email_verified": True}, kinerja_sso_klaim="preferred_username")
    tidak_ada_yang_masuk(at)  # still never a local account
    at = sso(terkunci, monkeypatch, {"email": "rina@beacukai.go.id", "email_verified": True},
             kinerja_sso_klaim="preferred_username")
    tidak_ada_yang_masuk(at)  # the claim named is missing: nobody
    assert [e.value for e in at.error if "preferred_username" in e.value]
