/// One schema change. Migrations are append-only: a shipped migration is never edited (a test pins the
/// hash of each one); changes go into a new migration at the end of the list.
public struct Migration: Sendable {
    public let version: Int
    public let summary: String
    public let sql: String
    /// Work SQL cannot do (hashing), run after `sql` in the same transaction.
    let finish: (@Sendable (Database) throws -> Void)?

    init(version: Int, summary: String, sql: String, finish: (@Sendable (Database) throws -> Void)? = nil) {
        self.version = version
        self.summary = summary
        self.sql = sql
        self.finish = finish
    }
}

public enum Schema {
    /// Identifies motcua files (`PRAGMA application_id`): "MCUA".
    public static let applicationID: Int32 = 0x4D43_5541

    /// Every migration, in order. Append only.
    public static let migrations: [Migration] = [
        migration1, migration2, migration3, migration4, migration5, migration6, migration7, migration8
    ]

    public static var currentVersion: Int { migrations.last!.version }

    static let statusValues =
        "'received','in_progress','waiting_supplement','result_ready','returned','withdrawn','stopped','cancelled'"
    static let eventKinds =
        "'received','supplement_requested','supplement_received','refused','handed_over','acknowledged','step_done','result_received','rescheduled','returned','evaluated','withdrawn','stopped','cancelled','corrected','printed'"
    static let documentForms = "'original','copy','certified_copy','present_original','original_or_copy'"

