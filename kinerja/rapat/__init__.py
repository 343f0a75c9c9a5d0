"""The Dialog Kinerja: a meeting's content, its projector look, the deck of minutes."""
