"""Signing keys: the village's (its packages) and the county's (its receipts and rules).

The algorithm is a named, replaceable part: every signature travels with the
name of its algorithm and the signer's public key, and ``ALGORITHMS`` maps a name
to the code that makes and checks it. Ed25519 (``cryptography``) is the one
there today; a county IT office that must use SM2/SM3 (GB/T 39786-2021) adds an
entry, and packages signed the old way stay readable.

Private keys are files in the data folder (``keys/``), readable by their owner
only: one file per village id, so the demo village and the shop's own database
can share a data folder; the county's under its own id. A lost key is not a
lost history: the village makes a new key, and the county holds its next
package until a county user accepts the new key.

A fingerprint is what people compare by eye: the SHA-256 of the raw public key,
its first 32 hex digits in groups of four ("3f2a 91c0 ...").
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from ledger import canonical
from ledger.backup import PRIVATE_FILE, private_folder
from pos import paths
from pos.errors import ShopError

ED25519 = "ed25519"
ALGORITHM = ED25519  # what new keys use
COUNTY_KEY_ENV = "AIXIN_COUNTY_KEY"


class UnreadableKey(Exception):
    """A key file that cannot be read as a key of a known algorithm."""


def _ed25519_public(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)


def _ed25519_check(public: bytes, data: bytes, signature: bytes) -> bool:
    try:
        _ed25519_public(public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


# name -> check(public key bytes, data, signature) -> bool
ALGORITHMS = {ED25519: _ed25519_check}


def fingerprint(public_key: bytes) -> str:
    digest = hashlib.sha256(public_key).hexdigest()[:32]
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def fingerprint_hex(public_hex: str) -> str:
    return fingerprint(bytes.fromhex(public_hex))


def check(algorithm: str, public_hex: str, data: bytes, signature_hex: str) -> bool:
    """Whether ``signature_hex`` is ``public_hex``'s signature of ``data`` by ``algorithm``;
    an unknown algorithm or malformed key or signature is simply not a valid signature."""
    checker = ALGORITHMS.get(algorithm)
    if checker is None:
        return False
    try:
        return checker(bytes.fromhex(public_hex), data, bytes.fromhex(signature_hex))
    except (ValueError, TypeError):
        return False


def signed_file(key: str, document: bytes, signature: str) -> bytes:
    """A signed file as the county hands it over: ``{key: {...}, "signature": hex}``, where the
    signature is over ``document``, the canonical JSON (``ledger.canonical.dumps``) of ``{...}``."""
    return json.dumps({key: json.loads(document), "signature": signature},
                      ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def read_signed(data: bytes, key: str, format_: str, version: int | tuple[int, ...], *, unreadable: str,
                forged: str) -> tuple[dict, bytes]:
    """The document of a ``signed_file`` and its canonical bytes, once it is of ``format_`` and
    ``version`` (one, or the versions still read) and the key it names (``algorithm``,
    ``public_key``) signed it. Refuses anything else: ``ShopError(unreadable)``, or ``ShopError(forged)`` for a signature that does not check."""
    try:
        outer = json.loads(data)
        document, signature = outer[key], outer["signature"]
        if document["format"] != format_ or document["version"] not in (
                version if isinstance(version, tuple) else (version,)):
            raise ValueError("format")
        signed = canonical.dumps(document)
        algorithm, public = document["algorithm"], document["public_key"]
    except (ValueError, KeyError, TypeError, canonical.NotCanonical):
        raise ShopError(unreadable) from None
    if not check(algorithm, public, signed, str(signature)):
        raise ShopError(forged)
    return document, signed


@dataclass(frozen=True)
class Signer:
    """A private key loaded from its file."""

    algorithm: str
    path: Path
    _key: Ed25519PrivateKey

    @property
    def public_key(self) -> bytes:
        return self._key.public_key().public_bytes(serialization.Encoding.Raw,
                                                   serialization.PublicFormat.Raw)

    @property
    def public_hex(self) -> str:
        return self.public_key.hex()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, data: bytes) -> str:
        return self._key.sign(data).hex()


def keys_dir() -> Path:
    return private_folder(paths.data_dir() / "keys")


def _load(path: Path) -> Signer:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError) as error:
        raise UnreadableKey(f"{path}: {error}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise UnreadableKey(f"{path}: not an {ED25519} key")
    return Signer(ED25519, path, key)


def _create(path: Path) -> Signer:
    """A new key written to ``path`` (owner-only) and read back; an existing file is kept."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    private_folder(path.parent)
    temporary = path.with_name(path.name + ".new")
    with open(temporary, "wb", opener=lambda p, f: os.open(p, f | os.O_EXCL, PRIVATE_FILE)) as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(temporary, path)  # never replaces a key another process wrote meanwhile
    except FileExistsError:
        pass
    finally:
        temporary.unlink(missing_ok=True)
    return _load(path)


def village_key_path(village_id: str) -> Path:
    return keys_dir() / f"village-{village_id}.key"


def village_key(village_id: str, *, create: bool = True) -> Signer | None:
    """The village's signing key, made on first need; None if there is none and
    ``create`` is false."""
    path = village_key_path(village_id)
    if path.is_file():
        return _load(path)
    return _create(path) if create else None


def retire_village_key(village_id: str) -> Path | None:
    """Put the village's key aside (the county retired it); the next need makes a new one.
    Returns where the old key was kept, or None if there was none."""
    path = village_key_path(village_id)
    if not path.is_file():
        return None
    kept = path.with_name(f"{path.stem}-retired-{os.urandom(4).hex()}.key")
    path.rename(kept)
    return kept


def county_key_path(county_id: str) -> Path:
    override = os.environ.get(COUNTY_KEY_ENV)
    return Path(override) if override else keys_dir() / f"county-{county_id}.key"


def county_key(county_id: str, *, create: bool = False) -> Signer | None:
    path = county_key_path(county_id)
    if path.is_file():
        return _load(path)
    return _create(path) if create else None
