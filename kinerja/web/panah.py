"""The arrow keys of the Dialog: ← and → move one slide per press, heard from the moment any page loads."""

from __future__ import annotations

import json
from collections.abc import Callable

import streamlit as st

# Every press of ← or → (not typed into a field, no modifier, no auto-repeat) on the page that uses the keys
# adds -1 / +1 to a running total kept by the browser window, sent whole with the window's id. A state
# value, not a trigger: presses that arrive while a run is going on are not merged into one (Streamlit
# coalesces triggers), and a value that arrives twice is not applied twice, because the server applies only
# the difference to the total it applied last. It is applied in the widget callback, which runs whole
# before the script (or, for a value that came with the component's first registration, right after the
# mount), the total and the move together: a run cut short by the next press cannot split them.
# The listener is installed once per window by an inline script that app.py draws first on every page
# (``dengar_panah``), so it is in place long before a Dialog slide shows, while the component's module may
# still be loading; presses made before the component is there are kept and sent when it mounts. Until the
# listener is in place the Dialog keeps its slides hidden (projector.css), so no press is made in vain.
_JS_PASANG = """
(function (halaman) {
  const p = (window.__kinerjaPanah = window.__kinerjaPanah ||
    { sesi: Date.now().toString(36) + Math.random().toString(36).slice(2), langkah: 0, kirim: null, dengar: false });
  if (p.dengar) return p;
  p.dengar = true;
  document.documentElement.setAttribute("data-kinerja-panah", "siap");  // projector.css shows the slides now
  const bidang = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], ' +
    '[role="combobox"], [role="listbox"], [role="slider"], [role="radiogroup"], [role="radio"], [role="tablist"], ' +
    '[role="grid"], [data-testid="stDataFrame"]';  // a table's cells: the arrows move between them there
  document.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    if (e.repeat || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing) return;
    if (!window.location.pathname.replace(/\\/+$/, "").endsWith("/" + halaman)) return;
    const sasaran = e.target;
    if (sasaran && sasaran.closest && sasaran.closest(bidang)) return;
    e.preventDefault();
    p.langkah += e.key === "ArrowRight" ? 1 : -1;
    if (p.kirim) p.kirim();
  }, true);
  return p;
})
"""

_JS_PANAH = f"""
export default function (komponen) {{
  const {{ setStateValue, data }} = komponen;
  const p = {_JS_PASANG.strip()}(data.halaman);
  const kirim = () => setStateValue("tekan", {{ sesi: p.sesi, langkah: p.langkah }});
  p.kirim = kirim;
  if (p.langkah !== 0) kirim();  // presses made while the component was loading
  return () => {{ if (p.kirim === kirim) p.kirim = null; }};
}}
"""

_PANAH = st.components.v2.component("kinerja.panah", js=_JS_PANAH)


def dengar_panah(halaman: str) -> None:
    """Start listening to the arrow keys for the page ``halaman`` (URL path), as early as possible: app.py
    calls this before anything else, so no press on a freshly opened Dialog is lost while it loads."""
    with st.container(key="panah_pasang"):  # takes no room: hidden by GAYA
        st.html(f"<script>{_JS_PASANG.strip()}({json.dumps(halaman)});</script>", unsafe_allow_javascript=True)


def tombol_panah(key: str, halaman: str, geser: Callable[[int], None]) -> None:
    """Listen to the arrow keys on the page ``halaman`` (its URL path): ``geser(+n)`` for n presses of →.

    ``geser`` runs as a widget callback, before the page's script. Call this early in the page, so a press
    right after the page opens is heard.
    """

    def terima(tekan: object = None) -> None:
        tekan = tekan or (st.session_state.get(key) or {}).get("tekan")
        if not isinstance(tekan, dict) or "sesi" not in tekan:
            return
        diterapkan = st.session_state.get(f"_{key}_diterapkan")
        dasar = diterapkan[1] if diterapkan and diterapkan[0] == tekan["sesi"] else 0
        if int(tekan["langkah"]) != dasar:
            # both in one go, no Streamlit call between them: a run stopped by the next press cannot split them
            st.session_state[f"_{key}_diterapkan"] = (tekan["sesi"], int(tekan["langkah"]))
            geser(int(tekan["langkah"]) - dasar)

    with st.container(key=f"{key}_wadah"):  # takes no room: .st-key-<key>_wadah {display: none}
        hasil = _PANAH(key=key, data={"halaman": halaman}, default={"tekan": None}, on_tekan_change=terima)
    # a value that came with the component's first registration fires no callback: take it here
    terima(hasil.get("tekan"))
