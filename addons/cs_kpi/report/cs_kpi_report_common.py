# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers shared by the assessment reports."""

from odoo.addons.cs_member import reporting


def check_report_right(env):
    """The ranking of every department, the period's XLSX and the monthly
    service report are for supervisors and managers; an agent reads only
    their own scorecard."""
    reporting.check_report_right(
        env,
        env._(
            "Only a customer-service supervisor or manager can print the "
            "ranking, the monthly service report or the assessment export."
        ),
    )
