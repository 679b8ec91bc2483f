"""The counter (兑换收银): ``screen`` with its ``panels`` and ``shelf``; the open ``sale`` apart from them."""
