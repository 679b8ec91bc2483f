"""Receipts: the persistent print queue and the one way bytes reach the receipt printer."""
