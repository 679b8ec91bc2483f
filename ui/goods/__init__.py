"""Goods and stock (商品与库存), one module a tab; ``screen`` puts them together."""
