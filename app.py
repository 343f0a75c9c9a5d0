"""Dasbor Kinerja: the entry point. Page setup, shared sidebar filters, navigation."""

import streamlit as st

from kinerja.config import AKAR
from kinerja.texts import BAHASA, BAHASA_BAWAAN, bahasa, pakai_bahasa, t
from kinerja.web import gerbang, panah, saring, tampilan

# The tab icon, served by this server: a Material icon name would be fetched from Google's font servers,
# which an offline government intranet cannot reach. (A comment, not a string: Streamlit's "magic" would
# print a bare string on every page.)
IKON = AKAR / "kinerja" / "aset" / "ikon.png"
# the session's language first: every word of this run follows it (the choice is drawn in the sidebar below)
pakai_bahasa(st.session_state.get("bahasa") or st.query_params.get("bahasa", BAHASA_BAWAAN))
st.set_page_config(page_title=t("app.judul"), page_icon=str(IKON), layout="wide")
panah.dengar_panah("dialog")  # first: the Dialog's arrow keys are heard from the moment any page loads
tampilan.pasang_gaya()

halaman = st.navigation([
    st.Page("pages/ringkasan.py", title=t("halaman.ringkasan"), icon=":material/traffic:", default=True),
    st.Page("pages/progres.py", title=t("halaman.progres"), icon=":material/monitoring:"),
    st.Page("pages/peta.py", title=t("halaman.peta"), icon=":material/account_tree:"),
    st.Page("pages/kaskade.py", title=t("halaman.kaskade"), icon=":material/lan:"),
    st.Page("pages/dialog.py", title=t("halaman.dialog"), icon=":material/co_present:"),
    st.Page("pages/unggah.py", title=t("halaman.unggah"), icon=":material/upload_file:"),
    st.Page("pages/pemantauan.py", title=t("halaman.pemantauan"), icon=":material/event_upcoming:"),
    st.Page("pages/riwayat.py", title=t("halaman.riwayat"), icon=":material/history:"),
    st.Page("pages/jejak.py", title=t("halaman.jejak"), icon=":material/policy:"),
])
st.sidebar.radio(t("bahasa.pilih"), BAHASA, index=BAHASA.index(bahasa()), key="bahasa", horizontal=True,
                 bind="query-params",
                 format_func={kode: t(f"bahasa.{kode}") for kode in BAHASA}.get)  # labels made in this run
orang = gerbang.gerbang()  # who is here; without sign-in where reading needs it, the run stops at the sign-in
st.session_state["filter"] = saring.sidebar(orang.terlihat)
halaman.run()
