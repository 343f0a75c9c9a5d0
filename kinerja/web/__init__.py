"""Streamlit pieces shared by the pages: the store per server, cached reads, filters, the front door."""
