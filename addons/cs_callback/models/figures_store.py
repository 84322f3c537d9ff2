# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The callback figures kept aggregated as the callbacks change, so that a
month of assessment over a million callbacks reads thousands of rows, not
the million (issue 14: the month of 500 employees in under a second).

Two tables, written only by PostgreSQL triggers on ``cs_callback`` (one per
statement, over its transition tables), so that every way of writing a
callback keeps them exact: the ORM, the plans' set-based inserts, an import,
a script in SQL.

- ``cs_callback_day``: per company, company day, agent (0: none) and kind,
  the callbacks completed that day: done, failed, reached, each
  satisfaction, the scored ones and the sum of their scores. The day is
  taken in the company's time zone (as ``res.company._cs_tz``), which the
  row also records (``tz``): when the zone changes, the company's rows are
  built again (:func:`rebuild`), and until then the figures are read from
  the callbacks themselves.
- ``cs_callback_last_done``: per company and customer, the completion date
  of their last done callback, the start of the member coverage.

Nothing else reads or writes them: ``cs.callback.figures`` owns the
figures."""

from odoo.tools import SQL

DAY_TABLE = "cs_callback_day"
LAST_TABLE = "cs_callback_last_done"

# the company's time zone, as res.company._cs_tz: its working schedule's,
# else its address's, else UTC
TZ_FUNCTION = SQL(
    """
    CREATE OR REPLACE FUNCTION cs_callback_company_tz(company integer)
    RETURNS varchar LANGUAGE sql STABLE AS $$
        SELECT COALESCE(NULLIF(cal.tz, ''), NULLIF(p.tz, ''), 'UTC')
          FROM res_company c
     LEFT JOIN resource_calendar cal ON cal.id = c.resource_calendar_id
     LEFT JOIN res_partner p ON p.id = c.partner_id
         WHERE c.id = company
    $$
    """
)

TABLES = SQL(
    """
    CREATE TABLE IF NOT EXISTS cs_callback_day (
        company_id integer NOT NULL,
        day date NOT NULL,
        tz varchar NOT NULL,
        user_id integer NOT NULL,
        kind varchar NOT NULL,
        done integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        reached integer NOT NULL DEFAULT 0,
        satisfied integer NOT NULL DEFAULT 0,
        average integer NOT NULL DEFAULT 0,
        unsatisfied integer NOT NULL DEFAULT 0,
        scored integer NOT NULL DEFAULT 0,
        score_total bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (company_id, day, tz, user_id, kind)
    );
    CREATE TABLE IF NOT EXISTS cs_callback_last_done (
        company_id integer NOT NULL,
        partner_id integer NOT NULL,
        date_done timestamp NOT NULL,
        PRIMARY KEY (company_id, partner_id)
    );
    """
)

# the columns a change of which moves a callback's figures
FIGURE_COLUMNS = (
    "company_id",
    "user_id",
    "kind",
    "state",
    "date_done",
    "outcome",
    "satisfaction",
    "score",
    "partner_id",
)

# the day figures of the rows of ``delta`` (a relation of callback rows with
# a ``sign`` column: +1 added, -1 removed), added to the table
DAY_UPSERT = """
    INSERT INTO cs_callback_day AS d (company_id, day, tz, user_id, kind, done,
           failed, reached, satisfied, average, unsatisfied, scored,
           score_total)
    SELECT r.company_id,
           (r.date_done AT TIME ZONE 'UTC' AT TIME ZONE z.tz)::date,
           z.tz, COALESCE(r.user_id, 0), r.kind,
           COALESCE(sum(r.sign) FILTER (WHERE r.state = 'done'), 0),
           COALESCE(sum(r.sign) FILTER (WHERE r.state = 'failed'), 0),
           COALESCE(sum(r.sign) FILTER (WHERE r.state = 'done'
                                          AND r.outcome = 'reached'), 0),
           COALESCE(sum(r.sign) FILTER (WHERE r.state = 'done'
                                          AND r.satisfaction = 'satisfied'), 0),
           COALESCE(sum(r.sign) FILTER (WHERE r.state = 'done'
                                          AND r.satisfaction = 'average'), 0),
           COALESCE(sum(r.sign) FILTER (WHERE r.state = 'done'
                                          AND r.satisfaction = 'unsatisfied'), 0),
           COALESCE(sum(r.sign) FILTER (WHERE r.state = 'done'
                                          AND r.score BETWEEN 1 AND 5), 0),
           COALESCE(sum(r.sign * r.score) FILTER (WHERE r.state = 'done'
                                          AND r.score BETWEEN 1 AND 5), 0)
      FROM ({delta}) r
      JOIN (SELECT id, cs_callback_company_tz(id) AS tz FROM res_company) z
        ON z.id = r.company_id
     WHERE r.state IN ('done', 'failed') AND r.date_done IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (company_id, day, tz, user_id, kind) DO UPDATE
       SET done = d.done + EXCLUDED.done,
           failed = d.failed + EXCLUDED.failed,
           reached = d.reached + EXCLUDED.reached,
           satisfied = d.satisfied + EXCLUDED.satisfied,
           average = d.average + EXCLUDED.average,
           unsatisfied = d.unsatisfied + EXCLUDED.unsatisfied,
           scored = d.scored + EXCLUDED.scored,
           score_total = d.score_total + EXCLUDED.score_total;