    static let migration1 = Migration(
        version: 1, summary: "Catalogue, bodies, officers, calendar, cases, events, counters, search",
        sql: """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) STRICT;

            CREATE TABLE unit_profile (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                name TEXT NOT NULL CHECK (name <> ''),
                governing_body TEXT NOT NULL CHECK (governing_body <> ''),
                counter_name TEXT NOT NULL CHECK (counter_name <> ''),
                unit_code TEXT NOT NULL CHECK (unit_code <> ''),
                province TEXT NOT NULL,
                address TEXT NOT NULL DEFAULT '',
                phone TEXT NOT NULL DEFAULT '',
                place_name TEXT NOT NULL CHECK (place_name <> ''),
                is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),
                case_code_pattern TEXT NOT NULL DEFAULT '{unit}-{yymmdd}-{seq4}'
            ) STRICT;

            CREATE TABLE bodies (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE CHECK (code <> ''),
                name TEXT NOT NULL CHECK (name <> ''),
                kind TEXT NOT NULL CHECK (kind IN ('counter','commune_office','leadership','police','social_insurance',
                                                   'land_registration','provincial_department','other')),
                is_internal INTEGER NOT NULL CHECK (is_internal IN (0, 1)),
                is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
            ) STRICT;

            CREATE TABLE officers (
                id INTEGER PRIMARY KEY,
                username TEXT NOT NULL UNIQUE CHECK (username <> ''),
                full_name TEXT NOT NULL CHECK (full_name <> ''),
                role TEXT NOT NULL CHECK (role IN ('desk','department','leader','admin')),
                body_id INTEGER REFERENCES bodies(id),
                password_hash TEXT,
                is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
                created_at INTEGER NOT NULL
            ) STRICT;
            -- The account of the command line (bulk entry, scripts): cannot log in.
            INSERT INTO officers (id, username, full_name, role, password_hash, is_active, created_at)
                VALUES (1, 'he-thong', 'Hệ thống (dòng lệnh)', 'admin', NULL, 1, unixepoch());

            CREATE TABLE procedures (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE CHECK (code <> ''),
                is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
            ) STRICT;

            CREATE TABLE procedure_versions (
                id INTEGER PRIMARY KEY,
                procedure_id INTEGER NOT NULL REFERENCES procedures(id),
                effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
                name TEXT NOT NULL CHECK (name <> ''),
                name_folded TEXT NOT NULL,
                field TEXT NOT NULL CHECK (field <> ''),
                limit_unit TEXT NOT NULL CHECK (limit_unit IN ('same_day','working_days','working_hours','calendar_days')),
                limit_value INTEGER NOT NULL,
                cutoff TEXT CHECK (cutoff IS NULL OR cutoff GLOB '[0-2][0-9]:[0-5][0-9]'),
                extra_verification_days INTEGER NOT NULL DEFAULT 0 CHECK (extra_verification_days >= 0),
                fee_kind TEXT NOT NULL CHECK (fee_kind IN ('free','fixed','per_copy','per_page','province')),
                fee_amount INTEGER NOT NULL DEFAULT 0 CHECK (fee_amount >= 0),
                fee_online_amount INTEGER CHECK (fee_online_amount >= 0),
                fee_reduced_from_page INTEGER CHECK (fee_reduced_from_page >= 2),
                fee_reduced_amount INTEGER CHECK (fee_reduced_amount >= 0),
                fee_cap INTEGER CHECK (fee_cap >= 0),
                result_on_the_spot INTEGER NOT NULL DEFAULT 0 CHECK (result_on_the_spot IN (0, 1)),
                certainty TEXT NOT NULL CHECK (certainty IN ('law','press','unverified')),
                note TEXT NOT NULL DEFAULT '',
                UNIQUE (procedure_id, effective_from),
                CHECK ((limit_unit = 'same_day' AND limit_value = 0) OR (limit_unit <> 'same_day' AND limit_value >= 1)),
                CHECK (fee_kind <> 'per_page' OR (fee_reduced_from_page IS NOT NULL AND fee_reduced_amount IS NOT NULL
                                                  AND fee_cap IS NOT NULL))
            ) STRICT;

            CREATE TABLE procedure_fee_exemptions (
                version_id INTEGER NOT NULL REFERENCES procedure_versions(id),
                position INTEGER NOT NULL,
                reason TEXT NOT NULL CHECK (reason <> ''),
                PRIMARY KEY (version_id, position)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE procedure_documents (
                version_id INTEGER NOT NULL REFERENCES procedure_versions(id),
                position INTEGER NOT NULL,
                name TEXT NOT NULL CHECK (name <> ''),
                form TEXT NOT NULL CHECK (form IN (\(documentForms))),
                quantity INTEGER NOT NULL CHECK (quantity >= 1),
                is_mandatory INTEGER NOT NULL CHECK (is_mandatory IN (0, 1)),
                PRIMARY KEY (version_id, position)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE procedure_results (
                version_id INTEGER NOT NULL REFERENCES procedure_versions(id),
                position INTEGER NOT NULL,
                name TEXT NOT NULL CHECK (name <> ''),
                body_id INTEGER NOT NULL REFERENCES bodies(id),
                PRIMARY KEY (version_id, position)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE route_steps (
                version_id INTEGER NOT NULL REFERENCES procedure_versions(id),
                position INTEGER NOT NULL,
                body_id INTEGER NOT NULL REFERENCES bodies(id),
                task TEXT NOT NULL CHECK (task <> ''),
                budget_unit TEXT NOT NULL CHECK (budget_unit IN ('same_day','working_days','working_hours','calendar_days')),
                budget_value INTEGER NOT NULL,
                is_lead INTEGER NOT NULL CHECK (is_lead IN (0, 1)),
                produces_results TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (version_id, position)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE holiday_years (
                year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2199),
                status TEXT NOT NULL CHECK (status = 'official'),
                source TEXT NOT NULL
            ) STRICT;

            CREATE TABLE holiday_days (
                date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
                year INTEGER NOT NULL REFERENCES holiday_years(year) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('holiday','compensatory','swap','other','make_up')),
                name TEXT NOT NULL CHECK (name <> ''),
                provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
                CHECK (substr(date, 1, 4) = CAST(year AS TEXT))
            ) STRICT;

            CREATE TABLE additional_holidays (
                id INTEGER PRIMARY KEY,
                month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
                day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
                name TEXT NOT NULL CHECK (name <> ''),
                from_year INTEGER NOT NULL,
                to_year INTEGER
            ) STRICT;

            CREATE TABLE case_code_counters (
                unit_code TEXT NOT NULL,
                day TEXT NOT NULL,
                last_sequence INTEGER NOT NULL CHECK (last_sequence >= 1),
                PRIMARY KEY (unit_code, day)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE ledger_counters (
                year INTEGER PRIMARY KEY,
                last_number INTEGER NOT NULL CHECK (last_number >= 1)
            ) STRICT;

            CREATE TABLE cases (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE CHECK (code <> ''),
                ledger_year INTEGER NOT NULL,
                ledger_number INTEGER NOT NULL CHECK (ledger_number >= 1),
                procedure_version_id INTEGER NOT NULL REFERENCES procedure_versions(id),
                applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('person','organisation')),
                applicant_name TEXT NOT NULL CHECK (applicant_name <> ''),
                applicant_id_kind TEXT CHECK (applicant_id_kind IN ('cccd','cmnd','passport','tax_code','other')),
                applicant_id_number TEXT,
                applicant_birth_date TEXT,
                applicant_phone TEXT,
                applicant_email TEXT,
                applicant_address TEXT,
                representative_name TEXT,
                representative_id_number TEXT,
                channel TEXT NOT NULL CHECK (channel IN ('in_person','post','online')),
                collect_method TEXT NOT NULL CHECK (collect_method IN ('counter','post')),
                collect_address TEXT,
                sets INTEGER NOT NULL DEFAULT 1 CHECK (sets >= 1),
                verification_needed INTEGER NOT NULL DEFAULT 0 CHECK (verification_needed IN (0, 1)),
                chosen_results TEXT,
                fee_amount INTEGER NOT NULL DEFAULT 0 CHECK (fee_amount >= 0),
                fee_exemption TEXT,
                fee_receipt_number TEXT,
                received_at INTEGER NOT NULL,
                received_by INTEGER NOT NULL REFERENCES officers(id),
                received_at_reason TEXT,
                recorded_at INTEGER NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL CHECK (status IN (\(statusValues))),
                legal_due_at INTEGER NOT NULL,
                appointment_at INTEGER NOT NULL,
                paused_at INTEGER,
                supplement_rounds INTEGER NOT NULL DEFAULT 0 CHECK (supplement_rounds >= 0),
                reschedule_count INTEGER NOT NULL DEFAULT 0 CHECK (reschedule_count IN (0, 1)),
                result_at INTEGER,
                result_is_refusal INTEGER NOT NULL DEFAULT 0 CHECK (result_is_refusal IN (0, 1)),
                returned_at INTEGER,
                evaluated INTEGER NOT NULL DEFAULT 0 CHECK (evaluated IN (0, 1)),
                closed_at INTEGER,
                search_text TEXT NOT NULL,
                UNIQUE (ledger_year, ledger_number)
            ) STRICT;
            CREATE INDEX cases_status_appointment ON cases (status, appointment_at);
            CREATE INDEX cases_received_at ON cases (received_at);
            CREATE INDEX cases_id_number ON cases (applicant_id_number) WHERE applicant_id_number IS NOT NULL;
            CREATE INDEX cases_phone ON cases (applicant_phone) WHERE applicant_phone IS NOT NULL;
            CREATE TRIGGER cases_never_deleted BEFORE DELETE ON cases
                BEGIN SELECT RAISE(ABORT, 'cases are never deleted: cancel them'); END;

            -- Documents received. A document from the procedure's checklist keeps only its index there (the
            -- version a case uses never changes); one added by hand has its own name.
            CREATE TABLE case_documents (
                case_id INTEGER NOT NULL REFERENCES cases(id),
                position INTEGER NOT NULL,
                checklist_index INTEGER,
                name TEXT CHECK (name <> ''),
                form TEXT NOT NULL CHECK (form IN (\(documentForms))),
                quantity INTEGER NOT NULL CHECK (quantity >= 1),
                PRIMARY KEY (case_id, position),
                CHECK (name IS NOT NULL OR checklist_index IS NOT NULL)
            ) STRICT, WITHOUT ROWID;

            -- The case's route: the steps of its procedure version's route (a subset for a group procedure), with
            -- their progress. Body, task and budget are read from route_steps.
            CREATE TABLE case_steps (
                case_id INTEGER NOT NULL REFERENCES cases(id),
                position INTEGER NOT NULL,
                route_position INTEGER NOT NULL,
                body_id INTEGER NOT NULL REFERENCES bodies(id),
                handed_over_at INTEGER,
                step_due_at INTEGER,
                acknowledged_at INTEGER,
                done_at INTEGER,
                PRIMARY KEY (case_id, position)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX case_steps_body ON case_steps (body_id, done_at);

            CREATE TABLE events (
                case_id INTEGER NOT NULL REFERENCES cases(id),
                seq INTEGER NOT NULL CHECK (seq >= 1),
                kind TEXT NOT NULL CHECK (kind IN (\(eventKinds))),
                at INTEGER NOT NULL,
                recorded_at INTEGER NOT NULL,
                officer_id INTEGER NOT NULL REFERENCES officers(id),
                body_id INTEGER REFERENCES bodies(id),
                data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
                PRIMARY KEY (case_id, seq)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX events_at ON events (at);
            CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
            CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

            -- Search: folded text (no diacritics, đ → d, lower case) of code, name, ID and phone, in an FTS5
            -- index over cases.search_text. Prefix indexes up to 6 letters (Vietnamese syllables have at most 7)
            -- make every keystroke of a name an index lookup.
            CREATE VIRTUAL TABLE case_search USING fts5(
                search_text, content = 'cases', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4 5 6'
            );
            CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
                INSERT INTO case_search (rowid, search_text) VALUES (new.id, new.search_text);
            END;
            CREATE TRIGGER cases_search_update AFTER UPDATE OF search_text ON cases BEGIN
                INSERT INTO case_search (case_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
                INSERT INTO case_search (rowid, search_text) VALUES (new.id, new.search_text);
            END;
            """)

