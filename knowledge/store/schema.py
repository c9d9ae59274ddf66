"""The SQLite schema as an ordered list of migrations, applied by `PRAGMA user_version`."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: statements, their full-text index, rules, entities, audit log, page cache
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta (key, value) VALUES ('kb_version', '0');

    CREATE TABLE statements (
        id INTEGER PRIMARY KEY,
        key TEXT UNIQUE,
        external_id TEXT UNIQUE,
        text TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'fact')),
        event_date TEXT,
        valid_from TEXT,
        valid_until TEXT,
        entities TEXT NOT NULL DEFAULT '[]',
        speaker TEXT,
        quote TEXT,
        source_title TEXT,
        source_url TEXT,
        source_published TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
        added_by TEXT,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        terms TEXT NOT NULL DEFAULT '',
        title_terms TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX statements_text ON statements (text);

    CREATE VIRTUAL TABLE statements_fts USING fts5 (
        terms, title_terms, content = 'statements', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE statements_vocab USING fts5vocab (statements_fts, 'row');

    CREATE TRIGGER statements_ai AFTER INSERT ON statements WHEN new.status = 'active' BEGIN
        INSERT INTO statements_fts (rowid, terms, title_terms)
        VALUES (new.id, new.terms, new.title_terms);
    END;
    CREATE TRIGGER statements_ad AFTER DELETE ON statements WHEN old.status = 'active' BEGIN
        INSERT INTO statements_fts (statements_fts, rowid, terms, title_terms)
        VALUES ('delete', old.id, old.terms, old.title_terms);
    END;
    CREATE TRIGGER statements_au_old AFTER UPDATE ON statements WHEN old.status = 'active' BEGIN
        INSERT INTO statements_fts (statements_fts, rowid, terms, title_terms)
        VALUES ('delete', old.id, old.terms, old.title_terms);
    END;
    CREATE TRIGGER statements_au_new AFTER UPDATE ON statements WHEN new.status = 'active' BEGIN
        INSERT INTO statements_fts (rowid, terms, title_terms)
        VALUES (new.id, new.terms, new.title_terms);
    END;

    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]'
    );

    CREATE TABLE rules (
        id INTEGER PRIMARY KEY,
        key TEXT UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('outdated', 'contradiction')),
        pattern TEXT NOT NULL,
        explanation TEXT NOT NULL,
        applies_from TEXT,
        applies_until TEXT,
        context TEXT NOT NULL DEFAULT '[]',
        evidence_id INTEGER REFERENCES statements (id),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
        added_by TEXT,
        added_at TEXT NOT NULL
    );

    CREATE TABLE changes (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        target_id INTEGER,
        before TEXT,
        after TEXT,
        undone_by INTEGER REFERENCES changes (id)
    );
    CREATE INDEX changes_target ON changes (target, target_id);

    CREATE TABLE page_cache (
        url TEXT PRIMARY KEY,
        fetched_at TEXT NOT NULL,
        ok INTEGER NOT NULL,
        title TEXT,
        site TEXT,
        published TEXT,
        text TEXT,
        error TEXT
    );
    """,
    # 2: finding a learned article's statements by their source without a table scan
    """
    CREATE INDEX statements_source
        ON statements (source_title, source_url, source_published);
    """,
    # 3: one update trigger that removes the old index entry before adding the new one. The
    # two triggers it replaces fired newest first, so the removal also took out the words the
    # old and new text share: an edited statement could no longer be found by them. The index
    # is then rebuilt from the active statements, repairing what earlier edits damaged
    """
    DROP TRIGGER statements_au_old;
    DROP TRIGGER statements_au_new;
    CREATE TRIGGER statements_au AFTER UPDATE OF terms, title_terms, status ON statements BEGIN
        INSERT INTO statements_fts (statements_fts, rowid, terms, title_terms)
        SELECT 'delete', old.id, old.terms, old.title_terms WHERE old.status = 'active';
        INSERT INTO statements_fts (rowid, terms, title_terms)
        SELECT new.id, new.terms, new.title_terms WHERE new.status = 'active';
    END;
    INSERT INTO statements_fts (statements_fts) VALUES ('delete-all');
    INSERT INTO statements_fts (rowid, terms, title_terms)
    SELECT id, terms, title_terms FROM statements WHERE status = 'active';
    """,
    # 4: re-index statement texts with their aliases (acronyms of names, "sotu" for "State of
    # the Union"; compounds written open, "website" for "web site") and British spellings made
    # American; index_terms() is the Python function the store registers before migrating
    """
    UPDATE statements SET terms = index_terms(text) WHERE terms <> index_terms(text);
    """,
    # 5: duplicates are found by the head of their text (TEXT_KEY_CHARS characters), then
    # compared whole: an index of whole texts was as big as the texts and made imports into a
    # large file slow
    """
    DROP INDEX statements_text;
    CREATE INDEX statements_text_head ON statements (substr(text, 1, 40));
    """,
    # 6: nothing since the bot owns its tables (bot/chats.py; this step changed one of them)
    "",
    # 7: the loop back to the curators: readers' requests to check a claim (asks) or to look
    # again at a verdict (disputes), one row per claim, with who to notify and when they asked;
    # an index of each request's claim terms finds the open request a new ask belongs to
    """
    CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('ask', 'dispute')),
        claim TEXT NOT NULL,
        terms TEXT NOT NULL,
        verdict TEXT NOT NULL,
        reference_date TEXT,
        status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'answered', 'dismissed')),
        opened_at TEXT NOT NULL,
        closed_at TEXT,
        closed_by TEXT,
        outcome TEXT,
        checked_version INTEGER NOT NULL DEFAULT -1
    );
    CREATE INDEX requests_open ON requests (status, kind);

    CREATE TABLE request_askers (
        request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL,
        chat_id INTEGER NOT NULL,
        asked_at TEXT NOT NULL,
        reason TEXT,
        PRIMARY KEY (request_id, user_id)
    );
    CREATE INDEX request_askers_user ON request_askers (user_id);
    CREATE INDEX request_askers_time ON request_askers (asked_at);

    CREATE VIRTUAL TABLE requests_fts USING fts5 (
        terms, content = 'requests', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER requests_ai AFTER INSERT ON requests BEGIN
        INSERT INTO requests_fts (rowid, terms) VALUES (new.id, new.terms);
    END;
    CREATE TRIGGER requests_ad AFTER DELETE ON requests BEGIN
        INSERT INTO requests_fts (requests_fts, rowid, terms) VALUES ('delete', old.id, old.terms);
    END;
    """,
    # 8: rated claims. A statement with a claim_reviews row is a claim a fact-checker rated,
    # worded as the checker worded it, never verified evidence. Statements imported from
    # ClaimReview before ("X rated as “False” the claim that “…”.") become rated claims: their
    # text is the claim, re-indexed; legacy_review() is the Python function that reads the
    # old wording. The key is deferred so an exact undo may delete and re-insert a statement
    """
    CREATE TABLE claim_reviews (
        statement_id INTEGER PRIMARY KEY
            REFERENCES statements (id) DEFERRABLE INITIALLY DEFERRED,
        checker TEXT NOT NULL,
        rating TEXT NOT NULL,
        review_url TEXT,
        review_date TEXT,
        claimant TEXT,
        claim_date TEXT,
        language TEXT
    );
    INSERT INTO claim_reviews (statement_id, checker, rating, review_url, review_date,
                               claimant, claim_date)
    SELECT id, legacy_review(text, 'checker'), legacy_review(text, 'rating'), source_url,
           source_published, legacy_review(text, 'claimant'), legacy_review(text, 'claim_date')
    FROM statements
    WHERE quote IS NOT NULL AND source_title LIKE '% fact check'
      AND legacy_review(text, 'claim') = quote;
    UPDATE statements
    SET text = quote, quote = NULL, terms = index_terms(quote),
        event_date = legacy_review(text, 'claim_date'),
        kind = CASE WHEN legacy_review(text, 'claim_date') IS NULL THEN 'fact' ELSE 'event' END
    WHERE id IN (SELECT statement_id FROM claim_reviews);
    """,
    # 9: the page cache is pruned by age on every write: an index on the fetch time
    """
    CREATE INDEX page_cache_age ON page_cache (fetched_at);
    """,
    # 10: curators' rated answers become rated claims. /kb_answer with a rating stored the
    # sentence "X rated as “False” the claim that “…”." as an ordinary statement (the claim
    # quoted in `quote`, or not), and a check took the claim's own words as verified. Every
    # such statement that is not yet a rated claim gets its review (checker, rating, link, the
    # day it was stored) and the claim as its text, re-indexed
    """
    INSERT INTO claim_reviews (statement_id, checker, rating, review_url, review_date,
                               claimant, claim_date)
    SELECT id, legacy_review(text, 'checker'), legacy_review(text, 'rating'), source_url,
           coalesce(source_published, substr(added_at, 1, 10)),
           legacy_review(text, 'claimant'), legacy_review(text, 'claim_date')
    FROM statements
    WHERE legacy_review(text, 'claim') IS NOT NULL
      AND id NOT IN (SELECT statement_id FROM claim_reviews);
    UPDATE statements
    SET text = CASE WHEN rtrim(quote, '.!?') = legacy_review(text, 'claim') THEN quote
                    ELSE legacy_review(text, 'claim') END,
        quote = CASE WHEN rtrim(quote, '.!?') = legacy_review(text, 'claim') THEN NULL
                     ELSE quote END,
        terms = index_terms(CASE WHEN rtrim(quote, '.!?') = legacy_review(text, 'claim')
                                 THEN quote ELSE legacy_review(text, 'claim') END)
    WHERE id IN (SELECT statement_id FROM claim_reviews)
      AND legacy_review(text, 'claim') IS NOT NULL;
    """,
    # 11: who was told an answer is kept (until the request expires) with the time they were
    # told, so that when the answer is undone or corrected they are told the new verdict
    """
    ALTER TABLE request_askers ADD COLUMN told_at TEXT;
    """,
    # 12: ids are never reused (AUTOINCREMENT): an undo found by id must never hit a row
    # that came later. The three tables are rebuilt with their rows, indexes and triggers
    # (the full-text index keeps pointing at the same ids); foreign keys are off meanwhile and
    # checked before it commits. Each table's sequence starts past every id it ever gave,
    # those of deleted rows too, as far as the audit log remembers them
    """
    CREATE TABLE statements_v12 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT UNIQUE,
        external_id TEXT UNIQUE,
        text TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'fact')),
        event_date TEXT,
        valid_from TEXT,
        valid_until TEXT,
        entities TEXT NOT NULL DEFAULT '[]',
        speaker TEXT,
        quote TEXT,
        source_title TEXT,
        source_url TEXT,
        source_published TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
        added_by TEXT,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        terms TEXT NOT NULL DEFAULT '',
        title_terms TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO statements_v12 (id, key, external_id, text, kind, event_date, valid_from,
        valid_until, entities, speaker, quote, source_title, source_url, source_published,
        status, added_by, added_at, updated_at, terms, title_terms)
    SELECT id, key, external_id, text, kind, event_date, valid_from, valid_until, entities,
        speaker, quote, source_title, source_url, source_published, status, added_by,
        added_at, updated_at, terms, title_terms
    FROM statements;
    DROP TABLE statements;
    ALTER TABLE statements_v12 RENAME TO statements;
    CREATE INDEX statements_source
        ON statements (source_title, source_url, source_published);
    CREATE INDEX statements_text_head ON statements (substr(text, 1, 40));
    CREATE TRIGGER statements_ai AFTER INSERT ON statements WHEN new.status = 'active' BEGIN
        INSERT INTO statements_fts (rowid, terms, title_terms)
        VALUES (new.id, new.terms, new.title_terms);
    END;
    CREATE TRIGGER statements_ad AFTER DELETE ON statements WHEN old.status = 'active' BEGIN
        INSERT INTO statements_fts (statements_fts, rowid, terms, title_terms)
        VALUES ('delete', old.id, old.terms, old.title_terms);
    END;
    CREATE TRIGGER statements_au AFTER UPDATE OF terms, title_terms, status ON statements BEGIN
        INSERT INTO statements_fts (statements_fts, rowid, terms, title_terms)
        SELECT 'delete', old.id, old.terms, old.title_terms WHERE old.status = 'active';
        INSERT INTO statements_fts (rowid, terms, title_terms)
        SELECT new.id, new.terms, new.title_terms WHERE new.status = 'active';
    END;

    CREATE TABLE rules_v12 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('outdated', 'contradiction')),
        pattern TEXT NOT NULL,
        explanation TEXT NOT NULL,
        applies_from TEXT,
        applies_until TEXT,
        context TEXT NOT NULL DEFAULT '[]',
        evidence_id INTEGER REFERENCES statements (id),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
        added_by TEXT,
        added_at TEXT NOT NULL
    );
    INSERT INTO rules_v12 (id, key, kind, pattern, explanation, applies_from, applies_until,
        context, evidence_id, status, added_by, added_at)
    SELECT id, key, kind, pattern, explanation, applies_from, applies_until, context,
        evidence_id, status, added_by, added_at
    FROM rules;
    DROP TABLE rules;
    ALTER TABLE rules_v12 RENAME TO rules;

    CREATE TABLE changes_v12 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        target_id INTEGER,
        before TEXT,
        after TEXT,
        undone_by INTEGER REFERENCES changes (id)
    );
    INSERT INTO changes_v12 (id, at, actor_id, actor_name, action, target, target_id, before,
        after, undone_by)
    SELECT id, at, actor_id, actor_name, action, target, target_id, before, after, undone_by
    FROM changes;
    DROP TABLE changes;
    ALTER TABLE changes_v12 RENAME TO changes;
    CREATE INDEX changes_target ON changes (target, target_id);

    DELETE FROM sqlite_sequence WHERE name IN ('statements', 'rules', 'changes');
    INSERT INTO sqlite_sequence (name, seq)
    SELECT 'statements', coalesce(max(used), 0) FROM (
        SELECT max(id) AS used FROM statements
        UNION ALL SELECT max(target_id) FROM changes WHERE target = 'statement'
        UNION ALL SELECT max(j.value) FROM changes c,
            json_each(coalesce(c.after, c.before), '$.ids') j
        WHERE c.target = 'statements' AND json_valid(coalesce(c.after, c.before))
    );
    INSERT INTO sqlite_sequence (name, seq)
    SELECT 'rules', coalesce(max(used), 0) FROM (
        SELECT max(id) AS used FROM rules
        UNION ALL SELECT max(target_id) FROM changes WHERE target = 'rule'
    );
    INSERT INTO sqlite_sequence (name, seq)
    SELECT 'changes', coalesce(max(used), 0) FROM (
        SELECT max(id) AS used FROM changes UNION ALL SELECT max(undone_by) FROM changes
    );
    """,
    # 13: each front-door chat's switches, kept until now by the bot on a connection of its
    # own (bot/chats.py): the same table and rows, so a file made by any earlier version keeps
    # every chat's choice (rows always get both values: older column defaults never apply)
    """
    CREATE TABLE IF NOT EXISTS chat_settings (
        chat_id INTEGER PRIMARY KEY,
        autocheck INTEGER NOT NULL DEFAULT 0,
        quiet INTEGER NOT NULL DEFAULT 1,
        updated_by TEXT,
        updated_at TEXT
    );
    """,
    # 14: the interface language each asker was answered in, so that the notice, correction or
    # dismissal that reaches them later is in that language too (NULL: the source, English)
    """
    ALTER TABLE request_askers ADD COLUMN language TEXT;
    """,
)

TEXT_KEY_CHARS = 40  # the length of the text head that migration 5 indexes
