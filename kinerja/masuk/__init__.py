"""Files in and out: reading uploads, checking them, the import plan, templates and exports."""
