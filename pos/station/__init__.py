"""This computer: its settings (settings.json), its state at a glance, its log."""
