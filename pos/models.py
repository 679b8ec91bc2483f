"""Every mapped table, so that metadata and migrations see them all."""

from ledger.schema import Account, Base, Head, Posting, Transaction

__all__ = ["Account", "Base", "Head", "Posting", "Transaction"]
