"""The shop: households, cards, rules, goods, stock and redemptions. No Qt."""

__version__ = "0.1.0"