    static let migration2 = Migration(
        version: 2, summary: "Reception contacts: requests to supplement and refusals at the counter",
        sql: """
            -- A request to supplement (Mẫu 02) or a refusal (Mẫu 03) given at the counter without opening a case. Kept
            -- against the applicant and the procedure so that a second visit for the same matter is visible.
            CREATE TABLE reception_contacts (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE CHECK (number <> ''),
                kind TEXT NOT NULL CHECK (kind IN ('supplement','refusal')),
                at INTEGER NOT NULL,
                recorded_at INTEGER NOT NULL,
                officer_id INTEGER NOT NULL REFERENCES officers(id),
                procedure_version_id INTEGER NOT NULL REFERENCES procedure_versions(id),
                applicant_name TEXT NOT NULL CHECK (applicant_name <> ''),
                applicant_id_number TEXT,
                applicant_phone TEXT,
                applicant_address TEXT,
                items TEXT NOT NULL CHECK (json_valid(items) AND json_type(items) = 'array'),
                reason TEXT NOT NULL DEFAULT '',
                print_count INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0)
            ) STRICT;
            CREATE INDEX reception_contacts_id_number ON reception_contacts (applicant_id_number) WHERE applicant_id_number IS NOT NULL;
            CREATE INDEX reception_contacts_phone ON reception_contacts (applicant_phone) WHERE applicant_phone IS NOT NULL;
            CREATE TRIGGER reception_contacts_never_deleted BEFORE DELETE ON reception_contacts
                BEGIN SELECT RAISE(ABORT, 'contacts are never deleted'); END;

            CREATE TABLE contact_counters (
                prefix TEXT NOT NULL,
                day TEXT NOT NULL,
                last_sequence INTEGER NOT NULL CHECK (last_sequence >= 1),
                PRIMARY KEY (prefix, day)
            ) STRICT, WITHOUT ROWID;
            """)