"""

# the last done callback of the customers of new done callbacks: the later
# of the stored one and theirs
LAST_RAISE = """
    INSERT INTO cs_callback_last_done AS l (company_id, partner_id, date_done)
    SELECT company_id, partner_id, max(date_done)
      FROM ({rows}) r
     WHERE state = 'done' AND date_done IS NOT NULL
       AND partner_id IS NOT NULL AND company_id IS NOT NULL
     GROUP BY 1, 2
        ON CONFLICT (company_id, partner_id) DO UPDATE
       SET date_done = GREATEST(l.date_done, EXCLUDED.date_done);
"""

# the last done callback of the customers of done callbacks that changed or
# went, read again from the callbacks (the statement's changes are visible)
LAST_REREAD = """
    WITH affected AS (
        SELECT DISTINCT company_id, partner_id FROM ({rows}) r
         WHERE state = 'done' AND partner_id IS NOT NULL
           AND company_id IS NOT NULL),
         fresh AS (
        SELECT a.company_id, a.partner_id,
               (SELECT max(c.date_done) FROM cs_callback c
                 WHERE c.partner_id = a.partner_id
                   AND c.company_id = a.company_id
                   AND c.state = 'done') AS date_done
          FROM affected a),
         gone AS (
        DELETE FROM cs_callback_last_done l USING fresh f
         WHERE l.company_id = f.company_id AND l.partner_id = f.partner_id
           AND f.date_done IS NULL)
    INSERT INTO cs_callback_last_done AS l (company_id, partner_id, date_done)
    SELECT company_id, partner_id, date_done FROM fresh
     WHERE date_done IS NOT NULL
        ON CONFLICT (company_id, partner_id) DO UPDATE
       SET date_done = EXCLUDED.date_done;
"""


def _changed(side):
    """The rows of the transition table ``side`` (``o``: old, ``n``: new) of
    an UPDATE whose figure columns changed."""
    olds = ", ".join(f"o.{c}" for c in FIGURE_COLUMNS)
    news = ", ".join(f"n.{c}" for c in FIGURE_COLUMNS)
    return (
        f"SELECT {side}.* FROM old_rows o JOIN new_rows n ON n.id = o.id "
        f"WHERE ({olds}) IS DISTINCT FROM ({news})"
    )


def _trigger_function():
    """One statement-level trigger function for the three operations: the
    delta of each (inserted rows added, deleted rows removed, the changed
    rows of an update removed then added again with their new values)."""
    old_changed, new_changed = _changed("o"), _changed("n")
    insert = DAY_UPSERT.format(delta="SELECT n.*, 1 AS sign FROM new_rows n")
    insert += LAST_RAISE.format(rows="SELECT * FROM new_rows")
    delete = DAY_UPSERT.format(delta="SELECT o.*, -1 AS sign FROM old_rows o")
    delete += LAST_REREAD.format(rows="SELECT * FROM old_rows")
    update = DAY_UPSERT.format(
        delta=f"SELECT c.*, -1 AS sign FROM ({old_changed}) c "
        f"UNION ALL SELECT c.*, 1 FROM ({new_changed}) c"
    )
    update += LAST_REREAD.format(rows=old_changed)
    update += LAST_RAISE.format(rows=new_changed)
    return f"""
    CREATE OR REPLACE FUNCTION cs_callback_figures_sync() RETURNS trigger
    LANGUAGE plpgsql AS $body$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            {insert}
        ELSIF TG_OP = 'DELETE' THEN
            {delete}
        ELSE
            {update}
        END IF;
        RETURN NULL;
    END
    $body$
    """


TRIGGERS = """
    DROP TRIGGER IF EXISTS cs_callback_figures_insert ON cs_callback;
    DROP TRIGGER IF EXISTS cs_callback_figures_update ON cs_callback;
    DROP TRIGGER IF EXISTS cs_callback_figures_delete ON cs_callback;
    CREATE TRIGGER cs_callback_figures_insert AFTER INSERT ON cs_callback
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cs_callback_figures_sync();
    CREATE TRIGGER cs_callback_figures_update AFTER UPDATE ON cs_callback
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cs_callback_figures_sync();
    CREATE TRIGGER cs_callback_figures_delete AFTER DELETE ON cs_callback
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION cs_callback_figures_sync();
"""


def install(cr):
    """Create (or replace) the tables, the functions and the triggers, then
    build the figures from the callbacks (module install and update)."""
    cr.execute(TZ_FUNCTION)
    cr.execute(TABLES)
    cr.execute(SQL(_trigger_function()))  # pylint: disable=sql-injection
    cr.execute(SQL(TRIGGERS))
    rebuild(cr)


def rebuild(cr, company_ids=None):
    """Build the figures of ``company_ids`` (all when None) again from the
    callbacks: after a change of a company's time zone, and on install."""
    where = (
        SQL("company_id = ANY(%s)", list(company_ids)) if company_ids else SQL("TRUE")
    )
    cr.execute(SQL("DELETE FROM cs_callback_day WHERE %s", where))
    cr.execute(SQL("DELETE FROM cs_callback_last_done WHERE %s", where))
    cr.execute(
        SQL(
            DAY_UPSERT.format(
                delta="SELECT c.*, 1 AS sign FROM cs_callback c WHERE %s"
            ),
            where,
        )
    )
    cr.execute(
        SQL(
            LAST_RAISE.format(rows="SELECT * FROM cs_callback c WHERE %s"),
            where,
        )
    )


def uninstall(cr):
    """Drop what :func:`install` created (the triggers go with the callbacks'
    table)."""
    cr.execute(
        SQL(
            """
            DROP TABLE IF EXISTS cs_callback_day;
            DROP TABLE IF EXISTS cs_callback_last_done;
            DROP FUNCTION IF EXISTS cs_callback_figures_sync() CASCADE;
            DROP FUNCTION IF EXISTS cs_callback_company_tz(integer);
            """
        )
    )
