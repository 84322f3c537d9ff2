# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

WEEKDAY_SELECTION = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class CsResourceMakeupDay(models.Model):
    """A make-up working day (调休上班): a weekend day that becomes a working
    day, as China's holiday schedule moves them every year. Odoo's working
    calendars only know weekly hours and days off; these add working days."""

    _name = "cs.resource.makeup.day"
    _description = "Make-up Working Day"
    _order = "date"

    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Schedule",
        required=True,
        ondelete="cascade",
        index=True,
    )
    date = fields.Date(required=True)
    name = fields.Char(string="Reason", help="E.g. make-up day for National Day.")
    worked_as = fields.Selection(
        WEEKDAY_SELECTION,
        string="Hours of",
        required=True,
        default="0",
        help="The day is worked with the hours this weekday has in the schedule.",
    )

    _sql_constraints = [
        (
            "calendar_date_unique",
            "UNIQUE(calendar_id, date)",
            "This date is already a make-up working day of the schedule.",
        ),
    ]