    static let migration3 = Migration(
        version: 3, summary: "Reports and the home screen's flags: cases by result instant; open cases",
        sql: """
            -- The period statistics read the cases resolved since a period began, and those without a result that
            -- were still open then (closed_at NULL or later), through this index instead of scanning every case.
            CREATE INDEX cases_result_closed ON cases (result_at, closed_at);
            -- The home screen's flags (late hand-overs, apologies due) read every open case every 30 seconds: a small
            -- index holding just the open cases and the columns the flags need answers without touching the table.
            CREATE INDEX cases_open_attention ON cases (status, appointment_at, received_at, reschedule_count, result_at, code)
                WHERE status IN ('received', 'in_progress');
            """)

    static let migration4 = Migration(
        version: 4, summary: "Verified backups: where, when, size, cases, verdict",
        sql: """
            -- Every backup, with the verdict of the full integrity check run on the copy before it got its name.
            CREATE TABLE backups (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                path TEXT NOT NULL,
                bytes INTEGER NOT NULL CHECK (bytes >= 0),
                cases INTEGER NOT NULL CHECK (cases >= 0),
                verdict TEXT NOT NULL,
                chain_hash TEXT
            ) STRICT;
            """)

    static let migration5 = Migration(
        version: 5,
        summary: "Who did it and when: channel, system user and late reason of events; login throttling; import keys",
        sql: """
            -- Every event says how it was recorded (screen, command line, import), by which operating-system user,
            -- and, when typed after the fact, why ("nhập sau"). Older events read as 'unknown'.
            ALTER TABLE events ADD COLUMN channel TEXT NOT NULL DEFAULT 'unknown'
                CHECK (channel IN ('screen', 'command_line', 'import', 'unknown'));
            ALTER TABLE events ADD COLUMN os_user TEXT NOT NULL DEFAULT '';
            ALTER TABLE events ADD COLUMN late_reason TEXT;
            CREATE INDEX events_recorded_at ON events (recorded_at);

            -- Wrong passwords: after 3 the next try waits (doubling), after 10 the account is locked.
            ALTER TABLE officers ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0);
            ALTER TABLE officers ADD COLUMN login_not_before INTEGER;
            ALTER TABLE officers ADD COLUMN locked_reason TEXT;

            -- Changes to accounts and settings: who (officer, channel, operating-system user), when, what.
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                recorded_at INTEGER NOT NULL,
                officer_id INTEGER NOT NULL REFERENCES officers(id),
                channel TEXT NOT NULL,
                os_user TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT ''
            ) STRICT;
            CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

            -- A bulk import is idempotent: each row's source key is kept with the case it created.
            CREATE TABLE import_keys (
                source_key TEXT PRIMARY KEY CHECK (source_key <> ''),
                case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id)
            ) STRICT, WITHOUT ROWID;
            """)

