"""A second counter PC, as a separate process: a supervisor claiming wishes.

    python wish_claimer.py URL USERNAME DONOR      (password from AIXIN_PASSWORD)

Logs in, prints "ready", then reads lines "WISH_ID START_AT" from standard
input: waits until the wall-clock time START_AT (so both PCs press the button at
the same moment), claims the wish, and prints one JSON line with the outcome.
"""

import json
import os
import sys
import time

from pos import users, wishes
from pos.store.database import open_database
from pos.errors import ShopError


def main() -> int:
    url, username, donor = sys.argv[1:4]
    db = open_database(url, create=False)
    me = users.login(db, username, os.environ["AIXIN_PASSWORD"])
    print("ready", flush=True)
    for line in sys.stdin:
        wish_id, start_at = line.split()
        time.sleep(max(float(start_at) - time.time(), 0))
        try:
            view = wishes.claim(db, me, int(wish_id), donor, "company", f"{username} 138 0000 0000")
            outcome = {"id": view.id, "ok": True, "donor": view.donor}
        except ShopError as refused:
            outcome = {"id": int(wish_id), "ok": False, "error": refused.key, "message": str(refused)}
        print(json.dumps(outcome, ensure_ascii=False), flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
