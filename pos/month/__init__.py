"""The supervisor's month: closing it (closure, document), the public notice, the audit, the export."""
