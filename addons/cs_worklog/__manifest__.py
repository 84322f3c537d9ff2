# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Work Logs",
    "summary": "Daily work logs (工作日志) prefilled from the day's callbacks, "
    "complaints and service requests; weekly, monthly and annual summaries and "
    "plans acknowledged by the manager",
    "version": "18.0.1.0.0",
    "category": "Customer Service",
    "website": "https://github.com/cs-suite/customer-service",
    "author": "Customer Service Suite authors",
    "maintainers": ["cs-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["cs_callback", "cs_complaint", "hr"],
    "data": [
        "security/cs_worklog_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/cs_worklog_views.xml",
        "views/cs_worklog_summary_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/cs_worklog_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "cs_worklog/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
