# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Staff Assessment",
    "summary": "Monthly staff assessment (考核), quality inspection (质检), rewards "
    "and penalties, the monthly service report (服务月报)",
    "version": "18.0.1.0.0",
    "category": "Customer Service",
    "website": "https://github.com/cs-suite/customer-service",
    "author": "Customer Service Suite authors",
    "maintainers": ["cs-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["cs_complaint", "hr", "survey"],
    "data": [
        "security/cs_kpi_security.xml",
        "security/ir.model.access.csv",
        "data/cs_kpi_metric_data.xml",
        "data/cs_kpi_fine_type_data.xml",
        "data/cs_qa_form_data.xml",
        "views/cs_kpi_metric_views.xml",
        "views/cs_kpi_template_views.xml",
        "views/cs_kpi_scorecard_views.xml",
        "views/cs_kpi_period_views.xml",
        "views/cs_kpi_event_views.xml",
        "views/cs_kpi_fine_type_views.xml",
        "views/res_config_settings_views.xml",
        "views/cs_callback_views.xml",
        "views/cs_qa_views.xml",
        "wizards/cs_kpi_reward_wizard_views.xml",
        "report/cs_kpi_scorecard_report.xml",
        "report/cs_kpi_ranking_report.xml",
        "report/cs_kpi_monthly_report.xml",
        "views/cs_kpi_report_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/cs_kpi_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "cs_kpi/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
