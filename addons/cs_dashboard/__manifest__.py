# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Dashboard",
    "summary": "A Customer Service dashboard in the Dashboards app: complaints, "
    "callbacks, coverage and the month's assessment, with 12 months of trends",
    "version": "18.0.1.0.0",
    "category": "Customer Service",
    "website": "https://github.com/cs-suite/customer-service",
    "author": "Customer Service Suite authors",
    "maintainers": ["cs-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["cs_kpi", "cs_satisfaction", "spreadsheet_dashboard"],
    "data": [
        "security/ir.model.access.csv",
        "security/cs_dashboard_security.xml",
        # the spreadsheet names the Dashboard Figures menu: load it first
        "views/cs_dashboard_month_views.xml",
        "data/cs_dashboard_data.xml",
    ],
    "demo": ["demo/cs_dashboard_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "cs_dashboard/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
