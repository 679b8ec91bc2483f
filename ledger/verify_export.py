#!/usr/bin/env python3
"""Re-verify an aixin-pos ledger export with nothing but Python's standard library.

    python3 verify_export.py EXPORT_DIR [--anchor [SEQ:]HASH]

Checks each file against the manifest's SHA-256, recomputes every
transaction's hash from the CSV data (the canonical encoding below is the
one in ledger/canonical.py, repeated here on purpose so this file imports
nothing of the program), and checks sequence gaps, zero-sum postings, kept
balances against posting sums, the head, and optionally an anchor printed on
an earlier public notice. Prints each finding; exits 1 if there is any.
"""

import argparse
import csv
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

GENESIS = "0" * 64


def encode(tx, postings):
    doc = {
        "v": 1,
        "prev": tx["prev"],
        "seq": tx["seq"],
        "at": tx["at"],
        "kind": tx["kind"],
        "operator": tx["operator"],
        "approver": tx["approver"],
        "memo": tx["memo"],
        "reverses": tx["reverses"],
        "attrs": tx["attrs"],
        "postings": [[code, amount] for code, amount in postings],
    }
    return json.dumps(
        doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def read_csv(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def check(folder, anchor=None):
    findings = []
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name, info in manifest["files"].items():
        path = folder / name
        if not path.is_file():
            findings.append(f"file {name} is missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != info["sha256"]:
            findings.append(f"file {name} does not match the manifest's SHA-256")

    accounts = {row["id"]: row for row in read_csv(folder / "ledger_account.csv")}
    postings = defaultdict(list)
    for row in read_csv(folder / "ledger_posting.csv"):
        postings[int(row["tx_seq"])].append((int(row["line"]), row["account_id"], int(row["amount"])))
    sums = defaultdict(int)
    prev = GENESIS
    pure_prev = GENESIS
    expected = 1
    last_seq, last_hash = 0, GENESIS
    anchor_seq, anchor_hash = anchor if anchor else (None, None)
    anchor_found = None
    transactions = read_csv(folder / "ledger_transaction.csv")
    recomputed = {}
    for row in transactions:
        seq = int(row["seq"])
        if seq != expected:
            findings.append(f"#{seq}: sequence gap, expected #{expected}")
        expected = seq + 1
        lines = sorted(postings.pop(seq, []))
        legs = []
        for _, account_id, amount in lines:
            code = accounts[account_id]["code"] if account_id in accounts else f"#{account_id}"
            legs.append((code, amount))
            sums[account_id] += amount
        if sum(amount for _, amount in legs) != 0:
            findings.append(f"#{seq}: postings do not sum to zero")
        tx = {
            "seq": seq,
            "at": row["at"],
            "kind": row["kind"],
            "operator": row["operator"],
            "approver": row["approver"] or None,
            "memo": row["memo"],
            "reverses": int(row["reverses"]) if row["reverses"] else None,
            "attrs": json.loads(row["attrs"]),
        }
        computed = hashlib.sha256(encode(dict(tx, prev=prev), legs)).hexdigest()
        pure = hashlib.sha256(encode(dict(tx, prev=pure_prev), legs)).hexdigest()
        if computed != row["hash"]:
            findings.append(f"#{seq}: recomputed hash differs from the stored one")
        prev, pure_prev = row["hash"], pure
        recomputed[seq] = pure
        if anchor_hash and anchor_found is None and pure == anchor_hash:
            if anchor_seq is None or anchor_seq == seq:
                anchor_found = seq
        last_seq, last_hash = seq, row["hash"]
    for seq in sorted(postings):
        findings.append(f"#{seq}: postings without their transaction")
    for account_id, row in accounts.items():
        if int(row["balance"]) != sums.get(account_id, 0):
            findings.append(
                f"account {row['code']}: kept balance {row['balance']}, postings sum {sums.get(account_id, 0)}"
            )
    head = manifest["head"]
    if (head["seq"], head["hash"]) != (last_seq, last_hash):
        findings.append(f"head says #{head['seq']}, the chain ends at #{last_seq}")
    if anchor_hash and anchor_found is None:
        findings.append(f"anchor {anchor_hash} is not in the chain")
    if (folder / "month_closure.csv").is_file():
        findings += check_closures(read_csv(folder / "month_closure.csv"), recomputed)
    return len(transactions), pure_prev, findings


def check_closures(rows, recomputed):
    """Monthly closures against the chain: each closure's document still has its hash, says
    what its columns say, follows the closure before it, and names a last transaction whose
    recomputed hash is the one it recorded (the hash printed on that month's notice)."""
    findings = []
    prev_hash, prev_last = GENESIS, None
    for row in sorted(rows, key=lambda r: int(r["number"])):
        number = int(row["number"])
        if hashlib.sha256(row["document"].encode("utf-8")).hexdigest() != row["hash"]:
            findings.append(f"closure {number}: the document does not match its hash")
            continue
        doc = json.loads(row["document"])
        for name in ("number", "first_seq", "last_seq", "head_seq"):
            if doc[name] != int(row[name]):
                findings.append(f"closure {number}: {name} {row[name]} differs from its document")
        for name in ("month", "last_hash", "prev_hash", "head_hash"):
            if doc[name] != row[name]:
                findings.append(f"closure {number}: {name} differs from its document")
        if row["prev_hash"] != prev_hash:
            findings.append(f"closure {number}: does not follow the closure before it")
        if prev_last is not None and doc["first_seq"] != prev_last + 1:
            findings.append(f"closure {number}: starts at #{doc['first_seq']}, not #{prev_last + 1}")
        last = doc["last_seq"]
        expected = recomputed.get(last, GENESIS if last == 0 else None)
        if expected is None:
            findings.append(f"closure {number}: its last transaction #{last} is not in the chain")
        elif expected != doc["last_hash"]:
            findings.append(f"closure {number}: transaction #{last} no longer has the hash the closure recorded")
        prev_hash, prev_last = row["hash"], last
    return findings


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--anchor", help="[SEQ:]HASH printed on an earlier notice")
    args = parser.parse_args(argv)
    anchor = None
    if args.anchor:
        seq_text, _, hash_text = args.anchor.rpartition(":")
        anchor = (int(seq_text) if seq_text else None, hash_text.lower())
    count, head_hash, findings = check(args.folder, anchor)
    for finding in findings:
        print(finding)
    if findings:
        print(f"FAILED: {len(findings)} finding(s) in {count} transactions")
        return 1
    print(f"OK: {count} transactions, head {head_hash}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
