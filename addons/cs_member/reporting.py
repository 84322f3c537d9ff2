# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers of the suite's reports, written once for every module: a rate, how
forms print a figure, who may print a department-wide report, the label of a
selection value and the name of a record."""

from contextlib import contextmanager

from odoo.exceptions import AccessError
from odoo.tools import SQL

SUPERVISOR_GROUP = "cs_member.group_cs_supervisor"


@contextmanager
def without_jit(cr):
    """Run the figures' queries of a report or an assessment without
    PostgreSQL's JIT compilation: they read hundreds of thousands of rows in
    a fraction of a second, and compiling their expressions (20 to 30 ms per
    query on the assessment's month) costs more than it saves. The setting
    is the transaction's (``SET LOCAL``) and restored afterwards."""
    cr.execute(SQL("SELECT current_setting('jit'), set_config('jit', 'off', true)"))
    [jit, _off] = cr.fetchone()
    yield
    cr.execute(SQL("SELECT set_config('jit', %s, true)", jit))


def rate(part, whole):
    """Percentage rounded to one decimal; None when there is nothing to
    count (no rate is not a 0 % rate)."""
    return round(100.0 * part / whole, 1) if whole else None


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
    measure."""
    if value is None:
        return "–"
    return f"{value:.1f} %"


def check_report_right(env, message=None):
    """Department-wide reports (statistics, summaries, rankings, the monthly
    report, exports) are for supervisors and managers; ``message`` says which
    report was refused."""
    if env.su or env.user.has_group(SUPERVISOR_GROUP):
        return
    raise AccessError(
        message
        or env._("Only a customer-service supervisor or manager can print this report.")
    )


def selection_labels(records, field_name):
    """{value: label} of a selection field, in the language of ``records``'
    environment."""
    return dict(records._fields[field_name]._description_selection(records.env))


def record_name(record):
    """The name of a many2one value as the forms show it: read as superuser,
    like the web client does (``Many2one.convert_to_read``), because
    customer-service users see the employees and job positions of their
    reports without any access to the HR records."""
    return record.sudo().display_name if record else ""
