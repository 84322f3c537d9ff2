# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools import SQL


def post_init_hook(env):
    """Take over the make-up working days that ``cs_complaint`` kept before
    this module existed (model ``cs.calendar.makeup.day``), before that
    module's update drops their table."""
    cr = env.cr
    cr.execute("SELECT to_regclass('cs_calendar_makeup_day') IS NOT NULL")
    if not cr.fetchone()[0]:
        return
    cr.execute(
        SQL(
            """
            INSERT INTO cs_resource_makeup_day
                   (calendar_id, date, name, worked_as,
                    create_uid, create_date, write_uid, write_date)
            SELECT calendar_id, date, name, worked_as,
                   create_uid, create_date, write_uid, write_date
              FROM cs_calendar_makeup_day
            ON CONFLICT (calendar_id, date) DO NOTHING
            """
        )
    )
