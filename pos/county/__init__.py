"""The county: every village's closed months gathered, proven and compared.

A village (offline, SQLite) makes a signed *package* of its chain since the
county last acknowledged it, through its newest closed month
(``pos.county.package``); a township official carries it on a USB stick (or the
village sends it into the county database's inbox). The county (its own
database, PostgreSQL or SQLite, tables prefixed ``county_``) checks everything
before storing anything (``pos.county.intake``): the village's signature, the
manifest, every hash recomputed, continuity with what it already holds, and
each closure recomputed from the postings. It answers with a signed receipt
(``pos.county.receipt``) that the village records in its own chain and prints
on its next notice. From then on the village cannot show the county, or its
villagers, a different history.

The county's copy is also the village's offsite backup (``pos.county.rebuild``);
its reports read monthly aggregates stored at import, never postings
(``pos.county.report``, ``pos.county.spotcheck``); its reference point rules
and the village keys it retired go back on the official's stick
(``pos.county.reference``).

A village is named everywhere by ``pos.village.village_id``: the hash of its
ledger's first entry, which never changes.
"""
