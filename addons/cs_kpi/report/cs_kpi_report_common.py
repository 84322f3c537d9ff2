# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers shared by the assessment reports."""

from odoo.exceptions import AccessError

SUPERVISOR_GROUP = "cs_member.group_cs_supervisor"


def check_report_right(env):
    """The ranking of every department, the period's XLSX and the monthly
    service report are for supervisors and managers; an agent reads only
    their own scorecard."""
    if not env.su and not env.user.has_group(SUPERVISOR_GROUP):
        raise AccessError(
            env._(
                "Only a customer-service supervisor or manager can print the "
                "ranking, the monthly service report or the assessment export."
            )
        )


def format_figure(value, digits=2):
    """A number as the forms show it: at most ``digits`` decimals, without
    trailing zeros (3, 4.5, 66.67); empty for no value."""
    if value is None or value is False:
        return ""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_rate(value):
    """A percentage with one decimal; a dash when there was nothing to
    measure (no rate is not a 0 % rate)."""
    if value is None:
        return "–"
    return f"{value:.1f} %"


def rate(part, whole):
    """Percentage rounded to one decimal; None when there is nothing to
    count."""
    return round(100.0 * part / whole, 1) if whole else None


def record_name(record):
    """The name of a many2one value as the forms show it: read as superuser,
    like the web client does (``Many2one.convert_to_read``), because
    customer-service users see the employees and job positions of their
    scorecards without any access to the HR records."""
    return record.sudo().display_name if record else ""
