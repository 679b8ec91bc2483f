"""A village's package goes to the county, which proves every part of it before keeping it."""

import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import func, select

from ledger import backup as ledger_backup
from ledger import canonical
from ledger.schema import Transaction
from pos import goods, households, redemption
from pos.county import intake, keys, package, signing
from pos.county.schema import (
    CountyClosure,
    CountyPackage,
    CountyTransaction,
    CountyVillage,
)
from pos.county.vocabulary import KeyStatus, PackageStatus
from pos.errors import ShopError
from pos.month import closure
from pos.store.database import open_database
from pos.village import village_id
from tests.county import villages


def rezip(path, out, change):
    """The package at ``path`` with its entries passed through ``change(name, bytes)``."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, change(info.filename, source.read(info.filename)))
    return out


def test_two_villages_are_packaged_imported_and_held_byte_for_byte(village, county, stick):
    east, west = village("东岭村"), village("西沟村")
    made = [package.make(v.db, v.secretary, stick) for v in (east, west)]
    assert [m.closures for m in made] == [(1, 2, 3), (1, 2, 3)]
    assert made[0].months == ("2025-01", "2025-02", "2025-03") and made[0].from_seq == 1
    results = intake.import_files(county.db, county.official, [m.path for m in made], receipts_dir=stick)
    assert [r.status for r in results] == [PackageStatus.IMPORTED] * 2
    assert all(r.receipt.is_file() and not r.notes for r in results)
    with east.db.read() as session:
        identity = village_id(session)
        chain = dict(session.execute(select(Transaction.seq, Transaction.hash)).all())
    with county.db.read() as session:
        held = dict(session.execute(select(CountyTransaction.seq, CountyTransaction.hash)
                                    .where(CountyTransaction.village_id == identity)).all())
        row = session.get(CountyVillage, identity)
        assert (row.head_seq, row.closure_number, row.name) == (made[0].to_seq, 3, "东岭村")
        assert session.scalar(select(func.count()).select_from(CountyClosure)) == 6
    assert held == {seq: h for seq, h in chain.items() if seq <= made[0].to_seq}


def test_importing_the_same_package_again_changes_nothing(village, county, stick):
    east = village()
    made = package.make(east.db, east.secretary, stick)
    first = intake.import_package(county.db, county.official, made.path)
    again = intake.import_package(county.db, county.official, made.path, receipts_dir=stick)
    assert first.status == PackageStatus.IMPORTED
    assert again.status == PackageStatus.UNCHANGED and again.reason == "county_already_imported"
    assert again.receipt is not None and again.receipt.is_file()  # the same receipt, written again
    with county.db.read() as session:
        assert session.scalar(select(func.count()).select_from(CountyPackage)) == 1
        assert session.scalar(select(func.count()).select_from(CountyTransaction)) == made.to_seq


def test_a_package_edited_after_signing_is_refused_and_kept_as_evidence(village, county, stick, tmp_path):
    east = village()
    made = package.make(east.db, east.secretary, stick)

    def richer(name, data):  # one redemption's points quietly lowered inside the chain
        if name != package.CHAIN:
            return data
        lines = data.split(b"\n")
        n = next(i for i, line in enumerate(lines) if b'"kind":"award"' in line)
        lines[n] = lines[n].replace(b'"memo":"', b'"memo":"x', 1)
        return b"\n".join(lines)

    edited = rezip(made.path, tmp_path / "edited.aixin-county", richer)
    result = intake.import_package(county.db, county.official, edited)
    assert result.status == PackageStatus.REFUSED and result.reason == "county_package_tampered"

    def renamed(name, data):  # the manifest itself changed: the signature no longer holds
        return data.replace("东岭村".encode(), "西沟村".encode()) if name == package.MANIFEST else data

    forged = rezip(made.path, tmp_path / "forged.aixin-county", renamed)
    result = intake.import_package(county.db, county.official, forged)
    assert result.status == PackageStatus.REFUSED and result.reason == "county_signature_bad"
    with county.db.read() as session:
        kept = session.scalars(select(CountyPackage).order_by(CountyPackage.id)).all()
        assert [p.status for p in kept] == ["refused", "refused"]
        assert kept[0].data == edited.read_bytes()  # the evidence, byte for byte
        assert session.scalar(select(func.count()).select_from(CountyTransaction)) == 0
        assert session.scalar(select(func.count()).select_from(CountyVillage)) == 0
    assert intake.import_package(county.db, county.official, made.path).status == PackageStatus.IMPORTED


def redeem(db, admin, quantity: int, card: str | None = None) -> str:
    """A redemption of ``quantity`` of the cheapest goods on the shelf; returns the card."""
    item = min((g for g in goods.search(db, admin) if g.stock >= 2), key=lambda g: (g.price_points, g.code))
    if card is None:
        card = next(h.card_number for h in households.search(db, admin, limit=100)
                    if h.card_number and h.balance >= 2 * item.price_points)
    redemption.redeem(db, admin, card, [redemption.CartItem(item.code, quantity)])
    return card


def resign(path, out, key: Ed25519PrivateKey):
    """The same package signed by another key (a new PC after a disk died)."""
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    with zipfile.ZipFile(path) as source:
        manifest = json.loads(source.read(package.MANIFEST))
        manifest.update(public_key=public, fingerprint=signing.fingerprint_hex(public))
        data = canonical.dumps(manifest)
        signature = canonical.dumps({"algorithm": "ed25519", "public_key": public,
                                     "signature": key.sign(data).hex()})
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                content = {package.MANIFEST: data, package.SIGNATURE: signature}.get(
                    info.filename, source.read(info.filename))
                target.writestr(info, content)
    return out, signing.fingerprint_hex(public)


def test_a_package_signed_by_another_key_waits_until_a_county_user_accepts_the_key(
        village, county, stick, tmp_path):
    east = village()
    made = package.make(east.db, east.secretary, stick)
    assert intake.import_package(county.db, county.official, made.path).status == PackageStatus.IMPORTED
    east.db.clock = villages.at(2025, 4, 2)
    redeem(east.db, east.admin, 1)
    east.db.clock = villages.at(2025, 5, 1)
    closure.close(east.db, east.secretary, "2025-04",
                  password=villages.PASSWORD, confirm_recent=True)
    second = package.make(east.db, east.secretary, stick)  # from #1 again: no receipt recorded
    moved, fingerprint = resign(second.path, tmp_path / "new-pc.aixin-county", Ed25519PrivateKey.generate())
    held = intake.import_package(county.db, county.official, moved)
    assert held.status == PackageStatus.HELD and held.fingerprint == fingerprint
    seen = {k.fingerprint: k for k in keys.keys(county.db, county.official)}
    assert seen[fingerprint].status == KeyStatus.HELD and seen[fingerprint].waiting == 1
    assert seen[made.fingerprint].status == KeyStatus.PINNED
    with county.db.read() as session:
        assert session.scalar(select(CountyVillage.closure_number)) == 3
    done = intake.accept_key(county.db, county.official, fingerprint[:14], receipts_dir=stick)
    assert [r.status for r in done] == [PackageStatus.IMPORTED] and done[0].closures == (4,)
    seen = {k.fingerprint: k.status for k in keys.keys(county.db, county.official)}
    assert seen == {made.fingerprint: KeyStatus.REPLACED, fingerprint: KeyStatus.PINNED}
    # a package signed by the old key now waits in its turn
    assert intake.import_package(county.db, county.official, second.path).status == PackageStatus.HELD
    assert {k.fingerprint: k.status for k in keys.keys(county.db, county.official)}[made.fingerprint] \
        == KeyStatus.HELD


def test_a_village_that_restored_an_older_backup_and_sold_again_is_refused_as_a_fork(
        village, county, stick, tmp_path):
    east = village()
    east.db.clock = villages.at(2025, 4, 2)
    copy = ledger_backup.backup(east.db.engine, tmp_path / "usb")  # the village's backup, at #N
    with east.db.read() as session:
        before = session.scalar(select(func.max(Transaction.seq)))
    card = redeem(east.db, east.admin, 1)
    east.db.clock = villages.at(2025, 5, 1)
    closure.close(east.db, east.secretary, "2025-04",
                  password=villages.PASSWORD, confirm_recent=True)
    first = package.make(east.db, east.secretary, stick)
    assert intake.import_package(county.db, county.official, first.path).status == PackageStatus.IMPORTED

    east.db.dispose()  # the PC's disk is put back from the older copy, and the shop sells again
    path = tmp_path / "restored.db"
    ledger_backup.install(copy, path)
    restored = open_database(f"sqlite:///{path}")
    try:
        restored.clock = villages.at(2025, 4, 3)
        redeem(restored, villages.admin(restored), 2, card)
        restored.clock = villages.at(2025, 5, 1)
        closure.close(restored, villages.secretary(restored), "2025-04",
                      password=villages.PASSWORD, confirm_recent=True)
        (stick / "again").mkdir()
        again = package.make(restored, villages.secretary(restored), stick / "again")
    finally:
        restored.dispose()
    result = intake.import_package(county.db, county.official, again.path)
    assert result.status == PackageStatus.REFUSED and result.reason == "county_fork"
    assert result.params["seq"] == before + 1 and result.params["village"] == "东岭村"
    assert "redemption" in result.params["here"] and "redemption" in result.params["there"]
    with county.db.read() as session:
        evidence = session.scalar(select(CountyPackage).where(CountyPackage.status == "refused"))
        assert evidence.fork_seq == before + 1 and evidence.data == again.path.read_bytes()
        assert session.scalar(select(CountyVillage.closure_number)) == 4  # what it held stays


def test_a_closure_that_disagrees_with_its_postings_is_refused_even_when_signed(village, county, stick, tmp_path):
    east = village()
    made = package.make(east.db, east.secretary, stick)
    with east.db.read() as session:
        identity = village_id(session)
    key = signing.village_key(identity)

    def generous(name, data):  # closure 2 says one household closed 10 points richer
        if name != package.CLOSURES:
            return data
        lines = data.rstrip(b"\n").split(b"\n")
        record = json.loads(lines[1])
        doc = json.loads(record["document"])
        doc["households"][0][9] += 10
        record["document"] = canonical.dumps(doc).decode()
        record["hash"] = canonical.digest(record["document"].encode())
        lines[1] = canonical.dumps(record)
        return b"\n".join(lines) + b"\n"

    def signed_again(path, out):
        with zipfile.ZipFile(path) as source:
            entries = {i.filename: source.read(i.filename) for i in source.infolist()}
        entries[package.CLOSURES] = generous(package.CLOSURES, entries[package.CLOSURES])
        manifest = json.loads(entries[package.MANIFEST])
        data = entries[package.CLOSURES]
        manifest["files"][package.CLOSURES] = {"sha256": canonical.digest(data), "bytes": len(data),
                                               "lines": data.count(b"\n")}
        entries[package.MANIFEST] = canonical.dumps(manifest)
        entries[package.SIGNATURE] = canonical.dumps({"algorithm": key.algorithm, "public_key": key.public_hex,
                                                      "signature": key.sign(entries[package.MANIFEST])})
        with zipfile.ZipFile(out, "w") as target:
            for name, content in entries.items():
                target.writestr(name, content)
        return out

    forged = signed_again(made.path, tmp_path / "forged.aixin-county")
    result = intake.import_package(county.db, county.official, forged)
    assert result.status == PackageStatus.REFUSED and result.reason == "county_closure_mismatch"
    assert result.params["number"] == 2 and "household" in result.params["detail"]
    # once the county holds the true closure 2, the same forgery is a second history of it
    assert intake.import_package(county.db, county.official, made.path).status == PackageStatus.IMPORTED
    (tmp_path / "again").mkdir()
    result = intake.import_package(county.db, county.official, signed_again(made.path, tmp_path / "again" / "f"))
    assert result.status == PackageStatus.REFUSED and result.reason == "county_closure_fork"
    assert result.params["number"] == 2


def test_a_later_package_before_the_earlier_one_waits_for_it(village, county, stick):
    east = village()
    first = package.make(east.db, east.secretary, stick)
    intake.import_package(county.db, county.official, first.path, receipts_dir=stick)
    from pos.county import receipt

    east.db.clock = villages.at(2025, 4, 2)
    receipt.record(east.db, east.secretary, next(stick.glob("receipt-*.json")).read_bytes())
    east.db.clock = villages.at(2025, 5, 1)
    closure.close(east.db, east.secretary, "2025-04",
                  password=villages.PASSWORD, confirm_recent=True)
    second = package.make(east.db, east.secretary, stick)
    assert second.from_seq == first.to_seq + 1 and second.closures == (4,)
    fresh = type(county)(county.url.replace("county.db", "county2.db"))
    try:
        early = intake.import_package(fresh.db, fresh.official, second.path)
        assert early.status == PackageStatus.REFUSED and early.reason == "county_segment_gap"
        results = intake.import_files(fresh.db, fresh.official, [second.path, first.path])
        assert [r.closures for r in results] == [(1, 2, 3), (4,)]  # put in order by closure
    finally:
        fresh.db.dispose()


def test_a_package_of_a_newer_format_is_refused_by_name(village, county, stick, tmp_path):
    east = village()
    made = package.make(east.db, east.secretary, stick)
    newer = rezip(made.path, tmp_path / "v9.aixin-county",
                  lambda name, data: data.replace(b'"version":1', b'"version":9') if name == package.MANIFEST else data)
    result = intake.import_package(county.db, county.official, newer)
    assert result.status == PackageStatus.REFUSED and result.reason == "county_package_version"
    assert result.params["version"] == 9
    garbage = tmp_path / "garbage.aixin-county"
    garbage.write_bytes(b"not a zip")
    assert intake.import_package(county.db, county.official, garbage).reason == "county_package_unreadable"


def test_nothing_to_package_before_a_month_is_closed_or_after_the_county_acknowledged_it(village, stick):
    east = village()
    from pos.county import receipt

    made = package.make(east.db, east.secretary, stick)
    assert made.path.suffix == ".aixin-county" and not list(stick.glob(".*part"))
    with pytest.raises(ShopError) as refused:
        package.make(east.db, east.admin, stick)
    assert refused.value.key == "wrong_role"
    with east.db.read() as session:
        assert receipt.acknowledged(session) is None


def test_a_package_sent_over_the_network_waits_in_the_inbox_until_imported(village, county, stick):
    east = village()
    made = package.make(east.db, east.secretary, stick)
    inbox = intake.send(county.url, made.path)
    assert inbox == 1
    done = intake.import_inbox(county.db, county.official, receipts_dir=stick)
    assert [r.status for r in done] == [PackageStatus.IMPORTED] and done[0].receipt.is_file()
    assert intake.import_inbox(county.db, county.official) == []  # taken once
    (stick / "garbage.aixin-county").write_bytes(b"PK not really")
    with pytest.raises(ShopError) as refused:
        intake.send(county.url, stick / "garbage.aixin-county")
    assert refused.value.key == "county_package_unreadable"
