# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "China's Working Calendar",
    "summary": "Public holidays and make-up working days (调休) of China on "
    "working schedules, imported from the chinesecalendar package",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/cs-suite/customer-service",
    "author": "Customer Service Suite authors",
    "maintainers": ["cs-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "depends": ["resource"],
    "external_dependencies": {"python": ["chinesecalendar"]},
    "data": [
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "wizards/cs_holiday_import_wizard_views.xml",
        "views/resource_calendar_views.xml",
    ],
    "post_init_hook": "post_init_hook",
    "installable": True,
}
