"""The supervisor's area (监督月结), one module a page; ``screen`` puts them together."""
