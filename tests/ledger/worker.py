"""A separate process that appends to a ledger file, for crash and concurrency tests.

    python worker.py URL batch           300-posting transactions until killed
    python worker.py URL append N NAME   N small transactions, as operator NAME
Prints each committed seq on its own line, flushed, after the commit returns.
"""

import sys

import ledger
from ledger import Leg
from pos.store.database import open_database

HOUSEHOLDS = 299


def main() -> int:
    url, mode = sys.argv[1], sys.argv[2]
    db = open_database(url)
    if mode == "batch":
        legs = [Leg("village:issue", -HOUSEHOLDS)] + [
            Leg(f"household:{n}", 1) for n in range(HOUSEHOLDS)
        ]
        while True:
            with db.write() as s:
                posted = ledger.post(s, kind="labour_day", operator="admin", legs=legs)
            print(posted.seq, flush=True)
    count, name = int(sys.argv[3]), sys.argv[4]
    for n in range(count):
        with db.write() as s:
            posted = ledger.post(
                s, kind="award", operator=name,
                legs=[Leg("village:issue", -1), Leg(f"household:{n % 3}", 1)],
            )
        print(posted.seq, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
