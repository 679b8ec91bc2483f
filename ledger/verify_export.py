#!/usr/bin/env python3
"""Re-verify an aixin-pos ledger export with nothing but Python's standard library.

    python3 verify_export.py EXPORT_DIR [--anchor [SEQ:]HASH]

Checks each file against the manifest's SHA-256, recomputes every
transaction's hash from the CSV data (the canonical encoding below is the
one in ledger/canonical.py, repeated here on purpose so this file imports
nothing of the program), and checks sequence gaps, zero-sum postings, kept
balances against posting sums, the head, and optionally an anchor printed on
an earlier public notice. Prints each finding; exits 1 if there is any. A
transaction dated before the one before it (a clock set back) is printed as
a warning and does not fail the check.
"""

import argparse
import csv
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

GENESIS = "0" * 64
MAX_INTEGER = 2**53 - 1


class NotCanonical(ValueError):
    pass


def canonical(value):
    """RFC 8785 order for the subset the ledger hashes; refuses floats and huge integers."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        if -MAX_INTEGER <= value <= MAX_INTEGER:
            return value
        raise NotCanonical(f"integer {value} is beyond +-(2**53 - 1)")
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise NotCanonical("an object key is not a string")
        # RFC 8785 sorts keys by UTF-16 code units, not by code point.
        keys = sorted(value, key=lambda key: key.encode("utf-16-be", "surrogatepass"))
        return {key: canonical(value[key]) for key in keys}
    if isinstance(value, list):
        return [canonical(item) for item in value]
    raise NotCanonical(f"{value!r} has no canonical form (floats are never hashed)")


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
    text = json.dumps(canonical(doc), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise NotCanonical("a string holds a lone surrogate") from None


FORMULA_START = ("=", "+", "-", "@", "'")


def unescape(cell):
    """Text cells that would start a spreadsheet formula were written with a leading apostrophe."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


class Unreadable(Exception):
    """A file the check cannot read; its message names the file and line."""


REQUIRED = {
    "ledger_account.csv": ("id", "code", "balance"),
    "ledger_transaction.csv": ("seq", "at", "kind", "operator", "approver", "memo", "reverses", "attrs", "hash"),
    "ledger_posting.csv": ("tx_seq", "line", "account_id", "amount"),
}
CLOSURE_COLUMNS = ("number", "month", "first_seq", "last_seq", "last_hash", "head_seq", "head_hash",
                   "prev_hash", "document", "hash")


