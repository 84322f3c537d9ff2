# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Technician Assessment",
    "summary": "After-sales indicators in the monthly assessment: repairs done, "
    "dispatch in time, opinion card ratings, repeat visits",
    "version": "18.0.1.0.0",
    "category": "Customer Service",
    "website": "https://github.com/cs-suite/customer-service",
    "author": "Customer Service Suite authors",
    "maintainers": ["cs-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["cs_kpi", "cs_service"],
    "data": [
        "data/cs_kpi_metric_data.xml",
        "data/cs_kpi_service_delivery_data.xml",
        "views/res_config_settings_views.xml",
        "report/cs_service_weekly_report.xml",
    ],
    "assets": {
        "web.assets_tests": ["cs_kpi_service/static/tests/tours/**/*"],
    },
    "auto_install": True,
    "installable": True,
}
