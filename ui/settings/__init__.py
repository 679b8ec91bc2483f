"""Settings (设置), one module a tab; ``screen`` puts them together."""