def read_csv(path, columns=()):
    """The rows of ``path`` as (line number, row), or Unreadable naming the file and line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Unreadable(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise Unreadable(f"{path.name} line {line}: not UTF-8 text") from None
    reader = csv.DictReader(text.splitlines(keepends=True))
    missing = [name for name in columns if name not in (reader.fieldnames or ())]
    if missing:
        raise Unreadable(f"{path.name}: column {', '.join(missing)} is missing")
    rows = []
    try:
        for row in reader:
            if None in row or any(value is None for value in row.values()):
                raise Unreadable(f"{path.name} line {reader.line_num}: wrong number of cells")
            rows.append((reader.line_num, {k: unescape(v) for k, v in row.items()}))
    except csv.Error as exc:
        raise Unreadable(f"{path.name} line {reader.line_num}: {exc}") from None
    return rows


def whole(value, where, name):
    """An integer cell, or Unreadable saying which cell it is."""
    text = value.strip()
    digits = text[1:] if text.startswith("-") else text
    if not digits.isdigit() or not digits.isascii():
        raise Unreadable(f"{where}: {name} {value!r} is not a whole number")
    return int(text)


def read_manifest(folder, findings):
    path = folder / "manifest.json"
    if not path.is_file():
        findings.append("manifest.json is missing: the files cannot be checked against their sums")
        return {}
    try:
        manifest = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        findings.append("manifest.json: not UTF-8 text")
        return {}
    except ValueError as exc:
        findings.append(f"manifest.json line {getattr(exc, 'lineno', '?')}: not JSON ({exc})")
        return {}
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        findings.append("manifest.json: has no list of files")
        return {}
    return manifest


def check(folder, anchor=None):
    findings, warnings = [], []
    manifest = read_manifest(folder, findings)
    for name, info in manifest.get("files", {}).items():
        path = folder / name
        if not path.is_file():
            findings.append(f"file {name} is missing")
        elif not isinstance(info, dict) or hashlib.sha256(path.read_bytes()).hexdigest() != info.get("sha256"):
            findings.append(f"file {name} does not match the manifest's SHA-256")

    tables = {}
    for name, columns in REQUIRED.items():
        try:
            tables[name] = read_csv(folder / name, columns) if (folder / name).is_file() else None
        except Unreadable as exc:
            findings.append(str(exc))
            tables[name] = None
        if tables[name] is None and not any(f.startswith(name) for f in findings):
            findings.append(f"{name} is missing")
    if any(rows is None for rows in tables.values()):
        return 0, GENESIS, findings, warnings
    try:
        count, pure_head, recomputed = check_chain(tables, manifest, anchor, findings, warnings)
    except Unreadable as exc:
        findings.append(str(exc))
        return 0, GENESIS, findings, warnings
    findings += check_all_closures(folder, manifest, recomputed)
    return count, pure_head, findings, warnings


def check_chain(tables, manifest, anchor, findings, warnings):
    accounts = {}
    for line, row in tables["ledger_account.csv"]:
        whole(row["balance"], f"ledger_account.csv line {line}", "balance")
        accounts[row["id"]] = row
    postings = defaultdict(list)
    for line, row in tables["ledger_posting.csv"]:
        where = f"ledger_posting.csv line {line}"
        postings[whole(row["tx_seq"], where, "tx_seq")].append(
            (whole(row["line"], where, "line"), row["account_id"], whole(row["amount"], where, "amount")))
    sums = defaultdict(int)
    prev = pure_prev = GENESIS
    expected = 1
    last_seq, last_hash = 0, GENESIS
    anchor_seq, anchor_hash = anchor if anchor else (None, None)
    anchor_found = None
    last_at = None
    recomputed = {}
    for line, row in tables["ledger_transaction.csv"]:
        where = f"ledger_transaction.csv line {line}"
        seq = whole(row["seq"], where, "seq")
        if seq != expected:
            findings.append(f"#{seq}: sequence gap, expected #{expected}")
        expected = seq + 1
        legs = []
        for _, account_id, amount in sorted(postings.pop(seq, [])):
            code = accounts[account_id]["code"] if account_id in accounts else f"#{account_id}"
            legs.append((code, amount))
            sums[account_id] += amount
        if sum(amount for _, amount in legs) != 0:
            findings.append(f"#{seq}: postings do not sum to zero")
        try:
            attrs = json.loads(row["attrs"])
        except ValueError:
            raise Unreadable(f"{where}: attrs is not JSON") from None
        tx = {
            "seq": seq, "at": row["at"], "kind": row["kind"], "operator": row["operator"],
            "approver": row["approver"] or None, "memo": row["memo"],
            "reverses": whole(row["reverses"], where, "reverses") if row["reverses"] else None,
            "attrs": attrs,
        }
        try:
            computed = hashlib.sha256(encode(dict(tx, prev=prev), legs)).hexdigest()
            pure = hashlib.sha256(encode(dict(tx, prev=pure_prev), legs)).hexdigest()
        except NotCanonical as exc:
            findings.append(f"#{seq}: cannot be encoded canonically: {exc}")
            computed = pure = None
        if computed is not None and computed != row["hash"]:
            findings.append(f"#{seq}: recomputed hash differs from the stored one")
        if last_at is not None and row["at"] < last_at:
            # A clock set back is worth a look but proves nothing: a warning, not a finding.
            warnings.append(f"#{seq}: dated {row['at']}, before #{last_seq} ({last_at}): "
                            "the clock was set back")
        last_at = row["at"]
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
    head = manifest.get("head") if isinstance(manifest.get("head"), dict) else None
    if head is None:
        if manifest:
            findings.append("manifest.json: has no head")
    elif (head.get("seq"), head.get("hash")) != (last_seq, last_hash):
        findings.append(f"head says #{head.get('seq')}, the chain ends at #{last_seq}")
    if anchor_hash and anchor_found is None:
        findings.append(f"anchor {anchor_hash} is not in the chain")
    return len(tables["ledger_transaction.csv"]), pure_prev, recomputed


def check_all_closures(folder, manifest, recomputed):
    """Every closure hash the export holds, wherever it is: the closures table, the month's
    own closure sheet and the manifest's month entry must agree with each other and with
    the chain recomputed from the data."""
    findings = []
    named = {}  # closure number -> (hash, last seq, last hash, where it was read)
    month = manifest.get("month")
    if isinstance(month, dict) and "closure" in month:
        named[month["closure"]] = (month.get("hash"), month.get("last_seq"), month.get("last_hash"),
                                   "manifest.json")
    if (folder / "closure.csv").is_file():
        try:
            sheet = {row.get("项目", ""): row.get("数值", "") for _, row in read_csv(folder / "closure.csv")}
            number = whole(sheet.get("月结号", ""), "closure.csv", "月结号")
            mine = (sheet.get("月结哈希"), whole(sheet.get("末笔流水号", ""), "closure.csv", "末笔流水号"),
                    sheet.get("末笔哈希"), "closure.csv")
            if number in named and named[number][:3] != mine[:3]:
                findings.append(f"closure {number}: closure.csv and {named[number][3]} disagree")
            named.setdefault(number, mine)
        except Unreadable as exc:
            findings.append(str(exc))
    for number, (_digest, last_seq, last_hash, where) in sorted(named.items()):
        if last_seq is None or recomputed.get(last_seq, GENESIS if last_seq == 0 else None) != last_hash:
            findings.append(f"closure {number} ({where}): transaction #{last_seq} does not have the hash "
                            "the closure recorded: the chain was changed after the month was closed")
    path = folder / "month_closure.csv"
    listed = "month_closure.csv" in manifest.get("files", {})
    if not path.is_file():
        if named:
            findings.append("month_closure.csv is missing, though the export names closure "
                            + ", ".join(str(n) for n in sorted(named)))
        elif listed:
            findings.append("month_closure.csv is missing")
        return findings
    try:
        rows = read_csv(path, CLOSURE_COLUMNS)
    except Unreadable as exc:
        return findings + [str(exc)]
    by_number = {}
    for line, row in rows:
        try:
            by_number[whole(row["number"], f"month_closure.csv line {line}", "number")] = row
        except Unreadable as exc:
            findings.append(str(exc))
    for number, (digest, *_rest, where) in sorted(named.items()):
        row = by_number.get(number)
        if row is None:
            findings.append(f"closure {number}, named in {where}, is not in month_closure.csv")
        elif row["hash"] != digest:
            findings.append(f"closure {number}: month_closure.csv holds another hash than {where}")
    try:
        findings += check_closures([row for _, row in rows], recomputed)
    except (Unreadable, ValueError, KeyError, TypeError) as exc:
        findings.append(f"month_closure.csv: {exc}")
    return findings


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
    count, head_hash, findings, warnings = check(args.folder, anchor)
    for warning in warnings:
        print(f"warning: {warning}")
    for finding in findings:
        print(finding)
    if findings:
        print(f"FAILED: {len(findings)} finding(s) in {count} transactions")
        return 1
    print(f"OK: {count} transactions, head {head_hash}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