    static let migration6 = Migration(
        version: 6,
        summary:
            "A tamper-evident history: every event chained to the previous one by SHA-256, with the case row it left",
        sql: """
            -- The order of the chain (1, 2, 3… over the whole file), the case row as the event left it (digest),
            -- and the link: SHA-256 of the event, its row digest and the previous link. Events written before
            -- this version are chained by the migration in their insertion order (as far as it can be known:
            -- by case, then sequence), with the current row digest on each case's last event.
            ALTER TABLE events ADD COLUMN chain_no INTEGER;
            ALTER TABLE events ADD COLUMN row_digest TEXT;
            ALTER TABLE events ADD COLUMN chain_hash TEXT;
            CREATE UNIQUE INDEX events_chain ON events (chain_no);
            -- Each backup records the link it ended at (column chain_hash, migration 4) and the link's number.
            ALTER TABLE backups ADD COLUMN chain_no INTEGER;
            """,
        finish: { db in try HistoryChain.chainExistingEvents(db) })

    /// The trigger that keeps the search index current when a case's search columns change (migration 7);
    /// migration 7's `finish` drops it while it fills the new column, then creates it again from this text.
    static let searchUpdateTrigger = """
        CREATE TRIGGER cases_search_update AFTER UPDATE OF search_text, search_digits ON cases BEGIN
            INSERT INTO case_search (case_search, rowid, search_text, search_digits)
                VALUES ('delete', old.id, old.search_text, old.search_digits);
            INSERT INTO case_search (rowid, search_text, search_digits) VALUES (new.id, new.search_text, new.search_digits);
        END;
        """

    static let migration7 = Migration(
        version: 7, summary: "Finding a case by the last digits of its code, ID number or phone",
        sql: """
            -- The case's numbers written backwards (digits of the code, ID numbers, phone; see Store.searchDigits):
            -- trailing digits typed ("5678") become a prefix of one of them ("8765…"), which the search index
            -- answers like any prefix. A column of the index of its own, so that typed words never match them.
            ALTER TABLE cases ADD COLUMN search_digits TEXT NOT NULL DEFAULT '';
            DROP TRIGGER cases_search_insert;
            DROP TRIGGER cases_search_update;
            DROP TABLE case_search;
            CREATE VIRTUAL TABLE case_search USING fts5(
                search_text, search_digits, content = 'cases', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4 5 6'
            );
            CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
                INSERT INTO case_search (rowid, search_text, search_digits) VALUES (new.id, new.search_text, new.search_digits);
            END;
            \(searchUpdateTrigger)
            """,
        finish: { db in try Store.fillSearchDigits(db) })

    static let migration8 = Migration(
        version: 8, summary: "Statistics of an old period without reading every later result",
        sql: """
            -- The cases received before a period and resolved in or after it (Store.statisticsFacts): those received
            -- shortly before are found by (received_at, result_at); those that took longer than that window are
            -- found by how long they took. Before, an old quarter read every result recorded since it began.
            -- The new index starts with received_at and so also serves what cases_received_at served.
            CREATE INDEX cases_received_result ON cases (received_at, result_at);
            DROP INDEX cases_received_at;
            CREATE INDEX cases_result_span ON cases (result_at - received_at);
            """)
}
